"""Turn one BFCL item into a one-step workflow spec, and its output back into a call.

The step ``extract_arguments(question: str)`` returns one result key per parameter of
the item's function (renamed to a lower-case identifier where BFCL's name is not one,
e.g. ``fullName`` -> ``full_name``); ``None`` means "not given" and is left out of the
call. The function's name is fixed by the item, so the code only has to find values.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from typing import Any

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.benchmarks.bfcl.blind_demonstration import blind_demonstration
from compiled_ai.benchmarks.bfcl.data import JSON_SCHEMA_TYPES, BfclItem
from compiled_ai.compiler.demonstration import DEMONSTRATION
from compiled_ai.providers.base import Message
from compiled_ai.spec.models import Fixture, FunctionStep, Spec

STEP_ID = "extract_arguments"


@dataclass(frozen=True)
class Example:
    """A request and the arguments (BFCL names) a correct extractor returns for it."""

    question: str
    arguments: dict[str, Any]
    holdout: bool = False


@dataclass(frozen=True)
class ItemWorkflow:
    spec: Spec
    spec_bytes: bytes
    fields: dict[str, str]  # result key -> BFCL parameter name
    declared: dict[str, Any]  # BFCL parameter name -> its declaration
    demonstration: tuple[Message, Message]  # the compiler's worked example for this intent

    def call_from_output(self, function_name: str, output: dict[str, Any]) -> list[dict[str, Any]]:
        """The call BFCL scores; values typed as the function declares (see ``declared_type``)."""
        arguments = {self.fields[key]: declared_type(self.declared.get(self.fields[key], {}),
                                                     value)
                     for key, value in output.items()
                     if key in self.fields and value is not None}
        return [{function_name: arguments}]


def declared_type(parameter: dict[str, Any], value: Any) -> Any:
    """A whole number where the function declares ``float`` becomes a float (also inside
    arrays): the step's JSON result type ``number`` cannot tell 3 from 3.0, Python can,
    and BFCL's checker does."""
    kind = parameter.get("type")
    if kind == "float" and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind in ("array", "tuple") and isinstance(value, list) \
            and isinstance(parameter.get("items"), dict):
        return [declared_type(parameter["items"], element) for element in value]
    return value


def field_names(parameters: list[str]) -> dict[str, str]:
    """BFCL parameter names -> unique lower-case identifiers (``fullName`` -> ``full_name``)."""
    fields: dict[str, str] = {}
    for name in parameters:
        key = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()
        key = re.sub(r"[^a-z0-9_]", "_", key).strip("_") or "arg"
        if not key[0].isalpha():
            key = f"arg_{key}"
        key = key[:60]
        while keyword.iskeyword(key) or key == "question" or key in fields:
            key += "_"
        fields[key] = name
    return fields


def parameter_schema(parameter: dict[str, Any]) -> dict[str, Any]:
    """A BFCL parameter type as JSON Schema, always nullable ("not given")."""
    schema: dict[str, Any] = {}
    kind = JSON_SCHEMA_TYPES.get(str(parameter.get("type")))
    if kind is not None:
        schema["type"] = [kind, "null"]
    if kind == "array" and isinstance(parameter.get("items"), dict):
        items = parameter_schema(parameter["items"])
        items.pop("description", None)
        if isinstance(items.get("type"), list):
            items["type"] = items["type"][0]
        schema["items"] = items
    if isinstance(parameter.get("enum"), list):
        schema["enum"] = [*parameter["enum"], None]
    if parameter.get("description"):
        schema["description"] = str(parameter["description"])
    return schema


