"""The raw libraries on this machine: CTranslate2 int8 vs transformers torch fp32, no ragtune code.

What the targets of `bench generation` and `bench scoring` are measured against: the ratio
the raw libraries reach on the machine at hand (issue 17: "what the raw library reaches here;
the goal is to lose nothing of it in the pipeline"). The same 16 retrieval-style chat prompts
as those benches (rendered and tokenised once), the same loaded models:
- generation: exactly `--new-tokens` new tokens (the end token disabled), greedy; one prompt per
  call (sequential) and all in one call (batched; torch pads on the left);
- scoring: the log-likelihood of every token of prompt + first choice, all rows in one call
  (CTranslate2 `score_batch`; torch one forward pass with log-softmax).
Figure: CTranslate2 int8; baseline: torch fp32; ratio = torch time / CTranslate2 time, median
of interleaved runs. Compare a pipeline ratio with the raw ratio of the same session: the
pipeline keeps what the library gives when the two are close.
"""

import argparse

from bench.common import interleaved, median, report, world_prompts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=3, help="interleaved repetitions (median)")
    ap.add_argument("--prompts", type=int, default=16)
    ap.add_argument("--new-tokens", type=int, default=24)
    args = ap.parse_args()

    import torch

    from bench.common import generators
    from ragtune.models.generation import as_messages

    gens = generators()
    fast, slow = gens["fast"], gens["torch"]
    items = world_prompts(args.prompts)
    ids = [fast.encode(fast.render(as_messages(it["prompt"], None))) for it in items]
    rows = [p + (fast.encode(it["choices"][0]) or [fast.tokenizer.eos_token_id]) for p, it in zip(ids, items)]
    n = args.new_tokens
    engine = fast.worker.run(lambda: fast.engine)
    model, pad = slow.model, slow.tokenizer.pad_token_id

    def ct2_generate(batch: list[list[int]]):  # noqa: ANN202
        return fast.worker.run(lambda: engine.generate_batch(
            [fast._tokens(b) for b in batch], max_length=n, min_length=n, end_token=[],
            sampling_topk=1, include_prompt_in_result=False))

    def torch_batch(batch: list[list[int]]) -> tuple:
        width = max(len(b) for b in batch)
        input_ids = torch.tensor([[pad] * (width - len(b)) + b for b in batch])
        mask = torch.tensor([[0] * (width - len(b)) + [1] * len(b) for b in batch])
        return input_ids, mask

    def torch_generate(batch: list[list[int]]):  # noqa: ANN202
        input_ids, mask = torch_batch(batch)

        def run():  # noqa: ANN202
            with torch.inference_mode():
                return model.generate(input_ids=input_ids, attention_mask=mask, max_new_tokens=n,
                                      min_new_tokens=n, do_sample=False, pad_token_id=pad)
        return slow.worker.run(run)

    def ct2_score():  # noqa: ANN202
        return fast.worker.run(lambda: engine.score_batch([fast._tokens(r) for r in rows]))

    def torch_score():  # noqa: ANN202
        input_ids, mask = torch_batch(rows)

        def run():  # noqa: ANN202
            with torch.inference_mode():
                logits = model(input_ids=input_ids, attention_mask=mask).logits
                logp = torch.log_softmax(logits[:, :-1].float(), dim=-1)
                return logp.gather(-1, input_ids[:, 1:, None])[..., 0] * mask[:, 1:]
        return slow.worker.run(run)

    ct2_generate(ids[:2])  # warm-up
    torch_generate(ids[:2])
    seq = interleaved(lambda: [ct2_generate([p]) for p in ids], lambda: [torch_generate([p]) for p in ids], args.runs)
    bat = interleaved(lambda: ct2_generate(ids), lambda: torch_generate(ids), args.runs)
    sco = interleaved(ct2_score, torch_score, args.runs)
    report(
        "raw",
        sequential_ratio=median(seq[1]) / median(seq[0]),
        batched_ratio=median(bat[1]) / median(bat[0]),
        scoring_ratio=median(sco[1]) / median(sco[0]),
        runs_s={"sequential_ct2": seq[0], "sequential_torch": seq[1], "batched_ct2": bat[0],
                "batched_torch": bat[1], "scoring_ct2": sco[0], "scoring_torch": sco[1]},
        prompt_tokens_mean=sum(map(len, ids)) / len(ids),
        prompts=len(ids),
        new_tokens=n,
        runs=args.runs,
        threads=fast.threads,
    )


if __name__ == "__main__":
    main()
