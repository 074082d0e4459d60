"""`ragtune serve` with the real models: the official openai SDK (completion, streamed
completion, models), /v1/query streaming with trace and usage, micro-batching of concurrent
questions into one call, document upsert/change/delete/search, OpenAI-shaped errors, limits
(body size, question length, rate, bounded queue -> 429 Retry-After), revocation, the keys CLI."""

import base64
import json
import stat
import threading
from concurrent.futures import Future, ThreadPoolExecutor

import httpx
import numpy as np
import openai
import pytest
from conftest import served_project

from ragtune.serve import KeyStore, create_app
from ragtune.serve.batcher import MicroBatcher, Overloaded
from ragtune.serve.openai_compat import serve_in_thread

DOCS = [
    {"id": "handbook/launch", "title": "Zorblax launch",
     "text": "The Zorblax project launch code is AMBER-4471. The operations team set it in March."},
    {"id": "handbook/cafeteria", "title": "Cafeteria",
     "text": "The cafeteria on floor 3 serves lunch from noon to 2 pm."},
    {"id": "handbook/parking", "title": "Parking",
     "text": "Visitors park in garage B on level 2 and register at the front desk."},
]  # fmt: skip
QUESTION = "What is the Zorblax project launch code?"


@pytest.fixture(scope="module")
def served(torch_pool, torch_settings, tmp_path_factory):
    """A served project (collection `handbook`, three documents upserted through the API)."""
    root = tmp_path_factory.mktemp("serve")
    with served_project(root, torch_settings, {"team": ["handbook"]}, {"team": DOCS}) as s:
        assert s.upserts["team"]["added"] == 3 and s.upserts["team"]["collection"] == "handbook"
        yield {"url": s.url, "key": s.keys["team"], "http": s.clients["team"], "server": s.server,
               "project": s.project}  # fmt: skip


def _gate(server):
    """Hold the torch worker with a job that waits for the returned event (deterministic
    queueing without timing); returns (event, future of the gate job, restore)."""
    batcher = server.batcher
    real = batcher.run_group
    gate = threading.Event()

    def gated(group, items):
        if group == ("gate",):
            gate.wait(120)
            return [None] * len(items)
        return real(group, items)

    batcher.run_group = gated
    fut = batcher.submit(("gate",), None)
    # running (its batch window closed): what is submitted now forms the next batch
    _wait_for(lambda: fut.running(), "the gate job running")

    def restore():
        gate.set()
        fut.result(timeout=120)
        batcher.run_group = real

    return gate, fut, restore


def _wait_for(cond, what):
    import time

    for _ in range(6000):
        if cond():
            return
        time.sleep(0.01)
    raise AssertionError(f"never happened: {what}")


def _sample(metrics_text, name, **labels):
    """A sample's value in Prometheus text (None when absent)."""
    from prometheus_client.parser import text_string_to_metric_families

    for family in text_string_to_metric_families(metrics_text):
        for s in family.samples:
            if s.name == name and s.labels == labels:
                return s.value
    return None


def _events(text):
    out = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        out.append((lines["event"], json.loads(lines["data"])))
    return out


# ------------------------------------------------------------------ the openai SDK


def test_openai_sdk_completion_stream_and_models(served):
    client = openai.OpenAI(base_url=served["url"], api_key=served["key"], max_retries=0)
    ids = [m.id for m in client.models.list().data]
    assert ids[0] == "rag" and {"agentic", "closed_book", "smollm2-135m"} <= set(ids)

    msgs = [{"role": "user", "content": QUESTION}]
    resp = client.chat.completions.create(model="rag", messages=msgs)
    text = resp.choices[0].message.content
    assert "AMBER-4471" in text
    assert resp.model == "rag" and resp.choices[0].finish_reason == "stop"
    assert resp.usage.prompt_tokens > 20 and resp.usage.completion_tokens > 0
    cited = resp.model_extra["ragtune"]["citations"]
    assert cited and cited[0]["doc_id"] == "handbook/launch" and "AMBER-4471" in cited[0]["quote"]

    stream = client.chat.completions.create(
        model="rag", messages=msgs, stream=True, stream_options={"include_usage": True}
    )
    chunks = list(stream)
    pieces = [c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content]
    assert len(pieces) > 1 and "".join(pieces) == text  # fp32 greedy: the same answer again
    assert chunks[0].choices[0].delta.role == "assistant"
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert chunks[-1].usage.completion_tokens == resp.usage.completion_tokens
    served["answer"] = text


