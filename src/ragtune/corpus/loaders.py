"""Find the files of a corpus folder and turn each into documents.

Formats: `.md`/`.markdown`, `.txt`, `.html`/`.htm` (text, not markup), `.pdf`, `.jsonl`/`.ndjson`
and `.json` (records with a `text` field plus metadata), `.csv` (one row = one record: its
`text` column, or, when it has none or the cell is empty, one `column: value` line per cell).

Ids: a file's document id is its path relative to the corpus folder, without extension
(`guides/setup.md` -> `guides/setup`). A record inside a jsonl/json/csv file gets
`<that id>#<its id field (csv: an `id` column, any case), or its 1-based line (jsonl) / record
(json, csv) number>`, e.g. `faq#12`. QA `evidence` uses the same ids. A record's title is its
`title` field, else its `name` (a string).

Nothing here raises on bad input: a file that cannot be used comes back as a `Problem` (path and
reason) and the rest of the corpus goes on. Record files are read line by line, so a large one
streams instead of being held in memory whole.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ragtune.corpus.frontmatter import (
    FrontMatterError,
    MetadataError,
    normalize_key,
    normalize_metadata,
    split_front_matter,
)
from ragtune.corpus.markdown import first_h1

FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
}
TEXT_FORMATS = {"md", "txt", "html", "jsonl", "json", "csv"}
RECORD_FORMATS = {"jsonl", "json", "csv"}
_BINARY_SNIFF = 8192
MAX_TITLE_CHARS = 1000  # a longer title (front matter, <title>, PDF info) is cut

logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken PDFs are reported as Problems


@dataclass
class Document:
    """One document (a file, or one record of a record file) ready for chunking."""

    doc_id: str
    text: str
    title: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # the file, relative to the corpus folder (with extension)
    format: str = ""

    @property
    def content_hash(self) -> str:
        payload = json.dumps(
            {"title": self.title, "text": self.text, "metadata": self.metadata},
            sort_keys=True,
            ensure_ascii=False,
            default=str,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class Problem:
    """A file (or one line/record of it) that was not ingested, and why."""

    path: str
    reason: str
    line: int | None = None
    kind: str = "skipped"  # "skipped": not usable input; "failed": could not be read/parsed

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return printable(f"{where}: {self.reason}")

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "reason": self.reason, "kind": self.kind}


@dataclass
class SourceFile:
    path: Path  # absolute
    relpath: str  # posix, relative to the corpus folder
    format: str
    size: int
    mtime_ns: int

    @property
    def doc_id(self) -> str:
        stem, _ = os.path.splitext(self.relpath)
        return stem


class LoadError(Exception):
    """A whole file cannot be used; `kind` says skipped (bad input) or failed (broken)."""

    def __init__(self, reason: str, kind: str = "failed"):
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


# ------------------------------------------------------------------ discovering files


def scan(root: str | Path, max_file_mb: float = 50.0) -> tuple[list[SourceFile], list[Problem]]:
    """Every usable file under `root` (sorted), and a Problem for each file that is not.

    Hidden entries (`.git`, `.ragtune`, dotfiles) are ignored. Symlinks are followed, but a
    folder reached twice (a loop, or a second link to the same folder) is reported once.
    """
    root = Path(root)
    if not root.is_dir():
        from ragtune.errors import InputError

        raise InputError(f"{root} is not a folder", "pass the folder that holds your documents")
    root = root.resolve()
    files: list[SourceFile] = []
    problems: list[Problem] = []
    seen_dirs: dict[tuple[int, int], str] = {}
    limit = int(max_file_mb * 1024 * 1024)

    def rel(p: Path) -> str:
        return p.relative_to(root).as_posix()

    def enter(folder: Path) -> Iterator[os.DirEntry] | None:
        try:
            st = folder.stat()
        except OSError as e:
            problems.append(Problem(rel(folder), _os_reason(e), kind="failed"))
            return None
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            problems.append(
                Problem(
                    rel(folder),
                    f"symlink loop: this folder was already read as `{seen_dirs[key] or '.'}`",
                )
            )
            return None
        seen_dirs[key] = rel(folder) if folder != root else ""
        try:
            return iter(sorted(os.scandir(folder), key=lambda e: e.name))
        except OSError as e:
            problems.append(Problem(rel(folder) or ".", _os_reason(e), kind="failed"))
            return None

    # depth-first in name order, with a stack: a folder nested thousands deep is no crash
    stack = [it for it in [enter(root)] if it is not None]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        bad_name = _bad_name(entry.name)
        if bad_name:
            problems.append(Problem(printable(rel(path)), bad_name))
            continue
        try:
            st = path.stat()  # follows symlinks
        except OSError as e:
            problems.append(Problem(rel(path), _os_reason(e), kind="failed"))
            continue
        if stat.S_ISDIR(st.st_mode):
            inner = enter(path)
            if inner is not None:
                stack.append(inner)
            continue
        if not stat.S_ISREG(st.st_mode):
            problems.append(Problem(rel(path), "not a regular file (device, fifo or socket)"))
            continue
        ext = path.suffix.lower()
        fmt = FORMATS.get(ext)
        if fmt is None:
            what = "binary file" if _looks_binary_path(path) else "unsupported file type"
            problems.append(
                Problem(
                    rel(path),
                    f"{what} `{ext or '(no extension)'}`; supported: "
                    + ", ".join(sorted(set(FORMATS))),
                )
            )
            continue
        if st.st_size == 0:
            problems.append(Problem(rel(path), "empty file"))
            continue
        if st.st_size > limit:
            problems.append(
                Problem(
                    rel(path),
                    f"file is {st.st_size / 1048576:.1f} MB, over index.max_file_mb="
                    f"{max_file_mb:g}; raise it (--max-file-mb) to ingest this file",
                )
            )
            continue
        files.append(SourceFile(path, rel(path), fmt, st.st_size, st.st_mtime_ns))
    return files, problems


def _bad_name(name: str) -> str | None:
    """Why a file or folder name cannot become part of a document id, if it cannot."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "file name is not valid UTF-8; rename it"
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "file name contains a control character (a newline?); rename it"
    return None


