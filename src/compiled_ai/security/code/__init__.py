"""The code gate: static rules over generated Python, each with an id, severity and CWE.

Import order registers the rules: allow-list rules (SEC0xx) first, then CWE rules.
"""

from compiled_ai.security.code import allowlist_rules, cwe_rules  # noqa: F401  (registration)
from compiled_ai.security.code.registry import RULES, CodeRule, scan_code

__all__ = ["RULES", "CodeRule", "scan_code"]
