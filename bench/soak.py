"""Soak: `ragtune serve` under 16 concurrent clients for 10 minutes while a second process
ingests a folder that keeps changing.

Setup as bench/serve_load.py (whose pieces this reuses): the tiny world ingested into a fresh
project, the generation cache off, one API key per client, the server a subprocess on
127.0.0.1, a warm-up that asks every test question once.
Load: N clients (default 16) ask the world's test questions closed-loop (the serve_load mix of
chat, streamed chat and /v1/query) for `--minutes` (default 10).
Ingest: a second process (this module, `--folder-ingester`) owns a folder of notes. Every
`--change-every` seconds it adds a note, edits one and deletes one, then ingests the folder
through the server: it reads the files with ragtune's own loaders, upserts the documents whose
content changed (POST /v1/documents) and deletes those whose file is gone (DELETE).
Checks (issue 19): zero 5xx; p95 latency of the last minute within 1.5x of the first; server
RSS growth <= 10% (end of run against the end of the first minute, after warm-up); every
acknowledged write searchable at the end (each live note found by its current unique word,
each deleted note gone, no note found by a word it no longer holds).

    python -m bench soak [--minutes 10] [--clients 16] [--out docs/results/soak.json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import string
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import psutil

from bench.common import finish_work, stop_server
from bench.serve_load import Phase, _pct, cli, free_port, run_phase


class TimedPhase(Phase):
    """A Phase that also keeps when each request ended (for per-minute windows)."""

    def __init__(self, *a: Any, **k: Any):
        super().__init__(*a, **k)
        self.events: list[tuple[float, str, float | None]] = []

    def record(self, status: str, seconds: float | None) -> None:
        super().record(status, seconds)
        with self.lock:
            self.events.append((time.monotonic(), status, seconds))


def windows(phase: TimedPhase, minute: float = 60.0) -> list[dict[str, Any]]:
    out = []
    t0 = phase.started
    n = int((max((e[0] for e in phase.events), default=t0) - t0) // minute) + 1
    for i in range(n):
        ev = [e for e in phase.events if t0 + i * minute <= e[0] < t0 + (i + 1) * minute]
        lat = sorted(e[2] for e in ev if e[2] is not None)
        out.append({"minute": i + 1, "requests": len(ev), "ok": sum(e[1] == "200" for e in ev),
                    "5xx": sum(e[1].startswith("5") for e in ev), "p50_s": _pct(lat, 50),
                    "p95_s": _pct(lat, 95)})  # fmt: skip
    return out


# ------------------------------------------------------------------ the second process


def folder_ingester(base: str, key: str, folder: Path, seconds: float, every: float, log: Path) -> None:
    """Change the folder, ingest it through the server, repeat; write what was acknowledged."""
    from ragtune.corpus.loaders import LoadError, iter_documents, scan

    rng = random.Random(1)
    http = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=600)
    folder.mkdir(parents=True, exist_ok=True)
    words: dict[str, str] = {}  # file stem -> its current unique word (what the file says)
    sent: dict[str, str] = {}  # doc id -> content hash the server acknowledged
    acked_word: dict[str, str] = {}  # doc id -> the word of the acknowledged version
    stale_words: dict[str, list[str]] = {}  # doc id -> words of versions replaced (acknowledged)
    deleted: set[str] = set()
    stats = {"rounds": 0, "upserted": 0, "deleted": 0, "statuses": {}, "errors": 0}
    n = 0

    def write(stem: str) -> None:
        word = "sk" + "".join(rng.choice(string.ascii_lowercase) for _ in range(10))
        words[stem] = word
        (folder / f"{stem}.md").write_text(f"---\ntitle: Soak note {stem}\n---\nThe {word} register "
                                           f"was updated during the soak.\n")  # fmt: skip

    def count(status: str) -> None:
        stats["statuses"][status] = stats["statuses"].get(status, 0) + 1

    for _ in range(20):
        write(f"note-{n:04d}")
        n += 1
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if stats["rounds"]:  # change the folder: one new, one edited, one removed
            write(f"note-{n:04d}")
            n += 1
            stems = sorted(words)
            write(rng.choice(stems[:-1]))
            gone = rng.choice(stems[:-1])
            (folder / f"{gone}.md").unlink()
            del words[gone]
        files, _ = scan(folder)
        docs = {}
        for f in files:
            try:
                docs.update({d.doc_id: d for d in iter_documents(f)})
            except LoadError:
                pass
        changed = [d for d in docs.values() if sent.get(d.doc_id) != d.content_hash]
        removed = [d for d in sent if d not in docs and d not in deleted]
        for i in range(0, len(changed), 20):
            part = changed[i : i + 20]
            body = {"documents": [{"id": d.doc_id, "title": d.title, "text": d.text, "metadata": d.metadata}
                                  for d in part]}  # fmt: skip
            try:
                r = http.post("/v1/documents", json=body)
            except httpx.HTTPError:
                stats["errors"] += 1
                continue
            count(str(r.status_code))
            if r.status_code == 200:
                for d in part:
                    if d.doc_id in acked_word:
                        stale_words.setdefault(d.doc_id, []).append(acked_word[d.doc_id])
                    sent[d.doc_id] = d.content_hash
                    acked_word[d.doc_id] = d.text.split()[1]
                    stats["upserted"] += 1
        if removed:
            try:
                r = http.request("DELETE", "/v1/documents", json={"ids": removed})
                count(str(r.status_code))
                if r.status_code == 200:
                    deleted.update(removed)
                    stats["deleted"] += len(removed)
            except httpx.HTTPError:
                stats["errors"] += 1
        stats["rounds"] += 1
        time.sleep(max(0.0, min(every, deadline - time.monotonic())))
    http.close()
    live = {d: w for d, w in acked_word.items() if d not in deleted}
    # the ids under their own key: stats["deleted"] is the count and must not replace them
    log.write_text(json.dumps({**stats, "live": live, "deleted_ids": sorted(deleted), "stale": stale_words}))


def check_writes(base: str, key: str, acked: dict[str, Any]) -> dict[str, Any]:
    """Every live note found by its current word; deleted ones gone; none found by an old word."""
    http = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=600)

    def search(word: str) -> list[str]:
        for _ in range(30):
            r = http.post("/v1/search", json={"query": word, "mode": "bm25", "k": 5})
            if r.status_code != 429:
                return [h["doc_id"] for h in r.json()["hits"]]
            time.sleep(float(r.headers.get("retry-after", "1")))
        raise RuntimeError("rate limited for 30 tries")

    listed = {d["id"] for d in http.get("/v1/documents").json()["documents"]}
    missing = [d for d, w in acked["live"].items() if d not in listed or d not in search(w)]
    back = [d for d in acked["deleted_ids"] if d in listed]
    stale = [d for d, ws in acked["stale"].items() if d not in acked["deleted_ids"] and any(d in search(w) for w in ws)]
    http.close()
    return {"live": len(acked["live"]), "deleted": len(acked["deleted_ids"]), "missing": missing[:10],
            "deleted_but_listed": back[:10], "found_by_old_word": stale[:10],
            "ok": not missing and not back and not stale}  # fmt: skip


# ------------------------------------------------------------------ main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--model", default="rag")
    ap.add_argument("--change-every", type=float, default=5.0, help="seconds between folder changes")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--folder-ingester", nargs=5, metavar=("BASE", "KEY", "FOLDER", "SECONDS", "LOG"),
                    help=argparse.SUPPRESS)  # the second process
    args = ap.parse_args()
    if args.folder_ingester:
        base, key, folder, seconds, log = args.folder_ingester
        folder_ingester(base, key, Path(folder), float(seconds), args.change_every, Path(log))
        return
    if not 1 <= args.clients <= 64 or not 0 < args.minutes <= 30:
        ap.error("bounded: 1-64 clients, at most 30 minutes")

    from ragtune.eval.qa import load_qa
    from ragtune.project import Project
    from ragtune.serve.keys import KeyStore
    from ragtune.world import generate_world

    work = Path(tempfile.mkdtemp(prefix="bench-soak-"))
    server = ingester = None
    try:
        world = work / "world"
        generate_world("tiny", 0, world)
        questions = [q.question for q in load_qa(world / "qa" / "test.jsonl")]
        project = work / "project"
        project.mkdir()
        (project / "ragtune.toml").write_text("[cache]\ngenerations = false\n\n[serve]\nmax_wait_s = 300\n")
        cli(project, "-q", "ingest", str(world / "docs"), stdout=subprocess.DEVNULL)
        store = KeyStore.of(Project.open(project))
        keys = [store.add(f"client-{i:03d}", ["default"])[0] for i in range(args.clients)]
        ingester_key = store.add("ingester", ["default"])[0]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = open(work / "server.log", "w")  # noqa: SIM115
        server = cli(project, "serve", "--host", "127.0.0.1", "--port", str(port), background=True,
                     stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
        t0 = time.monotonic()
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
        warm = Phase("warm-up", min(args.clients, len(questions)), 0.0)
        run_phase(warm, base, keys, questions, args.model, once=questions)

        proc = psutil.Process(server.pid)
        rss: list[tuple[float, float]] = []
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                rss.append((time.monotonic(), proc.memory_info().rss / 1e6))
                stop.wait(5.0)

        seconds = args.minutes * 60
        acked_log = work / "acked.json"
        ingester = subprocess.Popen(
            [sys.executable, "-m", "bench", "soak", "--change-every", str(args.change_every),
             "--folder-ingester", base, ingester_key, str(work / "notes"), str(seconds), str(acked_log)],
            env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"},
        )  # fmt: skip
        sampler = threading.Thread(target=sample)
        load = TimedPhase("soak", args.clients, seconds)
        load_avg = [round(os.getloadavg()[0], 1)]
        sampler.start()
        print(f"[bench] {args.clients} clients for {args.minutes:g} min, folder changing every "
              f"{args.change_every:g} s", file=sys.stderr)  # fmt: skip
        try:
            run_phase(load, base, keys, questions, args.model)
        finally:
            stop.set()
            sampler.join()
        load_avg.append(round(os.getloadavg()[0], 1))
        if ingester.wait(600) != 0:
            raise SystemExit("the folder ingester failed")
        acked = json.loads(acked_log.read_text())
        writes = check_writes(base, ingester_key, acked)

        per_minute = windows(load)
        first, last = per_minute[0], per_minute[-1] if per_minute[-1]["requests"] >= 5 else per_minute[-2]
        t_start = load.started
        after_first = [r for t, r in rss if t - t_start <= 60.0]
        rss_start = after_first[-1] if after_first else rss[0][1]
        rss_end = rss[-1][1]
        summary = load.summary()
        p95_ratio = round(last["p95_s"] / first["p95_s"], 2) if first["p95_s"] and last["p95_s"] else None
        result = {
            "clients": args.clients, "minutes": args.minutes, "model": args.model,
            "questions": len(questions), "warm_up_statuses": warm.summary()["statuses"],
            "requests": summary["statuses"], "5xx": summary["5xx"], "errors": summary["errors"],
            "throughput_qps": summary["throughput_qps"], "latency_s": summary["latency_s"],
            "per_minute": per_minute, "p95_last_over_first": p95_ratio,
            "rss_mb": {"after_first_minute": round(rss_start, 1), "end": round(rss_end, 1),
                       "max": round(max(r for _, r in rss), 1), "samples": len(rss)},
            "rss_growth": round(rss_end / rss_start - 1, 4),
            "ingester": {k: acked[k] for k in ("rounds", "upserted", "deleted", "statuses", "errors")},
            "writes": writes, "load_average_1m": {"start": load_avg[0], "end": load_avg[1]},
            "targets": {
                "zero_5xx": summary["5xx"] == 0 and not any(s.startswith("5") for s in acked["statuses"]),
                "p95_within_1_5x": p95_ratio is not None and p95_ratio <= 1.5,
                "rss_growth_le_10pct": rss_end <= 1.10 * rss_start,
                "acknowledged_writes_searchable": writes["ok"] and acked["upserted"] > 0,
            },
        }  # fmt: skip
        from bench.common import report

        out = report("soak", **result)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(out, indent=2, default=str) + "\n")
    finally:
        if ingester is not None and ingester.poll() is None:
            ingester.kill()
        stop_server(server)
        finish_work(work, args.keep)


if __name__ == "__main__":
    main()
