"""QA files: one JSON object per line, validated with line-numbered errors.

    {"id": "q1", "question": "Which company does Ilsa Varonne work for?",
     "answers": ["Quellmark Systems"], "type": "single_hop",
     "evidence": ["people/ilsa-varonne"]}

`answers` lists acceptable strings (aliases); an empty list means the question cannot be
answered from the corpus and the right output is an abstention. `options` (optional) names
the candidates for questions whose answer is one of the things named in the question; the
gold answer must be one of them. `type` and `evidence` are optional for user QA sets (type
defaults to `single_hop`, or `unanswerable` when `answers` is empty). Keys beyond these are
kept in `QAItem.meta` and written back unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ragtune.errors import InputError
from ragtune.eval.tokens import answer_tokens

QA_TYPES = (
    "single_hop",
    "reverse",
    "multi_hop",
    "comparison",
    "filter",
    "temporal",
    "unanswerable",
)
_KEYS = ("id", "question", "answers", "type", "evidence", "options")
_MAX_REPORTED = 10  # problems listed in one error message


@dataclass
class QAItem:
    id: str
    question: str
    answers: list[str]
    type: str = "single_hop"
    evidence: list[str] = field(default_factory=list)
    options: list[str] | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # any other keys of the JSON object

    @property
    def answerable(self) -> bool:
        return bool(self.answers)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "question": self.question,
            "answers": list(self.answers),
            "type": self.type,
            "evidence": list(self.evidence),
        }
        if self.options is not None:
            d["options"] = list(self.options)
        for k, v in self.meta.items():
            d.setdefault(k, v)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "QAItem":
        """Build from a dict without validation (use `parse_item` for untrusted input)."""
        return cls(
            id=d["id"],
            question=d["question"],
            answers=list(d.get("answers", [])),
            type=d.get("type") or ("single_hop" if d.get("answers") else "unanswerable"),
            evidence=list(d.get("evidence", [])),
            options=list(d["options"]) if d.get("options") is not None else None,
            meta={k: v for k, v in d.items() if k not in _KEYS},
        )


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) for x in value)


def parse_item(obj: Any, corpus_ids: set[str] | None = None) -> QAItem:
    """Validate one decoded JSON value; raises ValueError with a short reason."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    for key in ("id", "question", "answers"):
        if key not in obj:
            raise ValueError(f"missing field `{key}`")
    qid = obj["id"]
    if isinstance(qid, int) and not isinstance(qid, bool):
        qid = str(qid)
    if not isinstance(qid, str) or not qid.strip():
        raise ValueError("`id` must be a non-empty string")
    if not isinstance(obj["question"], str) or not obj["question"].strip():
        raise ValueError("`question` must be a non-empty string")
    answers = obj["answers"]
    if not _is_str_list(answers) or any(not a.strip() for a in answers):
        raise ValueError("`answers` must be a list of non-empty strings ([] = unanswerable)")
    qtype = obj.get("type")
    if qtype is None:
        qtype = "single_hop" if answers else "unanswerable"
    if not isinstance(qtype, str) or not qtype.strip():
        raise ValueError("`type` must be a non-empty string")
    if qtype == "unanswerable" and answers:
        raise ValueError("type `unanswerable` needs `answers: []`")
    if not answers and qtype != "unanswerable":
        raise ValueError(f"`answers` is empty but type is `{qtype}` (empty means unanswerable)")
    evidence = obj.get("evidence", [])
    if evidence is None:
        evidence = []
    if not _is_str_list(evidence):
        raise ValueError("`evidence` must be a list of document ids (strings)")
    if corpus_ids is not None:
        missing = [e for e in evidence if e not in corpus_ids]
        if missing:
            raise ValueError(f"evidence id `{missing[0]}` is not in the corpus")
    options = obj.get("options")
    if options is not None:
        if not _is_str_list(options) or len(options) < 2 or any(not o.strip() for o in options):
            raise ValueError("`options` must be a list of at least two non-empty strings")
        if not answers:
            raise ValueError("a question with `options` needs its gold answer in `answers`")
        option_tokens = [answer_tokens(o) for o in options]
        if not any(answer_tokens(a) in option_tokens for a in answers):
            raise ValueError("the gold answer must be one of `options`")
    return QAItem(
        id=qid,
        question=obj["question"],
        answers=list(answers),
        type=qtype,
        evidence=list(evidence),
        options=list(options) if options is not None else None,
        meta={k: v for k, v in obj.items() if k not in _KEYS},
    )


def read_qa_text(path: Path, missing_hint: str) -> str:
    """A QA file's text (UTF-8, a byte-order mark dropped); a clear error when it is missing or
    not UTF-8."""
    if not path.is_file():
        raise InputError(f"QA file {path} does not exist", missing_hint)
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{path} is not UTF-8 text (byte offset {e.start})", "save it as UTF-8") from None


def load_qa(path: str | Path, corpus_ids: Iterable[str] | None = None) -> list[QAItem]:
    """Read and validate a QA JSONL file; every problem is reported with its line number.

    `corpus_ids`, when given, are the document ids of the corpus: evidence must be among them.
    """
    path = Path(path)
    raw = read_qa_text(path, "give the path of a .jsonl file")
    ids = set(corpus_ids) if corpus_ids is not None else None
    items: list[QAItem] = []
    problems: list[str] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(raw.split("\n"), start=1):  # JSON strings may hold U+2028
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {number}: not valid JSON ({e.msg} at column {e.colno})")
            continue
        except (ValueError, RecursionError) as e:  # nested too deeply, a 5,000-digit number
            why = "nested too deeply" if isinstance(e, RecursionError) else str(e).split(";")[0]
            problems.append(f"line {number}: not valid JSON ({why})")
            continue
        try:
            item = parse_item(obj, ids)
        except ValueError as e:
            problems.append(f"line {number}: {e}")
            continue
        if item.id in first_line:
            problems.append(
                f"line {number}: duplicate id `{item.id}` (first on line {first_line[item.id]})"
            )
            continue
        first_line[item.id] = number
        items.append(item)
    if problems:
        shown = "; ".join(problems[:_MAX_REPORTED])
        extra = len(problems) - _MAX_REPORTED
        more = f"; and {extra} more" if extra > 0 else ""
        raise InputError(
            f"{path}: {len(problems)} invalid line(s): {shown}{more}",
            "each line needs id, question, answers (list; [] = unanswerable); "
            "optional type, evidence (corpus doc ids), options",
        )
    if not items:
        raise InputError(f"{path} has no questions", "add one JSON object per line")
    return items


def dumps_qa(items: Iterable[QAItem]) -> str:
    return "".join(json.dumps(i.to_dict(), ensure_ascii=False) + "\n" for i in items)


def save_qa(path: str | Path, items: Iterable[QAItem]) -> None:
    """Write items as JSONL atomically (readers never see half a file)."""
    from ragtune.project import atomic_write

    atomic_write(path, dumps_qa(items))
