"""The runtime baseline: the model asked once per question, BFCL's prompting style.

The system prompt is BFCL's default for prompting models (``ret_fmt=python``, functions
as JSON, plain-text ``classic`` style), assembled from the templates shipped in
``bfcl_eval.constants.default_prompts``; as in BFCL's generation step, each function
description gets the Python-3 hint. The reply ``[f(a=1, b="x")]`` is decoded with
Python's ``ast`` into the checker's form ``[{"f": {"a": 1, "b": "x"}}]``.
"""

from __future__ import annotations

import ast
import copy
import json
from typing import Any

from compiled_ai.benchmarks.bfcl.data import BfclItem
from compiled_ai.providers.base import CompletionRequest, Message

PYTHON_HINT = " Note that the provided function is in Python 3 syntax."
MAX_TOKENS = 512


class DecodeError(ValueError):
    """The reply is not a list of Python function calls with literal keyword arguments."""


def system_prompt(function: dict[str, Any]) -> str:
    from bfcl_eval.constants import default_prompts as p

    style = p.PROMPT_STYLE_TEMPLATES["classic"]
    hinted = copy.deepcopy(function)
    hinted["description"] = str(hinted.get("description", "")) + PYTHON_HINT
    return p.PROMPT_TEMPLATE_MAPPING["plaintext"].format(
        persona=style["persona"], task=style["task"],
        tool_call_format=style["tool_call_no_tag"].format(
            output_format=p.OUTPUT_FORMAT_MAPPING["python"],
            param_types=p.PARAM_TYPE_MAPPING["python"]),
        multiturn_behavior=style["multiturn_behavior"],
        available_tools=style["available_tools"].format(
            format="json", functions=json.dumps([hinted], indent=4)))


def request_for(item: BfclItem) -> CompletionRequest:
    return CompletionRequest(messages=(
        Message(role="system", content=system_prompt(item.function)),
        Message(role="user", content=item.question)), max_tokens=MAX_TOKENS)


def decode_calls(reply: str) -> list[dict[str, Any]]:
    """``"[f(a=1), m.g(b='x')]"`` -> ``[{"f": {"a": 1}}, {"m.g": {"b": "x"}}]``."""
    text = reply.strip().strip("`").strip()
    if text.startswith("python\n"):
        text = text[len("python\n"):].strip()
    if not text.startswith("["):
        text = "[" + text
    if not text.endswith("]"):
        text = text + "]"
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise DecodeError(f"not Python: {exc.msg}") from None
    if not isinstance(tree.body, ast.List):
        raise DecodeError("not a list of calls")
    calls = []
    for element in tree.body.elts:
        if not isinstance(element, ast.Call):
            raise DecodeError(f"not a function call: {ast.unparse(element)[:60]}")
        if element.args:
            raise DecodeError("positional arguments (keyword arguments expected)")
        arguments = {}
        for keyword in element.keywords:
            if keyword.arg is None:
                raise DecodeError("**kwargs in a call")
            arguments[keyword.arg] = _value(keyword.value)
        calls.append({_dotted_name(element.func): arguments})
    return calls


def _dotted_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted_name(node.value)}.{node.attr}"
    raise DecodeError(f"unsupported function name: {ast.unparse(node)[:60]}")


def _value(node: ast.expr) -> Any:
    """A literal, or a bare name taken as its own spelling (``unit=meters``)."""
    if isinstance(node, ast.Name):
        return node.id
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        raise DecodeError(f"argument is not a literal: {ast.unparse(node)[:60]}") from None
