"""Load a verified artifact into callable steps, in-process, without touching the compiler.

Step code is executed from the verified bytes with restricted builtins (only the
allow-listed names, and an import that refuses unlisted modules): the static gate
already proved the code clean; this keeps a tampered-but-rehashed artifact from
reaching ``open`` or ``os`` through the front door.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from compiled_ai.artifacts.store import VerifiedArtifact
from compiled_ai.errors import ArtifactError, StepExecutionError
from compiled_ai.runtime._module_interface import ModuleInterface, with_modules
from compiled_ai.runtime._sandbox_child import restricted_builtins
from compiled_ai.runtime._template_runners import STREAM
from compiled_ai.runtime.checkpoint import Checkpoint
from compiled_ai.runtime.templates import StepFunction, call_template, fold_events, runner_for
from compiled_ai.security.allowlist import ALLOWED_BUILTINS, ALLOWED_IMPORTS
from compiled_ai.spec.models import Spec
from compiled_ai.spec.template_options import normalised


@dataclass(frozen=True)
class LoadedStep:
    id: str
    template: str
    source: str
    function: StepFunction
    inputs: dict[str, dict[str, Any]]
    outputs: dict[str, dict[str, Any]]
    options: dict[str, Any] = field(default_factory=dict)  # the template runner's options
    code_sha256: str = ""
    uses: tuple[str, ...] = ()  # module operations the function receives as ``modules``

    def call(self, arguments: dict[str, Any], checkpoint: Checkpoint | None = None,
             modules: ModuleInterface | None = None) -> dict[str, Any]:
        """``modules``: the interface a step with ``uses`` is given (its declared
        operations only); required exactly when the step declares ``uses``."""
        if bool(self.uses) != (modules is not None):
            raise StepExecutionError(f"step {self.id!r}: declares uses "
                                     f"{list(self.uses)} but was called with "
                                     f"{'no' if modules is None else 'a'} module interface")
        return call_template(self.template, with_modules(self.function, modules), self.id,
                             arguments, self.options, checkpoint=checkpoint,
                             salt=self.code_sha256)

    def fold(self, events: Iterable[Any], shared: dict[str, Any] | None = None,
             on_emit: Callable[[Any], None] | None = None) -> dict[str, Any]:
        """A streaming step over an iterator of events, without holding them; see
        ``runtime.templates.fold_events``."""
        if self.template != STREAM:
            raise StepExecutionError(f"step {self.id!r} is not a streaming step")
        return fold_events(self.function, self.id, events, self.options, shared, on_emit)


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
        if list(record.uses) != list(step.uses):
            raise ArtifactError(f"step {record.id!r}: the manifest says it uses "
                                f"{record.uses or 'no modules'}, the spec says "
                                f"{step.uses or 'no modules'}")
        try:
            options = normalised(record.template.split("@")[0], step.template_options,
                                 record.id, step.inputs, step.outputs)
        except (ValueError, KeyError) as exc:  # pydantic's ValidationError is a ValueError
            raise ArtifactError(f"step {record.id!r}: unreadable template options: "
                                f"{str(exc).splitlines()[0]}") from None
        steps[record.id] = LoadedStep(id=record.id, template=record.template, source=source,
                                      function=function, inputs=step.inputs,
                                      outputs=step.outputs, options=options,
                                      code_sha256=record.code_sha256, uses=tuple(step.uses))
    missing = [step_id for step_id in declared if step_id not in steps]
    if missing:
        raise ArtifactError(f"compiled step(s) {', '.join(missing)} missing from the manifest")
    return steps
