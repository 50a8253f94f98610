"""Load a verified artifact into callable steps, in-process, without touching the compiler.

Step code is executed from the verified bytes with restricted builtins (only the
allow-listed names, and an import that refuses unlisted modules): the static gate
already proved the code clean; this keeps a tampered-but-rehashed artifact from
reaching ``open`` or ``os`` through the front door.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from compiled_ai.artifacts.store import VerifiedArtifact
from compiled_ai.errors import ArtifactError
from compiled_ai.runtime._sandbox_child import restricted_builtins
from compiled_ai.runtime.templates import StepFunction, runner_for
from compiled_ai.security.allowlist import ALLOWED_BUILTINS, ALLOWED_IMPORTS
from compiled_ai.spec.models import Spec


@dataclass(frozen=True)
class LoadedStep:
    id: str
    template: str
    source: str
    function: StepFunction
    inputs: dict[str, dict[str, Any]]
    outputs: dict[str, dict[str, Any]]

    def call(self, arguments: dict[str, Any]) -> dict[str, Any]:
        return runner_for(self.template)(self.function, self.id, arguments)


def load_function(source: str, step_id: str, function_name: str,
                  filename: str | None = None) -> StepFunction:
    """Execute step ``source`` with restricted builtins and return its function."""
    namespace: dict[str, Any] = {
        "__builtins__": restricted_builtins(ALLOWED_BUILTINS, ALLOWED_IMPORTS),
        "__name__": f"compiled_ai_step_{step_id}",
    }
    try:
        exec(compile(source, filename or f"steps/{step_id}.py", "exec"), namespace)  # noqa: S102 - verified code
        function: StepFunction = namespace[function_name]
    except Exception as exc:
        raise ArtifactError(f"step {step_id!r} failed to load: "
                            f"{type(exc).__name__}: {exc}") from None
    return function


def load_steps(artifact: VerifiedArtifact, spec: Spec) -> dict[str, LoadedStep]:
    """Every compiled step of the artifact by id; each compiled step of ``spec`` must be there."""
    declared = {step.id: step for step in spec.compiled_steps()}
    steps: dict[str, LoadedStep] = {}
    for record in artifact.manifest.steps:
        runner_for(record.template)  # refuse unknown templates before running anything
        if record.id not in declared:
            raise ArtifactError(f"the manifest lists step {record.id!r}, which the spec does "
                                "not declare as compiled")
        source = artifact.files[record.file].decode("utf-8")
        function = load_function(source, record.id, record.function, record.file)
        step = declared[record.id]
        steps[record.id] = LoadedStep(id=record.id, template=record.template, source=source,
                                      function=function, inputs=step.inputs,
                                      outputs=step.outputs)
    missing = [step_id for step_id in declared if step_id not in steps]
    if missing:
        raise ArtifactError(f"compiled step(s) {', '.join(missing)} missing from the manifest")
    return steps
