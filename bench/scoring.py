"""Choice scoring on the fast int8 backend (CTranslate2) vs torch fp32: same questions, one run.

Figure: ragtune's int8 generator's `score_choices` (the log-likelihood of each choice as the
reply; the question is computed once, then the choices' tokens), 16 retrieval-style prompts of
~220 tokens from the small world's dev split, 2-3 choices each.
Baseline: ragtune's torch generator (fp32, the question once on a KV cache, then the choices).
Target: >= 1.8x. Also reported: how often both pick the same choice, and each one's accuracy.
"""

import argparse

import numpy as np

from bench.common import interleaved, median, report, world_prompts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=3, help="interleaved repetitions (median)")
    ap.add_argument("--prompts", type=int, default=16)
    args = ap.parse_args()

    from bench.common import generators

    gens = generators()
    items = world_prompts(args.prompts)

    def scores(g):  # noqa: ANN001, ANN202
        return [g.score_choices(it["prompt"], it["choices"]) for it in items]

    for g in gens.values():  # warm-up
        g.score_choices(items[0]["prompt"], items[0]["choices"])
    t_fast, t_torch = interleaved(lambda: scores(gens["fast"]), lambda: scores(gens["torch"]), args.runs)
    picks = {k: [it["choices"][int(np.argmax(s))] for it, s in zip(items, scores(g))]
             for k, g in gens.items()}
    report(
        "scoring",
        fast_s=median(t_fast),
        torch_s=median(t_torch),
        ratio=median(t_torch) / median(t_fast),
        runs_s={"fast": t_fast, "torch": t_torch},  # every run (the machine's speed drifts)
        target=">= 1.8",
        same_pick=f"{sum(a == b for a, b in zip(picks['fast'], picks['torch']))}/{len(items)}",
        right_fast=sum(p == it["answer"] for p, it in zip(picks["fast"], items)),
        right_torch=sum(p == it["answer"] for p, it in zip(picks["torch"], items)),
        questions=len(items),
        choices_mean=sum(len(it["choices"]) for it in items) / len(items),
        runs=args.runs,
    )


if __name__ == "__main__":
    main()
