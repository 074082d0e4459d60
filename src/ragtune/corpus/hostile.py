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

from ragtune.corpus.pdf_writer import make_pdf
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
    h = root / "hostile"
    h.mkdir(exist_ok=True)

    def bad(rel: str, data: bytes | str, line: int | None = None) -> None:
        path = h / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        out.bad.add(f"hostile/{rel}" + (f":{line}" if line else ""))

    def good(rel: str, data: bytes | str, doc_id: str | None = None) -> None:
        path = h / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        out.good.add(doc_id or f"hostile/{os.path.splitext(rel)[0]}")

    text_exts = ["md", "txt", "html", "htm", "jsonl", "json", "csv", "markdown", "ndjson"]

    # --- binary content under text names (NUL bytes), and empty / blank files
    for i, ext in enumerate(text_exts):
        noise = bytes(rng.randrange(256) for _ in range(2048))
        bad(f"binary/blob{i}.{ext}", b"\x00" + noise)
        bad(f"empty/empty{i}.{ext}", b"")
    for i, ext in enumerate(["md", "txt", "markdown"]):
        bad(f"empty/blank{i}.{ext}", " \n\t\n  \r\n" * (i + 1))
    bad("empty/blank.html", "<html><body>  <p> </p> <div></div></body></html>")
    bad("empty/only_script.html", "<script>var x = 1;</script><style>p {}</style>")
    bad("empty/only_comment.html", "<!-- everything is a comment " + "x " * 1000)
    bad("empty/only_tags.htm", "<b><i><u></u></i></b>" * 100)
    bad("empty/pdf.pdf", b"")

    # --- not UTF-8
    latin = "Café crème, naïve façade, Ærø, Straße: déjà vu.\n".encode("latin-1")
    for i, ext in enumerate(["md", "txt", "html", "json"]):
        bad(f"encoding/latin1_{i}.{ext}", latin * (i + 1))
    bad("encoding/cp1252.md", b"He said \x93hello\x94 \x96 and left.\n")
    bad("encoding/truncated_multibyte.txt", "Ends mid-character: caf".encode() + b"\xc3")
    bad("encoding/overlong.txt", b"An overlong slash: \xc0\xaf here.\n")
    bad("encoding/surrogate.md", b"An encoded surrogate: \xed\xa0\x80 here.\n")
    bad("encoding/random_high.txt", bytes(rng.randrange(128, 256) for _ in range(4096)))
    bad("encoding/utf16_no_bom.txt", "Text in UTF-16 without a mark.\n".encode("utf-16-le"))
    bad("encoding/utf16_broken.md", b"\xff\xfe" + "Half a pair: ".encode("utf-16-le") + b"\x00\xd8")
    # valid Unicode with byte-order marks is read
    good("encoding/utf16le_bom.md", "\ufeff# UTF-16\n\nWritten by Notepad as Unicode.\n".encode("utf-16-le"))
    good("encoding/utf16be_bom.txt", "\ufeffBig-endian UTF-16 with its mark.\n".encode("utf-16-be"))
    good("encoding/utf32_bom.txt", "UTF-32 with a byte-order mark.\n".encode("utf-32"))
    good("encoding/utf8_bom.md", "\ufeff# BOM\n\nUTF-8 with a byte-order mark.\n")
    good(
        "encoding/utf16_records.jsonl",
        '{"id": "u1", "text": "A record in a UTF-16 file."}\n'.encode("utf-16"),
        "hostile/encoding/utf16_records#u1",
    )

    # --- one enormous line (bad by the chunk limit) and a long one (good, split into chunks)
    write_one_line(h / "big_line.txt", big_line_mb)
    out.bad.add("hostile/big_line.txt")
    write_one_line(h / "long_line.md", 0.04)
    out.good.add("hostile/long_line")
    good("no_spaces.txt", "x" * 30_000)  # one 30 KB "word": cut by characters

    # --- PDFs
    bad("pdf/truncated.pdf", make_pdf(["Cut short."])[:120])
    bad("pdf/header_only.pdf", b"%PDF-1.7\n")
    bad("pdf/garbage_xref.pdf", b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(3000)))
    bad("pdf/not_a_pdf.pdf", b"<html>this was a web page</html>")
    bad("pdf/zip_named_pdf.pdf", b"PK\x03\x04" + bytes(200))
    bad("pdf/encrypted.pdf", _encrypted_pdf("secret"))
    bad("pdf/image_only.pdf", _image_only_pdf())
    bad("pdf/no_pages.pdf", _raw_pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]))
    bad("pdf/page_loop.pdf", _raw_pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]))
    good("pdf/owner_password_only.pdf", _encrypted_pdf("", "Readable by anyone."))

    # --- HTML
    good(
        "html/deep_text.html",
        "<html><body>" + "<div>" * nested_tags + "Deep inside the nesting." + "</div>" * nested_tags,
    )
    bad("html/deep_empty.html", "<div>" * nested_tags + "</div>" * nested_tags)
    bad("html/deep_unclosed.html", "<span>" * nested_tags)
    good("html/broken_markup.html", "<p>Broken <b markup <i>but </ p>text <!x> survives." + "</" * 5000)
    good("html/unclosed_head.html", "<html><head><title>Head never closed</title><body><p>Body text.</p>")
    good("html/entities.htm", "<p>Fish &amp; chips &lt;3 &#x263A; &bogus; &#99999999;</p>")

    # --- JSON lines: each bad line in a file of its own, plus one file mixing them with good ones
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
        bad(f"jsonl/bad{i:02d}.jsonl", bl + "\n", line=1)
    mixed = []
    for i, bl in enumerate(bad_lines):
        mixed.append(json.dumps({"id": f"g{i}", "text": f"Good record {i} between bad ones.", "n": i}))
        mixed.append(bl)
        out.bad.add(f"hostile/jsonl/mixed.jsonl:{2 * i + 2}")
        out.good.add(f"hostile/jsonl/mixed#g{i}")
    (h / "jsonl" / "mixed.jsonl").write_text("\n".join(mixed) + "\n", encoding="utf-8")
    (h / "jsonl" / "types.jsonl").write_bytes(
        b'{"id": "t1", "text": "Types kept", "int": 1, "float": 1.5, "bool": true, "none": null,'
        b' "list": [1, "a", null], "obj": {"k": [1, 2]}, "big": 123456789012345678901234567890}\n'
        b'{"id": "t2", "text": "Bad bytes next line"}\n\xff\xfe\xfd not utf-8\n'
    )
    out.good |= {"hostile/jsonl/types#t1", "hostile/jsonl/types#t2"}
    out.bad.add("hostile/jsonl/types.jsonl:3")

    # --- whole-file JSON
    bad("json/scalar.json", "3.14")
    bad("json/deep.json", "[" * 100_000 + "]" * 100_000)
    bad("json/big_int.json", "[" + "7" * 5000 + "]")
    bad("json/truncated.json", '[{"text": "one"}, {"text": ')
    bad("json/empty_list.json", "[]")
    bad("json/not_objects.json", "[1, 2]", line=1)
    out.bad.add("hostile/json/not_objects.json:2")
    good("json/one_object.json", '{"text": "A single object is one record."}', "hostile/json/one_object#1")

    # --- CSV: quoted newlines and quotes are valid; broken quoting and ragged rows are not
    good(
        "csv/embedded.csv",
        'id,text,note\nc1,"A field with ""quotes"" and a\nnewline inside.","x, y"\n'
        'c2,"Another, with a comma.",\n',
        "hostile/csv/embedded#c1",
    )
    out.good.add("hostile/csv/embedded#c2")
    bad("csv/no_text_column.csv", "id,body\n1,hello\n")
    bad("csv/header_only.csv", "id,text\n")
    bad("csv/ragged.csv", "id,text\nr1,fine\nr2,too,many,cells\n", line=2)
    out.good.add("hostile/csv/ragged#r1")
    bad("csv/nul.csv", b"id,text\n1,\x00\x00\x00\n")

    # --- front matter
    bad("yaml/invalid.md", "---\ntitle: [unclosed\n---\nBody.\n")
    bad("yaml/not_mapping.md", "---\n- a\n- b\n---\nBody.\n")
    bad("yaml/impossible_date.md", "---\ndate: 2024-13-45\n---\nBody.\n")
    bad("yaml/deep.md", "---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\nBody.\n")
    bad("yaml/python_tag.md", "---\nx: !!python/object/apply:os.system [echo hi]\n---\nBody.\n")
    laughs = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 10):
        laughs += f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]\n"
    bad("yaml/billion_laughs.md", "---\n" + laughs + "---\nBody.\n")
    bad("yaml/only_front_matter.txt", "---\ntitle: nothing else\n---\n")
    good("yaml/long_title.md", "---\ntitle: " + "Long " * 10_000 + "\n---\nBody under a long title.\n")
    good("yaml/heading_bomb.md", "# " + "# " * 20_000 + "x\n\nText after a pathological heading.\n")

    # --- unsupported types
    for name, data in [("image.png", b"\x89PNG\r\n\x1a\n" + bytes(100)), ("tool.exe", b"MZ" + bytes(100)),
                       ("doc.docx", b"PK\x03\x04" + bytes(100)), ("README", b"no extension"),
                       ("archive.tar.gz", b"\x1f\x8b" + bytes(100)), ("notes.rtf", b"{\\rtf1 hi}")]:  # fmt: skip
        bad(f"types/{name}", data)

    # --- names
    good("names/a..b.md", "Two dots inside the name are fine.")
    good("names/trailing..md", "A name ending in two dots before the extension.")
    good("names/spaces and ünïcödé.md", "Spaces and accents in a name are fine.")
    for i, name in enumerate(["new\nline.md", "tab\there.txt", "carriage\rreturn.md", "bell\x07.md"]):
        try:
            (h / "names" / name).write_text(f"Name {i} has a control character.")
            out.bad.add(_printable_rel(f"hostile/names/{name}"))
        except OSError:
            pass
    try:
        (h / "names").joinpath(os.fsdecode(b"latin1_\xe9.md")).write_text("Name is not UTF-8.")
        out.bad.add("hostile/names/latin1_\\xe9.md")
    except (OSError, UnicodeEncodeError):
        pass

    # --- deep folders (a good file at the bottom), symlink loops, special files, permissions
    deep = h / "deep"
    for _ in range(300):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "bottom.md").write_text("The bottom of a folder 300 levels deep.")
    out.good.add("hostile/deep/" + "d/" * 300 + "bottom")
    links = h / "links"
    links.mkdir()
    _symlink("..", links / "up", out, "hostile/links/up")  # a loop through the parent
    _symlink("self.md", links / "self.md", out, "hostile/links/self.md")
    _symlink("b.md", links / "a.md", out, "hostile/links/a.md")
    _symlink("a.md", links / "b.md", out, "hostile/links/b.md")
    _symlink("missing.md", links / "broken.md", out, "hostile/links/broken.md")
    _symlink("/dev/zero", links / "zero.txt", out, "hostile/links/zero.txt")
    _symlink("/dev/urandom", links / "random.md", out, "hostile/links/random.md")
    try:
        os.mkfifo(links / "fifo.md")
        out.bad.add("hostile/links/fifo.md")
    except (OSError, AttributeError):
        pass
    perms = h / "perms"
    perms.mkdir()
    (perms / "locked.md").write_text("Nobody may read this file.")
    os.chmod(perms / "locked.md", 0)
    closed = perms / "closed"
    closed.mkdir()
    (closed / "inside.md").write_text("Inside a folder nobody may open.")
    os.chmod(closed, 0)
    readable = os.access(perms / "locked.md", os.R_OK)  # root reads anyway
    if readable:
        out.good |= {"hostile/perms/locked", "hostile/perms/closed/inside"}
    else:
        out.bad |= {"hostile/perms/locked.md", "hostile/perms/closed"}
    return out


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


def _raw_pdf(objs: list[str]) -> bytes:
    data = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(data))
        data += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(data)
    data += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    data += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    data += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return data


def _image_only_pdf() -> bytes:
    """A page that draws one 2x2 image and has no text (a scan, in miniature)."""
    pixels = bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])
    content = "q 100 0 0 100 50 600 cm /Im1 Do Q"
    return _raw_pdf([
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