def printable(text: str) -> str:
    """`text` safe to print on one line: control characters and undecodable bytes escaped."""
    if text.isprintable():
        return text
    out = []
    for c in text:
        if "\udc80" <= c <= "\udcff":  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(c) - 0xDC00:02x}")
        elif c.isprintable() or c == " ":
            out.append(c)
        else:
            out.append(c.encode("unicode_escape", "backslashreplace").decode("ascii"))
    return "".join(out)


def _os_reason(e: OSError) -> str:
    import errno

    if e.errno == errno.ELOOP:
        return "symlink loop (the link points back to itself)"
    if e.errno == errno.ENOENT:
        return "broken symlink (its target does not exist)"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: cannot read it"
    return f"cannot read it: {e.strerror or e}"


def _looks_binary_path(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return b"\x00" in f.read(_BINARY_SNIFF)
    except OSError:
        return False


# ------------------------------------------------------------------ reading files


def open_binary(path: Path) -> io.BufferedReader:
    """The one place files are opened (a seam for tests that simulate unreadable files)."""
    return open(path, "rb")


_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)  # fmt: skip


def _bom_encoding(head: bytes) -> str | None:
    """UTF-16/32 announced by a byte-order mark (what Windows tools write as "Unicode")."""
    return next((enc for bom, enc in _BOMS if head.startswith(bom)), None)


def _decode(data: bytes) -> str:
    enc = _bom_encoding(data[:4])
    if enc is not None:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            text = ""
        if _looks_like_text(text):
            return text.removeprefix("\ufeff")
        # a mark but no text behind it: bytes that merely start like one (judged as below)
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise LoadError("binary file (contains NUL bytes), not text", kind="skipped")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise LoadError(
            f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it to UTF-8",
            kind="skipped",
        )


