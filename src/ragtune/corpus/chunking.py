"""Token-aware chunking that respects headings and paragraphs.

A document is cut into sections at markdown headings (HTML headings were turned into `#` lines
by the loader); a chunk never spans two sections. Inside a section, paragraphs are packed into
chunks of at most `size` embedder tokens (minus room for the title and heading that
`Chunk.embed_text` puts in front); a paragraph that is too long is cut at sentences, and a
sentence that is too long at token boundaries; a markdown table that is too long is cut
between rows, each piece under the table's header row. Neighbouring chunks of one section share
about `overlap` tokens (a table's pieces share their header instead). Every chunk keeps its
document title and section heading.

Long input stays linear: a paragraph is never handed to the tokenizer whole when it is longer
than a chunk can be, a run of text with no sentence end or whitespace (a 30 MB single line,
base64) is cut by characters, and a chunk holds at most `size * MAX_CHARS_PER_TOKEN`
characters (a tokenizer maps a 1,000-character "word" to one unknown token). `max_chunks`
stops early on a document too big to be meant as one.

Chunk ids are `<doc_id>::<position>-<hash8>`: stable across runs for unchanged content (the
kill -9 test compares them), different when a chunk's content changes, so a stale citation
never silently points at new text.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, Iterator, Protocol

from ragtune.corpus.loaders import Document
from ragtune.corpus.markdown import TABLE_RULE
from ragtune.corpus.markdown import heading as markdown_heading
from ragtune.types import Chunk

MAX_CHARS_PER_TOKEN = 10  # English prose is ~4.5 characters per MiniLM token


class TooManyChunks(ValueError):
    """A document would make more than `max_chunks` chunks (raised as soon as it does)."""


class Tokens(Protocol):
    """How chunking measures text: the embedder's tokenizer, or words as a fallback."""

    def count(self, text: str) -> int: ...

    def spans(self, text: str) -> list[tuple[int, int]]: ...


class HFTokens:
    """A Hugging Face (fast) tokenizer, without special tokens.

    Calls go to a private copy of the Rust tokenizer (no truncation, no padding) when there is
    one: the Python wrapper adds overhead to every call, and the shared tokenizer's truncation
    state belongs to the embedder, which may be encoding on another thread meanwhile."""

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer
        self.fast = None
        backend = getattr(tokenizer, "backend_tokenizer", None)
        if backend is not None:
            self.fast = _private_copy(backend)

    def count(self, text: str) -> int:
        if self.fast is not None:
            return len(self.fast.encode(text, add_special_tokens=False).ids)
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self.fast is not None:
            offsets = self.fast.encode(text, add_special_tokens=False).offsets
        else:
            offsets = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)[
                "offset_mapping"
            ]
        return [tuple(o) for o in offsets if o[1] > o[0]]


@functools.lru_cache(maxsize=8)
def _private_copy(backend: Any) -> Any:
    from tokenizers import Tokenizer

    fast = Tokenizer.from_str(backend.to_str())
    fast.no_truncation()
    fast.no_padding()
    return fast


class WordTokens:
    """Whitespace-separated words: for embedders without a local tokenizer (HTTP), and tests."""

    _WORD = re.compile(r"\S+")

    def count(self, text: str) -> int:
        return sum(1 for _ in self._WORD.finditer(text))

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self._WORD.finditer(text)]


def tokens_for(embedder: Any) -> Tokens:
    tok = getattr(embedder, "tokenizer", None)
    return HFTokens(tok) if tok is not None else WordTokens()


@dataclass(frozen=True)
class ChunkingConfig:
    size: int = 128
    overlap: int = 16

    def signature(self) -> str:
        # v2: long tables cut between rows, under their header; v3: HTML tables read as pipe
        # rows; v4: a piece cut inside a word (a long URL) joins the one before without a space
        return f"chunk{self.size}/{self.overlap}/v4"


