"""A bounded step's configuration is checked when the spec is loaded."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from compiled_ai.spec.models import BoundedStep

BASE = {"id": "extract", "kind": "bounded",
        "instruction": "Extract the BMI from the chart note.",
        "inputs": {"note": {"type": "string"}},
        "outputs": {"bmi": {"type": ["number", "null"]}}}


def _step(**changes):
    return BoundedStep.model_validate({**BASE, **changes})


def test_valid_step_with_expressions():
    step = _step(validate=["bmi is None or (10 <= bmi <= 80 and len(note) > 0)"])
    assert step.validate_ == ["bmi is None or (10 <= bmi <= 80 and len(note) > 0)"]
    assert step.on_failure == "review" and step.max_retries == 2


@pytest.mark.parametrize(("changes", "message"), [
    ({"validate": ["weight > 3"]}, "reads weight, which is neither an input nor an output"),
    ({"validate": ["bmi.real > 3"]}, "Attribute is not allowed"),
    ({"validate": ["__import__('os') is None"]}, "calling __import__ is not allowed"),
    ({"validate": ["bmi >"]}, "not a valid expression"),
    ({"on_failure": "fallback"}, "needs a 'fallback' output"),
    ({"on_failure": "fallback", "fallback": {"weight": 1}}, "exactly the output fields"),
    ({"on_failure": "fallback", "fallback": {"bmi": "high"}}, "does not match the output schema"),
    ({"min_confidence": 0.8}, "needs an output field 'confidence'"),
    ({"max_retries": 9}, "less than or equal to 5"),
])
def test_bad_configuration_is_refused(changes, message):
    with pytest.raises(ValidationError, match=message):
        _step(**changes)


def test_fallback_matching_the_schema_is_accepted():
    step = _step(on_failure="fallback", fallback={"bmi": None})
    assert step.fallback == {"bmi": None}
