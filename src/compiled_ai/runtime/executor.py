"""Execute a loaded workflow on one input: validate, run the steps in order, validate.

Steps run in-process by default (microseconds per step); ``isolated=True`` runs each
step in the sandbox instead, for inputs you trust less than the code.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from jsonschema import Draft202012Validator

from compiled_ai.artifacts.store import VerifiedArtifact
from compiled_ai.errors import InputError, StepExecutionError
from compiled_ai.runtime.checkpoint import Checkpoint
from compiled_ai.runtime.loader import LoadedStep, load_steps
from compiled_ai.runtime.sandbox import SandboxLimits, run_in_sandbox
from compiled_ai.runtime.schemas import first_error, result_schema


@dataclass
class RunResult:
    output: dict[str, Any]
    step_ms: dict[str, float] = field(default_factory=dict)
    tokens: int = 0  # compiled steps never call a model


class Workflow:
    """A verified artifact, loaded once, ready to run many inputs."""

    def __init__(self, artifact: VerifiedArtifact, *, isolated: bool = False,
                 limits: SandboxLimits | None = None) -> None:
        spec = artifact.json_file("spec.json")
        self.artifact = artifact
        self.name = spec["name"]
        self.input_schema: dict[str, Any] = spec["input_schema"]
        self.output_schema: dict[str, Any] = spec["output_schema"]
        self.steps: list[LoadedStep] = load_steps(artifact)
        # validators built once: every run checks against the same schemas
        self._input_check = Draft202012Validator(self.input_schema)
        self._output_check = Draft202012Validator(self.output_schema)
        self._result_checks = {step.id: Draft202012Validator(result_schema(step.outputs))
                               for step in self.steps}
        self._isolated = isolated
        self._limits = limits

    def run(self, payload: Any, *, checkpoint: Checkpoint | None = None) -> RunResult:
        """``checkpoint``: where batch steps record finished records, to resume after a crash."""
        if checkpoint is not None and self._isolated:
            raise InputError("a checkpoint cannot be used with isolated runs (the sandbox "
                             "writes no files)")
        problem = first_error(self._input_check, payload)
        if problem is not None:
            raise InputError(f"input does not match the workflow's input schema: {problem}")
        state = dict(payload)
        result = RunResult(output={})
        for step in self.steps:
            arguments = {name: state.get(name) for name in step.inputs}
            started = time.perf_counter()
            produced = self._call(step, arguments, checkpoint)
            result.step_ms[step.id] = (time.perf_counter() - started) * 1000
            problem = first_error(self._result_checks[step.id], produced)
            if problem is not None:
                raise StepExecutionError(f"step {step.id!r} returned a bad result: {problem}")
            state.update(produced)
        result.output = {k: state[k] for k in self.output_schema["properties"] if k in state}
        problem = first_error(self._output_check, result.output)
        if problem is not None:
            raise StepExecutionError(f"output does not match the output schema: {problem}")
        return result

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
