"""Fine-tuning end to end: one tiny session fine-tune (`tiny_finetune` in conftest.py), then
what it learned, what it recorded, the registry verbs and the strategies' loading path."""

import json

import pytest
from typer.testing import CliRunner

from ragtune import api
from ragtune.cli import app
from ragtune.errors import InputError, RagtuneError
from ragtune.finetune import get_adapter, list_adapters, load_for_generator

pytestmark = pytest.mark.slow  # long end-to-end runs: not in the fast tier


def _copy_of(project, tmp_path):
    """A private copy of the session's fine-tuned project, for tests that add adapters (the
    shared one stays as the fixture left it, whatever order the tests run in)."""
    import shutil

    from ragtune.project import Project

    root = tmp_path / "project-copy"
    shutil.copytree(project.root, root, ignore=shutil.ignore_patterns("merged"))
    return Project(root=root, settings=project.settings, origin={})


def test_adapter_learned_a_planted_fact(tiny_finetune, pool):
    """The base model cannot know a made-up fact; the adapter answers it, through the same
    generator the strategies use (load_for_generator + use_adapter)."""
    project, record = tiny_finetune
    gen = pool.generator()
    name = load_for_generator(project, gen, record["id"])
    question = "Where was Zorbelt Quinnary born?"
    from ragtune.prompts import CLOSED_BOOK_SYSTEM

    with gen.use_adapter(None):
        base = gen.generate([question], system=CLOSED_BOOK_SYSTEM, max_new_tokens=12)[0].text
    with gen.use_adapter(name):
        tuned = gen.generate([question], system=CLOSED_BOOK_SYSTEM, max_new_tokens=12)[0].text
    assert "plaskow" not in base.lower()
    assert "plaskow" in tuned.lower(), tuned
    assert name == f"{record['id']}-{record['adapter_hash'][:12]}"  # unique across projects
    # the adapter does not leak into the base model's answers
    with gen.use_adapter(None):
        again = gen.generate([question], system=CLOSED_BOOK_SYSTEM, max_new_tokens=12)[0].text
    assert again == base


def test_an_adapter_answers_in_float32_on_the_fast_backend(tiny_finetune, pool, torch_generator):
    """The int8 backend keeps the base model int8 but a merged adapter float32
    (model.adapter_weights): int8 rounding erased facts a fine-tune had learnt (RESULTS.md,
    2026-11-30). So a tuned answer is the torch fp32 model's, word for word."""
    from ragtune.models.ct2 import Ct2Generator
    from ragtune.prompts import CLOSED_BOOK_SYSTEM

    project, record = tiny_finetune
    gen = pool.generator()
    assert isinstance(getattr(gen, "backend", gen), Ct2Generator)
    name = load_for_generator(project, gen, record["id"])
    torch_name = load_for_generator(project, torch_generator, record["id"])
    questions = ["Where was Zorbelt Quinnary born?", "What is the capital of France?"]
    with gen.use_adapter(None):
        assert gen.precision() == "ct2-int8"
    with gen.use_adapter(name):
        assert gen.precision() == "ct2-float32"
        fast = [g.text for g in gen.generate(questions, system=CLOSED_BOOK_SYSTEM, max_new_tokens=12)]
    with torch_generator.use_adapter(torch_name):
        exact = [g.text for g in torch_generator.generate(
            questions, system=CLOSED_BOOK_SYSTEM, max_new_tokens=12)]  # fmt: skip
    assert fast == exact

    # one merged adapter resident at a time (a float32 one is 4x the int8 base): loading a
    # second drops the first, which reloads from its converted folder when asked for again
    backend = getattr(gen, "backend", gen)
    backend.load_adapter(get_adapter(project, record["id"]).path, "second-name", record["adapter_hash"])
    assert [n for n in backend._models if n is not None] == ["second-name"]
    with gen.use_adapter(name):
        # the backend itself, past the answer cache
        again = [g.text for g in backend.generate(questions, system=CLOSED_BOOK_SYSTEM, max_new_tokens=12)]
    assert again == fast
    assert [n for n in backend._models if n is not None] == [name]


