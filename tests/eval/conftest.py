"""Shared fixtures: a prior-auth artifact compiled from scripted replies, and inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from compiled_ai.artifacts.store import write_artifact
from compiled_ai.compiler import compile_spec
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.spec import load_spec
from tests.prior_auth_replies import CORRECT, SPEC_PATH, UNSAFE


@pytest.fixture(scope="session")
def fixtures() -> list[dict]:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))["fixtures"]


@pytest.fixture(scope="session")
def scripted_artifact(tmp_path_factory) -> Path:
    """Compiled on the second attempt: the first reply imports os and fails security."""
    spec = load_spec(SPEC_PATH)
    compiled = compile_spec(spec, SPEC_PATH.read_bytes(), ScriptedProvider([UNSAFE, CORRECT]))
    target = tmp_path_factory.mktemp("eval-artifact") / "prior_auth"
    write_artifact(target, compiled.files, compiled.manifest)
    return target


@pytest.fixture
def inputs_file(tmp_path, fixtures) -> Path:
    """Four fixtures as eval inputs with their expected outputs (JSONL)."""
    path = tmp_path / "inputs.jsonl"
    path.write_text("".join(json.dumps({"name": f["name"], "input": f["input"],
                                        "expected": f["expected"]}) + "\n"
                            for f in fixtures[:4]), encoding="utf-8")
    return path
