"""The figure-of-merit table, as rows of text: shared by the CLI table and the report."""

from __future__ import annotations

from typing import Any

Row = tuple[str, str, str]  # figure, compiled, runtime inference (baseline)
NOT_RUN = "not run"


def figure_rows(result: dict[str, Any]) -> list[Row]:
    c, b, tokens = result["compiled"], result["baseline"], result["tokens"]
    comp = result["compile"]
    rows: list[Row] = [
        ("compile tokens (input + output)",
         f"{_n(comp['tokens']['total'])} ({_n(comp['tokens']['input'])} + "
         f"{_n(comp['tokens']['output'])})", "0"),
        ("tokens per transaction", _n(tokens["compiled_per_tx"]),
         _n(tokens["baseline_per_tx"]) if b else NOT_RUN),
        ("break-even n* (transactions)", _n(tokens["break_even_tx"], 1) if b else NOT_RUN, ""),
    ]
    for n, factor in tokens["reduction_at"].items():
        rows.append((f"token reduction at {_n(int(n))} tx", f"{factor:,.1f}x"
                     if factor is not None else "n/a", ""))
    for label, key in (("latency P50 (ms)", "p50_ms"), ("latency P90 (ms)", "p90_ms"),
                       ("latency P99 (ms)", "p99_ms"), ("jitter P99-P50 (ms)", "jitter_ms")):
        rows.append((label, _ms(c["latency"]["all_calls"][key]),
                     _ms(b["latency"]["all_calls"][key]) if b else NOT_RUN))
    rows.append(("latency samples (calls)", _n(c["latency"]["all_calls"]["n"]),
                 _n(b["latency"]["all_calls"]["n"]) if b else NOT_RUN))
    rows += [
        ("output entropy (bits) over repeats",
         _entropy(c["determinism"]), _entropy(b["determinism"]) if b else NOT_RUN),
        ("reproducibility", _pct(c["determinism"]["reproducibility"]),
         _pct(b["determinism"]["reproducibility"]) if b else NOT_RUN),
        ("task completion", _completion(c), _completion(b) if b else NOT_RUN),
        ("error rate", _pct(c["error_rate"]), _pct(b["error_rate"]) if b else NOT_RUN),
    ]
    for rate in comp["first_pass"]:
        rows.append((f"first-pass rate: {rate['stage']}",
                     f"{_pct(rate['rate'])} ({rate['passed']}/{rate['reached']} steps)", ""))
    attempts = ", ".join(f"{k}: {v}" for k, v in comp["attempts_distribution"].items())
    rows.append(("attempts per step (attempts: steps)", attempts, ""))
    ttv = comp["time_to_valid_s"]
    rows.append(("time to valid artifact (s)", f"{ttv:.1f}" if ttv is not None
                 else "not measured", ""))
    q = result["code_quality"]
    rows += [
        ("cyclomatic complexity (max / mean)",
         f"{q['max_complexity']} / {q['mean_complexity']:.1f}"
         if q["max_complexity"] is not None else "n/a", ""),
        ("ruff findings (quality rule set)", _n(q["ruff_findings"]), ""),
        ("annotated functions / parameters",
         f"{_pct(q['annotated_functions_share'])} / {_pct(q['annotated_params_share'])}", ""),
    ]
    cost = result["cost"]
    if cost.get("price") is not None:
        tco = cost["tco"]
        rows += [
            (f"cost per tx, priced as {cost['priced_as']} (USD)", "$0",
             _usd(cost["baseline_usd_per_tx"]) if b else NOT_RUN),
            (f"TCO per month at {_n(cost['monthly_volume'])} tx (USD)",
             f"{_usd(tco['compiled_first_month_usd'])} first, "
             f"{_usd(tco['compiled_later_month_usd'])} later",
             _usd(tco["baseline_month_usd"]) if b else NOT_RUN),
        ]
    else:
        rows.append(("cost", cost["note"], ""))
    return rows


def markdown_table(result: dict[str, Any]) -> str:
    """The same rows as a Markdown table (for a README), pipes escaped."""
    lines = ["| figure | compiled | runtime inference |", "|---|---|---|"]
    for row in figure_rows(result):
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(lines) + "\n"


def _n(value: float | int | None, digits: int = 0) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"


def _ms(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.1f}" if value >= 100 else f"{value:.3f}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _usd(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"${value:,.2f}" if value >= 0.01 or value == 0 else f"${value:.6f}"


def _entropy(determinism: dict[str, Any]) -> str:
    return (f"{determinism['entropy_bits']:.3f} ({determinism['distinct_outputs']} distinct "
            f"of {determinism['repeats']})")


def _completion(side: dict[str, Any]) -> str:
    done = side["task_completion"]
    if not done["scored"]:
        return "no expected outputs"
    return f"{_pct(done['rate'])} ({done['completed']}/{done['scored']})"