def test_openai_sdk_conversation_carries_turn_one_into_turn_three(served):
    """Turn 3 ("In which month was it set?") needs turn 1's entity: the server rewrites it into
    a standalone query (shown in the trace) and retrieves turn 1's document, although a
    look-alike document matches the bare follow-up's words better."""
    http = served["http"]
    badge = {"id": "handbook/badges", "title": "Badges",
             "text": "Badges are renewed every month; the month is set by the security desk."}  # fmt: skip
    assert http.post("/v1/documents", json={"documents": [badge]}).json()["added"] == 1
    try:
        client = openai.OpenAI(base_url=served["url"], api_key=served["key"], max_retries=0)
        follow_up = "In which month was it set?"
        alone = client.chat.completions.create(model="rag", messages=[{"role": "user", "content": follow_up}])
        assert alone.model_extra["ragtune"]["retrieved"][0] == "handbook/badges"
        messages = [{"role": "user", "content": QUESTION}]
        for turn in ("Which team set it?", follow_up):
            r = client.chat.completions.create(model="rag", messages=messages)
            messages += [{"role": "assistant", "content": r.choices[0].message.content},
                         {"role": "user", "content": turn}]  # fmt: skip
        r = client.chat.completions.create(model="rag", messages=messages)
    finally:
        http.request("DELETE", "/v1/documents", json={"ids": ["handbook/badges"]})
    rt = r.model_extra["ragtune"]
    assert rt["query"] == "In which month was Zorblax project launch code set?"
    assert rt["trace"][0]["kind"] == "rewrite" and rt["trace"][0]["output"]["antecedent"] == "Zorblax project launch code"
    assert rt["trace"][0]["input"] == {"question": follow_up, "earlier_turns": 2}
    assert rt["retrieved"][0] == "handbook/launch"
    assert {c["doc_id"] for c in rt["citations"]} <= {"handbook/launch"}, r.choices[0].message.content


