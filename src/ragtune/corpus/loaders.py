"""Find the files of a corpus folder and turn each into documents.

Formats: `.md`/`.markdown`, `.txt`, `.html`/`.htm` (text, not markup), `.pdf`, `.jsonl`/`.ndjson`
and `.json` (records with a `text` field plus metadata), `.csv` (one row = one record: its
`text` column, or, when it has none or the cell is empty, one `column: value` line per cell).

Ids: a file's document id is its path relative to the corpus folder, without extension
(`guides/setup.md` -> `guides/setup`). A record inside a jsonl/json/csv file gets
`<that id>#<its id field (csv: an `id` column, any case), or its 1-based line (jsonl) / record
(json, csv) number>`, e.g. `faq#12`. QA `evidence` uses the same ids.

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
    normalize_key,
    normalize_metadata,
    split_front_matter,
)

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
        return f"{where}: {self.reason}"

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

    def walk(folder: Path) -> None:
        try:
            st = folder.stat()
        except OSError as e:
            problems.append(Problem(rel(folder), _os_reason(e), kind="failed"))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            problems.append(
                Problem(
                    rel(folder),
                    f"symlink loop: this folder was already read as `{seen_dirs[key] or '.'}`",
                )
            )
            return
        seen_dirs[key] = rel(folder) if folder != root else ""
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            problems.append(Problem(rel(folder) or ".", _os_reason(e), kind="failed"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                st = path.stat()  # follows symlinks
            except OSError as e:
                problems.append(Problem(rel(path), _os_reason(e), kind="failed"))
                continue
            if stat.S_ISDIR(st.st_mode):
                walk(path)
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

    walk(root)
    return files, problems


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


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes, read in blocks."""
    h = hashlib.sha256()
    with open_binary(path) as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _read_text(src: SourceFile) -> str:
    data = _read_bytes(src)
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise LoadError("binary file (contains NUL bytes), not text", kind="skipped")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise LoadError(
            f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it to UTF-8",
            kind="skipped",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


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


_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def _load_text(src: SourceFile) -> Document:
    text = _read_text(src)
    try:
        meta, body = split_front_matter(text)
    except FrontMatterError as e:
        raise LoadError(str(e), kind="failed")
    meta = normalize_metadata(meta)
    title = str(meta.pop("title", "") or "")
    if not title and src.format == "md":
        m = _H1.search(body)
        if m:
            title = m.group(1).strip()
    if not body.strip():
        raise LoadError("no text (empty, or only front matter)", kind="skipped")
    return Document(src.doc_id, body.strip("\n"), title or _stem_title(src), meta, src.relpath, src.format)


_BLOCK_TAGS = (
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "li", "ul",
    "ol", "tr", "table", "pre", "blockquote", "dl", "dt", "dd", "figure", "figcaption", "form",
)  # fmt: skip


def html_to_text(markup: str) -> tuple[str, str]:
    """(title, text) of an HTML page: headings become `#` lines so chunking sees sections."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(["script", "style", "noscript", "template", "head", "svg"]):
        tag.decompose()
    for level in range(1, 7):
        for h in soup.find_all(f"h{level}"):
            h.replace_with(f"\n\n{'#' * level} {h.get_text(' ', strip=True)}\n\n")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    raw = soup.get_text()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in raw.splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not title:
        m = _H1.search(text)
        title = m.group(1).strip() if m else ""
    return title, text


def _load_html(src: SourceFile) -> Document:
    title, text = html_to_text(_read_text(src))
    if not text.strip():
        raise LoadError("HTML page has no visible text", kind="skipped")
    return Document(src.doc_id, text, title or _stem_title(src), {}, src.relpath, src.format)


def _load_pdf(src: SourceFile) -> Document:
    data = _read_bytes(src)
    if not data.lstrip()[:5] == b"%PDF-":
        raise LoadError("not a PDF (no %PDF- header); broken or misnamed file")
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise LoadError("encrypted PDF; save an unencrypted copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
        title = str(getattr(info, "title", None) or "").strip()
        author = str(getattr(info, "author", None) or "").strip()
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
    if rid in seen:
        return Problem(
            src.relpath, f"duplicate record id `{rid}` (first at {seen[rid]})", number, "skipped"
        )
    seen[rid] = number
    meta = normalize_metadata(
        {k: v for k, v in obj.items() if k not in ("text", "id", "title")}
    )
    title = str(obj.get("title") or "").strip()
    return Document(
        f"{src.doc_id}#{rid}", text.strip(), title, meta, src.relpath, src.format
    )


def _text_lines(src: SourceFile) -> Iterator[tuple[int, str]]:
    """Lines of a record file, streamed; decode errors are reported per line."""
    try:
        f = open_binary(src.path)
    except OSError as e:
        raise LoadError(_os_reason(e))
    with f:
        head = f.read(_BINARY_SNIFF)
        if b"\x00" in head:
            raise LoadError("binary file (contains NUL bytes), not text", kind="skipped")
        f.seek(0)
        for number, raw in enumerate(f, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield number, _BadLine(f"not valid UTF-8 (byte 0x{raw[e.start]:02x})")


class _BadLine(str):
    """Marks a line that could not be decoded (its value is the reason)."""


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
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            msg = e.msg.removesuffix(" at")
            yield Problem(
                src.relpath, f"malformed JSON line: {msg} at column {e.colno}", number, "failed"
            )
            continue
        yield _record(src, obj, number, seen)
    if not any_line:
        raise LoadError("no records (only blank lines)", kind="skipped")


def _load_json(src: SourceFile) -> Iterator[Document | Problem]:
    try:
        data = json.loads(_read_text(src))
    except json.JSONDecodeError as e:
        raise LoadError(f"malformed JSON: {e.msg} at line {e.lineno} column {e.colno}")
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
            if not obj.get("title") and isinstance(obj.get("name"), str):
                obj["title"] = obj["name"]
        yield _record(src, obj, number, seen)
    yield from bad_lines
    if number == 0 and not bad_lines:
        raise LoadError("no records (header only)", kind="skipped")
