"""Loaders, front matter, chunking and stable ids (no models needed: word tokens)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from ragtune.corpus import loaders
from ragtune.corpus.changes import diff
from ragtune.corpus.chunking import ChunkingConfig, WordTokens, chunk_document, split_sections
from ragtune.corpus.frontmatter import normalize_date, normalize_metadata, split_front_matter
from ragtune.corpus.loaders import Document, LoadError, Problem, iter_documents, scan
from ragtune.corpus.pdf_writer import make_pdf
from ragtune.corpus.sample import write_mixed_corpus
from ragtune.errors import InputError


def load_all(root: Path, max_file_mb: float = 50.0):
    files, problems = scan(root, max_file_mb)
    docs: dict[str, Document] = {}
    for f in files:
        try:
            for item in iter_documents(f):
                if isinstance(item, Problem):
                    problems.append(item)
                else:
                    docs[item.doc_id] = item
        except LoadError as e:
            problems.append(Problem(f.relpath, e.reason, kind=e.kind))
    return docs, problems


# ------------------------------------------------------------------ front matter


def test_front_matter_dates_tags_and_body():
    meta, body = split_front_matter(
        "---\ntitle: Q3 report\ndate: 2024-07-01\npublished: March 5, 2023\n"
        "tags: finance, tax\nyear: 2024\nscore: 0.5\ndraft: false\nextra: {a: 1}\n---\n# Q3\n\nText."
    )
    assert body == "# Q3\n\nText."
    norm = normalize_metadata(meta)
    assert norm["date"] == "2024-07-01"
    assert norm["published"] == "2023-03-05"
    assert norm["tags"] == ["finance", "tax"]
    assert norm["year"] == 2024 and norm["score"] == 0.5 and norm["draft"] is False
    assert json.loads(norm["extra"]) == {"a": 1}  # kept, as JSON text


def test_front_matter_absent_and_invalid():
    assert split_front_matter("no front matter\n---\n") == ({}, "no front matter\n---\n")
    with pytest.raises(ValueError, match="not valid YAML"):
        split_front_matter("---\ntitle: [x\n---\nbody")
    with pytest.raises(ValueError, match="mapping"):
        split_front_matter("---\n- a\n- b\n---\nbody")


def test_normalize_date_forms():
    assert normalize_date("2024/01/05") == "2024-01-05"
    assert normalize_date("5 Jan 2024") == "2024-01-05"
    assert normalize_date("2024-01-05T10:30:00Z") == "2024-01-05T10:30:00+00:00"
    assert normalize_date("not a date") is None
    assert normalize_date("1234") is None


# ------------------------------------------------------------------ loaders and ids


def test_an_html_table_reads_as_a_markdown_table():
    """Cells written without spaces between their tags are not glued into one word
    ("Corrie7,920"): each row is a pipe row, a header row of <th> cells gets its rule line, a
    line break or a paragraph inside a cell stays in its row, and passage reading gives each
    cell its column's name as it does for a markdown table."""
    from ragtune.corpus.loaders import html_to_text
    from ragtune.strategies.common import tables_as_records

    markup = ("<h2>Use</h2><table>\n <thead><tr><th>Instrument</th><th>Hours</th></tr></thead>\n"
              " <tr><td>Corrie</td><td>7,920</td></tr>\n <tr><td><p>Little</p><p>Corrie</p></td>"
              "<td>1,040<br>(est.)</td></tr>\n</table><p>After the table.</p>")
    _, text = html_to_text(markup)
    assert text == ("## Use\n\n| Instrument | Hours |\n| --- | --- |\n| Corrie | 7,920 |\n"
                    "| Little Corrie | 1,040 (est.) |\n\nAfter the table.")
    assert "Corrie | Hours: 7,920" in tables_as_records(text)
    _, plain = html_to_text("<table><tr><td>a</td><td>b|c</td></tr></table>")
    assert plain == "| a | b/c |"  # no header row, no rule; a pipe in a cell is no column


