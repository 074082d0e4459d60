"""ragtune's torch generator vs bare `model.generate` on the same prompts (the wrapper's cost).

(Until 2026-11-29 this was `bench generation`, which now compares the int8 and torch backends.)
Figure: ragtune's torch LocalGenerator.generate (chat template, batching, decoding, token counts).
Baseline: the same model object's `generate` on pre-tokenised, pre-padded inputs.
Target: ratio (baseline time / ours) >= 0.95, median of 5 interleaved runs.
"""

import argparse

from bench.common import interleaved, median, report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--prompts", type=int, default=8)
    ap.add_argument("--new-tokens", type=int, default=24)
    args = ap.parse_args()

    import torch

    from ragtune.config import ModelSettings, Settings
    from ragtune.models import get_pool

    # no cache_dir: no generation cache
    gen = get_pool(Settings(model=ModelSettings(backend="torch"))).generator()
    prompts = [f"Write one sentence about the number {i}." for i in range(args.prompts)]
    texts = [gen.render(p) for p in prompts]
    tok = gen.tokenizer
    batch = tok(texts, add_special_tokens=False, padding=True, return_tensors="pt")

    def ours() -> None:
        gen.generate(prompts, max_new_tokens=args.new_tokens, batch_size=len(prompts))

    def bare() -> None:
        with torch.inference_mode():
            gen.model.generate(**batch, max_new_tokens=args.new_tokens, do_sample=False,
                               pad_token_id=tok.pad_token_id, eos_token_id=gen.eos_ids)

    ours()  # warm-up both paths
    gen.worker.run(bare)
    t_ours, t_bare = interleaved(ours, lambda: gen.worker.run(bare), args.runs)
    report(
        "overhead",
        ours_s=median(t_ours),
        baseline_bare_generate_s=median(t_bare),
        ratio=median(t_bare) / median(t_ours),
        target=">= 0.95",
        runs=args.runs,
        prompts=args.prompts,
        new_tokens=args.new_tokens,
    )


if __name__ == "__main__":
    main()
