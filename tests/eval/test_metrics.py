"""The evaluation formulas, checked against hand-worked values (and the paper's)."""

from __future__ import annotations

import pytest

from compiled_ai.eval.metrics import (
    break_even,
    latency_summary,
    percentile,
    reproducibility,
    shannon_entropy,
    token_reduction,
    total_tokens,
)


def test_break_even_matches_the_papers_bfcl_figures():
    # paper: ~9.6K compile tokens, 552 tokens/tx direct -> break-even ~17 transactions
    assert break_even(9_600, 552) == pytest.approx(17.39, abs=0.01)
    assert token_reduction(9_600, 552, 1_000) == pytest.approx(57.5, abs=0.1)


def test_break_even_is_none_when_compiling_never_pays():
    assert break_even(1_000, 10, compiled_tokens_per_tx=10) is None
    assert break_even(1_000, 5, compiled_tokens_per_tx=10) is None


def test_total_tokens_grows_linearly_per_transaction():
    assert total_tokens(500, 0, 1_000_000) == 500
    assert total_tokens(500, 3.5, 100) == 850


@pytest.mark.parametrize(("outputs", "bits"), [
    (["a"] * 1000, 0.0),
    (["a", "b"] * 500, 1.0),
    (["a", "b", "c", "d"], 2.0),
    ([], 0.0),
])
def test_shannon_entropy(outputs, bits):
    assert shannon_entropy(outputs) == pytest.approx(bits)


def test_reproducibility_is_the_share_of_the_modal_output():
    assert reproducibility(["x"] * 95 + ["y"] * 5) == 0.95
    assert reproducibility([]) == 0.0


def test_percentiles_use_nearest_rank_and_jitter_is_p99_minus_p50():
    values = list(range(1, 101))  # 1..100 ms
    assert percentile(values, 50) == 50 and percentile(values, 99) == 99
    assert percentile([], 50) is None
    summary = latency_summary(values)
    assert summary == {"p50_ms": 50, "p90_ms": 90, "p99_ms": 99, "jitter_ms": 49}