def test_every_format_and_ids(tmp_path: Path):
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "setup.md").write_text(
        "---\ntitle: Setup guide\ndate: 2024-02-03\ntags: [ops]\n---\n# Setup\n\nInstall it.\n"
    )
    (tmp_path / "plain.txt").write_text("Just text.\n")
    (tmp_path / "page.html").write_text(
        "<html><head><title>A page</title><script>alert('x')</script></head>"
        "<body><h1>Head</h1><p>Visible <b>bold</b> text.</p><style>p{}</style></body></html>"
    )
    (tmp_path / "paper.pdf").write_bytes(make_pdf(["Hello from a PDF."], title="PDF title"))
    (tmp_path / "faq.jsonl").write_text(
        '{"id": "q1", "text": "First answer.", "year": 2023}\n\n{"text": "Second answer."}\n'
    )
    (tmp_path / "list.json").write_text(json.dumps([{"text": "One."}, {"id": 7, "text": "Two."}]))
    (tmp_path / "rows.csv").write_text('id,year,price,code,text\na,2024,1.5,007,"Row, one."\n,2020,,x,Row two.\n')
    docs, problems = load_all(tmp_path)
    assert problems == []
    assert set(docs) == {
        "guides/setup", "plain", "page", "paper", "faq#q1", "faq#3", "list#1", "list#7",
        "rows#a", "rows#2",
    }  # fmt: skip
    setup = docs["guides/setup"]
    assert setup.title == "Setup guide" and setup.metadata == {"date": "2024-02-03", "tags": ["ops"]}
    assert setup.source == "guides/setup.md" and "Install it." in setup.text
    assert docs["plain"].title == "plain"
    page = docs["page"]
    assert page.title == "A page" and "Visible bold text." in page.text
    assert "alert" not in page.text and "p{}" not in page.text and "# Head" in page.text
    assert docs["paper"].title == "PDF title" and "Hello from a PDF." in docs["paper"].text
    assert docs["faq#q1"].metadata == {"year": 2023}
    assert docs["rows#a"].metadata == {"year": 2024, "price": 1.5, "code": "007"}
    assert docs["rows#a"].text == "Row, one."


def test_duplicate_record_ids_and_malformed_lines(tmp_path: Path):
    (tmp_path / "r.jsonl").write_text(
        '{"id": 1, "text": "a"}\nnot json\n{"id": 1, "text": "b"}\n[1, 2]\n{"id": 2, "text": "c"}\n'
    )
    docs, problems = load_all(tmp_path)
    assert set(docs) == {"r#1", "r#2"}
    assert [(p.line, p.reason.split(":")[0]) for p in problems] == [
        (2, "malformed JSON line"),
        (3, "duplicate record id `1` (first at 1)"),
        (4, "record is not a JSON object"),
    ]


def test_a_record_without_a_title_is_titled_by_its_name(tmp_path: Path):
    """Passages are shown under their titles and a record's text often says "she" for its
    name: a record's `name` field titles it when it has no `title` (csv rows and jsonl alike)."""
    (tmp_path / "staff.jsonl").write_text(
        '{"id": "E-1", "name": "Ada Lane", "text": "She runs the lab."}\n'
        '{"id": "E-2", "name": "Bo Kent", "title": "Lab lead", "text": "He leads it."}\n'
        '{"id": "E-3", "name": 7, "text": "A number is no name."}\n'
    )
    (tmp_path / "kit.csv").write_text("id,name,text\nK-1,Probe X,It measures depth.\n")
    docs, problems = load_all(tmp_path)
    assert not problems
    assert [docs[i].title for i in ("staff#E-1", "staff#E-2", "staff#E-3", "kit#K-1")] == [
        "Ada Lane", "Lab lead", "", "Probe X"]


def test_bad_inputs_each_get_a_reason(tmp_path: Path):
    facts, bad = write_mixed_corpus(tmp_path, n=16)
    docs, problems = load_all(tmp_path, max_file_mb=0.05)
    reported = {f"{p.path}:{p.line}" if p.line else p.path for p in problems}
    # root can read locked.md anyway; test_unreadable_file_is_reported covers that case
    readable = os.access(tmp_path / "bad" / "locked.md", os.R_OK)
    assert reported == set(bad) - ({"bad/locked.md"} if readable else set())
    assert all(p.reason for p in problems)
    assert {f.doc_id for f in facts} <= set(docs)
    assert {"bad/mixed#ok1", "bad/mixed#ok2"} <= set(docs)  # good lines of a mixed file


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch):
    (tmp_path / "a.md").write_text("fine")
    (tmp_path / "b.md").write_text("secret")
    real = loaders.open_binary

    def deny(path):
        if Path(path).name == "b.md":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(loaders, "open_binary", deny)
    docs, problems = load_all(tmp_path)
    assert set(docs) == {"a"}
    assert [(p.path, p.reason) for p in problems] == [("b.md", "permission denied: cannot read it")]


def test_scan_rejects_missing_folder(tmp_path: Path):
    with pytest.raises(InputError, match="not a folder"):
        scan(tmp_path / "nope")


def test_same_id_from_two_extensions_is_detected_by_ingest_not_scan(tmp_path: Path):
    (tmp_path / "a.md").write_text("one")
    (tmp_path / "a.txt").write_text("two")
    files, _ = scan(tmp_path)
    assert [f.doc_id for f in files] == ["a", "a"]  # ingest reports the second as a duplicate


# ------------------------------------------------------------------ chunking


def _doc(text: str, title: str = "Title", meta=None) -> Document:
    return Document("d", text, title, meta or {}, "d.md", "md")


def test_sections_follow_headings_not_code_fences():
    text = "# Title\n\nintro\n\n## A\n\ntext a\n\n```\n# not a heading\n```\n\n### A1\n\nsub\n\n## B\n\nb"
    secs = split_sections(text)
    assert [s.headings for s in secs] == [["Title"], ["Title", "A"], ["Title", "A", "A1"], ["Title", "B"]]
    assert "# not a heading" in secs[1].text


