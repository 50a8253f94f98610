"""Cost and total cost of ownership (TCO) from token counts and a price table.

TCO for a month at a chosen volume = inference cost + infrastructure. Compiling is a
one-off cost, paid in the first month; afterwards the compiled workflow spends no
tokens. Infrastructure is whatever the caller says it costs per month (default 0, so
the figure is inference only and says so).
"""

from __future__ import annotations

from typing import Any

from compiled_ai.eval.pricing import PriceTable


def cost_summary(prices: PriceTable, model: str, *, compile_tokens: tuple[int, int],
                 baseline_tokens_per_tx: tuple[float, float] | None,
                 monthly_volume: int, infra_usd_per_month: float = 0.0) -> dict[str, Any]:
    """Costs priced at ``model``'s row; every figure None when the table lacks it."""
    price = prices.price_for(model)
    head: dict[str, Any] = {
        "priced_as": model, "price_table": {"as_of": prices.as_of, "source": prices.source},
        "monthly_volume": monthly_volume, "infra_usd_per_month": infra_usd_per_month,
    }
    if price is None:
        return {**head, "price": None,
                "note": f"no price for {model!r} in the table; costs not computed"}
    compile_usd = price.cost(*compile_tokens)
    baseline_tx = price.cost(*baseline_tokens_per_tx) if baseline_tokens_per_tx else None
    compiled_month = infra_usd_per_month  # zero tokens per transaction
    return {
        **head,
        "price": price.model_dump(),
        "compile_usd": compile_usd,
        "compiled_usd_per_tx": 0.0,
        "baseline_usd_per_tx": baseline_tx,
        "tco": {
            "compiled_first_month_usd": compile_usd + compiled_month,
            "compiled_later_month_usd": compiled_month,
            "baseline_month_usd": (None if baseline_tx is None
                                   else monthly_volume * baseline_tx + infra_usd_per_month),
        },
        "note": price.note,
    }
