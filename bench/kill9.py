"""kill -9 anywhere: a seeded loop SIGKILLs real `ragtune` processes at random moments and
checks that nothing acknowledged is lost and that the re-run ends where an uninterrupted run ends.

    python -m bench kill9 compare   [--kills 10] [--seed 0] [--out FILE]
    python -m bench kill9 finetune  [--kills 10] [--seed 0] [--out FILE]
    python -m bench kill9 serve     [--kills 10] [--seed 0] [--out FILE]

compare:  the tiny world (seed 0), `ragtune compare` (closed_book + rag, 8 test questions,
          freshness on) first uninterrupted, then killed at a random moment (uniform between 0
          and the uninterrupted run's wall time) and re-run with the same command until it
          finishes; that sequence repeats in a fresh project until `--kills` kills have landed.
          Each finished sequence's results.json must equal the uninterrupted one's, timings,
          dates and paths aside (and its predictions, question for question).
finetune: a 4-step LoRA fine-tune (checkpoint every step) on a few facts; killed at random,
          continued with `ragtune finetune --resume` (or started again when the kill came
          before the run existed). Each resumed session must start at the step of the last
          checkpoint on disk, and the finished adapter must equal the uninterrupted one.
serve:    `ragtune serve` over the tiny world while a client upserts documents one by one
          (and deletes some); the server is killed at a random moment (startup included) and
          restarted; after every restart each acknowledged upsert must be searchable, each
          acknowledged delete gone.

Seeded: the kill moments come from random.Random(seed). Work happens in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable

import httpx

from bench.common import finish_work
from bench.serve_load import free_port

ENV = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}


def ragtune(project: Path, *args: str) -> list[str]:
    project.mkdir(parents=True, exist_ok=True)
    return [sys.executable, "-m", "ragtune.cli", "-p", str(project), *args]


def start(cmd: list[str], log: Path) -> subprocess.Popen:
    f = open(log, "ab")  # noqa: SIM115 - closed with the process
    f.write(f"\n$ {' '.join(cmd[2:])}\n".encode())
    f.flush()
    return subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT, env=ENV, start_new_session=True)


def kill_at(proc: subprocess.Popen, seconds: float, ready: Callable[[], bool] | None = None) -> bool:
    """SIGKILL the process group `seconds` after start; False when it had already finished."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        time.sleep(0.05)
    if proc.poll() is not None:
        return False
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return True


def run_to_end(cmd: list[str], log: Path, timeout: float = 3600) -> float:
    t0 = time.monotonic()
    proc = start(cmd, log)
    if proc.wait(timeout) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{log.read_text()[-3000:]}")
    return time.monotonic() - t0


# ------------------------------------------------------------------ compare

VOLATILE = {"created", "git_commit", "ingest", "seconds", "latency_ms", "ms", "wall_s", "t",
            "throughput", "throughput_qps", "questions_per_s", "setup_s", "cost", "machine",
            "stages", "cheapest_alternative"}  # fmt: skip
# Durations quoted in prose (the recommendation's "p95 of 1,234 ms", "46 s of compute"): a
# sentence that quotes one is about measured time (which strategy is cheaper can flip between a
# resumed run and an uninterrupted one when the intervals tie), so it is left out.
DURATION = re.compile(r"\d[\d,]*(?:\.\d+)? ?(?:ms|s|seconds|minutes|min)\b")
SENTENCE = re.compile(r"(?<=[.!?])\s+")  # not only before capitals: strategy names are lower case


def strip(obj: Any, roots: list[str]) -> Any:
    """results.json without timings (durations quoted in text too), dates and the run's own paths."""
    if isinstance(obj, dict):
        return {k: strip(v, roots) for k, v in obj.items()
                if k not in VOLATILE and not k.endswith(("_s", "_ms", "_seconds", "per_s"))}  # fmt: skip
    if isinstance(obj, list):
        return [strip(v, roots) for v in obj]
    if isinstance(obj, str):
        for r in roots:
            obj = obj.replace(r, "<root>")
        return " ".join(x for x in SENTENCE.split(obj) if not DURATION.search(x))
    return obj


