"""Templates inside a workflow tree: a batch step followed by a rule step.

The batch step's fixtures-to-cases run, its run in process and in the sandbox, and
its checkpoint all go through the batch runner, whatever comes after it; rule steps
take template options like function steps. Model replies are scripted.
"""

from __future__ import annotations

import pytest
import yaml

from compiled_ai.artifacts.store import read_verified, write_artifact
from compiled_ai.compiler import compile_spec
from compiled_ai.compiler.cases import step_cases
from compiled_ai.compiler.templates import frame_for
from compiled_ai.errors import SpecError
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.runtime import Workflow, run_once
from compiled_ai.runtime.checkpoint import MemoryCheckpoint
from compiled_ai.spec import parse_spec
from tests.template_replies import BATCH_CORRECT, BATCH_SPEC

TOTAL_REPLY = '''\
```python
def order_total(priced: list[dict[str, Any]]) -> OrderTotalResult:
    return {"total": round(sum(line["amount"] for line in priced), 2)}
```
'''
TOTALS = {"two_lines": 22.95, "no_discount": 7.5, "empty_order": 0.0,
          "invalid_line_is_skipped": 2.0, "rounding": 7.51}


def two_step_text() -> str:
    """The batch example with a rule step after it that totals the priced lines."""
    data = yaml.safe_load(BATCH_SPEC.read_text())
    data["name"] = "batch_then_rule"
    data["output_schema"]["properties"]["total"] = {"type": "number"}
    data["steps"].append({
        "id": "order_total", "kind": "rule",
        "rule": "total is the sum of the amounts of the priced lines, rounded to 2 decimals",
        "inputs": {"priced": data["steps"][0]["outputs"]["priced"]},
        "outputs": {"total": {"type": "number"}}})
    for fixture in data["fixtures"]:
        fixture["expected"]["total"] = TOTALS[fixture["name"]]
    return yaml.safe_dump(data, sort_keys=False)


SPEC_TEXT = two_step_text()
SPEC = parse_spec(SPEC_TEXT)


def body(reply: str) -> str:
    return reply.split("```python\n", 1)[1].split("```", 1)[0]


def test_cases_after_a_batch_step_are_prepared_through_the_batch_runner():
    batch = SPEC.steps[0]
    source = frame_for(SPEC, batch).assemble(body(BATCH_CORRECT))
    cases = {c.name: c for c in step_cases(SPEC, SPEC.steps[1], {"price_line": source})}
    # called directly with (lines, discount) the one-record function would fail; through
    # the runner it prices each line and leaves the failing one out
    assert cases["invalid_line_is_skipped"].inputs == {"priced": [{"sku": "OK1", "amount": 2.0}]}
    assert cases["two_lines"].inputs == {"priced": [{"sku": "AB1", "amount": 18.0},
                                                    {"sku": "CD2", "amount": 4.95}]}
    assert cases["rounding"].expected == {"total": 7.51}


@pytest.fixture(scope="module")
def artifact(tmp_path_factory):
    compiled = compile_spec(SPEC, SPEC_TEXT.encode("utf-8"),
                            ScriptedProvider([BATCH_CORRECT, TOTAL_REPLY]))
    target = tmp_path_factory.mktemp("tmpl_flow") / "batch_then_rule"
    write_artifact(target, compiled.files, compiled.manifest)
    return target


def test_scripted_batch_then_rule_runs_with_a_checkpoint_and_isolated_alike(artifact):
    payload = {"lines": [{"sku": "ab1", "quantity": 2, "unit_price": 10.0},
                         {"sku": "zz", "quantity": 0, "unit_price": 3.0}], "discount": 0.5}
    expected = {"priced": [{"sku": "AB1", "amount": 10.0}], "total": 10.0,
                "errors": [{"index": 1, "error": "ValueError: quantity must be at least 1"}]}
    workflow = Workflow(read_verified(artifact))
    assert workflow.steps["price_line"].options["batch"] == "lines"
    assert workflow.steps["price_line"].code_sha256
    checkpoint = MemoryCheckpoint()
    result = run_once(workflow, payload, None, transaction="t-1", checkpoint=checkpoint)
    assert result.output == expected
    assert set(checkpoint.entries) == {"price_line"}  # only the batch step checkpoints
    assert Workflow(read_verified(artifact), isolated=True).run(payload).output == expected


