"""The sandbox escape suite: every attempt contained, judged from the host's side."""

from __future__ import annotations

import pytest

from compiled_ai.runtime.sandbox import run_in_sandbox
from compiled_ai.security.escapes import ESCAPES, Escape, run_escape_suite


@pytest.fixture(scope="module")
def outcomes():
    return {o.id: o for o in run_escape_suite()}


def test_suite_has_at_least_forty_distinct_attempts():
    assert len(ESCAPES) >= 40
    assert len({e.id for e in ESCAPES}) == len(ESCAPES)


@pytest.mark.parametrize("escape", ESCAPES, ids=[e.id for e in ESCAPES])
def test_escape_attempt_is_contained(outcomes, escape):
    outcome = outcomes[escape.id]
    assert outcome.contained, f"{escape.title}: {outcome.evidence}"
    assert outcome.evidence  # says what stopped it


def test_host_is_unharmed_after_the_suite(outcomes):
    assert outcomes  # the suite ran in this process, which is still here to check
    run = run_in_sandbox("def f(x):\n    return {'y': x + 1}\n", "f", [{"x": 1}])
    assert run.cases[0].value == {"y": 2}


def test_the_judge_notices_a_real_breach(tmp_path):
    """Self-check of the judge: an attempt whose report claims success must be counted
    as not contained, so a contained verdict above means something."""
    honest = Escape("self-check", "returns a success claim",
                    "return 'ESCAPED: pretend'")
    (outcome,) = run_escape_suite((honest,))
    assert not outcome.contained
    assert "reported success" in outcome.evidence
