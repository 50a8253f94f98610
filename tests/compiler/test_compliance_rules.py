"""Static compliance rules: PHI and card numbers must not reach results unmasked."""

from __future__ import annotations

import pytest

from compiled_ai.compiler.compliance.rules import ComplianceContext, check_compliance
from compiled_ai.compiler.validate.security import check_security

HIPAA = ComplianceContext(
    tags=("hipaa",), function="decide",
    inputs={"patient_name": {"type": "string"}, "chart": {"type": "string", "x-phi": True},
            "bmi": {"type": "number"}},
    outputs={"decision": {"type": "string"}, "summary": {"type": "string"}})

HEAD = "def decide(patient_name: str, chart: str, bmi: float) -> DecideResult:\n"


def _ids(source: str, context: ComplianceContext = HIPAA) -> list[str]:
    return [f.id for f in check_compliance(source, context)]


@pytest.mark.parametrize("body", [
    '    return {"decision": "approve", "summary": f"approved for {patient_name}"}\n',
    '    return {"decision": "approve", "summary": "note: " + chart}\n',
    '    return {"decision": "approve", "summary": "{}".format(chart.upper())}\n',
    '    who = patient_name\n    text = "for %s" % who\n'
    '    return {"decision": "approve", "summary": text}\n',
    '    result = {"decision": "approve", "summary": ""}\n'
    '    result["summary"] = chart[:40]\n    return result\n',
    '    parts = []\n    for word in chart.split():\n        parts.append(word)\n'
    '    return {"decision": "approve", "summary": " ".join(parts)}\n',
    '    return DecideResult(decision="ok", summary=str(patient_name))\n',
    '    return {"decision": "approve", "summary": patient_name if bmi > 30 else ""}\n',
    '    return {"decision": "approve", "summary": _echo(chart)}\n\n\n'
    'def _echo(x: str) -> str:\n    return x\n',
])
def test_phi_flowing_into_a_result_is_found(body):
    findings = check_compliance(HEAD + body, HIPAA)
    assert [f.id for f in findings] == ["CMP-HIPAA-001"]
    assert findings[0].cwe == 359 and "summary" in findings[0].message


@pytest.mark.parametrize("body", [
    '    result = {"decision": "approve"}\n    key = "sum" + "mary"\n'
    '    result[key] = patient_name\n    return result\n',
    '    result = {"decision": "approve"}\n    result.update({"summary": chart})\n'
    '    return result\n',
])
def test_phi_stored_under_a_key_the_rule_cannot_name_is_still_found(body):
    findings = check_compliance(HEAD + body, HIPAA)
    assert [f.id for f in findings] == ["CMP-HIPAA-001"]
    assert "(the returned value)" in findings[0].message


@pytest.mark.parametrize("body", [
    '    return {"decision": "approve" if bmi >= 30 else "deny", "summary": "BMI rule"}\n',
    '    ok = len(chart) > 0 and "diabetes" in chart.lower()\n'
    '    return {"decision": "approve" if ok else "deny", "summary": "chart reviewed"}\n',
    '    flag = chart.startswith("T2D")\n'
    '    return {"decision": "approve" if flag else "deny", "summary": f"bmi {bmi}"}\n',
    '    known = patient_name is not None\n'
    '    return {"decision": "review" if not known else "approve", "summary": ""}\n',
])
def test_decisions_computed_from_phi_are_clean(body):
    assert _ids(HEAD + body) == []


def test_output_declared_phi_may_carry_phi():
    context = ComplianceContext(("hipaa",), "decide", HIPAA.inputs,
                                {"decision": {"type": "string"},
                                 "summary": {"type": "string", "x-phi": True}})
    body = '    return {"decision": "approve", "summary": f"for {patient_name}"}\n'
    assert _ids(HEAD + body, context) == []


def test_without_the_hipaa_tag_nothing_is_checked():
    context = ComplianceContext((), "decide", HIPAA.inputs, HIPAA.outputs)
    body = '    return {"decision": "approve", "summary": patient_name}\n'
    assert _ids(HEAD + body, context) == []
    assert _ids(HEAD + body) == ["CMP-HIPAA-001"]


PCI = ComplianceContext(
    tags=("pci-dss",), function="charge",
    inputs={"card_number": {"type": "string"}, "amount": {"type": "number"}},
    outputs={"status": {"type": "string"}, "card": {"type": "string"}})
PCI_HEAD = "def charge(card_number: str, amount: float) -> ChargeResult:\n"


@pytest.mark.parametrize(("body", "expected"), [
    ('    return {"status": "ok", "card": card_number}\n', ["CMP-PCI-001"]),
    ('    return {"status": "ok", "card": card_number[:6] + "******"}\n', ["CMP-PCI-001"]),
    ('    digits = card_number.replace(" ", "")\n'
     '    return {"status": "ok", "card": "x" * 12 + digits[-8:]}\n', ["CMP-PCI-001"]),
    ('    return {"status": "ok", "card": "**** **** **** " + card_number[-4:]}\n', []),
    ('    digits = card_number.replace(" ", "")\n'
     '    return {"status": "ok", "card": f"ending {digits[-4:]}"}\n', []),
    ('    valid = card_number.isdigit() and len(card_number) == 16\n'
     '    return {"status": "ok" if valid else "bad", "card": ""}\n', []),
])
def test_card_numbers_only_masked(body, expected):
    assert _ids(PCI_HEAD + body, PCI) == expected


def test_x_pan_annotation_marks_a_field_with_any_name():
    context = ComplianceContext(("pci-dss",), "charge",
                                {"instrument": {"type": "string", "x-pan": True}},
                                {"status": {"type": "string"}})
    source = "def charge(instrument: str) -> ChargeResult:\n    return {'status': instrument}\n"
    assert _ids(source, context) == ["CMP-PCI-001"]


def test_stage_one_reports_compliance_findings():
    body = '    return {"decision": "approve", "summary": patient_name}\n'
    stage = check_security(HEAD + body, compliance=HIPAA)
    assert not stage.passed and [f.id for f in stage.findings] == ["CMP-HIPAA-001"]
    assert check_security(HEAD + body).passed  # without the context: no compliance rules


def test_workflow_input_marked_phi_marks_the_steps_parameter():
    from compiled_ai.compiler.compliance.rules import context_for
    from compiled_ai.spec.models import Spec

    spec = Spec.model_validate({
        "name": "notes", "version": "1.0.0", "compliance": ["hipaa"],
        "input_schema": {"type": "object", "properties": {
            "note": {"type": "string", "x-phi": True}, "age": {"type": "integer"}}},
        "output_schema": {"type": "object", "properties": {"summary": {"type": "string"}}},
        "steps": [{"id": "summarise", "intent": "Summarise the note for the reviewer.",
                   "inputs": {"note": {"type": "string"}, "text": {"type": "string"},
                              "age": {"type": "integer"}},
                   "args": {"text": "${input.note}"},
                   "outputs": {"summary": {"type": "string"}}}],
        "fixtures": [{"name": "one", "input": {"note": "x", "age": 3},
                      "expected": {"summary": "x"}}]})
    context = context_for(spec, spec.compiled_steps()[0], "summarise")
    assert context.inputs["note"].get("x-phi") is True  # same name
    assert context.inputs["text"].get("x-phi") is True  # bound by ${input.note}
    assert "x-phi" not in context.inputs["age"]
    source = ("def summarise(note: str, text: str, age: int) -> SummariseResult:\n"
              "    return {'summary': text[:20]}\n")
    assert [f.id for f in check_compliance(source, context)] == ["CMP-HIPAA-001"]
