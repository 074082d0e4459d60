"""Limits and refusals of `ragtune serve` that need no model: each a clear 400/413 in
OpenAI's error shape naming the field at fault, and a setting (serve.*)."""

import pytest
from fastapi.testclient import TestClient

from ragtune.config import Settings
from ragtune.project import Project
from ragtune.serve import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    project = Project(root=tmp_path_factory.mktemp("limits"), settings=Settings(), origin={})
    app = create_app(project, open_access=True, max_messages=3, max_document_kb=1, max_body_kb=64,
                     max_question_chars=100, max_embedding_inputs=2)  # fmt: skip
    with TestClient(app) as c:
        yield c


def refused(r, status, param=None, code=None):
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert set(err) == {"message", "type", "param", "code"} and err["message"]
    if param is not None:
        assert err["param"] == param, err
    if code is not None:
        assert err["code"] == code, err
    return err["message"]


def chat(client, **body):
    return client.post("/v1/chat/completions", json={"model": "rag", **body})


def test_chat_limits_and_unserved_parameters(client):
    user = {"role": "user", "content": "What is the launch code?"}
    msg = refused(chat(client, messages=[user] * 4), 400, "messages", "too_many_messages")
    assert "serve.max_messages" in msg
    refused(chat(client, messages=[{"role": "user", "content": "x" * 101}]), 400, code="question_too_long")
    refused(chat(client, messages=[user], tools=[{"type": "function", "function": {"name": "f"}}]), 400, "tools")
    refused(chat(client, messages=[user], response_format={"type": "json_object"}), 400, "response_format")
    refused(chat(client, messages=[user], n=2), 400, "n")
    refused(chat(client, messages=[user], frobnicate=True), 400, "frobnicate")
    refused(chat(client, messages="not a list"), 400, "messages")
    refused(chat(client, messages=[user], max_tokens=0), 400, "max_tokens")
    refused(client.post("/v1/chat/completions", json={"model": "smollm2-135m:lora-404", "messages": [user]}),
            404, "model", "model_not_found")  # fmt: skip


def test_body_document_and_embedding_limits(client):
    big = client.post("/v1/documents", content=b'{"documents": [' + b" " * 70_000 + b"]}",
                      headers={"content-type": "application/json"})  # fmt: skip
    assert "serve.max_body_kb" in refused(big, 413, code="body_too_large")
    doc = {"id": "a/b", "text": "é" * 600}  # 1,200 bytes of UTF-8: above 1 KiB
    msg = refused(client.post("/v1/documents", json={"documents": [doc]}), 413, "documents.text", "document_too_large")
    assert "serve.max_document_kb" in msg
    refused(client.post("/v1/embeddings", json={"input": ["a", "b", "c"]}), 400, "input")
    refused(client.post("/v1/embeddings", json={"input": [[1, 2, 3]]}), 400, "input")
    refused(client.post("/v1/embeddings", json={"input": "a", "encoding_format": "int8"}), 400, "encoding_format")
    refused(client.post("/v1/embeddings", json={"input": "a", "model": "ada-002"}), 404, "model")
    refused(client.post("/v1/search", json={"query": "q", "mode": "fuzzy"}), 400, "mode")
