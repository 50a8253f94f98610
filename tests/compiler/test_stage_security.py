"""Stage 1 (security): the AST allow-list plus Bandit, with ``# nosec`` ignored."""

from __future__ import annotations

import pytest

from compiled_ai.compiler.validate.security import check_security
from tests.compiler.helpers import GOOD_SOURCE, assemble, function_with, line_of


def _ids(result) -> set[str]:
    return {f.id for f in result.findings}


def test_correct_candidate_passes_without_findings():
    result = check_security(GOOD_SOURCE)
    assert result.stage == "security"
    assert result.passed
    assert result.findings == ()


def test_unparsable_source_is_left_to_the_syntax_stage():
    source = assemble("def price_order(amount: float, tier: str) -> X:\n    return {\n")
    result = check_security(source)
    assert result.passed
    assert result.findings == ()


# (body, marker on the offending line, finding id, CWE or None)
UNSAFE = [
    pytest.param("import os\n\n\n" + function_with("x = os.getcwd()"),
                 "import os", "SEC002", 829, id="import-os"),
    pytest.param("import subprocess\n\n\n" + function_with("x = subprocess"),
                 "import subprocess", "SEC002", 829, id="import-subprocess"),
    pytest.param("from socket import socket\n\n\n" + function_with("s = socket"),
                 "from socket import", "SEC002", 829, id="from-socket-import"),
    pytest.param("import pickle\n\n\n" + function_with("p = pickle"),
                 "import pickle", "SEC002", 829, id="import-pickle"),
    pytest.param("import os.path\n\n\n" + function_with("p = os.path"),
                 "import os.path", "SEC002", 829, id="import-dotted-os-path"),
    pytest.param(function_with("import shutil"),
                 "import shutil", "SEC002", 829, id="import-inside-function"),
    pytest.param("from . import sibling\n\n\n" + function_with("x = sibling"),
                 "from . import", "SEC002", 829, id="relative-import"),
    pytest.param(function_with("x = eval('1 + 1')"),
                 "eval(", "SEC004", 95, id="eval"),
    pytest.param(function_with("exec('y = 1')"),
                 "exec(", "SEC004", 95, id="exec"),
    pytest.param(function_with("c = compile('1', 'f', 'eval')"),
                 "compile(", "SEC004", 95, id="compile"),
    pytest.param(function_with("m = __import__('os')"),
                 "__import__(", "SEC004", 95, id="dunder-import"),
    pytest.param(function_with("breakpoint()"),
                 "breakpoint(", "SEC004", 95, id="breakpoint"),
    pytest.param(function_with("x = getattr(amount, 'real')"),
                 "getattr(", "SEC005", 94, id="getattr-by-string"),
    pytest.param(function_with("g = globals()"),
                 "globals(", "SEC005", 94, id="globals"),
    pytest.param(function_with("t = type(amount)"),
                 "type(amount)", "SEC005", 94, id="type"),
    pytest.param(function_with("f = open('/etc/passwd')"),
                 "open(", "SEC006", None, id="open"),
    pytest.param(function_with("print(amount)"),
                 "print(", "SEC006", None, id="print"),
    pytest.param(function_with("b = ().__class__.__bases__"),
                 "__bases__", "SEC003", 94, id="dunder-attribute-chain"),
    pytest.param(function_with("b = amount._private"),
                 "._private", "SEC003", 94, id="underscore-attribute"),
    pytest.param(function_with("b = __builtins__"),
                 "= __builtins__", "SEC003", 94, id="dunder-name"),
    pytest.param(function_with("s = '{0.__class__}'.format(amount)"),
                 "{0.__class__}", "SEC008", 1336, id="format-string-dunder"),
    pytest.param(function_with("g = (x for x in [amount]).gi_frame.f_back.f_globals"),
                 "gi_frame", "SEC003", 94, id="generator-frame-walk"),
    pytest.param(function_with("h = hasattr(amount, 'real')"),
                 "hasattr(", "SEC007", None, id="builtin-not-allowed"),
    pytest.param("class Helper(metaclass=abc.ABCMeta):\n    pass\n\n\n" + function_with("h = 1"),
                 "class Helper", "SEC001", None, id="class-with-metaclass"),
    pytest.param("class Sneaky(make_base()):\n    pass\n\n\n" + function_with("s = Sneaky"),
                 "class Sneaky", "SEC001", None, id="class-with-computed-base"),
    pytest.param("class Extra(TypedDict, total=False):\n    x: int\n\n\n"
                 + function_with("s = Extra"),
                 "class Extra", "SEC001", None, id="typeddict-with-keywords"),
    pytest.param("async def helper() -> None:\n    pass\n\n\n" + function_with("h = helper"),
                 "async def", "SEC001", None, id="async-def"),
    pytest.param("COUNT = 0\n\n\n" + function_with("global COUNT"),
                 "global COUNT", "SEC001", None, id="global"),
    pytest.param(function_with("with amount:", "    pass"),
                 "with amount", "SEC001", None, id="with-block"),
    pytest.param("def numbers() -> object:\n    yield 1\n\n\n"
                 + function_with("n = numbers().gi_code"),
                 "gi_code", "SEC003", 94, id="generator-code-object"),
]


