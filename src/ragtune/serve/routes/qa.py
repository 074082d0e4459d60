"""Review drafted QA sets in the browser (issue 16): the page at /qa and its API.

    GET  /qa                           the review page (static/qa.html, static/qa.js)
    GET  /v1/qa/files                  QA files with review statuses under the project folder
    GET  /v1/qa/items?file=REL         a file's items and counts per status
    POST /v1/qa/items/{id}?file=REL    {"action": "accept"|"drop"|"reset"|"edit",
                                        "question": ..., "answers": [...]} -> the item, counts

Files are named relative to the project folder and must stay inside it. Reviewing is the
project owner's task: it needs open access (`ragtune serve --open`, localhost only), since a
QA file may quote documents of every collection. Writes are atomic (ragtune.drafting.review).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse
from pydantic import BaseModel

from ragtune.errors import InputError
from ragtune.serve.errors import ApiError
from ragtune.serve.keys import Principal
from ragtune.serve.server import Server, authenticated, get_server

STATIC = Path(__file__).resolve().parent.parent / "static"
PATTERNS = ("*.jsonl", "*/*.jsonl", "*/*/*.jsonl", ".ragtune/runs/*/drafted_qa.jsonl")
router = APIRouter()


class Decision(BaseModel):
    action: str  # accept | drop | reset | edit
    question: str | None = None
    answers: list[str] | None = None


def _owner(principal: Principal) -> None:
    if principal.collections is not None:
        raise ApiError(403, "reviewing QA files needs open access (`ragtune serve --open` on "
                       "localhost): a QA file may quote documents of every collection",
                       "permission_error", "review_needs_open_access")  # fmt: skip


def _path(server: Server, file: str) -> Path:
    root = Path(server.project.root).resolve()
    path = (root / file).resolve()
    if root not in path.parents or path.suffix != ".jsonl" or not path.is_file():
        raise ApiError(404, f"no QA file {file!r} in the project folder", code="qa_file_not_found")
    return path


def _has_statuses(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    return "status" in json.loads(line)
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    return False


@router.get("/qa")
async def page() -> FileResponse:
    return FileResponse(STATIC / "qa.html", headers={"Cache-Control": "no-store"})


@router.get("/v1/qa/files")
def files(principal: Principal = Depends(authenticated), server: Server = Depends(get_server)) -> dict:
    _owner(principal)
    root = Path(server.project.root).resolve()
    found: list[str] = []
    for pattern in PATTERNS:
        for p in sorted(root.glob(pattern)):
            rel = p.relative_to(root).as_posix()
            if rel not in found and p.is_file() and _has_statuses(p):
                found.append(rel)
            if len(found) >= 200:
                break
    return {"files": found}


def _body(f: Any, file: str) -> dict[str, Any]:
    return {"file": file, "counts": f.counts(), "items": f.items}


@router.get("/v1/qa/items")
def items(file: str, principal: Principal = Depends(authenticated),
          server: Server = Depends(get_server)) -> dict:  # fmt: skip
    from ragtune.drafting.review import ReviewFile, file_lock

    _owner(principal)
    path = _path(server, file)
    try:
        with file_lock(path):
            return _body(ReviewFile.load(path), file)
    except InputError as e:
        raise ApiError(400, e.message, code="invalid_qa_file") from None


@router.post("/v1/qa/items/{item_id}")
def decide(item_id: str, file: str, body: Decision, principal: Principal = Depends(authenticated),
           server: Server = Depends(get_server)) -> dict:  # fmt: skip
    from ragtune.drafting.review import apply_review

    _owner(principal)
    path = _path(server, file)
    actions: dict[str, Any] = {"accept": [], "drop": [], "reset": [], "edits": {}}
    if body.action in ("accept", "drop", "reset"):
        actions[body.action].append(item_id)
    elif body.action == "edit":
        if body.question is None and body.answers is None:
            raise ApiError(400, "an edit needs `question` and/or `answers`")
        actions["edits"][item_id] = {"question": body.question, "answers": body.answers}
    else:
        raise ApiError(400, f"unknown action {body.action!r}: accept, drop, reset or edit")
    try:
        f = apply_review(path, actions["accept"], actions["drop"], actions["edits"], actions["reset"])
    except InputError as e:
        raise ApiError(404 if "has no item" in e.message else 400, e.message, code="review_refused") from None
    return {"item": f.get(item_id), "counts": f.counts()}
