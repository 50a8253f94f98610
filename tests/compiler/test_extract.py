"""Extraction of the wanted function from a model's reply."""

from __future__ import annotations

from compiled_ai.compiler.extract import extract_code

FUNCTION = '''def decide(paid: float) -> dict:
    if paid > 0:
        return {"decision": "pay"}
    return {"decision": "deny"}
'''


def test_example_calls_after_the_function_are_dropped() -> None:
    reply = f"```python\n{FUNCTION}\nprint(decide(1.0))\nassert decide(0.0)\n```"
    assert extract_code(reply, "decide") == FUNCTION


def test_a_reply_cut_off_inside_a_trailing_call_keeps_the_complete_function() -> None:
    reply = f"```python\nimport math\n\n{FUNCTION}\nprint(decide(1.0))\nprint(decide(\n"
    code = extract_code(reply, "decide")
    assert code == "import math\n\n\n" + FUNCTION


def test_a_function_cut_off_in_its_own_body_is_left_for_stage_2_to_report() -> None:
    reply = "```python\ndef decide(paid: float) -> dict:\n    if paid > (\n"
    code = extract_code(reply, "decide")
    assert "if paid > (" in code  # unchanged: the syntax stage names the broken line
