"""The worked example shown before every compile request must itself pass the stages."""

from __future__ import annotations

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.compiler import CompileOptions, compile_spec
from compiled_ai.compiler.demonstration import DEMONSTRATION
from compiled_ai.compiler.prompt import build_messages
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.spec.models import Fixture, FunctionStep, Spec
from tests.compiler.helpers import FRAME, STEP

NULLABLE_TEXT = {"type": ["string", "null"]}
NULLABLE_COUNT = {"type": ["integer", "null"]}
NULLABLE_NUMBER = {"type": ["number", "null"]}
RESULT = {"parcels": NULLABLE_COUNT, "weight": NULLABLE_NUMBER, "city": NULLABLE_TEXT}


def demonstration_spec() -> Spec:
    """The demonstration's own request as a spec, with holdouts its answer must handle."""
    step = FunctionStep(id="ship_parcels", intent="Extract parcels, weight and city.",
                        inputs={"message": {"type": "string"}}, outputs=RESULT)
    return Spec(
        name="demonstration", version="1.0.0", description="the compile demonstration",
        input_schema={"type": "object", "properties": {"message": {"type": "string"}},
                      "required": ["message"]},
        output_schema={"type": "object", "properties": RESULT},
        steps=[step],
        fixtures=[
            Fixture(name="shown",
                    input={"message": "Ship 3 parcels to Lisbon, each with a weight of 2.5 kg."},
                    expected={"parcels": 3, "weight": 2.5, "city": "Lisbon"}),
            Fixture(name="one_parcel",
                    input={"message": "Please send 1 parcel to Oslo (weight of 12 kg)."},
                    expected={"parcels": 1, "weight": 12.0, "city": "Oslo"}, holdout=True),
            Fixture(name="nothing_given", input={"message": "Where is my parcel?"},
                    expected={"parcels": None, "weight": None, "city": None}, holdout=True),
        ])


def test_demonstration_answer_passes_all_four_stages_scripted():
    spec = demonstration_spec()
    provider = ScriptedProvider([DEMONSTRATION[1].content])
    compiled = compile_spec(spec, canonical_json(spec.model_dump(mode="json")), provider,
                            CompileOptions(max_attempts=1))
    assert compiled.manifest.steps[0].attempts[0].passed


def test_every_compile_request_opens_with_rules_then_the_demonstration():
    messages = build_messages(FRAME, STEP.intent, STEP.inputs, STEP.outputs, [], [])
    assert len(messages) == 2 + len(DEMONSTRATION)
    assert [m.role for m in messages] == ["system", "user", "assistant", "user"]
    assert tuple(messages[1:3]) == DEMONSTRATION
    assert STEP.intent.strip() in messages[-1].content
