"""Property tests (hypothesis) for every parser and invariant of the input side.

Filters (JSON, `--filter`, `--where`), YAML front matter and metadata, dates, QA JSONL,
strategy specs, the loaders on arbitrary bytes, HTML text extraction, chunking (chunks cover
the document in order, within size, ids stable under unrelated edits). Generated inputs either
parse or raise the project's own error type (RagtuneError / LoadError / FrontMatterError);
anything else is a bug.

Bounded for CI: the `ci` profile (the default) runs a fixed, derandomised 100 examples per
property (about a minute for the file); `HYPOTHESIS_PROFILE=long` runs 2,000 with a fresh seed.
Scoring properties live with the scorers (tests/test_eval_*).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import string
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from ragtune.corpus import loaders
from ragtune.corpus.chunking import (
    MAX_CHARS_PER_TOKEN,
    ChunkingConfig,
    TooManyChunks,
    WordTokens,
    chunk_document,
    split_sections,
)
from ragtune.corpus.frontmatter import (
    MetadataError,
    normalize_date,
    normalize_metadata,
    split_front_matter,
)
from ragtune.corpus.loaders import Document, LoadError, Problem, SourceFile, html_to_text
from ragtune.errors import RagtuneError
from ragtune.eval.qa import QAItem, dumps_qa, load_qa
from ragtune.index import filters
from ragtune.strategies.spec import PIPELINES, StrategySpec, parse_spec, parse_specs

settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("long", max_examples=2000, deadline=None, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# ------------------------------------------------------------------ generators

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_KEYWORDS = {"and", "or", "not", "in", "nin", "contains", "exists", "true", "false"}
field_names = st.from_regex(r"[a-z_][a-z0-9_]{0,7}", fullmatch=True).filter(
    lambda s: s not in _KEYWORDS and s != "collection"
)
dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))
safe_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12
).filter(lambda s: s.strip() == s and s and not ('"' in s and "'" in s))
filter_values = (
    st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).filter(lambda x: x == x)
    | st.booleans()
    | safe_text
    | dates.map(dt.date.isoformat)
)
ordered_values = (
    st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)
    | dates.map(dt.date.isoformat)
)


@st.composite
def leaves(draw, single_op: bool = False):
    field = draw(field_names)
    kind = draw(st.sampled_from(["eq", "ne", "contains", "cmp", "in", "nin", "exists"]))
    if kind == "cmp":
        ops = draw(st.lists(st.sampled_from(["gt", "gte", "lt", "lte"]), min_size=1,
                            max_size=1 if single_op else 2, unique=True))  # fmt: skip
        return {"field": field, **{op: draw(ordered_values) for op in ops}}
    if kind in ("in", "nin"):
        return {"field": field, kind: draw(st.lists(filter_values, min_size=1, max_size=3))}
    if kind == "exists":
        return {"field": field, "exists": True if single_op else draw(st.booleans())}
    return {"field": field, kind: draw(filter_values)}


def valid_filters(single_op: bool = False):
    return st.recursive(
        leaves(single_op),
        lambda inner: (
            st.builds(lambda xs: {"and": xs}, st.lists(inner, min_size=1, max_size=3))
            | st.builds(lambda xs: {"or": xs}, st.lists(inner, min_size=1, max_size=3))
            | st.builds(lambda x: {"not": x}, inner)
        ),
        max_leaves=6,
    )


field_values = st.dictionaries(
    field_names,
    filter_values | st.lists(filter_values, max_size=3) | st.none(),
    max_size=4,
)

# ------------------------------------------------------------------ filters


@given(json_values)
@example({"and": []})
@example({"field": "x", "gt": float("nan")})
@example({"field": "x", "eq": 2**80})
@example([[[{"not": {"not": {"field": "x", "exists": True}}}]]])
def test_filter_normalize_accepts_or_refuses_cleanly(value):
    try:
        out = filters.normalize(value)
    except RagtuneError:
        return
    assert out is None or isinstance(out, dict)
    if out is not None:
        assert filters.normalize(out) == out  # canonical form is a fixed point
        filters.matches(out, {})


@given(valid_filters())
def test_valid_filters_round_trip(flt):
    """Valid filters normalise; the canonical form is a fixed point and survives JSON."""
    norm = filters.normalize(flt)
    assert filters.normalize(norm) == norm
    assert json.loads(json.dumps(norm)) == norm
    assert filters.fields_of(norm) == filters.fields_of(flt)


@given(valid_filters(), field_values)
def test_filter_semantics(flt, fields):
    norm = filters.normalize(flt)
    result = filters.matches(norm, fields)
    assert filters.matches({"not": norm}, fields) is (not result)
    assert filters.matches({"and": [norm, norm]}, fields) is result
    assert filters.matches({"or": [norm, {"not": norm}]}, fields) is True


def _render(flt) -> str:
    """A canonical single-operator filter as a --where expression."""
    if "and" in flt or "or" in flt:
        op = "and" if "and" in flt else "or"
        return "(" + f" {op} ".join(_render(x) for x in flt[op]) + ")"
    if "not" in flt:
        return f"not ({_render(flt['not'])})"
    field = flt["field"]
    ((op, value),) = [(k, v) for k, v in flt.items() if k != "field"]
    if op == "exists":
        return f"{field} exists"
    if op in ("in", "nin"):
        return f"{field} {op} (" + ", ".join(_lit(v) for v in value) + ")"
    sym = {"eq": "=", "ne": "!=", "gt": ">", "gte": ">=", "lt": "<", "lte": "<=", "contains": "contains"}
    return f"{field} {sym[op]} {_lit(value)}"


def _lit(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    return f"'{v}'" if '"' in v else f'"{v}"'


def _simplify(flt):
    """`{"and": [x]}` is x (what parse_where returns for `(x)`)."""
    for op in ("and", "or"):
        if op in flt:
            items = [_simplify(x) for x in flt[op]]
            return items[0] if len(items) == 1 else {op: items}
    if "not" in flt:
        return {"not": _simplify(flt["not"])}
    return flt


@given(valid_filters(single_op=True))
def test_where_expressions_round_trip(flt):
    norm = filters.normalize(flt)
    assert filters.parse_where(_render(norm)) == _simplify(norm)


@given(st.text(max_size=60))
@example("(" * 200 + "a = 1" + ")" * 200)
@example("not " * 200 + "a = 1")
@example("a in (")
@example("x > 1e999")
def test_where_and_cli_filter_parse_or_refuse(text):
    for parse in (filters.parse_where, filters.parse_cli_filter):
        try:
            out = parse(text)
        except RagtuneError:
            continue
        assert filters.normalize(out) == out


@given(field_names, st.sampled_from(["=", "!=", ">", ">=", "<", "<=", "~"]), ordered_values)
def test_cli_filter_numbers_and_dates(field, op, value):
    text = f"{field}{op}{value}"
    flt = filters.parse_cli_filter(text)
    (bound,) = [v for k, v in flt.items() if k != "field"]
    assert bound == value or (isinstance(bound, float) and math.isclose(bound, float(value)))


# ------------------------------------------------------------------ dates


@given(dates, st.sampled_from(["%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y"]))
def test_date_formats_normalise_to_iso(date, fmt):
    assert normalize_date(date.strftime(fmt)) == date.isoformat()


@given(st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30),
                    timezones=st.none() | st.timezones()))  # fmt: skip
def test_datetimes_normalise_and_are_fixed_points(value):
    iso = normalize_date(value.isoformat())
    if iso is not None:
        assert normalize_date(iso) == iso
        assert dt.datetime.fromisoformat(iso) == value or value.tzinfo is not None


@given(st.text(max_size=40) | json_scalars)
@example("9999-12-31T23:59:59-23:59")  # not representable in UTC: not a date
@example("0001-01-01T00:00:00+01:00")
def test_normalize_date_never_raises(value):
    iso = normalize_date(value)
    if iso is not None:
        assert normalize_date(iso) == iso
        filters.matches({"field": "d", "gte": iso}, {"d": iso})  # comparable in UTC


# ------------------------------------------------------------------ front matter and metadata

printable_text = st.text(  # PyYAML itself does not round-trip NEL, BOM, line separators
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cf")), max_size=20
)
yaml_scalars = (
    st.none() | st.booleans() | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False) | printable_text | dates
)  # fmt: skip
yaml_keys = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,10}", fullmatch=True)
metadata = st.dictionaries(
    yaml_keys, yaml_scalars | st.lists(yaml_scalars, max_size=3), max_size=5
)
bodies = st.text(max_size=200).map(lambda s: s.lstrip("-\ufeff"))


@given(metadata, bodies)
def test_front_matter_round_trips(meta, body):
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    got, rest = split_front_matter(text)
    assert got == meta and rest == body
    norm = normalize_metadata(got)
    json.dumps(norm, allow_nan=False)  # payload-safe
    assert normalize_metadata(norm) == norm  # idempotent


@given(st.text(max_size=300))
@example("---\ndate: 2024-13-45\n---\nbody")
@example("---\nx: " + "[" * 3000 + "\n---\nbody")
@example("---\n!!python/object/apply:os.system [echo]\n---\nb")
def test_front_matter_parses_or_refuses(text):
    try:
        meta, body = split_front_matter("---\n" + text)
        normalize_metadata(meta)
    except MetadataError:  # FrontMatterError is one
        return
    assert isinstance(meta, dict) and isinstance(body, str)


@given(st.dictionaries(st.text(max_size=10), json_values, max_size=6))
def test_normalize_metadata_is_json_and_idempotent(meta):
    try:
        norm = normalize_metadata(meta)
    except MetadataError:
        return
    json.dumps(norm, allow_nan=False)
    assert normalize_metadata(norm) == norm
    assert all(k and not re.search(r'[.\[\]"\\]', k) for k in norm)


# ------------------------------------------------------------------ QA JSONL

qa_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(
    lambda s: s.strip()
)


@st.composite
def qa_items(draw, i: int = 0):
    answers = draw(st.lists(qa_text, max_size=3))
    options = None
    if answers and draw(st.booleans()):
        options = [answers[0], *draw(st.lists(qa_text, min_size=1, max_size=3))]
    return QAItem(
        id=draw(qa_text),
        question=draw(qa_text),
        answers=answers,
        type=draw(st.sampled_from(["single_hop", "multi_hop", "temporal"])) if answers else "unanswerable",
        evidence=draw(st.lists(qa_text, max_size=2)),
        options=options,
        meta=draw(st.dictionaries(st.sampled_from(["note", "source", "split"]), qa_text, max_size=2)),
    )


def _write(data: bytes | str, suffix: str) -> Path:
    fd, name = tempfile.mkstemp(suffix=suffix)
    with os.fdopen(fd, "wb") as f:
        f.write(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return Path(name)


@given(st.lists(qa_items(), min_size=1, max_size=5, unique_by=lambda q: q.id))
@example([QAItem("q", "Which?", ["⓵"], options=["⓵", "2"])])  # answer_tokens did int("⓵")
def test_qa_jsonl_round_trips(items):
    path = _write(dumps_qa(items), ".jsonl")
    try:
        assert [q.to_dict() for q in load_qa(path)] == [q.to_dict() for q in items]
    finally:
        path.unlink()


@given(st.lists(st.text(max_size=60) | json_values.map(json.dumps), max_size=5))
@example(['{"id": "a", "question": "q\u2028?", "answers": ["x"]}'])  # U+2028 is not a line break
@example(["[" * 5000 + "]" * 5000])
@example(['{"id": 1, "question": "q", "answers": [' + "9" * 5000 + "]}"])
def test_qa_jsonl_loads_or_refuses(lines):
    path = _write("\n".join(lines), ".jsonl")
    try:
        items = load_qa(path)
    except RagtuneError:
        return
    finally:
        path.unlink()
    assert all(isinstance(q, QAItem) and q.question.strip() for q in items)


# ------------------------------------------------------------------ strategy specs

names = st.from_regex(r"[A-Za-z0-9_.\-]{1,12}", fullmatch=True)


@given(st.builds(StrategySpec, st.sampled_from(PIPELINES), st.none() | names, st.none() | names))
def test_strategy_specs_round_trip(spec):
    assert parse_spec(str(spec)) == spec
    assert parse_specs(f"{spec} {spec}") == [spec, spec]


@given(st.text(max_size=40))
@example("rag@adapter=a\n,program=b")  # a newline inside a name
@example("rag@@")
@example(",")
def test_strategy_specs_parse_or_refuse(text):
    for parse in (parse_spec, parse_specs):
        try:
            out = parse(text)
        except RagtuneError:
            continue
        for spec in out if isinstance(out, list) else [out]:
            assert parse_spec(str(spec)) == spec


# ------------------------------------------------------------------ loaders on arbitrary bytes

_FORMAT_OF = {".md": "md", ".txt": "txt", ".html": "html", ".pdf": "pdf",
              ".jsonl": "jsonl", ".json": "json", ".csv": "csv"}  # fmt: skip
file_bytes = (
    st.binary(max_size=400)
    | st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass"))
    | json_values.map(lambda v: json.dumps(v).encode())
    | st.lists(json_values.map(json.dumps), max_size=5).map(lambda xs: "\n".join(xs).encode())
    | st.text(max_size=200).map(lambda s: ("\ufeff" + s).encode("utf-16"))
    | st.builds(lambda a, b: b"%PDF-1.4\n" + a + b"%%EOF", st.binary(max_size=200), st.none())
)


@given(file_bytes, st.sampled_from(sorted(_FORMAT_OF)))
@example(b"[" * 100_000, ".json")
@example(b'{"text": "x", "n": ' + b"9" * 5000 + b"}", ".jsonl")
@example(b'{"text": "lone \\ud800"}', ".jsonl")
@example(b"---\ndate: 2024-02-30\n---\nx", ".md")
@example(b"\xff\xfe\x00\xd8", ".md")
@example(b'a,"b\n', ".csv")
def test_loaders_yield_documents_or_problems(data, suffix):
    path = _write(data, suffix)
    src = SourceFile(path, path.name, _FORMAT_OF[suffix], len(data), 0)
    try:
        items = list(loaders.iter_documents(src))
    except LoadError as e:
        assert e.reason and e.kind in ("skipped", "failed")
        return
    finally:
        path.unlink()
    for item in items:
        assert isinstance(item, (Document, Problem))
        if isinstance(item, Document):
            assert item.text.strip() and item.content_hash  # hashable: valid Unicode
            assert len(item.title) <= loaders.MAX_TITLE_CHARS
            json.dumps(item.metadata, allow_nan=False)


# ------------------------------------------------------------------ HTML


_HTML_BITS = [*"<>/!-?&#;ab \n\"'=", "<p>", "</p>", "<script>", "</script>", "<!--", "-->",
              "<h1>", "</h1>", "<title>", "</title>", "<br/>", "&amp;", "<head>", "<body>"]  # fmt: skip


@given(st.lists(st.sampled_from(_HTML_BITS), max_size=80).map("".join))
def test_html_to_text_never_fails(markup):
    title, text = html_to_text(markup)
    assert isinstance(title, str) and isinstance(text, str)
    assert "\n\n\n" not in text and text == text.strip()


_INLINE = ["b", "i", "em", "span", "a"]
_BLOCK = ["p", "div", "li", "section"]
words = st.text(alphabet=string.ascii_letters + "  ,.", min_size=1, max_size=12)


def _trees(depth: int = 3):
    leaf = words.map(lambda w: w)
    return st.recursive(
        leaf,
        lambda inner: st.builds(
            lambda tag, kids: f"<{tag}>{''.join(kids)}</{tag}>",
            st.sampled_from(_INLINE + _BLOCK + ["h2", "script", "style"]),
            st.lists(inner, min_size=1, max_size=3),
        ),
        max_leaves=12,
    )


@given(st.lists(_trees(), min_size=1, max_size=4), st.none() | words)
def test_html_text_equals_a_tree_parser_on_well_formed_pages(body, title):
    """The streaming extractor matches BeautifulSoup (the tree parser it replaced, which was
    quadratic in nesting) on well-formed pages whose headings are not nested in other tags."""
    from bs4 import BeautifulSoup

    assume(not any(re.search(r"<h2>.*<(p|div|li|section|h2)>", t) for t in body))
    page = (f"<html><head><title>{title}</title></head>" if title else "") + "<body>" + "".join(body) + "</body></html>"
    soup = BeautifulSoup(page, "html.parser")
    want_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(["script", "style", "noscript", "template", "head", "svg"]):
        tag.decompose()
    for h in soup.find_all("h2"):  # inline text stays together: "A<b>A</b>" is "AA" (the old
        h.replace_with(f"\n\n## {' '.join(h.get_text().split())}\n\n")  # code said "A A")
    for tag in soup.find_all(_BLOCK):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in soup.get_text().splitlines()]
    want = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    got_title, got = html_to_text(page)
    norm = lambda s: " ".join(s.split())  # noqa: E731 - bs4 joins heading words with spaces
    assert norm(got) == norm(want), page
    assert got_title == " ".join(want_title.split()), page


# ------------------------------------------------------------------ chunking

paragraph_words = st.lists(
    st.text(alphabet=string.ascii_letters + string.digits + ".,!?'\"()", min_size=1, max_size=14),
    min_size=1,
    max_size=40,
).map(" ".join)
sections = st.lists(
    st.tuples(
        st.none() | st.tuples(st.integers(1, 3), st.text(string.ascii_letters + " ", min_size=1, max_size=10).filter(str.strip)),
        st.lists(paragraph_words, min_size=1, max_size=4),
    ),
    min_size=1,
    max_size=4,
)


def _render_doc(secs) -> str:
    out = []
    for head, paras in secs:
        if head:
            out.append("#" * head[0] + " " + head[1])
        out.extend(paras)
    return "\n\n".join(out)


class CharTokens:
    """Every visible character a token: the most hostile tokenizer for budgets and hard splits
    (whitespace is no token, as in every real tokenizer)."""

    def count(self, text: str) -> int:
        return sum(not c.isspace() for c in text)

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [(i, i + 1) for i, c in enumerate(text) if not c.isspace()]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _assert_tiles(chunks, body: str) -> None:
    """Chunks cover the body in order: each chunk (whitespace aside) is a piece of the body
    that starts at or before where the previous one ended (overlap), never before it began."""
    stream = "".join(_squash(s.text) for s in split_sections(body))
    start = end = 0
    for i, c in enumerate(chunks):
        piece = _squash(c.text)
        assert piece, "empty chunk"
        at = 0 if i == 0 else stream.rfind(piece, start, end + len(piece))
        assert at >= 0 and stream.startswith(piece, at), f"chunk {i} is not where it belongs"
        start, end = at, at + len(piece)
    assert end == len(stream)


@given(sections, st.integers(16, 96), st.integers(0, 24), st.sampled_from(["word", "char"]),
       st.text(max_size=30))  # fmt: skip
@example([(None, ["000000?) 0"])], 16, 0, "word", "")  # closing brackets after ? were dropped
def test_chunks_cover_the_document_in_order_within_size(secs, size, overlap, tok_kind, title):
    tokens = WordTokens() if tok_kind == "word" else CharTokens()
    body = _render_doc(secs)
    doc = Document("d", body, title, {"k": 1}, "d.md", "md")
    config = ChunkingConfig(size, overlap)
    chunks = chunk_document(doc, tokens, config)
    assert [c.position for c in chunks] == list(range(len(chunks)))
    assert len({c.id for c in chunks}) == len(chunks)
    assert all(tokens.count(c.text) <= size for c in chunks)
    assert all(len(c.text) <= size * MAX_CHARS_PER_TOKEN for c in chunks)
    if _squash(body.replace("#", "")):
        _assert_tiles(chunks, body)
    assert [c.id for c in chunk_document(doc, tokens, config)] == [c.id for c in chunks]


@given(sections, sections, paragraph_words, st.integers(16, 64))
def test_chunk_ids_stable_under_unrelated_edits(before, after, edit, size):
    """Editing one section leaves the ids of the sections before it alone, and those after
    it too when the edited section keeps its number of chunks; appending never moves ids."""
    tokens, config = WordTokens(), ChunkingConfig(size, 8)
    middle = [(1, "Edited section")]
    after = [((1, "After"), after[0][1]), *after[1:]]  # a heading ends the edited section
    doc = lambda secs: Document("d", _render_doc(secs), "T", {}, "d.md", "md")  # noqa: E731
    original = before + [(middle[0], ["The original paragraph."])] + after
    edited = before + [(middle[0], ["The original paragraph.", edit])] + after
    a = chunk_document(doc(original), tokens, config)
    b = chunk_document(doc(edited), tokens, config)
    n_before = len(chunk_document(doc(before), tokens, config))
    assert [c.id for c in a[:n_before]] == [c.id for c in b[:n_before]]
    n_mid_a = len(chunk_document(doc(before + [(middle[0], ["The original paragraph."])]), tokens, config))
    n_mid_b = len(chunk_document(doc(before + [(middle[0], ["The original paragraph.", edit])]), tokens, config))
    if n_mid_a == n_mid_b:
        assert [c.id for c in a[n_mid_a:]] == [c.id for c in b[n_mid_b:]]
    appended = chunk_document(doc(original + [((2, "Appendix"), [edit])]), tokens, config)
    assert [c.id for c in appended[: len(a)]] == [c.id for c in a]


@given(st.integers(1, 200_000), st.sampled_from(["x", "ab ", "# ", "\n", "a. B"]))
@settings(max_examples=25)
def test_long_runs_are_split_and_bounded(n, unit):
    """A single huge line or word never becomes one chunk (a 30 MB line did)."""
    text = (unit * n)[:200_000].strip() or "x"
    doc = Document("d", text, "", {}, "d.txt", "txt")
    config = ChunkingConfig(32, 4)
    try:
        chunks = chunk_document(doc, WordTokens(), config, max_chunks=5000)
    except TooManyChunks:
        return
    assert all(len(c.text) <= 32 * MAX_CHARS_PER_TOKEN for c in chunks)
    body = "".join(_squash(s.text) for s in split_sections(text))  # heading lines aside
    assert sum(len(_squash(c.text)) for c in chunks) >= len(body)


def test_max_chunks_stops_early():
    doc = Document("d", "word " * 100_000, "", {}, "d.txt", "txt")
    with pytest.raises(TooManyChunks):
        chunk_document(doc, WordTokens(), ChunkingConfig(16, 0), max_chunks=10)


@given(st.text(max_size=30), st.lists(qa_text, min_size=1, max_size=2))
@example("⓵ 12 ²", ["⓵"])  # int("⓵") raised: scoring crashed on a prediction with such a digit
def test_scoring_never_raises(prediction, answers):
    from ragtune.eval.metrics import is_correct

    item = QAItem("q", "Which?", answers, options=[answers[0], "other"])
    assert is_correct(item, prediction, False) in (True, False)
