"""The runtime-inference baseline (the paper's "Direct LLM"): ask the model every time.

The same task the artifact compiles, answered by calling the same provider on every
transaction: the prompt carries the workflow's description, every step's intent, the
input and output JSON Schemas and the visible (non-holdout) fixtures as examples; the
reply must be one JSON object that satisfies the output schema. Tokens are the
provider's own counts; latency is the wall time of the call.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator

from compiled_ai.providers.base import CompletionRequest, Message, Provider

SYSTEM = ("You are a decision service. Apply the task's rules exactly to the given input. "
          "Reply with one JSON object that matches the output schema, and nothing else: "
          "no prose, no code, no explanation.")
MAX_REPLY_TOKENS = 256
_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


@dataclass(frozen=True)
class BaselineAnswer:
    output: dict[str, Any] | None  # None when the reply was not a valid output
    error: str | None
    input_tokens: int
    output_tokens: int
    latency_ms: float
    reply: str


class DirectLLMBaseline:
    """Builds the prompt once from the spec; ``answer`` is one transaction."""

    def __init__(self, spec: dict[str, Any], provider: Provider) -> None:
        self._provider = provider
        self._output_check = Draft202012Validator(spec["output_schema"])
        self._task = task_prompt(spec)

    def request(self, payload: Any) -> CompletionRequest:
        user = f"{self._task}\n\nInput:\n{_json(payload)}\n\nOutput JSON:"
        return CompletionRequest(messages=(Message(role="system", content=SYSTEM),
                                           Message(role="user", content=user)),
                                 max_tokens=MAX_REPLY_TOKENS)

    def warm_up(self, payload: Any) -> None:
        """One untimed, uncounted call first, so that loading a local model into memory
        is not billed to the first transaction's latency (a service keeps it loaded)."""
        self._provider.complete(self.request(payload))

    def answer(self, payload: Any) -> BaselineAnswer:
        request = self.request(payload)
        started = time.perf_counter()
        completion = self._provider.complete(request)  # ProviderError propagates: no answer
        latency = (time.perf_counter() - started) * 1000
        output, error = self._parse(completion.text)
        return BaselineAnswer(output=output, error=error,
                              input_tokens=completion.usage.input_tokens,
                              output_tokens=completion.usage.output_tokens,
                              latency_ms=round(latency, 3), reply=completion.text)

    def _parse(self, text: str) -> tuple[dict[str, Any] | None, str | None]:
        value = parse_json_reply(text)
        if not isinstance(value, dict):
            return None, "reply is not a JSON object"
        problems = sorted(self._output_check.iter_errors(value), key=lambda e: list(e.path))
        if problems:
            where = "/".join(str(p) for p in problems[0].absolute_path) or "output"
            return None, f"reply breaks the output schema at {where}: {problems[0].message}"
        return value, None


def task_prompt(spec: dict[str, Any]) -> str:
    """Everything the model needs to answer one transaction, minus the input."""
    sections = []
    if spec.get("description"):
        sections.append(f"Task: {spec['description'].strip()}")
    for step in spec["steps"]:
        sections.append(f"Rules ({step['id']}): {step['intent'].strip()}")
    sections.append(f"Input schema:\n{_json(spec['input_schema'])}")
    sections.append(f"Output schema:\n{_json(spec['output_schema'])}")
    examples = [f for f in spec.get("fixtures", []) if not f.get("holdout")]
    if examples:
        sections.append("Examples:\n" + "\n".join(
            f"Input: {_json(f['input'])}\nOutput: {_json(f['expected'])}" for f in examples))
    return "\n\n".join(sections)


def parse_json_reply(text: str) -> Any:
    """The first JSON value in a reply: fenced, bare, or embedded in prose."""
    candidates = [m.group(1) for m in _FENCE.finditer(text)] + [text]
    decoder = json.JSONDecoder()
    for candidate in candidates:
        stripped = candidate.strip()
        for start in [i for i, ch in enumerate(stripped) if ch in "{["][:20]:
            try:
                value, _end = decoder.raw_decode(stripped, start)
            except json.JSONDecodeError:
                continue
            return value
    return None


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)

