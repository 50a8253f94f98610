"""Load a spec from YAML and report any problem as one line: file, line and field.

YAML is parsed twice from the same text: once into plain data for pydantic, once
into a node tree whose marks give the line of every key, so a validation error at
``steps[0].inputs`` can point at the line where that key is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from compiled_ai._io import read_limited
from compiled_ai.errors import SpecError
from compiled_ai.spec.models import NODE_KINDS, LocatedError, Spec

MAX_SPEC_BYTES = 2_000_000


def load_spec(path: str | Path) -> Spec:
    """Read and validate the spec at ``path``; raise SpecError with a located message."""
    path = Path(path)
    raw = read_limited(path, MAX_SPEC_BYTES, SpecError)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    return parse_spec(text, str(path))


def parse_spec(text: str, source: str = "<spec>") -> Spec:
    """Validate spec ``text``; ``source`` names it in error messages."""
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SpecError(f"{source}{where}: invalid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise SpecError(f"{source}:1: a spec must be a YAML mapping of keys to values")
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        # a misspelt key also shows up as a missing one: report the typo first
        error = min(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        cause = (error.get("ctx") or {}).get("error")
        loc = tuple(error["loc"]) + (cause.loc if isinstance(cause, LocatedError) else ())
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown key (check the spelling; see `compiled-ai spec schema`)"
        elif error["type"] == "node_kind":
            loc += ("kind",)
        elif error["type"] == "missing":
            message = "required key is missing"
        more = f" (and {exc.error_count() - 1} more problem(s))" if exc.error_count() > 1 else ""
        raise SpecError(f"{_locate(source, root, loc)}: {message}{more}") from None
    _check_fixtures(spec, source, root)
    return spec


def _check_fixtures(spec: Spec, source: str, root: yaml.Node | None) -> None:
    checks = (("input", spec.input_schema), ("expected", spec.output_schema))
    for index, fixture in enumerate(spec.fixtures):
        for key, schema in checks:
            errors = Draft202012Validator(schema).iter_errors(getattr(fixture, key))
            error = next(iter(errors), None)
            if error is not None:
                loc = ("fixtures", index, key, *error.absolute_path)
                raise SpecError(
                    f"{_locate(source, root, loc)}: fixture {fixture.name!r} does not match "
                    f"the {'input' if key == 'input' else 'output'} schema: {error.message}"
                )


def _locate(source: str, root: yaml.Node | None, loc: Sequence[Any]) -> str:
    """Render ``file:line: field.path`` for a pydantic/jsonschema error location.

    The line is that of the key of the deepest element the location reaches.
    """
    node, line = root, (root.start_mark.line + 1 if root is not None else 1)
    loc = [part for index, part in enumerate(loc) if not _is_tag(loc, index)]
    for part in loc:
        found = _child(node, part)
        if found is None:
            break
        key_node, node = found
        line = key_node.start_mark.line + 1
    field = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")
    return f"{source}:{line}: {field}" if field else f"{source}:{line}"


def _is_tag(loc: Sequence[Any], index: int) -> bool:
    """pydantic puts a node's kind (the union's tag) after its index; the YAML has no such key."""
    return (loc[index] in NODE_KINDS and index >= 2 and isinstance(loc[index - 1], int)
            and loc[index - 2] in ("steps", "branches"))


def _child(node: yaml.Node | None, part: Any) -> tuple[yaml.Node, yaml.Node] | None:
    """(key node, value node) of ``part`` in a mapping or sequence node."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return key, value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part], node.value[part]
    return None
