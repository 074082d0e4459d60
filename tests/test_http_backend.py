"""The HTTP generator against `ragtune serve` (its raw-generator model, open localhost mode)
wrapping the real local generator: same fp32 greedy text as the local backend, streaming,
usage, retries, errors."""

import pytest
from fastapi import Request
from fastapi.responses import JSONResponse

from ragtune.errors import ModelError
from ragtune.models.http import HttpGenerator
from ragtune.project import Project
from ragtune.serve import create_app
from ragtune.serve.openai_compat import serve_in_thread

PROMPTS = ["What is the capital of France?", "Name three primary colors."]


@pytest.fixture(scope="module")
def server(pool, settings, tmp_path_factory):
    # `ragtune serve` itself: the raw generator is listed first as the default model
    project = Project(root=tmp_path_factory.mktemp("http-backend"), settings=settings, origin={})
    app = create_app(project, open_access=True, default_model="smollm2-135m")
    state = {"fail": 0, "key": None}

    @app.middleware("http")
    async def faults(request: Request, call_next):
        if state["key"] and request.headers.get("authorization") != f"Bearer {state['key']}":
            return JSONResponse({"error": {"message": "bad key", "type": "auth"}}, status_code=401)
        if state["fail"] > 0 and request.url.path.endswith("/chat/completions"):
            state["fail"] -= 1
            return JSONResponse({"error": {"message": "boom", "type": "server_error"}}, status_code=503)
        return await call_next(request)

    with serve_in_thread(app) as url:
        yield url, state


def test_http_backend_returns_the_local_greedy_text(server, pool):
    url, _ = server
    local = pool.generator().generate(PROMPTS, max_new_tokens=24)
    http = HttpGenerator(url, max_retries=0)
    assert http.model == "smollm2-135m"  # discovered from /v1/models
    remote = http.generate(PROMPTS, max_new_tokens=24)
    assert [g.text for g in remote] == [g.text for g in local]
    assert [g.prompt_tokens for g in remote] == [g.prompt_tokens for g in local]
    assert [g.completion_tokens for g in remote] == [g.completion_tokens for g in local]
    assert http.usage.completion_tokens == sum(g.completion_tokens for g in local)


def test_http_streaming_and_usage(server, pool):
    url, _ = server
    http = HttpGenerator(url, max_retries=0)
    pieces = list(http.stream("What is the capital of France?", max_new_tokens=24))
    # the served generator's greedy text (fp32 torch, or the int8 default: tests/test_models.py)
    expected = pool.generator().generate(["What is the capital of France?"], max_new_tokens=24)[0]
    assert expected.text.startswith("The capital of France is Paris")
    assert len(pieces) > 1 and "".join(pieces).strip() == expected.text
    assert http.usage.completion_tokens == expected.completion_tokens


def test_http_retries_on_5xx(server):
    url, state = server
    state["fail"] = 2
    http = HttpGenerator(url, model="smollm2-135m", max_retries=3)
    text = http.generate([PROMPTS[0]], max_new_tokens=24)[0].text
    assert text.startswith("The capital of France is Paris")  # fp32: "...Paris."; int8: "...Paris, France."
    assert state["fail"] == 0
    state["fail"] = 1
    with pytest.raises(ModelError, match="503"):
        HttpGenerator(url, model="smollm2-135m", max_retries=0).generate([PROMPTS[0]])
    state["fail"] = 0


def test_http_choice_falls_back_to_a_parsed_pick(server):
    url, _ = server
    http = HttpGenerator(url, model="smollm2-135m", max_retries=0)
    scores = http.score_choices("What is the capital of France?", ["Paris", "Tokyo"])
    assert scores[0] == 0.0 and scores[1] == float("-inf")
    assert http.supports_json_schema is False  # the server refused json_schema; parsed instead


def test_wrong_api_key_and_unreachable_server_are_clear(server, monkeypatch):
    url, state = server
    state["key"] = "right"
    monkeypatch.setenv("RAGTUNE_TEST_KEY", "wrong")
    try:
        with pytest.raises(ModelError, match="rejected the API key"):
            HttpGenerator(url, model="m", api_key_env="RAGTUNE_TEST_KEY", max_retries=0).generate(["hi"])
    finally:
        state["key"] = None
    with pytest.raises(ModelError, match="cannot reach"):
        HttpGenerator("http://127.0.0.1:9/v1", model="m", max_retries=0, timeout_s=2).generate(["hi"])