def build_workflow(item: BfclItem, examples: list[Example],
                   single_request: bool = False) -> ItemWorkflow:
    """``single_request`` (the paper protocol): the workflow serves only its one
    example's question; the intent and the worked example the compiler shows say so
    (``single_request_demonstration``)."""
    properties: dict[str, Any] = item.function.get("parameters", {}).get("properties", {})
    required = set(item.function.get("parameters", {}).get("required", []))
    fields = field_names(list(properties))
    outputs = {key: parameter_schema(properties[name]) for key, name in fields.items()}
    listing = "; ".join(
        f"{key} = parameter {name!r}{' (required)' if name in required else ''}"
        for key, name in fields.items())
    arguments = (
        f"the arguments for one call of the function `{item.function_name}`: "
        f"{item.function.get('description', '')} Return one result key per parameter "
        f"({listing}), converted to the declared type; use None for a parameter the "
        f"request does not give (always return the whole dict, never None itself).")
    unchecked = _unchecked_optionals(fields, required, examples) if single_request else []
    if single_request:
        intent = (f"{SINGLE_REQUEST} the example's `question`. Return {arguments}")
    else:
        intent = (
            f"Read a user's request (the string `question`) and extract {arguments} Find "
            f"values with `re` (numbers, quoted or capitalised words, words after keywords); "
            f"never raise an exception. Work for any request worded like the examples, not "
            f"only for the examples themselves.")
    step = FunctionStep(id=STEP_ID, intent=intent,
                        inputs={"question": {"type": "string"}}, outputs=outputs)
    fixtures = [Fixture(name=f"request_{number}", input={"question": example.question},
                        expected={key: example.arguments.get(name) for key, name in fields.items()},
                        unchecked=unchecked,
                        holdout=example.holdout)
                for number, example in enumerate(examples, 1)]
    spec = Spec(
        name=_spec_name(item.id), version="1.0.0",
        description=f"BFCL {item.id}: arguments for {item.function_name}",
        input_schema={"type": "object", "properties": {"question": {"type": "string"}},
                      "required": ["question"]},
        output_schema={"type": "object", "properties": outputs},
        steps=[step], fixtures=fixtures)
    return ItemWorkflow(spec=spec, spec_bytes=canonical_json(spec.model_dump(mode="json")),
                        fields=fields, declared=properties,
                        demonstration=single_request_demonstration() if single_request
                        else blind_demonstration())


SINGLE_REQUEST = "This workflow serves exactly one request:"


def _unchecked_optionals(fields: dict[str, str], required: set[str],
                         examples: list[Example]) -> list[str]:
    """Result keys of optional parameters the paper protocol's label left out.

    The label is the model's own call; leaving an optional parameter out lets the function
    use its default, which BFCL's checker accepts, as it accepts the value stated in the
    question. Expecting None there would refuse code that states the value (in the 400-item
    run, 3 compiles failed all 10 attempts only for that: ``gas="air"`` for a question about
    air), so the fixture shows None for them, as before, and marks them ``unchecked``. (Left
    out of the expected result instead, the example taught the model to leave the key out
    of its dict, which the type check refuses.)"""
    return [key for key, name in fields.items() if name not in required
            and all(name not in example.arguments for example in examples)]


def single_request_demonstration() -> tuple[Message, Message]:
    """The compiler's worked example, restated for a workflow that serves one request: its
    answer returns that request's values as literals. This is the paper protocol's own
    consequence (the code may memorise the one question it is scored on), and it keeps
    what protocol (a) measures apart from what the 0.5B model can write as extraction
    code, which protocol (b) measures."""
    request, _answer = DEMONSTRATION
    restated = request.content.replace(
        "Read a customer's message (the string `message`) and extract",
        f"{SINGLE_REQUEST} the example's `message`. Return", 1)
    assert restated != request.content, "the compiler's demonstration changed its wording"
    answer = ("```python\ndef ship_parcels(message: str) -> ShipParcelsResult:\n"
              "    return {\"parcels\": 3, \"weight\": 2.5, \"city\": \"Lisbon\"}\n```")
    return Message(role="user", content=restated), Message(role="assistant", content=answer)


def _spec_name(item_id: str) -> str:
    return ("bfcl_" + re.sub(r"[^a-z0-9_]", "_", item_id.lower()))[:63]
