"""Stage 1, security: the code gate's rules plus Bandit, before any code is run.

The allow-list rules (SEC0xx) are the real gate: they admit only listed imports,
builtins and syntax, so an unknown trick fails closed. The CWE rules name the
weakness, and Bandit adds its own CWE-tagged findings. Suppression comments
(``# nosec``) are ignored: generated code does not get to waive its checks.
"""

from __future__ import annotations

import ast

from compiled_ai.compiler.validate.findings import Finding, StageResult
from compiled_ai.security.canary import find_canary
from compiled_ai.security.code import scan_code
from compiled_ai.security.code.bandit import bandit_findings


def check_security(source: str, canaries: tuple[str, ...] = ()) -> StageResult:
    """Code gate and output gate over the candidate module."""
    leak = find_canary(source, canaries)
    findings = [canary_finding("the generated code", leak[1])] if leak else []
    try:
        ast.parse(source)
    except SyntaxError:
        # unparsable code cannot run; stage 2 reports where it breaks
        return StageResult.of("security", findings)
    findings += scan_code(source) + bandit_findings(source)
    findings.sort(key=lambda f: (f.line or 0, f.id, f.message))
    return StageResult.of("security", findings)


def canary_finding(where: str, form: str) -> Finding:
    return Finding(id="OUT001", severity="error", cwe=200,
                   message=f"{where} contains the prompt's confidential canary ({form}): "
                           "the model is echoing its prompt")
