"""A hostile corpus, generated: good documents mixed with well over 100 bad files of every kind
an ingest must survive (binary named `.md`, empty, invalid UTF-8, UTF-16, a huge single line,
encrypted and image-only PDFs, deeply nested HTML, JSONL with mixed types, CSV with embedded
newlines and quotes, symlink loops, unreadable files, names with newlines or `..`, YAML bombs).

`write_hostile_corpus(folder)` returns what a correct ingest must do with it: the document ids
it must index and the paths (`path` or `path:line`) it must report. Files that look hostile but
are valid (UTF-16 with a byte-order mark, a long line, 100,000 nested tags around real text, a
folder 300 levels deep, `a..b.md`) are among the good ones. Deterministic for given arguments.

Used by tests/test_hostile_corpus.py (small sizes) and bench/hostile.py (full sizes).
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ragtune.corpus.pdf_writer import make_pdf, pdf_from_objects
from ragtune.corpus.sample import write_mixed_corpus


@dataclass
class HostileCorpus:
    root: Path
    good: set[str] = field(default_factory=set)  # document ids that must be indexed
    bad: set[str] = field(default_factory=set)  # `relpath` or `relpath:line` that must be reported
    facts: list = field(default_factory=list)  # labelled queries over the good documents

    @property
    def bad_files(self) -> set[str]:
        """The bad entries by file (a file with several bad lines counts once)."""
        return {re.sub(r":\d+$", "", b) for b in self.bad}


def write_hostile_corpus(
    folder: str | Path,
    n_good: int = 40,
    big_line_mb: float = 50.0,
    nested_tags: int = 100_000,
    seed: int = 0,
) -> HostileCorpus:
    """Write the corpus; `big_line_mb` and `nested_tags` size the two largest files.

    The big single line is bad by the chunk limit (`index.max_doc_chunks`): ingest it with a
    limit below `big_line_mb * 1e6 / 600` chunks (the default, 20,000, for 50 MB).
    """
    root = Path(folder)
    rng = random.Random(seed)
    facts, planted = write_mixed_corpus(root, n_good, bad=True)
    out = HostileCorpus(root, {f.doc_id for f in facts}, set(), facts)
    out.good |= {"bad/mixed#ok1", "bad/mixed#ok2"}
    # plant_bad_files' too-big file is sized for max_file_mb=0.05; here it is simply good text
    out.bad |= {p for p in planted if p not in ("bad/big.txt", "bad/locked.md")}
    out.good.add("bad/big")
    if os.access(root / "bad" / "locked.md", os.R_OK):  # root reads anyway
        out.good.add("bad/locked")
    else:
        out.bad.add("bad/locked.md")
    w = _Writer(root / "hostile", out)
    w.h.mkdir(exist_ok=True)
    for section in (_binary_and_empty, _encodings, _long_lines, _pdfs, _html, _json_lines, _json_files,
                    _csv, _front_matter, _unsupported_types, _names, _filesystem):  # fmt: skip
        section(w, rng, big_line_mb=big_line_mb, nested_tags=nested_tags)
    return out


@dataclass
class _Writer:
    """Writes files under `h` (the corpus's hostile/ folder) and records what ingest must
    report (`bad`) or index (`good`)."""

    h: Path
    out: HostileCorpus

    def bad(self, rel: str, data: bytes | str, line: int | None = None) -> None:
        self._write(rel, data)
        self.out.bad.add(f"hostile/{rel}" + (f":{line}" if line else ""))

    def good(self, rel: str, data: bytes | str, doc_id: str | None = None) -> None:
        self._write(rel, data)
        self.out.good.add(doc_id or f"hostile/{os.path.splitext(rel)[0]}")

    def _write(self, rel: str, data: bytes | str) -> None:
        path = self.h / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


TEXT_EXTS = ["md", "txt", "html", "htm", "jsonl", "json", "csv", "markdown", "ndjson"]


def _binary_and_empty(w: _Writer, rng: random.Random, **size: float) -> None:
    """Binary content under text names (NUL bytes), and empty / blank files."""
    for i, ext in enumerate(TEXT_EXTS):
        noise = bytes(rng.randrange(256) for _ in range(2048))
        w.bad(f"binary/blob{i}.{ext}", b"\x00" + noise)
        w.bad(f"empty/empty{i}.{ext}", b"")
    for i, ext in enumerate(["md", "txt", "markdown"]):
        w.bad(f"empty/blank{i}.{ext}", " \n\t\n  \r\n" * (i + 1))
    w.bad("empty/blank.html", "<html><body>  <p> </p> <div></div></body></html>")
    w.bad("empty/only_script.html", "<script>var x = 1;</script><style>p {}</style>")
    w.bad("empty/only_comment.html", "<!-- everything is a comment " + "x " * 1000)
    w.bad("empty/only_tags.htm", "<b><i><u></u></i></b>" * 100)
    w.bad("empty/pdf.pdf", b"")


def _encodings(w: _Writer, rng: random.Random, **size: float) -> None:
    """Not UTF-8."""
    latin = "Café crème, naïve façade, Ærø, Straße: déjà vu.\n".encode("latin-1")
    for i, ext in enumerate(["md", "txt", "html", "json"]):
        w.bad(f"encoding/latin1_{i}.{ext}", latin * (i + 1))
    w.bad("encoding/cp1252.md", b"He said \x93hello\x94 \x96 and left.\n")
    w.bad("encoding/truncated_multibyte.txt", "Ends mid-character: caf".encode() + b"\xc3")
    w.bad("encoding/overlong.txt", b"An overlong slash: \xc0\xaf here.\n")
    w.bad("encoding/surrogate.md", b"An encoded surrogate: \xed\xa0\x80 here.\n")
    w.bad("encoding/random_high.txt", bytes(rng.randrange(128, 256) for _ in range(4096)))
    w.bad("encoding/utf16_no_bom.txt", "Text in UTF-16 without a mark.\n".encode("utf-16-le"))
    w.bad("encoding/utf16_broken.md", b"\xff\xfe" + "Half a pair: ".encode("utf-16-le") + b"\x00\xd8")
    # valid Unicode with byte-order marks is read
    w.good("encoding/utf16le_bom.md", "\ufeff# UTF-16\n\nWritten by Notepad as Unicode.\n".encode("utf-16-le"))
    w.good("encoding/utf16be_bom.txt", "\ufeffBig-endian UTF-16 with its mark.\n".encode("utf-16-be"))
    w.good("encoding/utf32_bom.txt", "UTF-32 with a byte-order mark.\n".encode("utf-32"))
    w.good("encoding/utf8_bom.md", "\ufeff# BOM\n\nUTF-8 with a byte-order mark.\n")
    w.good(
        "encoding/utf16_records.jsonl",
        '{"id": "u1", "text": "A record in a UTF-16 file."}\n'.encode("utf-16"),
        "hostile/encoding/utf16_records#u1",
    )


def _long_lines(w: _Writer, rng: random.Random, **size: float) -> None:
    """One enormous line (bad by the chunk limit) and a long one (good, split into chunks)."""
    write_one_line(w.h / "big_line.txt", size["big_line_mb"])
    w.out.bad.add("hostile/big_line.txt")
    write_one_line(w.h / "long_line.md", 0.04)
    w.out.good.add("hostile/long_line")
    w.good("no_spaces.txt", "x" * 30_000)  # one 30 KB "word": cut by characters


def _pdfs(w: _Writer, rng: random.Random, **size: float) -> None:
    """PDFs."""
    w.bad("pdf/truncated.pdf", make_pdf(["Cut short."])[:120])
    w.bad("pdf/header_only.pdf", b"%PDF-1.7\n")
    w.bad("pdf/garbage_xref.pdf", b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(3000)))
    w.bad("pdf/not_a_pdf.pdf", b"<html>this was a web page</html>")
    w.bad("pdf/zip_named_pdf.pdf", b"PK\x03\x04" + bytes(200))
    w.bad("pdf/encrypted.pdf", _encrypted_pdf("secret"))
    w.bad("pdf/image_only.pdf", _image_only_pdf())
    w.bad("pdf/no_pages.pdf", pdf_from_objects(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]))
    w.bad("pdf/page_loop.pdf", pdf_from_objects(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]))
    w.good("pdf/owner_password_only.pdf", _encrypted_pdf("", "Readable by anyone."))


def _html(w: _Writer, rng: random.Random, **size: float) -> None:
    """HTML."""
    w.good(
        "html/deep_text.html",
        "<html><body>" + "<div>" * int(size["nested_tags"]) + "Deep inside the nesting." + "</div>" * int(size["nested_tags"]),
    )
    w.bad("html/deep_empty.html", "<div>" * int(size["nested_tags"]) + "</div>" * int(size["nested_tags"]))
    w.bad("html/deep_unclosed.html", "<span>" * int(size["nested_tags"]))
    w.good("html/broken_markup.html", "<p>Broken <b markup <i>but </ p>text <!x> survives." + "</" * 5000)
    w.good("html/unclosed_head.html", "<html><head><title>Head never closed</title><body><p>Body text.</p>")
    w.good("html/entities.htm", "<p>Fish &amp; chips &lt;3 &#x263A; &bogus; &#99999999;</p>")


def _json_lines(w: _Writer, rng: random.Random, **size: float) -> None:
    """JSON lines: each bad line in a file of its own, plus one file mixing them with good ones."""
    bad_lines = [
        "42", '"just a string"', "[1, 2, 3]", "null", "true", '{"body": "no text field"}',
        '{"text": 12}', '{"text": ["a", "b"]}', '{"text": {"nested": true}}', '{"text": "   "}',
        '{"text": "unterminated', "{not json}", "[" * 100_000 + "]" * 100_000,
        '{"text": "big number", "n": ' + "9" * 5000 + "}",
        '{"text": "lone surrogate \\ud800 here"}', '{"id": "a\\nb", "text": "newline in id"}',
        '{"text": "deep metadata", "m": ' + "[" * 40 + "1" + "]" * 40 + "}",
        '{"text": "wide metadata", "m": [' + ",".join(["1"] * 20_000) + "]}",
    ]  # fmt: skip
    for i, bl in enumerate(bad_lines):
        w.bad(f"jsonl/bad{i:02d}.jsonl", bl + "\n", line=1)
    mixed = []
    for i, bl in enumerate(bad_lines):
        mixed.append(json.dumps({"id": f"g{i}", "text": f"Good record {i} between bad ones.", "n": i}))
        mixed.append(bl)
        w.out.bad.add(f"hostile/jsonl/mixed.jsonl:{2 * i + 2}")
        w.out.good.add(f"hostile/jsonl/mixed#g{i}")
    (w.h / "jsonl" / "mixed.jsonl").write_text("\n".join(mixed) + "\n", encoding="utf-8")
    (w.h / "jsonl" / "types.jsonl").write_bytes(
        b'{"id": "t1", "text": "Types kept", "int": 1, "float": 1.5, "bool": true, "none": null,'
        b' "list": [1, "a", null], "obj": {"k": [1, 2]}, "big": 123456789012345678901234567890}\n'
        b'{"id": "t2", "text": "Bad bytes next line"}\n\xff\xfe\xfd not utf-8\n'
    )
    w.out.good |= {"hostile/jsonl/types#t1", "hostile/jsonl/types#t2"}
    w.out.bad.add("hostile/jsonl/types.jsonl:3")


def _json_files(w: _Writer, rng: random.Random, **size: float) -> None:
    """Whole-file JSON."""
    w.bad("json/scalar.json", "3.14")
    w.bad("json/deep.json", "[" * 100_000 + "]" * 100_000)
    w.bad("json/big_int.json", "[" + "7" * 5000 + "]")
    w.bad("json/truncated.json", '[{"text": "one"}, {"text": ')
    w.bad("json/empty_list.json", "[]")
    w.bad("json/not_objects.json", "[1, 2]", line=1)
    w.out.bad.add("hostile/json/not_objects.json:2")
    w.good("json/one_object.json", '{"text": "A single object is one record."}', "hostile/json/one_object#1")


def _csv(w: _Writer, rng: random.Random, **size: float) -> None:
    """CSV: quoted newlines and quotes are valid; broken quoting and ragged rows are not."""
    w.good(
        "csv/embedded.csv",
        'id,text,note\nc1,"A field with ""quotes"" and a\nnewline inside.","x, y"\n'
        'c2,"Another, with a comma.",\n',
        "hostile/csv/embedded#c1",
    )
    w.out.good.add("hostile/csv/embedded#c2")
    # no `text` column: a row is still a document, its cells as text
    w.good("csv/no_text_column.csv", "id,body\n1,hello\n", "hostile/csv/no_text_column#1")
    w.bad("csv/header_only.csv", "id,text\n")
    w.bad("csv/ragged.csv", "id,text\nr1,fine\nr2,too,many,cells\n", line=2)
    w.out.good.add("hostile/csv/ragged#r1")
    w.bad("csv/nul.csv", b"id,text\n1,\x00\x00\x00\n")


def _front_matter(w: _Writer, rng: random.Random, **size: float) -> None:
    """Front matter."""
    w.bad("yaml/invalid.md", "---\ntitle: [unclosed\n---\nBody.\n")
    w.bad("yaml/not_mapping.md", "---\n- a\n- b\n---\nBody.\n")
    w.bad("yaml/impossible_date.md", "---\ndate: 2024-13-45\n---\nBody.\n")
    w.bad("yaml/deep.md", "---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\nBody.\n")
    w.bad("yaml/python_tag.md", "---\nx: !!python/object/apply:os.system [echo hi]\n---\nBody.\n")
    laughs = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 10):
        laughs += f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]\n"
    w.bad("yaml/billion_laughs.md", "---\n" + laughs + "---\nBody.\n")
    w.bad("yaml/only_front_matter.txt", "---\ntitle: nothing else\n---\n")
    w.good("yaml/long_title.md", "---\ntitle: " + "Long " * 10_000 + "\n---\nBody under a long title.\n")
    w.good("yaml/heading_bomb.md", "# " + "# " * 20_000 + "x\n\nText after a pathological heading.\n")


def _unsupported_types(w: _Writer, rng: random.Random, **size: float) -> None:
    """Unsupported types."""
    for name, data in [("image.png", b"\x89PNG\r\n\x1a\n" + bytes(100)), ("tool.exe", b"MZ" + bytes(100)),
                       ("doc.docx", b"PK\x03\x04" + bytes(100)), ("README", b"no extension"),
                       ("archive.tar.gz", b"\x1f\x8b" + bytes(100)), ("notes.rtf", b"{\\rtf1 hi}")]:  # fmt: skip
        w.bad(f"types/{name}", data)


def _names(w: _Writer, rng: random.Random, **size: float) -> None:
    """Names."""
    w.good("names/a..b.md", "Two dots inside the name are fine.")
    w.good("names/trailing..md", "A name ending in two dots before the extension.")
    w.good("names/spaces and ünïcödé.md", "Spaces and accents in a name are fine.")
    for i, name in enumerate(["new\nline.md", "tab\there.txt", "carriage\rreturn.md", "bell\x07.md"]):
        try:
            (w.h / "names" / name).write_text(f"Name {i} has a control character.")
            w.out.bad.add(_printable_rel(f"hostile/names/{name}"))
        except OSError:
            pass
    try:
        (w.h / "names").joinpath(os.fsdecode(b"latin1_\xe9.md")).write_text("Name is not UTF-8.")
        w.out.bad.add("hostile/names/latin1_\\xe9.md")
    except (OSError, UnicodeEncodeError):
        pass


def _filesystem(w: _Writer, rng: random.Random, **size: float) -> None:
    """Deep folders (a good file at the bottom), symlink loops, special files, permissions."""
    deep = w.h / "deep"
    for _ in range(300):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "bottom.md").write_text("The bottom of a folder 300 levels deep.")
    w.out.good.add("hostile/deep/" + "d/" * 300 + "bottom")
    links = w.h / "links"
    links.mkdir()
    _symlink("..", links / "up", w.out, "hostile/links/up")  # a loop through the parent
    _symlink("self.md", links / "self.md", w.out, "hostile/links/self.md")
    _symlink("b.md", links / "a.md", w.out, "hostile/links/a.md")
    _symlink("a.md", links / "b.md", w.out, "hostile/links/b.md")
    _symlink("missing.md", links / "broken.md", w.out, "hostile/links/broken.md")
    _symlink("/dev/zero", links / "zero.txt", w.out, "hostile/links/zero.txt")
    _symlink("/dev/urandom", links / "random.md", w.out, "hostile/links/random.md")
    try:
        os.mkfifo(links / "fifo.md")
        w.out.bad.add("hostile/links/fifo.md")
    except (OSError, AttributeError):
        pass
    perms = w.h / "perms"
    perms.mkdir()
    (perms / "locked.md").write_text("Nobody may read this file.")
    os.chmod(perms / "locked.md", 0)
    closed = perms / "closed"
    closed.mkdir()
    (closed / "inside.md").write_text("Inside a folder nobody may open.")
    os.chmod(closed, 0)
    readable = os.access(perms / "locked.md", os.R_OK)  # root reads anyway
    if readable:
        w.out.good |= {"hostile/perms/locked", "hostile/perms/closed/inside"}
    else:
        w.out.bad |= {"hostile/perms/locked.md", "hostile/perms/closed"}


def write_one_line(path: Path, mb: float, seed: int = 0) -> None:
    """`mb` megabytes of words (from the sample corpus' vocabulary) with no line break, written
    in blocks: the file never exists in memory whole."""
    from ragtune.corpus.sample import _CITIES, _FILLER, _THINGS

    rng = random.Random(seed)
    vocab = [w.strip(".,").lower() for w in _FILLER.split()] + _CITIES + _THINGS
    block = " ".join(rng.choice(vocab) for _ in range(20_000)) + " "
    data = block.encode()
    with open(path, "wb") as f:
        left = int(mb * 1_000_000)
        while left > 0:
            f.write(data[:left])
            left -= len(data)


def unlock(folder: str | Path) -> None:
    """Make the planted unreadable entries removable again (for cleanup)."""
    perms = Path(folder) / "hostile" / "perms"
    for p in (perms / "closed", perms / "locked.md"):
        if p.exists():
            os.chmod(p, stat.S_IRWXU)


def _printable_rel(rel: str) -> str:
    from ragtune.corpus.loaders import printable

    return printable(rel)


def _symlink(target: str, link: Path, out: HostileCorpus, rel: str) -> None:
    try:
        os.symlink(target, link)
        out.bad.add(rel)
    except OSError:  # a filesystem without symlinks
        pass


def _image_only_pdf() -> bytes:
    """A page that draws one 2x2 image and has no text (a scan, in miniature)."""
    pixels = bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])
    content = "q 100 0 0 100 50 600 cm /Im1 Do Q"
    return pdf_from_objects([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /XObject << /Im1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB "
        f"/BitsPerComponent 8 /Length {len(pixels)} >>\nstream\n{pixels.decode('latin-1')}\nendstream",
    ])  # fmt: skip


def _encrypted_pdf(user_password: str, text: str = "A secret nobody can read.") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([text]))))
    writer.encrypt(user_password, owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
