"""Integrity checks for the hand-written corpus and QA set in tests/data/handwritten/.

Standard library + pyyaml only. The id rules implemented here are the project's:
a document's id is its path relative to corpus/ without extension; a record inside a
.csv or .jsonl file is `relpath-without-extension#<record id>`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).parent / "data" / "handwritten"
CORPUS = DATA / "corpus"
QA_PATH = DATA / "qa.jsonl"

TYPES = {"single_hop", "reverse", "multi_hop", "comparison", "filter", "temporal", "unanswerable"}
MIN_COUNTS = {
    "single_hop": 14,
    "reverse": 5,
    "multi_hop": 8,
    "comparison": 6,
    "filter": 4,
    "temporal": 4,
    "unanswerable": 7,
}
MIN_QUESTIONS = 48
TEXT_SUFFIXES = {".md", ".txt", ".html"}
RECORD_SUFFIXES = {".csv", ".jsonl"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --------------------------------------------------------------------------- loading


def split_front_matter(raw: str) -> tuple[dict | None, str]:
    """Return (front matter or None, body) for a markdown file."""
    if not raw.startswith("---\n"):
        return None, raw
    end = raw.find("\n---\n", 4)
    assert end != -1, "unterminated front matter"
    meta = yaml.safe_load(raw[4:end]) or {}
    return meta, raw[end + len("\n---\n") :]


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_text(raw: str) -> str:
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file())


def base_id(path: Path) -> str:
    rel = path.relative_to(CORPUS).as_posix()
    return rel[: -len(path.suffix)] if path.suffix else rel


def load_corpus() -> dict[str, dict]:
    """Map every document / record id to {'text', 'meta', 'path', 'kind'}."""
    docs: dict[str, dict] = {}

    def add(doc_id: str, text: str, meta: dict | None, path: Path, kind: str) -> None:
        assert doc_id not in docs, f"duplicate document id {doc_id!r}"
        docs[doc_id] = {"text": text, "meta": meta, "path": path, "kind": kind}

    for path in corpus_files():
        suffix = path.suffix.lower()
        raw = path.read_text(encoding="utf-8")
        bid = base_id(path)
        if suffix == ".md":
            meta, body = split_front_matter(raw)
            add(bid, body, meta, path, "md")
        elif suffix == ".txt":
            add(bid, raw, None, path, "txt")
        elif suffix == ".html":
            add(bid, html_text(raw), None, path, "html")
        elif suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as f:
                reader = csv.DictReader(f)
                assert reader.fieldnames and reader.fieldnames[0] == "id", path
                for row in reader:
                    text = "\n".join(f"{k}: {v}" for k, v in row.items())
                    add(f"{bid}#{row['id']}", text, dict(row), path, "csv")
        elif suffix == ".jsonl":
            for n, line in enumerate(raw.splitlines(), 1):
                if not line.strip():
                    continue
                obj = json.loads(line)
                assert isinstance(obj, dict), f"{path}:{n} is not an object"
                assert obj.get("id") and isinstance(obj.get("text"), str), f"{path}:{n}"
                meta = {k: v for k, v in obj.items() if k != "text"}
                add(f"{bid}#{obj['id']}", obj["text"], meta, path, "jsonl")
        else:
            raise AssertionError(f"unexpected file type in corpus: {path}")
    return docs


def load_qa() -> list[dict]:
    items = []
    for n, line in enumerate(QA_PATH.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as e:  # pragma: no cover - reported as a failure
            pytest.fail(f"qa.jsonl line {n} does not parse: {e}")
    return items


@pytest.fixture(scope="module")
def corpus() -> dict[str, dict]:
    return load_corpus()


@pytest.fixture(scope="module")
def qa() -> list[dict]:
    return load_qa()


# --------------------------------------------------------------------------- corpus


def test_layout_exists():
    assert CORPUS.is_dir()
    assert QA_PATH.is_file()
    assert (DATA / "README.md").is_file()


def test_corpus_mix_of_formats():
    files = corpus_files()
    assert 15 <= len(files) <= 25, f"{len(files)} corpus files"
    suffixes = Counter(p.suffix.lower() for p in files)
    assert set(suffixes) <= TEXT_SUFFIXES | RECORD_SUFFIXES, suffixes
    assert suffixes[".md"] > len(files) / 2
    assert suffixes[".txt"] >= 2
    assert suffixes[".html"] == 1
    assert suffixes[".csv"] == 1
    assert suffixes[".jsonl"] == 1
    assert any(p.parent != CORPUS for p in files), "expected some subfolders"


def test_document_lengths(corpus):
    for doc_id, doc in corpus.items():
        if doc["kind"] in ("csv", "jsonl"):
            assert doc["text"].strip(), doc_id
            continue
        words = len(doc["text"].split())
        assert 100 <= words <= 600, f"{doc_id}: {words} words"


def test_front_matter(corpus):
    with_fm = 0
    for doc_id, doc in corpus.items():
        if doc["kind"] != "md" or doc["meta"] is None:
            continue
        with_fm += 1
        meta = doc["meta"]
        assert isinstance(meta, dict), doc_id
        assert isinstance(meta.get("title"), str) and meta["title"], doc_id
        assert isinstance(meta.get("category"), str) and meta["category"], doc_id
        date = meta.get("date")
        assert isinstance(date, dt.date) or (isinstance(date, str) and ISO_DATE.match(date)), (
            doc_id,
            date,
        )
        tags = meta.get("tags")
        assert isinstance(tags, list) and tags and all(isinstance(t, str) for t in tags), doc_id
        for key, value in meta.items():
            if key != "tags":
                assert isinstance(value, (str, int, float, bool, dt.date)), (doc_id, key)
    assert with_fm >= 5


# --------------------------------------------------------------------------- QA set


def test_qa_lines_parse_and_ids_unique(qa):
    assert len(qa) >= MIN_QUESTIONS
    ids = [item.get("id") for item in qa]
    assert all(isinstance(i, str) and i for i in ids)
    dupes = [i for i, c in Counter(ids).items() if c > 1]
    assert not dupes, dupes


def test_qa_fields_and_types(qa):
    allowed = {"id", "question", "answers", "type", "evidence", "options"}
    for item in qa:
        qid = item["id"]
        assert set(item) <= allowed, (qid, set(item) - allowed)
        assert isinstance(item.get("question"), str) and item["question"].strip(), qid
        assert item.get("type") in TYPES, (qid, item.get("type"))
        answers, evidence = item.get("answers"), item.get("evidence")
        assert isinstance(answers, list) and all(isinstance(a, str) and a.strip() for a in answers), qid
        assert isinstance(evidence, list) and all(isinstance(e, str) for e in evidence), qid
        assert len(set(evidence)) == len(evidence), qid
        if item["type"] == "unanswerable":
            assert answers == [] and evidence == [], qid
        else:
            assert answers and evidence, qid


def test_questions_unique(qa):
    questions = [" ".join(item["question"].lower().split()) for item in qa]
    assert len(set(questions)) == len(questions)


def test_options_only_on_comparison(qa):
    for item in qa:
        qid = item["id"]
        if item["type"] == "comparison":
            options = item.get("options")
            assert isinstance(options, list) and len(options) == 2, qid
            assert all(isinstance(o, str) and o for o in options) and options[0] != options[1], qid
            gold = {a.lower() for a in item["answers"]}
            assert any(o.lower() in gold for o in options), qid
        else:
            assert "options" not in item, qid


def test_type_minimum_counts(qa):
    counts = Counter(item["type"] for item in qa)
    for qtype, minimum in MIN_COUNTS.items():
        assert counts[qtype] >= minimum, f"{qtype}: {counts[qtype]} < {minimum}"


def test_evidence_resolves(qa, corpus):
    missing = [(item["id"], e) for item in qa for e in item["evidence"] if e not in corpus]
    assert not missing, missing


def test_answers_appear_in_evidence(qa, corpus):
    problems = []
    for item in qa:
        texts = [corpus[e]["text"].lower() for e in item["evidence"] if e in corpus]
        for answer in item["answers"]:
            if not any(answer.lower() in t for t in texts):
                problems.append((item["id"], answer))
    assert not problems, problems


def test_multi_hop_needs_two_documents(qa, corpus):
    """Evidence is listed in hop order; the answer must not be in the first hop's document."""
    for item in qa:
        if item["type"] != "multi_hop":
            continue
        qid, evidence = item["id"], item["evidence"]
        assert len(evidence) >= 2, qid
        first = corpus[evidence[0]]["text"].lower()
        for answer in item["answers"]:
            assert answer.lower() not in first, (qid, answer, evidence[0])


def test_filter_evidence_has_metadata(qa, corpus):
    for item in qa:
        if item["type"] != "filter":
            continue
        for e in item["evidence"]:
            meta = corpus[e]["meta"] or {}
            assert "date" in meta and "category" in meta, (item["id"], e)
