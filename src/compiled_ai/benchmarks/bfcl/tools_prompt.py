"""The ``tools`` prompt style: the function offered the way the model was trained to see tools.

Qwen2.5 (and the Hermes-style chat templates many open models share) present tools as
JSON objects inside ``<tools></tools>`` in the system turn and expect each call back as
``<tool_call>{"name": ..., "arguments": {...}}</tool_call>``. The system text below is
what the model's own GGUF chat template renders when given ``tools``, so the request
works through any provider that takes plain messages. BFCL's own types (``dict``,
``float``, ``tuple``, ``any``) are mapped to JSON Schema ones first, as BFCL does for
function-calling models.

Why a second style: over the 400 items the local 0.5B model scored 74.5% with this
prompt and 62.25% with BFCL's plain-text ``classic`` prompt
(benchmarks/bfcl/results/baseline and baseline_classic); duplicated calls, positional
arguments and prose around the list cost the classic prompt most of its misses.
"""

from __future__ import annotations

import json
import re
from typing import Any

from compiled_ai.benchmarks.bfcl.baseline import DecodeError
from compiled_ai.benchmarks.bfcl.data import JSON_SCHEMA_TYPES, BfclItem
from compiled_ai.providers.base import CompletionRequest, Message

MAX_TOKENS = 512
DEFAULT_PERSONA = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant."
# a tool declaration needs some type for ``any``; the model sees it as a string
_JSON_TYPES = {**JSON_SCHEMA_TYPES, "any": "string"}
_TOOL_CALL = re.compile(r"<tool_call>\s*(.*?)\s*(?:</tool_call>|$)", re.DOTALL)
_FENCED = re.compile(r"```(?:json)?\s*(.*?)\s*(?:```|$)", re.DOTALL)


def json_schema_types(schema: Any) -> Any:
    """A copy of a BFCL parameter tree with BFCL's Python type names made JSON Schema's."""
    if isinstance(schema, list):
        return [json_schema_types(value) for value in schema]
    if not isinstance(schema, dict):
        return schema
    converted = {key: json_schema_types(value) for key, value in schema.items()}
    if isinstance(converted.get("type"), str):
        converted["type"] = _JSON_TYPES.get(converted["type"], converted["type"])
    return converted


def system_prompt(function: dict[str, Any]) -> str:
    tool = {"type": "function", "function": json_schema_types(function)}
    return (f"{DEFAULT_PERSONA}\n\n# Tools\n\nYou may call one or more functions to assist "
            "with the user query.\n\nYou are provided with function signatures within "
            f"<tools></tools> XML tags:\n<tools>\n{json.dumps(tool, ensure_ascii=False)}\n"
            "</tools>\n\nFor each function call, return a json object with function name and "
            "arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n"
            '{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call>')


def request_for(item: BfclItem) -> CompletionRequest:
    return CompletionRequest(messages=(
        Message(role="system", content=system_prompt(item.function)),
        Message(role="user", content=item.question)), max_tokens=MAX_TOKENS)


def decode_tool_calls(reply: str) -> list[dict[str, Any]]:
    """``<tool_call>{"name": "f", "arguments": {"a": 1}}</tool_call>`` -> ``[{"f": {"a": 1}}]``.

    Small models often drop the tags and answer with the same object in a ```json fence
    or bare; those are read too. Anything else is a decode error (scored as a miss).
    """
    blocks = _TOOL_CALL.findall(reply)
    if not blocks:
        fenced = _FENCED.search(reply)
        blocks = [fenced.group(1) if fenced else reply.strip()]
    calls: list[dict[str, Any]] = []
    for block in blocks:
        try:
            value = json.loads(block)
        except json.JSONDecodeError as exc:
            raise DecodeError(f"not JSON: {exc.msg}") from None
        for call in value if isinstance(value, list) else [value]:
            calls.append(_one_call(call))
    if not calls:
        raise DecodeError("no tool call in the reply")
    return calls


def _one_call(call: Any) -> dict[str, Any]:
    if not isinstance(call, dict) or not isinstance(call.get("name"), str):
        raise DecodeError("a tool call is not an object with a string 'name'")
    arguments = call.get("arguments", {})
    if isinstance(arguments, str):  # some templates send the arguments JSON-encoded
        try:
            arguments = json.loads(arguments)
        except json.JSONDecodeError:
            raise DecodeError("the arguments string is not JSON") from None
    if not isinstance(arguments, dict):
        raise DecodeError("the arguments are not an object")
    return {call["name"]: arguments}