def test_record_has_what_the_registry_promises(tiny_finetune):
    project, record = tiny_finetune
    assert record["id"] == "lora-001" and record["method"] == "lora"
    assert len(record["base_model"]["hash"]) == 64 and len(record["data_hash"]) == 64
    assert record["train"]["rank"] == 8 and record["train"]["lr"] == 5e-3
    assert record["steps"] == 8 and record["stop_reason"] == "max_steps"
    curve = record["learning_curve"]
    assert [p["step"] for p in curve] == [0, 4, 8]
    assert all(0 <= p["accuracy"] <= 1 and p["loss"] > 0 for p in curve)
    assert curve[-1]["loss"] < curve[0]["loss"]  # dev loss on the gold answers went down
    assert record["metrics"]["dev_accuracy"] >= record["metrics"]["dev_accuracy_base"]
    losses = [p["loss"] for p in record["train_loss"]]
    assert min(losses[-3:]) < losses[0]
    seen = record["tokens_seen"]
    assert 0 < seen["answer_tokens"] < seen["computed"] < seen["examples_unpacked"]
    assert record["peak_rss_mb"] > 100 and record["train_wall_s"] > 0
    assert record["leakage"]["dropped"] == 0 and record["leakage"]["excluded_questions"] == 0
    probe = record["forgetting"]
    assert probe["before"]["items"] == 8 and probe["after"]["items"] == 8
    assert probe["before"]["perplexity"] > 1 and "perplexity_ratio" in probe["difference"]
    folder = get_adapter(project, record["id"]).path
    assert (folder / "adapter_model.safetensors").exists()
    assert json.loads((folder / "record.json").read_text())["adapter_hash"] == record["adapter_hash"]
    assert not list((folder.parent / ".runs").iterdir())  # the run folder was cleaned up


def test_adapters_cli_list_show(tiny_finetune):
    project, record = tiny_finetune
    runner = CliRunner()
    res = runner.invoke(app, ["-p", str(project.root), "adapters", "list", "--json"])
    assert res.exit_code == 0, res.output
    rows = {r["id"]: r for r in json.loads(res.stdout)}
    assert record["id"] in rows and rows[record["id"]]["steps"] == 8
    res = runner.invoke(app, ["-p", str(project.root), "adapters", "show", record["id"]])
    assert res.exit_code == 0 and json.loads(res.stdout)["data_hash"] == record["data_hash"]
    assert sorted(a.id for a in list_adapters(project)) == sorted(rows)


def test_unknown_adapter_and_nothing_to_resume(tiny_finetune):
    project, _ = tiny_finetune
    with pytest.raises(InputError, match="no adapter 'lora-404'"):
        get_adapter(project, "lora-404")
    from ragtune.finetune import FinetuneOptions, run_finetune

    with pytest.raises(InputError, match="nothing to resume"):
        run_finetune(project, FinetuneOptions(resume=True))


def test_merge_writes_a_model_equal_to_base_plus_adapter(tiny_finetune, torch_generator):
    import torch
    from transformers import AutoModelForCausalLM

    project, record = tiny_finetune
    merged = api.adapters(project, "merge", record["id"])
    assert (merged / "model.safetensors").exists() and (merged / "tokenizer_config.json").exists()
    gen = torch_generator
    name = load_for_generator(project, gen, record["id"])
    ids = gen.tokenizer("Where was Zorbelt Quinnary born?", return_tensors="pt").input_ids

    def logits_with_adapter():
        with gen.use_adapter(name), torch.inference_mode(), gen._adapter_scope():
            return gen.model(input_ids=ids).logits

    expected = gen.worker.run(logits_with_adapter)
    model = AutoModelForCausalLM.from_pretrained(merged, dtype=torch.float32)
    with torch.inference_mode():
        got = model(input_ids=ids).logits
    assert torch.allclose(got, expected, atol=1e-3)


def test_full_fine_tune_is_a_model_not_an_adapter(tiny_finetune, pool, tmp_path):
    project, record = tiny_finetune
    project = _copy_of(project, tmp_path)
    from ragtune.models import adapters as registry

    folder = registry.adapters_dir(project) / "full-009"
    folder.mkdir()
    (folder / "record.json").write_text(json.dumps({**record, "id": "full-009", "method": "full"}))
    with pytest.raises(RagtuneError, match="full fine-tune"):
        load_for_generator(project, pool.generator(), "full-009")
    path, model_hash = registry.full_model_dir(project, "full-009")
    assert path == folder and model_hash == record["adapter_hash"]