def _looks_like_text(text: str) -> bool:
    """Decoded UTF-16/32 that reads as text: some whitespace, no control characters."""
    head = text[:_BINARY_SNIFF]
    return any(c.isspace() for c in head) and not any(
        ord(c) < 32 and c not in "\t\n\r\f\v" for c in head
    )


def _read_text(src: SourceFile) -> str:
    text = _decode(_read_bytes(src))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _title(text: Any) -> str:
    """A title is one line: whitespace collapsed, cut at MAX_TITLE_CHARS."""
    return " ".join(str(text or "").split())[:MAX_TITLE_CHARS]


def _read_bytes(src: SourceFile) -> bytes:
    try:
        with open_binary(src.path) as f:
            return f.read()
    except OSError as e:
        raise LoadError(_os_reason(e))


def iter_documents(src: SourceFile) -> Iterator[Document | Problem]:
    """The documents of one file, plus Problems for unusable records inside it.

    Raises LoadError when the whole file cannot be used.
    """
    if src.format in ("md", "txt"):
        yield _load_text(src)
    elif src.format == "html":
        yield _load_html(src)
    elif src.format == "pdf":
        yield _load_pdf(src)
    elif src.format == "jsonl":
        yield from _load_jsonl(src)
    elif src.format == "json":
        yield from _load_json(src)
    elif src.format == "csv":
        yield from _load_csv(src)
    else:  # pragma: no cover - scan() only returns known formats
        raise LoadError(f"unsupported format {src.format}", kind="skipped")


def _stem_title(src: SourceFile) -> str:
    return Path(src.relpath).stem




def _load_text(src: SourceFile) -> Document:
    text = _read_text(src)
    try:
        meta, body = split_front_matter(text)
        meta = normalize_metadata(meta)
    except FrontMatterError as e:
        raise LoadError(str(e), kind="failed")
    except MetadataError as e:
        raise LoadError(f"front matter: {e}", kind="skipped")
    title = _title(meta.pop("title", ""))
    if not title and src.format == "md":
        title = _title(first_h1(body))
    if not body.strip():
        raise LoadError("no text (empty, or only front matter)", kind="skipped")
    return Document(src.doc_id, body.strip("\n"), title or _stem_title(src), meta, src.relpath, src.format)


_BLOCK_TAGS = frozenset((
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "li", "ul",
    "ol", "tr", "table", "pre", "blockquote", "dl", "dt", "dd", "figure", "figcaption", "form",
))  # fmt: skip
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "head", "svg"))
_TABLE_TAGS = frozenset(("table", "tr", "td", "th"))
_HEADINGS = {f"h{n}": n for n in range(1, 7)}


