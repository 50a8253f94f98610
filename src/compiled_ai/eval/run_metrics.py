"""Summaries of recorded runs: latency, determinism, task completion, tokens.

A run record is a dict with ``output`` (or None), ``error`` (or None), ``latency_ms``
and, for the baseline, ``input_tokens`` / ``output_tokens``. Outputs are compared by
their canonical JSON for determinism, and field by field (numbers within the spec's
tolerances, as the compiler's accuracy stage does) for task completion.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.compiler.validate.accuracy import values_match
from compiled_ai.eval.inputs import EvalCase
from compiled_ai.eval.metrics import latency_summary, reproducibility, shannon_entropy
from compiled_ai.spec.models import Tolerance


def outcome_key(record: dict[str, Any]) -> str:
    """What counts as "the same output" for entropy: the canonical output, or the error."""
    if record.get("output") is not None:
        return canonical_json(record["output"]).decode("utf-8")
    return f"error: {record.get('error')}"


def output_matches(output: dict[str, Any] | None, expected: dict[str, Any],
                   tolerances: dict[str, Tolerance]) -> bool:
    if output is None or output.keys() != expected.keys():
        return False
    return all(values_match(output[k], expected[k], tolerances.get(k)) for k in expected)


def summarise(transactions: Sequence[dict[str, Any]], repeats: Sequence[dict[str, Any]],
              cases: Sequence[EvalCase], tolerances: dict[str, Tolerance]) -> dict[str, Any]:
    """One approach's figures from its per-input runs and its repeated runs of one input."""
    scored = [(r, c) for r, c in zip(transactions, cases, strict=True) if c.expected is not None]
    completed = sum(output_matches(r.get("output"), c.expected or {}, tolerances)
                    for r, c in scored)
    errors = sum(1 for r in transactions if r.get("output") is None)
    calls = [*transactions, *repeats]
    keys = [outcome_key(r) for r in repeats]
    summary: dict[str, Any] = {
        "transactions": len(transactions),
        "task_completion": {"scored": len(scored), "completed": completed,
                            "rate": completed / len(scored) if scored else None},
        "error_rate": errors / len(transactions) if transactions else None,
        "latency": {
            "all_calls": {"n": len(calls), **latency_summary([r["latency_ms"] for r in calls])},
            "transactions": {"n": len(transactions),
                             **latency_summary([r["latency_ms"] for r in transactions])},
            "repeats": {"n": len(repeats), **latency_summary([r["latency_ms"] for r in repeats])},
        },
        "determinism": {"repeats": len(repeats), "distinct_outputs": len(set(keys)),
                        "entropy_bits": shannon_entropy(keys),
                        "reproducibility": reproducibility(keys)},
        "latencies_ms": [r["latency_ms"] for r in calls],
    }
    if all("input_tokens" in r for r in calls):
        tx_in = [r["input_tokens"] for r in transactions]
        tx_out = [r["output_tokens"] for r in transactions]
        n = len(transactions) or 1
        summary["tokens"] = {
            "input_per_tx": sum(tx_in) / n, "output_per_tx": sum(tx_out) / n,
            "per_tx": (sum(tx_in) + sum(tx_out)) / n,
            "total_all_calls": sum(r["input_tokens"] + r["output_tokens"] for r in calls),
        }
    else:
        summary["tokens"] = {"input_per_tx": 0.0, "output_per_tx": 0.0, "per_tx": 0.0,
                             "total_all_calls": 0}
    return summary
