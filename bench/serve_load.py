"""`ragtune serve` under load, on loopback only, bounded in time and count; stops by itself.

Setup: a generated world (tiny, seed 0) ingested into a fresh project, the generation cache
off (every answer is generated, repeated questions cost what new ones do), the embedding cache
on as in any running server (rag embeds the sentences of retrieved chunks; their vectors are
reused), one API key per client plus one for the upserter, `ragtune serve` started as a
subprocess on 127.0.0.1, then every test question asked once (concurrently) so both phases
meet the same warm embedding cache.
Phases: a baseline with 1 client, N clients (default 32), the baseline again (its two halves
bracket the load phase, so drift on a shared machine hits both alike); throughout, an upserter
adds one uniquely-worded document every `--upsert-every` seconds and a prober times /healthz.
Clients ask the world's test questions in a mix of chat completions, streamed chat
completions and /v1/query, closed loop (next request when the last returns; a 429 backs off
one second).
Afterwards every acknowledged upsert must be found by a search for its unique word.
Targets (issue 9): zero 5xx; every acknowledged upsert searchable; throughput at N clients
>= 2x the same server at 1 client; p95 latency reported; /healthz < 1 s while loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil

from bench.common import finish_work, stop_server


@dataclass
class Phase:
    name: str
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    started: float = 0.0
    ended: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, status: str, seconds: float | None) -> None:
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if seconds is not None:
                self.latencies.append(seconds)
            self.ended = max(self.ended, time.monotonic())

    def summary(self) -> dict[str, Any]:
        ok = self.statuses.get("200", 0)
        lat = sorted(self.latencies)
        wall = max(self.ended - self.started, 1e-9)
        return {
            "clients": self.clients, "seconds": self.seconds, "wall_s": round(wall, 1),
            "ok": ok, "statuses": dict(sorted(self.statuses.items())),
            "5xx": sum(n for s, n in self.statuses.items() if s.startswith("5")),
            "throughput_qps": round(ok / wall, 3),
            "latency_s": {"p50": _pct(lat, 50), "p95": _pct(lat, 95), "max": lat[-1] if lat else None},
            "errors": self.errors[:5],
        }  # fmt: skip


def merge(a: Phase, b: Phase) -> Phase:
    """Two runs of the same phase as one: counts added, wall times added."""
    m = Phase(a.name, a.clients, a.seconds + b.seconds)
    m.latencies = a.latencies + b.latencies
    m.errors = a.errors + b.errors
    for st in (a.statuses, b.statuses):
        for k, v in st.items():
            m.statuses[k] = m.statuses.get(k, 0) + v
    m.started, m.ended = 0.0, (a.ended - a.started) + (b.ended - b.started)
    return m


def _pct(xs: list[float], p: float) -> float | None:
    if not xs:
        return None
    k = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return round(xs[k], 3)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(project: Path, *args: str, **kw: Any) -> subprocess.Popen | subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "ragtune.cli", "-p", str(project), *args]
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
    if kw.pop("background", False):
        return subprocess.Popen(cmd, env=env, **kw)
    return subprocess.run(cmd, env=env, check=True, **kw)


def ask(http: httpx.Client, kind: int, question: str, model: str) -> int:
    """One request of the mix; returns the status code (the body is read fully)."""
    msgs = [{"role": "user", "content": question}]
    if kind == 0:  # streamed chat completion
        with http.stream("POST", "/v1/chat/completions",
                         json={"model": model, "messages": msgs, "stream": True}) as r:  # fmt: skip
            body = "".join(r.iter_text())
            if r.status_code == 200 and not body.rstrip().endswith("data: [DONE]"):
                raise RuntimeError("stream ended without [DONE]")
            return r.status_code
    if kind == 1:
        r = http.post("/v1/query", json={"question": question, "model": model})
        if r.status_code == 200:
            r.json()["answer"]["text"]  # noqa: B018 - a well-formed answer
        return r.status_code
    r = http.post("/v1/chat/completions", json={"model": model, "messages": msgs})
    if r.status_code == 200:
        r.json()["choices"][0]["message"]["content"]  # noqa: B018
    return r.status_code


def run_phase(phase: Phase, base: str, keys: list[str], questions: list[str], model: str,
              once: list[str] | None = None) -> None:  # fmt: skip
    """Closed loop for `phase.seconds`; or, with `once`, each of those questions asked once."""
    phase.started = time.monotonic()
    phase.ended = phase.started
    deadline = phase.started + phase.seconds

    def client(i: int) -> None:
        http = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {keys[i]}"}, timeout=600)
        j = i
        while (j < len(once)) if once is not None else (time.monotonic() < deadline):
            t0 = time.monotonic()
            try:
                status = ask(http, j % 4, questions[j % len(questions)], model)
            except Exception as e:  # noqa: BLE001 - counted, the run goes on with the next question
                phase.record("error", None)
                phase.errors.append(f"{type(e).__name__}: {e}"[:200])
                time.sleep(1)
                j += phase.clients
                continue
            phase.record(str(status), time.monotonic() - t0 if status == 200 else None)
            if status == 429:  # refused (rate or queue): back off a little, as a client should
                time.sleep(1.0)
            j += phase.clients
        http.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(phase.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


class Background:
    """The upserter and the /healthz prober, running through both phases."""

    def __init__(self, base: str, key: str, every: float, max_upserts: int):
        self.base, self.key, self.every, self.max_upserts = base, key, every, max_upserts
        self.acked: list[tuple[str, str]] = []  # (doc id, its unique word)
        self.upsert_status: dict[str, int] = {}
        self.health: list[float] = []
        self.health_failures = 0
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._upserts), threading.Thread(target=self._health)]

    def start(self) -> None:
        for t in self.threads:
            t.start()

    def close(self) -> None:
        self.stop.set()
        for t in self.threads:
            t.join()

    def _upserts(self) -> None:
        rng = random.Random(0)
        http = httpx.Client(base_url=self.base, headers={"Authorization": f"Bearer {self.key}"}, timeout=600)
        n = 0
        while not self.stop.is_set() and n < self.max_upserts:
            word = "qz" + "".join(rng.choice(string.ascii_lowercase) for _ in range(10))
            doc = {"id": f"bench/upsert-{n:04d}", "title": f"Bench note {n}",
                   "text": f"Bench note {n}. The {word} ledger was filed by the load bench."}  # fmt: skip
            try:
                r = http.post("/v1/documents", json={"documents": [doc]})
                self.upsert_status[str(r.status_code)] = self.upsert_status.get(str(r.status_code), 0) + 1
                if r.status_code == 200 and r.json().get("added") == 1:
                    self.acked.append((doc["id"], word))
            except httpx.HTTPError as e:
                self.upsert_status[type(e).__name__] = self.upsert_status.get(type(e).__name__, 0) + 1
            n += 1
            self.stop.wait(self.every)
        http.close()

    def _health(self) -> None:
        http = httpx.Client(base_url=self.base, timeout=5)
        while not self.stop.is_set():
            t0 = time.monotonic()
            try:
                ok = http.get("/healthz").status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                self.health.append(time.monotonic() - t0)
            else:
                self.health_failures += 1
            self.stop.wait(0.5)
        http.close()


def batch_sizes(base: str) -> tuple[float, float]:
    """(sum, count) of the server's answer batch sizes so far (from /metrics)."""
    text = httpx.get(f"{base}/metrics", timeout=10).text
    vals = {}
    for line in text.splitlines():
        for part in ("_sum", "_count"):
            if line.startswith(f'ragtune_batch_size{part}{{kind="answer"}}'):
                vals[part] = float(line.split()[-1])
    return vals.get("_sum", 0.0), vals.get("_count", 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=60.0, help="length of the N-client phase")
    ap.add_argument("--baseline-seconds", type=float, default=60.0,
                    help="length of the 1-client phase (half before the load phase, half after)")
    ap.add_argument("--model", default="rag", help="strategy spec the clients ask")
    ap.add_argument("--size", default="tiny", help="world size (tiny: 114 chunks, 61 test questions)")
    ap.add_argument("--upsert-every", type=float, default=1.0, help="seconds between upserts")
    ap.add_argument("--max-upserts", type=int, default=400)
    ap.add_argument("--keep", action="store_true", help="keep the work folder (server log)")
    ap.add_argument("--out", type=Path, default=None, help="also write the JSON report here")
    args = ap.parse_args()
    if args.clients < 1 or args.clients > 256 or args.seconds > 900 or args.baseline_seconds > 900:
        ap.error("bounded: 1-256 clients, at most 900 s per phase")

    from ragtune.eval.qa import load_qa
    from ragtune.project import Project
    from ragtune.serve.keys import KeyStore
    from ragtune.world import generate_world

    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    server = None
    try:
        world = work / "world"
        generate_world(args.size, 0, world)
        questions = [q.question for q in load_qa(world / "qa" / "test.jsonl")]
        project = work / "project"
        project.mkdir()
        # patient clients (600 s timeout): refuse only beyond 300 s of estimated queue wait
        (project / "ragtune.toml").write_text("[cache]\ngenerations = false\n\n[serve]\nmax_wait_s = 300\n")
        t0 = time.monotonic()
        cli(project, "-q", "ingest", str(world / "docs"), stdout=subprocess.DEVNULL)
        ingest_s = time.monotonic() - t0
        store = KeyStore.of(Project.open(project))
        keys = [store.add(f"client-{i:03d}", ["default"])[0] for i in range(args.clients)]
        upserter_key = store.add("upserter", ["default"])[0]

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = open(work / "server.log", "w")  # noqa: SIM115
        t0 = time.monotonic()
        server = cli(project, "serve", "--host", "127.0.0.1", "--port", str(port), background=True,
                     stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
        while True:
            if server.poll() is not None:
                raise SystemExit(f"the server exited: {(work / 'server.log').read_text()[-2000:]}")
            if time.monotonic() - t0 > 600:
                raise SystemExit("the server did not start in 600 s")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        start_s = time.monotonic() - t0
        t0 = time.monotonic()
        warm = Phase("warm-up", min(args.clients, len(questions)), 0.0)
        run_phase(warm, base, keys, questions, args.model, once=questions)
        warm_s = time.monotonic() - t0

        load_start = round(os.getloadavg()[0], 1)  # other work on the machine skews wall-clock figures
        background = Background(base, upserter_key, args.upsert_every, args.max_upserts)
        background.start()
        half = args.baseline_seconds / 2
        phases = [Phase("baseline", 1, half), Phase("load", args.clients, args.seconds), Phase("baseline", 1, half)]
        batches: dict[str, list[float]] = {"baseline": [0.0, 0.0], "load": [0.0, 0.0]}
        cpu = {"baseline": 0.0, "load": 0.0}  # the server process's CPU seconds (user + system)
        proc = psutil.Process(server.pid)
        try:
            for ph in phases:
                s0, c0 = batch_sizes(base)
                t0 = sum(proc.cpu_times()[:2])
                print(f"[bench] {ph.name}: {ph.clients} client(s) for {ph.seconds:.0f} s", file=sys.stderr)
                run_phase(ph, base, keys, questions, args.model)
                cpu[ph.name] += sum(proc.cpu_times()[:2]) - t0
                s1, c1 = batch_sizes(base)
                batches[ph.name][0] += s1 - s0
                batches[ph.name][1] += c1 - c0
        finally:
            background.close()

        search = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {upserter_key}"}, timeout=600)
        missing = []
        for doc_id, word in background.acked:
            for _ in range(20):  # the check is a client too: it waits out the key's rate limit
                r = search.post("/v1/search", json={"query": word, "mode": "bm25", "k": 3})
                if r.status_code != 429:
                    break
                time.sleep(float(r.headers.get("retry-after", "1")))
            if r.status_code != 200 or doc_id not in [h["doc_id"] for h in r.json()["hits"]]:
                missing.append(doc_id)
        search.close()
        base_s, load_s = merge(phases[0], phases[2]).summary(), phases[1].summary()
        for name, s in (("baseline", base_s), ("load", load_s)):
            total, count = batches[name]
            s["mean_answer_batch"] = round(total / count, 2) if count else None
            s["server_cpu_s"] = round(cpu[name], 1)
            s["answers_per_cpu_s"] = round(s["ok"] / cpu[name], 4) if cpu[name] else None
        health = sorted(background.health)
        result = {
            "model": args.model, "world": f"{args.size}-0", "questions": len(questions),
            "ingest_s": round(ingest_s, 1), "server_start_s": round(start_s, 1),
            "warm_up": {"s": round(warm_s, 1), **{k: warm.summary()[k] for k in ("statuses", "errors")}},
            "baseline": base_s, "load": load_s,
            "throughput_ratio": round(load_s["throughput_qps"] / base_s["throughput_qps"], 2)
            if base_s["throughput_qps"] else None,
            # the same per CPU second of the server: what batching saves, whatever else runs
            "cpu_efficiency_ratio": round(load_s["answers_per_cpu_s"] / base_s["answers_per_cpu_s"], 2)
            if base_s["answers_per_cpu_s"] and load_s["answers_per_cpu_s"] else None,
            "load_average_1m": {"start": load_start, "end": round(os.getloadavg()[0], 1)},
            "upserts": {"acknowledged": len(background.acked), "searchable_after": len(background.acked) - len(missing),
                        "missing": missing[:10], "statuses": background.upsert_status},
            "healthz_s": {"p95": _pct(health, 95), "max": health[-1] if health else None,
                          "failures": background.health_failures, "probes": len(health)},
            "targets": {
                "zero_5xx": base_s["5xx"] == 0 and load_s["5xx"] == 0,
                "upserts_searchable": not missing and bool(background.acked),
                "throughput_2x": bool(base_s["throughput_qps"]) and load_s["throughput_qps"] >= 2 * base_s["throughput_qps"],
                "healthz_under_1s": bool(health) and health[-1] < 1.0 and background.health_failures == 0,
            },
        }  # fmt: skip
        from bench.common import report

        out = report("serve_load", **result)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(out, indent=2, default=str) + "\n")
    finally:
        stop_server(server)
        finish_work(work, args.keep)


if __name__ == "__main__":
    main()