def test_chunks_respect_size_sections_and_keep_title_heading():
    para = " ".join(f"w{i}" for i in range(30)) + "."
    text = "# Title\n\n" + "\n\n".join([para] * 5) + "\n\n## Second\n\nshort tail."
    tok = WordTokens()
    chunks = chunk_document(_doc(text), tok, ChunkingConfig(size=64, overlap=8))
    assert all(tok.count(c.text) <= 64 for c in chunks)
    assert [c.position for c in chunks] == list(range(len(chunks)))
    assert chunks[-1].heading == "Second" and chunks[-1].text == "short tail."
    assert all(c.title == "Title" for c in chunks)
    assert chunks[0].heading == ""  # the H1 equals the title: not repeated as a heading
    # neighbours in one section overlap, chunks never cross sections
    first, second = chunks[0].text.split(), chunks[1].text.split()
    assert second[:8] == first[-8:]  # about `overlap` tokens repeated
    assert "tail." not in " ".join(c.text for c in chunks[:-1])


def test_a_long_table_is_cut_between_rows_under_its_header():
    rows = "\n".join(f"| item {i} | place {i} | {i * 100} |" for i in range(40))
    text = "Grants:\n\n| Group | Village | Award |\n|---|---|---|\n" + rows
    tok = WordTokens()
    chunks = chunk_document(_doc(text, title=""), tok, ChunkingConfig(size=64, overlap=8))
    pieces = [c.text for c in chunks if "| item" in c.text]
    assert len(pieces) > 1 and all(tok.count(c.text) <= 64 for c in chunks)
    pieces = [p[p.index("| Group"):] for p in pieces]  # a paragraph before may share a chunk
    for piece in pieces:  # each piece a header, a rule and whole rows
        lines = piece.split("\n")
        assert lines[:2] == ["| Group | Village | Award |", "|---|---|---|"]
        assert all(re.fullmatch(r"\| item \d+ \| place \d+ \| \d+ \|", x) for x in lines[2:])
    got = [x for p in pieces for x in p.split("\n")[2:]]
    assert got == rows.split("\n")  # every row once, in order


def test_long_sentences_are_cut_at_tokens():
    text = " ".join(f"x{i}" for i in range(300))
    chunks = chunk_document(_doc(text, title=""), WordTokens(), ChunkingConfig(size=50, overlap=0))
    assert all(WordTokens().count(c.text) <= 50 for c in chunks)
    assert " ".join(c.text for c in chunks).split() == text.split()


def test_chunk_ids_stable_and_content_sensitive():
    tok, cfg = WordTokens(), ChunkingConfig(size=32, overlap=4)
    text = "\n\n".join(f"Paragraph {i} " + "word " * 20 for i in range(4))
    a = chunk_document(_doc(text), tok, cfg)
    b = chunk_document(_doc(text), tok, cfg)
    assert [c.id for c in a] == [c.id for c in b] and [c.hash for c in a] == [c.hash for c in b]
    assert a[0].id.startswith("d::0-")
    changed = chunk_document(_doc(text.replace("Paragraph 3", "Paragraph three")), tok, cfg)
    assert [c.id for c in changed][:-1] == [c.id for c in a][:-1]
    assert changed[-1].id != a[-1].id
    other_meta = chunk_document(_doc(text, meta={"year": 2024}), tok, cfg)
    assert other_meta[0].hash != a[0].hash  # metadata is part of what a chunk carries


def test_embed_text_has_title_and_heading():
    chunks = chunk_document(_doc("## Pricing\n\nIt costs 5."), WordTokens())
    assert chunks[0].embed_text() == "Title\nPricing\nIt costs 5."


def test_diff_counts_and_keeps_unreadable():
    cs = diff({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "x", "d": "4", "e": "5"}, keep={"e"})
    assert (cs.added, cs.changed, cs.unchanged, cs.removed) == (["c"], ["b"], ["a"], ["d"])


def test_a_word_cut_between_pieces_is_joined_again_without_a_space():
    """A long URL cut between pieces of a chunk came back with a space inside it
    ("git+https:// github.com/..."; found on catalog3's pages, 2026-12-02): every chunk is a
    run of its document's text, whitespace aside."""
    class PieceTokens(WordTokens):  # a subword tokenizer cuts a URL into many tokens
        _WORD = re.compile(r"\w+|[^\w\s]")

    requires = "; ".join(f"dep{i} ^{i}.0.0" for i in range(12))
    text = f"Author: Ada Lane\nRequires: {requires}\nRepository: git+https://github.com/npm/x.git\nTags: npm"
    doc = Document("packages/x", text, "x", {}, "packages/x.md", "md")
    flat = re.sub(r"\s+", " ", text)
    for size in (32, 48, 64):
        chunks = chunk_document(doc, PieceTokens(), ChunkingConfig(size, 8))
        assert len(chunks) > 1
        for c in chunks:
            assert re.sub(r"\s+", " ", c.text) in flat, (size, c.text)
