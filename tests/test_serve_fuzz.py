"""Schema-driven fuzzing of `ragtune serve` with schemathesis: requests generated from the
served OpenAPI schema (valid and invalid bodies, every endpoint), sent with a valid key and
with bad ones (none, malformed, unknown, revoked). Expected: no 5xx, no request slower than
the server's own timeout, every 4xx an OpenAI-shaped JSON error with a message, and no
response ever carrying another tenant's documents.

CI sends about `RAGTUNE_FUZZ_REQUESTS` requests (default 600, at least half of it: simple
operations have fewer distinct inputs); the long run (docs/RESULTS.md) sets 10,400 and writes
its counts to the JSON file `RAGTUNE_FUZZ_OUT` names."""

import json
import os
import time
from collections import Counter
from urllib.parse import urlparse

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from ragtune.project import Project
from ragtune.serve import KeyStore, create_app

A_DOCS = [
    {"id": "ops/launch", "title": "Zorblax launch",
     "text": "The Zorblax project launch code is AMBER-4471. The operations team set it in March."},
    {"id": "ops/cafeteria", "title": "Cafeteria", "text": "The cafeteria serves lunch from noon to 2 pm."},
]  # fmt: skip
B_DOCS = [
    {"id": "ops/launch", "title": "Zorblax launch",
     "text": "The Zorblax project launch code is VIOLET-9923. The security team set it in May."},
    {"id": "ops/vault", "title": "Vault", "text": "A backup of the code is kept in the Kestrel vault."},
]  # fmt: skip
B_MARKERS = ("VIOLET-9923", "Kestrel", "ops/vault")  # not bare digits: vectors hold any
SLOW_S = 120.0  # far above any answer of the tiny corpus; the server's own timeout is this too


@pytest.fixture(scope="module")
def fuzzed(pool, settings, tmp_path_factory):  # noqa: ARG001 - the pool: one model load per session
    project = Project(root=tmp_path_factory.mktemp("fuzz"), settings=settings, origin={})
    keys = KeyStore.of(project)
    key_a, _ = keys.add("alice", ["tenant-a"])
    key_b, _ = keys.add("bob", ["tenant-b"])
    revoked, _ = keys.add("mallory", ["tenant-a"])
    keys.revoke("mallory")
    app = create_app(project, rate_per_minute=0, max_documents=5, max_body_kb=64,
                     request_timeout_s=SLOW_S, max_question_chars=500)  # fmt: skip
    app.state.server.warm()  # the first request is not the one that loads the models
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    for key, docs in ((key_a, A_DOCS), (key_b, B_DOCS)):
        case = schema["/v1/documents"]["POST"].Case(body={"documents": docs})
        r = case.call(headers={"Authorization": f"Bearer {key}"}, timeout=SLOW_S)
        assert r.status_code == 200, r.text
    auths = {"valid": f"Bearer {key_a}", "none": None, "malformed": "Token abc",
             "unknown": "Bearer rt-" + "x" * 43, "revoked": f"Bearer {revoked}"}  # fmt: skip
    yield schema, auths, app
    app.state.server.close()


def _check(response, auth: str, elapsed: float) -> None:
    where = f"{response.request.method} {response.request.url} ({auth} key)"
    assert response.status_code < 500, f"{where}: {response.status_code} {response.text[:300]}"
    assert elapsed < SLOW_S, f"{where}: took {elapsed:.0f} s"
    for marker in B_MARKERS:
        assert marker not in response.text, f"{where}: another tenant's {marker!r} in {response.text[:300]}"
    if response.status_code >= 400:
        body = response.json()
        err = body.get("error") if isinstance(body, dict) else None
        assert isinstance(err, dict) and err.get("message") and err.get("type"), f"{where}: {response.text[:300]}"
    if auth != "valid" and urlparse(response.request.url).path.startswith("/v1/"):
        # refused: 401, or 400/413 for a body that cannot be read at all (parsed before the
        # key), or the router's 404 for a path no route matches (a chunk id with a newline)
        routed_404 = response.status_code == 404 and response.json()["error"]["message"] == "Not Found"
        assert response.status_code in (400, 401, 413) or routed_404, f"{where}: {response.status_code}"


def test_generated_requests_never_fail_hang_or_leak(fuzzed):
    """Each generated request is sent twice: with the valid key, and with one of the bad ones
    (in turn)."""
    schema, auths, _ = fuzzed
    requested = int(os.environ.get("RAGTUNE_FUZZ_REQUESTS", "600"))
    operations = [op.ok() for op in schema.get_all_operations()]
    assert len(operations) == 17  # 13 + the QA review API (4)
    per_mode = max(1, requested // (2 * 2 * len(operations)))
    bad = [a for a in auths if a != "valid"]
    statuses: Counter = Counter()
    started = time.monotonic()

    def send(case, auth: str) -> None:
        headers = {"Authorization": auths[auth]} if auths[auth] else {}
        t0 = time.monotonic()
        response = case.call(headers=headers, timeout=SLOW_S + 60)
        _check(response, auth, time.monotonic() - t0)
        statuses[(auth == "valid", response.status_code)] += 1

    for op in operations:
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):

            @settings(max_examples=per_mode, deadline=None, database=None, derandomize=True,
                      suppress_health_check=list(HealthCheck))  # fmt: skip
            @given(case=op.as_strategy(generation_mode=mode))
            def run(case):
                send(case, "valid")
                send(case, bad[sum(statuses.values()) % len(bad)])

            try:
                run()
            except Unsatisfiable:  # nothing to make invalid (e.g. GET /healthz takes no input)
                assert mode == schemathesis.GenerationMode.NEGATIVE, op.path
    total = sum(statuses.values())
    print(f"fuzzed {total} requests; (valid key, status): {dict(sorted(statuses.items()))}")
    if os.environ.get("RAGTUNE_FUZZ_OUT"):
        counts = [{"key": "valid" if valid else "bad", "status": code, "requests": n}
                  for (valid, code), n in sorted(statuses.items())]  # fmt: skip
        summary = {"bench": "serve_fuzz", "requested": requested, "requests": total,
                   "operations": len(operations), "seconds": round(time.monotonic() - started, 1),
                   "server_errors": sum(n for (_, code), n in statuses.items() if code >= 500),
                   "by_status": counts}  # fmt: skip
        with open(os.environ["RAGTUNE_FUZZ_OUT"], "w") as f:
            json.dump(summary, f, indent=1)
    assert total >= requested // 2
    assert statuses[(True, 200)] > 0 and statuses[(False, 401)] > 0 and statuses[(True, 400)] > 0
