"""Stage 4 (accuracy and determinism): golden outputs with tolerances, holdouts kept secret,
byte-identical results across PYTHONHASHSEED values and repeated calls."""

from __future__ import annotations

import dataclasses
import math

import pytest

from compiled_ai.compiler.validate.accuracy import DETERMINISM_SEEDS, check_accuracy, values_match
from compiled_ai.runtime.sandbox import run_in_sandbox
from compiled_ai.spec import Tolerance
from tests.compiler.helpers import FUNCTION, GOOD_SOURCE, TOLERANCES, assemble, cases, returning


def _accuracy(source, step_cases=None, tolerances=None, seeds=DETERMINISM_SEEDS):
    """Stage 4 as the pipeline runs it: on stage 3's run (PYTHONHASHSEED 0)."""
    step_cases = cases() if step_cases is None else step_cases
    first = run_in_sandbox(source, FUNCTION, [c.inputs for c in step_cases], hash_seed=0)
    assert first.failure is None, first.failure
    return check_accuracy(source, FUNCTION, step_cases, first,
                          TOLERANCES if tolerances is None else tolerances, seeds=seeds)


def _only_total(step_cases):
    """The same fixtures checking only ``total``, so other fields may vary freely."""
    return [dataclasses.replace(c, expected={"total": c.expected["total"]})
            for c in step_cases]


def _findings(result, finding_id):
    return [f for f in result.findings if f.id == finding_id]


def test_correct_candidate_passes():
    result = _accuracy(GOOD_SOURCE)
    assert result.stage == "accuracy"
    assert result.passed
    assert result.findings == ()


def test_wrong_answer_is_acc001_naming_fixture_field_and_values():
    # 20 % off for gold instead of 10 %: only the gold fixture is wrong
    source = assemble("def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
                      "    rate = 0.8 if tier == \"gold\" else 1.0\n"
                      "    total = round(amount * rate, 2)\n"
                      "    return {\"total\": total, \"label\": tier.upper(), "
                      "\"approved\": total < 1000}\n")
    result = _accuracy(source)
    assert not result.passed
    (finding,) = result.findings
    assert finding.id == "ACC001"
    assert finding.severity == "error"
    # visible fixtures show their input; only the wrong field is listed
    assert finding.message == ("fixture 'gold_discount' with input "
                               "{'amount': 100.0, 'tier': 'gold'}: total: expected 90.0, got 80.0")


def test_unchecked_keys_are_not_compared_but_every_other_key_still_is():
    source = assemble("def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
                      "    rate = 0.8 if tier == \"gold\" else 1.0\n"
                      "    total = round(amount * rate, 2)\n"
                      "    return {\"total\": total, \"label\": \"any\", "
                      "\"approved\": total < 1000}\n")
    label_free = [dataclasses.replace(c, unchecked=frozenset({"label"})) for c in cases()]
    (finding,) = _accuracy(source, label_free).findings  # total is still compared
    assert finding.message.endswith("total: expected 90.0, got 80.0")
    checked = _findings(_accuracy(source), "ACC001")  # with label compared, it is wrong too
    assert any("label: expected" in f.message for f in checked)


def test_a_fixtures_unchecked_keys_must_be_expected_keys_and_empty_ones_are_not_serialised():
    from pydantic import ValidationError

    from compiled_ai.spec.models import Fixture

    fixture = Fixture(name="f", input={}, expected={"a": 1, "b": None}, unchecked=["b"])
    assert fixture.model_dump()["unchecked"] == ["b"]
    assert "unchecked" not in Fixture(name="f", input={}, expected={"a": 1}).model_dump()
    with pytest.raises(ValidationError, match="not keys of 'expected'"):
        Fixture(name="f", input={}, expected={"a": 1}, unchecked=["c"])


def test_several_wrong_fields_are_listed_in_one_finding():
    result = _accuracy(assemble(returning("amount", "tier", "True")))
    gold = [f for f in _findings(result, "ACC001") if "'gold_discount'" in f.message]
    assert len(gold) == 1
    assert "total: expected 90.0, got 100.0" in gold[0].message
    assert "label: expected 'GOLD', got 'gold'" in gold[0].message


def test_missing_field_is_reported_as_missing():
    source = assemble("def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
                      "    return {\"total\": amount, \"label\": tier.upper()}  # type: ignore\n")
    result = _accuracy(source, step_cases=[cases()[1]])
    (finding,) = _findings(result, "ACC001")
    assert "approved: expected False, got '<missing>'" in finding.message


