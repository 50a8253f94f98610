"""`compiled-ai run` on a workflow with a bounded step, the model scripted: provider
required, tokens reported and audited, review exit status, resolve and run again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiled_ai.cli.main import cli
from compiled_ai.providers import registry
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.runtime.audit import AuditLog
from compiled_ai.runtime.review import ReviewQueue
from tests.prior_auth_replies import CORRECT, REPO
from tests.scripted_artifact import compile_scripted

SPEC = REPO / "examples" / "glp1_prior_auth" / "spec.yaml"
CASES = REPO / "examples" / "glp1_prior_auth" / "cases"
GOOD = ('{"has_t2d_diagnosis": true, "current_a1c": 8.4, "bmi": 31.5, '
        '"has_step_therapy_failure": null}')
SUSPICIOUS = ('{"has_t2d_diagnosis": true, "current_a1c": 81, "bmi": 29.4, '
              '"has_step_therapy_failure": null}')


@pytest.fixture(scope="module")
def artifact(tmp_path_factory) -> Path:
    return compile_scripted(SPEC, [CORRECT], tmp_path_factory.mktemp("glp1") / "glp1")


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def script(monkeypatch):
    """Make `--provider NAME` build a ScriptedProvider with the given replies."""
    def use(*replies: str) -> list[ScriptedProvider]:
        made: list[ScriptedProvider] = []

        def make(name, settings, replay_from=None):
            made.append(ScriptedProvider(replies))
            return made[-1]
        monkeypatch.setattr(registry, "make_provider", make)
        return made
    return use


@pytest.fixture
def invoke(home, tmp_path):
    runner = CliRunner()
    env = {"COMPILED_AI_HOME": str(home), "COMPILED_AI_CACHE": str(tmp_path / "cache"),
           "COMPILED_AI_DEBUG": None, "NO_COLOR": "1", "COLUMNS": "200"}

    def run(*args, input=None):
        return runner.invoke(cli, [str(a) for a in args], env=env, input=input)
    return run


def test_bounded_workflow_needs_a_provider(invoke, artifact):
    done = invoke("run", artifact, "-i", CASES / "t2d.json")
    assert done.exit_code == 2
    assert "extract_chart call a model at run time: pass --provider" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_run_reports_and_audits_the_transactions_tokens_scripted(invoke, artifact, home, script):
    made = script(GOOD)
    done = invoke("run", artifact, "-i", CASES / "t2d.json", "--provider", "scripted")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout) == {"decision": "approve", "reason_code": "T2D_DIAGNOSIS"}
    usage = made[0].requests[0]
    expected = sum(len(m.content) for m in usage.messages) // 4 + len(GOOD) // 4
    assert f"model tokens: {expected} this transaction" in done.stderr
    rows = list(AuditLog(home / "audit.sqlite").rows())
    assert [(r["outcome"], r["tokens"]) for r in rows] == [("ok", expected)]


def test_suspicious_a1c_parks_the_transaction_then_resolution_completes_it_scripted(
        invoke, artifact, home, script, tmp_path):
    script(SUSPICIOUS)
    parked = invoke("run", artifact, "-i", CASES / "suspicious_a1c.json",
                    "--provider", "scripted", "--transaction", "PA-1001")
    assert parked.exit_code == 5, parked.output
    status = json.loads(parked.stdout)
    assert status["status"] == "review" and status["review_id"] == 1 and status["tokens"] > 0
    assert "current_a1c is None or 3 <= current_a1c <= 20" in status["reason"]
    assert "compiled-ai review resolve 1" in parked.stderr
    item = ReviewQueue(home / "review.sqlite").get(1)
    assert item.transaction == "PA-1001" and item.last_reply == SUSPICIOUS
    assert item.workflow == "glp1_prior_auth_note@1.0.0"  # resolutions are per version
    # the audit row says 'review', with the tokens, and no output hash
    row = list(AuditLog(home / "audit.sqlite").rows())[-1]
    assert row["outcome"] == "review" and row["tokens"] == status["tokens"]
    assert row["output_sha256"] is None
    listed = invoke("audit", "list").stdout
    assert " review " in listed and "(None)" not in listed
    assert f" {status['tokens']} " in listed

    answer = tmp_path / "answer.json"
    answer.write_text('{"has_t2d_diagnosis": true, "current_a1c": 8.1, "bmi": 29.4, '
                      '"has_step_therapy_failure": null}')
    resolved = invoke("review", "resolve", "1", "--output", answer, "--by", "dr.lee")
    assert resolved.exit_code == 0, resolved.output

    made = script()  # no replies: a model call would fail the run
    again = invoke("run", artifact, "-i", CASES / "suspicious_a1c.json", "--provider",
                   "scripted")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout) == {"decision": "approve", "reason_code": "T2D_DIAGNOSIS"}
    assert "step extract_chart: reviewed (review item 1): resolved by dr.lee" in again.stderr
    assert made[0].requests == []
    assert list(AuditLog(home / "audit.sqlite").rows())[-1]["tokens"] == 0


def test_injected_note_goes_to_review_without_a_model_call_scripted(invoke, artifact, script):
    made = script(GOOD)
    done = invoke("run", artifact, "-i", CASES / "injection.json", "--provider", "scripted")
    assert done.exit_code == 5
    assert json.loads(done.stdout)["reason"].startswith("input gate: chart_note: prompt injection")
    assert made[0].requests == []


def test_same_parked_input_again_does_not_call_the_model_twice_scripted(invoke, artifact,
                                                                        script):
    script(SUSPICIOUS)
    assert invoke("run", artifact, "-i", CASES / "suspicious_a1c.json", "--provider",
                  "scripted").exit_code == 5
    made = script()
    again = invoke("run", artifact, "-i", CASES / "suspicious_a1c.json", "--provider",
                   "scripted")
    assert again.exit_code == 5 and json.loads(again.stdout)["review_id"] == 1
    assert "still waiting for review" in json.loads(again.stdout)["reason"]
    assert made[0].requests == []


def test_unknown_provider_is_a_one_line_error(invoke, artifact):
    done = invoke("run", artifact, "-i", CASES / "t2d.json", "--provider", "nonsense")
    assert done.exit_code == 2 and "unknown provider 'nonsense'" in done.stderr
    assert "Traceback" not in done.output
