"""The paper protocol's labelling call, checked against the function's declaration.

Under the paper protocol the fixture's expected output is the model's own answer to the
scored question (never BFCL's ground truth). Compile time is where spending tokens is
cheap, so the answer is checked against what the function declares (one call of it,
known parameters, required ones present, declared types and enums) and, when it breaks
one of those, the model is told what is wrong and asked again, at most ``MAX_REASKS``
times. Every token spent counts as a compile token. The runtime baseline gets no such
second chance: re-asking there would cost tokens on every transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from compiled_ai.benchmarks.bfcl.baseline import DecodeError
from compiled_ai.benchmarks.bfcl.data import BfclItem
from compiled_ai.benchmarks.bfcl.prompting import decode_reply, request_for
from compiled_ai.providers.base import CompletionRequest, Message, Provider

MAX_REASKS = 2


@dataclass
class Label:
    arguments: dict[str, Any] | None
    replies: list[str] = field(default_factory=list)
    tokens: int = 0
    problem: str | None = None  # why the last answer was refused, when none was accepted


def label_question(item: BfclItem, provider: Provider, style: str,
                   max_reasks: int = MAX_REASKS) -> Label:
    first = request_for(item, style)
    messages = list(first.messages)
    label = Label(arguments=None)
    for _ in range(1 + max_reasks):
        completion = provider.complete(CompletionRequest(
            messages=tuple(messages), max_tokens=first.max_tokens))
        label.replies.append(completion.text)
        label.tokens += completion.usage.total
        arguments, problem = check_answer(item, completion.text, style)
        if problem is None:
            label.arguments, label.problem = arguments, None
            return label
        label.problem = problem
        messages += [Message(role="assistant", content=completion.text),
                     Message(role="user", content=f"That answer is not valid: {problem} "
                             f"Reply again with exactly one corrected call of "
                             f"{item.function_name}, in the same format.")]
    return label


def trimmed(value: Any) -> Any:
    """Strings without surrounding whitespace, also inside lists and dicts. The model now
    and then pads a value (``" Christianity"``); BFCL's checker ignores that, the accuracy
    stage compares exactly, and code returning the clean word failed all 10 attempts."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [trimmed(element) for element in value]
    if isinstance(value, dict):
        return {key: trimmed(element) for key, element in value.items()}
    return value


def check_answer(item: BfclItem, reply: str,
                 style: str) -> tuple[dict[str, Any] | None, str | None]:
    """The answer's arguments (strings ``trimmed``), or the first way it breaks the
    function's declaration."""
    try:
        calls = decode_reply(reply, style)
    except DecodeError as exc:
        return None, f"it could not be read ({exc})."
    distinct = {repr(sorted(c.items())) for c in calls}
    if len(distinct) != 1 or item.function_name not in calls[0]:
        names = ", ".join(sorted({name for c in calls for name in c})) or "none"
        return None, (f"it must be exactly one call of {item.function_name} "
                      f"(it called: {names}; {len(calls)} call(s)).")
    arguments = calls[0][item.function_name]
    declared = item.function.get("parameters", {})
    properties: dict[str, Any] = declared.get("properties", {})
    unknown = sorted(set(arguments) - set(properties))
    if unknown:
        return None, f"{item.function_name} has no parameter {', '.join(unknown)}."
    missing = [name for name in declared.get("required", []) if name not in arguments]
    if missing:
        return None, f"the required parameter(s) {', '.join(missing)} are missing."
    for name, value in arguments.items():
        problem = value_problem(properties[name], value)
        if problem:
            return None, f"parameter {name!r}: {problem}"
    return trimmed(arguments), None


def value_problem(parameter: dict[str, Any], value: Any) -> str | None:
    """Whether a value fits a BFCL parameter declaration (its Python type and enum)."""
    kind = parameter.get("type")
    if isinstance(parameter.get("enum"), list) and value not in parameter["enum"]:
        return f"{value!r} is not one of {parameter['enum']}."
    expected = _PYTHON_TYPES.get(str(kind))
    if expected is not None and not _fits(value, expected):
        return f"{value!r} is not a {kind}."
    if kind in ("array", "tuple") and isinstance(parameter.get("items"), dict):
        for element in value:
            problem = value_problem(parameter["items"], element)
            if problem:
                return f"an element: {problem}"
    return None


_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "integer": (int,), "float": (int, float), "string": (str,), "boolean": (bool,),
    "array": (list,), "tuple": (list,), "dict": (dict,)}


def _fits(value: Any, expected: tuple[type, ...]) -> bool:
    if isinstance(value, bool) and bool not in expected:
        return False
    return isinstance(value, expected)
