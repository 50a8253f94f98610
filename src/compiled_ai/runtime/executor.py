"""Execute a loaded workflow on one input: validate, run the step tree, validate.

Compiled steps run in-process by default (microseconds per step); ``isolated=True``
runs each in the sandbox instead, for inputs you trust less than the code. Bounded
steps go to the injected ``BoundedInvoker`` (the only model calls after compile time,
whose tokens are counted here); ``call`` steps go to the injected module registry,
and so do the module calls of compiled steps that declare ``uses``: such a step's
function receives ``modules``, a view of the registry restricted to its declared
operations. Those steps run in-process only (the sandbox child has no way to reach
the run's modules), so an isolated workflow that has one is refused when loaded.
A run whose bounded step parks the transaction for human review stops there and
reports ``status='review'``.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from jsonschema import Draft202012Validator
from pydantic import ValidationError

from compiled_ai.artifacts.store import VerifiedArtifact
from compiled_ai.errors import (
    ArtifactError,
    CompiledAIError,
    ConfigurationError,
    InputError,
    StepExecutionError,
)
from compiled_ai.runtime._module_interface import CallLog, Replay
from compiled_ai.runtime.bounded_protocol import BoundedInvoker, BoundedOutcome
from compiled_ai.runtime.checkpoint import Checkpoint, scoped
from compiled_ai.runtime.flow import Interpreter, State, Visit
from compiled_ai.runtime.loader import LoadedStep, load_steps
from compiled_ai.runtime.modules.interface import registry_dispatch, step_interface
from compiled_ai.runtime.modules.registry import ModuleRegistry
from compiled_ai.runtime.sandbox import SandboxLimits, run_in_sandbox
from compiled_ai.runtime.schemas import first_error, result_schema
from compiled_ai.spec.models import BoundedStep, CallStep, CompiledStep, LeafStep, Spec


@dataclass
class RunResult:
    output: dict[str, Any]
    step_ms: dict[str, float] = field(default_factory=dict)  # summed over foreach elements
    tokens: int = 0  # model tokens of bounded steps; compiled steps never call a model
    status: Literal["ok", "review"] = "ok"
    review_id: int | None = None  # set when status is 'review'
    reason: str | None = None
    # outputs of bounded and call steps, and ``{"calls": [...]}`` of steps with ``uses``,
    # one per run of the step, in order: the same shape as a fixture's ``recorded``, so a
    # run can be replayed without model or module
    recorded: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # step id -> module operation -> calls made (attempted, failed ones included)
    module_calls: dict[str, dict[str, int]] = field(default_factory=dict)
    bounded: list[tuple[str, BoundedOutcome]] = field(default_factory=list)
    error: CompiledAIError | None = None


class _Parked(Exception):
    """A bounded step sent the transaction to human review: the run stops here."""

    def __init__(self, step_id: str, outcome: BoundedOutcome) -> None:
        super().__init__(step_id)
        self.step_id = step_id
        self.outcome = outcome


class Workflow:
    """A verified artifact, loaded once, ready to run many inputs."""

    def __init__(self, artifact: VerifiedArtifact, *, isolated: bool = False,
                 limits: SandboxLimits | None = None, bounded: BoundedInvoker | None = None,
                 modules: ModuleRegistry | None = None, parallelism: int = 1) -> None:
        try:
            self.spec = Spec.model_validate(artifact.json_file("spec.json"))
        except ValidationError as exc:
            raise ArtifactError(f"spec.json is not a valid spec: "
                                f"{exc.errors()[0]['msg']}") from None
        self.artifact = artifact
        self.name = self.spec.name
        # review items name the version: a resolution is reused only by the same version
        self.review_label = f"{self.spec.name}@{self.spec.version}"
        self.input_schema: dict[str, Any] = self.spec.input_schema
        self.output_schema: dict[str, Any] = self.spec.output_schema
        self.steps: dict[str, LoadedStep] = load_steps(artifact, self.spec)
        leaves = self.spec.leaves()
        self.needs_model = [s.id for s in leaves if isinstance(s, BoundedStep)]
        self._calls = [s for s in leaves if isinstance(s, CallStep)]
        self._users = [s for s in self.spec.compiled_steps() if s.uses]
        if isolated and self._users:
            raise ConfigurationError(
                f"step(s) {', '.join(s.id for s in self._users)} use modules, and steps "
                "with modules run in-process only (the sandbox cannot reach the run's "
                "modules): run without --isolated")
        if modules is not None:
            for step in self._calls:
                modules.check(step.operation)
            for user in self._users:
                for name in user.uses:
                    modules.check(name)
        # validators built once: every run checks against the same schemas
        self._input_check = Draft202012Validator(self.input_schema)
        self._output_check = Draft202012Validator(self.output_schema)
        self._result_checks = {step.id: Draft202012Validator(result_schema(step.outputs))
                               for step in leaves}
        self._isolated = isolated
        self._limits = limits
        self._bounded = bounded
        self._modules = modules
        self._parallelism = parallelism

    def use_model(self, invoker: BoundedInvoker) -> None:
        """Give the bounded steps their model after loading (the caller builds the provider)."""
        self._bounded = invoker

    def run(self, payload: Any, *, transaction: str | None = None,
            replay: Mapping[str, list[dict[str, Any]]] | None = None,
            checkpoint: Checkpoint | None = None) -> RunResult:
        """Run one input. ``replay`` (a earlier run's ``recorded``) answers bounded and call
        steps from that history instead of a model or a module: the run is re-executed
        deterministically, as a Temporal worker replays a workflow's event history.
        ``checkpoint``: where batch steps record finished records, to resume after a crash."""
        result = self.execute(payload, transaction=transaction, replay=replay,
                              checkpoint=checkpoint)
        if result.error is not None:
            raise result.error
        return result

    def execute(self, payload: Any, *, transaction: str | None = None,
                replay: Mapping[str, list[dict[str, Any]]] | None = None,
                checkpoint: Checkpoint | None = None) -> RunResult:
        """Like ``run``, but a failure is returned in ``error`` with the tokens spent so far."""
        result = RunResult(output={})
        try:
            if replay is None:
                self._check_configured()
            history = {step_id: list(outputs) for step_id, outputs in (replay or {}).items()}
            self._execute(payload, transaction or uuid.uuid4().hex, result,
                          None if replay is None else history, checkpoint)
        except CompiledAIError as exc:
            result.error = exc
        except _Parked as parked:
            result.status = "review"
            result.review_id = parked.outcome.review_id
            result.reason = parked.outcome.reason or f"step {parked.step_id!r} needs review"
        return result

    def _check_configured(self) -> None:
        if self.needs_model and self._bounded is None:
            raise ConfigurationError(
                f"step(s) {', '.join(self.needs_model)} are bounded model calls, and this run "
                "has no bounded invoker (a provider for run-time calls)")
        callers = [s.id for s in self._calls] + [s.id for s in self._users]
        if callers and self._modules is None:
            raise ConfigurationError(
                f"step(s) {', '.join(callers)} call modules, and this run has no module "
                "configuration")

    def _execute(self, payload: Any, transaction: str, result: RunResult,
                 history: dict[str, list[dict[str, Any]]] | None,
                 checkpoint: Checkpoint | None) -> None:
        if checkpoint is not None and self._isolated:
            raise InputError("a checkpoint cannot be used with isolated runs (the sandbox "
                             "writes no files)")
        problem = first_error(self._input_check, payload)
        if problem is not None:
            raise InputError(f"input does not match the workflow's input schema: {problem}")
        lock = threading.Lock()

        def run_leaf(step: LeafStep, arguments: dict[str, Any], visit: Visit) -> dict[str, Any]:
            started = time.perf_counter()
            if history is not None and isinstance(step, BoundedStep | CallStep):
                produced = _replayed(history, step.id)
            elif isinstance(step, CompiledStep) and step.uses:
                produced = self._with_modules(step, arguments, result, lock, history,
                                              checkpoint)
            else:
                produced = self._leaf(step, arguments, transaction, result, lock,
                                      scoped(checkpoint, visit.loops))
            problem = first_error(self._result_checks[step.id], produced)
            if problem is not None:
                raise StepExecutionError(f"step {step.id!r} returned a bad result: {problem}")
            with lock:
                result.step_ms[step.id] = result.step_ms.get(step.id, 0.0) + \
                    (time.perf_counter() - started) * 1000
                if not isinstance(step, BoundedStep | CallStep):
                    return produced
                result.recorded.setdefault(step.id, []).append(produced)
            return produced

        state = State.start(payload)
        Interpreter(run_leaf, parallelism=self._parallelism).run(list(self.spec.steps), state)
        output = {k: state.names[k] for k in self.output_schema["properties"] if k in state.names}
        problem = first_error(self._output_check, output)
        if problem is not None:
            raise StepExecutionError(f"output does not match the output schema: {problem}")
        result.output = output

    def _with_modules(self, step: CompiledStep, arguments: dict[str, Any], result: RunResult,
                      lock: threading.Lock, history: dict[str, list[dict[str, Any]]] | None,
                      checkpoint: Checkpoint | None) -> dict[str, Any]:
        """Run a step with ``uses``: its module calls go to the registry (or, replaying, to
        the history), each one logged for the audit record and the run's ``recorded``."""
        replay = None
        if history is not None:
            replay = Replay(_replayed(history, step.id).get("calls", []))
            log = CallLog(replay)
        else:
            assert self._modules is not None  # checked before the run started
            log = CallLog(registry_dispatch(self._modules))
        try:
            produced = self.steps[step.id].call(arguments, checkpoint,
                                                modules=step_interface(step.uses, log))
            if replay is not None and replay.unused():
                raise StepExecutionError(f"replay: step {step.id!r} did not make its recorded "
                                         f"module calls {', '.join(replay.unused())}; the run "
                                         "diverged from the recorded one")
        finally:
            with lock:
                counts = result.module_calls.setdefault(step.id, {})
                for name in log.attempted:
                    counts[name] = counts.get(name, 0) + 1
        with lock:
            result.recorded.setdefault(step.id, []).append({"calls": log.calls})
        return produced

    def _leaf(self, step: LeafStep, arguments: dict[str, Any], transaction: str,
              result: RunResult, lock: threading.Lock,
              checkpoint: Checkpoint | None = None) -> dict[str, Any]:
        if isinstance(step, BoundedStep):
            assert self._bounded is not None  # checked when the workflow was loaded
            outcome = self._bounded.invoke(step, arguments, workflow=self.review_label,
                                           transaction=transaction)
            with lock:
                result.tokens += outcome.input_tokens + outcome.output_tokens
                result.bounded.append((step.id, outcome))
            if outcome.status == "review":
                raise _Parked(step.id, outcome)
            return outcome.output
        if isinstance(step, CallStep):
            assert self._modules is not None  # checked when the workflow was loaded
            returned = self._modules.call(step.operation, arguments)
            missing = [name for name in step.outputs if name not in returned]
            if missing:
                raise StepExecutionError(f"step {step.id!r}: {step.operation} returned no "
                                         f"{', '.join(missing)}")
            return {name: returned[name] for name in step.outputs}
        return self._call(self.steps[step.id], arguments, checkpoint)

    def _call(self, step: LoadedStep, arguments: dict[str, Any],
              checkpoint: Checkpoint | None = None) -> dict[str, Any]:
        if not self._isolated:
            return step.call(arguments, checkpoint)
        run = run_in_sandbox(step.source, step.id, [arguments], limits=self._limits,
                             template=step.template, options=step.options)
        case = run.cases[0]
        if not case.ok or not isinstance(case.value, dict):
            raise StepExecutionError(f"step {step.id!r} failed in the sandbox: {case.error}")
        return case.value


def _replayed(history: dict[str, list[dict[str, Any]]], step_id: str) -> dict[str, Any]:
    queue = history.get(step_id)
    if not queue:
        raise StepExecutionError(f"replay: the history holds no further output of step "
                                 f"{step_id!r}; the run diverged from the recorded one")
    return dict(queue.pop(0))
