"""YAML front matter and metadata normalisation.

Metadata ends up as payload in the index and as the values filters compare against, so it is
normalised once, here: dates become ISO strings (so `date >= 2024-01-01` compares correctly),
keys lose characters that would read as payload paths, and anything that is not a scalar or a
list of scalars is kept as a JSON string (not lost, but not structurally filterable).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import yaml

_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)

# Formats accepted as dates in string values (whole-value matches only).
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
)
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_LOOKS_DATE = re.compile(r"^[\w ,/-]{6,30}$")


MAX_NODES = 10_000  # values in one document's metadata, nested ones counted
MAX_DEPTH = 32  # nesting of lists and mappings
INT64 = (-(2**63), 2**63 - 1)  # wider integers are kept as text (stores hold 64-bit ints)


class MetadataError(ValueError):
    """Metadata that cannot be used (too large or too deeply nested)."""


class FrontMatterError(MetadataError):
    """The front matter block is present but is not a YAML mapping."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return (metadata, body). No front matter: ({}, text)."""
    m = _FENCE.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise FrontMatterError(f"front matter is not valid YAML{where}: {_first_line(e)}")
    except RecursionError:
        raise FrontMatterError(f"front matter is nested too deeply (over {MAX_DEPTH} levels)")
    except (ValueError, OverflowError, TypeError) as e:  # e.g. `date: 2024-13-01`
        raise FrontMatterError(f"front matter has an impossible value: {_first_line(e)}")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a YAML mapping (key: value lines)")
    return data, text[m.end():]


def _first_line(e: Exception) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


def normalize_date(value: Any) -> str | None:
    """ISO form of a date/datetime (or a string that is one), else None.

    A datetime whose UTC form falls outside years 1-9999 (`9999-12-31T23:00-05:00`) is not
    a date: stores and filters compare dates in UTC."""
    if isinstance(value, dt.datetime):
        return value.isoformat() if _utc_ok(value) else None
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    s = value.strip()
    if _ISO_DATETIME.match(s):
        try:
            d = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            return None
        return d.isoformat() if _utc_ok(d) else None
    if not _LOOKS_DATE.match(s) or not any(c.isdigit() for c in s):
        return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _utc_ok(d: dt.datetime) -> bool:
    if d.tzinfo is None:
        return True
    try:
        d.astimezone(dt.timezone.utc)
        return True
    except (OverflowError, ValueError):
        return False


def normalize_key(key: Any) -> str:
    """Payload keys: dots, brackets, quotes and backslashes would read as path syntax."""
    return re.sub(r'[.\[\]"\\]', "_", str(key).strip())


def normalize_value(value: Any) -> Any:
    """A JSON-able, filterable value: scalars, ISO dates, lists of those, else a JSON string."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if INT64[0] <= value <= INT64[1] else str(value)
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else None
    date = normalize_date(value)
    if date is not None:
        return date
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, set)):
        items = [normalize_value(v) for v in value]
        if all(v is None or isinstance(v, (str, int, float, bool)) for v in items):
            return [v for v in items if v is not None]
        return json.dumps(items, default=str, sort_keys=True)
    if isinstance(value, dict):
        return json.dumps(value, default=str, sort_keys=True)
    return str(value)


# List-like keys where people often write "a, b, c" instead of a YAML list.
LIST_KEYS = {"tags", "keywords", "categories", "labels"}


def check_size(value: Any) -> None:
    """Raise MetadataError for a value with more than MAX_NODES parts or MAX_DEPTH levels
    (YAML aliases can make a few lines stand for billions of values; counting stops early)."""
    nodes, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise MetadataError(f"metadata has more than {MAX_NODES} values")
        if isinstance(item, dict):
            children: Any = [*item.keys(), *item.values()]
        elif isinstance(item, (list, tuple, set)):
            children = item
        else:
            continue
        if depth >= MAX_DEPTH:
            raise MetadataError(f"metadata is nested more than {MAX_DEPTH} levels deep")
        stack.extend((c, depth + 1) for c in children)


def normalize_metadata(data: dict[str, Any]) -> dict[str, Any]:
    """Filterable metadata (see the module doc); raises MetadataError for oversized input."""
    check_size(data)
    out: dict[str, Any] = {}
    for key, value in data.items():
        k = normalize_key(key)
        if not k:
            continue
        listed = k.lower() in LIST_KEYS
        if listed and isinstance(value, str):
            value = [t.strip() for t in value.split(",") if t.strip()]
        v = normalize_value(value)
        if listed and v is not None and not isinstance(v, list):  # `tags: 5`, `tags: {a: 1}`
            v = [v]  # always a list, so normalising twice changes nothing
        if v is not None:
            out[k] = v
    return out
