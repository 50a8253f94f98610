"""The executor on step trees: sequence, parallel, foreach, references, bounded, call, audit.

Artifacts are written from hand-written step code (tests/runtime/artifact_builder.py),
so every expected value below follows from code the test controls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import pytest

from compiled_ai.errors import ConfigurationError, StepExecutionError
from compiled_ai.runtime import run_once
from compiled_ai.runtime.audit import AuditLog
from compiled_ai.runtime.bounded_protocol import BoundedOutcome
from compiled_ai.runtime.modules import ModuleRegistry
from compiled_ai.spec.models import BoundedStep
from tests.runtime.artifact_builder import workflow

SPEC = """\
name: flow_test
version: 1.0.0
input_schema:
  type: object
  properties:
    member: {type: string}
    amount: {type: number}
    lines: {type: array, items: {type: object}}
output_schema:
  type: object
  properties:
    eligible: {type: boolean}
    doubled: {type: number}
    seen_amount: {type: number}
    priced: {type: array}
    total: {type: number}
steps:
  - id: checks
    kind: parallel
    branches:
      - id: check_eligibility
        kind: rule
        rule: Members whose id starts with M are eligible.
        inputs: {member_id: {type: string}}
        args: {member_id: "${input.member}"}
        outputs: {eligible: {type: boolean}, amount: {type: number}}
      - kind: sequence
        steps:
          - id: double
            intent: Double the amount the branch sees.
            inputs: {amount: {type: number}}
            outputs: {doubled: {type: number}}
          - id: echo
            intent: Report the amount this branch saw.
            inputs: {amount: {type: number}}
            outputs: {seen_amount: {type: number}}
  - id: priced
    kind: foreach
    over: ${input.lines}
    item: line
    collect: [allowed]
    steps:
      - id: price_line
        intent: Allowed amount is the billed amount when eligible, else zero.
        inputs: {billed: {type: number}, eligible: {type: boolean}}
        args: {billed: "${line.billed}"}
        outputs: {allowed: {type: number}, note: {type: string}}
  - id: total_up
    intent: Sum the allowed amounts of the priced lines.
    inputs: {lines: {type: array}}
    args: {lines: "${priced}"}
    outputs: {total: {type: number}}
fixtures:
  - name: one
    input: {member: M1, amount: 5, lines: []}
    expected: {eligible: true, doubled: 10, seen_amount: 5, priced: [], total: 0}
"""

CODE = {
    # overwrites the input field 'amount' inside one branch: the other branch must not see it
    "check_eligibility": """
        def check_eligibility(member_id):
            return {"eligible": member_id.startswith("M"), "amount": -1.0}
    """,
    "double": "def double(amount):\n    return {'doubled': amount * 2}\n",
    "echo": "def echo(amount):\n    return {'seen_amount': amount}\n",
    "price_line": """
        def price_line(billed, eligible):
            return {"allowed": billed if eligible else 0.0, "note": "x"}
    """,
    "total_up": "def total_up(lines):\n    return {'total': sum(x['allowed'] for x in lines)}\n",
}

PAYLOAD = {"member": "M7", "amount": 21.0,
           "lines": [{"billed": 10.0}, {"billed": 2.5}, {"billed": 7.25}]}


@pytest.fixture
def flow(tmp_path):
    return workflow(tmp_path / "art", SPEC, CODE)


def test_parallel_foreach_and_references_give_the_expected_output(flow):
    result = flow.run(PAYLOAD)
    assert result.output == {"eligible": True, "doubled": 42.0, "seen_amount": 21.0,
                             "priced": [{"allowed": 10.0}, {"allowed": 2.5},
                                        {"allowed": 7.25}], "total": 19.75}
    assert set(result.step_ms) == {"check_eligibility", "double", "echo", "price_line",
                                   "total_up"}
    assert result.tokens == 0 and result.status == "ok"


def test_parallel_branches_see_one_snapshot_and_merge_in_declaration_order(flow, tmp_path):
    # branch 0 writes amount=-1 before branch 1 runs; branch 1 still sees 21.0, and the
    # merged state carries branch 0's write (so a later reader would get -1.0)
    result = flow.run(PAYLOAD)
    assert result.output["doubled"] == 42.0 and result.output["seen_amount"] == 21.0
    threaded = workflow(tmp_path / "threads", SPEC, CODE, parallelism=4)
    for _ in range(20):
        assert threaded.run(PAYLOAD).output == result.output


def test_foreach_of_ineligible_member_collects_zeroes_in_order(flow):
    result = flow.run({**PAYLOAD, "member": "X1"})
    assert [line["allowed"] for line in result.output["priced"]] == [0.0, 0.0, 0.0]
    assert result.output["total"] == 0.0
    assert flow.run({**PAYLOAD, "lines": []}).output["priced"] == []


def test_foreach_over_a_non_list_fails_cleanly(tmp_path):
    spec = SPEC.replace("over: ${input.lines}", "over: ${input.member}")
    flow = workflow(tmp_path / "a", spec, CODE)
    with pytest.raises(StepExecutionError, match=r"foreach 'priced': \$\{input.member\} is "
                                                 r"str, not a list"):
        flow.run(PAYLOAD)


def test_a_step_error_names_the_step(tmp_path):
    code = {**CODE, "price_line": "def price_line(billed, eligible):\n"
                                  "    return {'allowed': 1/0, 'note': ''}\n"}
    flow = workflow(tmp_path / "a", SPEC, code)
    with pytest.raises(StepExecutionError, match="step 'price_line' raised ZeroDivisionError"):
        flow.run(PAYLOAD)


# --- bounded steps ---------------------------------------------------------------------------

BOUNDED_SPEC = """\
name: bounded_test
version: 1.0.0
input_schema:
  type: object
  properties:
    notes: {type: array, items: {type: string}}
