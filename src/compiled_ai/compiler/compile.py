"""Compile a spec into an artifact: the only place a model is called before run time.

For each step: assemble the prompt, ask the provider, extract the function, put it
in its template, validate it through the four stages; on failure, ask again with
the findings (restarting at stage 1) up to ``max_attempts`` times.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from compiled_ai._version import __version__
from compiled_ai.artifacts.canonical import canonical_json, sha256_bytes
from compiled_ai.artifacts.compile_log import CompileLog
from compiled_ai.artifacts.manifest import (
    COMPILE_LOG,
    SPEC_FILE,
    SPEC_SOURCE,
    Attempt,
    Manifest,
    StepRecord,
    TokenUsage,
)
from compiled_ai.compiler.cases import step_cases
from compiled_ai.compiler.compliance import compliance_blocks
from compiled_ai.compiler.compliance.rules import context_for
from compiled_ai.compiler.demonstration import DEMONSTRATION
from compiled_ai.compiler.extract import extract_code
from compiled_ai.compiler.input_gate import screen_spec
from compiled_ai.compiler.pipeline import PipelineResult, validate_candidate
from compiled_ai.compiler.prompt import build_messages, build_retry
from compiled_ai.compiler.templates import frame_for
from compiled_ai.compiler.validate.accuracy import DETERMINISM_SEEDS
from compiled_ai.errors import CompilationFailed, SpecError
from compiled_ai.providers.base import DEFAULT_SEED, CompletionRequest, Message, Provider
from compiled_ai.providers.recording import RecordingProvider
from compiled_ai.runtime.sandbox import SandboxLimits
from compiled_ai.security.canary import canary_for
from compiled_ai.spec.models import CompiledStep, Spec

GREEDY_ATTEMPTS = 2  # attempts answered at temperature 0; later ones are sampled
RETRY_TEMPERATURE = 0.7

Progress = Callable[[str], None]


@dataclass(frozen=True)
class CompileOptions:
    max_attempts: int = 5
    max_tokens: int = 1024
    limits: SandboxLimits = SandboxLimits()
    mypy_cache: Path | None = None
    demonstration: tuple[Message, ...] = DEMONSTRATION  # a request and answer shown first
    # functions the caller's template defines in every step module, shown to the model as
    # defined and validated with its code (no import lines: the frame adds what they use)
    helpers: str = ""


@dataclass
class CompiledArtifact:
    """Files and manifest ready to be written by ``artifacts.store.write_artifact``."""

    files: dict[str, bytes]
    manifest: Manifest


def compile_spec(spec: Spec, spec_bytes: bytes, provider: Provider,
                 options: CompileOptions | None = None,
                 progress: Progress | None = None) -> CompiledArtifact:
    options = options or CompileOptions()
    say = progress or (lambda _message: None)
    screened = screen_spec(spec)
    refused = [f for f in screened if f.severity == "error"]
    if refused:
        more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
        raise SpecError(f"input gate: {refused[0].message}{more}; nothing was sent to the model")
    for finding in screened:
        say(f"input gate: {finding.message}")
    recorder = RecordingProvider(provider)
    blocks = compliance_blocks(list(spec.compliance))
    compiled: dict[str, str] = {}
    records: list[StepRecord] = []
    spec_digest = sha256_bytes(spec_bytes)
    for step in spec.compiled_steps():
        canary = canary_for(spec_digest, step.id)
        source, record = _compile_step(spec, step, compiled, recorder, blocks, options, say,
                                       canary)
        compiled[step.id] = source
        records.append(record)
    files = {SPEC_FILE: canonical_json(spec.model_dump(mode="json", by_alias=True)),
             SPEC_SOURCE: spec_bytes,
             COMPILE_LOG: recorder.log.to_bytes()}
    files.update({f"steps/{step_id}.py": src.encode("utf-8") for step_id, src in compiled.items()})
    manifest = Manifest(
        compiler_version=__version__,
        workflow={"name": spec.name, "version": spec.version},
        spec_sha256=spec_digest,
        provider=recorder.identity.model_dump(mode="json"),
        compliance={tag: digest for tag, (_text, digest) in blocks.items()},
        steps=records,
        tokens=_total_tokens(recorder.log),
        validation={"determinism_seeds": list(DETERMINISM_SEEDS), "max_attempts":
                    options.max_attempts, "sandbox": asdict(options.limits)},
        input_gate=[f.model_dump(mode="json") for f in screened],
        files={name: sha256_bytes(content) for name, content in sorted(files.items())},
    )
    return CompiledArtifact(files=files, manifest=manifest)


def attempt_sampling(number: int) -> tuple[float, int]:
    """Temperature and seed for attempt ``number``: greedy first, sampled from the third.

    At temperature 0 a small model often answers the repair request with the very code
    that failed, and the same request then gets the same answer every time: later
    attempts would be wasted. From the third attempt the request is asked afresh
    (``build_retry(fresh=True)``) and the reply sampled, with a seed fixed per attempt,
    so a compile stays repeatable (and its log replayable).
    """
    if not sampled(number):
        return 0.0, DEFAULT_SEED
    return RETRY_TEMPERATURE, DEFAULT_SEED + number


def sampled(number: int) -> bool:
    """Whether attempt ``number`` is sampled, and so asked afresh without failed code."""
    return number > GREEDY_ATTEMPTS


def _compile_step(spec: Spec, step: CompiledStep, compiled: dict[str, str],
                  provider: RecordingProvider, blocks: dict[str, tuple[str, str]],
                  options: CompileOptions, say: Progress,
                  canary: str) -> tuple[str, StepRecord]:
    frame = frame_for(spec, step, options.helpers)
    cases = step_cases(spec, step, compiled)
    visible = [c for c in cases if not c.holdout]
    examples = [(c.inputs, c.expected) for c in visible]
    messages = build_messages(frame, step.intent, step.inputs, step.outputs, examples,
                              [text for text, _digest in blocks.values()], canary,
                              module_calls=[c.module_calls or [] for c in visible],
                              demonstration=options.demonstration)
    opening = len(messages)  # what every retry keeps: system, demonstration, request
    compliance = context_for(spec, step, frame.function_name)
    attempts: list[Attempt] = []
    sources: list[str] = []
    first: PipelineResult | None = None
    for number in range(1, options.max_attempts + 1):
        say(f"step {step.id}: attempt {number}/{options.max_attempts}: asking the model")
        temperature, seed = attempt_sampling(number)
        request = CompletionRequest(messages=tuple(messages), max_tokens=options.max_tokens,
                                    temperature=temperature, seed=seed)
        completion = provider.complete(request)
        source = frame.assemble(extract_code(completion.text, step.id))
        sources.append(source)
        say(f"step {step.id}: attempt {number}: validating")
        result = validate_candidate(source, frame, step.outputs, cases, spec.tolerances,
                                    options.limits, options.mypy_cache, canaries=(canary,),
                                    compliance=compliance)
        first = first or result
        attempts.append(Attempt(
            number=number, request_sha256=request.key(),
            response_sha256=sha256_bytes(completion.text.encode("utf-8")),
            code_sha256=sha256_bytes(source.encode("utf-8")),
            input_tokens=completion.usage.input_tokens,
            output_tokens=completion.usage.output_tokens, passed=result.passed,
            stages=[s.model_dump(mode="json") for s in result.stages]))
        if result.passed:
            say(f"step {step.id}: passed all four stages on attempt {number}")
            return source, StepRecord(
                id=step.id, kind=step.kind, template=frame.template_id,
                file=f"steps/{step.id}.py", function=frame.function_name,
                code_sha256=sha256_bytes(source.encode("utf-8")), attempts=attempts,
                uses=list(step.uses),
                first_pass=first.first_pass(), fixtures=len(cases),
                holdout_fixtures=sum(c.holdout for c in cases))
        failed = result.stages[-1]
        say(f"step {step.id}: attempt {number} failed at {failed.stage}: "
            f"{result.blocking[0].message[:120]}")
        messages = build_retry(messages, completion.text, result.blocking, opening,
                               fresh=sampled(number + 1))
    raise CompilationFailed(
        f"step {step.id!r} failed validation on all {options.max_attempts} attempts",
        report=[{**a.model_dump(mode="json"), "step": step.id, "code": code}
                for a, code in zip(attempts, sources, strict=True)])


def _total_tokens(log: CompileLog) -> TokenUsage:
    return TokenUsage(input_tokens=sum(c.usage.input_tokens for _r, c in log.entries),
                      output_tokens=sum(c.usage.output_tokens for _r, c in log.entries),
                      calls=len(log.entries))
