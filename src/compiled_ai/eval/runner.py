"""Run an evaluation: compile (optionally), run the artifact, run the baseline; resumably.

Work happens in phases, each a list of units recorded in the checkpoint as they
finish: ``compile``; ``compiled`` (one run per input); ``compiled_repeat`` (N runs of
the probe input); ``baseline`` (one model call per input); ``baseline_repeat`` (K calls
with the probe input). On resume a recorded unit is never run again, so nothing is
redone or counted twice. The provider is built only when a unit needs it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rich.progress import Progress

from compiled_ai.artifacts.canonical import sha256_bytes
from compiled_ai.artifacts.store import read_verified, write_artifact
from compiled_ai.errors import CompiledAIError, ConfigurationError
from compiled_ai.eval.baseline import DirectLLMBaseline
from compiled_ai.eval.checkpoint import Checkpoint
from compiled_ai.eval.inputs import EvalCase
from compiled_ai.providers.base import Provider
from compiled_ai.runtime.executor import Workflow

# 20 repeated baseline calls: on 2 CPU cores the local model needs 2-5 s per call, so
# the paper's N = 1,000 would take about an hour for the baseline alone
DEFAULT_BASELINE_REPEATS = 20
DEFAULT_REPEATS = 1000
# counts a resumed run may change: recorded units are reused as far as they reach
FLEXIBLE_OPTIONS = ("repeats", "baseline_repeats", "baseline_inputs")
# compiled runs take microseconds: one checkpoint line (and fsync) per 100 of them
COMPILED_CHUNK = 100


@dataclass(frozen=True)
class EvalOptions:
    repeats: int = DEFAULT_REPEATS
    baseline: bool = False
    baseline_repeats: int = DEFAULT_BASELINE_REPEATS
    baseline_inputs: int | None = None  # answer only the first N inputs (None: all)
    probe: int = 0  # index of the input repeated for the determinism figures
    isolated: bool = False
    provider: str = "local"
    model: str | None = None  # the provider's model setting, part of the fingerprint


@dataclass(frozen=True)
class CompileJob:
    """Compile ``spec_path`` into the artifact inside the evaluation, timing it."""

    spec_path: Path
    compile: Callable[[Provider, Callable[[str], None]], Any]  # -> CompiledArtifact


class Evaluation:
    def __init__(self, artifact: Path, cases: list[EvalCase], inputs_bytes: bytes,
                 options: EvalOptions, checkpoint_path: Path,
                 provider_factory: Callable[[], Provider], progress: Progress,
                 compile_job: CompileJob | None = None) -> None:
        if not 0 <= options.probe < len(cases):
            raise ConfigurationError(f"--probe {options.probe}: the inputs file has "
                                     f"{len(cases)} input(s)")
        self.artifact_path = artifact
        self.cases = cases
        self.options = options
        self._provider_factory = provider_factory
        self._provider: Provider | None = None
        self._progress = progress
        self._compile_job = compile_job
        fingerprint = {
            "inputs_sha256": sha256_bytes(inputs_bytes),
            "options": asdict(options),
            "compile_spec_sha256": (sha256_bytes(compile_job.spec_path.read_bytes())
                                    if compile_job else None),
            "artifact_sha256": None if compile_job else read_verified(artifact).artifact_sha256,
        }
        self.checkpoint = Checkpoint(checkpoint_path, fingerprint,
                                     flexible_options=FLEXIBLE_OPTIONS)

    @property
    def baseline_count(self) -> int:
        limit = self.options.baseline_inputs
        return len(self.cases) if limit is None else min(limit, len(self.cases))

    @property
    def provider(self) -> Provider:
        if self._provider is None:
            self._provider = self._provider_factory()
            identity = self._provider.identity.model_dump(mode="json")
            recorded = self.checkpoint.get("provider")
            if recorded is None:
                self.checkpoint.add("provider", 0, {"identity": identity})
            elif recorded["identity"] != identity:
                raise ConfigurationError("the provider's model changed since the checkpoint "
                                         "was written; remove it to start afresh")
        return self._provider

    def run(self) -> dict[str, Any]:
        """Every measurement, raw; ``result.build_result`` turns them into figures."""
        compile_seconds = self._compile()
        workflow = Workflow(read_verified(self.artifact_path), isolated=self.options.isolated)
        built = self.checkpoint.get("compile")
        if built and built["artifact_sha256"] != workflow.artifact.artifact_sha256:
            raise ConfigurationError(f"{self.artifact_path}: changed since the checkpoint's "
                                     "compile; remove the checkpoint to start afresh")
        probe = self.cases[self.options.probe].input
        compiled = self._phase("compiled", "compiled: inputs", len(self.cases),
                               lambda i: _run_compiled(workflow, self.cases[i].input))
        compiled_repeats = self._phase("compiled_repeat", "compiled: repeats",
                                       self.options.repeats,
                                       lambda _i: _run_compiled(workflow, probe),
                                       chunk=COMPILED_CHUNK)
        baseline = baseline_repeats = None
        identity = None
        if self.options.baseline:
            spec = workflow.artifact.json_file("spec.json")
            direct: DirectLLMBaseline | None = None

            def call(payload: Any) -> dict[str, Any]:
                nonlocal direct
                if direct is None:
                    direct = DirectLLMBaseline(spec, self.provider)
                    direct.warm_up(probe)
                answer = direct.answer(payload)
                return {"output": answer.output, "error": answer.error,
                        "input_tokens": answer.input_tokens,
                        "output_tokens": answer.output_tokens,
                        "latency_ms": answer.latency_ms, "reply": answer.reply[:2000]}

            baseline = self._phase("baseline", "baseline: inputs", self.baseline_count,
                                   lambda i: call(self.cases[i].input))
            baseline_repeats = self._phase("baseline_repeat", "baseline: repeats",
                                           self.options.baseline_repeats,
                                           lambda _i: call(probe))
            recorded = self.checkpoint.get("provider")
            identity = recorded["identity"] if recorded else None
        return {"artifact": workflow.artifact, "compile_seconds": compile_seconds,
                "compiled": compiled, "compiled_repeats": compiled_repeats,
                "baseline": baseline, "baseline_repeats": baseline_repeats,
                "baseline_identity": identity, "resumed": self.checkpoint.resumed}

    def _compile(self) -> float | None:
        job = self._compile_job
        if job is None:
            return None
        done = self.checkpoint.get("compile")
        if done is not None:
            return float(done["seconds"])
        task = self._progress.add_task("compiling", total=None)

        def say(message: str) -> None:
            self._progress.update(task, description=f"compiling: {message[:60]}")

        started = time.perf_counter()
        compiled = job.compile(self.provider, say)
        seconds = round(time.perf_counter() - started, 3)
        digest = write_artifact(self.artifact_path, compiled.files, compiled.manifest)
        self._progress.update(task, total=1, completed=1, description="compiled")
        self.checkpoint.add("compile", 0, {"seconds": seconds, "artifact_sha256": digest})
        return seconds

    def _phase(self, phase: str, label: str, total: int, unit: Callable[[int], dict[str, Any]],
               chunk: int = 1) -> list[dict[str, Any]]:
        """Run units 0..total-1 not yet recorded; record ``chunk`` units per checkpoint line.

        A resumed run may ask for more or fewer repeats than the interrupted one: recorded
        chunks are reused as far as they reach, and only what is missing runs.
        """
        recorded = self.checkpoint.done(phase)  # chunk number -> {"runs": [...]}
        starts = list(range(0, total, chunk))
        sizes = [min(chunk, total - start) for start in starts]
        done = {n: recorded[n]["runs"][:size] for n, size in enumerate(sizes)
                if n in recorded and len(recorded[n]["runs"]) >= size}
        task = self._progress.add_task(label, total=total,
                                       completed=sum(len(r) for r in done.values()))
        for number, start in enumerate(starts):
            if number in done:
                continue
            runs = []
            for index in range(start, start + sizes[number]):
                runs.append(unit(index))
                self._progress.advance(task)
            done[number] = self.checkpoint.add(phase, number, {"runs": runs})["runs"]
        return [run for number in range(len(starts)) for run in done[number]]


def _run_compiled(workflow: Workflow, payload: Any) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        output, error = workflow.run(payload).output, None
    except CompiledAIError as exc:
        output, error = None, f"{type(exc).__name__}: {exc}"
    latency = round((time.perf_counter() - started) * 1000, 4)
    return {"output": output, "error": error, "latency_ms": latency}

