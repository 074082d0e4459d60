"""results.json's schema (shipped in the package, published as docs/results.schema.json) and a
small validator for the subset of JSON Schema it uses, so `ragtune report` can say clearly
what is wrong with a hand-edited or foreign file without a jsonschema dependency.

    python -m ragtune.arena.schema > docs/results.schema.json   # a test checks it is current
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def schema_text() -> str:
    return resources.files("ragtune.arena").joinpath("results.schema.json").read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    return json.loads(schema_text())


def _is(value: Any, typ: str) -> bool:
    if typ == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if typ == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[typ])


def validate(obj: Any, schema: dict[str, Any] | None = None) -> list[str]:
    """Problems as `path: message` strings (empty when valid)."""
    root = schema or load_schema()
    problems: list[str] = []

    def resolve(s: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in s:
            ref = s["$ref"]
            node: Any = root
            for part in ref.lstrip("#/").split("/"):
                node = node[part]
            s = {**node, **{k: v for k, v in s.items() if k != "$ref"}}
        return s

    def check(value: Any, s: dict[str, Any], path: str) -> None:
        s = resolve(s)
        types = s.get("type")
        if types is not None:
            types = [types] if isinstance(types, str) else types
            if not any(_is(value, t) for t in types):
                problems.append(f"{path}: expected {' or '.join(types)}, got {type(value).__name__}")
                return
        if "enum" in s and value not in s["enum"]:
            problems.append(f"{path}: {value!r} is not one of {s['enum']}")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and "minimum" in s:
            if value < s["minimum"]:
                problems.append(f"{path}: {value} is below {s['minimum']}")
        if isinstance(value, dict):
            for key in s.get("required", []):
                if key not in value:
                    problems.append(f"{path}: missing `{key}`")
            props = s.get("properties", {})
            extra = s.get("additionalProperties", True)
            for key, v in value.items():
                if key in props:
                    check(v, props[key], f"{path}.{key}")
                elif isinstance(extra, dict):
                    check(v, extra, f"{path}.{key}")
                elif extra is False:
                    problems.append(f"{path}: unexpected key `{key}`")
        if isinstance(value, list):
            if "minItems" in s and len(value) < s["minItems"]:
                problems.append(f"{path}: needs at least {s['minItems']} items")
            if "maxItems" in s and len(value) > s["maxItems"]:
                problems.append(f"{path}: allows at most {s['maxItems']} items")
            if "items" in s:
                for i, v in enumerate(value):
                    check(v, s["items"], f"{path}[{i}]")

    check(obj, root, "results")
    return problems


if __name__ == "__main__":
    print(schema_text(), end="")
