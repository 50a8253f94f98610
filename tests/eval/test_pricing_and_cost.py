"""The dated price table, its override, and the cost / TCO arithmetic."""

from __future__ import annotations

import json

import pytest

from compiled_ai.errors import ConfigurationError
from compiled_ai.eval.cost import cost_summary
from compiled_ai.eval.pricing import load_prices


def test_shipped_table_is_dated_and_prices_the_local_model_at_zero_with_a_reason():
    table = load_prices()
    assert table.as_of and table.source.startswith("shipped:")
    local = table.price_for("qwen2.5-coder-0.5b")
    assert local is not None and local.input == local.output == 0.0
    assert "infrastructure" in local.note
    assert table.price_for("qwen2.5-coder-0.5b.gguf") == local  # a GGUF file name
    assert table.price_for("claude-opus-4-5").output > 0


def test_price_file_overrides_the_shipped_table(tmp_path):
    path = tmp_path / "prices.json"
    path.write_text(json.dumps({"as_of": "2030-01-01", "models": {
        "m": {"input": 2.0, "output": 8.0}}}), encoding="utf-8")
    table = load_prices(path)
    assert table.as_of == "2030-01-01" and table.source == str(path)
    assert table.price_for("m").cost(1_000_000, 500_000) == pytest.approx(6.0)
    assert table.price_for("qwen2.5-coder-0.5b") is None


@pytest.mark.parametrize("content, needle", [
    ("not json", "not a valid price table"),
    ('{"as_of": "x", "models": {"m": {"input": -1, "output": 0}}}', "models.m.input"),
    ('{"models": {}}', "as_of"),
])
def test_bad_price_file_is_one_clear_error(tmp_path, content, needle):
    path = tmp_path / "prices.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigurationError, match=needle):
        load_prices(path)


def test_tco_adds_the_one_off_compile_cost_to_the_first_month_only(tmp_path):
    path = tmp_path / "prices.json"
    path.write_text(json.dumps({"as_of": "2030-01-01", "models": {
        "m": {"input": 1.0, "output": 4.0}}}), encoding="utf-8")
    cost = cost_summary(load_prices(path), "m", compile_tokens=(9_000, 1_000),
                        baseline_tokens_per_tx=(500.0, 50.0), monthly_volume=1_000_000,
                        infra_usd_per_month=100.0)
    assert cost["compile_usd"] == pytest.approx(0.009 + 0.004)
    assert cost["baseline_usd_per_tx"] == pytest.approx(0.0005 + 0.0002)
    assert cost["tco"]["compiled_first_month_usd"] == pytest.approx(100.013)
    assert cost["tco"]["compiled_later_month_usd"] == pytest.approx(100.0)
    assert cost["tco"]["baseline_month_usd"] == pytest.approx(700.0 + 100.0)


def test_unknown_model_gives_no_costs_and_says_why():
    cost = cost_summary(load_prices(), "no-such-model", compile_tokens=(1, 1),
                        baseline_tokens_per_tx=(1.0, 1.0), monthly_volume=10)
    assert cost["price"] is None and "no-such-model" in cost["note"]
