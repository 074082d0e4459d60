"""onnxruntime-genai vs the int8 CTranslate2 backend on the same prompts (the backend choice).

Not a dependency of ragtune: install it beside (`pip install --target DIR onnxruntime-genai==0.18.0
onnx onnx_ir`, DIR on PYTHONPATH; drop DIR/numpy* so the project's numpy stays) and build the
model with its builder from the cached safetensors copy (21-28 s here):
    python -m onnxruntime_genai.models.builder -m HuggingFaceTB/SmolLM2-135M-Instruct \\
        -i ~/.cache/ragtune/models/smollm2-135m-instruct -o OUT -p int4 -e cpu \\
        --extra_options int4_accuracy_level=4
Figures: onnxruntime-genai (int4 weights, int8 activations) against ragtune's int8 CTranslate2
generator, interleaved runs, medians:
- generation: 16 world prompts, 24 new tokens, greedy, one per call and 16 in one call;
- choice scoring: 16 retrieval-style prompts with 2-3 choices (bench scoring's items); the
  prompt is computed once, then each choice's tokens in one forward, and `rewind_to` drops them
  before the next choice (the path onnxruntime-genai offers that CTranslate2 lacks).
Ratios > 1: CTranslate2 is faster.
"""

import argparse

import numpy as np

from bench.common import generators, interleaved, median, report, world_prompts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", required=True, help="the builder's output folder")
    ap.add_argument("--prompts", type=int, default=16)
    ap.add_argument("--new-tokens", type=int, default=24)
    ap.add_argument("--runs", type=int, default=3, help="interleaved repetitions (median)")
    args = ap.parse_args()

    import onnxruntime_genai as og

    items = world_prompts(args.prompts)
    prompts = [p["prompt"] for p in items]
    ct2 = generators()["fast"]
    texts = [ct2.render(p) for p in prompts]
    model = og.Model(args.model)
    tok = og.Tokenizer(model)
    n = args.new_tokens

    def run(ids, batch: int) -> og.Generator:  # noqa: ANN001
        params = og.GeneratorParams(model)
        width = int(ids.shape()[1]) if batch > 1 else len(ids)  # a batch is an og.Tensor
        params.set_search_options(max_length=width + n, do_sample=False, batch_size=batch)
        g = og.Generator(model, params)
        g.append_tokens(ids)
        while not g.is_done():
            g.generate_next_token()
        return g

    def one(text: str) -> str:
        ids = tok.encode(text)
        return tok.decode(run(ids, 1).get_sequence(0)[len(ids):])

    def ortg_score(prompt: str, choices: list[str]) -> list[float]:
        # the same tokens as ragtune's scoring: the rendered chat, then each choice's tokens
        ids = ct2.encode(ct2.render(prompt))
        conts = [ct2.encode(c) or [ct2.tokenizer.eos_token_id] for c in choices]
        params = og.GeneratorParams(model)
        params.set_search_options(max_length=len(ids) + max(map(len, conts)) + 1, do_sample=False)
        g = og.Generator(model, params)
        g.append_tokens(np.array(ids[:-1], dtype=np.int32))
        scores = []
        for c in conts:
            fed = [ids[-1], *c[:-1]]
            g.append_tokens(np.array(fed, dtype=np.int32))
            logits = np.asarray(g.get_output("logits"), dtype=np.float64)
            logits = logits.reshape(-1, logits.shape[-1])[-len(fed):]
            top = logits.max(axis=1, keepdims=True)
            logp = logits - top - np.log(np.exp(logits - top).sum(axis=1, keepdims=True))
            scores.append(float(sum(logp[j, t] for j, t in enumerate(c))))
            g.rewind_to(len(ids) - 1)
        return scores

    one(texts[0])
    ct2.generate(prompts[:1], max_new_tokens=4)
    out: dict[str, list[str]] = {}

    def ortg_seq() -> None:
        out["onnx_genai"] = [one(x) for x in texts]

    def ct2_seq() -> None:
        out["ctranslate2"] = [ct2.generate([p], max_new_tokens=n, batch_size=1)[0].text for p in prompts]

    t_og_seq, t_ct_seq = interleaved(ortg_seq, ct2_seq, args.runs)
    t_og_bat, t_ct_bat = interleaved(lambda: run(tok.encode_batch(texts), len(texts)),
                                     lambda: ct2.generate(prompts, max_new_tokens=n, batch_size=len(prompts)),
                                     args.runs)
    picks: dict[str, list[str]] = {}

    def scorer(name: str, fn):  # noqa: ANN001, ANN202
        def go() -> None:
            picks[name] = [it["choices"][int(np.argmax(fn(it["prompt"], it["choices"])))] for it in items]
        return go

    t_og_sc, t_ct_sc = interleaved(scorer("onnx_genai", ortg_score), scorer("ctranslate2", ct2.score_choices), args.runs)
    report(
        "onnx_genai",
        sequential_ratio=median(t_og_seq) / median(t_ct_seq),
        batched_ratio=median(t_og_bat) / median(t_ct_bat),
        scoring_ratio=median(t_og_sc) / median(t_ct_sc),
        runs_s={"onnx_genai_sequential": t_og_seq, "ctranslate2_sequential": t_ct_seq,
                "onnx_genai_batched": t_og_bat, "ctranslate2_batched": t_ct_bat,
                "onnx_genai_scoring": t_og_sc, "ctranslate2_scoring": t_ct_sc},
        note="ratio > 1: CTranslate2 is faster",
        example={k: v[0].strip() for k, v in out.items()},
        scoring_right={k: sum(p == it["answer"] for p, it in zip(v, items)) for k, v in picks.items()},
        same_pick=sum(a == b for a, b in zip(picks["onnx_genai"], picks["ctranslate2"])),
        prompts=len(prompts), new_tokens=n, runs=args.runs,
    )


if __name__ == "__main__":
    main()
