"""Per-template options of a function step (``template_options``), checked against the step.

Each template that needs options has a small model here; :func:`check_step` validates
a step's options and their agreement with its inputs and outputs, and
:func:`normalised` turns them into the plain dict (defaults filled in, derived field
lists added) that the template runners receive, in process and in the sandbox alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from jsonschema import Draft202012Validator
from pydantic import BaseModel, ConfigDict, Field, ValidationError

if TYPE_CHECKING:
    from compiled_ai.spec.models import CompiledStep

TEMPLATE_VERSIONS = {"sync_handler": 1, "batch_processor": 1, "input_validator": 1,
                     "streaming_processor": 1}
VALIDATOR_FIELDS = ("valid", "reason")


class _Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BatchOptions(_Options):
    batch: str = Field(description="the list input whose records the function handles one "
                                   "at a time")
    results: str = Field(default="results", description="output field: the per-record results")
    errors: str = Field(default="errors", description="output field: records that raised "
                                                      "(index and error)")
    on_error: Literal["collect", "abort"] = Field(
        default="collect", description="collect failing records under 'errors', or stop")
    checkpoint_every: int = Field(default=1, ge=1, description="records between checkpoint "
                                                               "writes")


class ValidatorOptions(_Options):
    fallback: dict[str, Any] = Field(description="the cleaned fields used when validation "
                                                 "fails")


class StreamOptions(_Options):
    events: str = Field(description="the list input holding the events, in order")
    initial_state: dict[str, Any] = Field(description="the state before the first event")
    emit: str | None = Field(default=None, description="output field collecting what the "
                                                       "function emits per event")


OPTION_MODELS: dict[str, type[_Options]] = {"batch_processor": BatchOptions,
                                            "input_validator": ValidatorOptions,
                                            "streaming_processor": StreamOptions}


def template_id(template: str) -> str:
    return f"{template}@{TEMPLATE_VERSIONS[template]}"


def check_step(step: CompiledStep) -> None:
    """Raise LocatedError when the step's template options are missing, unknown or
    disagree with its inputs and outputs. Unknown templates are left to the compiler,
    which lists the available ones."""
    from compiled_ai.spec.models import LocatedError

    if step.template not in TEMPLATE_VERSIONS:
        return
    model = OPTION_MODELS.get(step.template)
    if model is None:
        if step.template_options:
            raise LocatedError(f"template {step.template!r} takes no options",
                               "template_options")
        return
    try:
        options = model.model_validate(step.template_options)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        what = "unknown option" if error["type"] == "extra_forbidden" else error["msg"]
        raise LocatedError(f"{step.template}: {where}: {what}", "template_options",
                           *error["loc"]) from None
    problem = _CHECKS[step.template](step, options)
    if problem is not None:
        raise LocatedError(f"{step.template}: {problem[1]}", *problem[0])


def normalised(template: str, raw: dict[str, Any], step_id: str,
               inputs: dict[str, dict[str, Any]],
               outputs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The runner's options: validated values with defaults, plus what the runner derives
    from the schemas (the record fields of a batch)."""
    model = OPTION_MODELS.get(template)
    if model is None:
        return {}
    options = model.model_validate(raw).model_dump(mode="json")
    options["step"] = step_id
    if template == "batch_processor":
        options["record_fields"] = list(record_schema(inputs[options["batch"]])["properties"])
        if options["errors"] not in outputs:
            options["errors"] = None
    return options


def record_schema(list_schema: dict[str, Any]) -> dict[str, Any]:
    """The ``items`` schema of a list input whose records are objects with properties."""
    items = list_schema.get("items")
    return items if isinstance(items, dict) else {}


Problem = tuple[tuple[str | int, ...], str]


def _object_list(schema: dict[str, Any] | None) -> bool:
    if not schema or schema.get("type") != "array":
        return False
    items = record_schema(schema)
    return items.get("type") == "object" and bool(items.get("properties"))


