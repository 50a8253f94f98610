"""REDIR001: a Location header set from data is an open redirect; a result field named
``location`` (a weather query's city, a BFCL argument) is not a header."""

from __future__ import annotations

import pytest

from compiled_ai.compiler.validate.security import check_security
from compiled_ai.security.code.registry import scan_code
from tests.compiler.helpers import assemble, function_with


def redirect_findings(source: str) -> list[str]:
    return [f.message for f in scan_code(source) if f.id == "REDIR001"]


@pytest.mark.parametrize("source", [
    "def done(request, response):\n    response.headers['Location'] = request.args['to']\n",
    "def done(request, response):\n    response['Location'] = request.args['to']\n",
    "def done(request):\n    headers = {'Location': request.args['to']}\n    return headers\n",
    "def done(request, make):\n    return make(302, headers={'location': request.args['to']})\n",
    "def done(request, redirect):\n    return redirect(request.args['to'])\n",
])
def test_a_location_header_or_redirect_from_data_is_flagged(source: str) -> None:
    assert redirect_findings(source)


@pytest.mark.parametrize("source", [
    "def ask(question):\n    return {'location': question.split()[-1], 'days': 3}\n",
    "def ask(question):\n    result = {}\n    result['location'] = question\n    return result\n",
    "def done(response):\n    response.headers['Location'] = '/home'\n",  # a constant target
])
def test_a_location_field_or_a_constant_header_is_not_flagged(source: str) -> None:
    assert redirect_findings(source) == []


def test_a_generated_step_returning_a_location_passes_the_security_stage() -> None:
    """A BFCL weather-style step (blind-protocol attempts failed here before the fix)."""
    source = assemble(function_with("where = {'location': str(amount), 'unit': 'c'}",
                                    "del where"))
    assert check_security(source).passed
