"""Scripted model replies for the claims-adjudication example, one per compiled step.

Correct implementations of each step's intent, written by hand, in compile order.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SPEC_PATH = REPO / "examples" / "claims_adjudication" / "spec.yaml"
CASES = REPO / "examples" / "claims_adjudication" / "cases"

BODIES = {
    "check_eligibility": '''
def check_eligibility(member_active: bool, service_day_number: int,
                      last_covered_day_number: int) -> CheckEligibilityResult:
    return {"eligible": member_active is True and service_day_number <= last_covered_day_number}
''',
    "check_duplicate": '''
def check_duplicate(claim_id: str, prior_claim_ids: list[str]) -> CheckDuplicateResult:
    return {"duplicate": claim_id in prior_claim_ids}
''',
    "check_coverage": '''
def check_coverage(lines: list[dict[str, Any]],
                   covered_codes: list[str]) -> CheckCoverageResult:
    codes = [line["procedure_code"] for line in lines]
    return {"uncovered_codes": [code for code in codes if code not in covered_codes]}
''',
    "price_line": '''
def price_line(procedure_code: str, units: int, billed: float,
               fee_schedule: dict[str, Any]) -> PriceLineResult:
    fee = fee_schedule.get(procedure_code)
    if fee is None:
        return {"allowed": 0.0}
    return {"allowed": round(min(billed, fee * units), 2)}
''',
    "apply_coinsurance": '''
def apply_coinsurance(allowed: float, coinsurance: float) -> ApplyCoinsuranceResult:
    return {"paid": round(allowed * (1 - coinsurance), 2)}
''',
    "decide": '''
def decide(duplicate: bool, eligible: bool, uncovered_codes: list[str],
           priced_lines: list[dict[str, Any]]) -> DecideResult:
    if duplicate:
        return {"decision": "deny", "reason": "DUPLICATE", "total_paid": 0.0}
    if not eligible:
        return {"decision": "deny", "reason": "NOT_ELIGIBLE", "total_paid": 0.0}
    if uncovered_codes:
        return {"decision": "pend", "reason": "UNCOVERED_CODE", "total_paid": 0.0}
    total = round(sum(line["paid"] for line in priced_lines), 2)
    return {"decision": "pay", "reason": "PAID", "total_paid": float(total)}
''',
}
ORDER = ["check_eligibility", "check_duplicate", "check_coverage", "price_line",
         "apply_coinsurance", "decide"]
REPLIES = [f"```python\n{BODIES[step].lstrip()}```\n" for step in ORDER]
