"""kill -9 of `ragtune serve` while a client upserts and deletes documents: after each restart
every acknowledged upsert is searchable and every acknowledged delete stays deleted.

Two kills at seeded random moments (one while writes stream in, one during the restart itself);
bench/kill9.py `serve` runs the same loop with ten or more kills (docs/RESULTS.md).
"""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time

import httpx


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(project, port, log):
    cmd = [sys.executable, "-m", "ragtune.cli", "-p", str(project), "serve", "--host", "127.0.0.1",
           "--port", str(port), "--open"]  # fmt: skip
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
    return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)


def _ready(base, proc, limit=600.0):
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        if proc.poll() is not None:
            return False
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError("the server did not start in 10 minutes")


def _kill(proc):
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


class Writer(threading.Thread):
    def __init__(self, base):
        super().__init__(daemon=True)
        self.base, self.acked, self.deleted, self.unsure = base, {}, set(), set()
        self.stop = threading.Event()

    def run(self):
        http = httpx.Client(base_url=self.base, timeout=30)
        n = 0
        while not self.stop.is_set():
            word = f"kw{n:05d}zq"
            try:
                r = http.post("/v1/documents", json={"documents": [
                    {"id": f"k/doc-{n}", "text": f"The {word} ledger survived."}]})  # fmt: skip
                if r.status_code == 200:
                    self.acked[f"k/doc-{n}"] = word
                    if n % 3 == 2:  # delete the oldest live one
                        victim = next(d for d in self.acked if d not in self.deleted | self.unsure)
                        self.unsure.add(victim)
                        if http.request("DELETE", "/v1/documents", json={"ids": [victim]}).status_code == 200:
                            self.deleted.add(victim)
                            self.unsure.discard(victim)
            except httpx.HTTPError:
                time.sleep(0.2)
            n += 1
        http.close()


def _check(base, acked, deleted, unsure, writer):
    """What was acknowledged (acked, deleted) is there (gone); documents the still-running
    writer deleted after that snapshot are not held against it."""
    http = httpx.Client(base_url=base, timeout=60)
    listed = {d["id"] for d in http.get("/v1/documents").json()["documents"]}
    lost, back = [], []
    for doc_id, word in acked.items():
        if doc_id in unsure:
            continue
        if doc_id in deleted:
            if doc_id in listed:
                back.append(doc_id)
            continue
        hits = http.post("/v1/search", json={"query": word, "mode": "bm25", "k": 3}).json()["hits"]
        if doc_id not in listed or doc_id not in [h["doc_id"] for h in hits]:
            lost.append(doc_id)
    http.close()
    later = writer.deleted | writer.unsure
    assert not [d for d in lost if d not in later], f"acknowledged upserts lost: {lost}"
    assert not back, f"acknowledged deletes undone: {back}"


def test_kill9_of_the_server_loses_no_acknowledged_write(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("The Pellucid ridge trail is 19 kilometres long.")
    project = tmp_path / "project"
    project.mkdir()
    (project / "ragtune.toml").write_text("[serve]\nopen_access = true\nrate_per_minute = 0\n")
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
    subprocess.run([sys.executable, "-m", "ragtune.cli", "-p", str(project), "-q", "ingest", str(docs)],
                   check=True, env=env, timeout=600)  # fmt: skip
    rng = random.Random(19)
    port = _port()
    base = f"http://127.0.0.1:{port}"
    log = open(tmp_path / "server.log", "wb")  # noqa: SIM115
    proc = _start(project, port, log)
    writer = Writer(base)
    try:
        assert _ready(base, proc), (tmp_path / "server.log").read_text()[-3000:]
        writer.start()
        while len(writer.acked) < 4:  # writes are streaming in
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 2.0))
        _kill(proc)
        snapshot = (dict(writer.acked), set(writer.deleted), set(writer.unsure))
        proc = _start(project, port, log)  # killed again while it starts (model load, recovery)
        time.sleep(rng.uniform(0.5, 3.0))
        _kill(proc)
        proc = _start(project, port, log)
        assert _ready(base, proc), (tmp_path / "server.log").read_text()[-3000:]
        _check(base, *snapshot, writer)
        time.sleep(1.0)
        writer.stop.set()
        writer.join(60)
        _check(base, writer.acked, writer.deleted, writer.unsure, writer)
        assert len(writer.acked) > len(snapshot[0]) >= 4  # it kept working after the restarts
    finally:
        writer.stop.set()
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                _kill(proc)
        log.close()