def test_openai_sdk_tools_models_embeddings_and_max_tokens(served):
    client = openai.OpenAI(base_url=served["url"], api_key=served["key"], max_retries=0)
    msgs = [{"role": "user", "content": QUESTION}]
    tool = {"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}
    with pytest.raises(openai.BadRequestError) as refused:
        client.chat.completions.create(model="rag", messages=msgs, tools=[tool])
    assert refused.value.body["param"] == "tools" and "tool" in refused.value.body["message"]
    with pytest.raises(openai.BadRequestError) as refused:
        client.chat.completions.create(model="rag", messages=msgs, response_format={"type": "json_object"})
    assert refused.value.body["param"] == "response_format"

    cards = {m.id: m.model_extra["ragtune"] for m in client.models.list().data}
    assert cards["rag"]["kind"] == "strategy" and "citations" in cards["rag"]["description"]
    assert cards["agentic"]["pipeline"] == "agentic" and cards["closed_book"]["description"]
    assert cards["smollm2-135m"]["kind"] == "generator" and cards["minilm"]["kind"] == "embedding"

    texts = [QUESTION, "Where do visitors park?"]
    e = client.embeddings.create(model="minilm", input=texts)
    # what `ragtune search` embeds: the project's pool, through the project's embedding cache
    # (a vector cached from another batch differs from a fresh one in the last bits)
    from ragtune.models import project_pool

    expected = np.asarray(project_pool(served["project"]).embedder().encode(texts), dtype=np.float32)
    assert np.array_equal(np.asarray([d.embedding for d in e.data], dtype=np.float32), expected)
    assert [d.index for d in e.data] == [0, 1] and e.usage.prompt_tokens > 0
    b64 = client.embeddings.create(model="minilm", input=texts[0], encoding_format="base64")
    assert np.array_equal(np.frombuffer(base64.b64decode(b64.data[0].embedding), "<f4"), expected[0])
    with pytest.raises(openai.NotFoundError):
        client.embeddings.create(model="text-embedding-3-small", input="x")

    short = client.chat.completions.create(model="rag", messages=msgs, max_tokens=3)
    assert 0 < short.usage.completion_tokens <= 3


def test_query_stream_has_steps_answer_sources_and_usage(served):
    r = served["http"].post("/v1/query", json={"question": QUESTION, "model": "rag", "stream": True})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    events = _events(r.text)
    kinds = [e for e, _ in events]
    assert kinds[0] == "status" and kinds[-2:] == ["answer", "done"]
    assert [d["kind"] for e, d in events if e == "step"] == ["retrieve", "select", "generate"]
    answer = events[-2][1]["answer"]
    assert "".join(d["content"] for e, d in events if e == "delta") == answer["text"]
    assert "AMBER-4471" in answer["text"] and answer["exit_reason"] == "answered"
    assert answer["citations"][0]["doc_id"] == "handbook/launch"
    assert {h["collection"] for h in answer["retrieved"]} == {"handbook"}
    assert answer["usage"]["total_tokens"] == answer["usage"]["prompt_tokens"] + answer["usage"]["completion_tokens"] > 0


def test_concurrent_questions_are_answered_in_one_batch(served):
    """Questions that queue while the worker is busy become one answer_many call; batched
    fp32 greedy answers equal the ones given alone."""
    server, http = served["server"], served["http"]
    questions = [QUESTION, "Where do visitors park?", "When does the cafeteria serve lunch?"]
    gate, _, restore = _gate(server)
    try:
        with ThreadPoolExecutor(3) as ex:
            futures = [ex.submit(http.post, "/v1/query", json={"question": q}) for q in questions]
            _wait_for(lambda: server.batcher.depth == 1 + len(questions), "three questions queued")
            before = server.batcher.stats.batches  # the gate's batch is still running
            restore()
            results = [f.result().json()["answer"] for f in futures]
    finally:
        gate.set()
    assert server.batcher.stats.batches == before + 2 and server.batcher.stats.sizes[-2:] == [1, 3]
    assert results[0]["text"] == served.get("answer", results[0]["text"]) and "AMBER-4471" in results[0]["text"]
    assert [a["retrieved"][0]["doc_id"] for a in results] == ["handbook/launch", "handbook/parking", "handbook/cafeteria"]
    metrics = http.get("/metrics").text
    assert _sample(metrics, "ragtune_batch_size_bucket", kind="answer", le="4.0") is not None


# ------------------------------------------------------------------ documents


def test_documents_upsert_change_search_delete(served):
    http = served["http"]
    doc = {"id": "handbook/wifi", "title": "Wifi", "text": "The guest wifi password is quillwort."}
    assert http.post("/v1/documents", json={"documents": [doc]}).json()["added"] == 1
    assert http.post("/v1/documents", json={"documents": [doc]}).json()["unchanged"] == 1
    changed = {**doc, "text": "The guest wifi password is bramblewick since June."}
    assert http.post("/v1/documents", json={"documents": [changed]}).json()["changed"] == 1

    def found(word):
        hits = http.post("/v1/search", json={"query": word, "mode": "bm25", "k": 3}).json()["hits"]
        return [h for h in hits if h["doc_id"] == "handbook/wifi" and word in h["text"]]

    assert found("bramblewick") and not found("quillwort")  # the old chunk is gone
    listed = {d["id"] for d in http.get("/v1/documents").json()["documents"]}
    assert listed == {"handbook/launch", "handbook/cafeteria", "handbook/parking", "handbook/wifi"}
    chunk_id = found("bramblewick")[0]["chunk_id"]
    chunk = http.get(f"/v1/chunks/{chunk_id}").json()["chunk"]
    assert chunk["doc_id"] == "handbook/wifi" and "bramblewick" in chunk["text"]

    r = http.request("DELETE", "/v1/documents", json={"ids": ["handbook/wifi", "handbook/nothing"]})
    assert r.status_code == 200 and r.json()["deleted"] == 1
    assert not found("bramblewick")
    assert http.get(f"/v1/chunks/{chunk_id}").status_code == 404

    bad = http.post("/v1/documents", json={"documents": [{"id": "../x", "text": "t"}]})
    assert bad.status_code == 400 and "invalid document id" in bad.json()["error"]["message"]
    empty = http.post("/v1/documents", json={"documents": [{"id": "a", "text": "  "}]})
    assert empty.status_code == 400 and "no text" in empty.json()["error"]["message"]


# ------------------------------------------------------------------ errors and limits


def _is_openai_error(r, status, code=None):
    body = r.json()
    assert r.status_code == status, r.text
    assert set(body) == {"error"} and {"message", "type", "param", "code"} <= set(body["error"])
    if code:
        assert body["error"]["code"] == code


def test_errors_are_openai_shaped(served):
    base = served["url"][:-3]
    with httpx.Client(base_url=base, timeout=60) as anon:
        _is_openai_error(anon.get("/v1/models"), 401, "invalid_api_key")
        _is_openai_error(anon.get("/v1/models", headers={"Authorization": "Bearer rt-wrong"}), 401)
        assert anon.get("/healthz").json()["status"] == "ok"  # no key needed
        assert "ragtune" in anon.get("/").text
    http = served["http"]
    _is_openai_error(http.post("/v1/query", json={"question": "   "}), 400)
    _is_openai_error(http.post("/v1/query", json={"question": "x" * 2001}), 400, "question_too_long")
    _is_openai_error(http.post("/v1/chat/completions", json={"model": "rag"}), 400)  # no messages
    _is_openai_error(http.get("/v1/nothing-here"), 404)
    client = openai.OpenAI(base_url=served["url"], api_key=served["key"], max_retries=0)
    with pytest.raises(openai.NotFoundError, match="does not exist"):
        client.chat.completions.create(model="no_such_strategy", messages=[{"role": "user", "content": "hi"}])
    with pytest.raises(openai.BadRequestError, match="json_schema"):
        client.chat.completions.create(
            model="rag", messages=[{"role": "user", "content": "hi"}],
            response_format={"type": "json_schema", "json_schema": {"name": "x", "schema": {}}},
        )  # fmt: skip
    metrics = http.get("/metrics").text
    assert _sample(metrics, "ragtune_requests_total", method="GET", route="/v1/models", status="401") == 2
    assert "# TYPE ragtune_request_seconds histogram" in metrics and "ragtune_tokens_total" in metrics
    assert _sample(metrics, "process_resident_memory_bytes") > 0  # prometheus-client's process metrics


def test_limits_body_rate_queue_and_revocation(served):
    """A second app on the same index with tight limits: 413, 429 (rate, with Retry-After),
    429 when the bounded queue is full, 401 right after `keys revoke`."""
    project, server = served["project"], served["server"]
    keys = KeyStore.of(project)
    key, _ = keys.add("tight", ["handbook"])
    app = create_app(project, index=server.index, rate_per_minute=1, rate_burst=2, max_body_kb=1, max_queue=1)
    tight = app.state.server
    with serve_in_thread(app) as url, httpx.Client(
        base_url=url[:-3], headers={"Authorization": f"Bearer {key}"}, timeout=60
    ) as http:
        _is_openai_error(http.post("/v1/documents", json={"documents": [{"id": "big", "text": "x" * 2000}]}), 413)
        gate, _, restore = _gate(tight)  # the queue (max 1) is now full
        try:
            r = http.post("/v1/query", json={"question": QUESTION})
            _is_openai_error(r, 429, "server_overloaded")
            assert int(r.headers["Retry-After"]) >= 1
        finally:
            restore()
        r = http.get("/v1/models")  # the burst of 2: the refused query (413 came before auth) and this
        assert r.status_code == 200
        r = http.get("/v1/models")
        _is_openai_error(r, 429, "rate_limit_exceeded")
        assert int(r.headers["Retry-After"]) >= 1
        assert _sample(http.get("/metrics").text, "ragtune_rejected_total", reason="rate_limit") == 1

        other, _ = keys.add("other", ["handbook"])
        auth = {"Authorization": f"Bearer {other}"}
        assert http.get("/v1/models", headers=auth).status_code == 200  # limits are per key
        keys.revoke("other")
        _is_openai_error(http.get("/v1/models", headers=auth), 401, "invalid_api_key")


def test_batcher_groups_writes_first_and_refuses_when_full():
    calls = []
    gate = threading.Event()

    def run(group, items):
        if group[0] == "gate":
            gate.wait(30)
        calls.append((group, list(items)))
        return [f"{group[0]}:{i}" for i in items]

    b = MicroBatcher(run, window_s=0.05, max_batch=8, max_queue=6, runner=lambda fn, *a: fn(*a))
    try:
        g = b.submit(("gate",), 0)
        _wait_for(g.running, "gate job running")
        futs = [b.submit(("answer", "rag"), 1), b.submit(("answer", "agentic"), 2),
                b.submit(("answer", "rag"), 3), b.submit(("upsert", "c"), 4)]  # fmt: skip
        b.submit(("answer", "rag"), 5)
        with pytest.raises(Overloaded) as full:  # gate + 5 waiting = max_queue
            b.submit(("answer", "rag"), 6)
        assert full.value.retry_after >= 1
        gate.set()
        assert g.result(10) == "gate:0" and [f.result(10) for f in futs] == ["answer:1", "answer:2", "answer:3", "upsert:4"]
        _wait_for(lambda: b.depth == 0, "queue drained")
        assert calls[1:] == [(("upsert", "c"), [4]), (("answer", "rag"), [1, 3, 5]), (("answer", "agentic"), [2])]
    finally:
        gate.set()
        b.close()
    with pytest.raises(Overloaded, match="shutting down"):
        b.submit(("answer", "rag"), 7)


def test_a_failing_item_does_not_fail_its_batch():
    def run(group, items):
        if "bad" in items:
            raise ValueError("bad item")
        return [i.upper() for i in items]

    b = MicroBatcher(run, window_s=0.05, runner=lambda fn, *a: fn(*a))
    try:
        futs: list[Future] = [b.submit(("answer",), x) for x in ("a", "bad", "c")]
        assert futs[0].result(10) == "A" and futs[2].result(10) == "C"
        with pytest.raises(ValueError):
            futs[1].result(10)
    finally:
        b.close()


# ------------------------------------------------------------------ the keys CLI


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    """`ragtune ARGS` in this process, from tmp_path (see conftest.run_cli_in_process)."""
    from conftest import run_cli_in_process

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RAGTUNE_PROJECT", raising=False)
    return lambda *args: run_cli_in_process(args, capsys, monkeypatch)


def test_keys_cli_add_list_revoke_and_serve_refusals(tmp_path, cli):
    added = cli("keys", "add", "team-a", "-c", "alpha", "-c", "beta")
    assert added.returncode == 0, added.stderr
    key = added.stdout.strip()
    assert key.startswith("rt-") and len(key) > 40 and "shown once" in added.stderr
    path = tmp_path / ".ragtune" / "keys.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = path.read_text()
    assert key not in stored and KeyStore(path).authenticate(key).collections == ("alpha", "beta")

    listed = json.loads(cli("keys", "list", "--json").stdout)
    assert [(r["name"], r["collections"]) for r in listed] == [("team-a", ["alpha", "beta"])]
    assert "sha256" not in listed[0] and key not in json.dumps(listed)

    dup = cli("keys", "add", "team-a")
    assert dup.returncode == 2 and dup.stderr.startswith("error: an active key named 'team-a' exists")
    bad = cli("keys", "add", "x", "-c", "no/slash")
    assert bad.returncode == 2 and "invalid collection name" in bad.stderr and "Traceback" not in bad.stderr

    assert cli("keys", "revoke", "team-a").returncode == 0
    assert KeyStore(path).authenticate(key) is None
    assert json.loads(cli("keys", "list", "--json", "--revoked").stdout)[0]["revoked"]
    assert json.loads(cli("keys", "list", "--json").stdout) == []

    nokeys = cli("serve")
    assert nokeys.returncode == 2 and "no API keys" in nokeys.stderr and "Traceback" not in nokeys.stderr
    public = cli("serve", "--open", "--host", "0.0.0.0")
    assert public.returncode == 2 and "loopback" in public.stderr


def test_serve_from_run_resolves_the_recommendation(tmp_path, cli):
    """`--from-run RUN_DIR` serves what the run recommends, from the run's project; a run
    without a recommendation, or one naming an adapter the project lacks, is a one-line error
    before any model loads."""
    from ragtune import api

    run = tmp_path / "run"
    run.mkdir()
    (run / "run.json").write_text(json.dumps({"project": str(tmp_path)}))
    results = {"recommendation": {"strategy": "closed_book@adapter=lora-404", "why": "w"},
               "strategies": {"closed_book@adapter=lora-404": {"metrics": {"accuracy": 0.5}}}}  # fmt: skip
    (run / "results.json").write_text(json.dumps(results))
    choice = api.run_choice(run)
    assert choice == {"strategy": "closed_book@adapter=lora-404", "accuracy": 0.5, "why": "w",
                      "project": str(tmp_path)}  # fmt: skip
    missing = cli("serve", "--from-run", str(run), "--open")
    assert missing.returncode == 2 and "lora-404" in missing.stderr and "Traceback" not in missing.stderr
    both = cli("serve", "--from-run", str(run), "--model", "rag", "--open")
    assert both.returncode == 2 and "not both" in both.stderr
    (run / "results.json").write_text(json.dumps({"recommendation": {"strategy": None, "why": "none fit"}}))
    none = cli("serve", "--from-run", str(run), "--open")
    assert none.returncode == 2 and "recommends no strategy" in none.stderr
    empty = cli("serve", "--from-run", str(tmp_path / "nowhere"), "--open")
    assert empty.returncode == 2 and "not a finished compare run" in empty.stderr
