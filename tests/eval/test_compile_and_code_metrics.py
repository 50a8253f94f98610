"""Compile figures from a manifest, and code quality of generated step files."""

from __future__ import annotations

import pytest

from compiled_ai.artifacts.store import read_verified
from compiled_ai.eval.code_quality import code_quality
from compiled_ai.eval.compile_metrics import compile_metrics


def test_compile_metrics_count_the_failed_first_attempt_scripted(scripted_artifact):
    manifest = read_verified(scripted_artifact).manifest
    figures = compile_metrics(manifest)
    stages = {s["stage"]: s for s in figures["first_pass"]}
    assert [s["stage"] for s in figures["first_pass"]][0] == "security"
    assert stages["security"] == {"stage": "security", "reached": 1, "passed": 0, "rate": 0.0}
    assert figures["attempts_distribution"] == {"2": 1}
    assert figures["regenerations"] == 1
    attempts = manifest.steps[0].attempts
    assert figures["tokens"]["input"] == sum(a.input_tokens for a in attempts)
    assert figures["tokens"]["output"] == sum(a.output_tokens for a in attempts)
    assert figures["time_to_valid_s"] is None and "not measured" in figures["time_to_valid_note"]
    assert compile_metrics(manifest, 12.5)["time_to_valid_s"] == 12.5


def test_code_quality_measures_complexity_lint_and_annotations():
    source = b'''import os


def typed(a: int, b: int) -> int:
    if a > b:
        return a
    elif b > 10:
        return b
    return 0


def untyped(x, y: str):
    return x
'''
    figures = code_quality({"steps/s.py": source})
    per_file = figures["files"]["steps/s.py"]
    assert per_file["complexities"] == {"typed": 3, "untyped": 1}
    assert figures["max_complexity"] == 3 and figures["mean_complexity"] == pytest.approx(2.0)
    assert per_file["ruff_codes"].get("F401") == 1  # the unused import
    assert figures["ruff_findings"] >= 1
    assert figures["annotated_functions_share"] == pytest.approx(0.5)
    assert figures["annotated_params_share"] == pytest.approx(3 / 4)


def test_code_quality_of_a_compiled_step_scripted(scripted_artifact):
    artifact = read_verified(scripted_artifact)
    step = artifact.manifest.steps[0]
    figures = code_quality({step.file: artifact.files[step.file]})
    assert figures["files"][step.file]["complexities"]["decide"] >= 6  # six rules in order
    assert figures["annotated_functions_share"] == 1.0