output_schema:
  type: object
  properties:
    scores: {type: array}
    best: {type: number}
steps:
  - id: scores
    kind: foreach
    over: ${input.notes}
    item: note
    steps:
      - id: read_note
        kind: bounded
        instruction: Read the score written in the note.
        inputs: {text: {type: string}}
        args: {text: "${note}"}
        outputs: {score: {type: number}}
  - id: pick_best
    intent: The best score is the highest one, 0 when there are none.
    inputs: {scores: {type: array}}
    outputs: {best: {type: number}}
fixtures:
  - name: one
    input: {notes: ["score 3"]}
    recorded: {read_note: [{score: 3}]}
    expected: {scores: [{score: 3}], best: 3}
"""

BOUNDED_CODE = {"pick_best": "def pick_best(scores):\n"
                             "    return {'best': max([s['score'] for s in scores], default=0)}\n"}


@dataclass
class ScriptedInvoker:
    """A scripted stand-in for the bounded invoker: parses the number, 7+3 tokens a call."""

    park_on: str | None = None
    calls: list[tuple[str, dict[str, Any], str, str]] = field(default_factory=list)

    def invoke(self, step: BoundedStep, arguments: dict[str, Any], *, workflow: str,
               transaction: str) -> BoundedOutcome:
        self.calls.append((step.id, arguments, workflow, transaction))
        if arguments["text"] == self.park_on:
            return BoundedOutcome(status="review", output={}, input_tokens=5, output_tokens=0,
                                  attempts=3, review_id=41, reason="unreadable")
        return BoundedOutcome(status="ok", output={"score": float(arguments["text"].split()[1])},
                              input_tokens=7, output_tokens=3, attempts=1)


def test_bounded_steps_go_to_the_invoker_and_tokens_are_summed_scripted(tmp_path):
    invoker = ScriptedInvoker()
    flow = workflow(tmp_path / "a", BOUNDED_SPEC, BOUNDED_CODE, bounded=invoker)
    result = flow.run({"notes": ["score 4", "score 9", "score 1"]}, transaction="tx-1")
    assert result.output == {"scores": [{"score": 4.0}, {"score": 9.0}, {"score": 1.0}],
                             "best": 9.0}
    assert result.tokens == 30
    assert [c[1]["text"] for c in invoker.calls] == ["score 4", "score 9", "score 1"]
    assert {(c[2], c[3]) for c in invoker.calls} == {("bounded_test@1.0.0", "tx-1")}
    assert result.recorded == {"read_note": [{"score": 4.0}, {"score": 9.0}, {"score": 1.0}]}


def test_replay_answers_bounded_steps_from_the_recorded_history_scripted(tmp_path):
    invoker = ScriptedInvoker()
    flow = workflow(tmp_path / "a", BOUNDED_SPEC, BOUNDED_CODE, bounded=invoker)
    first = flow.run({"notes": ["score 4", "score 9"]})
    calls = len(invoker.calls)
    again = flow.run({"notes": ["score 4", "score 9"]}, replay=first.recorded)
    assert again.output == first.output and again.tokens == 0
    assert len(invoker.calls) == calls  # no model call during replay
    with pytest.raises(StepExecutionError, match="diverged"):
        flow.run({"notes": ["score 4", "score 9", "score 5"]}, replay=first.recorded)


def test_missing_invoker_is_a_clear_configuration_error(tmp_path):
    flow = workflow(tmp_path / "a", BOUNDED_SPEC, BOUNDED_CODE)
    with pytest.raises(ConfigurationError, match="read_note are bounded model calls.*no "
                                                 "bounded invoker"):
        flow.run({"notes": []})


def test_review_stops_the_run_and_the_audit_records_tokens_scripted(tmp_path):
    flow = workflow(tmp_path / "a", BOUNDED_SPEC, BOUNDED_CODE,
                    bounded=ScriptedInvoker(park_on="score ?"))
    audit = AuditLog(tmp_path / "audit.sqlite")
    done = run_once(flow, {"notes": ["score 2", "score 5"]}, audit)
    parked = run_once(flow, {"notes": ["score 2", "score ?", "score 5"]}, audit)
    assert done.status == "ok" and done.tokens == 20
    assert parked.status == "review" and parked.review_id == 41 and parked.output == {}
    assert parked.tokens == 15  # 10 for the first note, 5 for the parked one, none after
    rows = list(audit.rows())
    assert [(r["outcome"], r["tokens"]) for r in rows] == [("ok", 20), ("review", 15)]
    assert rows[1]["output_sha256"] is None
    assert audit.verify().problems == []


# --- call steps ------------------------------------------------------------------------------

CALL_SPEC = """\
name: call_test
version: 1.0.0
input_schema:
  type: object
  properties:
    member: {type: string}
