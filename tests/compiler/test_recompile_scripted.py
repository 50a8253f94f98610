"""``recompile --check``: rebuild an artifact from its own spec source and compile log.

The original artifacts are compiled with a ScriptedProvider (scripted model replies).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiled_ai.artifacts.manifest import COMPILE_LOG, MANIFEST, SPEC_SOURCE
from compiled_ai.artifacts.store import read_verified, write_artifact
from compiled_ai.cli.main import cli
from compiled_ai.compiler import CompileOptions, compile_spec
from compiled_ai.compiler.recompile import NotReproducible, check
from compiled_ai.errors import InputError
from compiled_ai.providers.base import Message
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.spec import load_spec
from tests.artifacts.rehash import rewrite_and_rehash
from tests.prior_auth_replies import CORRECT, SPEC_PATH, UNSAFE

# the same rules, written differently: passes every stage, but is other code
VARIANT = CORRECT.replace("if bmi >= 30:", "if 30 <= bmi:")


@pytest.fixture(scope="module")
def compiled():
    # two attempts (the first is refused by the security stage): the rebuild must replay both
    return compile_spec(load_spec(SPEC_PATH), SPEC_PATH.read_bytes(),
                        ScriptedProvider([UNSAFE, CORRECT]))


@pytest.fixture
def artifact(compiled, tmp_path) -> Path:
    target = tmp_path / "artifact"
    write_artifact(target, compiled.files, compiled.manifest)
    return target


def invoke(tmp_path: Path, *args: object):
    env = {"COMPILED_AI_HOME": str(tmp_path / "home"), "COMPILED_AI_CACHE": str(tmp_path / "c"),
           "COMPILED_AI_DEBUG": None, "NO_COLOR": "1", "COLUMNS": "300"}
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def error_line(result, code: int) -> str:
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def test_artifact_keeps_the_spec_source_that_spec_sha256_names(artifact):
    verified = read_verified(artifact)
    assert verified.files[SPEC_SOURCE] == SPEC_PATH.read_bytes()


def test_replayed_rebuild_is_byte_identical(artifact, tmp_path):
    report = check(artifact, keep=tmp_path / "rebuilt")
    assert report.identical and report.original_sha256 == report.rebuilt_sha256
    assert sorted(p.name for p in (tmp_path / "rebuilt").iterdir()) == sorted(
        p.name for p in artifact.iterdir())


def test_cli_recompile_check_passes_on_an_untouched_artifact(artifact, tmp_path):
    result = invoke(tmp_path, "recompile", "--check", artifact)
    assert result.exit_code == 0, result.output
    assert "identical" in result.stdout


def test_changed_code_is_reported_by_name(artifact, tmp_path):
    step = artifact / "steps" / "decide.py"
    rewrite_and_rehash(artifact, "steps/decide.py",
                       step.read_bytes().replace(b"bmi >= 30:", b"bmi > 30:"))
    read_verified(artifact)  # consistent: the hash check alone cannot see it
    line = error_line(invoke(tmp_path, "recompile", "--check", artifact), 1)
    assert "not byte-identical" in line
    assert "steps/decide.py" in line and "manifest.json" in line
    assert "compile_log.jsonl" not in line


def test_tampered_and_rehashed_compile_log_is_reported(artifact, tmp_path):
    log_lines = (artifact / COMPILE_LOG).read_bytes().split(b"\n")
    record = json.loads(log_lines[2])  # the second call: the answer that passed
    record["response"]["text"] = VARIANT
    log_lines[2] = json.dumps(record, sort_keys=True, separators=(",", ":")).encode()
    rewrite_and_rehash(artifact, COMPILE_LOG, b"\n".join(log_lines))
    with pytest.raises(NotReproducible) as caught:
        check(artifact)
    message = str(caught.value)
    assert "steps/decide.py" in message and "manifest.json" in message
    assert "compile_log.jsonl" not in message  # replay re-records the log it was given


def test_compile_log_missing_an_answer_is_reported(artifact):
    log_lines = (artifact / COMPILE_LOG).read_bytes().split(b"\n")
    rewrite_and_rehash(artifact, COMPILE_LOG, b"\n".join(log_lines[:2]) + b"\n")
    with pytest.raises(NotReproducible, match="did not complete: replay: request"):
        check(artifact)


def test_live_provider_that_still_writes_the_same_code_reproduces_it_scripted(artifact):
    assert check(artifact, provider=ScriptedProvider([UNSAFE, CORRECT])).identical


def test_live_provider_that_now_writes_other_code_is_reported_scripted(artifact):
    with pytest.raises(NotReproducible) as caught:
        check(artifact, provider=ScriptedProvider([UNSAFE, VARIANT]))
    assert "steps/decide.py" in str(caught.value)
    assert "compile_log.jsonl" in str(caught.value)


def test_artifact_without_spec_source_is_a_clear_usage_error(artifact, tmp_path):
    data = json.loads((artifact / MANIFEST).read_bytes())
    del data["files"][SPEC_SOURCE]
    (artifact / SPEC_SOURCE).unlink()
    (artifact / MANIFEST).write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    with pytest.raises(InputError, match="has no spec.yaml"):
        check(artifact)
    assert "has no spec.yaml" in error_line(invoke(tmp_path, "recompile", "--check", artifact), 2)


def test_cli_usage_errors(artifact, tmp_path):
    assert "--check" in error_line(invoke(tmp_path, "recompile", artifact), 2)
    assert "elsewhere" in error_line(invoke(tmp_path, "recompile", artifact, "-o", artifact), 2)
    assert "not an artifact" in error_line(
        invoke(tmp_path, "recompile", "--check", tmp_path / "nothing"), 3)


def test_cli_recompile_keeps_the_rebuild_for_diffing(artifact, tmp_path):
    out = tmp_path / "kept"
    result = invoke(tmp_path, "recompile", artifact, "-o", out)
    assert result.exit_code == 0, result.output
    assert (out / MANIFEST).read_bytes() == (artifact / MANIFEST).read_bytes()


@pytest.mark.parametrize("demonstration", [
    (),  # as artifacts compiled before the compiler showed a worked example
    (Message(role="user", content="Task: add one."),
     Message(role="assistant", content="```python\ndef f(x: int) -> int:\n    return x + 1\n```")),
], ids=["none", "custom"])
def test_rebuild_shows_the_demonstration_the_original_compile_showed_scripted(
        demonstration, tmp_path):
    compiled = compile_spec(load_spec(SPEC_PATH), SPEC_PATH.read_bytes(),
                            ScriptedProvider([UNSAFE, CORRECT]),
                            CompileOptions(demonstration=demonstration))
    target = tmp_path / "artifact"
    write_artifact(target, compiled.files, compiled.manifest)
    assert check(target).identical  # replay finds every request: same prompt, same retries
