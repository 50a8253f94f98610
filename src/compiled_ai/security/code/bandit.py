"""Bandit as a second opinion in the code gate, run in-process with ``# nosec`` ignored."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from compiled_ai.security.findings import Finding, Severity


def bandit_findings(source: str) -> list[Finding]:
    """Bandit over ``source`` with ``# nosec`` ignored; MEDIUM and HIGH block."""
    from bandit.core import config as bandit_config
    from bandit.core import manager as bandit_manager

    logging.getLogger("bandit").setLevel(logging.CRITICAL)
    with tempfile.TemporaryDirectory(prefix="compiled-ai-bandit-") as tmp:
        path = Path(tmp) / "candidate.py"
        path.write_text(source, encoding="utf-8")
        mgr = bandit_manager.BanditManager(bandit_config.BanditConfig(), "file",
                                           ignore_nosec=True, quiet=True)
        mgr.discover_files([str(path)])
        mgr.run_tests()
        issues = mgr.get_issue_list()
    findings = []
    for issue in issues:
        severity: Severity = "error" if issue.severity in ("MEDIUM", "HIGH") else "warning"
        cwe = issue.cwe.id if issue.cwe and issue.cwe.id else None
        findings.append(Finding(id=f"BANDIT-{issue.test_id}", severity=severity,
                                message=issue.text, line=issue.lineno, cwe=cwe))
    return findings
