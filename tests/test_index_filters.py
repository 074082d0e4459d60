"""The filter format: validation, CLI and --where parsing, reference semantics (docs/FILTERS.md)."""

from __future__ import annotations

import pytest

from ragtune.errors import InputError
from ragtune.index import filters as F


def test_cli_filters():
    assert F.parse_cli_filter("year>=2024") == {"field": "year", "gte": 2024}
    assert F.parse_cli_filter("tag=finance") == {"field": "tag", "eq": "finance"}
    assert F.parse_cli_filter("region=eu,us") == {"field": "region", "in": ["eu", "us"]}
    assert F.parse_cli_filter("region!=eu,us") == {"field": "region", "nin": ["eu", "us"]}
    assert F.parse_cli_filter("tags~finance") == {"field": "tags", "contains": "finance"}
    assert F.parse_cli_filter("draft=false") == {"field": "draft", "eq": False}
    assert F.parse_cli_filter('title="2024"') == {"field": "title", "eq": "2024"}
    assert F.parse_cli_filter("date<2024/03/01") == {"field": "date", "lt": "2024-03-01"}
    assert F.parse_cli_filter("score<0.5") == {"field": "score", "lt": 0.5}
    for bad in ("year", "year>=", ">=3", "name>bob"):
        with pytest.raises(InputError):
            F.parse_cli_filter(bad)


def test_where_precedence_and_forms():
    got = F.parse_where("year >= 2024 and (tags contains finance or not region in (eu, us))")
    assert got == {
        "and": [
            {"field": "year", "gte": 2024},
            {"or": [
                {"field": "tags", "contains": "finance"},
                {"not": {"field": "region", "in": ["eu", "us"]}},
            ]},
        ]
    }  # fmt: skip
    assert F.parse_where("a = 1 or b = 2 and c = 3") == {
        "or": [{"field": "a", "eq": 1}, {"and": [{"field": "b", "eq": 2}, {"field": "c", "eq": 3}]}]
    }
    assert F.parse_where("not draft = true and author exists") == {
        "and": [{"not": {"field": "draft", "eq": True}}, {"field": "author", "exists": True}]
    }
    assert F.parse_where("title = 'two words'") == {"field": "title", "eq": "two words"}
    for bad in ("", "year >=", "(year = 1", "year 2024", "year = 1 extra", "a in ()"):
        with pytest.raises(InputError):
            F.parse_where(bad)


def test_normalize_validates_with_paths():
    assert F.normalize(None) is None and F.normalize({}) is None
    assert F.normalize({"year": 2024, "tags": ["a", "b"]}) == {
        "and": [{"field": "year", "eq": 2024}, {"field": "tags", "in": ["a", "b"]}]
    }
    cases = [
        ({"field": "year", "bigger": 1}, "unknown operator `bigger`"),
        ({"and": []}, "non-empty list"),
        ({"or": [{"field": "x", "in": []}]}, "filter.or[0]: `in` needs a non-empty list"),
        ({"field": "x", "gte": "soon"}, "neither"),
        ({"field": "x", "gte": True}, "needs a number or a date"),
        ({"field": "collection", "eq": "a"}, "not a filter field"),
        ({"field": "x", "eq": {"a": 1}}, "takes a string, number or boolean"),
        ("year>3", "expected an object"),
    ]
    for flt, message in cases:
        with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
            F.normalize(flt)


def test_reference_semantics():
    doc = {"year": 2024, "tags": ["finance", "tax"], "date": "2024-03-05", "draft": False, "n": 0.5}
    yes = [
        {"field": "tags", "eq": "tax"},
        {"field": "tags", "ne": "travel"},
        {"field": "year", "gt": 2023.5},
        {"field": "date", "eq": "2024-03-05T00:00:00Z"},
        {"field": "date", "lt": "2024-03-05T00:00:01+00:00"},
        {"field": "draft", "eq": False},
        {"field": "author", "exists": False},
        {"field": "author", "ne": "ann"},
        {"not": {"field": "year", "eq": "2024"}},  # text is not a number
    ]
    no = [
        {"field": "draft", "eq": 0},  # a boolean is not a number
        {"field": "year", "eq": "2024"},
        {"field": "tags", "nin": ["tax"]},
        {"field": "n", "gte": "2024-01-01"},
        {"field": "author", "eq": "ann"},
    ]
    for flt in yes:
        assert F.matches(F.normalize(flt), doc), flt
    for flt in no:
        assert not F.matches(F.normalize(flt), doc), flt
