"""The workflow DSL in the spec: blocks, references and their located errors.

Each bad spec is FLOW with one edit; the expected line is found in the edited text.
"""

from __future__ import annotations

import json
import re

import pytest

from compiled_ai.errors import SpecError
from compiled_ai.spec import parse_spec
from compiled_ai.spec.models import (
    BoundedStep,
    ForeachBlock,
    ParallelBlock,
    RuleStep,
    Spec,
    parse_reference,
)
from tests.runtime.test_flow_executor import BOUNDED_SPEC
from tests.runtime.test_flow_executor import SPEC as FLOW


def error_of(text: str) -> tuple[int, str]:
    with pytest.raises(SpecError) as info:
        parse_spec(text, "flow.yaml")
    message = str(info.value)
    match = re.match(r"^flow\.yaml:(\d+): (.*)$", message)
    assert match and "\n" not in message, message
    return int(match.group(1)), match.group(2)


def line_of(text: str, needle: str) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def edit(old: str, new: str, text: str = FLOW) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_the_tree_parses_into_blocks_and_leaves():
    spec = parse_spec(FLOW)
    assert isinstance(spec.steps[0], ParallelBlock) and isinstance(spec.steps[1], ForeachBlock)
    assert [s.id for s in spec.leaves()] == ["check_eligibility", "double", "echo",
                                            "price_line", "total_up"]
    rule = spec.leaves()[0]
    assert isinstance(rule, RuleStep) and rule.intent == rule.rule
    assert [s.id for s in spec.compiled_steps()] == [s.id for s in spec.leaves()]


def test_a_name_written_by_two_parallel_branches_is_refused():
    text = edit("outputs: {seen_amount: {type: number}}",
                "outputs: {seen_amount: {type: number}, eligible: {type: boolean}}")
    line, message = error_of(text)
    assert message.startswith("steps[0].branches[1]: 'eligible' is written by parallel "
                              "branches 0 and 1")
    assert line == line_of(text, "- kind: sequence")


def test_a_branch_cannot_read_what_a_sibling_branch_writes():
    text = edit("inputs: {amount: {type: number}}\n            outputs: {doubled",
                "inputs: {eligible: {type: boolean}}\n            outputs: {doubled")
    line, message = error_of(text)
    assert "reads 'eligible', which neither the input schema nor an earlier step" in message
    assert line == line_of(text, "inputs: {eligible: {type: boolean}}\n".strip())


@pytest.mark.parametrize(("reference", "problem"), [
    ("${nowhere}", "'nowhere' is neither the input, a step nor a name in the state here"),
    ("${input.nope}", "the input schema has no property 'nope'"),
    ("${total_up.total}", "step 'total_up' has not run at this point"),
    ("${check_eligibility.nope}", "step 'check_eligibility' has no output 'nope'"),
    ("${line.billed", "is not a reference"),
])
def test_bad_references_are_located(reference, problem):
    text = edit('args: {billed: "${line.billed}"}', f'args: {{billed: "{reference}"}}')
    line, message = error_of(text)
    assert message.startswith("steps[1].steps[0].args.billed: ") and problem in message
    assert line == line_of(text, "args: {billed:")


def test_foreach_body_outputs_do_not_leak_out_of_the_loop():
    text = edit("args: {lines: \"${priced}\"}", "args: {lines: \"${note}\"}")
    _line, message = error_of(text)
    assert "'note' is neither the input, a step nor a name in the state here" in message


@pytest.mark.parametrize(("old", "new", "needle", "problem"), [
    ("kind: rule\n", "kind: decree\n", "kind: decree", "unknown step kind"),
    ("collect: [allowed]", "collect: [allowed, ghost]", "collect:",
     "'ghost' is written by no step of the body"),
    ("args: {member_id:", "args: {member:", "args: {member:",
     "'member' is not one of the step's inputs"),
    ("over: ${input.lines}", "over: lines", "over: lines", "must be a reference"),
    ("item: line", "item: member", "item: member", "'member' already names data"),
    ("  - id: total_up", "  - id: doubled", "- id: doubled", "also the name of a data field"),
    ("      - id: price_line", "      - id: double", None, "used twice"),
])
def test_block_errors_are_located(old, new, needle, problem):
    """``needle`` marks the line the error must point at (None: the id occurs twice)."""
    text = edit(old, new)
    line, message = error_of(text)
    assert problem in message, message
    if needle is not None:
        assert line == line_of(text, needle)


def test_recorded_outputs_only_for_bounded_or_call_steps():
    text = edit("recorded: {read_note: [{score: 3}]}", "recorded: {pick_best: {best: 3}}",
                BOUNDED_SPEC)
    with pytest.raises(SpecError, match=r"fixtures\[0\]\.recorded\.pick_best: 'pick_best' is "
                                        "not a bounded or call step"):
        parse_spec(text, "flow.yaml")
    spec = parse_spec(BOUNDED_SPEC)
    assert spec.fixtures[0].recorded_outputs("read_note") == [{"score": 3}]
    text = edit("recorded: {read_note: [{score: 3}]}", "recorded: {read_note: [{score: x}]}",
                BOUNDED_SPEC)
    with pytest.raises(SpecError, match=r"fixtures\[0\]\.recorded\.read_note\[0\]\.score: "
                                        "recorded output does not match step 'read_note'"):
        parse_spec(text, "flow.yaml")


def test_bounded_step_dumps_by_alias_and_round_trips():
    spec = parse_spec(edit("outputs: {score: {type: number}}",
                           "outputs: {score: {type: number}}\n        validate: ['score >= 0']",
                           BOUNDED_SPEC))
    dumped = spec.model_dump(mode="json", by_alias=True)
    assert dumped["steps"][0]["steps"][0]["validate"] == ["score >= 0"]
    again = Spec.model_validate(dumped)
    step = again.leaves()[0]
    assert isinstance(step, BoundedStep) and step.validate_ == ["score >= 0"]
    assert again == spec


def test_steps_without_kind_are_functions():
    assert "kind: function" not in FLOW  # double, echo, price_line and total_up omit it
    assert [s.kind for s in parse_spec(FLOW).leaves()] == ["rule"] + ["function"] * 4


def test_references_parse():
    assert str(parse_reference("${extract.bmi}")) == "${extract.bmi}"
    assert parse_reference("${input.lines.0}").path == ("lines", "0")
    assert parse_reference("plain text") is None
    with pytest.raises(ValueError):
        parse_reference("total is ${x}")


def test_schema_lists_every_step_kind():
    schema = json.dumps(Spec.model_json_schema())
    for kind in ("FunctionStep", "RuleStep", "BoundedStep", "CallStep", "ParallelBlock",
                 "ForeachBlock", "SequenceBlock"):
        assert kind in schema