def test_holdout_wrong_answer_is_acc001_without_values():
    # silver gets 5 % off: only the holdout fixture is wrong
    source = assemble("def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
                      "    rate = {\"gold\": 0.9, \"silver\": 0.95}.get(tier, 1.0)\n"
                      "    total = round(amount * rate, 2)\n"
                      "    label = tier.upper() if tier != \"silver\" else \"Silver\"\n"
                      "    return {\"total\": total, \"label\": label, "
                      "\"approved\": total < 1000}\n")
    step_cases = cases()
    first = run_in_sandbox(source, FUNCTION, [c.inputs for c in step_cases], hash_seed=0)
    actual = first.cases[2].value
    result = check_accuracy(source, FUNCTION, step_cases, first, TOLERANCES)
    assert not result.passed
    (finding,) = result.findings
    assert finding.id == "ACC001"
    assert finding.message.startswith("holdout fixture #1:")
    assert "secret_case" not in finding.message  # a descriptive name would leak too
    assert "total" in finding.message and "label" in finding.message
    secret = step_cases[2]
    leaks = [secret.expected["total"], secret.expected["label"], actual["total"],
             actual["label"], secret.inputs["amount"], secret.inputs["tier"]]
    for value in leaks:
        assert str(value) not in finding.message, value
        assert repr(value) not in finding.message, value


@pytest.mark.parametrize(("factor", "tolerance", "ok"), [
    pytest.param("1.0", None, True, id="exact-no-tolerance"),
    pytest.param("1.000001", None, False, id="tiny-drift-no-tolerance"),
    pytest.param("1.000001", Tolerance(abs=0.01), True, id="within-abs"),
    pytest.param("1.001", Tolerance(abs=0.01), False, id="outside-abs"),
    pytest.param("1.0009", Tolerance(rel=0.001), True, id="within-rel"),
    pytest.param("1.002", Tolerance(rel=0.001), False, id="outside-rel"),
    pytest.param("1.001", Tolerance(abs=0.01, rel=0.002), True, id="rel-wider-than-abs"),
])
def test_numeric_tolerances(factor, tolerance, ok):
    source = assemble(returning("round(amount * (0.9 if tier == 'gold' else 1.0), 2) * FACTOR",
                                "tier.upper()", "amount < 1000", prelude=f"FACTOR = {factor}"))
    tolerances = {} if tolerance is None else {"total": tolerance}
    result = _accuracy(source, step_cases=cases()[:2], tolerances=tolerances, seeds=())
    assert result.passed is ok, result.findings
    if not ok:
        assert {f.id for f in result.findings} == {"ACC001"}
        assert all("total: expected" in f.message for f in result.findings)


def test_tolerance_applies_only_to_its_own_field():
    # a total tolerance does not excuse a label that differs
    source = assemble(returning("round(amount * (0.9 if tier == 'gold' else 1.0), 2)",
                                "tier.lower()", "amount < 1000"))
    result = _accuracy(source, step_cases=cases()[:1],
                       tolerances={"total": Tolerance(abs=1000.0)}, seeds=())
    (finding,) = result.findings
    assert "label: expected 'GOLD', got 'gold'" in finding.message


def test_int_where_bool_is_expected_is_a_mismatch():
    source = assemble(returning("round(amount * (0.9 if tier == 'gold' else 1.0), 2)",
                                "tier.upper()", "1 if amount < 1000 else 0"))
    result = _accuracy(source, seeds=())
    messages = [f.message for f in _findings(result, "ACC001")]
    assert len(messages) == 3
    assert any("approved: expected True, got 1" in m for m in messages)
    assert any("approved: expected False, got 0" in m for m in messages)


def test_int_where_float_is_expected_is_a_match():
    source = assemble(returning("int(round(amount * (0.9 if tier == 'gold' else 1.0)))",
                                "tier.upper()", "amount < 1000"))
    result = _accuracy(source, step_cases=cases()[:2], seeds=())
    assert result.passed, result.findings


def test_set_iteration_order_is_acc002():
    source = assemble(returning(
        "round(amount * (0.9 if tier == 'gold' else 1.0), 2)",
        "','.join({'alpha', 'beta', 'gamma', 'delta', 'epsilon'})", "amount < 1000"))
    result = _accuracy(source, step_cases=_only_total(cases()))
    assert not result.passed
    assert not _findings(result, "ACC001")  # the checked field is right...
    unstable = _findings(result, "ACC002")  # ...but the result as a whole is not stable
    assert len(unstable) == 3
    assert {f.message.split(" gave")[0] for f in unstable} == {
        "holdout fixture #1" if c.holdout else f"fixture {c.name!r}" for c in cases()}
    assert all("PYTHONHASHSEED" in f.message and "nondeterministic" in f.message
               for f in unstable)


