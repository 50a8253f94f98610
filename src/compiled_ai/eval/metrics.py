"""Pure functions for the evaluation framework's figures (PAPER.md, "Evaluation framework").

Tokens: total(n) = compile tokens + n x tokens per transaction; the break-even point
n* = compile tokens / (runtime tokens per tx - compiled tokens per tx) is where the
compiled workflow has used no more tokens than calling a model on every transaction.
Determinism: Shannon entropy (bits) of the outputs of N identical inputs (0 when all
agree) and reproducibility, the share of runs that gave the most common output.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence


def total_tokens(compile_tokens: int, tokens_per_transaction: float,
                 transactions: float) -> float:
    return compile_tokens + tokens_per_transaction * transactions


def break_even(compile_tokens: int, runtime_tokens_per_tx: float,
               compiled_tokens_per_tx: float = 0.0) -> float | None:
    """Transactions after which compiling has paid for itself; None if it never does."""
    saving = runtime_tokens_per_tx - compiled_tokens_per_tx
    if saving <= 0:
        return None
    return compile_tokens / saving


def token_reduction(compile_tokens: int, runtime_tokens_per_tx: float, transactions: int,
                    compiled_tokens_per_tx: float = 0.0) -> float | None:
    """How many times fewer tokens the compiled workflow uses at ``transactions``."""
    compiled = total_tokens(compile_tokens, compiled_tokens_per_tx, transactions)
    runtime = runtime_tokens_per_tx * transactions
    return runtime / compiled if compiled else None


def shannon_entropy(outputs: Iterable[str | bytes]) -> float:
    counts = Counter(outputs)
    total = sum(counts.values())
    if total == 0:
        return 0.0
    entropy = -sum(c / total * math.log2(c / total) for c in counts.values())
    return abs(round(entropy, 12))  # -0.0 -> 0.0


def reproducibility(outputs: Iterable[str | bytes]) -> float:
    counts = Counter(outputs)
    total = sum(counts.values())
    return max(counts.values()) / total if total else 0.0


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (no interpolation), rounded to microseconds."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return round(ordered[rank - 1], 3)


def latency_summary(milliseconds: Sequence[float]) -> dict[str, float | None]:
    p50, p99 = percentile(milliseconds, 50), percentile(milliseconds, 99)
    return {"p50_ms": p50, "p90_ms": percentile(milliseconds, 90), "p99_ms": p99,
            "jitter_ms": round(p99 - p50, 3) if p50 is not None and p99 is not None else None}
