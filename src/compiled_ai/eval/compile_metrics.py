"""Figures about compiling, read from the artifact's manifest.

The manifest records every attempt with its tokens and stage results but, on purpose,
nothing time-dependent (so replayed compiles are byte-identical); the time to a valid
artifact is therefore measured by ``compiled-ai eval --compile`` and passed in.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from compiled_ai.artifacts.manifest import Manifest

STAGES = ("security", "syntax", "execution", "accuracy")


def compile_metrics(manifest: Manifest, compile_seconds: float | None = None) -> dict[str, Any]:
    steps = manifest.steps
    attempts = Counter(len(step.attempts) for step in steps)
    return {
        "workflow": manifest.workflow,
        "provider": manifest.provider,
        "tokens": {"input": manifest.tokens.input_tokens,
                   "output": manifest.tokens.output_tokens,
                   "total": manifest.tokens.input_tokens + manifest.tokens.output_tokens,
                   "calls": manifest.tokens.calls},
        "steps": len(steps),
        "first_pass": first_pass_rates(manifest),
        "attempts_distribution": {str(n): attempts[n] for n in sorted(attempts)},
        "regenerations": sum(len(step.attempts) - 1 for step in steps),
        "time_to_valid_s": compile_seconds,
        "time_to_valid_note": (
            "measured around the compile run by compiled-ai eval --compile"
            if compile_seconds is not None else
            "not measured: the artifact was compiled outside eval and the manifest "
            "records nothing time-dependent (use --compile SPEC)"),
    }


def first_pass_rates(manifest: Manifest) -> list[dict[str, Any]]:
    """Per stage, in pipeline order: of the steps whose first attempt reached it, the
    share that passed."""
    names = [s for s in STAGES if any(s in step.first_pass for step in manifest.steps)]
    names += sorted({s for step in manifest.steps for s in step.first_pass} - set(names))
    rates: list[dict[str, Any]] = []
    for stage in names:
        results = [step.first_pass.get(stage) for step in manifest.steps]
        reached = [r for r in results if r is not None]
        passed = sum(1 for r in reached if r)
        rates.append({"stage": stage, "reached": len(reached), "passed": passed,
                      "rate": passed / len(reached) if reached else None})
    return rates
