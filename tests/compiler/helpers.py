"""Shared material for the validation-stage tests.

One small spec with a single step, the template frame built from it, a correct
candidate for that step and helpers to assemble variants of it. Nothing here runs
a stage; the test modules do.
"""

from __future__ import annotations

import textwrap

from compiled_ai.compiler.cases import step_cases
from compiled_ai.compiler.templates import StepFrame, frame_for
from compiled_ai.compiler.validate.cases import StepCase
from compiled_ai.runtime.sandbox import SandboxLimits
from compiled_ai.spec import Spec, Tolerance, parse_spec

SPEC_YAML = """\
name: order_pricing
version: 1.0.0
input_schema:
  type: object
  properties:
    amount: {type: number}
    tier: {type: string}
output_schema:
  type: object
  properties:
    total: {type: number}
    label: {type: string}
    approved: {type: boolean}
tolerances:
  total: {abs: 0.01}
steps:
  - id: price_order
    intent: Gold orders get a 10 percent discount; approve totals under 1000.
    inputs:
      amount: {type: number}
      tier: {type: string}
    outputs:
      total: {type: number}
      label: {type: string}
      approved: {type: boolean}
fixtures:
  - name: gold_discount
    input: {amount: 100.0, tier: gold}
    expected: {total: 90.0, label: GOLD, approved: true}
  - name: large_basic
    input: {amount: 2000.0, tier: basic}
    expected: {total: 2000.0, label: BASIC, approved: false}
  - name: secret_case
    holdout: true
    input: {amount: 555.5, tier: silver}
    expected: {total: 555.5, label: SILVER, approved: true}
"""

SPEC: Spec = parse_spec(SPEC_YAML)
STEP = SPEC.steps[0]
FRAME: StepFrame = frame_for(SPEC, STEP)
FUNCTION = FRAME.function_name  # "price_order"
OUTPUTS = dict(STEP.outputs)
TOLERANCES: dict[str, Tolerance] = dict(SPEC.tolerances)

# A correct candidate, as the LLM would write it (the frame adds the header and result type).
GOOD_BODY = '''\
def price_order(amount: float, tier: str) -> PriceOrderResult:
    rate = 0.9 if tier == "gold" else 1.0
    total = round(amount * rate, 2)
    return {"total": total, "label": tier.upper(), "approved": total < 1000}
'''

# Limits small enough that a runaway candidate fails fast.
FAST_LIMITS = SandboxLimits(cpu_seconds=1, wall_seconds=3)


def assemble(body: str) -> str:
    """The full step module for a generated ``body`` (dedented first)."""
    return FRAME.assemble(textwrap.dedent(body))


GOOD_SOURCE = assemble(GOOD_BODY)


def function_with(*lines: str) -> str:
    """The correct candidate with ``lines`` inserted at the top of the function body."""
    head, rest = GOOD_BODY.split("\n", 1)
    inserted = "".join(f"    {line}\n" for line in lines)
    return f"{head}\n{inserted}{rest}"


def returning(total: str, label: str, approved: str, *, prelude: str = "") -> str:
    """A candidate body whose result expressions are given as source text."""
    return (f"{prelude}\n\n\n" if prelude else "") + (
        "def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
        f"    return {{\"total\": {total}, \"label\": {label}, \"approved\": {approved}}}\n"
    )


def cases() -> list[StepCase]:
    """The spec's fixtures as the step's cases, built as the compiler builds them."""
    return step_cases(SPEC, SPEC.steps[0], {})


def line_of(source: str, marker: str) -> int:
    """1-based number of the only line of ``source`` that contains ``marker``."""
    hits = [n for n, line in enumerate(source.splitlines(), 1) if marker in line]
    assert len(hits) == 1, f"marker {marker!r} found on lines {hits}"
    return hits[0]