def test_sorted_set_is_deterministic():
    source = assemble(returning(
        "round(amount * (0.9 if tier == 'gold' else 1.0), 2)",
        "','.join(sorted({'alpha', 'beta', 'gamma', 'delta', 'epsilon'}))", "amount < 1000"))
    result = _accuracy(source, step_cases=_only_total(cases()))
    assert result.passed, result.findings


def test_state_kept_between_calls_is_acc002():
    # stands in for time/randomness drift: a module-level counter changes every call
    body = ("COUNTER = [0]\n\n\n"
            "def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
            "    COUNTER[0] += 1\n"
            "    total = round(amount * (0.9 if tier == 'gold' else 1.0), 2)\n"
            "    return {\"total\": total, \"label\": str(COUNTER[0]), "
            "\"approved\": total < 1000}\n")
    result = _accuracy(assemble(body), step_cases=_only_total(cases()), seeds=(1,))
    assert not _findings(result, "ACC001")
    assert len(_findings(result, "ACC002")) == 3
    assert all("[1] vs 0" in f.message for f in result.findings)


def test_clock_reading_is_acc002():
    # datetime is an allowed import, so a clock gets past stage 1; stage 4 must catch it
    source = assemble(returning("round(amount * (0.9 if tier == 'gold' else 1.0), 2)",
                                "datetime.datetime.now().isoformat()", "amount < 1000",
                                prelude="import datetime"))
    result = _accuracy(source, step_cases=_only_total(cases())[:1], seeds=(1,))
    assert [f.id for f in result.findings] == ["ACC002"]


def test_no_seeds_means_no_determinism_check():
    source = assemble(returning(
        "round(amount * (0.9 if tier == 'gold' else 1.0), 2)",
        "','.join({'alpha', 'beta', 'gamma', 'delta', 'epsilon'})", "amount < 1000"))
    assert _accuracy(source, step_cases=_only_total(cases()), seeds=()).passed


ABS = Tolerance(abs=0.01)
REL = Tolerance(rel=0.01)


@pytest.mark.parametrize(("got", "want", "tolerance", "expected"), [
    pytest.param(3, 3, None, True, id="int-equal"),
    pytest.param(3, 3.0, None, True, id="int-vs-float-equal"),
    pytest.param(0.1 + 0.2, 0.3, None, False, id="float-noise-without-tolerance"),
    pytest.param(0.1 + 0.2, 0.3, ABS, True, id="float-noise-within-abs"),
    pytest.param(10.009, 10.0, ABS, True, id="within-abs"),
    pytest.param(10.02, 10.0, ABS, False, id="outside-abs"),
    pytest.param(9.98, 10.0, ABS, False, id="outside-abs-below"),
    pytest.param(1009.0, 1000.0, REL, True, id="within-rel"),
    pytest.param(1011.0, 1000.0, REL, False, id="outside-rel"),
    pytest.param(-1009.0, -1000.0, REL, True, id="rel-uses-abs-of-want"),
    pytest.param(0.5, 0.0, REL, False, id="rel-of-zero-is-exact"),
    pytest.param(math.inf, 1.0, Tolerance(abs=math.inf), False, id="inf-never-within"),
    pytest.param(math.nan, 1.0, ABS, False, id="nan-never-within"),
    pytest.param(True, 1, None, False, id="true-vs-1"),
    pytest.param(1, True, None, False, id="1-vs-true"),
    pytest.param(False, 0, None, False, id="false-vs-0"),
    pytest.param(True, 1.0, ABS, False, id="bool-ignores-tolerance"),
    pytest.param(True, True, None, True, id="bool-equal"),
    pytest.param("1", 1, None, False, id="str-vs-int"),
    pytest.param("GOLD", "GOLD", None, True, id="str-equal"),
    pytest.param("GOLD", "gold", ABS, False, id="str-case"),
    pytest.param(None, None, None, True, id="none-equal"),
    pytest.param(None, 0, ABS, False, id="none-vs-0"),
    pytest.param([1, "a"], [1, "a"], None, True, id="list-equal"),
    pytest.param([1, 2], (1, 2), None, False, id="list-vs-tuple"),
    pytest.param({"a": 1}, {"a": 2}, None, False, id="dict-differs"),
])
def test_values_match(got, want, tolerance, expected):
    assert values_match(got, want, tolerance) is expected


@pytest.mark.parametrize(("got", "want"), [
    pytest.param([1, 0], [True, False], id="list"),
    pytest.param({"flag": 1}, {"flag": True}, id="dict"),
])
def test_values_match_nested_bool_vs_int_is_a_mismatch(got, want):
    assert values_match(got, want, None) is False
