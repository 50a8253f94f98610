"""BFCL data, the official checker and the pieces a compiled BFCL workflow is built from.

Needs the bfcl-eval wheel (scripts/test.sh installs it without its dependencies).
"""

from __future__ import annotations

import pytest

pytest.importorskip("bfcl_eval", reason="bfcl-eval is not installed (pip install --no-deps "
                                        "bfcl-eval==2026.3.23)")

from compiled_ai.benchmarks.bfcl.baseline import (  # noqa: E402
    DecodeError,
    decode_calls,
    request_for,
)
from compiled_ai.benchmarks.bfcl.checker import check  # noqa: E402
from compiled_ai.benchmarks.bfcl.data import BfclItem, load_items  # noqa: E402
from compiled_ai.benchmarks.bfcl.protocols import _label_problem  # noqa: E402
from compiled_ai.benchmarks.bfcl.requests import example_requests  # noqa: E402
from compiled_ai.benchmarks.bfcl.wording import (  # noqa: E402
    NAMED_OTHERWISE,
    UNNAMED,
    WORDED_AS_THE_REQUESTS,
    question_wording,
)
from compiled_ai.benchmarks.bfcl.workflow import (  # noqa: E402
    build_workflow,
    field_names,
    parameter_schema,
)


@pytest.fixture(scope="module")
def items():
    return load_items()


def test_loader_finds_the_400_simple_python_items_with_their_answers(items):
    assert len(items) == 400
    assert len({item.id for item in items}) == 400
    assert items[0].id == "simple_python_0"
    assert items[0].function_name == "calculate_triangle_area"
    assert "base of 10" in items[0].question
    assert all(item.possible_answer and item.function_name in item.possible_answer[0]
               for item in items)
    assert [item.id for item in load_items(3)] == ["simple_python_0", "simple_python_1",
                                                   "simple_python_2"]


def test_official_checker_accepts_a_correct_call_and_rejects_wrong_ones(items):
    triangle, factorial = items[0], items[1]
    assert check(triangle, [{"calculate_triangle_area": {"base": 10, "height": 5}}]).valid
    assert check(triangle, [{"calculate_triangle_area": {"base": 10, "height": 5,
                                                         "unit": "units"}}]).valid
    assert check(factorial, [{"math.factorial": {"number": 5}}]).valid  # dotted name
    wrong_value = check(factorial, [{"math.factorial": {"number": 6}}])
    assert not wrong_value.valid and "number" in (wrong_value.error or "")
    wrong_type = check(triangle, [{"calculate_triangle_area": {"base": 10.0, "height": 5}}])
    assert not wrong_type.valid and wrong_type.error_type and "type" in wrong_type.error_type
    assert not check(triangle, [{"calculate_area": {"base": 10, "height": 5}}]).valid
    assert not check(triangle, [{"calculate_triangle_area": {"base": 10}}]).valid
    assert not check(triangle, []).valid


def test_baseline_prompt_is_bfcls_default_with_the_python_hint(items):
    request = request_for(items[1])
    system, user = request.messages
    assert system.content.startswith("You are an expert in composing functions.")
    assert "[func_name1(params_name1=params_value1" in system.content
    assert "Note that the provided function is in Python 3 syntax." in system.content
    assert '"name": "math.factorial"' in system.content
    assert user.content == items[1].question
    assert request.temperature == 0


def test_decode_calls_reads_python_call_lists():
    assert decode_calls("[math.hypot(x=4, y=5)]") == [{"math.hypot": {"x": 4, "y": 5}}]
    assert decode_calls("```python\nf(a='x', b=[1, 2.5], c=True)\n```") == [
        {"f": {"a": "x", "b": [1, 2.5], "c": True}}]
    assert decode_calls("[f(unit=meters)]") == [{"f": {"unit": "meters"}}]
    for bad in ("The answer is 5", "[f(1, 2)]", "[f(a=g(1))]", "[5]"):
        with pytest.raises(DecodeError):
            decode_calls(bad)


