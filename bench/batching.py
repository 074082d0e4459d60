"""Batched vs sequential answering: 32 prompts of ~250 tokens, 24 new tokens each.

Figure: one `generate` call over all prompts (left-padded batches of 16, fp32 greedy).
Baseline: the same prompts one at a time through the same generator.
Target: speed-up (sequential time / batched time) >= 3x.
"""

import argparse

from bench.common import report, timed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--prompts", type=int, default=32)
    ap.add_argument("--new-tokens", type=int, default=24)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()

    from ragtune.config import Settings
    from ragtune.models import get_pool

    gen = get_pool(Settings()).generator()
    passage = (
        "The Varonne archive holds letters, maps and ledgers from the river trade. "
        "Its reading room opens on weekdays, and visitors must register at the front desk. "
    )
    prompts = [
        f"Passage {i}: " + passage * 7 + f"\nQuestion {i}: What does the archive hold? Answer briefly."
        for i in range(args.prompts)
    ]
    lengths = [gen.count_tokens(gen.render(p)) for p in prompts]
    gen.generate(prompts[:2], max_new_tokens=4)  # warm-up
    t_batched = timed(
        lambda: gen.generate(prompts, max_new_tokens=args.new_tokens, batch_size=args.batch_size)
    )
    t_seq = timed(
        lambda: [gen.generate([p], max_new_tokens=args.new_tokens, batch_size=1) for p in prompts]
    )
    report(
        "batching",
        batched_s=t_batched,
        baseline_sequential_s=t_seq,
        ratio=t_seq / t_batched,
        target=">= 3",
        per_question_batched_s=t_batched / len(prompts),
        per_question_sequential_s=t_seq / len(prompts),
        prompt_tokens_mean=sum(lengths) / len(lengths),
        prompts=len(prompts),
        new_tokens=args.new_tokens,
    )


if __name__ == "__main__":
    main()
