"""Compile a spec file with scripted model replies and write the artifact: shared by tests
that need a real, verified artifact but not a real model."""

from __future__ import annotations

from pathlib import Path

from compiled_ai.artifacts.store import write_artifact
from compiled_ai.compiler import compile_spec
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.spec import load_spec


def compile_scripted(spec_path: Path, replies: list[str], target: Path) -> Path:
    compiled = compile_spec(load_spec(spec_path), spec_path.read_bytes(),
                            ScriptedProvider(replies))
    write_artifact(target, compiled.files, compiled.manifest)
    return target
