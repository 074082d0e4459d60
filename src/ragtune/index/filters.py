"""Metadata filters: one JSON-able format, validated here, translated by each store.

The format (docs/FILTERS.md has the full reference) is what the CLI parses into, what the
agentic strategy emits and what every `VectorStore` must honour:

    {"field": "year", "gte": 2024}                       comparison (eq ne gt gte lt lte)
    {"field": "year", "gte": 2020, "lt": 2024}           several bounds on one field
    {"field": "tags", "contains": "finance"}             list membership
    {"field": "region", "in": ["eu", "us"]}              any of (also "nin": none of)
    {"field": "author", "exists": true}                  field present (or absent: false)
    {"and": [F, ...]}  {"or": [F, ...]}  {"not": F}      combinators
    {"year": 2024, "tags": "finance"}                    shorthand: equality, AND-ed
    [F, F]                                               a list is an AND

Equality against a list-valued field (tags) means membership. Dates are ISO strings and compare
as dates; numbers compare as numbers. `doc_id`, `title` and `heading` are filterable like
metadata. The collection is not a filter: it is chosen separately and always enforced.

Also here: `parse_cli_filter("year>=2024")`, `parse_where("year >= 2024 and not draft = true")`
and `matches(filter, fields)`, the reference semantics every backend is tested against.
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable, Iterable

from ragtune.corpus.frontmatter import INT64, normalize_date
from ragtune.errors import InputError
from ragtune.types import Filter

COMPARISONS = ("eq", "ne", "gt", "gte", "lt", "lte")
LEAF_OPS = (*COMPARISONS, "in", "nin", "contains", "exists")
RESERVED = ("doc_id", "title", "heading")  # chunk fields that filter like metadata
HINT = "see docs/FILTERS.md for the filter format"
MAX_DEPTH = 32  # nesting of and/or/not (a deeper filter is refused, not a stack overflow)


# ------------------------------------------------------------------ validation / normal form


def normalize(flt: Any) -> Filter | None:
    """Validate a filter and bring it to one canonical shape (raises InputError).

    Canonical: {"and"|"or": [...]}, {"not": F}, or a leaf {"field": name, op: value, ...}.
    """
    if flt is None or flt == {} or flt == []:
        return None
    return _norm(flt, "filter")


def _norm(f: Any, where: str, depth: int = 0) -> Filter:
    if depth > MAX_DEPTH:
        raise InputError(f"{where}: filter nested more than {MAX_DEPTH} levels deep", HINT)
    if isinstance(f, list):
        if not f:
            raise InputError(f"{where}: an empty list inside a filter", HINT)
        return {"and": [_norm(x, f"{where}[{i}]", depth + 1) for i, x in enumerate(f)]}
    if not isinstance(f, dict):
        raise InputError(f"{where}: expected an object, got {type(f).__name__} {f!r}", HINT)
    if "and" in f or "or" in f:
        op = "and" if "and" in f else "or"
        if len(f) != 1:
            raise InputError(f"{where}: `{op}` must be the only key in its object", HINT)
        items = f[op]
        if not isinstance(items, list) or not items:
            raise InputError(f"{where}.{op}: expected a non-empty list of filters", HINT)
        return {op: [_norm(x, f"{where}.{op}[{i}]", depth + 1) for i, x in enumerate(items)]}
    if "not" in f:
        if len(f) != 1:
            raise InputError(f"{where}: `not` must be the only key in its object", HINT)
        return {"not": _norm(f["not"], f"{where}.not", depth + 1)}
    if "field" in f:
        return _leaf(f, where)
    # shorthand {"year": 2024, "tags": ["a", "b"]}
    if not f:
        raise InputError(f"{where}: an empty object inside a filter", HINT)
    leaves = []
    for key, value in f.items():
        op = "in" if isinstance(value, list) else "eq"
        leaves.append(_leaf({"field": key, op: value}, f"{where}.{key}"))
    return leaves[0] if len(leaves) == 1 else {"and": leaves}


def _leaf(f: dict[str, Any], where: str) -> Filter:
    field = f["field"]
    if not isinstance(field, str) or not field.strip():
        raise InputError(f"{where}: `field` must be a non-empty string", HINT)
    if field == "collection":
        raise InputError(
            "`collection` is not a filter field",
            "choose the collection with --collection (or the `collection` argument)",
        )
    ops = {k: v for k, v in f.items() if k != "field"}
    unknown = [k for k in ops if k not in LEAF_OPS]
    if unknown:
        raise InputError(
            f"{where}: unknown operator `{unknown[0]}` for field `{field}` "
            f"(known: {', '.join(LEAF_OPS)})",
            HINT,
        )
    if not ops:
        raise InputError(f"{where}: no condition for field `{field}`", HINT)
    out: dict[str, Any] = {"field": field}
    for op, value in ops.items():
        if op in ("in", "nin"):
            if not isinstance(value, list) or not value:
                raise InputError(f"{where}: `{op}` needs a non-empty list", HINT)
            out[op] = [_scalar(v, where, op) for v in value]
        elif op == "exists":
            if not isinstance(value, bool):
                raise InputError(f"{where}: `exists` takes true or false", HINT)
            out[op] = value
        else:
            out[op] = _scalar(value, where, op)
            if op in ("gt", "gte", "lt", "lte") and isinstance(out[op], bool):
                raise InputError(f"{where}: `{op}` needs a number or a date", HINT)
            if op in ("gt", "gte", "lt", "lte") and isinstance(out[op], str):
                if normalize_date(out[op]) is None:
                    raise InputError(
                        f"{where}: `{op}` compares numbers or dates; `{out[op]}` is neither", HINT
                    )
                out[op] = normalize_date(out[op])
    return out


def _scalar(value: Any, where: str, op: str) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        raise InputError(f"{where}: `{op}` takes a finite number, not {value!r}", HINT)
    if isinstance(value, int) and not isinstance(value, bool) and not INT64[0] <= value <= INT64[1]:
        value = str(value)  # as metadata keeps it (stores hold 64-bit integers)
    if isinstance(value, (str, int, float, bool)):
        if isinstance(value, str):
            date = normalize_date(value)
            return date if date is not None else value
        return value
    raise InputError(f"{where}: `{op}` takes a string, number or boolean, not {value!r}", HINT)


def value_type(value: Any) -> str | None:
    """The kind a metadata value is filtered as (keyword, number, datetime, bool), None when
    it has none (a mixed list, null). A store types a field by the first value it sees."""
    if isinstance(value, list):
        types = {value_type(v) for v in value} - {None}
        return types.pop() if len(types) == 1 else None
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "datetime" if normalize_date(value) == value and value[:1].isdigit() else "keyword"
    return None


def fields_of(flt: Filter | None) -> set[str]:
    if not flt:
        return set()
    if "field" in flt:
        return {flt["field"]}
    if "not" in flt:
        return fields_of(flt["not"])
    return set().union(*(fields_of(x) for x in flt.get("and") or flt.get("or") or []))


def rename_fields(flt: Filter | None, mapping: dict[str, str]) -> Filter | None:
    """The same filter with field names replaced (used to resolve `tag` -> `tags`)."""
    if not flt:
        return flt
    if "field" in flt:
        return {**flt, "field": mapping.get(flt["field"], flt["field"])}
    if "not" in flt:
        return {"not": rename_fields(flt["not"], mapping)}
    op = "and" if "and" in flt else "or"
    return {op: [rename_fields(x, mapping) for x in flt[op]]}


# ------------------------------------------------------------------ reference semantics


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    if isinstance(a, str) and isinstance(b, str):
        da, db = normalize_date(a), normalize_date(b)
        if da and db:
            return _date_key(da) == _date_key(db)
        return a == b
    return False


def _date_key(iso: str) -> str:
    # date-only values compare as midnight UTC (what the stores do with them)
    from datetime import datetime, timezone

    d = datetime.fromisoformat(iso)
    if d.tzinfo is None:
        d = d.replace(tzinfo=timezone.utc)
    return d.astimezone(timezone.utc).isoformat()


def _compare(value: Any, op: str, bound: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(bound, (int, float)) and isinstance(value, (int, float)):
        a, b = float(value), float(bound)
    elif isinstance(bound, str) and isinstance(value, str):
        dv = normalize_date(value)
        if dv is None:
            return False
        a, b = _date_key(dv), _date_key(bound)  # type: ignore[assignment]
    else:
        return False
    return {"gt": a > b, "gte": a >= b, "lt": a < b, "lte": a <= b}[op]


def matches(flt: Filter | None, fields: dict[str, Any]) -> bool:
    """Does a chunk with these fields (metadata plus doc_id/title/heading) pass the filter?"""
    if not flt:
        return True
    if "and" in flt:
        return all(matches(x, fields) for x in flt["and"])
    if "or" in flt:
        return any(matches(x, fields) for x in flt["or"])
    if "not" in flt:
        return not matches(flt["not"], fields)
    present = flt["field"] in fields and fields[flt["field"]] not in (None, [])
    values = _as_list(fields.get(flt["field"])) if present else []
    for op, bound in flt.items():
        if op == "field":
            continue
        if op == "exists":
            ok = present == bound
        elif op in ("eq", "contains"):
            ok = any(_equal(v, bound) for v in values)
        elif op == "ne":
            ok = not any(_equal(v, bound) for v in values)
        elif op == "in":
            ok = any(_equal(v, b) for v in values for b in bound)
        elif op == "nin":
            ok = not any(_equal(v, b) for v in values for b in bound)
        else:
            ok = any(_compare(v, op, bound) for v in values)
        if not ok:
            return False
    return True


# ------------------------------------------------------------------ CLI syntax


_CLI = re.compile(r"^\s*([A-Za-z_][\w./-]*)\s*(>=|<=|!=|=|>|<|~)\s*(.*?)\s*$")
_CLI_OPS = {"=": "eq", "!=": "ne", ">": "gt", ">=": "gte", "<": "lt", "<=": "lte", "~": "contains"}


def parse_value(text: str) -> Any:
    """A CLI value: quoted -> string; true/false; integer; float; ISO date; else string."""
    t = text.strip()
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "\"'":
        return t[1:-1]
    low = t.lower()
    if low in ("true", "false"):
        return low == "true"
    if re.fullmatch(r"[+-]?\d+", t):
        return int(t)
    if re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+|\d+(?=[eE]))([eE][+-]?\d+)?", t):
        return float(t)
    return t


def parse_cli_filter(text: str) -> Filter:
    """`year>=2024`, `tag=finance`, `region=eu,us` (any of), `tags~finance`, `title!=Draft`."""
    m = _CLI.match(text)
    if not m or not m.group(3):
        raise InputError(
            f"cannot read --filter {text!r}",
            "write FIELD OP VALUE with OP one of = != > >= < <= ~, e.g. --filter year>=2024",
        )
    field, op, raw = m.groups()
    op = _CLI_OPS[op]
    if op in ("eq", "ne") and "," in raw and raw[0] not in "\"'":
        values = [parse_value(v) for v in raw.split(",") if v.strip()]
        return normalize({"field": field, "in" if op == "eq" else "nin": values})  # type: ignore[return-value]
    return normalize({"field": field, op: parse_value(raw)})  # type: ignore[return-value]


_TOKEN = re.compile(
    r"\s*(?:(?P<str>\"[^\"]*\"|'[^']*')|(?P<op>>=|<=|!=|=|>|<|~|\(|\)|,)|(?P<word>[^\s()=<>!~,\"']+))"
)


def _tokens(expr: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    while pos < len(expr):
        if expr[pos:].strip() == "":
            break
        m = _TOKEN.match(expr, pos)
        if not m:
            raise InputError(f"--where: cannot read {expr[pos:]!r}", HINT)
        kind = m.lastgroup or "word"
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def parse_where(expr: str) -> Filter:
    """`year >= 2024 and (tags = finance or not region in (eu, us))` -> filter."""
    toks = _tokens(expr)
    pos = 0

    def peek(value: str | None = None) -> bool:
        if pos >= len(toks):
            return False
        kind, text = toks[pos]
        return value is None or (text.lower() == value and kind in ("word", "op"))

    def take(value: str | None = None) -> str:
        nonlocal pos
        if pos >= len(toks) or (value is not None and not peek(value)):
            got = toks[pos][1] if pos < len(toks) else "end of expression"
            raise InputError(f"--where: expected {value or 'a value'}, got {got!r} in {expr!r}", HINT)
        pos += 1
        return toks[pos - 1][1]

    def joined(word: str, operand: Callable[[], Filter]) -> Filter:
        """operand (word operand)*: one item as itself, several as {word: [...]}."""
        items = [operand()]
        while peek(word):
            take(word)
            items.append(operand())
        return items[0] if len(items) == 1 else {word: items}

    def expr_or() -> Filter:
        return joined("or", expr_and)

    def expr_and() -> Filter:
        return joined("and", expr_not)

    depth = 0

    def expr_not() -> Filter:
        nonlocal depth
        depth += 1
        if depth > MAX_DEPTH:
            raise InputError(f"--where: nested more than {MAX_DEPTH} levels deep", HINT)
        try:
            if peek("not"):
                take("not")
                return {"not": expr_not()}
            if peek("("):
                take("(")
                inner = expr_or()
                take(")")
                return inner
            return comparison()
        finally:
            depth -= 1

    def comparison() -> Filter:
        field = take()
        if peek("in") or peek("nin"):
            op = take().lower()
            take("(")
            values = [parse_value(take())]
            while peek(","):
                take(",")
                values.append(parse_value(take()))
            take(")")
            return {"field": field, op: values}
        if peek("contains"):
            take("contains")
            return {"field": field, "contains": parse_value(take())}
        if peek("exists"):
            take("exists")
            return {"field": field, "exists": True}
        if pos < len(toks) and toks[pos][0] == "op" and toks[pos][1] in _CLI_OPS:
            op = _CLI_OPS[take()]
            return {"field": field, op: parse_value(take())}
        got = toks[pos][1] if pos < len(toks) else "end of expression"
        raise InputError(
            f"--where: expected an operator after `{field}`, got {got!r}",
            "operators: = != > >= < <= ~ in (...) contains exists; combine with and/or/not",
        )

    if not toks:
        raise InputError("--where: empty expression", HINT)
    result = expr_or()
    if pos != len(toks):
        raise InputError(f"--where: unexpected {toks[pos][1]!r} in {expr!r}", HINT)
    return normalize(result)  # type: ignore[return-value]


def combine(filters: Iterable[Filter | None]) -> Filter | None:
    """AND together (repeated --filter, --where, a filter argument); None when empty."""
    items = [f for f in (normalize(x) for x in filters) if f]
    if not items:
        return None
    return items[0] if len(items) == 1 else {"and": items}