class _TextExtractor:
    """The text of an HTML page in one pass, no tree: time and memory are linear in the input
    however deep the nesting and however broken the markup (a tree of 100,000 nested tags took
    minutes; `html.parser` is quadratic on some malformed input, e.g. many `</`).

    The tokenizer is deliberately simple: a tag is `<name ...>` with no `<` or `>` inside,
    comments and `<!...>`/`<?...>` are dropped, script/style content is raw text up to its end
    tag. Anything else is text. Every search moves forward, so no byte is scanned twice.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.title = ""
        self.title_parts: list[str] | None = None  # collecting the first <title>
        self.title_in_body = False
        self.skipping: list[str] = []  # open script/style/head... tags: their text is not text
        self.open: dict[str, int] = {}  # how many of each are in `skipping`
        self.heading: tuple[int, list[str]] | None = None
        self.collected = 0  # characters in the open title or heading
        # an open table row: its cells so far (None: not in a row), whether all are <th>, and
        # rows written in the open table (a header row gets its rule line under it)
        self.cells: int | None = None
        self.header_row = True
        self.rows = 0

    def run(self, markup: str) -> tuple[str, str]:
        import html

        n = len(markup)
        pos = 0
        next_gt = -2  # cached position of the next ">" (-1: none left)

        def text(segment: str) -> None:
            if segment:
                self.data(html.unescape(segment))

        while pos < n:
            lt = markup.find("<", pos)
            if lt < 0:
                text(markup[pos:])
                break
            text(markup[pos:lt])
            if markup.startswith("<!--", lt):  # an unclosed comment hides the rest, as in browsers
                end = markup.find("-->", lt + 4)
                pos = n if end < 0 else end + 3
                continue
            m = _TAG.match(markup, lt)
            if m is None:
                if markup.startswith(("<!", "<?", "</"), lt):  # doctype, CDATA, PI, bogus: drop
                    if next_gt != -1 and next_gt < lt:
                        next_gt = markup.find(">", lt)
                    if next_gt >= 0:
                        pos = next_gt + 1
                        continue
                text("<")
                pos = lt + 1
                continue
            pos = m.end()
            name = m.group(2).lower()
            if m.group(1):
                self.end(name)
            elif m.group(3):
                self.start_end(name, None)
            else:
                self.start(name, None)
                if name in _RAW_TEXT:  # content up to </name> is not markup
                    close = re.compile(rf"</{name}[\s/>]", re.I).search(markup, pos)
                    end = n if close is None else close.start()
                    if name in ("title", "textarea"):
                        text(markup[pos:end])
                    pos = end
        if self.title_parts is not None:
            self._close_title()
        self._close_heading()
        self._row_end()
        return self.title, "".join(self.parts)

    def start(self, tag: str, attrs: Any) -> None:
        if tag == "title" and not self.title and self.title_parts is None:
            self.title_parts, self.collected = [], 0
            self.title_in_body = not self.skipping
            return
        if tag == "body" and self.skipping[:1] == ["head"]:  # a <head> nobody closed ends here
            self._close_skip(0)
        if tag in _SKIP_TAGS:
            self.skipping.append(tag)
            self.open[tag] = self.open.get(tag, 0) + 1
            return
        self.start_end(tag, attrs)

    def start_end(self, tag: str, attrs: Any) -> None:
        if self.skipping:
            return
        if tag in _TABLE_TAGS:
            self._table_start(tag)
        elif tag in _HEADINGS:
            self._close_heading()
            self.heading, self.collected = (_HEADINGS[tag], []), 0
        elif tag == "br":
            self.data("\n")
        elif tag in _BLOCK_TAGS:
            self._close_heading()
            self.parts.append(" " if self.cells is not None else "\n\n")  # a row is one line

    def _table_start(self, tag: str) -> None:
        """Tables are written as markdown pipe rows (`| Site | Output |`, a rule line under a
        header row of <th> cells) so chunking and passage reading treat them as they treat a
        markdown table: cells glued together ("Corrie7,920") would read as one word."""
        self._close_heading()
        if tag == "table":
            self._row_end()
            self.parts.append("\n\n")
            self.rows = 0
        elif tag == "tr":
            self._row_end()
            self.parts.append("\n| ")
            self.cells, self.header_row = 0, True
        elif self.cells is None:  # a cell outside any row: a word break
            self.parts.append(" ")
        else:
            if self.cells:
                self.parts.append(" | ")
            self.cells += 1
            self.header_row = self.header_row and tag == "th"

    def _row_end(self) -> None:
        if self.cells is None:
            return
        self.parts.append(" |\n")
        if self.rows == 0 and self.header_row and self.cells:
            self.parts.append("|" + " --- |" * self.cells + "\n")
        self.rows += 1
        self.cells = None

    def end(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self._close_title()
            return
        if self.skipping:
            if self.open.get(tag):  # close the innermost one (and anything left open inside it)
                i = len(self.skipping) - 1
                while self.skipping[i] != tag:
                    i -= 1
                self._close_skip(i)
            return
        if tag in ("tr", "table"):
            self._row_end()
            if tag == "table":
                self.parts.append("\n\n")
        elif tag in ("td", "th"):
            pass
        elif tag in _HEADINGS:
            self._close_heading()
        elif tag in _BLOCK_TAGS:
            self.parts.append(" " if self.cells is not None else "\n\n")

    def data(self, text: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(text)
            self.collected += len(text)
            if self.collected > MAX_TITLE_CHARS:  # never closed, probably
                self._close_title()
        elif self.skipping:
            return
        elif self.heading is not None:
            self.heading[1].append(text)
            self.collected += len(text)
            if self.collected > MAX_TITLE_CHARS:  # a heading is one line, not a page
                self._close_heading()
        elif self.cells is not None:  # a row is one line; a pipe in a cell is no column
            self.parts.append(text.replace("\n", " ").replace("|", "/"))
        else:
            self.parts.append(text)

    def _close_skip(self, i: int) -> None:
        """Pop skip tags from position i on (each is pushed and popped once: linear)."""
        for tag in self.skipping[i:]:
            self.open[tag] -= 1
        del self.skipping[i:]

    def _close_title(self) -> None:
        text = "".join(self.title_parts or [])
        self.title_parts = None
        self.title = " ".join(text.split())[:MAX_TITLE_CHARS]
        if self.title_in_body:  # outside <head> its text is also page text
            self.data(text)

    def _close_heading(self) -> None:
        if self.heading is None:
            return
        level, texts = self.heading
        self.heading = None
        line = " ".join("".join(texts).split())
        self.parts.append(f"\n\n{'#' * level} {line}\n\n")


def html_to_text(markup: str) -> tuple[str, str]:
    """(title, text) of an HTML page: headings become `#` lines so chunking sees sections."""
    title, raw = _TextExtractor().run(markup)
    lines = [_SPACES.sub(" ", line).strip() for line in raw.splitlines()]
    # the markup's own line breaks between rows are no blank lines inside a table
    lines = _rows_together(lines)
    text = _BLANKS.sub("\n\n", "\n".join(lines)).strip()
    return title or first_h1(text), text


def _rows_together(lines: list[str]) -> list[str]:
    """Lines without the blank ones between two table rows (linear: one pass each way)."""
    after = [False] * len(lines)  # the next non-blank line is a row
    nxt = False
    for i in range(len(lines) - 1, -1, -1):
        after[i] = nxt
        if lines[i]:
            nxt = lines[i].startswith("|")
    out, before = [], False
    for line, row_next in zip(lines, after):
        if line:
            before = line.startswith("|")
        elif before and row_next:
            continue
        out.append(line)
    return out


_TAG = re.compile(r"<(/?)([A-Za-z][^\s/<>]*)[^<>]*?(/?)>")
_RAW_TEXT = frozenset(("script", "style", "title", "textarea"))
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")


def _load_html(src: SourceFile) -> Document:
    title, text = html_to_text(_read_text(src))
    if not text.strip():
        raise LoadError("HTML page has no visible text", kind="skipped")
    return Document(src.doc_id, text, _title(title) or _stem_title(src), {}, src.relpath, src.format)


def _load_pdf(src: SourceFile) -> Document:
    data = _read_bytes(src)
    if not data.lstrip()[:5] == b"%PDF-":
        raise LoadError("not a PDF (no %PDF- header); broken or misnamed file")
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # an owner password alone still lets anyone read
            except Exception:
                opened = 0
            if not opened:
                raise LoadError("encrypted PDF (needs a password); save an unencrypted copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
        title = _title(getattr(info, "title", None))
        author = _title(getattr(info, "author", None))
    except LoadError:
        raise
    except Exception as e:  # pypdf raises many types on damaged files
        raise LoadError(f"broken PDF: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise LoadError("PDF has no extractable text (scanned images?)", kind="skipped")
    meta: dict[str, Any] = {"pages": len(pages)}
    if author:
        meta["author"] = author
    return Document(src.doc_id, text, title or _stem_title(src), meta, src.relpath, src.format)


# ------------------------------------------------------------------ record files


def _record(
    src: SourceFile, obj: Any, number: int, seen: dict[str, int]
) -> Document | Problem:
    if not isinstance(obj, dict):
        return Problem(src.relpath, "record is not a JSON object", number, "failed")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        what = "has no `text` field" if "text" not in obj else "has an empty or non-string `text`"
        return Problem(src.relpath, f"record {what}", number, "skipped")
    rid = obj.get("id")
    rid = str(rid).strip() if rid not in (None, "") else str(number)
    if _bad_name(rid):
        return Problem(
            src.relpath, f"record id `{printable(rid[:80])}` has a control character or invalid "
            "Unicode", number, "skipped",
        )  # fmt: skip
    if rid in seen:
        return Problem(
            src.relpath, f"duplicate record id `{rid}` (first at {seen[rid]})", number, "skipped"
        )
    try:
        meta = normalize_metadata({k: v for k, v in obj.items() if k not in ("text", "id", "title")})
        json.dumps([text, obj.get("title"), meta], ensure_ascii=False, default=str).encode("utf-8")
    except MetadataError as e:
        return Problem(src.relpath, f"record {e}", number, "skipped")
    except UnicodeEncodeError:
        return Problem(
            src.relpath, "record has invalid Unicode (a lone surrogate such as \\ud800)",
            number, "skipped",
        )  # fmt: skip
    seen[rid] = number
    # a record without a title is titled by its name, when it has one: passages are shown
    # under their titles, and a record's text often says "he" or "it" for its name
    title = obj.get("title") or (obj.get("name") if isinstance(obj.get("name"), str) else "")
    return Document(f"{src.doc_id}#{rid}", text.strip(), _title(title), meta, src.relpath, src.format)


def _text_lines(src: SourceFile) -> Iterator[tuple[int, str]]:
    """Lines of a record file, streamed; decode errors are reported per line."""
    try:
        f = open_binary(src.path)
    except OSError as e:
        raise LoadError(_os_reason(e))
    with f:
        head = f.read(_BINARY_SNIFF)
        f.seek(0)
        enc = _bom_encoding(head)
        if enc is not None and not _looks_like_text(head.decode(enc, "ignore")):
            enc = None  # starts like a mark, is not text behind it
        if enc is not None:  # UTF-16/32 with a byte-order mark: decode as a stream
            try:
                for number, line in enumerate(io.TextIOWrapper(f, encoding=enc, newline=""), 1):
                    yield number, line
            except UnicodeDecodeError as e:
                raise LoadError(f"not valid {enc.upper()} despite its byte-order mark: {e.reason}")
            return
        if b"\x00" in head:
            raise LoadError("binary file (contains NUL bytes), not text", kind="skipped")
        for number, raw in enumerate(f, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield number, _BadLine(f"not valid UTF-8 (byte 0x{raw[e.start]:02x})")


class _BadLine(str):
    """Marks a line that could not be decoded (its value is the reason)."""


def _json_loads(text: str, one_line: bool = False) -> Any:
    """json.loads, with every way it fails as a ValueError that reads well."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        where = f"column {e.colno}" if one_line else f"line {e.lineno} column {e.colno}"
        raise ValueError(f"{e.msg.removesuffix(' at')} at {where}")
    except RecursionError:
        raise ValueError("nested too deeply")
    except ValueError as e:
        if "integer string conversion" in str(e):
            raise ValueError("a number has more than 4300 digits")
        raise ValueError(str(e).split(";")[0])


