"""Stage 2 (syntax and types): parse, template signature, ruff and mypy.

ruff runs with --ignore-noqa and mypy on comment-free code, so neither suppression works.
"""

from __future__ import annotations

import pytest

from compiled_ai.compiler.validate.syntax import check_syntax
from tests.compiler.helpers import FRAME, GOOD_BODY, GOOD_SOURCE, assemble, line_of


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("mypy-cache")


@pytest.fixture
def check(mypy_cache):
    def run(source: str):
        return check_syntax(source, FRAME, mypy_cache=mypy_cache)
    return run


def _errors(result) -> list:
    return [f for f in result.findings if f.severity == "error"]


def test_correct_candidate_passes(check):
    result = check(GOOD_SOURCE)
    assert result.stage == "syntax"
    assert result.passed
    assert _errors(result) == []


def test_syntax_error_is_syn001_with_its_line(check):
    source = assemble("def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
                      "    return {\"total\": amount,\n")
    result = check(source)
    assert not result.passed
    (finding,) = result.findings
    assert finding.id == "SYN001"
    assert finding.severity == "error"
    line = line_of(source, "return {")
    assert finding.line == line
    assert f"line {line}" in finding.message


def test_missing_function_is_syn002_naming_the_expected_signature(check):
    source = assemble(GOOD_BODY.replace("def price_order(", "def compute_price("))
    result = check(source)
    assert not result.passed
    assert [f.id for f in result.findings] == ["SYN002"]
    assert "price_order" in result.findings[0].message
    assert FRAME.signature in result.findings[0].message


def test_nested_function_does_not_count_as_the_top_level_one(check):
    body = ("def wrapper() -> None:\n" + "".join(
        f"    {line}\n" for line in GOOD_BODY.splitlines()))
    result = check(assemble(body))
    assert [f.id for f in result.findings] == ["SYN002"]


@pytest.mark.parametrize(("signature", "problem"), [
    ("def price_order(amount: float) -> PriceOrderResult:", "parameters"),
    ("def price_order(amount: float, tier: str, extra: int = 0) -> PriceOrderResult:",
     "parameters"),
    ("def price_order(tier: str, amount: float) -> PriceOrderResult:", "parameters"),
    ("def price_order(amount: float, level: str) -> PriceOrderResult:", "parameters"),
    ("def price_order(amount: float, tier: str, *args: int) -> PriceOrderResult:",
     "parameters"),
    ("def price_order(amount: float, tier: str, **kw: int) -> PriceOrderResult:",
     "parameters"),
    ("def price_order(amount: float, *, tier: str) -> PriceOrderResult:", "parameters"),
    ("def price_order(amount: float, tier: str) -> dict:", "return annotation"),
    ("def price_order(amount: float, tier: str):", "return annotation"),
], ids=["missing-param", "extra-param", "reordered", "renamed", "varargs", "kwargs",
        "keyword-only", "wrong-return", "no-return-annotation"])
def test_signature_mismatch_is_syn003(check, signature, problem):
    source = assemble(f"{signature}\n"
                      "    return {\"total\": 1.0, \"label\": \"x\", \"approved\": True}\n")
    result = check(source)
    assert not result.passed
    assert {f.id for f in result.findings} == {"SYN003"}
    assert any(problem in f.message for f in result.findings)
    assert all(f.line == line_of(source, "def price_order(") for f in result.findings)
    assert all(FRAME.signature in f.message for f in result.findings)


def test_function_longer_than_the_limit_is_syn003(check):
    filler = "".join(f"    step_{n} = {n}\n" for n in range(90))
    source = assemble(GOOD_BODY.replace("    rate =", filler + "    rate =", 1))
    result = check(source)
    assert [f.id for f in result.findings] == ["SYN003"]
    assert "lines" in result.findings[0].message


@pytest.mark.parametrize("comment", ["", "  # noqa", "  # noqa: F821"],
                         ids=["plain", "noqa", "noqa-F821"])
def test_undefined_name_is_a_ruff_error_that_noqa_cannot_silence(check, comment):
    source = assemble("def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
                      "    return {\"total\": amount, \"label\": tier, "
                      f"\"approved\": is_approved}}{comment}\n")
    result = check(source)
    assert not result.passed
    ruff = [f for f in result.findings if f.id == "RUFF-F821"]
    assert len(ruff) == 1
    assert ruff[0].severity == "error"
    assert ruff[0].line == line_of(source, "is_approved")
    assert "is_approved" in ruff[0].message


@pytest.mark.parametrize("comment", ["", "  # type: ignore", "  # type: ignore[typeddict-item]"],
                         ids=["plain", "type-ignore", "type-ignore-code"])
def test_wrong_typed_dict_field_type_is_a_mypy_error_type_ignore_cannot_silence(check, comment):
    source = assemble("def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
                      "    return {\"total\": amount, \"label\": len(tier), "
                      f"\"approved\": True}}{comment}\n")
    result = check(source)
    assert not result.passed
    mypy = [f for f in result.findings if f.id.startswith("MYPY-")]
    assert [f.id for f in mypy] == ["MYPY-typeddict-item"]
    assert mypy[0].severity == "error"
    assert mypy[0].line == line_of(source, "len(tier)")
    assert "label" in mypy[0].message
    assert source.count("type: ignore") == (1 if comment else 0)  # the comment really was there


def test_parameter_annotation_mismatch_is_caught_by_the_template_call(check):
    # the names match, so SYN003 stays quiet; the template's typed call catches the type
    source = assemble("def price_order(amount: str, tier: str) -> PriceOrderResult:\n"
                      "    return {\"total\": 1.0, \"label\": tier, \"approved\": amount == ''}\n")
    result = check(source)
    assert not result.passed
    (finding,) = _errors(result)
    assert finding.id == "MYPY-arg-type"
    assert "template's call" in finding.message
    assert finding.line > len(source.splitlines())  # reported on the appended check


def test_unused_import_is_only_a_warning(check):
    # assembling drops unused allow-listed imports (test_imports.py); one placed in the
    # module afterwards is still only a warning at this stage
    source = assemble(GOOD_BODY).replace("from typing import", "import math\nfrom typing import", 1)
    result = check(source)
    assert result.passed
    unused = [f for f in result.findings if f.id == "RUFF-F401" and "math" in f.message]
    assert len(unused) == 1
    assert unused[0].severity == "warning"
    assert unused[0].line == line_of(source, "import math")


def test_ruff_error_fails_the_stage_even_when_mypy_is_happy(check):
    # F632 (`is` against a str literal) is a bug mypy does not object to
    source = assemble("def price_order(amount: float, tier: str) -> PriceOrderResult:\n"
                      "    gold = tier is \"gold\"\n"
                      "    return {\"total\": amount, \"label\": tier, \"approved\": gold}\n")
    result = check(source)
    assert not result.passed
    assert not any(f.id.startswith("MYPY-") for f in result.findings)
    assert [(f.id, f.line) for f in _errors(result)] == [
        ("RUFF-F632", line_of(source, "gold = tier is"))]


def test_generated_future_import_still_assembles_into_a_valid_module(check):
    source = assemble("from __future__ import annotations\n\n\n" + GOOD_BODY)
    compile(source, "step.py", "exec")
    assert check(source).passed
