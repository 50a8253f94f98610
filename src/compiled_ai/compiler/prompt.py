"""Assemble the compile prompt: template frame + intent + schemas + examples + compliance.

The conversation is: system rules, one worked request and answer (``demonstration``),
then the step's own request; retries keep that opening.

Holdout fixtures never reach this module's output; the accuracy stage uses them
to catch code that only memorised the examples.
"""

from __future__ import annotations

import ast
import json
from typing import Any

from compiled_ai.compiler.demonstration import DEMONSTRATION
from compiled_ai.compiler.templates import StepFrame, frame_for
from compiled_ai.compiler.validate.findings import Finding
from compiled_ai.providers.base import Message
from compiled_ai.security.canary import canary_instruction
from compiled_ai.spec.models import FunctionStep, Spec
from compiled_ai.spec.operations import operation

ALLOWED_IMPORTS_TEXT = "math, re, decimal, fractions, datetime, statistics, itertools, " \
    "functools, collections, string, typing"

SYSTEM_PROMPT = f"""You write one small, pure, deterministic Python 3.11 function.
Rules:
- Use only these standard-library modules: {ALLOWED_IMPORTS_TEXT}. No other imports.
- No input/output of any kind: no print, no files, no network, no environment, no logging.
- No randomness, no clocks, no eval/exec, no attributes that start with an underscore.
- Do not iterate over sets when order matters; the same input must always give the same output.
- Keep it short (about 20-50 lines). Add type annotations.
- Return a dict with exactly the listed result keys.
Reply with the complete function in one ```python code block and nothing else."""


def build_messages(
    frame: StepFrame,
    intent: str,
    inputs: dict[str, dict[str, Any]],
    outputs: dict[str, dict[str, Any]],
    examples: list[tuple[dict[str, Any], dict[str, Any]]],
    compliance: list[str],
    canary: str | None = None,
    module_calls: list[list[dict[str, Any]]] | None = None,
    demonstration: tuple[Message, ...] = DEMONSTRATION,
) -> list[Message]:
    """The first request for a step; ``canary`` is planted for the output gate.

    A wrapper template's function sees narrower parameters and results than its step
    (one record, one event): the frame's own ones are shown, with its guidance. A step
    with ``uses`` gets its ``modules`` described, and ``module_calls`` (per example, the
    recorded calls) say what the modules replied in each example. ``demonstration``:
    the worked request and answer shown first (``compiler.demonstration``).
    """
    defined = ("the types shown are already defined; do not redefine them" if frame.uses
               else "the result type is already defined")
    given = ""
    if frame.helpers:
        defined = ("the result type and the helper functions shown are already defined: "
                   "call them, do not define them again")
        given = f"\n\n{helper_stubs(frame.helpers)}"
    sections = [
        f"Task: {intent.strip()}",
        f"Implement exactly this signature ({defined}):\n"
        f"```python\n{frame.result_definition.strip()}{given}\n\n{frame.signature}\n"
        "    ...\n```",
    ]
    if frame.guidance:
        sections.append(f"How the template calls it: {frame.guidance}")
    sections += ["Parameters:\n" + _describe(frame.parameters or inputs),
                 "Result keys:\n" + _describe(frame.result_fields or outputs)]
    if frame.uses:
        sections.append(_describe_modules(frame.uses))
    if examples:
        told = ("; modules is passed too and answers as listed after them" if frame.uses
                else "")
        sections.append(f"Examples (each must hold{told}):\n"
                        + "\n".join(frame.example_lines(examples)))
    if frame.uses and examples and module_calls:
        sections.append(_describe_replies(examples, module_calls))
    if compliance:
        sections.append("Compliance requirements:\n" + "\n".join(compliance))
    system = SYSTEM_PROMPT if canary is None else f"{SYSTEM_PROMPT}\n{canary_instruction(canary)}"
    return [Message(role="system", content=system), *demonstration,
            Message(role="user", content="\n\n".join(sections))]