def diff(a: Any, b: Any, path: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(set(a) | set(b)) for d in diff(a.get(k), b.get(k), f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in diff(x, y, f"{path}[{i}]")]
    if a == b:
        return []
    if isinstance(a, str) and isinstance(b, str):  # where they part, not only how they start
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        return [f"{path}: ...{a[max(0, at - 40):at + 200]!r} != ...{b[max(0, at - 40):at + 200]!r}"]
    return [f"{path}: {str(a)[:80]} != {str(b)[:80]}"]


def predictions(run: Path) -> list[tuple]:
    from ragtune.arena.rundir import RunDir

    rows = {(r["strategy"], r.get("phase", "test"), r["id"]): r["prediction"]
            for r in RunDir(run).rows("predictions.jsonl")}  # fmt: skip
    fresh = {(r["strategy"], r.get("phase"), r["id"]): r["prediction"]
             for r in RunDir(run).rows("freshness.jsonl")}  # fmt: skip
    return sorted({**rows, **fresh}.items())


def compare_mode(work: Path, kills: int, rng: random.Random) -> dict[str, Any]:
    from ragtune.world import generate_world

    world = work / "world"
    generate_world("tiny", 0, world)
    qa = world / "qa"
    args = ["compare", "--qa", str(qa / "test.jsonl"), "--train-qa", str(qa / "train.jsonl"),
            "--dev-qa", str(qa / "dev.jsonl"), "--corpus", str(world / "docs"),
            "--strategies", "closed_book,rag", "--limit", "8", "--latency-sample", "2",
            "--batch-size", "2", "--freshness", "--updates", str(world / "updates"),
            "--updates-qa", str(qa / "updates.jsonl"), "--forgetting-sample", "2"]  # fmt: skip

    def command(seq: Path) -> list[str]:
        return ragtune(seq / "project", *args, "--out", str(seq / "run"))

    ref = work / "reference"
    ref.mkdir()
    ref_s = run_to_end(command(ref), work / "reference.log")
    print(f"[bench] uninterrupted compare: {ref_s:.0f} s", file=sys.stderr)
    expected = strip(json.loads((ref / "run" / "results.json").read_text()), [str(ref)])
    expected_predictions = predictions(ref / "run")
    return _sequences(work, kills, rng, ref_s, command, lambda seq: _check_compare(
        seq, expected, expected_predictions))  # fmt: skip


def _check_compare(seq: Path, expected: Any, expected_predictions: list) -> list[str]:
    got = strip(json.loads((seq / "run" / "results.json").read_text()), [str(seq)])
    problems = diff(expected, got)
    if predictions(seq / "run") != expected_predictions:
        problems.append("predictions differ")
    return problems


def _sequences(work: Path, kills: int, rng: random.Random, ref_s: float,
               command: Callable[[Path], list[str]], check: Callable[[Path], list[str]],
               next_command: Callable[[Path, list[str]], list[str]] | None = None,
               on_kill: Callable[[Path], dict[str, Any]] | None = None) -> dict[str, Any]:  # fmt: skip
    """Kill-and-rerun sequences until `kills` kills have landed; each sequence is checked."""
    landed: list[dict[str, Any]] = []
    sequences: list[dict[str, Any]] = []
    while len(landed) < kills:
        seq = work / f"seq{len(sequences):02d}"
        seq.mkdir()
        log = seq / "log.txt"
        cmd = command(seq)
        runs = 0
        t0 = time.monotonic()
        while True:
            at = round(rng.uniform(0.0, ref_s), 2) if len(landed) < kills else None
            runs += 1
            proc = start(cmd, log)
            if at is None:
                if proc.wait(3600) != 0:
                    raise SystemExit(f"the final run failed:\n{log.read_text()[-3000:]}")
                break
            if kill_at(proc, at):
                info = {"sequence": len(sequences), "run": runs, "after_s": at}
                if on_kill:
                    info.update(on_kill(seq))
                landed.append(info)
                print(f"[bench] kill {len(landed)}: {info}", file=sys.stderr)
            elif proc.returncode != 0:
                raise SystemExit(f"a run failed:\n{log.read_text()[-3000:]}")
            else:
                break  # finished before the kill moment
            cmd = next_command(seq, cmd) if next_command else cmd
        problems = check(seq)
        info = [p.removeprefix("info: ") for p in problems if p.startswith("info: ")]
        problems = [p for p in problems if not p.startswith("info: ")]
        sequences.append({"runs": runs, "kills": sum(k["sequence"] == len(sequences) for k in landed),
                          "wall_s": round(time.monotonic() - t0, 1), "equal_to_uninterrupted": not problems,
                          "differences": problems[:10], "notes": info})  # fmt: skip
        print(f"[bench] sequence {sequences[-1]}", file=sys.stderr)
    return {"uninterrupted_s": round(ref_s, 1), "kills": landed, "sequences": sequences,
            "all_equal": all(s["equal_to_uninterrupted"] for s in sequences)}  # fmt: skip


# ------------------------------------------------------------------ finetune

FACTS = ("Zorbelt Quinnary was born in Plaskow.\n\nThe Quibble 9 is made by Vendrick Tools. "
         "Vendrick Tools was founded in 1987.\n")  # fmt: skip


def _checkpoint_step(project: Path) -> int | None:
    import torch

    for ckpt in (project / ".ragtune" / "adapters" / ".runs").glob("*/checkpoint.pt"):
        try:
            return int(torch.load(ckpt, map_location="cpu", weights_only=False)["state"]["step"])
        except Exception:  # noqa: BLE001 - torn or being replaced
            return -1
    return None


def _adapter(project: Path) -> dict[str, Any]:
    from safetensors.torch import load_file

    (path,) = (project / ".ragtune" / "adapters").glob("*/adapter_model.safetensors")
    return load_file(str(path))


def finetune_mode(work: Path, kills: int, rng: random.Random) -> dict[str, Any]:
    corpus = work / "corpus"
    corpus.mkdir()
    (corpus / "facts.md").write_text("---\ntitle: Company notes\n---\n\n" + FACTS)
    dev = work / "dev.jsonl"
    dev.write_text('{"id": "d1", "question": "Where was Zorbelt Quinnary born?", "answers": ["Plaskow"]}\n')
    args = ["finetune", "--corpus", str(corpus), "--dev-qa", str(dev), "--max-steps", "4",
            "--checkpoint-every-steps", "1", "--eval-every-steps", "100", "--row-tokens", "128",
            "--batch-rows", "1", "--no-forgetting", "--lr", "0.002", "--json"]  # fmt: skip
    ref = work / "reference"
    ref_s = run_to_end(ragtune(ref, *args), work / "reference.log")
    print(f"[bench] uninterrupted fine-tune: {ref_s:.0f} s", file=sys.stderr)
    reference = _adapter(ref)

    def next_command(seq: Path, cmd: list[str]) -> list[str]:
        runs = seq / ".ragtune" / "adapters" / ".runs"
        started = runs.exists() and any((d / "run.json").exists() for d in runs.iterdir())
        return ragtune(seq, "finetune", "--resume", "--json", "--no-forgetting") if started else ragtune(seq, *args)

    def on_kill(seq: Path) -> dict[str, Any]:
        return {"checkpoint_step": _checkpoint_step(seq)}

    result = _sequences(work, kills, rng, ref_s, lambda seq: ragtune(seq, *args),
                        lambda seq: _check_finetune(seq, reference), next_command, on_kill)  # fmt: skip
    # each resumed session starts where the last checkpoint on disk was at the kill
    return result


def _check_finetune(seq: Path, reference: dict[str, Any]) -> list[str]:
    problems = []
    records = list((seq / ".ragtune" / "adapters").glob("*/record.json"))
    got = _adapter(seq)
    if set(got) != set(reference):
        return ["adapter tensors differ in names"]
    worst = max(float((got[k] - reference[k]).abs().max()) for k in got)
    if worst > 1e-6:
        problems.append(f"adapter differs from the uninterrupted one (max abs diff {worst:.2e})")
    if len(records) != 1:
        return problems + [f"{len(records)} adapter records"]
    record = json.loads(records[0].read_text())
    if record.get("steps") != 4:
        problems.append(f"trained {record.get('steps')} steps, not 4")
    starts = [s.get("start_step") for s in record.get("sessions", [])]
    problems.append(f"info: sessions started at steps {starts}")  # reported, not a failure
    return problems


# ------------------------------------------------------------------ serve


class Writer:
    """Upserts uniquely-worded documents one by one (and deletes every fifth acknowledged one),
    recording what the server acknowledged."""

    def __init__(self, base: str, rng: random.Random):
        self.base, self.rng = base, rng
        self.acked: dict[str, str] = {}  # doc id -> its unique word
        self.deleted: set[str] = set()  # deletes the server acknowledged
        self.unsure: set[str] = set()  # deletes sent but not answered (killed): either state is fine
        self.n = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def loop(self) -> None:
        http = httpx.Client(base_url=self.base, timeout=30)
        while not self.stop.is_set():
            word = "kz" + "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(10))
            doc_id = f"kill/doc-{self.n:05d}"
            self.n += 1
            try:
                r = http.post("/v1/documents", json={"documents": [
                    {"id": doc_id, "text": f"Note {self.n}. The {word} ledger survived a crash."}]})  # fmt: skip
                if r.status_code == 200:
                    self.acked[doc_id] = word
                if r.status_code == 200 and self.n % 5 == 0:
                    victim = next(d for d in self.acked if d not in self.deleted | self.unsure)
                    self.unsure.add(victim)
                    r = http.request("DELETE", "/v1/documents", json={"ids": [victim]})
                    if r.status_code == 200:
                        self.deleted.add(victim)
                        self.unsure.discard(victim)
            except httpx.HTTPError:
                time.sleep(0.2)  # the server is down (killed): try again
        http.close()

    def snapshot(self) -> tuple[dict[str, str], set[str], set[str]]:
        return dict(self.acked), set(self.deleted), set(self.unsure)


def _wait_ready(base: str, proc: subprocess.Popen, limit: float = 600) -> float | None:
    """Seconds until /healthz answers; None when the process died first (killed in startup)."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        if proc.poll() is not None:
            return None
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return time.monotonic() - t0
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise SystemExit("the server did not start in 600 s")


def _check_serve(base: str, snapshot: tuple[dict[str, str], set[str], set[str]],
                 writer: "Writer | None" = None) -> list[str]:
    """Acknowledged upserts (deletes) of the snapshot are there (gone); a document the
    still-running writer deleted after the snapshot is not counted as lost."""
    acked, deleted, unsure = snapshot
    http = httpx.Client(base_url=base, timeout=60)
    listed = {d["id"] for d in http.get("/v1/documents").json()["documents"]}
    problems = []
    for doc_id, word in sorted(acked.items()):
        if doc_id in unsure:
            continue
        if doc_id in deleted:
            if doc_id in listed:
                problems.append(f"deleted but back: {doc_id}")
            continue
        hits = http.post("/v1/search", json={"query": word, "mode": "bm25", "k": 3}).json()["hits"]
        if doc_id not in listed or doc_id not in [h["doc_id"] for h in hits]:
            if writer is None or doc_id not in writer.deleted | writer.unsure:
                problems.append(f"acknowledged but lost: {doc_id}")
    http.close()
    return problems


def serve_mode(work: Path, kills: int, rng: random.Random, window: float = 20.0) -> dict[str, Any]:
    """Each server instance is killed at a random moment of its life (uniform over its startup
    plus `window` s); a checker verifies, as soon as the instance answers, that everything
    acknowledged before the previous kill is there. A final instance checks everything."""
    from ragtune.world import generate_world

    world = work / "world"
    generate_world("tiny", 0, world)
    project = work / "project"
    project.mkdir()
    (project / "ragtune.toml").write_text("[serve]\nopen_access = true\nrate_per_minute = 0\n")
    run_to_end(ragtune(project, "-q", "ingest", str(world / "docs")), work / "ingest.log")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = ragtune(project, "serve", "--host", "127.0.0.1", "--port", str(port), "--open")
    log = work / "server.log"
    writer = Writer(base, random.Random(rng.random()))
    landed: list[dict[str, Any]] = []
    checks: list[dict[str, Any]] = []
    proc = start(cmd, log)
    startup = _wait_ready(base, proc)
    if startup is None:
        raise SystemExit(f"the server exited:\n{log.read_text()[-3000:]}")
    writer.thread.start()
    snapshot = writer.snapshot()
    try:
        for i in range(kills + 1):
            if i:  # instance 0 is already running
                proc = start(cmd, log)
            t_start = time.monotonic()
            at = round(rng.uniform(0.0, startup + window), 2) if i < kills else None
            result: dict[str, Any] = {}

            def checker(proc=proc, snapshot=snapshot, result=result) -> None:
                ready = _wait_ready(base, proc)
                result["ready_s"] = None if ready is None else round(ready, 1)
                if ready is not None:
                    try:
                        result["problems"] = _check_serve(base, snapshot, writer)
                    except httpx.HTTPError:
                        result["problems"] = None  # killed while checking: the next one checks

            thread = threading.Thread(target=checker)
            thread.start()
            if at is None:  # the last instance: stop writing, then check everything
                thread.join()
                writer.stop.set()
                writer.thread.join(60)
                final = _check_serve(base, writer.snapshot())
                checks.append({"instance": i, "final": True, "acked": len(writer.acked), "problems": final[:10]})
                break
            kill_at(proc, max(0.0, at - (time.monotonic() - t_start)))
            thread.join()
            landed.append({"instance": i, "after_s": at, "during_startup": result.get("ready_s") is None})
            checks.append({"instance": i, "checked": len(snapshot[0]), **result})
            print(f"[bench] kill {len(landed)}: {landed[-1]} {checks[-1]}", file=sys.stderr)
            snapshot = writer.snapshot()  # acknowledged before this kill: must survive it
    finally:
        writer.stop.set()
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
    return {"kills": landed, "checks": checks, "acknowledged_upserts": len(writer.acked),
            "acknowledged_deletes": len(writer.deleted), "attempted_upserts": writer.n,
            # a check cut short by the next kill proves nothing; the final one covers every write
            "checks_completed": sum(c.get("problems") is not None for c in checks),
            "final_check_ok": bool(checks) and checks[-1].get("final") and checks[-1]["problems"] == [],
            "all_kept": all(not c.get("problems") for c in checks)}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["compare", "finetune", "serve"])
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix=f"bench-kill9-{args.what}-"))
    t0 = time.monotonic()
    try:
        mode = {"compare": compare_mode, "finetune": finetune_mode, "serve": serve_mode}[args.what]
        result = mode(work, args.kills, rng)
        from bench.common import report

        out = report(f"kill9_{args.what}", seed=args.seed, wall_s=round(time.monotonic() - t0, 1), **result)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(out, indent=2, default=str) + "\n")
    finally:
        finish_work(work, args.keep)


if __name__ == "__main__":
    main()
