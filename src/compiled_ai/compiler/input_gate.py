"""Screen a spec before any of it reaches the model (the input gate at compile time).

Fixtures usually come from real records, so their text is untrusted: a prompt
injection hidden in a fixture value refuses the compile. Personal data in fixtures
that the model will see is reported (HIPAA: minimum necessary), as is an injection-
like intent or description, which the spec's author wrote and may mean literally.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from compiled_ai.security.findings import Finding
from compiled_ai.security.injection import scan_text
from compiled_ai.security.pii import find_pii
from compiled_ai.spec.models import CallStep, FunctionStep, RuleStep, Spec


def screen_spec(spec: Spec) -> list[Finding]:
    findings = []
    for index, fixture in enumerate(spec.fixtures):
        for part in ("input", "expected", "recorded"):  # recorded outputs feed examples too
            for path, text in _strings(getattr(fixture, part), f"fixtures[{index}].{part}"):
                verdict = scan_text(text)
                if verdict.blocked:
                    findings.append(Finding(id="INJ001", severity="error", cwe=77, message=(
                        f"{path}: fixture text looks like a prompt injection "
                        f"({verdict.variant}: {', '.join(verdict.reasons) or 'classifier'})")))
                if not fixture.holdout:
                    kinds = sorted({m.kind for m in find_pii(text)})
                    if kinds:
                        findings.append(Finding(id="PII001", severity="warning", cwe=359,
                                                message=f"{path}: the model will see "
                                                        f"{', '.join(kinds)}"))
    authored = [("description", spec.description)] + [
        (f"step {step.id!r}", step.intent if isinstance(step, FunctionStep | RuleStep)
         else step.instruction) for step in spec.leaves() if not isinstance(step, CallStep)]
    for path, text in authored:
        verdict = scan_text(text)
        if verdict.blocked:
            findings.append(Finding(id="INJ002", severity="warning", cwe=77,
                                    message=f"{path}: reads like a prompt injection "
                                            f"(score {verdict.score:.2f}); check it is meant"))
    return findings


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from _strings(item, f"{path}[{number}]")
