"""JSON Schema checks shared by the runtime and the compiler's execution stage."""

from __future__ import annotations

from typing import Any, TypeAlias

from jsonschema import Draft202012Validator


def result_schema(outputs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The schema a step's return value must satisfy: exactly the declared fields."""
    return {"type": "object", "properties": outputs, "required": list(outputs),
            "additionalProperties": False}


Schema: TypeAlias = "dict[str, Any] | Draft202012Validator"


def violation(schema: Schema, value: Any) -> tuple[str, str] | None:
    """The first violation as (path, message), or None when ``value`` is valid.

    ``schema`` may be a validator built once (the runtime checks every run against the
    same schemas). The message may quote the offending value; the path never does.
    """
    validator = schema if isinstance(schema, Draft202012Validator) else \
        Draft202012Validator(schema)
    error = next(iter(validator.iter_errors(value)), None)
    if error is None:
        return None
    return "/".join(str(p) for p in error.absolute_path) or "(top level)", error.message


def first_error(schema: Schema, value: Any) -> str | None:
    """The first violation as ``path: message``, or None when ``value`` is valid."""
    found = violation(schema, value)
    return None if found is None else f"{found[0]}: {found[1]}"
