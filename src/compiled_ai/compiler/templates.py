"""Templates: the fixed, tested frame that a generated function fills.

A template fixes the function's name and signature, supplies the typed result
definition, and decides how the finished module is laid out. The runtime half of
each template (how the function is called) lives in ``runtime._template_runners``
under the same id and version, which the manifest records; stages 3 and 4 run the
function through that same runner.
"""

from __future__ import annotations

from compiled_ai.compiler.frame import (
    StepFrame,
    camel,
    field_annotations,
    header,
    keyword_call_check,
    typed_dict,
)
from compiled_ai.compiler.template_frames import batch_frame, stream_frame, validator_frame
from compiled_ai.errors import SpecError
from compiled_ai.spec.models import CompiledStep, Spec
from compiled_ai.spec.template_options import TEMPLATE_VERSIONS, normalised, template_id

__all__ = ["TEMPLATES", "StepFrame", "frame_for", "runner_options"]

TEMPLATES = TEMPLATE_VERSIONS


def frame_for(spec: Spec, step: CompiledStep) -> StepFrame:
    if step.template not in TEMPLATES:
        raise SpecError(
            f"step {step.id!r}: unknown template {step.template!r} "
            f"(available: {', '.join(TEMPLATES)})"
        )
    ident = template_id(step.template)
    head = header(spec.name, spec.version, step.id, ident)
    options = runner_options(step)
    if step.template == "batch_processor":
        return batch_frame(step, ident, head, options)
    if step.template == "input_validator":
        return validator_frame(step, ident, head, options)
    if step.template == "streaming_processor":
        return stream_frame(step, ident, head, options)
    return _sync_frame(step, ident, head)


def runner_options(step: CompiledStep) -> dict[str, object]:
    """The options the runtime runner receives for ``step`` (also sent to the sandbox)."""
    return normalised(step.template, step.template_options, step.id, step.inputs, step.outputs)


def _sync_frame(step: CompiledStep, ident: str, head: str) -> StepFrame:
    """sync_handler@1: the step's inputs as keyword arguments, its outputs as the result."""
    result_type = f"{camel(step.id)}Result"
    params = field_annotations(step.inputs)
    listed = ", ".join(f"{name}: {kind}" for name, kind in params.items())
    return StepFrame(
        template_id=ident,
        function_name=step.id,
        result_type=result_type,
        signature=f"def {step.id}({listed}) -> {result_type}:",
        header=head,
        result_definition=typed_dict(result_type, field_annotations(step.outputs)),
        call_check=keyword_call_check(step.id, params, result_type),
        parameters=dict(step.inputs),
        result_fields=dict(step.outputs),
    )
