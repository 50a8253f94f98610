"""Frames of the wrapper templates: batch_processor, input_validator, streaming_processor.

The generated function of a wrapper template is narrower than its step: one record of
a batch, one validation, one fold step over an event. The frame states that narrower
signature and tells the model how the template calls it; the step's fixtures stay at
the step's level and are checked through the template's runner.
"""

from __future__ import annotations

from typing import Any

from compiled_ai.compiler.frame import (
    Example,
    StepFrame,
    as_json,
    camel,
    field_annotations,
    keyword_call_check,
    module_parameter,
    typed_dict,
)
from compiled_ai.compiler.types import annotation
from compiled_ai.spec.models import CompiledStep
from compiled_ai.spec.template_options import VALIDATOR_FIELDS, record_schema

MAX_EXAMPLE_LINES = 12


def _signature(function: str, params: dict[str, str], returns: str) -> str:
    listed = ", ".join(f"{name}: {kind}" for name, kind in params.items())
    return f"def {function}({listed}) -> {returns}:"


def _whole_step_examples(function: str, examples: list[Example]) -> list[str]:
    return [f"step input {as_json(given)} -> step output {as_json(expected)}"
            for given, expected in examples]


# --- batch_processor@1 ---------------------------------------------------------------------------

def _record_fields(step: CompiledStep, batch: str) -> dict[str, dict[str, Any]]:
    """Record fields as the function receives them: absent ones arrive as None."""
    items = record_schema(step.inputs[batch])
    required = set(items.get("required", []))
    fields = {}
    for name, schema in items["properties"].items():
        kinds = schema.get("type")
        if name not in required and kinds is not None and "null" not in kinds:
            schema = {**schema, "type": [*([kinds] if isinstance(kinds, str) else kinds),
                                         "null"]}
        fields[name] = schema
    return fields


def batch_frame(step: CompiledStep, ident: str, head: str, options: dict[str, Any]) -> StepFrame:
    batch, results = options["batch"], options["results"]
    shared = {k: v for k, v in step.inputs.items() if k != batch}
    parameters = {**_record_fields(step, batch), **shared}
    result_fields = record_schema(step.outputs[results])["properties"]
    result_type = f"{camel(step.id)}Result"
    params = {**field_annotations(parameters), **module_parameter(step.uses)}
    record_names = list(_record_fields(step, batch))
    shared_text = (f" plus {', '.join(shared)} (the same for every record)" if shared else "")
    errors = ("a record that raises is listed under "
              f"{options['errors']!r} and the batch goes on" if options["on_error"] == "collect"
              else "a record that raises stops the batch")
    guidance = (
        f"This is a batch step. The template calls {step.id} once for EACH record of the "
        f"list input {batch!r}, with that record's fields ({', '.join(record_names)}) as "
        f"keyword arguments{shared_text}. Handle exactly ONE record and return its result; "
        f"do not loop over records. The template collects the results in order into "
        f"{results!r}; {errors}. Raise ValueError for a record that cannot be processed.")

    def render(function: str, examples: list[Example]) -> list[str]:
        lines: list[str] = []
        for given, expected in examples:
            lines += _per_record_lines(function, given, expected, options) or \
                _whole_step_examples(function, [(given, expected)])
        return list(dict.fromkeys(lines))[:MAX_EXAMPLE_LINES]

    return StepFrame(
        template_id=ident, function_name=step.id, result_type=result_type,
        signature=_signature(step.id, params, result_type), header=head,
        result_definition=typed_dict(result_type, field_annotations(result_fields)),
        call_check=keyword_call_check(step.id, params, result_type), options=options,
        parameters=parameters, result_fields=result_fields, guidance=guidance,
        render_examples=render)


def _per_record_lines(function: str, given: dict[str, Any], expected: dict[str, Any],
                      options: dict[str, Any]) -> list[str]:
    """One line per record when the fixture pairs every record with its result."""
    records = given.get(options["batch"])
    results = expected.get(options["results"])
    errors = expected.get(options["errors"] or "", [])
    if not isinstance(records, list) or not isinstance(results, list) or errors \
            or len(records) != len(results):
        return []
    shared = {k: v for k, v in given.items() if k != options["batch"]}
    lines = []
    for record, result in zip(records, results, strict=True):
        if not isinstance(record, dict):
            return []
        arguments = {name: record.get(name) for name in options["record_fields"]}
        lines.append(f"{function}(**{as_json({**arguments, **shared})}) == {as_json(result)}")
    return lines