_FENCE = re.compile(r"^\s*(```|~~~)")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(\s+)(?=[\"'(\[]?[A-Z0-9])")


@dataclass
class Section:
    headings: list[str]
    text: str


def split_sections(text: str) -> list[Section]:
    """Cut at markdown heading lines (not inside code fences); keep the heading path."""
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    lines: list[str] = []
    in_fence = False

    def close() -> None:
        body = "\n".join(lines).strip("\n")
        if body.strip():
            sections.append(Section([h for _, h in stack], body))
        lines.clear()

    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        found = None if in_fence else markdown_heading(line)
        if found:
            close()
            level = found[0]
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append(found)
        else:
            lines.append(line)
    close()
    return sections


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


@dataclass
class _Unit:
    text: str
    tokens: int
    joiner: str  # how it attaches to the previous unit: "\n\n" (new paragraph), " " or "" (cut inside a word)
    table: bool = False  # a piece of a markdown table under its own header row


def _table_pieces(para: str, budget: int, max_chars: int, tokens: Tokens) -> list[str] | None:
    """A markdown table too long for one chunk, cut between rows, each piece under the table's
    header and rule lines (a row read without its header is a list of bare cells); None when
    the paragraph is no table or its header alone leaves no room for a row."""
    lines = para.split("\n")
    if len(lines) < 3 or not lines[0].lstrip().startswith("|") or not TABLE_RULE.match(lines[1]):
        return None
    head = "\n".join(lines[:2])
    head_n = tokens.count(head)
    if 2 * head_n > budget or 2 * len(head) > max_chars:
        return None
    pieces: list[str] = []
    rows: list[str] = []
    used, chars = head_n, len(head)
    for row in lines[2:]:
        n, c = tokens.count(row) + 1, len(row) + 1
        if rows and (used + n > budget or chars + c > max_chars):
            pieces.append("\n".join([head, *rows]))
            rows, used, chars = [], head_n, len(head)
        if used + n > budget or chars + c > max_chars:
            return None  # a row longer than a chunk: cut as text
        rows.append(row)
        used, chars = used + n, chars + c
    if rows:
        pieces.append("\n".join([head, *rows]))
    return pieces


def _hard_split(text: str, budget: int, tokens: Tokens) -> list[tuple[str, bool]]:
    """`text` in pieces of at most `budget` tokens, each with whether it is glued to the one
    before (cut inside a word, as a long URL is: joined again without a space)."""
    spans = tokens.spans(text)
    if len(spans) <= budget:
        return [(text, False)]
    pieces = []
    for i in range(0, len(spans), budget):
        start = spans[i][0] if i else 0
        end = spans[i + budget][0] if i + budget < len(spans) else len(text)
        piece = text[start:end].strip()
        if piece:
            pieces.append((piece, start > 0 and not text[start - 1].isspace()))
    return pieces


def _sentences(para: str) -> Iterator[str]:
    """Sentences of a paragraph, cut at the whitespace after `.`, `!` or `?` (and any closing
    quotes or brackets, which stay with their sentence)."""
    start = 0
    for m in _SENTENCE_END.finditer(para):
        yield para[start : m.start(1)]
        start = m.end(1)
    yield para[start:]


def _char_pieces(text: str, max_chars: int) -> Iterator[tuple[str, bool]]:
    """`text` in pieces of at most `max_chars`, cut at whitespace when there is some nearby,
    each with whether it is glued to the one before (cut inside a word)."""
    start, n = 0, len(text)
    while n - start > max_chars:
        end = start + max_chars
        cut = max(text.rfind(c, start + max_chars // 2, end) for c in " \n\t")
        if cut <= start:
            cut = end
        piece = text[start:cut].strip()
        if piece:
            yield piece, start > 0 and not text[start - 1].isspace() and not text[start].isspace()
        start = cut
    piece = text[start:].strip()
    if piece:
        yield piece, start > 0 and not text[start - 1].isspace() and not text[start].isspace()


def _units(section_text: str, budget: int, max_chars: int, tokens: Tokens) -> Iterator[_Unit]:
    for para in _paragraphs(section_text):
        if len(para) <= max_chars:
            n = tokens.count(para)
            if n <= budget:
                yield _Unit(para, n, "\n\n")
                continue
        table = _table_pieces(para, budget, max_chars, tokens)
        if table:
            for piece in table:
                yield _Unit(piece, tokens.count(piece), "\n\n", table=True)
            continue
        first = True
        for sentence in _sentences(para):
            for bounded, glued in _char_pieces(sentence, max_chars):
                for i, (piece, inside) in enumerate(_hard_split(bounded, budget, tokens)):
                    # a piece cut inside a word joins the one before without a space
                    joiner = "\n\n" if first else "" if inside or glued and not i else " "
                    yield _Unit(piece, tokens.count(piece), joiner)
                    first = False


def _tail(text: str, overlap: int, tokens: Tokens) -> str:
    """About the last `overlap` tokens of a chunk, starting at a word."""
    if overlap <= 0:
        return ""
    spans = tokens.spans(text)
    if len(spans) <= overlap:
        return ""  # the whole chunk would repeat; no overlap is better than a duplicate
    start = spans[-overlap][0]
    if start > 0 and not text[start - 1].isspace():
        nxt = re.search(r"\s", text[start:])
        if nxt is None:
            return ""
        start += nxt.end()
    return text[start:].strip()


def chunk_hash(title: str, heading: str, text: str, metadata: dict[str, Any]) -> str:
    payload = json.dumps([title, heading, text, metadata], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def chunk_document(
    doc: Document,
    tokens: Tokens,
    config: ChunkingConfig = ChunkingConfig(),
    collection: str = "default",
    max_chunks: int | None = None,
) -> list[Chunk]:
    """The chunks of one document, in order, with stable ids.

    Raises TooManyChunks once the document passes `max_chunks` (the rest is not chunked)."""
    pieces: list[tuple[str, str]] = []  # (heading, text)
    title_key = doc.title.strip().lower()
    for section in split_sections(doc.text):
        path = [h for h in section.headings if h.strip().lower() != title_key]
        heading = " > ".join(path)
        prefix = "\n".join(p for p in (doc.title, heading) if p)
        reserve = min(tokens.count(prefix) + 1, config.size // 4) if prefix else 0
        budget = max(8, config.size - reserve)
        overlap = min(config.overlap, budget // 2)
        max_chars = budget * MAX_CHARS_PER_TOKEN
        current: list[_Unit] = []
        used = chars = 0
        for unit in _units(section.text, budget, max_chars, tokens):
            sep = 1 if current else 0
            if current and (
                used + sep + unit.tokens > budget or chars + 2 * sep + len(unit.text) > max_chars
            ):
                text = _join(current)
                pieces.append((heading, text))
                if max_chunks is not None and len(pieces) > max_chunks:
                    raise TooManyChunks(f"more than {max_chunks} chunks")
                tail = _tail(text, overlap, tokens)
                tail_n = tokens.count(tail) if tail else 0
                if (
                    tail
                    and not unit.table  # a table's piece carries its header, not a cut row
                    and tail_n + 1 + unit.tokens <= budget
                    and len(tail) + 2 + len(unit.text) <= max_chars
                ):
                    current, used, chars = [_Unit(tail, tail_n, "")], tail_n, len(tail)
                else:
                    current, used, chars = [], 0, 0
                sep = 1 if current else 0
            current.append(unit)
            used += sep + unit.tokens
            chars += 2 * sep + len(unit.text)
        if current:
            pieces.append((heading, _join(current)))
            if max_chunks is not None and len(pieces) > max_chunks:
                raise TooManyChunks(f"more than {max_chunks} chunks")
    chunks = []
    for position, (heading, text) in enumerate(pieces):
        h = chunk_hash(doc.title, heading, text, doc.metadata)
        chunks.append(
            Chunk(
                id=f"{doc.doc_id}::{position}-{h[:8]}",
                doc_id=doc.doc_id,
                text=text,
                position=position,
                collection=collection,
                title=doc.title,
                heading=heading,
                metadata=dict(doc.metadata),
                hash=h,
            )
        )
    return chunks


def _join(units: list[_Unit]) -> str:
    out = ""
    for i, u in enumerate(units):
        out += (u.joiner if i else "") + u.text
    return out.strip()