def helper_stubs(helpers: str) -> str:
    """The helpers as the prompt shows them: each function's signature and docstring, its
    body left out (the model calls them; their code is the template's)."""
    lines = helpers.splitlines()
    stubs = []
    for node in ast.parse(helpers).body:
        if isinstance(node, ast.FunctionDef):
            docstring = ast.get_docstring(node) is not None
            last = node.body[0].end_lineno if docstring else node.body[0].lineno - 1
            last = max(last or node.lineno, node.lineno)  # a one-line def shows as it is
            stub = "\n".join(lines[node.lineno - 1:last])
            stubs.append(f"{stub}\n    ..." if docstring else f"{stub} ...")
    return "\n\n".join(stubs)


def worked_example(spec: Spec, answer: str, helpers: str = "") -> tuple[Message, Message]:
    """A demonstration built from a one-step spec: the request exactly as the compiler
    words one for it (its shown fixtures; no compliance rules, no canary; ``helpers`` as
    ``CompileOptions.helpers``), and ``answer``."""
    step = spec.compiled_steps()[0]
    assert isinstance(step, FunctionStep)
    shown = [(f.input, f.expected) for f in spec.fixtures if not f.holdout]
    request = build_messages(frame_for(spec, step, helpers), step.intent, step.inputs,
                             step.outputs, shown, [])[-1]
    return request, Message(role="assistant", content=answer)


def build_retry(previous: list[Message], reply: str, findings: list[Finding],
                opening: int, fresh: bool = False) -> list[Message]:
    """Feed the failed attempt and its findings back, asking for a corrected function.

    ``fresh``: leave the failed code out and ask the original request afresh, with the
    problems to avoid appended. Shown its own code, a small model copies it token for
    token, even when sampling, so later attempts would all fail the same way; asked
    afresh, each sampled attempt is an independent try. ``opening``: the length of the
    first request's messages (system, demonstration, the step's request).
    """
    listed = "\n".join(f"- [{f.id}] {f.message}" for f in findings[:12])
    *lead, request = previous[:opening]  # system, demonstration, the step's request
    if fresh:
        return [*lead, Message(role="user", content=(
            f"{request.content}\n\nAn earlier attempt at this function failed validation "
            f"with:\n{listed}\nAvoid these problems. Reply with the complete function in one "
            "```python code block."))]
    content = (
        "That function failed validation:\n"
        f"{listed}\n"
        "Fix every problem and reply with the complete corrected function "
        "in one ```python code block."
    )
    return [*lead, request, Message(role="assistant", content=reply),
            Message(role="user", content=content)]


def _describe_modules(uses: tuple[str, ...]) -> str:
    lines = ["Modules: the parameter `modules` is the function's only way to reach a database, "
             "a web service or a notification channel; never import anything for that. It "
             "offers exactly these operations (anything else raises an error):"]
    for name in uses:
        op = operation(name)
        reply = ", ".join(f'"{k}": {a}' for k, (a, _s) in op.result.items())
        lines.append(f"- {op.call_text()} -> {{{reply}}}: {op.summary}")
    lines.append("Call them like this:\n```python\n"
                 + "\n".join(operation(name).example for name in uses) + "\n```")
    return "\n".join(lines)


def _describe_replies(examples: list[tuple[dict[str, Any], dict[str, Any]]],
                      module_calls: list[list[dict[str, Any]]]) -> str:
    lines = ["What the modules replied in those examples (calls in order):"]
    for (given, _expected), calls in zip(examples, module_calls, strict=True):
        replies = "; ".join(f"{c['operation']} -> {_json(c['result'])}" for c in calls) \
            or "no module call"
        lines.append(f"- input {_json(given)}: {replies}")
    return "\n".join(lines)


def _describe(fields: dict[str, dict[str, Any]]) -> str:
    return "\n".join(f"- {name}: {_json(schema)}" for name, schema in fields.items())


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
