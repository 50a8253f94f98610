"""Write an artifact from a spec and hand-written step code, without the compiler.

Executor tests need artifacts whose step code they control exactly (to check
ordering, merges and failures); the compiler's own tests cover how code gets there.
The artifact is complete and hash-verified like a compiled one.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from compiled_ai.artifacts.canonical import canonical_json, sha256_bytes
from compiled_ai.artifacts.manifest import COMPILE_LOG, SPEC_FILE, Manifest, StepRecord, TokenUsage
from compiled_ai.artifacts.store import read_verified, write_artifact
from compiled_ai.runtime.executor import Workflow
from compiled_ai.spec import parse_spec


def build_artifact(target: Path, spec_yaml: str, code: dict[str, str]) -> Path:
    """``code`` maps each compiled step id to its module source (dedented)."""
    spec = parse_spec(textwrap.dedent(spec_yaml))
    files = {SPEC_FILE: canonical_json(spec.model_dump(mode="json", by_alias=True)),
             COMPILE_LOG: b""}
    records = []
    for step in spec.compiled_steps():
        source = textwrap.dedent(code[step.id]).encode("utf-8")
        files[f"steps/{step.id}.py"] = source
        records.append(StepRecord(
            id=step.id, kind=step.kind, template="sync_handler@1", file=f"steps/{step.id}.py",
            function=step.id, code_sha256=sha256_bytes(source), attempts=[], first_pass={},
            fixtures=0, holdout_fixtures=0))
    manifest = Manifest(
        compiler_version="test", workflow={"name": spec.name, "version": spec.version},
        spec_sha256=sha256_bytes(spec_yaml.encode()), provider={"provider": "hand-written"},
        compliance={}, steps=records, tokens=TokenUsage(input_tokens=0, output_tokens=0,
                                                          calls=0),
        validation={}, files={name: sha256_bytes(data) for name, data in sorted(files.items())})
    write_artifact(target, files, manifest)
    return target


def workflow(target: Path, spec_yaml: str, code: dict[str, str], **options: object) -> Workflow:
    return Workflow(read_verified(build_artifact(target, spec_yaml, code)), **options)  # type: ignore[arg-type]
