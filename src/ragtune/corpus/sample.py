"""Small generated corpora for tests and benchmarks: every format, labelled facts, bad files.

`write_mixed_corpus(folder, n)` writes `n` good documents across all formats, each stating one
distinctive fact (so a labelled query has exactly one right document), and optionally plants
bad files of every kind the ingester must survive. Deterministic for a given `n`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

_CITIES = [
    "Arvenna", "Belmora", "Castrel", "Dunmere", "Elowick", "Farhaven", "Glenarrow", "Hollin",
    "Istmere", "Jorvath", "Kestrel Bay", "Lowmarch", "Mirefield", "Northwold", "Ostravel",
    "Pellucid", "Quarrington", "Ravensholm", "Saltcombe", "Tarnwick",
]  # fmt: skip
_THINGS = [
    "lighthouse", "observatory", "glassworks", "clock tower", "salt mine", "library",
    "tram line", "orchard", "shipyard", "weather station", "bridge", "aqueduct", "market",
    "printing press", "bell foundry", "canal", "windmill", "archive", "theatre", "harbour",
]  # fmt: skip
_ERAS = ["old", "new", "northern", "southern", "upper"]  # 20 x 20 x 5 = 2,000 distinct facts
_TAGS = ["finance", "history", "science", "travel", "engineering", "culture"]
_FILLER = (
    "Residents describe the town as quiet in winter and busy in summer. The council meets "
    "on the first Monday of each month. Visitors often arrive by the coastal road. "
)


@dataclass
class Fact:
    doc_id: str
    query: str  # a question whose answer is only in this document
    answer: str


def fact_sentence(i: int) -> tuple[str, str, str]:
    """(sentence, query, answer) for fact number i: unique city/thing/number combination."""
    city = _CITIES[i % len(_CITIES)]
    thing = _THINGS[(i // len(_CITIES)) % len(_THINGS)]
    era = _ERAS[(i // (len(_CITIES) * len(_THINGS))) % len(_ERAS)]
    code = f"{1000 + i * 7919 % 9000}"
    sentence = f"The {era} {thing} of {city} was registered under permit number {code}."
    query = f"permit number of the {era} {thing} of {city}"
    return sentence, query, code


def write_mixed_corpus(
    folder: str | Path,
    n: int = 100,
    bad: bool = True,
    filler_sentences: int = 1,
) -> tuple[list[Fact], list[str]]:
    """Write `n` good documents (+ planted bad files). Returns (facts, bad relpaths).

    Good documents rotate through md (front matter), txt, html, jsonl, csv, json and pdf.
    Record files hold several records each, so `n` counts documents, not files.
    """
    from ragtune.corpus.pdf_writer import make_pdf

    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    facts: list[Fact] = []
    jsonl_rows: list[str] = []
    csv_rows: list[str] = ["id,year,tags,text"]
    json_rows: list[dict] = []
    kinds = ["md", "txt", "html", "jsonl", "csv", "json", "pdf", "md"]
    for i in range(n):
        sentence, query, answer = fact_sentence(i)
        year = 2015 + i % 10
        tag = _TAGS[i % len(_TAGS)]
        body = sentence + " " + _FILLER * filler_sentences
        kind = kinds[i % len(kinds)]
        sub = root / f"part{i % 5}"
        sub.mkdir(exist_ok=True)
        if kind == "md":
            doc_id = f"part{i % 5}/doc{i:05d}"
            (root / f"{doc_id}.md").write_text(
                f"---\ntitle: Note {i}\ndate: {year}-0{1 + i % 9}-15\nyear: {year}\n"
                f"tags: [{tag}, town]\n---\n# Note {i}\n\n## Records\n\n{body}\n",
                encoding="utf-8",
            )
        elif kind == "txt":
            doc_id = f"part{i % 5}/doc{i:05d}"
            (root / f"{doc_id}.txt").write_text(
                f"---\nyear: {year}\ntags: {tag}\n---\n{body}\n", encoding="utf-8"
            )
        elif kind == "html":
            doc_id = f"part{i % 5}/doc{i:05d}"
            (root / f"{doc_id}.html").write_text(
                f"<html><head><title>Page {i}</title><style>p{{color:red}}</style></head>"
                f"<body><h1>Page {i}</h1><h2>Records</h2><p>{body}</p>"
                f"<script>var x = 'not text';</script></body></html>",
                encoding="utf-8",
            )
        elif kind == "pdf":
            doc_id = f"part{i % 5}/doc{i:05d}"
            (root / f"{doc_id}.pdf").write_bytes(make_pdf([sentence, _FILLER.strip()], f"Paper {i}"))
        elif kind == "jsonl":
            rid = f"r{i}"
            doc_id = f"records#{rid}"
            jsonl_rows.append(
                json.dumps({"id": rid, "text": body, "year": year, "tags": [tag], "title": f"Record {i}"})
            )
        elif kind == "csv":
            doc_id = f"table#{i}"
            csv_rows.append(f'{i},{year},{tag},"{body}"')
        else:
            doc_id = f"list#{len(json_rows) + 1}"
            json_rows.append({"text": body, "year": year, "tags": [tag]})
        facts.append(Fact(doc_id, query, answer))
    if jsonl_rows:
        (root / "records.jsonl").write_text("\n".join(jsonl_rows) + "\n", encoding="utf-8")
    if len(csv_rows) > 1:
        (root / "table.csv").write_text("\n".join(csv_rows) + "\n", encoding="utf-8")
    if json_rows:
        (root / "list.json").write_text(json.dumps(json_rows), encoding="utf-8")
    bad_paths = plant_bad_files(root) if bad else []
    return facts, bad_paths


def plant_bad_files(root: Path) -> list[str]:
    """One of every kind of bad input (20 in all). Returns their relpaths (with :line for lines)."""
    bad = root / "bad"
    bad.mkdir(exist_ok=True)
    out: list[str] = []

    def put(name: str, data: bytes) -> None:
        (bad / name).write_bytes(data)
        out.append(f"bad/{name}")

    put("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    put("binary.txt", b"abc\x00\x01\x02\x03" * 100)
    put("empty.md", b"")
    put("blank.txt", b"   \n\n  \n")
    put("latin1.txt", "caf\xe9 cr\xe8me br\xfbl\xe9e".encode("latin-1"))
    put("cp1252.md", b"smart \x93quotes\x94 here")
    put("broken.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    put("fake.pdf", b"this is not a pdf at all")
    put("only_front_matter.md", b"---\ntitle: nothing\n---\n")
    put("bad_front_matter.md", b"---\ntitle: [unclosed\n---\nbody text\n")
    put("no_text.jsonl", b'{"id": "a", "body": "wrong field"}\n')
    out[-1] += ":1"  # reported for its line
    put("broken.json", b'[{"text": "one"},')
    put("scalar.json", b"42")
    put("ragged.csv", b"id,body\n1,hello,extra\n")  # any columns load; a ragged row does not
    out[-1] += ":1"
    put("header_only.csv", b"id,text\n")
    # over the limit when ingested with max_file_mb=0.05 (the tests do; 50 MB would be slow)
    put("big.txt", b"A line of perfectly good text that is simply too long.\n" * 2000)
    # readable to root; tests make it unreadable through loaders.open_binary
    put("locked.md", b"# Locked\n\nA document nobody may read.\n")
    os.chmod(bad / "locked.md", 0)
    # a record file with one malformed line among good ones (the good ones are ingested)
    (bad / "mixed.jsonl").write_text(
        '{"id": "ok1", "text": "A good record about the mixed file."}\n'
        '{"id": "bad", "text": "unterminated\n'
        '{"id": "ok2", "text": "Another good record in the mixed file."}\n',
        encoding="utf-8",
    )
    out.append("bad/mixed.jsonl:2")
    loop = bad / "loop"
    loop.mkdir(exist_ok=True)
    try:
        os.symlink("..", loop / "again")
        out.append("bad/loop/again")
    except OSError:  # no symlinks on this filesystem: plant a self-referencing link instead
        pass
    try:
        os.symlink("self.md", bad / "self.md")
        out.append("bad/self.md")
    except OSError:
        pass
    return out
