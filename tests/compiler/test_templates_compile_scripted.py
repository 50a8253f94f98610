"""Compile each template example through all four stages with scripted model replies,
then run the artifact: in process, in the sandbox, and from the CLI with a checkpoint.

Every reply is scripted (tests/template_replies.py); the wrong first replies show that
stages 3 and 4 check the function THROUGH its template, against step-level fixtures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiled_ai.artifacts.store import read_verified, write_artifact
from compiled_ai.cli.main import cli
from compiled_ai.compiler import compile_spec
from compiled_ai.errors import InputError
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.runtime import Workflow
from compiled_ai.runtime.checkpoint import MemoryCheckpoint
from compiled_ai.spec import load_spec
from tests.template_replies import (
    BATCH_CORRECT,
    BATCH_LOOPS,
    BATCH_NO_CHECK,
    BATCH_SPEC,
    STREAM_CORRECT,
    STREAM_SPEC,
    STREAM_WRONG,
    VALIDATOR_CORRECT,
    VALIDATOR_LAX,
    VALIDATOR_SPEC,
)

STAGES = ["security", "syntax", "execution", "accuracy"]


def compile_to(path: Path, replies: list[str], target: Path):
    provider = ScriptedProvider(replies)
    compiled = compile_spec(load_spec(path), path.read_bytes(), provider)
    write_artifact(target, compiled.files, compiled.manifest)
    return provider, compiled


@pytest.fixture(scope="module")
def batch_artifact(tmp_path_factory):
    target = tmp_path_factory.mktemp("tmpl") / "batch"
    return (*compile_to(BATCH_SPEC, [BATCH_LOOPS, BATCH_NO_CHECK, BATCH_CORRECT], target), target)


@pytest.fixture(scope="module")
def validator_artifact(tmp_path_factory):
    target = tmp_path_factory.mktemp("tmpl") / "validator"
    return (*compile_to(VALIDATOR_SPEC, [VALIDATOR_LAX, VALIDATOR_CORRECT], target), target)


@pytest.fixture(scope="module")
def stream_artifact(tmp_path_factory):
    target = tmp_path_factory.mktemp("tmpl") / "stream"
    return (*compile_to(STREAM_SPEC, [STREAM_WRONG, STREAM_CORRECT], target), target)


def failed_at(attempt) -> tuple[str, list[str]]:
    last = attempt.stages[-1]
    return last["stage"], [f["message"] for f in last["findings"]]


# --- batch_processor ----------------------------------------------------------------------------

def test_batch_scripted_compiles_through_four_stages_after_two_failures(batch_artifact):
    provider, compiled, _target = batch_artifact
    (step,) = compiled.manifest.steps
    assert step.template == "batch_processor@1"
    assert [a.passed for a in step.attempts] == [False, False, True]
    assert failed_at(step.attempts[0])[0] == "syntax"
    stage, messages = failed_at(step.attempts[1])
    # the record check was forgotten: only running the fixture through the template shows it
    assert stage == "accuracy"
    assert any("invalid_line_is_skipped" in m and "BAD" in m for m in messages)
    assert [s["stage"] for s in step.attempts[2].stages] == STAGES
    assert all(s["passed"] for s in step.attempts[2].stages)
    assert step.fixtures == 5 and step.holdout_fixtures == 1
    assert "once for EACH record" in provider.requests[0].messages[-1].content


def test_batch_scripted_artifact_runs_in_process_and_isolated_alike(batch_artifact):
    _provider, _compiled, target = batch_artifact
    payload = json.loads((BATCH_SPEC.parent / "cases" / "order1.json").read_text())
    expected = {"priced": [{"sku": "AB1", "amount": 18.0}, {"sku": "CD2", "amount": 8.1}],
                "errors": [{"index": 1, "error": "ValueError: quantity must be at least 1"}]}
    assert Workflow(read_verified(target)).run(payload).output == expected
    assert Workflow(read_verified(target), isolated=True).run(payload).output == expected


def test_batch_scripted_checkpoint_resumes_a_workflow_run(batch_artifact):
    _provider, _compiled, target = batch_artifact
    workflow = Workflow(read_verified(target))
    payload = {"lines": [{"sku": f"s{i}", "quantity": 1, "unit_price": float(i)}
                         for i in range(6)], "discount": 0.0}
    checkpoint = MemoryCheckpoint()
    (step,) = workflow.steps.values()
    real = step.function
    calls: list[str] = []

    def crashing(**record):
        if record["sku"] == "s4":
            raise KeyboardInterrupt
        calls.append(record["sku"])
        return real(**record)

    object.__setattr__(step, "function", crashing)
    with pytest.raises(KeyboardInterrupt):
        workflow.run(payload, checkpoint=checkpoint)
    assert calls == ["s0", "s1", "s2", "s3"]
    calls.clear()

    def counting(**record):
        calls.append(record["sku"])
        return real(**record)

    object.__setattr__(step, "function", counting)
    output = workflow.run(payload, checkpoint=checkpoint).output
    assert calls == ["s4", "s5"]
    assert [line["amount"] for line in output["priced"]] == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]


def test_batch_scripted_checkpoint_with_isolated_run_is_refused(batch_artifact):
    _provider, _compiled, target = batch_artifact
    with pytest.raises(InputError, match="cannot be used with isolated runs"):
        Workflow(read_verified(target), isolated=True).run({"lines": [], "discount": 0.0},
                                                           checkpoint=MemoryCheckpoint())


def test_batch_scripted_cli_run_with_checkpoint_file(batch_artifact, tmp_path):
    _provider, _compiled, target = batch_artifact
    checkpoint = tmp_path / "order.checkpoint.json"
    case = BATCH_SPEC.parent / "cases" / "order1.json"
    runner = CliRunner()
    args = ["run", str(target), "--input", str(case), "--no-audit", "--checkpoint",
            str(checkpoint)]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.output
    saved = json.loads(checkpoint.read_text())
    entry = saved["steps"]["price_line"]
    assert entry["complete"] is True and sorted(entry["done"]) == ["0", "1", "2"]
    again = runner.invoke(cli, args)
    assert again.exit_code == 0 and json.loads(again.stdout) == json.loads(first.stdout)

    unwritable = runner.invoke(cli, [*args[:-1], str(tmp_path / "missing" / "c.json")])
    assert unwritable.exit_code == 2 and "cannot write" in unwritable.stderr
    assert unwritable.stderr.count("\n") == 1 and "Traceback" not in unwritable.output

    checkpoint.write_text("{broken")
    bad = runner.invoke(cli, args)
    assert bad.exit_code == 2
    assert bad.stderr.strip().startswith("error: ") and "not a JSON file" in bad.stderr
    assert "Traceback" not in bad.output


# --- input_validator ----------------------------------------------------------------------------

def test_validator_scripted_compiles_after_a_holdout_failure(validator_artifact):
    provider, compiled, _target = validator_artifact
    (step,) = compiled.manifest.steps
    assert step.template == "input_validator@1"
    assert [a.passed for a in step.attempts] == [False, True]
    stage, messages = failed_at(step.attempts[0])
    assert stage == "accuracy" and messages == ["holdout fixture #2: wrong phone_e164, valid"]
    assert all(s["passed"] for s in step.attempts[1].stages)
    texts = " ".join(m.content for r in provider.requests for m in r.messages)
    assert "2 415 555 0123" not in texts  # the holdout never reached the model


@pytest.mark.parametrize(("phone", "expected"), [
    ("+1 (303) 555-0100", {"phone_e164": "+13035550100", "valid": True, "reason": None}),
    ("12345", {"phone_e164": None, "valid": False,
               "reason": "expected 10 digits, or 11 starting with 1"}),
])
def test_validator_scripted_artifact_applies_the_fallback(validator_artifact, phone, expected):
    _provider, _compiled, target = validator_artifact
    for isolated in (False, True):
        workflow = Workflow(read_verified(target), isolated=isolated)
        assert workflow.run({"phone": phone}).output == expected


# --- streaming_processor ------------------------------------------------------------------------

def test_stream_scripted_compiles_through_four_stages(stream_artifact):
    _provider, compiled, _target = stream_artifact
    (step,) = compiled.manifest.steps
    assert step.template == "streaming_processor@1"
    assert [a.passed for a in step.attempts] == [False, True]
    stage, messages = failed_at(step.attempts[0])
    assert stage == "accuracy" and any("one_overdraft" in m for m in messages)
    assert [s["stage"] for s in step.attempts[1].stages] == STAGES


def test_stream_scripted_artifact_folds_in_order(stream_artifact):
    _provider, _compiled, target = stream_artifact
    payload = json.loads((STREAM_SPEC.parent / "cases" / "account1.json").read_text())
    expected = {"balance": 30.0, "count": 3, "overdrafts": [{"id": "t2", "balance": -20.0}]}
    assert Workflow(read_verified(target)).run(payload).output == expected
    assert Workflow(read_verified(target), isolated=True).run(payload).output == expected
    payload["transactions"].reverse()  # order matters: now the overdraft is deeper
    assert Workflow(read_verified(target)).run(payload).output == {
        "balance": 30.0, "count": 3, "overdrafts": [{"id": "t2", "balance": -70.0}]}


def test_stream_scripted_step_folds_an_iterator_for_library_callers(stream_artifact):
    _provider, _compiled, target = stream_artifact
    (step,) = Workflow(read_verified(target)).steps.values()

    def transactions():  # a generator: the events never exist as one list
        for index in range(1000):
            yield {"id": f"t{index}", "kind": "withdrawal" if index % 2 else "deposit",
                   "amount": 1.0 if index % 2 else 0.5}

    alerts: list = []
    final = step.fold(transactions(), on_emit=alerts.append)
    assert final == {"balance": -250.0, "count": 1000}
    assert len(alerts) == 500 and alerts[0] == {"id": "t1", "balance": -0.5}
