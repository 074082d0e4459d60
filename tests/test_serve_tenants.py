"""Tenant isolation in `ragtune serve`, with planted look-alike content: tenant B's collection
holds a document with the same id and nearly the same text as tenant A's, plus a second one
that matches A's question even better. Key A never gets B's content: not in answers,
citations, retrieved chunks, traces (rag and agentic), search hits, chunk reads, document
lists or errors; and it cannot write or delete in B's collection."""

import json

import openai
import pytest
from conftest import served_project

A_DOCS = [
    {"id": "ops/launch", "title": "Zorblax launch", "metadata": {"team": "operations"},
     "text": "The Zorblax project launch code is AMBER-4471. The operations team set it in March."},
    {"id": "ops/cafeteria", "title": "Cafeteria", "metadata": {"team": "facilities"},
     "text": "The cafeteria on floor 3 serves lunch from noon to 2 pm."},
]  # fmt: skip
B_DOCS = [  # look-alikes: the same id and title, and a vault note that repeats the question's words
    {"id": "ops/launch", "title": "Zorblax launch", "metadata": {"team": "security"},
     "text": "The Zorblax project launch code is VIOLET-9923. The security team set it in May."},
    {"id": "ops/vault", "title": "Zorblax project launch code", "metadata": {"team": "security"},
     "text": "What is the Zorblax project launch code? A backup of the Zorblax project launch "
             "code, VIOLET-9923, is kept in the Kestrel vault."},
]  # fmt: skip
B_MARKERS = ("VIOLET", "9923", "security", "Kestrel", "vault", "May")
A_MARKERS = ("AMBER", "4471", "operations", "facilities", "cafeteria", "March")
QUESTION = "What is the Zorblax project launch code?"


def assert_clean(text: str, markers=B_MARKERS) -> None:
    leaked = [m for m in markers if m in text]
    assert not leaked, f"leaked {leaked}: {text[:500]}"


@pytest.fixture(scope="module")
def tenants(torch_pool, torch_settings, tmp_path_factory):
    keys = {"alice": ["tenant-a"], "bob": ["tenant-b"], "carol": ["tenant-a", "tenant-b"]}
    with served_project(tmp_path_factory.mktemp("tenants"), torch_settings, keys,
                        {"alice": A_DOCS, "bob": B_DOCS}) as s:  # fmt: skip
        a, b, ab = s.clients["alice"], s.clients["bob"], s.clients["carol"]
        assert s.upserts["alice"]["added"] == 2
        assert s.upserts["bob"]["added"] == 2
        b_chunks = [h["chunk_id"] for h in b.post("/v1/search", json={"query": QUESTION, "k": 5}).json()["hits"]]
        assert len(b_chunks) == 2
        yield {"url": s.url, "a": a, "b": b, "ab": ab, "key_a": s.keys["alice"], "b_chunks": b_chunks}


def test_rag_answers_citations_and_traces_stay_in_the_tenant(tenants):
    ra = tenants["a"].post("/v1/query", json={"question": QUESTION, "model": "rag"})
    assert ra.status_code == 200
    assert_clean(ra.text, B_MARKERS + tuple(tenants["b_chunks"]))
    answer = ra.json()["answer"]
    assert "AMBER-4471" in answer["text"]
    assert {h["collection"] for h in answer["retrieved"]} == {"tenant-a"}
    assert {c["chunk_id"] for c in answer["citations"]} <= {h["chunk_id"] for h in answer["retrieved"]}
    assert not set(tenants["b_chunks"]) & {h["chunk_id"] for h in answer["retrieved"]}

    rb = tenants["b"].post("/v1/query", json={"question": QUESTION, "model": "rag"})
    assert "VIOLET-9923" in rb.json()["answer"]["text"]
    assert_clean(rb.text, A_MARKERS)


def test_agentic_trace_stays_in_the_tenant(tenants):
    """The agentic loop matches question spans against metadata values and rewrites queries:
    all of it within the key's collection."""
    r = tenants["a"].post("/v1/query", json={"question": "Which code did the team set for the Zorblax launch?",
                                              "model": "agentic"})  # fmt: skip
    assert r.status_code == 200
    assert_clean(r.text)
    answer = r.json()["answer"]
    assert answer["trace"] and {h["collection"] for h in answer["retrieved"]} == {"tenant-a"}
    assert "AMBER-4471" in json.dumps(answer["trace"])  # it did read A's document


