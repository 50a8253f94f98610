"""Per-step cases for step trees: foreach elements, parallel branches, recorded outputs."""

from __future__ import annotations

import pytest

from compiled_ai.compiler.cases import prune, step_cases
from compiled_ai.compiler.templates import frame_for
from compiled_ai.errors import SpecError
from compiled_ai.spec import load_spec, parse_spec
from tests.claims_replies import BODIES, SPEC_PATH
from tests.runtime.test_flow_executor import BOUNDED_SPEC

CLAIMS = load_spec(SPEC_PATH)
STEPS = {step.id: step for step in CLAIMS.compiled_steps()}


def source(step_id: str) -> str:
    return frame_for(CLAIMS, STEPS[step_id]).assemble(BODIES[step_id])


def before(step_id: str) -> dict[str, str]:
    """Validated sources of the steps compiled before ``step_id`` (declaration order)."""
    order = list(STEPS)
    return {earlier: source(earlier) for earlier in order[:order.index(step_id)]}


def test_a_foreach_step_gets_one_case_per_element_with_the_elements_golden_values():
    cases = step_cases(CLAIMS, STEPS["price_line"], before("price_line"))
    lines = [(f, line) for f in CLAIMS.fixtures for line in f.input["lines"]]
    assert len(cases) == len(lines) == 16
    by_name = {case.name: case for case in cases}
    lab = by_name["lab_units_capped_by_fee[0]"]
    assert lab.inputs == {"procedure_code": "80053", "units": 3, "billed": 60.0,
                          "fee_schedule": CLAIMS.fixtures[2].input["fee_schedule"]}
    assert lab.expected == {"allowed": 42.0}
    assert by_name["lab_units_capped_by_fee[1]"].expected == {"allowed": 92.0}
    holdouts = [c for c in cases if c.holdout]
    assert [c.holdout_number for c in holdouts] == list(range(1, len(holdouts) + 1))


def test_a_later_foreach_step_reads_the_earlier_ones_output():
    cases = step_cases(CLAIMS, STEPS["apply_coinsurance"], before("apply_coinsurance"))
    lab = next(c for c in cases if c.name == "lab_units_capped_by_fee[0]")
    assert lab.inputs == {"allowed": 42.0, "coinsurance": 0.1}
    assert lab.expected == {"paid": 37.8}


def test_the_step_after_the_blocks_sees_merged_branches_and_collected_lines():
    cases = step_cases(CLAIMS, STEPS["decide"], before("decide"))
    pended = next(c for c in cases if c.name == "uncovered_code_pended")
    assert pended.inputs == {"duplicate": False, "eligible": True, "uncovered_codes": ["93000"],
                             "priced_lines": [{"allowed": 92.0, "paid": 73.6},
                                              {"allowed": 17.25, "paid": 13.8}]}
    assert pended.expected == {"decision": "pend", "reason": "UNCOVERED_CODE",
                               "total_paid": 0.0}


def test_prune_cuts_everything_after_the_target_including_later_branches():
    nodes, found = prune(list(CLAIMS.steps), "check_duplicate")
    assert found and len(nodes) == 1
    assert [b.id for b in nodes[0].branches] == ["check_eligibility", "check_duplicate"]
    nodes, found = prune(list(CLAIMS.steps), "price_line")
    assert [n.id for n in nodes] == ["checks", "priced_lines"]
    assert [s.id for s in nodes[1].steps] == ["price_line"]


def test_steps_after_a_bounded_step_use_the_fixtures_recorded_outputs():
    spec = parse_spec(BOUNDED_SPEC)
    step = spec.compiled_steps()[0]
    [case] = step_cases(spec, step, {})
    assert case.inputs == {"scores": [{"score": 3}]} and case.expected == {"best": 3}
    missing = parse_spec(BOUNDED_SPEC.replace("    recorded: {read_note: [{score: 3}]}\n", ""))
    with pytest.raises(SpecError, match=r"fixture 'one': no recorded output for bounded step "
                                        r"'read_note' \(run 1\)"):
        step_cases(missing, missing.compiled_steps()[0], {})
