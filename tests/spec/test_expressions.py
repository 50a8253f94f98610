"""The validation-expression language: what it evaluates and what it refuses."""

from __future__ import annotations

import pytest

from compiled_ai.spec.expressions import ExpressionError, parse_expression


@pytest.mark.parametrize(("text", "values", "expected"), [
    ("bmi is None or 10 <= bmi <= 80", {"bmi": None}, True),
    ("bmi is None or 10 <= bmi <= 80", {"bmi": 34.2}, True),
    ("bmi is None or 10 <= bmi <= 80", {"bmi": 95}, False),
    ("a1c is not None and a1c > 3", {"a1c": None}, False),  # short-circuit: no TypeError
    ("decision in ('approve', 'deny')", {"decision": "deny"}, True),
    ("decision not in ['approve']", {"decision": "approve"}, False),
    ("len(codes) <= 5 and max(a, b) - min(a, b) < 2", {"codes": [1, 2], "a": 3, "b": 4}, True),
    ("abs(total - net * 1.2) < 0.01", {"total": 12.0, "net": 10}, True),
    ("not flag", {"flag": False}, True),
    ("-x < 0", {"x": 5}, True),
    ("total // 2 == 3 and total % 2 == 1", {"total": 7}, True),
])
def test_evaluates(text, values, expected):
    assert parse_expression(text).holds(values) is expected


def test_names_are_the_fields_read_not_the_functions_called():
    expression = parse_expression("len(codes) > 0 and max(a, 1) < b")
    assert expression.names == {"codes", "a", "b"}


@pytest.mark.parametrize(("text", "refused"), [
    ("x.__class__", "Attribute"),
    ("().__class__.__bases__", "Attribute"),
    ("codes[0] == 1", "Subscript"),
    ("__import__('os').system('id') == 0", "calling __import__"),
    ("eval('1') == 1", "calling eval"),
    ("open('/etc/passwd') is None", "calling open"),
    ("len(x, key=1) > 0", "keyword"),
    ("max(*xs) > 0", "starred"),
    ("(lambda: 1)() == 1", "calling lambda"),
    ("[(lambda: 1)] == []", "Lambda"),
    ("[c for c in codes] == []", "ListComp"),
    ("9 ** 9 ** 9 > 0", "Pow"),
    ("x is 3", "'is' with anything but None"),
    ("_secret == 1", "the name '_secret'"),
    ("(y := 3) == 3", "NamedExpr"),
    ("b'raw' == x", "constant"),
    ("f'{x}' == 'a'", "JoinedStr"),
    ("x if y else z", "IfExp"),
])
def test_refuses(text, refused):
    with pytest.raises(ExpressionError, match="not allowed") as caught:
        parse_expression(text)
    assert refused in str(caught.value)


def test_refuses_syntax_errors_and_overlong_text():
    with pytest.raises(ExpressionError, match="not a valid expression"):
        parse_expression("bmi >")
    with pytest.raises(ExpressionError, match="longer than"):
        parse_expression("x == 1 or " * 60 + "x == 2")


@pytest.mark.parametrize(("text", "values", "message"), [
    ("bmi > 10", {"bmi": None}, "compares NoneType with int"),
    ("note * 1000000000 == ''", {"note": "x"}, "arithmetic on str"),
    ("x / y > 1", {"x": 1, "y": 0}, "division by zero"),
    ("missing > 1", {}, "unknown field 'missing'"),
    ("len(x) > 0", {"x": 5}, "cannot evaluate"),
    ("bmi + 1", {"bmi": 3}, "gives int, not true/false"),
])
def test_evaluation_errors_are_expression_errors(text, values, message):
    with pytest.raises(ExpressionError, match=message):
        parse_expression(text).holds(values)
