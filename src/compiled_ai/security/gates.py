"""The input and code gates as one call each, with a verdict, findings and latency.

Shared by ``compiled-ai check`` and ``compiled-ai bench security``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Literal

from compiled_ai.security.canary import canary_finding, find_canary
from compiled_ai.security.findings import Finding

Verdict = Literal["clean", "blocked"]


@dataclass(frozen=True)
class GateReport:
    gate: str
    verdict: Verdict
    findings: list[Finding] = field(default_factory=list)
    latency_ms: float = 0.0
    redacted: str | None = None  # the input with PII replaced, for the input gate

    @property
    def blocked(self) -> bool:
        return self.verdict == "blocked"


def check_prompt(text: str, block_pii: bool = False) -> GateReport:
    """Input gate: prompt injection (also in decoded forms) blocks; PII is reported
    and redacted, and blocks only with ``block_pii``."""
    from compiled_ai.security.injection import scan_text
    from compiled_ai.security.pii import find_pii, redact

    started = time.perf_counter()
    verdict = scan_text(text)
    matches = find_pii(text)
    findings = []
    if verdict.blocked:
        findings.append(Finding(id="INJ001", severity="error", cwe=77,
                                message=f"prompt injection (score {verdict.score:.2f}, "
                                        f"{verdict.variant}): {', '.join(verdict.reasons)}"))
    for match in matches:
        findings.append(Finding(id=f"PII-{match.kind}", severity="error" if block_pii else
                                "warning", cwe=359,
                                message=f"{match.kind.replace('_', ' ')} at characters "
                                        f"{match.start}-{match.end}"))
    elapsed = (time.perf_counter() - started) * 1000
    blocked = verdict.blocked or (block_pii and bool(matches))
    return GateReport("input", "blocked" if blocked else "clean", findings, elapsed,
                      redact(text) if matches else None)


def check_code(source: str, with_bandit: bool = True) -> GateReport:
    """Code gate: the rule registry (allow-list + CWE rules) and Bandit."""
    from compiled_ai.security.code import scan_code
    from compiled_ai.security.code.bandit import bandit_findings

    started = time.perf_counter()
    findings = scan_code(source) + (bandit_findings(source) if with_bandit else [])
    findings.sort(key=lambda f: (f.line or 0, f.id, f.message))
    elapsed = (time.perf_counter() - started) * 1000
    blocked = any(f.severity == "error" for f in findings)
    return GateReport("code", "blocked" if blocked else "clean", findings, elapsed)


def check_output(text: str, canaries: list[str]) -> GateReport:
    """Output gate: any planted canary, in any disguise, blocks."""
    started = time.perf_counter()
    leak = find_canary(text, canaries)
    findings = [canary_finding("the output", leak[1])] if leak else []
    elapsed = (time.perf_counter() - started) * 1000
    return GateReport("output", "blocked" if leak else "clean", findings, elapsed)