output_schema:
  type: object
  properties:
    plan: {type: string}
    covered: {type: boolean}
steps:
  - id: fetch_member
    kind: call
    operation: members.lookup
    args: {member_id: "${input.member}", fields: [plan, "${input.member}"]}
    outputs: {plan: {type: string}}
  - id: decide
    kind: rule
    rule: Gold plans are covered, nothing else is.
    inputs: {plan: {type: string}}
    outputs: {covered: {type: boolean}}
fixtures:
  - name: one
    input: {member: M1}
    recorded: {fetch_member: {plan: gold}}
    expected: {plan: gold, covered: true}
"""


class Members:
    """A module: an allow-listed operation over an in-memory table."""

    OPERATIONS: ClassVar[frozenset[str]] = frozenset({"lookup"})

    def __init__(self) -> None:
        self.seen: list[tuple[str, list[str]]] = []

    def lookup(self, member_id: str, fields: list[str]) -> dict[str, Any]:
        self.seen.append((member_id, fields))
        return {"plan": {"M1": "gold"}.get(member_id, "basic"), "extra": 1}

    def delete_everything(self) -> dict[str, Any]:  # not on the allow-list
        raise AssertionError("must never be reachable")


def test_call_steps_invoke_the_registered_module_with_resolved_args(tmp_path):
    members = Members()
    flow = workflow(tmp_path / "a", CALL_SPEC,
                    {"decide": "def decide(plan):\n    return {'covered': plan == 'gold'}\n"},
                    modules=ModuleRegistry({"members": members}))
    assert flow.run({"member": "M1"}).output == {"plan": "gold", "covered": True}
    assert flow.run({"member": "Z9"}).output == {"plan": "basic", "covered": False}
    assert members.seen == [("M1", ["plan", "M1"]), ("Z9", ["plan", "Z9"])]


def test_calls_need_a_configured_module_and_an_allow_listed_operation(tmp_path):
    code = {"decide": "def decide(plan):\n    return {'covered': True}\n"}
    with pytest.raises(ConfigurationError, match="no module 'members' is configured"):
        workflow(tmp_path / "a", CALL_SPEC, code, modules=ModuleRegistry({}))
    bad = CALL_SPEC.replace("members.lookup", "members.delete_everything")
    with pytest.raises(ConfigurationError, match="no operation 'delete_everything'"):
        workflow(tmp_path / "b", bad, code, modules=ModuleRegistry({"members": Members()}))
    flow = workflow(tmp_path / "c", CALL_SPEC, code)
    with pytest.raises(ConfigurationError, match="no module configuration"):
        flow.run({"member": "M1"})
