"""A function step given the database through `uses`, compiled with scripted replies.

Compile-time: the recorded replies answer its queries in the sandbox; a reply that was
not recorded, an undeclared operation, code that skips its recorded calls or opens the
database itself each fail with a clear finding. Run time: the same code runs against a
real read-only SQLite database configured with `--modules`, and the audit log records
which operations it invoked.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiled_ai.cli.main import cli
from compiled_ai.compiler import compile_spec
from compiled_ai.errors import CompilationFailed, ConfigurationError, StepExecutionError
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.runtime import open_workflow, run_once
from compiled_ai.runtime.audit import AuditLog
from compiled_ai.runtime.modules.config import load_modules
from compiled_ai.spec import load_spec
from tests.modules import member_replies as replies
from tests.scripted_artifact import compile_scripted

SPEC = load_spec(replies.SPEC_PATH)


@pytest.fixture(scope="module")
def artifact(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("member") / "member_lookup"
    return compile_scripted(replies.SPEC_PATH, replies.REPLIES, target)


@pytest.fixture()
def modules_file(tmp_path) -> Path:
    """The example's own builder makes the database; the config opens it read-only."""
    done = subprocess.run([sys.executable, str(replies.EXAMPLE / "build_members_db.py"),
                           str(tmp_path / "members.sqlite")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (tmp_path / "modules.yaml").write_text("database: {path: members.sqlite}\n")
    return tmp_path / "modules.yaml"


def _failure(body: str) -> str:
    """The findings of the last attempt when every attempt gets ``body``."""
    with pytest.raises(CompilationFailed) as failed:
        compile_spec(SPEC, replies.SPEC_PATH.read_bytes(),
                     ScriptedProvider([replies.fenced(body)] * 5))
    last = failed.value.report[-1]
    assert last["step"] == "lookup_member" and not last["passed"]
    return json.dumps(last["stages"])


def test_uses_compiles_and_the_manifest_records_it_scripted(artifact):
    manifest = json.loads((artifact / "manifest.json").read_text())
    steps = {s["id"]: s for s in manifest["steps"]}
    assert steps["lookup_member"]["uses"] == ["database.query"]
    assert "uses" not in steps["decide_coverage"]
    assert steps["lookup_member"]["attempts"][0]["passed"]
    assert steps["lookup_member"]["fixtures"] == 5
    code = (artifact / "steps" / "lookup_member.py").read_text()
    assert "class StepModules(Protocol):" in code and "import sqlite3" not in code
    spec = json.loads((artifact / "spec.json").read_text())
    assert spec["steps"][0]["uses"] == ["database.query"] and "uses" not in spec["steps"][1]


def test_runs_against_a_real_sqlite_database_and_audits_the_calls_scripted(
        artifact, modules_file, tmp_path):
    registry = load_modules(modules_file)
    workflow = open_workflow(artifact, modules=registry)
    audit = AuditLog(tmp_path / "audit.sqlite")
    result = run_once(workflow, {"member_id": "M-1005", "service_date": "2026-11-15"}, audit)
    # M-1005 is in the database only, not in any fixture
    assert result.output == {"found": True, "plan": "silver", "covered": True}
    assert result.module_calls == {"lookup_member": {"database.query": 1}}
    assert result.recorded["lookup_member"][0]["calls"][0]["result"]["count"] == 1
    missing = run_once(workflow, {"member_id": "M-7", "service_date": "2026-11-15"}, audit)
    assert missing.output == {"found": False, "plan": None, "covered": False}
    rows = list(audit.rows())
    assert [json.loads(r["module_calls"]) for r in rows] == \
        [{"lookup_member": {"database.query": 1}}] * 2
    assert audit.verify().ok
    # the recorded history replays the run without the database
    replayed = workflow.run({"member_id": "M-1005", "service_date": "2026-11-15"},
                            replay=result.recorded)
    assert replayed.output == result.output
    registry.close()


def test_cli_runs_the_example_and_lists_the_module_calls_scripted(artifact, modules_file,
                                                                  tmp_path, monkeypatch):
    from compiled_ai.cli.output import console

    monkeypatch.setattr(console, "width", 250)  # the table's columns unabridged
    runner = CliRunner()
    case = replies.EXAMPLE / "cases" / "lapsed.json"
    done = runner.invoke(cli, ["run", str(artifact), "-i", str(case), "--audit-db",
                               str(tmp_path / "a.sqlite"), "--modules", str(modules_file)])
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout) == {"covered": False, "found": True, "plan": "silver"}
    listed = runner.invoke(cli, ["audit", "list", "--db", str(tmp_path / "a.sqlite")])
    assert "database.query x1" in listed.stdout


def test_the_committed_database_matches_its_builder(tmp_path, modules_file):
    def rows(path: Path) -> list[tuple[str, ...]]:
        with sqlite3.connect(path) as db:
            return db.execute("SELECT * FROM members ORDER BY member_id").fetchall()

    assert rows(replies.EXAMPLE / "members.sqlite") == rows(modules_file.parent /
                                                            "members.sqlite")


def test_a_run_without_the_declared_module_is_refused_before_running_scripted(
        artifact, tmp_path):
    (tmp_path / "notify.yaml").write_text("notify: {outbox: out.jsonl}\n")
    with pytest.raises(ConfigurationError, match="no module 'database' is configured"):
        open_workflow(artifact, modules=load_modules(tmp_path / "notify.yaml"))
    workflow = open_workflow(artifact)
    with pytest.raises(ConfigurationError, match="lookup_member call modules"):
        workflow.run({"member_id": "M-1001", "service_date": "2026-03-01"})
    runner = CliRunner()
    done = runner.invoke(cli, ["run", str(artifact), "-i",
                               str(replies.EXAMPLE / "cases" / "unknown.json"), "--no-audit"])
    assert done.exit_code == 2 and "no module configuration" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_isolated_mode_refuses_steps_with_modules_in_one_line_scripted(artifact,
                                                                      modules_file):
    with pytest.raises(ConfigurationError, match="run in-process only"):
        open_workflow(artifact, isolated=True, modules=load_modules(modules_file))
    done = CliRunner().invoke(cli, ["run", str(artifact), "-i",
                                    str(replies.EXAMPLE / "cases" / "unknown.json"),
                                    "--no-audit", "--isolated", "--modules", str(modules_file)])
    assert done.exit_code == 2 and "run without --isolated" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_query_that_was_not_recorded_is_a_clear_finding_scripted():
    found = _failure(replies.QUERIES_TWICE)
    assert "EXE001" in found and "database.query call #2 was not recorded" in found


def test_an_undeclared_operation_is_a_clear_finding_scripted():
    found = _failure(replies.UNDECLARED)
    # mypy sees it first: the stub has no notify module
    assert "MYPY-attr-defined" in found and "notify" in found


def test_code_that_skips_its_recorded_calls_fails_scripted():
    found = _failure(replies.NEVER_QUERIES)
    assert "made 0 of the 1 recorded module call(s)" in found


def test_code_that_opens_the_database_itself_is_refused_by_the_gate_scripted():
    found = _failure(replies.OWN_SQLITE)
    assert '"stage": "security"' in found and "sqlite3" in found


def test_a_call_that_does_not_match_the_stub_fails_the_type_check_scripted():
    found = _failure(replies.WRONG_PARAMETER)
    assert '"stage": "syntax"' in found and "values" in found


def test_undeclared_operation_at_run_time_is_refused(artifact, modules_file, tmp_path):
    """Code loaded into the runtime reaching past its declared operations gets a clear
    error, whatever the run configures."""
    from compiled_ai.runtime._module_interface import UndeclaredOperation
    from compiled_ai.runtime.modules.interface import registry_dispatch, step_interface

    (tmp_path / "both.yaml").write_text(
        f"database: {{path: {modules_file.parent / 'members.sqlite'}}}\n"
        "notify: {outbox: out.jsonl}\n")
    registry = load_modules(tmp_path / "both.yaml")
    modules = step_interface(["database.query"], registry_dispatch(registry))
    with pytest.raises(UndeclaredOperation, match="module 'notify' is not declared"):
        modules.notify.send("c", "s")
    with pytest.raises(UndeclaredOperation, match="database.execute is not declared"):
        modules.database.execute("DELETE FROM members")
    assert modules.database.query("SELECT plan FROM members WHERE member_id = ?",
                                  ["M-1001"])["rows"] == [{"plan": "gold"}]
    with pytest.raises(StepExecutionError, match="may not contain"):
        modules.database.query("SELECT plan FROM members WHERE member_id = 'M-1001'")
    registry.close()


def test_the_prompt_describes_the_interface_and_the_visible_replies_scripted(artifact):
    from compiled_ai.artifacts.compile_log import CompileLog

    log = CompileLog.read(artifact / "compile_log.jsonl")
    request, _completion = log.entries[0]
    prompt = request.messages[-1].content
    assert "class StepModules(Protocol):" in prompt
    assert "def lookup_member(member_id: str, modules: StepModules) -> LookupMemberResult:" \
        in prompt
    assert "modules.database.query(sql: str" in prompt and "never import" in prompt
    assert 'input {"member_id": "M-9999"}: database.query -> {"count": 0, "rows": []}' in prompt
    assert "M-1004" not in prompt  # the holdout's recorded reply stays hidden
    assert "notify" not in prompt  # undeclared operations are not offered


def test_diff_shows_a_change_of_uses_scripted(artifact, tmp_path):
    from compiled_ai.artifacts.diff import diff_artifacts
    from compiled_ai.artifacts.store import read_verified

    spec = tmp_path / "spec.yaml"
    spec.write_text(replies.SPEC_PATH.read_text().replace(
        "    uses: [database.query]", "    uses: [database.query, notify.send]"))
    other = compile_scripted(spec, replies.REPLIES, tmp_path / "b")
    changes = diff_artifacts(read_verified(artifact), read_verified(other))
    modules = [c for c in changes if c.section == "modules"]
    assert [(c.path, c.before, c.after) for c in modules] == [
        ("lookup_member", ["database.query"], ["database.query", "notify.send"])]
    assert any(c.section == "spec" and "uses" in c.path for c in changes)
