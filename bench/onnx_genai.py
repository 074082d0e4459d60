"""onnxruntime-genai vs the int8 CTranslate2 backend on the same prompts (the backend choice).

Not a dependency of ragtune: install it beside (`pip install --target DIR onnxruntime-genai==0.18.0
onnx onnx_ir`, DIR on PYTHONPATH) and build the model with its builder from the cached
safetensors copy (28 s here):
    python -m onnxruntime_genai.models.builder -m HuggingFaceTB/SmolLM2-135M-Instruct \\
        -i ~/.cache/ragtune/models/smollm2-135m-instruct -o OUT -p int4 -e cpu \\
        --extra_options int4_accuracy_level=4
Figure: onnxruntime-genai (int4 weights, int8 activations), 16 world prompts, 24 new tokens,
greedy, one per call and 16 in one call. Baseline: ragtune's int8 CTranslate2 generator.
"""

import argparse
import time

from bench.common import generators, report, world_prompts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", required=True, help="the builder's output folder")
    ap.add_argument("--prompts", type=int, default=16)
    ap.add_argument("--new-tokens", type=int, default=24)
    args = ap.parse_args()

    import onnxruntime_genai as og

    prompts = [p["prompt"] for p in world_prompts(args.prompts)]
    ct2 = generators()["fast"]
    texts = [ct2.render(p) for p in prompts]
    model = og.Model(args.model)
    tok = og.Tokenizer(model)
    n = args.new_tokens

    def run(ids, batch: int) -> og.Generator:  # noqa: ANN001
        params = og.GeneratorParams(model)
        width = int(ids.shape[1]) if batch > 1 else len(ids)
        params.set_search_options(max_length=width + n, do_sample=False, batch_size=batch)
        g = og.Generator(model, params)
        g.append_tokens(ids)
        while not g.is_done():
            g.generate_next_token()
        return g

    def one(text: str) -> str:
        ids = tok.encode(text)
        return tok.decode(run(ids, 1).get_sequence(0)[len(ids):])

    one(texts[0])
    ct2.generate(prompts[:1], max_new_tokens=4)
    t = time.perf_counter()
    ortg_texts = [one(x) for x in texts]
    ortg_seq = time.perf_counter() - t
    t = time.perf_counter()
    ct2_texts = [ct2.generate([p], max_new_tokens=n, batch_size=1)[0].text for p in prompts]
    ct2_seq = time.perf_counter() - t
    t = time.perf_counter()
    run(tok.encode_batch(texts), len(texts))
    ortg_bat = time.perf_counter() - t
    t = time.perf_counter()
    ct2.generate(prompts, max_new_tokens=n, batch_size=len(prompts))
    ct2_bat = time.perf_counter() - t
    report(
        "onnx_genai",
        onnx_genai_sequential_s=ortg_seq, ctranslate2_sequential_s=ct2_seq,
        sequential_ratio=ortg_seq / ct2_seq,
        onnx_genai_batched_s=ortg_bat, ctranslate2_batched_s=ct2_bat,
        batched_ratio=ortg_bat / ct2_bat,
        note="ratio > 1: CTranslate2 is faster",
        example={"onnx_genai": ortg_texts[0].strip(), "ctranslate2": ct2_texts[0]},
        prompts=len(prompts), new_tokens=n,
    )


if __name__ == "__main__":
    main()
