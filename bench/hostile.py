"""Hostile input at full size: time and peak memory of the input side against input size.

1. Scaling: one file per size, each read and chunked in a fresh process (the real MiniLM
   tokenizer, no chunk limit, so every byte is chunked): a page of N nested `<div>`s around
   one sentence, and a text file of one line of M MB (words, no line break). Time and
   peak RSS per size; `per_unit` ratios near 1 between the largest and the smallest size mean
   linear. Before the fix, 100,000 nested divs took 475 s (quadratic) and a 30 MB line 39 s,
   2.9 GB and one chunk.
2. Baseline in the same run: the tree-based HTML extraction this replaced (BeautifulSoup, kept
   here verbatim) on the smallest nested page, against the streaming extractor.
3. The whole hostile corpus (corpus/hostile.py: 120+ bad files, the 50 MB line, 100,000 nested
   tags) through `ragtune ingest --json` with default settings in a subprocess: wall time, peak
   RSS, every good document indexed, every bad file reported with a reason.

    python -m bench hostile [--out docs/results/hostile.json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

NESTED = [25_000, 50_000, 100_000, 200_000]
LINE_MB = [6.25, 12.5, 25.0, 50.0]


def write_nested(path: Path, n: int) -> None:
    path.write_text("<html><body>" + "<div>" * n + "Deep inside the nesting." + "</div>" * n)


def write_line(path: Path, mb: float) -> None:
    from ragtune.corpus.hostile import write_one_line

    write_one_line(path, mb)


def measure_one(path: str) -> dict[str, Any]:
    """In a fresh process: load + chunk one file with the real tokenizer (no chunk limit)."""
    from ragtune.config import Settings
    from ragtune.corpus.chunking import ChunkingConfig, chunk_document, tokens_for
    from ragtune.corpus.loaders import FORMATS, SourceFile, iter_documents
    from ragtune.models import get_pool

    tokens = tokens_for(get_pool(Settings()).embedder())
    p = Path(path)
    src = SourceFile(p, p.name, FORMATS[p.suffix], p.stat().st_size, 0)
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    docs = list(iter_documents(src))
    t1 = time.perf_counter()
    chunks = chunk_document(docs[0], tokens, ChunkingConfig())
    t2 = time.perf_counter()
    return {
        "bytes": p.stat().st_size, "parse_s": round(t1 - t0, 3), "chunk_s": round(t2 - t1, 3),
        "total_s": round(t2 - t0, 3), "chunks": len(chunks),
        "longest_chunk_chars": max(len(c.text) for c in chunks),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_mb": round(base_rss / 1024, 1),
    }  # fmt: skip


def old_html_to_text(markup: str) -> tuple[str, str]:
    """The tree-based extraction the streaming one replaced (verbatim, for the baseline)."""
    import re

    from bs4 import BeautifulSoup

    block = ("p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "li",
             "ul", "ol", "tr", "table", "pre", "blockquote", "dl", "dt", "dd", "figure",
             "figcaption", "form")  # fmt: skip
    soup = BeautifulSoup(markup, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(["script", "style", "noscript", "template", "head", "svg"]):
        tag.decompose()
    for level in range(1, 7):
        for h in soup.find_all(f"h{level}"):
            h.replace_with(f"\n\n{'#' * level} {h.get_text(' ', strip=True)}\n\n")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(block):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    raw = soup.get_text()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in raw.splitlines()]
    return title, re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def baseline(n: int) -> dict[str, Any]:
    from ragtune.corpus.loaders import html_to_text

    markup = "<html><body>" + "<div>" * n + "Deep inside the nesting." + "</div>" * n
    t0 = time.perf_counter()
    old = old_html_to_text(markup)
    t_old = time.perf_counter() - t0
    t0 = time.perf_counter()
    new = html_to_text(markup)
    t_new = time.perf_counter() - t0
    assert old[1] == new[1], "the two extractions disagree"
    return {"nested": n, "tree_s": round(t_old, 3), "streaming_s": round(t_new, 4),
            "speedup": round(t_old / max(t_new, 1e-9), 1)}  # fmt: skip


def _subprocess_measure(path: Path) -> dict[str, Any]:
    code = f"import json; from bench.hostile import measure_one; print(json.dumps(measure_one({str(path)!r})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}, timeout=3600)  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def _scaling(rows: list[dict[str, Any]], unit: str) -> dict[str, Any]:
    first, last = rows[0], rows[-1]
    size_ratio = last[unit] / first[unit]
    return {
        "size_ratio": round(size_ratio, 1),
        "time_ratio": round(last["total_s"] / first["total_s"], 2),
        # time per unit of input at the largest size / at the smallest: 1.0 = linear
        "per_unit_time_ratio": round((last["total_s"] / last[unit]) / (first["total_s"] / first[unit]), 2),
        "rss_growth_mb": round(last["peak_rss_mb"] - first["peak_rss_mb"], 1),
        "rss_mb_per_input_mb": round((last["peak_rss_mb"] - first["peak_rss_mb"])
                                     / ((last["bytes"] - first["bytes"]) / 1e6), 2),
    }  # fmt: skip


def whole_corpus(work: Path, big_line_mb: float) -> dict[str, Any]:
    from ragtune.corpus.hostile import unlock, write_hostile_corpus

    corpus = write_hostile_corpus(work / "docs", n_good=40, big_line_mb=big_line_mb, nested_tags=100_000)
    project = work / "project"
    project.mkdir()
    if big_line_mb < 20:  # the quick run: a limit the smaller line still passes
        (project / "ragtune.toml").write_text("[index]\nmax_doc_chunks = 1000\n")
    size = sum(p.stat().st_size for p in (work / "docs").rglob("*") if p.is_file() and not p.is_symlink()
               and os.access(p, os.R_OK))  # fmt: skip
    argv = ["ragtune", "-p", str(project), "ingest", str(work / "docs"), "--json"]
    code = ("import atexit, resource, sys\n"  # the CLI in a process that reports its own peak RSS
            "atexit.register(lambda: print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_SELF)"
            ".ru_maxrss, file=sys.stderr))\n"
            f"sys.argv = {argv!r}\nfrom ragtune.cli import main\nmain()\n")  # fmt: skip
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}, timeout=3600)  # fmt: skip
    wall = time.perf_counter() - t0
    peak = int(proc.stderr.rsplit("PEAK_RSS_KB", 1)[1].split()[0]) / 1024
    unlock(work / "docs")
    report = json.loads(proc.stdout)
    reported = {f"{p['path']}:{p['line']}" if p["line"] else p["path"] for p in report["problems"]}
    from ragtune.index import open_index
    from ragtune.index.ingest import INTERNAL
    from ragtune.project import Project

    with open_index(Project.open(project)) as index:
        indexed = {d.doc_id for d in index.documents("default")}
    big = [p["reason"] for p in report["problems"] if p["path"] == "hostile/big_line.txt"]
    return {
        "input_mb": round(size / 1e6, 1), "files_bad": len(corpus.bad_files),
        "entries_bad": len(corpus.bad), "docs_good": len(corpus.good), "exit_status": proc.returncode,
        "wall_s": round(wall, 1), "peak_rss_mb": round(peak, 1), "seconds": report["seconds"],
        "good_indexed": len(indexed & corpus.good), "unexpected_docs": sorted(indexed - corpus.good)[:5],
        "bad_reported": len(reported & corpus.bad), "unexpected_problems": sorted(reported - corpus.bad)[:5],
        "internal_errors": sum(INTERNAL in p["reason"] for p in report["problems"]),
        "big_line_reason": big[0] if big else None, "chunks_written": report["chunks_written"],
    }  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--quick", action="store_true", help="small sizes (a smoke run, not figures)")
    args = ap.parse_args()
    nested = [n // 20 for n in NESTED] if args.quick else NESTED
    line_mb = [m / 20 for m in LINE_MB] if args.quick else LINE_MB
    work = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    try:
        html_rows, line_rows = [], []
        for n in nested:
            path = work / f"nested_{n}.html"
            write_nested(path, n)
            html_rows.append({"nested": n, **_subprocess_measure(path)})
            path.unlink()
            print(f"[bench] nested {n}: {html_rows[-1]}", file=sys.stderr)
        for mb in line_mb:
            path = work / f"line_{mb}.txt"
            write_line(path, mb)
            line_rows.append({"mb": mb, **_subprocess_measure(path)})
            path.unlink()
            print(f"[bench] line {mb} MB: {line_rows[-1]}", file=sys.stderr)
        base = baseline(nested[0] // 2)
        print(f"[bench] baseline: {base}", file=sys.stderr)
        corpus = whole_corpus(work / "corpus", 2.0 if args.quick else 50.0)
        from bench.common import report

        out = report(
            "hostile",
            nested_html={"rows": html_rows, "scaling": _scaling(html_rows, "nested")},
            single_line={"rows": line_rows, "scaling": _scaling(line_rows, "mb")},
            baseline_tree_vs_streaming=base,
            hostile_corpus=corpus,
        )
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(out, indent=2, default=str) + "\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
