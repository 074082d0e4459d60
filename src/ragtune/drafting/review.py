"""Review before trust: accept, edit or drop each drafted item; the QA file keeps `status`.

    f = ReviewFile.load("qa.jsonl")
    f.accept("qa-0001"); f.drop("qa-0002")
    f.edit("qa-0003", question="Who designed the engine?", answers=["Charles Babbage"])
    f.save()                                  # atomic: readers never see half a file
    apply_review("qa.jsonl", accept=["qa-0004"], drop=[], edits={})   # load, apply, save

Statuses: `draft` (machine-written, unreviewed), `accepted`, `edited` (a person changed the
question or answers; the drafted ones are kept under `drafted`), `dropped`. `compare` uses the
accepted and edited items when a file has any (`trusted_items`), else the drafts, and says so.
An item without `status` is a hand-written item: it is trusted as it is.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from ragtune.errors import InputError
from ragtune.eval.qa import QAItem, parse_item, read_qa_text

STATUSES = ("draft", "accepted", "edited", "dropped")
TRUSTED = ("accepted", "edited")
_locks: dict[Path, threading.Lock] = {}
_locks_guard = threading.Lock()


def file_lock(path: str | Path) -> threading.Lock:
    """One lock per review file in this process (the web view and the API share a file)."""
    key = Path(path).resolve()
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())


@dataclass
class ReviewFile:
    path: Path
    items: list[dict[str, Any]]  # the JSON objects in file order (unknown keys kept)

    @classmethod
    def load(cls, path: str | Path) -> "ReviewFile":
        path = Path(path)
        raw = read_qa_text(path, "draft one with `ragtune qa DOCS/ --out FILE`")
        items: list[dict[str, Any]] = []
        problems: list[str] = []
        seen: set[str] = set()
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                item = parse_item(obj)
                status = obj.get("status", "draft")
                if status not in STATUSES:
                    raise ValueError(f"unknown status {status!r} (one of {', '.join(STATUSES)})")
                if item.id in seen:
                    raise ValueError(f"duplicate id `{item.id}`")
            except (json.JSONDecodeError, ValueError) as e:
                problems.append(f"line {number}: {e}")
                continue
            seen.add(item.id)
            obj["id"] = item.id
            items.append(obj)
        if problems:
            raise InputError(f"{path}: {len(problems)} invalid line(s): {'; '.join(problems[:10])}",
                             "fix the lines (each needs id, question, answers)")  # fmt: skip
        return cls(path, items)

    # ------------------------------------------------------------------ reading

    def get(self, item_id: str) -> dict[str, Any]:
        for obj in self.items:
            if obj["id"] == item_id:
                return obj
        raise InputError(f"{self.path} has no item `{item_id}`", "ids are in the file's `id` fields")

    def status(self, obj: dict[str, Any]) -> str:
        return obj.get("status", "draft")

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in STATUSES}
        for obj in self.items:
            out[self.status(obj)] += 1
        return out

    def pending(self) -> list[dict[str, Any]]:
        return [o for o in self.items if self.status(o) == "draft"]

    # ------------------------------------------------------------------ decisions

    def accept(self, item_id: str) -> dict[str, Any]:
        obj = self.get(item_id)
        obj["status"] = "accepted"
        return obj

    def drop(self, item_id: str) -> dict[str, Any]:
        obj = self.get(item_id)
        obj["status"] = "dropped"
        return obj

    def reset(self, item_id: str) -> dict[str, Any]:
        obj = self.get(item_id)
        obj["status"] = "draft"
        return obj

    def edit(self, item_id: str, question: str | None = None, answers: Sequence[str] | None = None,
             qtype: str | None = None) -> dict[str, Any]:
        """Change the question and/or answers (`[]`: the question is unanswerable). The drafted
        question and answers are kept once under `drafted`."""
        obj = self.get(item_id)
        new = dict(obj)
        if question is not None:
            new["question"] = question.strip()
        if answers is not None:
            new["answers"] = [a.strip() for a in answers if a.strip()]
        if qtype is not None:
            new["type"] = qtype
        elif answers is not None:
            if not new["answers"]:
                new["type"] = "unanswerable"
            elif new.get("type") == "unanswerable":
                new["type"] = "single_hop"
        if not new["answers"]:
            new.pop("options", None)
            new["evidence"] = []
        elif new.get("options") and not any(a in new["options"] for a in new["answers"]):
            new.pop("options")  # the answer is no longer one of the named options
        try:
            parse_item(new)
        except ValueError as e:
            raise InputError(f"item `{item_id}` cannot be saved like that: {e}") from None
        if (new["question"], new["answers"], new["type"]) == (obj["question"], obj["answers"], obj.get("type")):
            return obj  # nothing changed
        new.setdefault("drafted", {"question": obj["question"], "answers": list(obj["answers"]),
                                   "type": obj.get("type")})  # fmt: skip
        new["status"] = "edited"
        obj.clear()
        obj.update(new)
        return obj

    def save(self) -> None:
        from ragtune.project import atomic_write

        atomic_write(self.path, "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in self.items))


def apply_review(path: str | Path, accept: Iterable[str] = (), drop: Iterable[str] = (),
                 edits: dict[str, dict[str, Any]] | None = None,
                 reset: Iterable[str] = ()) -> ReviewFile:
    """Load the file, apply the decisions (all or none: an unknown id or a bad edit changes
    nothing), save it atomically, and return it."""
    with file_lock(path):
        f = ReviewFile.load(path)
        for i in accept:
            f.accept(i)
        for i in drop:
            f.drop(i)
        for i in reset:
            f.reset(i)
        for i, change in (edits or {}).items():
            f.edit(i, change.get("question"), change.get("answers"), change.get("type"))
        f.save()
        return f


def trusted_items(items: list[QAItem]) -> tuple[list[QAItem], dict[str, Any] | None]:
    """The items `compare` uses, and what it says about them (None: a hand-written file).

    With any accepted or edited item: those (drafts skipped, dropped ones never used). With
    drafts only: the drafts, flagged as machine-drafted and unreviewed."""
    statuses = [q.meta.get("status") for q in items]
    if not any(s is not None for s in statuses):
        return items, None
    counts = {s: sum(1 for x in statuses if (x or "draft") == s) for s in STATUSES}
    reviewed = [q for q in items if q.meta.get("status") in TRUSTED]
    if reviewed:
        return reviewed, {"reviewed": len(reviewed), "skipped_drafts": counts["draft"],
                          "dropped": counts["dropped"], "unreviewed": False, "counts": counts}
    drafts = [q for q in items if (q.meta.get("status") or "draft") == "draft"]
    return drafts, {"reviewed": 0, "skipped_drafts": 0, "dropped": counts["dropped"],
                    "unreviewed": True, "counts": counts}