def test_openai_sdk_cannot_name_another_tenants_collection(tenants):
    client = openai.OpenAI(base_url=tenants["url"], api_key=tenants["key_a"], max_retries=0)
    with pytest.raises(openai.PermissionDeniedError) as e:
        client.chat.completions.create(model="rag", messages=[{"role": "user", "content": QUESTION}],
                                       extra_body={"collection": "tenant-b"})  # fmt: skip
    assert e.value.status_code == 403 and "may not use collection 'tenant-b'" in str(e.value)
    assert_clean(str(e.value.body))


def test_search_and_filters_cannot_reach_another_tenant(tenants):
    a = tenants["a"]
    for mode in ("hybrid", "dense", "bm25"):
        r = a.post("/v1/search", json={"query": "VIOLET-9923 Kestrel vault security", "mode": mode, "k": 10})
        assert r.status_code == 200 and {h["collection"] for h in r.json()["hits"]} <= {"tenant-a"}
        assert_clean(r.text)
    r = a.post("/v1/search", json={"query": QUESTION, "filters": {"field": "team", "eq": "security"}})
    assert r.status_code == 200 and r.json()["hits"] == []
    r = a.post("/v1/search", json={"query": QUESTION, "filters": {"field": "collection", "eq": "tenant-b"}})
    assert r.status_code in (200, 400) and not r.json().get("hits")
    assert_clean(r.text)
    r = a.post("/v1/search", json={"query": QUESTION, "collection": "tenant-b"})
    assert r.status_code == 403
    assert_clean(r.text)


def test_chunks_and_document_lists_are_per_tenant(tenants):
    a, b = tenants["a"], tenants["b"]
    for chunk_id in tenants["b_chunks"]:
        assert b.get(f"/v1/chunks/{chunk_id}").status_code == 200
        r = a.get(f"/v1/chunks/{chunk_id}")  # in A's own collection: no such chunk
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
        assert_clean(r.text.replace(chunk_id, ""))  # only A's own input is echoed
        assert a.get(f"/v1/chunks/{chunk_id}", params={"collection": "tenant-b"}).status_code == 403
    ids = {d["id"] for d in a.get("/v1/documents").json()["documents"]}
    assert ids == {"ops/launch", "ops/cafeteria"}
    assert_clean(a.get("/v1/documents").text)
    assert a.get("/v1/documents", params={"collection": "tenant-b"}).status_code == 403
    # a key bound to both collections reads both, one at a time
    both = tenants["ab"]
    assert {d["id"] for d in both.get("/v1/documents", params={"collection": "tenant-b"}).json()["documents"]} == {
        "ops/launch", "ops/vault"}  # fmt: skip
    assert both.get("/v1/documents").json()["collection"] == "tenant-a"  # its first


def test_writes_cannot_touch_another_tenant(tenants):
    a, b = tenants["a"], tenants["b"]
    evil = {"id": "ops/vault", "text": "The Zorblax project launch code is EMPTY."}
    r = a.post("/v1/documents", json={"collection": "tenant-b", "documents": [evil]})
    assert r.status_code == 403
    r = a.request("DELETE", "/v1/documents", json={"collection": "tenant-b", "ids": ["ops/vault"]})
    assert r.status_code == 403
    # the same ids in A's own collection are A's documents, never B's
    r = a.request("DELETE", "/v1/documents", json={"ids": ["ops/vault", "ops/launch"]})
    assert r.status_code == 200 and r.json() == {"collection": "tenant-a", "deleted": 1}
    b_docs = b.get("/v1/documents").json()["documents"]
    assert {d["id"] for d in b_docs} == {"ops/launch", "ops/vault"}
    hits = b.post("/v1/search", json={"query": "VIOLET-9923", "mode": "bm25", "k": 5}).json()["hits"]
    assert {h["doc_id"] for h in hits} == {"ops/launch", "ops/vault"}
    assert {d["id"] for d in a.get("/v1/documents").json()["documents"]} == {"ops/cafeteria"}
    assert a.post("/v1/documents", json={"documents": A_DOCS[:1]}).json()["added"] == 1  # restored
