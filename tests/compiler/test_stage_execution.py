"""Stage 3 (execution): every fixture runs in the sandbox; results must match the output schema."""

from __future__ import annotations

import json

import pytest

from compiled_ai.compiler.validate.execution import check_execution
from tests.compiler.helpers import (
    FAST_LIMITS,
    FUNCTION,
    GOOD_SOURCE,
    OUTPUTS,
    assemble,
    cases,
    returning,
)


def _run(source: str, limits=None):
    return check_execution(source, FUNCTION, OUTPUTS, cases(), limits)


def test_correct_candidate_passes_and_returns_the_run():
    result, run = _run(GOOD_SOURCE)
    assert result.stage == "execution"
    assert result.passed
    assert result.findings == ()
    assert run.failure is None
    assert [c.ok for c in run.cases] == [True, True, True]
    assert run.cases[0].value == {"total": 90.0, "label": "GOLD", "approved": True}
    # canonical JSON: sorted keys, no spaces
    assert run.cases[0].outputs == [json.dumps(run.cases[0].value, sort_keys=True,
                                               separators=(",", ":"))]


def test_code_that_raises_is_exe001_per_failing_fixture():
    body = ("def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
            "    if tier == \"gold\":\n"
            "        raise ValueError(\"no gold today\")\n"
            "    return {\"total\": amount, \"label\": tier.upper(), \"approved\": True}\n")
    result, run = _run(assemble(body))
    assert not result.passed
    assert [f.id for f in result.findings] == ["EXE001"]
    message = result.findings[0].message
    assert "'gold_discount'" in message
    assert "ValueError: no gold today" in message
    assert [c.ok for c in run.cases] == [False, True, True]


def test_exception_in_a_holdout_fixture_does_not_show_its_input():
    body = ("def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
            "    if tier == \"silver\":\n"
            "        raise ValueError(\"unsupported tier\")\n"
            "    return {\"total\": amount, \"label\": tier.upper(), \"approved\": True}\n")
    result, _ = _run(assemble(body))
    (finding,) = result.findings
    assert finding.id == "EXE001"
    assert finding.message == "holdout fixture #1 raised ValueError"  # no name, no message


def test_module_that_fails_to_load_is_exe001_for_every_fixture():
    source = assemble("LIMIT = 1 // 0\n\n\n" + returning("amount", "tier", "True"))
    result, _ = _run(source)
    assert [f.id for f in result.findings] == ["EXE001"] * 3
    assert all("module failed to load" in f.message and "ZeroDivisionError" in f.message
               for f in result.findings)


@pytest.mark.parametrize(("body", "where"), [
    pytest.param('def price_order(amount: float, tier: str) -> PriceOrderResult:\n'
                 '    return {"total": amount, "label": tier}  # type: ignore\n',
                 "'approved' is a required property", id="missing-key"),
    pytest.param('def price_order(amount: float, tier: str) -> PriceOrderResult:\n'
                 '    return {"total": amount, "label": tier, "approved": True, "note": "x"}\n',
                 "'note' was unexpected", id="extra-key"),
    pytest.param(returning("str(amount)", "tier", "True"),
                 "total:", id="string-for-number"),
    pytest.param(returning("amount", "tier", "1"),
                 "approved:", id="int-for-boolean"),
    pytest.param(returning("True", "tier", "True"),
                 "total:", id="bool-for-number"),
    pytest.param(returning("amount", "None", "True"),
                 "label:", id="null-for-string"),
    pytest.param('def price_order(amount: float, tier: str) -> PriceOrderResult:\n'
                 '    return [amount, tier, True]  # type: ignore\n',
                 "(top level)", id="list-not-object"),
])
def test_result_that_breaks_the_schema_is_exe002(body, where):
    result, run = _run(assemble(body))
    assert not result.passed
    assert [f.id for f in result.findings] == ["EXE002"] * 3
    visible = [f for f in result.findings if not f.message.startswith("holdout")]
    (hidden,) = [f for f in result.findings if f.message.startswith("holdout fixture #1")]
    assert all(where in f.message for f in visible), result.findings
    assert hidden.message.endswith("at " + where.split(":")[0].split("'")[0].strip()) or \
        where.rstrip(":") in hidden.message or "(top level)" in hidden.message
    assert all(c.ok for c in run.cases)  # the code ran; only the shape is wrong


def test_non_json_result_is_exe001():
    source = assemble(returning("{1, 2}", "tier", "True"))
    result, _ = _run(source)
    assert [f.id for f in result.findings] == ["EXE001"] * 3
    assert all("JSON" in f.message for f in result.findings)


def test_infinite_loop_is_exe003_and_stops_the_stage():
    body = ("def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
            "    while True:\n"
            "        amount += 1\n")
    result, run = _run(assemble(body), FAST_LIMITS)
    assert not result.passed
    (finding,) = result.findings
    assert finding.id == "EXE003"
    assert "limit" in finding.message or "timed out" in finding.message
    assert run.failure is not None
    assert not any(c.ok for c in run.cases)


def test_host_runs_normally_after_a_killed_candidate():
    body = ("def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
            "    while True:\n"
            "        pass\n")
    first, _ = _run(assemble(body), FAST_LIMITS)
    assert [f.id for f in first.findings] == ["EXE003"]
    again, run = _run(GOOD_SOURCE, FAST_LIMITS)
    assert again.passed
    assert run.cases[1].value["label"] == "BASIC"


def test_schema_error_in_a_holdout_fixture_does_not_quote_its_value():
    result, _ = _run(assemble(returning("str(amount)", "tier", "True")))
    holdout = [f for f in result.findings if f.message.startswith("holdout fixture #1")]
    assert len(holdout) == 1 and holdout[0].id == "EXE002"
    assert "555.5" not in holdout[0].message
