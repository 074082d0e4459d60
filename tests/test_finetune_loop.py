"""The training loop's scheduling, without a model: when it evaluates (at most eval_share of
the loop), when a whole-job deadline stops it, and how the budget drives the schedule."""

import time

from ragtune.eval.qa import QAItem
from ragtune.finetune.train import (
    DevPrompt,
    Run,
    TrainConfig,
    affordable_start_eval,
    next_eval_after,
    reason_to_stop,
)


def _run(tmp_path, dev=1, **cfg):
    prompts = [DevPrompt(QAItem(f"d{i}", "q?", ["a"]), "q?", "", "closed_book") for i in range(dev)]
    run = Run(TrainConfig(**cfg), None, None, "cpu", "float32", [], prompts, tmp_path,
              lambda event, info: None)
    run.session_start = time.perf_counter()
    return run


def test_evaluations_keep_to_their_share_of_the_loop(tmp_path):
    run = _run(tmp_path, eval_every_minutes=1.0, eval_share=0.1)
    assert next_eval_after(run, 0.0) == 1.0  # nothing measured yet: the plain schedule
    run.state.curve = [{"seconds": 30.0}]  # one 30-second evaluation
    # the next one (and the final one) would make 90 s: not before 900 s of loop time
    assert next_eval_after(run, 0.5) == 15.0
    run.config.eval_share = 0.0
    assert next_eval_after(run, 0.5) == 1.0
    steps = _run(tmp_path, eval_every_steps=4)
    steps.state.step = 5
    steps.state.curve = [{"seconds": 999.0}]
    assert next_eval_after(steps, 0.0) == 8  # step schedules are the user's explicit choice


def test_a_deadline_leaves_time_for_the_last_step_and_evaluation(tmp_path):
    run = _run(tmp_path)
    run.deadline = time.perf_counter() + 100
    run.step_seconds = [20.0]
    run.state.curve = [{"seconds": 30.0}]
    assert reason_to_stop(run, None) == ""  # 20 + 30 s fit in 100
    run.step_seconds = [20.0, 75.0]
    assert reason_to_stop(run, None) == "max_minutes"  # a 75-s step would leave no time
    no_dev = _run(tmp_path, dev=0)
    no_dev.deadline = time.perf_counter() + 100
    no_dev.step_seconds = [75.0]
    assert reason_to_stop(no_dev, None) == ""  # no final evaluation to wait for


def test_the_schedule_follows_the_deadline_and_short_budgets_skip_the_base_evaluation(tmp_path):
    run = _run(tmp_path, dev=50, max_epochs=1000)
    run._rows = (0, [None] * 10)
    run.deadline = run.session_start + 600
    assert abs(run.loop_seconds() - 600) < 1
    run.clock_at_start = 300.0  # resumed: the earlier session's loop time counts
    assert abs(run.loop_seconds() - 900) < 1
    assert 0.3 < run.schedule_progress() < 0.4
    assert not affordable_start_eval(run)  # 2 x ~50 s > 10% of 900 s
    run.deadline = run.session_start + 3600
    assert affordable_start_eval(run)


def test_a_whole_job_budget_shrinks_the_probe_and_the_dev_set():
    """`finetune --max-minutes 2` once spent its budget on two full forgetting probes and
    trained 0 steps (2026-11-29); the probe and the dev set now take what the budget allows."""
    from ragtune.finetune.forgetting import load_items
    from ragtune.finetune.run import dev_items_for, probe_items_for

    assert probe_items_for(0) == 0  # no budget: all items
    assert probe_items_for(120) == 12
    assert probe_items_for(30) == 10  # never below the least that says anything
    assert probe_items_for(30 * 60) == 0  # a long budget affords every item
    assert probe_items_for(len(load_items()) * 10 - 1) < len(load_items())
    assert dev_items_for(0, 40) == 40
    assert dev_items_for(120, 40) == 16
    assert dev_items_for(120, 5) == 5  # never more than asked
    assert dev_items_for(30 * 60, 40) == 40


def test_bf16_training_only_where_onednn_may_use_bf16_instructions(monkeypatch):
    """An ISA cap for oneDNN below AVX512_CORE_BF16 (the tests set AVX2 for exact int8 text)
    emulates bf16 in torch's kernels too: a LoRA step then took 40 s against 3 s in fp32 on an
    AVX512-BF16 EPYC (2026-12-02), so training picks fp32 under such a cap."""
    from ragtune.finetune import train
    from ragtune.models import backend

    monkeypatch.setattr(backend, "cpu_flags", lambda: {"avx2", "avx512f", "avx512_bf16"})
    assert train.cpu_has_fast_bf16(env={})
    assert train.cpu_has_fast_bf16(env={"ONEDNN_MAX_CPU_ISA": "AVX512_CORE_BF16"})
    assert not train.cpu_has_fast_bf16(env={"ONEDNN_MAX_CPU_ISA": "AVX2"})
    assert not train.cpu_has_fast_bf16(env={"DNNL_MAX_CPU_ISA": "avx512_core"})
    monkeypatch.setattr(backend, "cpu_flags", lambda: {"avx2"})
    assert not train.cpu_has_fast_bf16(env={})
