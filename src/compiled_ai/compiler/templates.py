"""Templates: the fixed, tested frame that a generated function fills.

A template fixes the function's name and signature, supplies the typed result
definition, and decides how the finished module is laid out. The runtime half of
each template (how the function is called) lives in ``runtime._template_runners``
under the same id and version, which the manifest records; stages 3 and 4 run the
function through that same runner.
"""

from __future__ import annotations

from dataclasses import replace

from compiled_ai.compiler.frame import (
    StepFrame,
    camel,
    field_annotations,
    header,
    keyword_call_check,
    module_parameter,
    module_stub,
    typed_dict,
)
from compiled_ai.compiler.template_frames import batch_frame, stream_frame, validator_frame
from compiled_ai.errors import SpecError
from compiled_ai.spec.models import CompiledStep, Spec
from compiled_ai.spec.template_options import TEMPLATE_VERSIONS, normalised, template_id

__all__ = ["TEMPLATES", "StepFrame", "frame_for", "runner_options"]

TEMPLATES = TEMPLATE_VERSIONS


def frame_for(spec: Spec, step: CompiledStep, helpers: str = "") -> StepFrame:
    """The frame ``step`` fills; ``helpers``: the caller's template functions
    (``CompileOptions.helpers``) that the step module defines before the generated code."""
    return replace(_frame(spec, step), helpers=helpers)


def _frame(spec: Spec, step: CompiledStep) -> StepFrame:
    if step.template not in TEMPLATES:
        raise SpecError(
            f"step {step.id!r}: unknown template {step.template!r} "
            f"(available: {', '.join(TEMPLATES)})"
        )
    ident = template_id(step.template)
    head = header(spec.name, spec.version, step.id, ident, step.uses)
    options = runner_options(step)
    if step.template == "batch_processor":
        frame = batch_frame(step, ident, head, options)
    elif step.template == "input_validator":
        frame = validator_frame(step, ident, head, options)
    elif step.template == "streaming_processor":
        frame = stream_frame(step, ident, head, options)
    else:
        frame = _sync_frame(step, ident, head)
    if not step.uses:
        return frame
    # the module stubs sit with the result type: defined by the frame, shown in the prompt
    return replace(frame, uses=tuple(step.uses), result_definition=(
        frame.result_definition.rstrip("\n") + "\n\n\n" + module_stub(step.uses)))


def runner_options(step: CompiledStep) -> dict[str, object]:
    """The options the runtime runner receives for ``step`` (also sent to the sandbox)."""
    return normalised(step.template, step.template_options, step.id, step.inputs, step.outputs)


def _sync_frame(step: CompiledStep, ident: str, head: str) -> StepFrame:
    """sync_handler@1: the step's inputs as keyword arguments, its outputs as the result."""
    result_type = f"{camel(step.id)}Result"
    params = {**field_annotations(step.inputs), **module_parameter(step.uses)}
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