def _load_jsonl(src: SourceFile) -> Iterator[Document | Problem]:
    seen: dict[str, int] = {}
    any_line = False
    for number, line in _text_lines(src):
        if isinstance(line, _BadLine):
            yield Problem(src.relpath, str(line), number, "skipped")
            continue
        if not line.strip():
            continue
        any_line = True
        try:
            obj = _json_loads(line, one_line=True)
        except ValueError as e:
            yield Problem(src.relpath, f"malformed JSON line: {e}", number, "failed")
            continue
        yield _record(src, obj, number, seen)
    if not any_line:
        raise LoadError("no records (only blank lines)", kind="skipped")


def _load_json(src: SourceFile) -> Iterator[Document | Problem]:
    try:
        data = _json_loads(_read_text(src))
    except ValueError as e:
        raise LoadError(f"malformed JSON: {e}")
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise LoadError(
            "JSON must be a list of objects with a `text` field, or one such object",
            kind="skipped",
        )
    if not data:
        raise LoadError("no records (empty list)", kind="skipped")
    seen: dict[str, int] = {}
    for number, obj in enumerate(data, start=1):
        yield _record(src, obj, number, seen)


_INT = re.compile(r"^[+-]?\d{1,18}$")
_FLOAT = re.compile(r"^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$")