# --- input_validator@1 ---------------------------------------------------------------------------

def validator_frame(step: CompiledStep, ident: str, head: str,
                    options: dict[str, Any]) -> StepFrame:
    values = {k: v for k, v in step.outputs.items() if k not in VALIDATOR_FIELDS}
    result_type = f"{camel(step.id)}Result"
    returns = f"{result_type} | str"
    params = {**field_annotations(step.inputs), **module_parameter(step.uses)}
    guidance = (
        f"This is an input validator. If the input is acceptable, return the cleaned, "
        f"normalised value as a {result_type} dict ({', '.join(values)}). If it is not, "
        "return a short string saying why (the reason); do not raise and do not invent a "
        "replacement value: the template then uses the spec's fixed fallback "
        f"{as_json(options['fallback'])} and reports valid=false with your reason.")

    def render(function: str, examples: list[Example]) -> list[str]:
        lines = []
        for given, expected in examples:
            if expected.get("valid") is True and set(values) <= set(expected):
                cleaned = {k: expected[k] for k in values}
                lines.append(f"{function}(**{as_json(given)}) == {as_json(cleaned)}")
            elif expected.get("valid") is False:
                lines.append(f"{function}(**{as_json(given)}) returns a str (the reason the "
                             "input is rejected)")
            else:
                lines += _whole_step_examples(function, [(given, expected)])
        return lines

    return StepFrame(
        template_id=ident, function_name=step.id, result_type=result_type,
        signature=_signature(step.id, params, returns), header=head,
        result_definition=typed_dict(result_type, field_annotations(values)),
        call_check=keyword_call_check(step.id, params, returns), options=options,
        parameters=dict(step.inputs), result_fields=values, guidance=guidance,
        render_examples=render)


# --- streaming_processor@1 -----------------------------------------------------------------------

def stream_frame(step: CompiledStep, ident: str, head: str, options: dict[str, Any]) -> StepFrame:
    events, emit = options["events"], options.get("emit")
    base = camel(step.id)
    state_type, event_type = f"{base}State", f"{base}Event"
    state_fields = {k: v for k, v in step.outputs.items() if k != emit}
    items = record_schema(step.inputs[events])
    shared = {k: v for k, v in step.inputs.items() if k != events}
    definitions = [typed_dict(state_type, field_annotations(state_fields))]
    if items.get("type") == "object" and items.get("properties"):
        definitions.append(typed_dict(event_type, field_annotations(items["properties"])))
        event_annotation = event_type
    else:
        event_annotation = annotation(items) if items else "Any"
    shared_params = {**field_annotations(shared), **module_parameter(step.uses)}
    params = {"state": state_type, "event": event_annotation, **shared_params}
    if emit:
        item = record_schema(step.outputs[emit])
        returns = f"tuple[{state_type}, list[{annotation(item) if item else 'Any'}]]"
        shape = (f"return a tuple (new_state, emitted) where emitted is a list (often empty) "
                 f"of items the template appends to {emit!r}"
                 + (f", each matching {as_json(item)}" if item else ""))
    else:
        returns = state_type
        shape = "return the new state"
    shared_text = f" and {', '.join(shared)} as keyword arguments" if shared else ""
    more = ", ..." if shared else ""
    guidance = (
        f"This is a streaming step: a fold. The template starts from the state "
        f"{as_json(options['initial_state'])} and calls {step.id}(state, event{more}) "
        f"once per element of the list input {events!r}, in order, passing the current state, "
        f"the event{shared_text}; {shape}. The final state's fields are the step's output. "
        "Handle ONE event per call; never loop over events or keep a list of them.")
    checked = ", ".join(["state", "event", *(f"{k}=data[{k!r}]" for k in shared_params)])
    shared_dict = typed_dict("_TemplateShared", shared_params)
    call_check = (f"\n\n{shared_dict}\n\ndef _template_call(state: {state_type}, "
                  f"event: {event_annotation}, data: _TemplateShared) -> {returns}:\n"
                  f"    return {step.id}({checked})\n")
    return StepFrame(
        template_id=ident, function_name=step.id, result_type=state_type,
        signature=_signature(step.id, params, returns), header=head,
        result_definition="\n\n".join(definitions), call_check=call_check, options=options,
        parameters={"state": {"type": "object", "properties": state_fields},
                    "event": items, **shared},
        result_fields=state_fields, guidance=guidance, render_examples=_whole_step_examples)
