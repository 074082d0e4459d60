"""Answering on the fast int8 backend (CTranslate2) vs torch fp32: same prompts, one run.

Figure: ragtune's int8 generator (model.backend = auto), 16 retrieval-style chat prompts of
~220 tokens from the small world's dev split, 24 new tokens, greedy: one prompt per call
(sequential) and all 16 in one call (batched).
Baseline: ragtune's torch generator (model.backend = torch, fp32) on the same prompts and calls.
Targets: sequential >= 2.3x, batched >= 1.6x (what the raw library reaches on 2 cores,
REFERENCES.md "Faster CPU inference"). Also reported: how many answers are word for word
the fp32 ones (int8 rounding changes some).
"""

import argparse

from bench.common import interleaved, median, report, world_prompts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=2, help="interleaved repetitions (median)")
    ap.add_argument("--prompts", type=int, default=16)
    ap.add_argument("--new-tokens", type=int, default=24)
    args = ap.parse_args()

    from bench.common import generators

    gens = generators()
    prompts = [p["prompt"] for p in world_prompts(args.prompts)]
    n = args.new_tokens

    def sequential(g):  # noqa: ANN001, ANN202
        return lambda: [g.generate([p], max_new_tokens=n, batch_size=1)[0] for p in prompts]

    def batched(g):  # noqa: ANN001, ANN202
        return lambda: g.generate(prompts, max_new_tokens=n, batch_size=len(prompts))

    for g in gens.values():  # warm-up
        g.generate(prompts[:2], max_new_tokens=4)
    seq_fast, seq_torch = interleaved(sequential(gens["fast"]), sequential(gens["torch"]), args.runs)
    bat_fast, bat_torch = interleaved(batched(gens["fast"]), batched(gens["torch"]), args.runs)
    texts = {k: [x.text for x in batched(g)()] for k, g in gens.items()}
    lengths = [gens["torch"].count_tokens(gens["torch"].render(p)) for p in prompts]
    report(
        "generation",
        sequential_fast_s=median(seq_fast),
        sequential_torch_s=median(seq_torch),
        sequential_ratio=median(seq_torch) / median(seq_fast),
        batched_fast_s=median(bat_fast),
        batched_torch_s=median(bat_torch),
        batched_ratio=median(bat_torch) / median(bat_fast),
        # every run's times: the machine's speed drifts, and a ratio near its target is only
        # as good as the spread of the runs behind it
        runs_s={"sequential_fast": seq_fast, "sequential_torch": seq_torch,
                "batched_fast": bat_fast, "batched_torch": bat_torch},
        target="sequential >= 2.3, batched >= 1.6",
        same_text_as_fp32=f"{sum(a == b for a, b in zip(texts['fast'], texts['torch']))}/{len(prompts)}",
        example={"fast": texts["fast"][0], "torch": texts["torch"][0]},
        prompt_tokens_mean=sum(lengths) / len(lengths),
        prompts=len(prompts),
        new_tokens=n,
        runs=args.runs,
        threads=gens["fast"].threads,
    )


if __name__ == "__main__":
    main()
