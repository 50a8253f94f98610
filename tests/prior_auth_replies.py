"""Scripted model replies for the prior-auth example, shared by the scripted tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SPEC_PATH = REPO / "examples" / "prior_auth" / "spec.yaml"
CASES = REPO / "examples" / "prior_auth" / "cases"

SIGNATURE = ("def decide(has_t2d_diagnosis: bool, current_a1c: float | None, "
             "bmi: float | None, has_step_therapy_failure: bool | None) -> DecideResult:\n")
BODY = SIGNATURE + '''    if current_a1c is not None and (current_a1c < 3 or current_a1c > 20):
        return {"decision": "review", "reason_code": "SUSPICIOUS_A1C"}
    if has_t2d_diagnosis is True:
        return {"decision": "approve", "reason_code": "T2D_DIAGNOSIS"}
    if bmi is None:
        return {"decision": "review", "reason_code": "MISSING_BMI"}
    if bmi >= 30 and has_step_therapy_failure is True:
        return {"decision": "approve", "reason_code": "BMI_AND_STEP_THERAPY"}
    if bmi >= 30:
        return {"decision": "deny", "reason_code": "NO_STEP_THERAPY_FAILURE"}
    return {"decision": "deny", "reason_code": "BMI_BELOW_30"}
'''
CORRECT = f"```python\n{BODY}```\n"
UNSAFE = f"```python\nimport os\n\n\n{BODY}```\n"
