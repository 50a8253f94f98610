"""``compiled-ai diff A B`` on artifacts compiled with scripted model replies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiled_ai.artifacts.diff import diff_artifacts, json_diff
from compiled_ai.artifacts.store import read_verified, write_artifact
from compiled_ai.cli.main import cli
from compiled_ai.compiler import compile_spec
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.spec import load_spec
from tests.prior_auth_replies import CORRECT, SPEC_PATH, UNSAFE

VARIANT = CORRECT.replace("if bmi >= 30:", "if 30 <= bmi:")
NEW_FIXTURE = """  - name: added_in_1_1
    input: {has_t2d_diagnosis: false, current_a1c: 5.5, bmi: 45.0, has_step_therapy_failure: true}
    expected: {decision: approve, reason_code: BMI_AND_STEP_THERAPY}
"""


def _build(root: Path, name: str, spec_text: str, replies: list[str]) -> Path:
    spec_path = root / f"{name}.yaml"
    spec_path.write_text(spec_text, encoding="utf-8")
    compiled = compile_spec(load_spec(spec_path), spec_path.read_bytes(),
                            ScriptedProvider(replies))
    write_artifact(root / name, compiled.files, compiled.manifest)
    return root / name


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("diff")
    original = SPEC_PATH.read_text(encoding="utf-8")
    changed = (original.replace("version: 1.0.0", "version: 1.1.0")
               .replace("return the first that matches.", "return the first rule that matches.")
               .replace("fixtures:\n", "fixtures:\n" + NEW_FIXTURE, 1))
    return {
        "a": _build(root, "a", original, [CORRECT]),
        "retried": _build(root, "retried", original, [UNSAFE, CORRECT]),
        "b": _build(root, "b", changed, [VARIANT]),
    }


def invoke(*args: object):
    env = {"COMPILED_AI_DEBUG": None, "NO_COLOR": "1", "COLUMNS": "300"}
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def test_same_artifact_is_identical(artifacts, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(artifacts["a"], copy)
    assert diff_artifacts(read_verified(artifacts["a"]), read_verified(copy)) == []
    result = invoke("diff", artifacts["a"], copy)
    assert result.exit_code == 0 and "identical" in result.stdout


def test_spec_code_and_validation_changes_are_named(artifacts):
    changes = diff_artifacts(read_verified(artifacts["a"]), read_verified(artifacts["b"]))
    by_path = {(c.section, c.path): c for c in changes}
    assert by_path[("spec", "version")].before == "1.0.0"
    assert by_path[("spec", "version")].after == "1.1.0"
    assert "first rule that matches" in by_path[("spec", "steps[decide].intent")].after
    added = by_path[("spec", "fixtures[added_in_1_1]")]
    assert added.kind == "added" and added.after["expected"]["decision"] == "approve"
    code = by_path[("code", "steps[decide]")]
    assert "-    if bmi >= 30:" in code.diff and "+    if 30 <= bmi:" in code.diff
    assert by_path[("validation", "steps.decide.fixtures")].after == \
        by_path[("validation", "steps.decide.fixtures")].before + 1
    assert ("model", "model") not in by_path  # same (scripted) model
    assert {c.section for c in changes} >= {"spec", "code", "validation", "files"}


def test_a_retried_compile_shows_attempts_first_pass_and_tokens(artifacts):
    changes = diff_artifacts(read_verified(artifacts["a"]), read_verified(artifacts["retried"]))
    by_path = {(c.section, c.path): c for c in changes}
    assert not [c for c in changes if c.section in ("spec", "code")]  # same spec, same code
    assert (by_path[("validation", "steps.decide.attempts")].before,
            by_path[("validation", "steps.decide.attempts")].after) == (1, 2)
    security = by_path[("validation", "steps.decide.first_pass.security")]
    assert (security.before, security.after) == (True, False)
    calls = by_path[("tokens", "calls")]
    assert (calls.before, calls.after) == (1, 2)
    assert ("files", "compile_log.jsonl") in by_path


def test_cli_human_output_and_exit_1(artifacts):
    result = invoke("diff", artifacts["a"], artifacts["b"])
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "~ version: \"1.0.0\" -> \"1.1.0\"" in out
    assert "+ fixtures[added_in_1_1]" in out
    assert "+    if 30 <= bmi:" in out
    assert "change(s)" in out


def test_cli_json_output(artifacts):
    result = invoke("diff", artifacts["a"], artifacts["retried"], "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["identical"] is False
    assert data["a"]["artifact_sha256"] == read_verified(artifacts["a"]).artifact_sha256
    assert {"section": "tokens", "path": "calls", "kind": "changed", "before": 1,
            "after": 2} in data["changes"]
    only = json.loads(invoke("diff", artifacts["a"], artifacts["b"], "--json",
                             "--section", "code").stdout)
    assert {c["section"] for c in only["changes"]} == {"code"}


def test_cli_bad_usage_and_tampering(artifacts, tmp_path):
    missing = invoke("diff", artifacts["a"], tmp_path / "nothing")
    assert missing.exit_code == 2 and "not an artifact" in missing.stderr
    assert invoke("diff", artifacts["a"]).exit_code == 2  # click: missing argument
    tampered = tmp_path / "tampered"
    shutil.copytree(artifacts["a"], tampered)
    (tampered / "steps" / "decide.py").write_text("x = 1\n")
    result = invoke("diff", artifacts["a"], tampered)
    assert result.exit_code == 3 and "modified" in result.stderr


def test_json_diff_matches_lists_by_id_and_keeps_types_apart():
    a = {"steps": [{"id": "x", "n": 1}, {"id": "y", "n": True}], "tags": ["p", "q"]}
    b = {"steps": [{"id": "y", "n": 1}, {"id": "x", "n": 1}], "tags": ["p"]}
    assert json_diff(a, b) == [("steps[y].n", "changed", True, 1),
                               ("tags", "changed", ["p", "q"], ["p"])]
