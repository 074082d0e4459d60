"""kill -9 in the middle of training, then `--resume` continues from the last checkpoint
(real subprocesses running the real CLI)."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest


def _cli(project, *args):
    return [sys.executable, "-m", "ragtune.cli", "-p", str(project), "finetune", *args]


def _step_of(checkpoint):
    import torch

    try:
        return torch.load(checkpoint, map_location="cpu", weights_only=False)["state"]["step"]
    except Exception:  # noqa: BLE001 - being replaced right now; look again
        return -1


@pytest.mark.slow
def test_kill_9_then_resume_continues_from_the_checkpoint(tmp_path, ft_corpus):
    dev = tmp_path / "dev.jsonl"
    dev.write_text('{"id": "d1", "question": "Where was Zorbelt Quinnary born?", "answers": ["Plaskow"]}\n')
    args = ["--corpus", str(ft_corpus), "--dev-qa", str(dev), "--max-steps", "6",
            "--checkpoint-every-steps", "1", "--eval-every-steps", "100", "--row-tokens", "128",
            "--batch-rows", "1", "--no-forgetting", "--lr", "0.002"]
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
    log = open(tmp_path / "first.log", "w")
    proc = subprocess.Popen(_cli(tmp_path, *args), stdout=log, stderr=subprocess.STDOUT, env=env)
    checkpoint = tmp_path / ".ragtune" / "adapters" / ".runs" / "lora-001" / "checkpoint.pt"
    deadline = time.monotonic() + 600
    try:
        while time.monotonic() < deadline:
            assert proc.poll() is None, (tmp_path / "first.log").read_text()[-2000:]
            if checkpoint.exists() and _step_of(checkpoint) >= 2:
                break
            time.sleep(0.5)
        else:
            raise AssertionError("no checkpoint at step 2 within 10 minutes")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
        log.close()
    assert proc.returncode == -signal.SIGKILL
    killed_at = _step_of(checkpoint)
    assert 2 <= killed_at < 6
    assert not (tmp_path / ".ragtune" / "adapters" / "lora-001").exists()  # nothing published

    done = subprocess.run(_cli(tmp_path, "--resume", "--json", "--no-forgetting"),
                          capture_output=True, text=True, env=env, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    record = json.loads(done.stdout)
    assert record["id"] == "lora-001" and record["steps"] == 6
    assert record["stop_reason"] == "max_steps"
    sessions = record["sessions"]
    assert len(sessions) == 2 and sessions[0]["start_step"] == 0
    assert sessions[1]["start_step"] >= killed_at  # continued, did not start over
    assert (tmp_path / ".ragtune" / "adapters" / "lora-001" / "adapter_model.safetensors").exists()
    assert not (tmp_path / ".ragtune" / "adapters" / ".runs" / "lora-001").exists()
