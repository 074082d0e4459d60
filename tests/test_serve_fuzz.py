"""Schema-driven fuzzing of `ragtune serve` with schemathesis: requests generated from the
served OpenAPI schema (valid and invalid bodies, every endpoint), sent with a valid key and
with bad ones (none, malformed, unknown, revoked). Expected: no 5xx, no request slower than
the server's own timeout, every 4xx an OpenAI-shaped JSON error with a message, and no
response ever carrying another tenant's documents.

CI sends `RAGTUNE_FUZZ_REQUESTS` requests (default 390: 15 valid + 15 invalid per
operation); the long run (docs/RESULTS.md) sets it to 5,200."""

import os
import time
from collections import Counter
from urllib.parse import urlparse

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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
B_MARKERS = ("VIOLET", "9923", "Kestrel", "ops/vault")
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
        assert response.status_code in (401, 413), f"{where}: {response.status_code}"


def test_generated_requests_never_fail_hang_or_leak(fuzzed):
    schema, auths, _ = fuzzed
    per_mode = max(1, int(os.environ.get("RAGTUNE_FUZZ_REQUESTS", "390")) // (2 * 13))
    statuses: Counter = Counter()
    operations = [op.ok() for op in schema.get_all_operations()]
    assert len(operations) == 13
    auth_names = st.sampled_from(["valid"] * 4 + [a for a in auths if a != "valid"])
    for op in operations:
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):

            @settings(max_examples=per_mode, deadline=None, database=None, derandomize=True,
                      suppress_health_check=list(HealthCheck))  # fmt: skip
            @given(case=op.as_strategy(generation_mode=mode), auth=auth_names)
            def run(case, auth):
                headers = {"Authorization": auths[auth]} if auths[auth] else {}
                t0 = time.monotonic()
                response = case.call(headers=headers, timeout=SLOW_S + 60)
                _check(response, auth, time.monotonic() - t0)
                statuses[response.status_code // 100 * 100] += 1

            try:
                run()
            except Unsatisfiable:  # nothing to make invalid (e.g. GET /healthz takes no input)
                assert mode == schemathesis.GenerationMode.NEGATIVE, op.path
    total = sum(statuses.values())
    print(f"fuzzed {total} requests: {dict(statuses)}")
    assert total >= per_mode * 13 and statuses[200] > 0 and statuses[400] > 0
