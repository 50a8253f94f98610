"""The `compiled-ai` CLI end to end, on an artifact compiled with a ScriptedProvider.

No test calls a real model: `compile` is only exercised on bad specs, with
`--provider replay`, or with make_provider patched to a ScriptedProvider.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiled_ai._version import __version__
from compiled_ai.cli import compile_cmd
from compiled_ai.cli.main import cli
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.runtime.audit import AuditLog
from tests.prior_auth_replies import CASES, CORRECT, SPEC_PATH, UNSAFE
from tests.scripted_artifact import compile_scripted


@pytest.fixture(scope="module")
def artifact(tmp_path_factory) -> Path:
    return compile_scripted(SPEC_PATH, [CORRECT],
                            tmp_path_factory.mktemp("cli-artifact") / "prior_auth")


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def invoke(tmp_path, home):
    runner = CliRunner()
    env = {"COMPILED_AI_HOME": str(home), "COMPILED_AI_CACHE": str(tmp_path / "cache"),
           "COMPILED_AI_DEBUG": None, "FORCE_COLOR": None, "TTY_COMPATIBLE": None,
           "COLUMNS": None, "NO_COLOR": "1"}

    def run(*args, input=None):
        return runner.invoke(cli, [str(a) for a in args], env=env, input=input)
    return run


def flat(text: str) -> str:
    """Rich wraps long lines at the console width; compare with whitespace collapsed."""
    return " ".join(text.split())


def write_json(path: Path, value) -> Path:
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def assert_clean_error(result, code: int, *needles: str) -> str:
    """Exit ``code``, a single non-empty line on stderr containing ``needles``, no traceback."""
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines[0]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert result.stdout == ""
    return lines[0]


# --- run ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("case, expected", [
    ("case1.json", {"decision": "approve", "reason_code": "BMI_AND_STEP_THERAPY"}),
    ("case2.json", {"decision": "approve", "reason_code": "T2D_DIAGNOSIS"}),
    ("case3.json", {"decision": "review", "reason_code": "SUSPICIOUS_A1C"}),
    ("case4.json", {"decision": "deny", "reason_code": "BMI_BELOW_30"}),
])
def test_scripted_run_prints_decision(invoke, artifact, home, case, expected):
    result = invoke("run", artifact, "--input", CASES / case)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == expected
    rows = list(AuditLog(home / "audit.sqlite").rows())
    assert len(rows) == 1 and rows[0]["outcome"] == "ok" and rows[0]["tokens"] == 0


@pytest.mark.parametrize("payload, expected", [
    ({"has_t2d_diagnosis": False}, {"decision": "review", "reason_code": "MISSING_BMI"}),
    ({"has_t2d_diagnosis": False, "bmi": 41.0, "has_step_therapy_failure": None},
     {"decision": "deny", "reason_code": "NO_STEP_THERAPY_FAILURE"}),
    ({"has_t2d_diagnosis": True, "current_a1c": 20, "bmi": 22.0},
     {"decision": "approve", "reason_code": "T2D_DIAGNOSIS"}),
])
def test_scripted_run_more_inputs(invoke, artifact, tmp_path, payload, expected):
    result = invoke("run", artifact, "--input", write_json(tmp_path / "in.json", payload))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == expected


def test_scripted_run_reads_stdin(invoke, artifact):
    result = invoke("run", artifact, "--input", "-",
                    input=json.dumps({"has_t2d_diagnosis": True}))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["reason_code"] == "T2D_DIAGNOSIS"


def test_scripted_run_isolated_gives_same_output(invoke, artifact):
    result = invoke("run", artifact, "--input", CASES / "case3.json", "--isolated", "--no-audit")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"decision": "review", "reason_code": "SUSPICIOUS_A1C"}


def test_scripted_run_no_audit_writes_no_log(invoke, artifact, home):
    result = invoke("run", artifact, "--input", CASES / "case1.json", "--no-audit")
    assert result.exit_code == 0
    assert not (home / "audit.sqlite").exists()


def test_scripted_run_audit_db_option(invoke, artifact, tmp_path, home):
    db = tmp_path / "elsewhere" / "log.sqlite"
    result = invoke("run", artifact, "--input", CASES / "case1.json", "--audit-db", db)
    assert result.exit_code == 0
    assert AuditLog(db).verify().rows == 1
    assert not (home / "audit.sqlite").exists()


def test_scripted_run_repeat_200_one_distinct_output(invoke, artifact, home):
    result = invoke("run", artifact, "--input", CASES / "case1.json", "--repeat", "200")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"decision": "approve",
                                         "reason_code": "BMI_AND_STEP_THERAPY"}
    assert "200 runs, 1 distinct output(s), 0 model tokens" in result.stderr
    report = AuditLog(home / "audit.sqlite").verify()
    assert report.ok and report.rows == 200


# --- audit -------------------------------------------------------------------------------------

def test_scripted_audit_verify_ok_then_broken(invoke, artifact, home):
    for case in ("case1.json", "case2.json", "case3.json"):
        assert invoke("run", artifact, "--input", CASES / case).exit_code == 0
    ok = invoke("audit", "verify")
    assert ok.exit_code == 0, ok.output
    assert "3 rows, chain intact" in flat(ok.stdout)

    db = sqlite3.connect(home / "audit.sqlite", isolation_level=None)
    db.execute("DROP TRIGGER records_no_update")
    db.execute("UPDATE records SET outcome = 'error' WHERE seq = 2")
    db.close()
    broken = invoke("audit", "verify")
    assert broken.exit_code == 3, broken.output
    assert "Traceback" not in broken.output
    assert "row 2: content does not match its hash (edited)" in flat(broken.stderr)
    assert "audit chain broken" in flat(broken.stderr)
    assert broken.stdout == ""


def test_scripted_audit_verify_explicit_db(invoke, artifact, tmp_path):
    db = tmp_path / "x.sqlite"
    assert invoke("run", artifact, "--input", CASES / "case1.json", "--audit-db", db).exit_code == 0
    result = invoke("audit", "verify", "--db", db)
    assert result.exit_code == 0
    assert "1 rows, chain intact" in flat(result.stdout)


def test_audit_verify_without_log_exits_3(invoke):
    assert_clean_error(invoke("audit", "verify"), 3, "no audit log")


def test_scripted_audit_list_shows_records(invoke, artifact, tmp_path):
    assert invoke("run", artifact, "--input", CASES / "case1.json").exit_code == 0
    assert invoke("run", artifact, "--input", CASES / "case2.json").exit_code == 0
    bad = write_json(tmp_path / "bad.json", {"bmi": 1})
    assert invoke("run", artifact, "--input", bad).exit_code == 2
    result = invoke("audit", "list")
    assert result.exit_code == 0, result.output
    assert re.findall(r"^\W\s*(\d+)\s*\W", result.stdout, re.MULTILINE) == ["1", "2", "3"]
    assert result.stdout.count(" ok ") == 2
    assert result.stdout.count(" error") == 1
    assert "glp1" in result.stdout
    limited = invoke("audit", "list", "--limit", "1")
    assert limited.exit_code == 0
    assert re.findall(r"^\W\s*(\d+)\s*\W", limited.stdout, re.MULTILINE) == ["3"]


def test_audit_list_without_log_exits_3(invoke):
    assert_clean_error(invoke("audit", "list"), 3, "no audit log")


# --- errors are one line, with the right exit code ---------------------------------------------

def test_scripted_tampered_artifact_run_exits_3(invoke, artifact, tmp_path, home):
    copy = tmp_path / "tampered"
    shutil.copytree(artifact, copy)
    step = copy / "steps" / "decide.py"
    step.write_bytes(step.read_bytes().replace(b'"BMI_BELOW_30"', b'"BMI_BELOW_31"'))
    result = invoke("run", copy, "--input", CASES / "case4.json")
    assert_clean_error(result, 3, "steps/decide.py", "modified")
    assert not (home / "audit.sqlite").exists()  # nothing ran, nothing recorded
    assert_clean_error(invoke("verify", copy), 3, "steps/decide.py")
    assert_clean_error(invoke("inspect", copy), 3, "steps/decide.py")


def test_run_missing_input_file_exits_2(invoke, artifact, tmp_path):
    missing = tmp_path / "nope.json"
    assert_clean_error(invoke("run", artifact, "--input", missing), 2, str(missing),
                       "no such file")


def test_run_invalid_json_exits_2(invoke, artifact, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"has_t2d_diagnosis": true,\n "bmi": }', encoding="utf-8")
    assert_clean_error(invoke("run", artifact, "--input", bad), 2, f"{bad}:2:", "invalid JSON")


def test_run_non_utf8_input_exits_2(invoke, artifact, tmp_path):
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"name": "Jos\xe9"}'.encode("latin-1"))
    assert_clean_error(invoke("run", artifact, "--input", bad), 2, "UTF-8")


@pytest.mark.parametrize("payload, field", [
    ({"has_t2d_diagnosis": "yes"}, "has_t2d_diagnosis"),
    ({"bmi": 30.0}, "has_t2d_diagnosis"),
    ({"has_t2d_diagnosis": True, "weight": 80}, "weight"),
    ([1, 2, 3], "object"),
])
def test_scripted_run_input_violating_schema_exits_2(invoke, artifact, tmp_path, home,
                                                     payload, field):
    path = write_json(tmp_path / "in.json", payload)
    line = assert_clean_error(invoke("run", artifact, "--input", path), 2, "input schema")
    assert field in line
    rows = list(AuditLog(home / "audit.sqlite").rows())  # the failed run is audited too
    assert [(r["outcome"], r["error_kind"]) for r in rows] == [("error", "InputError")]


def test_run_nonexistent_artifact_exits_3(invoke, tmp_path):
    where = tmp_path / "no-artifact"
    assert_clean_error(invoke("run", where, "--input", CASES / "case1.json"), 3,
                       str(where), "not an artifact")


def test_error_message_with_brackets_is_printed_verbatim(invoke, artifact, tmp_path):
    missing = tmp_path / "in[/x].json"
    assert_clean_error(invoke("run", artifact, "--input", missing), 2, str(missing))


def test_compile_bad_spec_exits_2_with_location(invoke, tmp_path):
    text = SPEC_PATH.read_text(encoding="utf-8").replace("  - id: decide", "  - id: Decide-It")
    spec = tmp_path / "bad.yaml"
    spec.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    line_no = next(n for n, line in enumerate(text.splitlines(), 1) if "Decide-It" in line)
    assert_clean_error(invoke("compile", spec, "-o", out), 2, f"{spec}:{line_no}:",
                       "steps[0].id")
    assert not out.exists()


def test_compile_yaml_error_exits_2_with_location(invoke, tmp_path):
    spec = tmp_path / "broken.yaml"
    spec.write_text("name: x\nversion: [1.0.0\nsteps: []\n", encoding="utf-8")
    assert_clean_error(invoke("compile", spec, "-o", tmp_path / "out"), 2, f"{spec}:",
                       "invalid YAML")


def test_compile_missing_spec_exits_2(invoke, tmp_path):
    assert_clean_error(invoke("compile", tmp_path / "none.yaml", "-o", tmp_path / "out"), 2,
                       "no such file")


def test_compile_replay_without_source_exits_2(invoke, tmp_path):
    assert_clean_error(invoke("compile", SPEC_PATH, "-o", tmp_path / "out", "--provider",
                              "replay"), 2, "--replay-from")


def test_scripted_compile_replay_reproduces_artifact(invoke, artifact, tmp_path):
    out = tmp_path / "replayed"
    result = invoke("compile", SPEC_PATH, "-o", out, "--provider", "replay",
                    "--replay-from", artifact)
    assert result.exit_code == 0, result.output
    assert "compiled" in result.stdout
    files = sorted(p.relative_to(artifact) for p in artifact.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    for name in files:
        assert (artifact / name).read_bytes() == (out / name).read_bytes(), name


def test_scripted_compile_failure_exits_4(invoke, tmp_path, monkeypatch):
    provider = ScriptedProvider([UNSAFE, UNSAFE, CORRECT])
    monkeypatch.setattr(compile_cmd, "make_provider", lambda *args, **kwargs: provider)
    out = tmp_path / "out"
    result = invoke("compile", SPEC_PATH, "-o", out, "--max-attempts", "2")
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    assert "attempt 1: failed at security" in result.stderr
    assert "attempt 2: failed at security" in result.stderr
    assert "SEC002" in result.stderr
    assert "error: step 'decide' failed validation on all 2 attempts" in result.stderr
    assert len(provider.requests) == 2
    assert not out.exists()


def test_scripted_compile_success_with_patched_provider(invoke, tmp_path, monkeypatch):
    provider = ScriptedProvider([UNSAFE, CORRECT])
    monkeypatch.setattr(compile_cmd, "make_provider", lambda *args, **kwargs: provider)
    out = tmp_path / "out"
    result = invoke("compile", SPEC_PATH, "-o", out)
    assert result.exit_code == 0, result.output
    assert "2 attempt(s)" in result.stdout
    assert (out / "manifest.json").is_file()
    again = invoke("run", out, "--input", CASES / "case2.json", "--no-audit")
    assert json.loads(again.stdout)["reason_code"] == "T2D_DIAGNOSIS"


# --- spec, inspect, verify ---------------------------------------------------------------------

def test_spec_check_ok(invoke):
    result = invoke("spec", "check", SPEC_PATH)
    assert result.exit_code == 0, result.output
    assert "ok" in result.stdout
    assert "glp1_prior_auth 1.0.0" in result.stdout
    assert "14 fixtures (4 holdout)" in result.stdout


def test_spec_check_bad_exits_2(invoke, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SPEC_PATH.read_text(encoding="utf-8").replace("version: 1.0.0",
                                                                 "version: 1.0"),
                   encoding="utf-8")
    assert_clean_error(invoke("spec", "check", bad), 2, f"{bad}:", "version")


def test_spec_schema_prints_valid_json(invoke):
    result = invoke("spec", "schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert {"name", "version", "steps", "fixtures", "input_schema", "output_schema"} <= set(
        schema["properties"])
    assert "FunctionStep" in schema["$defs"]


def test_scripted_inspect_shows_step_and_code(invoke, artifact):
    result = invoke("inspect", artifact)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "glp1_prior_auth" in out
    assert "decide" in out
    assert "sync_handler" in out
    assert "scripted:scripted" in out
    assert "steps/decide.py" in out
    assert "def decide(" in out
    assert 'return {"decision": "deny", "reason_code": "BMI_BELOW_30"}' in out
    assert "0 tokens" in out
    no_code = invoke("inspect", artifact, "--no-code")
    assert no_code.exit_code == 0
    assert "def decide(" not in no_code.stdout


def test_scripted_inspect_code_lines_are_verbatim(invoke, artifact):
    result = invoke("inspect", artifact)
    shown = set(result.stdout.splitlines())
    for line in (artifact / "steps" / "decide.py").read_text(encoding="utf-8").splitlines():
        assert line in shown, line


def test_scripted_verify_exit_0(invoke, artifact):
    from compiled_ai.artifacts.canonical import sha256_bytes
    result = invoke("verify", artifact)
    assert result.exit_code == 0, result.output
    assert "4 files match the manifest" in flat(result.stdout)
    assert sha256_bytes((artifact / "manifest.json").read_bytes()) in result.stdout


def test_verify_nonexistent_exits_3(invoke, tmp_path):
    assert_clean_error(invoke("verify", tmp_path / "nothing"), 3, "not an artifact")


def test_version_option(invoke):
    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout
