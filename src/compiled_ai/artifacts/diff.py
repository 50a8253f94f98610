"""What changed between two verified artifacts, section by section.

Sections, in the order a reviewer asks about them:

  spec        structured diff of spec.json: name, version, schemas, steps (matched
              by id), fixtures (matched by name), tolerances, compliance tags
  code        unified diff of every step's code
  model       provider, model, model sha256, compiler version
  templates   template id (and version) of every step
  modules     module operations each step's code is given (``uses``)
  compliance  sha256 of every compliance prompt block
  validation  per step: attempts, passed, first-pass result of every stage; the
              validation settings; input-gate warnings
  tokens      compile-time token counts and calls
  files       any file whose hash differs (the compile log included)

Lists of objects are matched by their ``id`` or ``name`` when every element has one,
so inserting a fixture reports one addition rather than shifting every index.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.artifacts.manifest import SPEC_FILE, StepRecord
from compiled_ai.artifacts.store import VerifiedArtifact

Kind = Literal["added", "removed", "changed"]
SECTIONS = ("spec", "code", "model", "templates", "modules", "compliance", "validation", "tokens",
            "files")
STAGES = ("security", "syntax", "execution", "accuracy")


@dataclass(frozen=True)
class Change:
    section: str
    path: str
    kind: Kind
    before: Any = None
    after: Any = None
    diff: str | None = None  # unified diff, for code

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None or k in ("before",
                                                                              "after")}


def diff_artifacts(a: VerifiedArtifact, b: VerifiedArtifact) -> list[Change]:
    """Every difference between ``a`` and ``b``; empty when they are the same artifact."""
    if a.artifact_sha256 == b.artifact_sha256:
        return []
    ma, mb = a.manifest, b.manifest
    changes = [Change("spec", p, k, x, y)
               for p, k, x, y in json_diff(a.json_file(SPEC_FILE), b.json_file(SPEC_FILE))]
    if ma.spec_sha256 != mb.spec_sha256 and not changes:
        changes.append(Change("spec", "source", "changed", ma.spec_sha256, mb.spec_sha256))
    changes += _code(a, b)
    model_a = {**ma.provider, "compiler_version": ma.compiler_version}
    model_b = {**mb.provider, "compiler_version": mb.compiler_version}
    changes += [Change("model", p, k, x, y) for p, k, x, y in json_diff(model_a, model_b)]
    changes += [Change("templates", p, k, x, y) for p, k, x, y in json_diff(
        {s.id: s.template for s in ma.steps}, {s.id: s.template for s in mb.steps})]
    changes += [Change("modules", p, k, x, y) for p, k, x, y in json_diff(
        {s.id: s.uses for s in ma.steps if s.uses}, {s.id: s.uses for s in mb.steps if s.uses})]
    changes += [Change("compliance", p, k, x, y)
                for p, k, x, y in json_diff(ma.compliance, mb.compliance)]
    changes += [Change("validation", p, k, x, y) for p, k, x, y in json_diff(
        _validation(ma.steps, ma.validation, ma.input_gate),
        _validation(mb.steps, mb.validation, mb.input_gate))]
    changes += [Change("tokens", p, k, x, y) for p, k, x, y in json_diff(
        ma.tokens.model_dump(), mb.tokens.model_dump())]
    changes += [Change("files", p, k, x, y) for p, k, x, y in json_diff(ma.files, mb.files)]
    return changes


def _code(a: VerifiedArtifact, b: VerifiedArtifact) -> list[Change]:
    files_a = {s.id: s.file for s in a.manifest.steps}
    files_b = {s.id: s.file for s in b.manifest.steps}
    changes = []
    for step in sorted(files_a.keys() | files_b.keys()):
        old = a.files[files_a[step]].decode("utf-8") if step in files_a else ""
        new = b.files[files_b[step]].decode("utf-8") if step in files_b else ""
        if old == new:
            continue
        kind: Kind = "added" if step not in files_a else "removed" if step not in files_b \
            else "changed"
        diff = "".join(difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True),
            fromfile=f"a/{files_a.get(step, '/dev/null')}",
            tofile=f"b/{files_b.get(step, '/dev/null')}"))
        changes.append(Change("code", f"steps[{step}]", kind, diff=diff))
    return changes


def _validation(steps: list[StepRecord], settings: dict[str, Any],
                gate: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "steps": {s.id: {"attempts": len(s.attempts),
                         "first_pass": {stage: s.first_pass.get(stage) for stage in STAGES},
                         "fixtures": s.fixtures, "holdout_fixtures": s.holdout_fixtures}
                  for s in steps},
        "settings": settings,
        "input_gate_warnings": len(gate),
    }


def json_diff(a: Any, b: Any, path: str = "") -> list[tuple[str, Kind, Any, Any]]:
    """(path, kind, before, after) for every leaf where ``a`` and ``b`` differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        return _pairs(a, b, lambda key: f"{path}.{key}" if path else str(key))
    if isinstance(a, list) and isinstance(b, list):
        field = _match_field(a)
        if field is not None and field == _match_field(b):
            return _pairs({item[field]: item for item in a}, {item[field]: item for item in b},
                          lambda key: f"{path}[{key}]")
        if len(a) == len(b):
            return [d for i, (x, y) in enumerate(zip(a, b, strict=True))
                    for d in json_diff(x, y, f"{path}[{i}]")]
    if canonical_json(a) == canonical_json(b):  # True and 1 differ here, as they should
        return []
    return [(path, "changed", a, b)]


def _pairs(a: dict[Any, Any], b: dict[Any, Any],
           name: Callable[[Any], str]) -> list[tuple[str, Kind, Any, Any]]:
    out: list[tuple[str, Kind, Any, Any]] = []
    for key in sorted(a.keys() | b.keys(), key=str):
        if key not in b:
            out.append((name(key), "removed", a[key], None))
        elif key not in a:
            out.append((name(key), "added", None, b[key]))
        else:
            out += json_diff(a[key], b[key], name(key))
    return out


def _match_field(items: list[Any]) -> str | None:
    """``id`` or ``name`` when every element is an object with a distinct value of it."""
    for field in ("id", "name"):
        if items and all(isinstance(i, dict) and isinstance(i.get(field), str) for i in items) \
                and len({i[field] for i in items}) == len(items):
            return field
    return None
