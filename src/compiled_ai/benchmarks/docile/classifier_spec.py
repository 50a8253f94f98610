"""The spec of a one-text classifier step: ``function(text) -> {kind: bool}``.

Shared by the per-cluster value recognisers (``recogniser``) and their worked example
(``recogniser_demonstration``), so the example is asked exactly as the real compiles are.
"""

from __future__ import annotations

import json

from compiled_ai.spec.models import Fixture, FunctionStep, Spec


def text_classifier_spec(name: str, function: str, kind: str, described: str,
                         description: str, shown: list[tuple[str, dict[str, bool]]],
                         held: list[tuple[str, dict[str, bool]]]) -> Spec:
    """A one-step spec: ``function(text) -> {kind: bool}``, with its examples as fixtures
    (also the shape of the worked example, ``recogniser_demonstration``)."""
    outputs = {kind: {"type": "boolean", "description": described}}
    like = " or ".join(json.dumps(t) for t, verdict in shown[:2] if verdict[kind])
    intent = (  # the format is shown inline: a small model otherwise writes its own favourite
        f"Decide whether one text read from an invoice of one vendor is {described}, "
        f"that is, written like {like}: `{kind}` is true for such a text and false for "
        "anything else (labels, names, amounts, other identifiers, codes). Use a regular "
        "expression (re.fullmatch) that generalises to other invoices of this vendor, not "
        "only to the examples.")
    step = FunctionStep(id=function, intent=intent,
                        inputs={"text": {"type": "string"}}, outputs=outputs)
    fixtures = [Fixture(name=f"example_{n}", input={"text": text}, expected=verdict)
                for n, (text, verdict) in enumerate(shown, 1)]
    fixtures += [Fixture(name=f"holdout_{n}", input={"text": text}, expected=verdict,
                         holdout=True) for n, (text, verdict) in enumerate(held, 1)]
    return Spec(name=name, version="1.0.0", description=description,
                input_schema={"type": "object", "properties": {"text": {"type": "string"}},
                              "required": ["text"]},
                output_schema={"type": "object", "properties": outputs},
                steps=[step], fixtures=fixtures)
