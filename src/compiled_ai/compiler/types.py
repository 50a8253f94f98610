"""Map a step's JSON Schema fields to Python type annotations for its template."""

from __future__ import annotations

from typing import Any

_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool",
            "null": "None", "object": "dict[str, Any]"}


def annotation(schema: dict[str, Any]) -> str:
    """``{"type": ["number", "null"]}`` -> ``"float | None"``; unknown shapes -> ``Any``."""
    kinds = schema.get("type")
    if kinds is None and "enum" in schema:
        kinds = sorted({_json_kind(value) for value in schema["enum"]})
    if kinds is None:
        return "Any"
    if isinstance(kinds, str):
        kinds = [kinds]
    parts = []
    for kind in kinds:
        if kind == "array":
            items = schema.get("items")
            parts.append(f"list[{annotation(items) if isinstance(items, dict) else 'Any'}]")
        else:
            parts.append(_SCALARS.get(kind, "Any"))
    if "None" in parts:  # keep None last: "float | None"
        parts = [p for p in parts if p != "None"] + ["None"]
    return " | ".join(dict.fromkeys(parts))


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string"
