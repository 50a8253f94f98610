"""Confusion matrices and latency percentiles, shared by the benchmarks."""

from __future__ import annotations

from dataclasses import dataclass, field

from compiled_ai.eval.metrics import percentile


@dataclass
class Confusion:
    """Binary confusion matrix; "positive" is the thing the gate should block."""

    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0
    latencies_ms: list[float] = field(default_factory=list)

    def add(self, actual: bool, predicted: bool, latency_ms: float | None = None) -> None:
        if actual and predicted:
            self.tp += 1
        elif actual:
            self.fn += 1
        elif predicted:
            self.fp += 1
        else:
            self.tn += 1
        if latency_ms is not None:
            self.latencies_ms.append(latency_ms)

    def summary(self) -> dict[str, float | int | None]:
        total = self.tp + self.fp + self.tn + self.fn
        return {
            "cases": total, "tp": self.tp, "fp": self.fp, "tn": self.tn, "fn": self.fn,
            "recall": _ratio(self.tp, self.tp + self.fn),
            "precision": _ratio(self.tp, self.tp + self.fp),
            "accuracy": _ratio(self.tp + self.tn, total),
            "false_positive_rate": _ratio(self.fp, self.fp + self.tn),
            "latency_p50_ms": percentile(self.latencies_ms, 50),
            "latency_p99_ms": percentile(self.latencies_ms, 99),
        }


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None