def test_field_names_are_unique_identifiers_mapping_back_to_bfcl_names():
    fields = field_names(["fullName", "DNA_id", "_class", "class", "question", "base"])
    assert fields == {"full_name": "fullName", "dna_id": "DNA_id", "class_": "_class",
                      "class__": "class", "question_": "question", "base": "base"}


def test_parameter_schema_is_nullable_and_keeps_types_and_enums():
    assert parameter_schema({"type": "float", "description": "d"}) == {
        "type": ["number", "null"], "description": "d"}
    assert parameter_schema({"type": "array", "items": {"type": "integer"}}) == {
        "type": ["array", "null"], "items": {"type": "integer"}}
    assert parameter_schema({"type": "string", "enum": ["a", "b"]})["enum"] == ["a", "b", None]


def test_blind_requests_are_deterministic_and_fit_every_items_schema(items):
    for item in items:
        examples = example_requests(item.function, item.id)
        assert examples == example_requests(item.function, item.id)
        assert [e.holdout for e in examples] == [False, False, False, True]
        assert all(e.question != item.question for e in examples)
        flow = build_workflow(item, examples)  # a valid Spec for every one of the 400
        assert _label_problem(flow) is None, item.id
        assert flow.spec.visible_fixtures() and len(flow.spec.fixtures) == 4
    assert example_requests(items[0].function, "a") != example_requests(items[0].function, "b")


def test_blind_requests_pass_the_input_gate_and_name_each_parameter_in_words(items):
    """The generated requests are benign text: the compile's own input gate must not refuse
    them. An earlier generator worded a third of them as a call instruction, which the gate
    refuses (7 of the first 19 items of its run, records in commit 833fbe5)."""
    from compiled_ai.compiler.input_gate import screen_spec
    from compiled_ai.security.injection import scan_text

    assert scan_text("Please call solve_quadratic with a=319, b=385, c=349.").blocked

    refused = []
    for item in items:
        examples = example_requests(item.function, item.id)
        if any(f.severity == "error" for f in screen_spec(build_workflow(item, examples).spec)):
            refused.append(item.id)
        assert not any("call " + item.function_name in e.question for e in examples)
    assert refused == []
    triangle = example_requests(items[0].function, items[0].id)
    assert all("base" in e.question.lower() and str(e.arguments["base"]) in e.question
               for e in triangle)


def test_question_wording_tells_the_generated_wordings_from_plain_questions(items):
    """Each generated request, put in place of the question, is worded as the requests;
    BFCL's own question for the hypotenuse ("... sides as 4 and 5") names neither x nor y,
    and "the factorial of the number 5" names `number` without the requests' cue."""
    as_requested = [BfclItem(item.id, example.question, item.function, item.possible_answer)
                    for item in items[:40]
                    for example in example_requests(item.function, item.id)
                    if set(item.function["parameters"]["required"]) <= set(example.arguments)]
    assert {question_wording(item) for item in as_requested} == {WORDED_AS_THE_REQUESTS}
    by_id = {item.id: item for item in items}
    assert question_wording(by_id["simple_python_2"]) == UNNAMED  # math.hypot
    assert question_wording(by_id["simple_python_97"]) == NAMED_OTHERWISE
    assert question_wording(by_id["simple_python_4"]) == WORDED_AS_THE_REQUESTS  # "a=2, b=6"


def test_paper_fixture_leaves_optional_parameters_the_label_omitted_unchecked(items):
    from compiled_ai.benchmarks.bfcl.workflow import Example

    triangle = items[0]  # calculate_triangle_area(base, height, unit=optional)
    label = Example(question=triangle.question, arguments={"base": 10, "height": 5})
    paper = build_workflow(triangle, [label], single_request=True)
    fixture = paper.spec.fixtures[0]  # shown as None, as before; not compared
    assert fixture.expected == {"base": 10, "height": 5, "unit": None}
    assert fixture.unchecked == ["unit"] and b'"unchecked":["unit"]' in paper.spec_bytes
    given = build_workflow(triangle, [Example(triangle.question, {"base": 10, "height": 5,
                                                                  "unit": "cm"})],
                           single_request=True)
    assert given.spec.fixtures[0].unchecked == [] and b"unchecked" not in given.spec_bytes
    blind = build_workflow(triangle, [label])  # an extractor must say "not given"
    assert blind.spec.fixtures[0].unchecked == []


