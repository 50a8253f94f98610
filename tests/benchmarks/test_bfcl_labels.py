"""The paper protocol's labelling: the model's answer checked against the declaration."""

from __future__ import annotations

import importlib.util

import pytest

pytestmark = pytest.mark.skipif(importlib.util.find_spec("bfcl_eval") is None,
                                reason="bfcl-eval is not installed")

from compiled_ai.benchmarks.bfcl.checker import check  # noqa: E402
from compiled_ai.benchmarks.bfcl.data import load_items  # noqa: E402
from compiled_ai.benchmarks.bfcl.labels import (  # noqa: E402
    check_answer,
    label_question,
    value_problem,
)
from compiled_ai.benchmarks.bfcl.workflow import Example, build_workflow  # noqa: E402
from compiled_ai.providers.scripted import ScriptedProvider  # noqa: E402


@pytest.fixture(scope="module")
def items():
    return load_items(14)  # 0: calculate_triangle_area; 13: interval is an array of float


def test_answers_breaking_the_declaration_are_refused_with_the_reason(items):
    triangle = items[0]
    ok, problem = check_answer(triangle, "[calculate_triangle_area(base=10, height=5)]",
                               "classic")
    assert ok == {"base": 10, "height": 5} and problem is None
    cases = {
        "[calculate_triangle_area(base=10)]": "required parameter(s) height",
        "[calculate_triangle_area(base=10, height=5, depth=2)]": "no parameter depth",
        "[calculate_triangle_area(base='ten', height=5)]": "'ten' is not a integer",
        "[calculate_triangle_area(base=True, height=5)]": "True is not a integer",
        "[area(base=1, height=2)]": "exactly one call of calculate_triangle_area",
        "[calculate_triangle_area(base=1, height=2), calculate_triangle_area(base=2, height=2)]":
            "2 call(s)",
        "The area is 25": "could not be read",
    }
    for reply, reason in cases.items():
        arguments, problem = check_answer(triangle, reply, "classic")
        assert arguments is None and reason in problem, (reply, problem)
    # the same call twice is one answer, not two
    twice = "[calculate_triangle_area(base=1, height=2), calculate_triangle_area(base=1, height=2)]"
    assert check_answer(triangle, twice, "classic")[0] == {"base": 1, "height": 2}


def test_value_problem_follows_bfcl_types_and_enums():
    assert value_problem({"type": "float"}, 3) is None  # Python accepts an int for a float
    assert value_problem({"type": "array", "items": {"type": "float"}}, [1, "x"]) is not None
    assert value_problem({"type": "string", "enum": ["in", "inches"]}, "cm") is not None
    assert value_problem({"type": "string", "enum": ["in", "inches"]}, "in") is None


def test_a_refused_answer_is_asked_again_with_the_problem_scripted(items):
    provider = ScriptedProvider(["[calculate_triangle_area(base=10)]",
                                 "[calculate_triangle_area(base=10, height=5)]"])
    label = label_question(items[0], provider, "classic")
    assert label.arguments == {"base": 10, "height": 5} and len(label.replies) == 2
    second = provider.requests[1].messages
    assert second[-2].role == "assistant" and second[-2].content == label.replies[0]
    assert "height are missing" in second[-1].content
    assert label.tokens > 0


def test_labelling_gives_up_after_the_reasks_scripted(items):
    provider = ScriptedProvider(["[calculate_triangle_area(base=10)]"] * 3)
    label = label_question(items[0], provider, "classic", max_reasks=2)
    assert label.arguments is None and len(label.replies) == 3
    assert "missing" in label.problem


def test_workflow_output_becomes_a_call_typed_as_the_function_declares(items):
    curve = items[13]
    flow = build_workflow(curve, [Example(question=curve.question,
                                          arguments={"function": "x**2", "interval": [1, 3]})])
    call = flow.call_from_output(curve.function_name,
                                 {"function": "x**2", "interval": [1, 3], "method": None})
    assert call == [{curve.function_name: {"function": "x**2", "interval": [1.0, 3.0]}}]
    assert isinstance(call[0][curve.function_name]["interval"][0], float)
    assert check(curve, call).error_type != "type_error:nested"
