"""The workflow spec: what a user writes in YAML, validated by pydantic.

A spec names its input and output (JSON Schema), a sequence of steps and golden
fixtures. A ``function`` step is an intent in plain language plus typed inputs and
outputs; the compiler turns it into one narrow Python function. Data flows by name:
a step reads its inputs from the workflow state (the workflow input plus the outputs
of earlier steps) and adds its outputs to it; the workflow output is the state
restricted to the output schema's properties.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
COMPLIANCE_TAGS = ("hipaa", "pci-dss", "soc2")


class LocatedError(ValueError):
    """A validation error that knows where below the failing field or model it lies."""

    def __init__(self, message: str, *loc: str | int) -> None:
        super().__init__(message)
        self.loc = loc


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_json_schema(schema: dict[str, Any]) -> dict[str, Any]:
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        raise ValueError(f"not a valid JSON Schema: {exc.message}") from None
    return schema


class Tolerance(_Strict):
    """How close a numeric output must be to the golden value to count as equal."""

    abs: float | None = Field(default=None, ge=0, description="allowed absolute difference")
    rel: float | None = Field(default=None, ge=0, description="allowed relative difference")

    @model_validator(mode="after")
    def _one_given(self) -> Tolerance:
        if self.abs is None and self.rel is None:
            raise ValueError("a tolerance needs 'abs' or 'rel'")
        return self


class FunctionStep(_Strict):
    """A step compiled once into a narrow, typed Python function."""

    id: str = Field(description="identifier; also the generated function's name")
    kind: Literal["function"] = "function"
    intent: str = Field(min_length=10, description="what the function does, in plain language")
    template: str = Field(default="sync_handler", description="template the code fills")
    template_options: dict[str, Any] = Field(
        default_factory=dict, description="the template's options (see README, Templates)")
    inputs: dict[str, dict[str, Any]] = Field(description="parameter name -> JSON Schema")
    outputs: dict[str, dict[str, Any]] = Field(description="result field -> JSON Schema")

    @field_validator("id")
    @classmethod
    def _identifier(cls, value: str) -> str:
        if not IDENTIFIER.match(value):
            raise ValueError("must be a lower-case identifier like 'decide_claim'")
        return value

    @field_validator("inputs", "outputs")
    @classmethod
    def _fields(cls, value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        if not value:
            raise ValueError("declare at least one field")
        for name, schema in value.items():
            if not IDENTIFIER.match(name):
                raise LocatedError(f"field name {name!r} must be a lower-case identifier", name)
            try:
                _check_json_schema(schema)
            except ValueError as exc:
                raise LocatedError(str(exc), name) from None
        return value

    @model_validator(mode="after")
    def _template_options(self) -> FunctionStep:
        from compiled_ai.spec.template_options import check_step

        check_step(self)
        return self


class BoundedStep(_Strict):
    """A step that calls a model at run time, inside fixed bounds.

    The only place a model may run after compile time: the reply must match
    ``outputs`` and every ``validate`` expression, is retried with the validation
    error at most ``max_retries`` times, and otherwise ends in the deterministic
    ``fallback`` or in the human-review queue (``on_failure``). Inputs pass the input
    gate first. Not compiled: its configuration travels in spec.json.
    """

    id: str = Field(description="identifier, unique in the workflow")
    kind: Literal["bounded"] = "bounded"
    instruction: str = Field(min_length=10, description="what the model must do, in plain "
                             "language")
    inputs: dict[str, dict[str, Any]] = Field(description="parameter name -> JSON Schema")
    outputs: dict[str, dict[str, Any]] = Field(description="result field -> JSON Schema")
    validate_: list[str] = Field(
        default_factory=list, alias="validate",
        description="boolean expressions over inputs and outputs, e.g. "
                    "'bmi is None or 10 <= bmi <= 80'; every one must hold")
    max_retries: int = Field(default=2, ge=0, le=5, description="re-asks after a failed "
                             "validation, each carrying the error")
    min_confidence: float | None = Field(
        default=None, ge=0, le=1, description="if set, outputs must declare a numeric "
        "'confidence' and a reply below it counts as failed")
    fallback: dict[str, Any] | None = Field(
        default=None, description="deterministic output used when on_failure is 'fallback'")
    on_failure: Literal["fallback", "review"] = Field(
        default="review", description="what happens when no reply passes: use the fallback "
        "output, or park the transaction in the human-review queue")
    max_tokens: int = Field(default=256, gt=0, le=4096)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("id")
    @classmethod
    def _identifier(cls, value: str) -> str:
        if not IDENTIFIER.match(value):
            raise ValueError("must be a lower-case identifier like 'extract_chart'")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> BoundedStep:
        for name, schema in {**self.inputs, **self.outputs}.items():
            if not IDENTIFIER.match(name):
                raise LocatedError(f"field name {name!r} must be a lower-case identifier", name)
            _check_json_schema(schema)
        if not self.outputs:
            raise ValueError("declare at least one output field")
        if self.min_confidence is not None and "confidence" not in self.outputs:
            raise LocatedError("min_confidence needs an output field 'confidence'", "outputs")
        if self.on_failure == "fallback" and self.fallback is None:
            raise LocatedError("on_failure 'fallback' needs a 'fallback' output", "fallback")
        if self.fallback is not None and set(self.fallback) != set(self.outputs):
            raise LocatedError("the fallback must give exactly the output fields", "fallback")
        return self


class Fixture(_Strict):
    """A golden input -> output pair. Holdout fixtures are never shown to the LLM."""

    name: str
    input: dict[str, Any]
    expected: dict[str, Any]
    holdout: bool = False


class Spec(_Strict):
    """A workflow to compile."""

    name: str
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$", description="semantic version")
    description: str = ""
    compliance: list[Literal["hipaa", "pci-dss", "soc2"]] = Field(default_factory=list)
    input_schema: dict[str, Any]
    output_schema: dict[str, Any]
    steps: list[FunctionStep] = Field(min_length=1)
    fixtures: list[Fixture] = Field(min_length=1)
    tolerances: dict[str, Tolerance] = Field(
        default_factory=dict, description="output field -> numeric tolerance"
    )

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not IDENTIFIER.match(value):
            raise ValueError("must be a lower-case identifier like 'prior_auth'")
        return value

    @field_validator("input_schema", "output_schema")
    @classmethod
    def _object_schema(cls, value: dict[str, Any]) -> dict[str, Any]:
        _check_json_schema(value)
        if value.get("type") != "object" or not isinstance(value.get("properties"), dict):
            raise ValueError("must be a JSON Schema of type 'object' with 'properties'")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Spec:
        seen: set[str] = set()
        available = set(self.input_schema["properties"])
        for index, step in enumerate(self.steps):
            if step.id in seen:
                raise LocatedError(f"step id {step.id!r} is used twice", "steps", index, "id")
            seen.add(step.id)
            for name in step.inputs:
                if name not in available:
                    raise LocatedError(f"step {step.id!r} reads {name!r}, which neither the "
                                       "input schema nor an earlier step provides",
                                       "steps", index, "inputs", name)
            available |= set(step.outputs)
        unproduced = sorted(set(self.output_schema["properties"]) - available)
        if unproduced:
            raise LocatedError(f"output fields {', '.join(unproduced)} are produced by no step",
                               "output_schema")
        names: set[str] = set()
        for index, fixture in enumerate(self.fixtures):
            if fixture.name in names:
                raise LocatedError(f"fixture name {fixture.name!r} is used twice",
                                   "fixtures", index, "name")
            names.add(fixture.name)
        if all(fixture.holdout for fixture in self.fixtures):
            raise LocatedError("at least one fixture must not be a holdout (the LLM needs "
                               "examples)", "fixtures")
        for name in self.tolerances:
            if name not in self.output_schema["properties"]:
                raise LocatedError(f"tolerance for unknown output field {name!r}",
                                   "tolerances", name)
        return self

    def visible_fixtures(self) -> list[Fixture]:
        """Fixtures the LLM may see (holdouts excluded)."""
        return [fixture for fixture in self.fixtures if not fixture.holdout]