def test_label_strings_are_trimmed_as_the_official_checker_ignores_padding(items):
    from compiled_ai.benchmarks.bfcl.labels import check_answer

    arguments, problem = check_answer(
        items[0], '[calculate_triangle_area(base=10, height=5, unit=" cm ")]', "classic")
    assert problem is None and arguments == {"base": 10, "height": 5, "unit": "cm"}


def test_blind_demonstration_answer_passes_the_stages_in_all_three_wordings_scripted():
    from compiled_ai.artifacts.canonical import canonical_json
    from compiled_ai.benchmarks.bfcl.blind_demonstration import (
        ANSWER,
        SHOWN,
        blind_demonstration,
        demonstration_spec,
    )
    from compiled_ai.compiler import CompileOptions, compile_spec
    from compiled_ai.providers.scripted import ScriptedProvider

    spec = demonstration_spec(holdouts=(
        ("Send parcels of 4 with a parcel weight of 3.5 to the city of Oslo.",
         {"parcels": 4, "parcel_weight": 3.5, "city": "Oslo"}),
        ("Where is my parcel?", {"parcels": None, "parcel_weight": None, "city": None})))
    compiled = compile_spec(spec, canonical_json(spec.model_dump(mode="json")),
                            ScriptedProvider([ANSWER]), CompileOptions(max_attempts=1))
    assert compiled.manifest.steps[0].attempts[0].passed
    request, answer = blind_demonstration()
    assert answer.content == ANSWER
    assert all(text in request.content for text, _expected in SHOWN)
    assert "Oslo" not in request.content  # holdouts are never shown


def test_blind_workflows_show_the_blind_demonstration_and_paper_ones_the_literal_one(items):
    from compiled_ai.benchmarks.bfcl.blind_demonstration import blind_demonstration
    from compiled_ai.benchmarks.bfcl.workflow import single_request_demonstration

    examples = example_requests(items[0].function, items[0].id)
    assert build_workflow(items[0], examples).demonstration == blind_demonstration()
    assert build_workflow(items[0], examples[:1], single_request=True).demonstration == \
        single_request_demonstration()


def test_tools_prompt_decoding_reads_tagged_fenced_and_bare_calls():
    from compiled_ai.benchmarks.bfcl.tools_prompt import decode_tool_calls

    tagged = '<tool_call>\n{"name": "f", "arguments": {"a": 1}}\n</tool_call>'
    assert decode_tool_calls(tagged) == [{"f": {"a": 1}}]
    assert decode_tool_calls(tagged + "\n" + tagged) == [{"f": {"a": 1}}, {"f": {"a": 1}}]
    assert decode_tool_calls('```json\n{"name": "g", "arguments": "{\\"b\\": [2]}"}\n```') == [
        {"g": {"b": [2]}}]
    for bad in ("The answer is 5", '{"arguments": {}}', '<tool_call>{"name": "f", "arguments": 3}',
                "```json\n{not json}\n```"):
        with pytest.raises(DecodeError):
            decode_tool_calls(bad)


def test_tools_prompt_maps_bfcl_types_to_json_schema(items):
    from compiled_ai.benchmarks.bfcl.tools_prompt import json_schema_types, request_for

    pair = {"type": "tuple", "items": {"type": "any"}}
    tree = {"type": "dict", "properties": {"x": {"type": "float"}, "t": pair}}
    assert json_schema_types(tree) == {"type": "object", "properties": {
        "x": {"type": "number"}, "t": {"type": "array", "items": {"type": "string"}}}}
    system, user = request_for(items[1]).messages
    assert '"name": "math.factorial"' in system.content and "<tool_call>" in system.content
    assert user.content == items[1].question
