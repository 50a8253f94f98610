"""Summaries of recorded runs: completion with tolerances, entropy, tokens, latency."""

from __future__ import annotations

import pytest

from compiled_ai.eval.inputs import EvalCase
from compiled_ai.eval.run_metrics import output_matches, summarise
from compiled_ai.spec.models import Tolerance


def test_completion_uses_the_specs_numeric_tolerances():
    tolerances = {"total": Tolerance(abs=0.01)}
    assert output_matches({"total": 10.004}, {"total": 10.0}, tolerances)
    assert not output_matches({"total": 10.02}, {"total": 10.0}, tolerances)
    assert not output_matches({"total": True}, {"total": 1}, {})  # True is not 1
    assert not output_matches({"total": 10.0, "x": 1}, {"total": 10.0}, tolerances)
    assert not output_matches(None, {"total": 10.0}, tolerances)


def test_summary_counts_only_inputs_with_expected_outputs_and_tokens_per_input():
    cases = [EvalCase({"a": 1}, {"r": 1}), EvalCase({"a": 2}, {"r": 2}), EvalCase({"a": 3})]
    runs = [{"output": {"r": 1}, "error": None, "latency_ms": 10.0, "input_tokens": 100,
             "output_tokens": 10},
            {"output": None, "error": "bad reply", "latency_ms": 30.0, "input_tokens": 100,
             "output_tokens": 20},
            {"output": {"r": 9}, "error": None, "latency_ms": 20.0, "input_tokens": 100,
             "output_tokens": 30}]
    repeats = [{"output": {"r": 1}, "error": None, "latency_ms": 5.0, "input_tokens": 1,
                "output_tokens": 1}] * 3 + [{"output": None, "error": "bad reply",
                                             "latency_ms": 5.0, "input_tokens": 1,
                                             "output_tokens": 1}]
    summary = summarise(runs, repeats, cases, {})
    assert summary["task_completion"] == {"scored": 2, "completed": 1, "rate": 0.5}
    assert summary["error_rate"] == pytest.approx(1 / 3)
    assert summary["tokens"]["per_tx"] == pytest.approx(120.0)  # repeats excluded
    assert summary["tokens"]["total_all_calls"] == 360 + 8
    determinism = summary["determinism"]
    assert determinism["distinct_outputs"] == 2 and determinism["reproducibility"] == 0.75
    assert determinism["entropy_bits"] == pytest.approx(0.8113, abs=1e-4)
    assert summary["latency"]["all_calls"]["n"] == 7
    assert summary["latency"]["transactions"]["p50_ms"] == 20.0