def _check_batch(step: CompiledStep, options: BaseModel) -> Problem | None:
    assert isinstance(options, BatchOptions)
    here = ("template_options",)
    if not _object_list(step.inputs.get(options.batch)):
        return (*here, "batch"), (f"batch input {options.batch!r} must be a step input of "
                                  "type array whose items are objects with properties")
    fields = record_schema(step.inputs[options.batch])["properties"]
    clash = sorted(set(fields) & (set(step.inputs) - {options.batch}))
    if clash:
        return (*here, "batch"), (f"record field(s) {', '.join(clash)} clash with step "
                                  "inputs of the same name")
    bad = sorted(name for name in fields if not isinstance(name, str) or not name.isidentifier())
    if bad:
        return (*here, "batch"), f"record field(s) {', '.join(map(str, bad))} are not identifiers"
    if not _object_list(step.outputs.get(options.results)):
        return ("outputs",), (f"output {options.results!r} (the per-record results) must be "
                              "an array whose items are objects with properties")
    allowed = {options.results, options.errors}
    if options.on_error == "collect" and options.errors not in step.outputs:
        return ("outputs",), (f"on_error 'collect' needs an output {options.errors!r} "
                              "(type array) listing the records that failed")
    if options.errors in step.outputs and step.outputs[options.errors].get("type") != "array":
        return ("outputs", options.errors), f"output {options.errors!r} must be of type array"
    extra = sorted(set(step.outputs) - allowed)
    if extra:
        return ("outputs",), (f"a batch step outputs only {options.results!r} and "
                              f"{options.errors!r}; also declared: {', '.join(extra)}")
    return None


def _check_validator(step: CompiledStep, options: BaseModel) -> Problem | None:
    assert isinstance(options, ValidatorOptions)
    if step.outputs.get("valid", {}).get("type") != "boolean" or "reason" not in step.outputs:
        return ("outputs",), ("an input validator declares the outputs 'valid' "
                              "(type boolean) and 'reason' (type [string, 'null'])")
    values = {k: v for k, v in step.outputs.items() if k not in VALIDATOR_FIELDS}
    if not values:
        return ("outputs",), "declare at least one cleaned output besides 'valid' and 'reason'"
    if set(options.fallback) != set(values):
        return ("template_options", "fallback"), (
            f"the fallback must give exactly the cleaned outputs ({', '.join(values)})")
    return _fits(options.fallback, values, ("template_options", "fallback"))


def _check_stream(step: CompiledStep, options: BaseModel) -> Problem | None:
    assert isinstance(options, StreamOptions)
    here = ("template_options",)
    events = step.inputs.get(options.events)
    if not events or events.get("type") != "array":
        return (*here, "events"), (f"events input {options.events!r} must be a step input "
                                   "of type array")
    if options.emit is not None and step.outputs.get(options.emit, {}).get("type") != "array":
        return (*here, "emit"), f"emit output {options.emit!r} must be an output of type array"
    state = {k: v for k, v in step.outputs.items() if k != options.emit}
    if not state:
        return ("outputs",), "declare the state's fields as outputs"
    if set(options.initial_state) != set(state):
        return (*here, "initial_state"), (
            f"the initial state must give exactly the state outputs ({', '.join(state)})")
    clash = sorted({"state", "event"} & set(step.inputs))
    if clash:
        return ("inputs",), f"input name(s) {', '.join(clash)} are reserved by this template"
    return _fits(options.initial_state, state, (*here, "initial_state"))


def _fits(values: dict[str, Any], schemas: dict[str, dict[str, Any]],
          where: tuple[str, ...]) -> Problem | None:
    """Deterministic values declared in the spec must match their own fields' schemas."""
    for name, value in values.items():
        error = next(iter(Draft202012Validator(schemas[name]).iter_errors(value)), None)
        if error is not None:
            return (*where, name), f"{name}: {error.message}"
    return None


_CHECKS = {"batch_processor": _check_batch, "input_validator": _check_validator,
           "streaming_processor": _check_stream}
