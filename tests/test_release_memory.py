"""`release_memory` hands freed heap back to the OS: a process that trained and then answers
(the demo, compare's continued training) must not keep the training's peak as its floor."""

import sys

import pytest


def _rss_mb() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) // 1024 for line in f if line.startswith("VmRSS"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim and /proc")
def test_freed_heap_goes_back_to_the_os():
    from ragtune.models.worker import release_memory

    release_memory()
    floor = _rss_mb()
    # 300 MB of malloc'd blocks (over pymalloc's 512-byte limit, under the mmap threshold),
    # then a few kept: freed blocks below a live one stay in glibc's heap until trimmed
    blocks = [bytes(1000 + i % 7) for i in range(300_000)]
    kept = [bytes(1000) for _ in range(10)]
    assert _rss_mb() > floor + 200
    del blocks
    release_memory()
    assert _rss_mb() < floor + 100, (floor, _rss_mb())
    assert len(kept) == 10