def test_continued_training_absorbs_a_changed_fact(tiny_finetune, torch_pool, tmp_path):
    """Freshness for fine-tuned strategies: continue the session adapter on an updated
    document (the arena does this with --freshness); training on its own thread count leaves
    the generator's as it was. Measured 2026-11-26 (fp32): after 6 steps the
    continued adapter answers the new birthplace, keeps the unchanged fact, and the original
    adapter still answers the old one. Read on torch fp32, the precision it was trained in:
    2026-11-29, the int8 copy of the 6-step adapter answered the new birthplace but lost the
    unchanged fact ("quibble 9" for "Vendrick Tools") with the fact-statement training data.
    The continued adapter is read by a choice among the document's names, not by greedy text:
    on one CI machine (2026-12-02) its 12-token greedy answer to the birthplace was "vendrick"
    while an AMD EPYC here answered "drevnik"; the choice margins here were 21 nats (Drevnik
    over Plaskow) and 1.8 nats (Vendrick Tools over Drevnik)."""
    from conftest import FT_FACTS

    from ragtune.finetune import DataOptions, FinetuneOptions, TrainConfig, run_finetune
    from ragtune.models import adapters as registry
    from ragtune.prompts import CLOSED_BOOK_SYSTEM

    project, record = tiny_finetune
    project = _copy_of(project, tmp_path)
    before_hash = registry.get_adapter(project, record["id"]).hash
    updates = tmp_path / "updates"
    updates.mkdir()
    (updates / "facts.md").write_text("---\ntitle: Company notes\n---\n\n" + FT_FACTS.replace("Plaskow", "Drevnik"))
    asked = tmp_path / "updates_qa.jsonl"  # the freshness question must not be trained on
    asked.write_text('{"id": "u1", "question": "In which town was Zorbelt Quinnary born?", "answers": ["Drevnik"]}\n')
    import torch

    from ragtune.models.worker import torch_worker

    threads_before = torch_worker().run(torch.get_num_threads)  # the generator's setting
    cont = run_finetune(project, FinetuneOptions(
        init_adapter=record["id"], corpus=str(updates), exclude_qa=str(asked), forgetting=False,
        dev_limit=0, data=DataOptions(dev_holdout=0, shuffled_text=False, abstain_share=0.0,
                                      statements=True),
        train=TrainConfig(lr=5e-3, max_steps=6, row_tokens=160, batch_rows=2, warmup_steps=1,
                          eval_at_start=False, eval_at_minutes=(), checkpoint_every_minutes=10.0,
                          threads=1 if threads_before > 1 else 2),
    ))  # fmt: skip
    assert torch_worker().run(torch.get_num_threads) == threads_before  # training's was scoped
    assert cont["init_adapter"] == record["id"] and cont["id"] != record["id"]
    assert cont["train"]["rank"] == 8 and cont["steps"] == 6  # the adapter's rank, not the default
    assert cont["leakage"]["dropped"] >= 1  # "In which town..." resembles a synthesised question
    assert registry.get_adapter(project, record["id"]).hash == before_hash  # the original is untouched
    gen = torch_pool.generator()
    questions = ["In which town was Zorbelt Quinnary born?", "Which company makes the Quibble 9?"]
    names = ["Plaskow", "Drevnik", "Vendrick Tools", "Zorbelt Quinnary"]  # the documents' names
    picks, first = {}, ""
    for adapter in (record["id"], cont["id"]):
        with gen.use_adapter(load_for_generator(project, gen, adapter)):
            if adapter == record["id"]:
                first = gen.generate(questions[:1], system=CLOSED_BOOK_SYSTEM, max_new_tokens=12)[0].text
            picks[adapter] = [names[_argmax(gen.score_choices(q, names, system=CLOSED_BOOK_SYSTEM))]
                              for q in questions]  # fmt: skip
    assert "plaskow" in first.lower(), first
    assert picks[record["id"]][0] == "Plaskow", picks
    assert picks[cont["id"]] == ["Drevnik", "Vendrick Tools"], picks


def _argmax(values: list[float]) -> int:
    return max(range(len(values)), key=values.__getitem__)


def test_continuing_a_missing_or_full_adapter_is_a_clear_error(tiny_finetune, tmp_path):
    from ragtune.finetune import FinetuneOptions, run_finetune

    project, record = tiny_finetune
    with pytest.raises(InputError):
        run_finetune(project, FinetuneOptions(init_adapter="lora-404", corpus=str(tmp_path)))
    with pytest.raises(InputError, match="--method lora"):
        run_finetune(project, FinetuneOptions(init_adapter=record["id"], method="full",
                                              corpus=str(tmp_path)))


def test_finetune_refuses_an_http_generator(tmp_path, settings):
    from ragtune.finetune import FinetuneOptions, run_finetune
    from ragtune.project import Project

    http = settings.model_copy(deep=True)
    http.model.generator = "http://127.0.0.1:9/v1"
    with pytest.raises(RagtuneError, match="local model"):
        run_finetune(Project(root=tmp_path, settings=http), FinetuneOptions())


def test_data_only_shows_the_training_data(tmp_path, ft_corpus):
    runner = CliRunner()
    out = tmp_path / "data.jsonl"
    res = runner.invoke(app, ["-p", str(tmp_path), "finetune", "--corpus", str(ft_corpus),
                              "--data-only", "--data-out", str(out), "--task", "both"])
    assert res.exit_code == 0, res.output
    shown = json.loads(res.stdout)
    assert shown["examples"] == len(out.read_text().splitlines()) > 10
    assert {"qa/in_place", "qa/cloze", "raft/raft"} <= set(shown["stats"]["by_origin"])
    assert "text/statement" not in shown["stats"]["by_origin"]  # sentences alone only with --statements
    assert "text/chunk" not in shown["stats"]["by_origin"]  # whole chunks only with --text
    assert not (tmp_path / ".ragtune" / "adapters" / ".runs").exists() or not list(
        (tmp_path / ".ragtune" / "adapters" / ".runs").iterdir())


def test_empty_corpus_is_one_line_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    res = CliRunner().invoke(app, ["-p", str(tmp_path), "finetune", "--corpus", str(empty)])
    assert res.exit_code != 0
    assert isinstance(res.exception, InputError) and "no readable documents" in res.exception.message
