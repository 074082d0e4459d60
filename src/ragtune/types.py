"""Types shared by every part of ragtune.

Owned by the foundation; later parts extend these (new optional fields with defaults),
never redefine them. Everything here is a plain dataclass that round-trips through JSON
with `to_dict` / `from_dict`, so traces, predictions and the server speak the same shapes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Self

_FIELDS: dict[type, set[str]] = {}  # field names per record class, for from_dict

# A metadata filter is a JSON-able expression, documented in docs/FILTERS.md, e.g.
#   {"and": [{"field": "year", "gte": 2024}, {"field": "tags", "contains": "finance"}]}
# It is the format the CLI parses into, the agentic strategy emits and the stores translate.
Filter = dict[str, Any]


def _asdict(obj: Any) -> dict[str, Any]:
    return dataclasses.asdict(obj)


class _Record:
    """`to_dict` / `from_dict` of a flat record (keys a dict has beyond the fields are ignored)."""

    to_dict = _asdict

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Self:
        names = _FIELDS.get(cls) or _FIELDS.setdefault(cls, {f.name for f in dataclasses.fields(cls)})
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class Chunk(_Record):
    """A piece of a document as stored in the index."""

    id: str  # stable: f"{doc_id}::{position}" plus content hash prefix, see corpus.chunking
    doc_id: str  # path relative to the corpus folder without extension (records: relpath#id)
    text: str  # the chunk's own text (without title/heading prefix)
    position: int = 0  # order of the chunk within its document
    collection: str = "default"
    title: str = ""  # document title, kept with every chunk
    heading: str = ""  # nearest section heading
    metadata: dict[str, Any] = field(default_factory=dict)  # front matter / record fields
    hash: str = ""  # content hash of (title, heading, text, metadata)

    def embed_text(self) -> str:
        """What the embedder and BM25 see: title and heading give the chunk its context."""
        parts = [p for p in (self.title, self.heading) if p and p not in self.text[:200]]
        return "\n".join([*parts, self.text])



@dataclass
class Hit(_Record):
    """A retrieved chunk with its score and the retrieval round that found it."""

    doc_id: str
    chunk_id: str
    score: float
    round: int = 0
    text: str = ""
    title: str = ""
    heading: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    collection: str = "default"



@dataclass
class Citation(_Record):
    """A source an answer relies on: which chunk, and the span quoted from it."""

    doc_id: str
    chunk_id: str
    quote: str = ""



@dataclass
class Step(_Record):
    """One step of a strategy's trace (route, retrieve, grade, generate, ...)."""

    kind: str
    input: Any = None
    output: Any = None
    tokens: int = 0
    ms: float = 0.0



@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def __add__(self, other: "Usage") -> "Usage":
        return Usage(
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
        )

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    to_dict = _asdict


EXIT_REASONS = ("answered", "abstained", "budget_exhausted", "no_evidence")


@dataclass
class Answer:
    """What every strategy returns for one question."""

    text: str
    abstained: bool = False
    citations: list[Citation] = field(default_factory=list)
    retrieved: list[Hit] = field(default_factory=list)
    trace: list[Step] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    wall_ms: float = 0.0
    exit_reason: str = "answered"

    to_dict = _asdict

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Answer":
        return cls(
            text=d["text"],
            abstained=d.get("abstained", False),
            citations=[Citation.from_dict(c) for c in d.get("citations", [])],
            retrieved=[Hit.from_dict(h) for h in d.get("retrieved", [])],
            trace=[Step.from_dict(s) for s in d.get("trace", [])],
            usage=Usage(**d.get("usage", {})),
            wall_ms=d.get("wall_ms", 0.0),
            exit_reason=d.get("exit_reason", "answered"),
        )