def _csv_value(value: str | None) -> Any:
    """CSV cells are text; numbers become numbers so range filters work on them."""
    if value is None:
        return None
    v = value.strip()
    if v == "":
        return None
    if v.lower() in ("true", "false"):
        return v.lower() == "true"
    if len(v) > 1 and v.lstrip("+-")[:1] == "0" and v.lstrip("+-")[1:2] != ".":
        return v  # a code with leading zeros ("007"), not a number
    if _INT.match(v):
        return int(v)
    if v.lstrip("+-").isdigit():
        return v  # an integer past 18 digits: kept as written, which a float would round
    if _FLOAT.match(v):
        try:
            return float(v)
        except ValueError:
            return v
    return v


def _row_text(labels: list[str], header: list[str], row: list[str]) -> str:
    """A row without a `text` cell reads as `column: value` lines, one per non-empty cell, so
    any table is searchable whatever its columns (`launch_year` reads `launch year: 2021`)."""
    return "\n".join(
        f"{label}: {cell.strip()}"
        for label, key, cell in zip(labels, header, row)
        if cell.strip() and key != "text"
    )


def _load_csv(src: SourceFile) -> Iterator[Document | Problem]:
    csv.field_size_limit(1 << 30)
    lines = _text_lines(src)
    bad_lines: list[Problem] = []

    def text_only() -> Iterator[str]:
        for number, line in lines:
            if isinstance(line, _BadLine):  # reported, and read as an empty row
                bad_lines.append(Problem(src.relpath, f"line {number}: {line}", None, "skipped"))
                yield "\n"
                continue
            yield line

    reader = csv.reader(text_only())
    try:
        header = next(reader)
    except StopIteration:
        raise LoadError("no header row", kind="skipped")
    except csv.Error as e:
        raise LoadError(f"malformed CSV header: {e}")
    labels = [" ".join(h.replace("_", " ").split()) or f"column {i}" for i, h in enumerate(header, 1)]
    header = [normalize_key(h) for h in header]
    upper_id = [i for i, h in enumerate(header) if h.lower() == "id"]
    if upper_id and "id" not in header:  # an `ID` or `Id` column names the rows too
        header[upper_id[0]] = "id"
    seen: dict[str, int] = {}
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            number += 1
            yield Problem(src.relpath, f"malformed CSV row: {e}", number, "failed")
            continue
        while bad_lines:
            yield bad_lines.pop(0)
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        if len(row) != len(header):
            yield Problem(
                src.relpath,
                f"row has {len(row)} cells, header has {len(header)}",
                number,
                "failed",
            )
            continue
        obj = {h: (c if h == "text" else _csv_value(c)) for h, c in zip(header, row)}
        if not str(obj.get("text") or "").strip():
            obj["text"] = _row_text(labels, header, row)
        yield _record(src, obj, number, seen)
    yield from bad_lines
    if number == 0 and not bad_lines:
        raise LoadError("no records (header only)", kind="skipped")
