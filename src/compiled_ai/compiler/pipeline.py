"""Run the four validation stages in order, stopping at the first that fails."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from compiled_ai.compiler.compliance.rules import ComplianceContext
from compiled_ai.compiler.templates import StepFrame
from compiled_ai.compiler.validate.accuracy import DETERMINISM_SEEDS, check_accuracy
from compiled_ai.compiler.validate.cases import StepCase
from compiled_ai.compiler.validate.execution import check_execution
from compiled_ai.compiler.validate.findings import STAGES, Finding, StageResult
from compiled_ai.compiler.validate.security import check_security
from compiled_ai.compiler.validate.syntax import check_syntax
from compiled_ai.runtime.sandbox import SandboxLimits
from compiled_ai.spec.models import Tolerance


@dataclass
class PipelineResult:
    stages: list[StageResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return len(self.stages) == len(STAGES) and all(s.passed for s in self.stages)

    @property
    def blocking(self) -> list[Finding]:
        return [f for s in self.stages for f in s.findings if f.severity == "error"]

    def first_pass(self) -> dict[str, bool | None]:
        reached: dict[str, bool] = {s.stage: s.passed for s in self.stages}
        return {stage: reached.get(stage) for stage in STAGES}


def validate_candidate(source: str, frame: StepFrame, outputs: dict[str, dict],  # type: ignore[type-arg]
                       cases: list[StepCase], tolerances: dict[str, Tolerance],
                       limits: SandboxLimits | None = None, mypy_cache: Path | None = None,
                       seeds: tuple[int, ...] = DETERMINISM_SEEDS,
                       canaries: tuple[str, ...] = (),
                       compliance: ComplianceContext | None = None) -> PipelineResult:
    result = PipelineResult()
    security = check_security(source, canaries, compliance)
    result.stages.append(security)
    if not security.passed:
        return result
    syntax = check_syntax(source, frame, mypy_cache=mypy_cache)
    result.stages.append(syntax)
    if not syntax.passed:
        return result
    execution, run = check_execution(source, frame.function_name, outputs, cases, limits,
                                     canaries, template=frame.template_id, options=frame.options,
                                     uses=frame.uses)
    result.stages.append(execution)
    if not execution.passed:
        return result
    result.stages.append(check_accuracy(source, frame.function_name, cases, run, tolerances,
                                        limits, seeds, template=frame.template_id,
                                        options=frame.options, uses=frame.uses))
    return result
