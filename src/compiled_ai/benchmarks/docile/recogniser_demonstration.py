"""The worked example shown before a value recogniser's compile: a format, generalised.

Shown the compiler's general example (extracting values from a message), the 0.5B model
wrote date-shaped patterns for invoice numbers (``\\d{4}-\\d{2}-\\d{2}`` for "RE2023-94559")
or copied one example's exact digit count, and 18 of 20 invoice-number recognisers failed.
This example asks the same kind of question about a different value, an order reference
whose examples differ in prefix and length, and answers with one pattern whose varying
parts are ranged. Its format (letters/digits/letter) is none of the synthetic corpus's, so
copying it verbatim passes no recogniser: the model must carry the technique over.
"""

from __future__ import annotations

from compiled_ai.benchmarks.docile.classifier_spec import text_classifier_spec
from compiled_ai.compiler.prompt import build_messages
from compiled_ai.compiler.templates import frame_for
from compiled_ai.providers.base import Message
from compiled_ai.spec.models import FunctionStep, Spec

KIND = "order_reference"
FUNCTION = "recognise_order_reference_layout_0"
SHOWN = [("ORD/88412/B", {KIND: True}), ("OR/1203/C", {KIND: True}),
         ("ORD/777/A", {KIND: True}), ("Order No.", {KIND: False}),
         ("12.03.2024", {KIND: False}), ("1,250.00", {KIND: False}),
         ("DE123456789", {KIND: False}), ("ACME GmbH", {KIND: False})]
ANSWER = f'''```python
import re


def {FUNCTION}(text: str) -> RecogniseOrderReferenceLayout0Result:
    # a 2- or 3-letter prefix, a slash, a serial of 3 to 6 digits, a slash, one letter
    found = re.fullmatch(r"[A-Z]{{2,3}}/\\d{{3,6}}/[A-Z]", text.strip())
    return {{"{KIND}": found is not None}}
```'''


def demonstration_spec(held: list[tuple[str, dict[str, bool]]] | None = None) -> Spec:
    return text_classifier_spec(
        name="docile_recogniser_demonstration", function=FUNCTION, kind=KIND,
        described="the order reference, written the way this vendor writes them",
        description="the value recognisers' worked example", shown=SHOWN, held=held or [])


def recogniser_demonstration() -> tuple[Message, Message]:
    """The request exactly as the compiler words one (no rules, no canary), and the answer."""
    spec = demonstration_spec()
    step = spec.compiled_steps()[0]
    assert isinstance(step, FunctionStep)
    examples = [(fixture.input, fixture.expected) for fixture in spec.visible_fixtures()]
    request = build_messages(frame_for(spec, step), step.intent, step.inputs, step.outputs,
                             examples, [])[-1]
    return request, Message(role="assistant", content=ANSWER)
