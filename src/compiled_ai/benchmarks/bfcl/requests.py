"""Example requests for the blind protocol, generated from the function's schema alone.

Each item gets a few templated requests with values sampled from the parameter types
(a random generator seeded by the item's id, so the same item always gets the same
requests). The scored question is never read here: the compile prompt of the blind
protocol sees only the schema and these requests.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from typing import Any

from compiled_ai.benchmarks.bfcl.workflow import Example

EXAMPLES = 4  # the last one is a holdout: the accuracy stage uses it, the model never sees it
_WORDS = ("Boston", "blue", "chess", "Paris", "apple", "Tokyo", "jazz", "river", "Mars",
          "oak", "violin", "Kenya", "silver", "Berlin", "tennis", "copper")


def example_requests(function: dict[str, Any], seed_text: str,
                     count: int = EXAMPLES) -> list[Example]:
    rng = random.Random(int.from_bytes(hashlib.sha256(seed_text.encode()).digest()[:8], "big"))
    parameters: dict[str, Any] = function.get("parameters", {}).get("properties", {})
    required = set(function.get("parameters", {}).get("required", []))
    examples = []
    for number in range(count):
        arguments: dict[str, Any] = {}
        for name, parameter in parameters.items():
            # the first request gives every parameter, the second only the required ones
            given = name in required or number == 0 or (number > 1 and rng.random() < 0.5)
            if given:
                value = _sample(parameter, rng)
                if value is not None:
                    arguments[name] = value
        examples.append(Example(question=_phrase(function, parameters, arguments, rng),
                                arguments=arguments, holdout=number == count - 1))
    return examples


def _sample(parameter: dict[str, Any], rng: random.Random) -> Any:
    if isinstance(parameter.get("enum"), list) and parameter["enum"]:
        return rng.choice(parameter["enum"])
    kind = parameter.get("type")
    if kind == "integer":
        return rng.randint(2, 500)
    if kind == "float":
        return rng.randint(1, 999) / 10 + (0.05 if rng.random() < 0.2 else 0.0)
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "string":
        return rng.choice(_WORDS)
    if kind in ("array", "tuple"):
        item = parameter.get("items") if isinstance(parameter.get("items"), dict) else {}
        values = [_sample(item or {"type": "string"}, rng) for _ in range(rng.randint(2, 3))]
        return [v for v in values if v is not None]
    if kind == "dict":
        return {"name": rng.choice(_WORDS)}
    return None  # "any" and unknown types: not sampled


def _render(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        parts = [_render(v) for v in value]
        return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else "".join(parts)
    if isinstance(value, dict):
        return json.dumps(value)
    return str(value)


def _phrase(function: dict[str, Any], parameters: dict[str, Any], arguments: dict[str, Any],
            rng: random.Random) -> str:
    """One request in one of four plain wordings, naming each parameter by its own words.

    None of them is worded as an instruction to call the function ("please call f with
    x=1"): our own input gate rightly refuses fixture text that reads like a tool-call
    injection, and an earlier version of this generator lost 7 of its first 19 items so.
    """
    what = str(function.get("description", function["name"])).strip().rstrip(".")
    said = [(parameter_words(name), _render(value)) for name, value in arguments.items()]
    style = rng.randrange(4)
    if style == 0:
        parts = [f"the {words} is {value}" for words, value in said]
        return f"{what}, where {'; '.join(parts) if parts else 'nothing else is given'}."
    if style in (1, 2):
        parts = [f"{words} of {value}" if style == 1 else f"{words}={value}"
                 for words, value in said]
        if not parts:
            return f"{what}."
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" and {parts[-1]}"
        return f"{what} with {listed}."
    return f"{what}. " + " ".join(f"{words.capitalize()}: {value}." for words, value in said)


def parameter_words(name: str) -> str:
    """A parameter's name as words: ``max_depth`` -> "max depth", ``fullName`` -> "full name"."""
    spaced = re.sub(r"(?<=[a-z0-9])([A-Z])", r" \1", name).replace("_", " ")
    return " ".join(spaced.lower().split()) or name