def test_rule_steps_take_template_options_checked_like_function_steps():
    data = yaml.safe_load(SPEC_TEXT)
    data["steps"][1]["template_options"] = {"batch": "priced"}
    with pytest.raises(SpecError, match="template 'sync_handler' takes no options"):
        parse_spec(yaml.safe_dump(data, sort_keys=False))


def foreach_text() -> str:
    """The batch example inside a foreach over orders: one batch per order."""
    data = yaml.safe_load(BATCH_SPEC.read_text())
    line_list = data["input_schema"]["properties"]["lines"]
    data["name"] = "batch_per_order"
    data["input_schema"] = {"type": "object", "required": ["orders", "discount"], "properties": {
        "orders": {"type": "array", "items": {"type": "object", "required": ["lines"],
                                              "properties": {"lines": line_list}}},
        "discount": {"type": "number", "minimum": 0, "maximum": 1}}}
    data["output_schema"] = {"type": "object", "properties": {"orders_priced": {"type": "array"}}}
    batch = data["steps"][0]
    batch["args"] = {"lines": "${order.lines}"}
    data["steps"] = [{"id": "orders_priced", "kind": "foreach", "over": "${input.orders}",
                      "item": "order", "collect": ["priced"], "steps": [batch]}]
    data.pop("tolerances", None)
    data["fixtures"] = [{
        "name": "two_orders",
        "input": {"orders": [{"lines": [{"sku": "ab1", "quantity": 2, "unit_price": 10.0}]},
                             {"lines": [{"sku": "x9", "quantity": 3, "unit_price": 2.5}]}],
                  "discount": 0.0},
        "expected": {"orders_priced": [{"priced": [{"sku": "AB1", "amount": 20.0}]},
                                       {"priced": [{"sku": "X9", "amount": 7.5}]}]}}]
    return yaml.safe_dump(data, sort_keys=False)


def test_scripted_batch_inside_foreach_checkpoints_each_element_and_resumes(tmp_path):
    text = foreach_text()
    compiled = compile_spec(parse_spec(text), text.encode("utf-8"),
                            ScriptedProvider([BATCH_CORRECT]))
    target = tmp_path / "batch_per_order"
    write_artifact(target, compiled.files, compiled.manifest)
    workflow = Workflow(read_verified(target))
    payload = {"orders": [{"lines": [{"sku": "a", "quantity": 1, "unit_price": 1.0},
                                     {"sku": "b", "quantity": 2, "unit_price": 1.0}]},
                          {"lines": [{"sku": "c", "quantity": 3, "unit_price": 1.0}]}],
               "discount": 0.0}
    checkpoint = MemoryCheckpoint()
    first = run_once(workflow, payload, None, transaction="t-1", checkpoint=checkpoint)
    assert first.output["orders_priced"] == [
        {"priced": [{"sku": "A", "amount": 1.0}, {"sku": "B", "amount": 2.0}]},
        {"priced": [{"sku": "C", "amount": 3.0}]}]
    # one entry per order, not one entry overwritten by each order in turn
    assert set(checkpoint.entries) == {"price_line[orders_priced=0]",
                                       "price_line[orders_priced=1]"}
    assert len(checkpoint.entries["price_line[orders_priced=0]"]["done"]) == 2
    # a restarted run reuses each order's finished records instead of pricing them again:
    # a result planted in the second order's entry comes back as it is
    checkpoint.entries["price_line[orders_priced=1]"]["done"]["0"]["result"]["amount"] = 99.0
    again = run_once(workflow, payload, None, transaction="t-2", checkpoint=checkpoint)
    assert again.output["orders_priced"][0] == first.output["orders_priced"][0]
    assert again.output["orders_priced"][1] == {"priced": [{"sku": "C", "amount": 99.0}]}
