"""Run-time half of each template: how a compiled function is called.

Keyed by the template id recorded in the manifest (``name@version``); an artifact
naming a template this runtime does not know is refused rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from compiled_ai.errors import ArtifactError, StepExecutionError

StepFunction = Callable[..., Any]


def call_sync_handler(function: StepFunction, step_id: str,
                      inputs: dict[str, Any]) -> dict[str, Any]:
    """sync_handler@1: keyword arguments in, a dict of result fields out."""
    try:
        result = function(**inputs)
    except Exception as exc:
        raise StepExecutionError(f"step {step_id!r} raised {type(exc).__name__}: {exc}") from None
    if not isinstance(result, dict):
        raise StepExecutionError(f"step {step_id!r} returned {type(result).__name__}, not a dict")
    return result


RUNNERS: dict[str, Callable[[StepFunction, str, dict[str, Any]], dict[str, Any]]] = {
    "sync_handler@1": call_sync_handler,
}


def runner_for(template_id: str) -> Callable[[StepFunction, str, dict[str, Any]], dict[str, Any]]:
    try:
        return RUNNERS[template_id]
    except KeyError:
        raise ArtifactError(f"artifact uses template {template_id!r}, which this runtime "
                            "does not provide; upgrade compiled-ai") from None
