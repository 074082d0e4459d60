"""Adapters over HTTP: `ragtune serve`'s raw generator answers `MODEL:ADAPTER_ID` (vLLM's
naming) with the project's LoRA adapter, so an HTTP generator pointing at it runs
`closed_book@adapter=ID` exactly as the local adapter does (fp32 greedy)."""

import openai
import pytest

from ragtune.models.http import HttpGenerator
from ragtune.project import Project
from ragtune.serve import create_app
from ragtune.serve.openai_compat import serve_in_thread
from ragtune.strategies import build_strategy

QUESTIONS = ["Where was Zorbelt Quinnary born?", "Which company makes the Quibble 9?",
             "Who makes the Quibble 9?"]  # fmt: skip


def test_http_generator_runs_the_adapter_as_the_local_one_does(tiny_finetune, torch_pool, torch_settings):
    trained, record = tiny_finetune
    # the fine-tune's project on torch fp32: batched and one-at-a-time greedy text agree there
    project = Project(root=trained.root, settings=torch_settings, origin={})
    pool = torch_pool
    adapter = record["id"]
    spec = f"closed_book@adapter={adapter}"
    expected = [a.text for a in build_strategy(spec, project, pool.generator()).answer_many(QUESTIONS)]
    base = [a.text for a in build_strategy("closed_book", project, pool.generator()).answer_many(QUESTIONS)]
    assert expected != base  # the adapter changes the answers: the test can tell them apart

    app = create_app(project, open_access=True, default_model="smollm2-135m")
    with serve_in_thread(app) as url:
        client = openai.OpenAI(base_url=url, api_key="unused", max_retries=0)
        cards = {m.id: m.model_extra["ragtune"] for m in client.models.list().data}
        assert cards[f"smollm2-135m:{adapter}"]["adapter"] == adapter
        http = HttpGenerator(url, max_retries=0)
        assert http.model == "smollm2-135m"  # the default model is listed first
        got = [a.text for a in build_strategy(spec, project, http).answer_many(QUESTIONS)]
        got_base = [a.text for a in build_strategy("closed_book", project, http).answer_many(QUESTIONS)]
        with pytest.raises(openai.NotFoundError) as missing:
            client.chat.completions.create(model="smollm2-135m:lora-999",
                                           messages=[{"role": "user", "content": "hi"}])  # fmt: skip
        assert missing.value.body["param"] == "model" and "lora-999" in missing.value.body["message"]
    assert got == expected and got_base == base
