"""Stage 1, security: the output gate and the code gate, before any code is run.

The code gate (``security.gates.check_code``) is the allow-list rules (SEC0xx: only
listed imports, builtins and syntax, so an unknown trick fails closed), the CWE rules
and Bandit, with suppression comments (``# nosec``) ignored. The output gate refuses
code that echoes the prompt's canary. The compliance rules chosen by the spec's tags
(``compiler.compliance.rules``) run here too, with the step's schemas.
"""

from __future__ import annotations

import ast

from compiled_ai.compiler.compliance.rules import ComplianceContext, check_compliance
from compiled_ai.compiler.validate.findings import StageResult
from compiled_ai.security.canary import canary_finding, find_canary
from compiled_ai.security.gates import check_code


def check_security(source: str, canaries: tuple[str, ...] = (),
                   compliance: ComplianceContext | None = None) -> StageResult:
    leak = find_canary(source, canaries)
    findings = [canary_finding("the generated code", leak[1])] if leak else []
    try:
        ast.parse(source)
    except SyntaxError:
        # unparsable code cannot run; stage 2 reports where it breaks
        return StageResult.of("security", findings)
    findings += check_code(source).findings
    if compliance is not None:
        findings += check_compliance(source, compliance)
    return StageResult.of("security", findings)
