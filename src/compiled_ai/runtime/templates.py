"""Run-time half of each template: how a compiled function is called.

Keyed by the template id recorded in the manifest (``name@version``); an artifact
naming a template this runtime does not know is refused rather than guessed at. The
runners themselves live in ``_template_runners`` (shared with the sandbox child, so
what stage 3 validated is what runs here); this module turns their failures into
:class:`StepExecutionError` with the step's name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from compiled_ai.errors import ArtifactError, CompiledAIError, StepExecutionError
from compiled_ai.runtime import _template_runners as core
from compiled_ai.runtime.checkpoint import Checkpoint

StepFunction = Callable[..., Any]
TemplateRunner = Callable[..., dict[str, Any]]

RUNNERS: dict[str, Callable[..., Any]] = dict(core.RUNNERS)
CHECKPOINTED = frozenset({core.BATCH})  # templates that use a checkpoint when given one


def call_template(template_id: str, function: StepFunction, step_id: str,
                  inputs: dict[str, Any], options: dict[str, Any] | None = None, *,
                  checkpoint: Checkpoint | None = None, salt: str = "") -> dict[str, Any]:
    """Call ``function`` through its template; one clear error for whatever goes wrong.

    ``salt`` identifies the code (its sha256), so a checkpoint written by other code
    is not reused.
    """
    runner = runner_for(template_id)
    try:
        result = runner(function, inputs, options or {}, checkpoint, salt)
    except (core.TemplateError, core.RecordError) as exc:
        raise StepExecutionError(f"step {step_id!r}: {exc}") from None
    except CompiledAIError:
        raise  # the checkpoint's own errors (unwritable file) keep their kind and exit code
    except Exception as exc:
        raise StepExecutionError(f"step {step_id!r} raised {type(exc).__name__}: {exc}") from None
    if not isinstance(result, dict):
        raise StepExecutionError(f"step {step_id!r} returned {type(result).__name__}, not a dict")
    return result


def fold_events(function: StepFunction, step_id: str, events: Iterable[Any],
                options: dict[str, Any], shared: dict[str, Any] | None = None,
                on_emit: Callable[[Any], None] | None = None) -> dict[str, Any]:
    """streaming_processor@1 over any iterable of events (a generator reading a file),
    for library callers: emitted items go to ``on_emit`` as they come, nothing is
    collected, and the final state is returned."""
    try:
        return dict(core.fold_stream(function, events, options["initial_state"], shared,
                                     emits=bool(options.get("emit")), sink=on_emit))
    except core.TemplateError as exc:
        raise StepExecutionError(f"step {step_id!r}: {exc}") from None
    except Exception as exc:
        raise StepExecutionError(f"step {step_id!r} raised {type(exc).__name__}: {exc}") from None


def call_sync_handler(function: StepFunction, step_id: str,
                      inputs: dict[str, Any]) -> dict[str, Any]:
    """sync_handler@1: keyword arguments in, a dict of result fields out."""
    return call_template(core.SYNC, function, step_id, inputs)


def runner_for(template_id: str) -> Callable[..., Any]:
    try:
        return RUNNERS[template_id]
    except KeyError:
        raise ArtifactError(f"artifact uses template {template_id!r}, which this runtime "
                            "does not provide; upgrade compiled-ai") from None