@pytest.mark.parametrize(("body", "marker", "finding_id", "cwe"), UNSAFE)
def test_unsafe_code_is_blocked_with_the_right_finding(body, marker, finding_id, cwe):
    source = assemble(body)
    result = check_security(source)
    assert not result.passed
    line = line_of(source, marker)
    matching = [f for f in result.findings if f.id == finding_id and f.line == line]
    assert matching, f"no {finding_id} on line {line}: {result.findings}"
    assert all(f.severity == "error" for f in matching)
    assert {f.cwe for f in matching} == {cwe}


def test_findings_are_sorted_by_line_then_id():
    source = assemble(function_with("x = eval('1')", "y = getattr(amount, 'real')",
                                    "z = open('f')"))
    findings = check_security(source).findings
    keys = [(f.line or 0, f.id, f.message) for f in findings]
    assert keys == sorted(keys)
    assert [f.id for f in findings if f.id.startswith("SEC")] == ["SEC004", "SEC005", "SEC006"]


def test_bandit_adds_cwe_tagged_findings_next_to_the_allow_list():
    source = assemble(function_with("x = eval('1 + 1')"))
    result = check_security(source)
    bandit = [f for f in result.findings if f.id == "BANDIT-B307"]
    assert bandit and bandit[0].severity == "error" and bandit[0].cwe == 78
    assert bandit[0].line == line_of(source, "eval(")


SQL_LINE = 'query = "SELECT * FROM orders WHERE tier = \'" + tier + "\'"'


@pytest.mark.parametrize("comment", ["", "  # nosec", "  # nosec B608"],
                         ids=["plain", "nosec", "nosec-B608"])
def test_nosec_does_not_suppress_a_bandit_only_finding(comment):
    # string-built SQL passes the allow-list; Bandit (B608) and the SQL rule object
    source = assemble(function_with(SQL_LINE + comment))
    result = check_security(source)
    assert not result.passed
    assert [f.id for f in result.findings] == ["BANDIT-B608", "SQL001"]
    for finding in result.findings:
        assert finding.severity == "error"
        assert finding.cwe == 89
        assert finding.line == line_of(source, "SELECT")


def test_nosec_does_not_suppress_a_low_severity_bandit_warning():
    source = assemble(function_with("assert amount >= 0  # nosec"))
    result = check_security(source)
    assert result.passed  # LOW severity: reported, not blocking
    assert [(f.id, f.severity, f.cwe) for f in result.findings] == [
        ("BANDIT-B101", "warning", 703)]


def test_nosec_does_not_suppress_an_allow_list_finding():
    source = assemble("import os  # nosec\n\n\n" + function_with("x = os.sep  # nosec"))
    result = check_security(source)
    assert not result.passed
    assert "SEC002" in _ids(result)


def test_typed_dict_result_definition_is_allowed():
    body = ("class Extra(TypedDict):\n    \"\"\"Doc.\"\"\"\n    x: int\n\n\n"
            + function_with("e: Extra = {'x': 1}"))
    result = check_security(assemble(body))
    assert result.passed, result.findings


@pytest.mark.parametrize("line", [
    "m = typing.sys.modules",
    "r = statistics.random.random()",
], ids=["typing-sys", "statistics-random"])
def test_modules_reached_through_allowed_modules_are_blocked(line):
    source = assemble("import statistics\nimport typing\n\n\n" + function_with(line))
    result = check_security(source)
    assert not result.passed
    assert any(f.id == "SEC002" and "reaches module" in f.message for f in result.findings)


def test_format_string_dunder_built_by_concatenation_is_blocked():
    source = assemble(function_with("s = ('{0._' + '_class_' + '_}').format(amount)"))
    result = check_security(source)
    assert not result.passed
    assert [f.cwe for f in result.findings if f.id == "SEC008"] == [1336]
