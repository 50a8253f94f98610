"""The workflow spec: what a user writes in YAML, validated by pydantic.

A spec names its input and output (JSON Schema), a tree of steps and golden
fixtures. ``steps`` is a sequence; a node in it is a leaf step or a block:

* ``function``: an intent in plain language plus typed inputs and outputs; the
  compiler turns it into one narrow Python function.
* ``rule``: a decision written in plain language, compiled and tested exactly like a
  function (the rule text is the intent).
* ``bounded``: a model call at run time inside fixed bounds (never compiled).
* ``call``: an operation of a registered module (HTTP, database, notification).
* ``sequence``, ``parallel`` and ``foreach`` compose nodes.

Data flows by name, with the semantics of a Temporal workflow: deterministic and
replayable. The state holds the workflow input's fields and every output written so
far; a step's parameter reads the state name it is called, or what ``args`` binds it
to (``${input.x}``, ``${step_id.field}``, ``${name}``, ``${item.field}``). Parallel
branches all start from the same snapshot and their writes are merged in declaration
order (a name written by two branches is a spec error); ``foreach`` runs its body once
per list element, binds the element to ``item``, and writes the list of per-element
results under its own id. The workflow output is the final state restricted to the
output schema's properties. All of this is checked here, before anything runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, cast

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    SerializerFunctionWrapHandler,
    Tag,
    field_validator,
    model_serializer,
    model_validator,
)

from compiled_ai.spec.expressions import ExpressionError, parse_expression
from compiled_ai.spec.operations import OPERATION_PATTERN, operation

IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
COMPLIANCE_TAGS = ("hipaa", "pci-dss", "soc2")
NODE_KINDS = ("function", "rule", "bounded", "call", "sequence", "parallel", "foreach")
_REFERENCE = re.compile(r"^\$\{([a-z][a-z0-9_]*)((?:\.[A-Za-z0-9_]+)*)\}$")
RESERVED = frozenset({"input"})


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


def _check_identifier(value: str, example: str) -> str:
    if not IDENTIFIER.match(value):
        raise ValueError(f"must be a lower-case identifier like {example!r}")
    if value in RESERVED:
        raise ValueError(f"{value!r} is reserved (it names the workflow input)")
    return value


def _check_fields(value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    for name, schema in value.items():
        if not IDENTIFIER.match(name):
            raise LocatedError(f"field name {name!r} must be a lower-case identifier", name)
        try:
            _check_json_schema(schema)
        except ValueError as exc:
            raise LocatedError(str(exc), name) from None
    return value


@dataclass(frozen=True)
class Reference:
    """``${root.key.key}``: ``root`` is ``input``, a step id or a name in the state."""

    root: str
    path: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "${" + ".".join((self.root, *self.path)) + "}"


def parse_reference(value: Any) -> Reference | None:
    """The reference ``value`` spells, None for a literal; a malformed ``${`` is an error."""
    if not isinstance(value, str) or "${" not in value:
        return None
    match = _REFERENCE.match(value)
    if match is None:
        raise ValueError(f"{value!r} is not a reference: write the whole value as "
                         "${name}, ${input.field} or ${step_id.field}")
    path = tuple(part for part in match.group(2).split(".") if part)
    return Reference(match.group(1), path)


def references_in(value: Any) -> Iterator[Reference]:
    """Every reference inside a literal argument (lists and mappings are searched)."""
    found = parse_reference(value)
    if found is not None:
        yield found
    elif isinstance(value, dict):
        for item in value.values():
            yield from references_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from references_in(item)


class Tolerance(_Strict):
    """How close a numeric output must be to the golden value to count as equal."""

    abs: float | None = Field(default=None, ge=0, description="allowed absolute difference")
    rel: float | None = Field(default=None, ge=0, description="allowed relative difference")

    @model_validator(mode="after")
    def _one_given(self) -> Tolerance:
        if self.abs is None and self.rel is None:
            raise ValueError("a tolerance needs 'abs' or 'rel'")
        return self


ARGS_DESCRIPTION = ("parameter -> where its value comes from: a reference like "
                    "'${extract.bmi}' or '${input.member_id}', or a literal; a parameter "
                    "not listed reads the state name it is called")


class _CompiledStep(_Strict):
    """Fields shared by the steps the compiler turns into code."""

    id: str = Field(description="identifier; also the generated function's name")
    template: str = Field(default="sync_handler", description="template the code fills")
    template_options: dict[str, Any] = Field(
        default_factory=dict, description="the template's options (see README, Templates)")
    inputs: dict[str, dict[str, Any]] = Field(description="parameter name -> JSON Schema")
    outputs: dict[str, dict[str, Any]] = Field(description="result field -> JSON Schema")
    args: dict[str, Any] = Field(default_factory=dict, description=ARGS_DESCRIPTION)
    uses: list[str] = Field(
        default_factory=list, description="module operations the generated code is given, "
        "e.g. ['database.query']: it receives them as the keyword argument 'modules' "
        "(modules.database.query(...)); every fixture records their replies under "
        "'recorded: {step_id: {calls: [...]}}'")

    @model_serializer(mode="wrap")
    def _omit_empty_uses(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """A step without modules dumps as before ``uses`` existed (spec.json unchanged)."""
        data: dict[str, Any] = handler(self)
        if not self.uses:
            data.pop("uses", None)
        return data

    @field_validator("id")
    @classmethod
    def _identifier(cls, value: str) -> str:
        return _check_identifier(value, "decide_claim")

    @field_validator("uses")
    @classmethod
    def _operations(cls, value: list[str]) -> list[str]:
        for index, name in enumerate(value):
            if not re.match(OPERATION_PATTERN, name):
                raise LocatedError(f"{name!r} must be module.operation, like 'database.query'",
                                   index)
            try:
                operation(name)
            except ValueError as exc:
                raise LocatedError(str(exc), index) from None
            if name in value[:index]:
                raise LocatedError(f"{name!r} is listed twice", index)
        return value

    @model_validator(mode="after")
    def _modules_parameter_free(self) -> _CompiledStep:
        if self.uses and "modules" in self.inputs:
            raise LocatedError("a step with 'uses' receives its modules as the parameter "
                               "'modules'; rename the input 'modules'", "inputs", "modules")
        return self

    @field_validator("inputs", "outputs")
    @classmethod
    def _fields(cls, value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        if not value:
            raise ValueError("declare at least one field")
        return _check_fields(value)

    @model_validator(mode="after")
    def _args_are_parameters(self) -> _CompiledStep:
        _check_args(self.args, self.inputs)
        return self

    @model_validator(mode="after")
    def _template_options(self) -> _CompiledStep:
        from compiled_ai.spec.template_options import check_step

        check_step(cast("CompiledStep", self))  # only its subclasses are ever built
        return self


def _check_args(args: dict[str, Any], inputs: dict[str, Any]) -> None:
    for name, value in args.items():
        if name not in inputs:
            raise LocatedError(f"{name!r} is not one of the step's inputs", "args", name)
        try:
            list(references_in(value))
        except ValueError as exc:
            raise LocatedError(str(exc), "args", name) from None


class FunctionStep(_CompiledStep):
    """A step compiled once into a narrow, typed Python function."""

    kind: Literal["function"] = "function"
    intent: str = Field(min_length=10, description="what the function does, in plain language")


class RuleStep(_CompiledStep):
    """A decision in plain language, compiled and tested exactly like a function."""

    kind: Literal["rule"] = "rule"
    rule: str = Field(min_length=10, description="the decision rule, in plain language; "
                      "it is the compiled function's intent")

    @property
    def intent(self) -> str:
        return self.rule


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
    args: dict[str, Any] = Field(default_factory=dict, description=ARGS_DESCRIPTION)
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
        return _check_identifier(value, "extract_chart")

    @model_validator(mode="after")
    def _consistent(self) -> BoundedStep:
        for name, schema in {**self.inputs, **self.outputs}.items():
            if not IDENTIFIER.match(name):
                raise LocatedError(f"field name {name!r} must be a lower-case identifier", name)
            _check_json_schema(schema)
        if not self.outputs:
            raise ValueError("declare at least one output field")
        _check_args(self.args, self.inputs)
        if self.min_confidence is not None and "confidence" not in self.outputs:
            raise LocatedError("min_confidence needs an output field 'confidence'", "outputs")
        if self.on_failure == "fallback" and self.fallback is None:
            raise LocatedError("on_failure 'fallback' needs a 'fallback' output", "fallback")
        if self.fallback is not None and set(self.fallback) != set(self.outputs):
            raise LocatedError("the fallback must give exactly the output fields", "fallback")
        for name, value in (self.fallback or {}).items():
            error = next(iter(Draft202012Validator(self.outputs[name]).iter_errors(value)), None)
            if error is not None:
                raise LocatedError(f"the fallback value does not match the output schema: "
                                   f"{error.message}", "fallback", name)
        fields = set(self.inputs) | set(self.outputs)
        for index, text in enumerate(self.validate_):
            try:
                unknown = sorted(parse_expression(text).names - fields)
            except ExpressionError as exc:
                raise LocatedError(str(exc), "validate", index) from None
            if unknown:
                raise LocatedError(f"{text!r} reads {', '.join(unknown)}, which is neither an "
                                   "input nor an output of the step", "validate", index)
        return self


class CallStep(_Strict):
    """An operation of a registered module (``http.get_json``, ``database.query``, ...).

    The module is injected by whoever runs the workflow and enforces its own
    allow-list; the step only names the operation, its arguments (references or
    literals) and the result fields it keeps.
    """

    id: str = Field(description="identifier, unique in the workflow")
    kind: Literal["call"] = "call"
    operation: str = Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$",
                           description="module.operation, e.g. 'database.query'")
    args: dict[str, Any] = Field(default_factory=dict, description="operation argument -> "
                                 "reference like '${input.member_id}' or a literal (lists and "
                                 "mappings may hold references)")
    outputs: dict[str, dict[str, Any]] = Field(description="result field kept -> JSON Schema")

    @field_validator("id")
    @classmethod
    def _identifier(cls, value: str) -> str:
        return _check_identifier(value, "fetch_member")

    @field_validator("outputs")
    @classmethod
    def _fields(cls, value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        if not value:
            raise ValueError("declare at least one field")
        return _check_fields(value)

    @field_validator("args")
    @classmethod
    def _references(cls, value: dict[str, Any]) -> dict[str, Any]:
        for name, argument in value.items():
            try:
                list(references_in(argument))
            except ValueError as exc:
                raise LocatedError(str(exc), name) from None
        return value

    @property
    def module(self) -> str:
        return self.operation.split(".", 1)[0]


class SequenceBlock(_Strict):
    """Nodes run one after another; each sees what the earlier ones wrote."""

    id: str | None = Field(default=None, description="optional identifier, for messages")
    kind: Literal["sequence"] = "sequence"
    steps: list[Node] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _identifier(cls, value: str | None) -> str | None:
        return None if value is None else _check_identifier(value, "checks")


class ParallelBlock(_Strict):
    """Branches that all start from the same state; writes merged in declaration order."""

    id: str | None = Field(default=None, description="optional identifier, for messages")
    kind: Literal["parallel"] = "parallel"
    branches: list[Node] = Field(min_length=2, description="one node per branch (use a "
                                 "'sequence' for a branch of several steps)")

    @field_validator("id")
    @classmethod
    def _identifier(cls, value: str | None) -> str | None:
        return None if value is None else _check_identifier(value, "checks")


class ForeachBlock(_Strict):
    """Run ``steps`` once per element of a list; write the list of results as ``id``."""

    id: str = Field(description="identifier; also the name the collected list is written to")
    kind: Literal["foreach"] = "foreach"
    over: str = Field(description="reference to a list, e.g. '${input.lines}'")
    item: str = Field(default="item", description="name each element is bound to in the body")
    steps: list[Node] = Field(min_length=1, description="the body, a sequence")
    collect: list[str] | None = Field(
        default=None, description="body outputs kept in each element (default: all)")

    @field_validator("id", "item")
    @classmethod
    def _identifier(cls, value: str) -> str:
        return _check_identifier(value, "price_lines")

    @field_validator("over")
    @classmethod
    def _over(cls, value: str) -> str:
        if parse_reference(value) is None:
            raise ValueError("must be a reference like '${input.lines}'")
        return value


def _kind_of(value: Any) -> str | None:
    if isinstance(value, dict):
        kind = value.get("kind", "function")
        return kind if kind in NODE_KINDS else None
    return getattr(value, "kind", None)


Node = Annotated[
    Annotated[FunctionStep, Tag("function")] | Annotated[RuleStep, Tag("rule")]
    | Annotated[BoundedStep, Tag("bounded")] | Annotated[CallStep, Tag("call")]
    | Annotated[SequenceBlock, Tag("sequence")] | Annotated[ParallelBlock, Tag("parallel")]
    | Annotated[ForeachBlock, Tag("foreach")],
    Discriminator(_kind_of, custom_error_type="node_kind",
                  custom_error_message=f"unknown step kind; use one of {', '.join(NODE_KINDS)}"),
]
CompiledStep = FunctionStep | RuleStep
LeafStep = FunctionStep | RuleStep | BoundedStep | CallStep
Block = SequenceBlock | ParallelBlock | ForeachBlock

for _block in (SequenceBlock, ParallelBlock, ForeachBlock):
    _block.model_rebuild()


def children(node: Any) -> list[Any]:
    """The nodes directly inside a block (none for a leaf step)."""
    if isinstance(node, ParallelBlock):
        return list(node.branches)
    if isinstance(node, SequenceBlock | ForeachBlock):
        return list(node.steps)
    return []


def iter_leaves(nodes: list[Any]) -> Iterator[LeafStep]:
    """Every leaf step in declaration order (depth first)."""
    for node in nodes:
        if isinstance(node, SequenceBlock | ParallelBlock | ForeachBlock):
            yield from iter_leaves(children(node))
        else:
            yield node


def writes(node: Any) -> dict[str, None]:
    """The state names a node writes, in order (a foreach writes only its id)."""
    if isinstance(node, ForeachBlock):
        return {node.id: None}
    if isinstance(node, SequenceBlock | ParallelBlock):
        found: dict[str, None] = {}
        for child in children(node):
            found.update(writes(child))
        return found
    return dict.fromkeys(node.outputs)


class Fixture(_Strict):
    """A golden input -> output pair. Holdout fixtures are never shown to the LLM."""

    name: str
    input: dict[str, Any]
    expected: dict[str, Any]
    holdout: bool = False
    recorded: dict[str, dict[str, Any] | list[dict[str, Any]]] = Field(
        default_factory=dict,
        description="step id of a bounded or call step -> its recorded output (a list, "
                    "one per run, inside a foreach), so that compiled steps after it can be "
                    "tested at compile time without a model or a module; step id of a "
                    "function or rule step with 'uses' -> {calls: [{operation, result, "
                    "args (optional)}, ...]}, the module replies its code receives, in "
                    "order (a list of those, one per run, inside a foreach)")

    unchecked: list[str] = Field(
        default_factory=list,
        description="top-level keys of 'expected' shown with the example but not compared: "
                    "the value given is one acceptable answer (an optional field's default, "
                    "say), not the only one")

    @model_validator(mode="after")
    def _unchecked_keys_are_expected(self) -> Fixture:
        unknown = [key for key in self.unchecked if key not in self.expected]
        if unknown:
            raise ValueError(f"unchecked keys {unknown} are not keys of 'expected'")
        return self

    @model_serializer(mode="wrap")
    def _leave_out_empty_unchecked(self, serialize: SerializerFunctionWrapHandler) -> Any:
        """Specs without unchecked keys serialise as before the field existed, so their
        canonical bytes (and the digests artifacts record) do not change."""
        data = serialize(self)
        if not self.unchecked and isinstance(data, dict):
            data.pop("unchecked", None)
        return data

    def recorded_outputs(self, step_id: str) -> list[dict[str, Any]]:
        value = self.recorded.get(step_id, [])
        return [value] if isinstance(value, dict) else list(value)


def _check_recorded(fixture: Fixture, step: BoundedStep | CallStep,
                    loc: tuple[str | int, ...]) -> None:
    """A recorded output must be one the step could have produced: exactly its fields."""
    schema = {"type": "object", "properties": step.outputs, "required": list(step.outputs),
              "additionalProperties": False}
    validator = Draft202012Validator(schema)
    for number, output in enumerate(fixture.recorded_outputs(step.id)):
        error = next(iter(validator.iter_errors(output)), None)
        if error is not None:
            where = (number,) if isinstance(fixture.recorded[step.id], list) else ()
            raise LocatedError(f"recorded output does not match step {step.id!r}'s outputs: "
                               f"{error.message}", *loc, *where, *error.absolute_path)


def _check_calls(fixture: Fixture, step: CompiledStep, loc: tuple[str | int, ...]) -> None:
    """A recorded run of a step with ``uses``: ``{calls: [...]}``, each call one of the
    step's declared operations, its result shaped like that operation's reply."""
    value = fixture.recorded[step.id]
    for number, run in enumerate(fixture.recorded_outputs(step.id)):
        where = (*loc, number) if isinstance(value, list) else loc
        if set(run) != {"calls"} or not isinstance(run["calls"], list):
            raise LocatedError(f"step {step.id!r} uses modules: record each run as "
                               "{calls: [{operation: ..., result: {...}}, ...]}", *where)
        for index, call in enumerate(run["calls"]):
            here = (*where, "calls", index)
            if not isinstance(call, dict) or not {"operation", "result"} <= set(call) \
                    or not set(call) <= {"operation", "result", "args"}:
                raise LocatedError("a recorded call has 'operation', 'result' and optionally "
                                   "'args'", *here)
            if call["operation"] not in step.uses:
                raise LocatedError(f"{call['operation']!r} is not in step {step.id!r}'s uses "
                                   f"({', '.join(step.uses)})", *here, "operation")
            op = operation(call["operation"])
            error = next(iter(Draft202012Validator(op.result_schema()).iter_errors(
                call["result"])), None)
            if error is not None:
                raise LocatedError(f"not a reply of {op.name}: {error.message}", *here,
                                   "result", *error.absolute_path)
            args = call.get("args", {})
            names = [p.name for p in op.parameters]
            if not isinstance(args, dict) or not set(args) <= set(names):
                raise LocatedError(f"args may name only {op.name}'s parameters "
                                   f"({', '.join(names)})", *here, "args")


@dataclass
class _Scope:
    """What a node can read: state names, and the outputs of step ids already run."""

    names: set[str]
    results: dict[str, set[str]] = field(default_factory=dict)

    def copy(self) -> _Scope:
        return _Scope(set(self.names), dict(self.results))


class Spec(_Strict):
    """A workflow to compile."""

    name: str
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$", description="semantic version")
    description: str = ""
    compliance: list[Literal["hipaa", "pci-dss", "soc2"]] = Field(default_factory=list)
    input_schema: dict[str, Any]
    output_schema: dict[str, Any]
    steps: list[Node] = Field(min_length=1, description="the workflow, a sequence of nodes")
    fixtures: list[Fixture] = Field(min_length=1)
    tolerances: dict[str, Tolerance] = Field(
        default_factory=dict, description="output field (of the workflow or of any "
        "step) -> numeric tolerance")

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
        _FlowCheck(self).run()
        names: set[str] = set()
        leaves = {leaf.id: leaf for leaf in self.leaves()}
        for index, fixture in enumerate(self.fixtures):
            if fixture.name in names:
                raise LocatedError(f"fixture name {fixture.name!r} is used twice",
                                   "fixtures", index, "name")
            names.add(fixture.name)
            for step_id in fixture.recorded:
                leaf = leaves.get(step_id)
                loc = ("fixtures", index, "recorded", step_id)
                if isinstance(leaf, FunctionStep | RuleStep) and leaf.uses:
                    _check_calls(fixture, leaf, loc)
                elif isinstance(leaf, BoundedStep | CallStep):
                    _check_recorded(fixture, leaf, loc)
                else:
                    raise LocatedError(f"{step_id!r} is not a bounded or call step, nor a "
                                       "step with 'uses'", *loc)
            for leaf in self.compiled_steps():
                if leaf.uses and leaf.id not in fixture.recorded:
                    raise LocatedError(
                        f"step {leaf.id!r} uses {', '.join(leaf.uses)}: record the replies "
                        f"its code gets under 'recorded: {{{leaf.id}: {{calls: [...]}}}}'",
                        "fixtures", index, "recorded")
        if all(fixture.holdout for fixture in self.fixtures):
            raise LocatedError("at least one fixture must not be a holdout (the LLM needs "
                               "examples)", "fixtures")
        fields = set(self.output_schema["properties"])
        for leaf in self.leaves():
            fields |= set(leaf.outputs)
        for name in self.tolerances:
            if name not in fields:
                raise LocatedError(f"tolerance for unknown output field {name!r}",
                                   "tolerances", name)
        return self

    def leaves(self) -> list[LeafStep]:
        """Every leaf step, in declaration order."""
        return list(iter_leaves(self.steps))

    def compiled_steps(self) -> list[CompiledStep]:
        """The steps the compiler turns into code (functions and rules), in order."""
        return [s for s in self.leaves() if isinstance(s, FunctionStep | RuleStep)]

    def visible_fixtures(self) -> list[Fixture]:
        """Fixtures the LLM may see (holdouts excluded)."""
        return [fixture for fixture in self.fixtures if not fixture.holdout]


class _FlowCheck:
    """Static data-flow check of a spec's step tree: ids, references, parallel writes."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.inputs = set(spec.input_schema["properties"])
        self.ids: dict[str, tuple[str | int, ...]] = {}

    def run(self) -> None:
        self._collect_ids(self.spec.steps, ("steps",))
        data = set(self.inputs)
        for leaf in iter_leaves(self.spec.steps):
            data |= set(leaf.outputs)
        for step_id, loc in self.ids.items():
            if step_id in data and not self._is_foreach(loc):
                raise LocatedError(f"step id {step_id!r} is also the name of a data field; "
                                   "rename one so that '${" + step_id + "}' is unambiguous",
                                   *loc, "id")
        scope = self._sequence(self.spec.steps, _Scope(set(self.inputs)), ("steps",))
        unproduced = sorted(set(self.spec.output_schema["properties"]) - scope.names)
        if unproduced:
            raise LocatedError(f"output fields {', '.join(unproduced)} are produced by no step",
                               "output_schema")

    def _is_foreach(self, loc: tuple[str | int, ...]) -> bool:
        node: Any = self.spec
        for part in loc:
            node = node[part] if isinstance(part, int) else getattr(node, str(part))
        return isinstance(node, ForeachBlock)

    def _collect_ids(self, nodes: list[Any], loc: tuple[str | int, ...]) -> None:
        for index, node in enumerate(nodes):
            here = (*loc, index)
            if node.id is not None:
                if node.id in self.ids:
                    raise LocatedError(f"step id {node.id!r} is used twice", *here, "id")
                self.ids[node.id] = here
            if isinstance(node, ParallelBlock):
                self._collect_ids(node.branches, (*here, "branches"))
            elif isinstance(node, SequenceBlock | ForeachBlock):
                self._collect_ids(node.steps, (*here, "steps"))

    def _sequence(self, nodes: list[Any], scope: _Scope,
                  loc: tuple[str | int, ...]) -> _Scope:
        for index, node in enumerate(nodes):
            scope = self._node(node, scope, (*loc, index))
        return scope

    def _node(self, node: Any, scope: _Scope, loc: tuple[str | int, ...]) -> _Scope:
        if isinstance(node, SequenceBlock):
            return self._sequence(node.steps, scope, (*loc, "steps"))
        if isinstance(node, ParallelBlock):
            return self._parallel(node, scope, loc)
        if isinstance(node, ForeachBlock):
            return self._foreach(node, scope, loc)
        if not isinstance(node, CallStep):
            for name in node.inputs:
                if name not in node.args and name not in scope.names:
                    raise LocatedError(
                        f"step {node.id!r} reads {name!r}, which neither the input schema nor "
                        "an earlier step provides (bind it with 'args')",
                        *loc, "inputs", name)
        for name, value in node.args.items():
            for reference in references_in(value):
                self._reference(reference, scope, (*loc, "args", name))
        after = scope.copy()
        after.names |= set(node.outputs)
        after.results[node.id] = set(node.outputs)
        return after

    def _parallel(self, node: ParallelBlock, scope: _Scope,
                  loc: tuple[str | int, ...]) -> _Scope:
        merged = scope.copy()
        written: dict[str, int] = {}
        for index, branch in enumerate(node.branches):
            here = (*loc, "branches", index)
            after = self._node(branch, scope.copy(), here)
            for name in writes(branch):
                if name in written:
                    raise LocatedError(
                        f"{name!r} is written by parallel branches {written[name]} and {index}; "
                        "branches run from the same state, so each name may have one writer",
                        *here)
                written[name] = index
            merged.names |= after.names
            merged.results.update(after.results)
        return merged

    def _foreach(self, node: ForeachBlock, scope: _Scope,
                 loc: tuple[str | int, ...]) -> _Scope:
        over = parse_reference(node.over)
        assert over is not None  # the field validator guarantees it
        self._reference(over, scope, (*loc, "over"))
        if node.item in scope.names or node.item in self.ids:
            raise LocatedError(f"{node.item!r} already names data or a step; choose another "
                               "name for the element", *loc, "item")
        if node.id in scope.names:
            raise LocatedError(f"{node.id!r} is already the name of a data field", *loc, "id")
        body = scope.copy()
        body.names.add(node.item)
        self._sequence(node.steps, body, (*loc, "steps"))
        produced: dict[str, None] = {}
        for child in node.steps:
            produced.update(writes(child))
        for index, name in enumerate(node.collect or []):
            if name not in produced:
                raise LocatedError(f"{name!r} is written by no step of the body",
                                   *loc, "collect", index)
        after = scope.copy()
        after.names.add(node.id)
        return after

    def _reference(self, reference: Reference, scope: _Scope,
                   loc: tuple[str | int, ...]) -> None:
        root, path = reference.root, reference.path
        if root == "input":
            if path and path[0] not in self.inputs:
                raise LocatedError(f"{reference}: the input schema has no property "
                                   f"{path[0]!r}", *loc)
            return
        if root in scope.results:
            if path and path[0] not in scope.results[root]:
                raise LocatedError(f"{reference}: step {root!r} has no output {path[0]!r}",
                                   *loc)
            return
        if root in scope.names:
            return
        if root in self.ids:
            raise LocatedError(f"{reference}: step {root!r} has not run at this point (it "
                               "runs later, in another parallel branch or inside a foreach)",
                               *loc)
        raise LocatedError(f"{reference}: {root!r} is neither the input, a step nor a name "
                           "in the state here", *loc)
