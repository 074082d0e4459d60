"""Read a generated corpus folder back: doc id -> (metadata, text), the way the index sees it.

Only what the world's own checks and tests need (markdown with front matter, jsonl records
with a `text` field, csv rows with a `text` column); `ragtune.corpus` is the real loader.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import yaml


def read_corpus(folder: str | Path) -> dict[str, tuple[dict[str, Any], str]]:
    folder = Path(folder)
    out: dict[str, tuple[dict[str, Any], str]] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(folder).as_posix()
        stem = rel.rsplit(".", 1)[0]
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            _, front, body = text.split("---\n", 2)
            out[stem] = (yaml.safe_load(front), body.strip())
        elif path.suffix == ".jsonl":
            for line in text.splitlines():
                obj = json.loads(line)
                meta = {k: v for k, v in obj.items() if k not in ("id", "text")}
                out[f"{stem}#{obj['id']}"] = (meta, obj["text"])
        elif path.suffix == ".csv":
            for row in csv.DictReader(io.StringIO(text)):
                meta = {k: v for k, v in row.items() if k not in ("id", "text")}
                out[f"{stem}#{row['id']}"] = (meta, row["text"])
    return out
