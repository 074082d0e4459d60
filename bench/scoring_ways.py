"""The two ways the CTranslate2 backend scores choices, by number of choices: which costs less.

Figure: the prompt computed again for each choice, every (prompt + choice) row in one
`score_batch` call (`Ct2Generator._score_per_choice`).
Baseline: the prompt computed once as a static prompt, then the choices' tokens forced one
decoding step at a time, all choices together (`Ct2Generator._score_on_prompt`).
Same 16 retrieval-style prompts as `bench scoring`; each question's choices padded to N with
other questions' answers. Ratio = baseline time / figure time (> 1: per choice is faster);
`PROMPT_PER_CHOICE_TOKENS` in models/ct2.py is set from where the ratio crosses 1. Runs on
whatever weights the backend chose here (int8 where int8 products are exact, else float32).
"""

import argparse

from bench.common import interleaved, median, report, world_prompts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=2, help="interleaved repetitions (median)")
    ap.add_argument("--prompts", type=int, default=16)
    ap.add_argument("--choices", type=int, nargs="+", default=[2, 3, 5, 8])
    args = ap.parse_args()

    from ragtune.config import ModelSettings, Settings
    from ragtune.models import get_pool
    from ragtune.models.generation import as_messages

    g = get_pool(Settings(model=ModelSettings(backend="ctranslate2"))).generator().backend
    items = world_prompts(args.prompts)
    others = sorted({c for it in items for c in it["choices"]})
    prefixes = [g.encode(g.render(as_messages(it["prompt"], None))) for it in items]
    rows = {}
    for n in args.choices:
        conts = [[g.encode(c) or [g.tokenizer.eos_token_id]
                  for c in (it["choices"] + [o for o in others if o not in it["choices"]])[:n]]
                 for it in items]
        per_choice, on_prompt = interleaved(
            lambda: g.worker.run(lambda: [g._score_per_choice(p, c) for p, c in zip(prefixes, conts)]),
            lambda: g.worker.run(lambda: [g._score_on_prompt(p, c) for p, c in zip(prefixes, conts)]),
            args.runs,
        )
        rows[n] = {"per_choice_s": median(per_choice), "on_prompt_s": median(on_prompt),
                   "ratio": median(on_prompt) / median(per_choice)}
    report(
        "scoring_ways",
        by_choices=rows,
        weights=g.weights,
        prompt_tokens_mean=sum(map(len, prefixes)) / len(prefixes),
        prompts=len(items),
        runs=args.runs,
    )


if __name__ == "__main__":
    main()
