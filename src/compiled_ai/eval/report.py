"""A self-contained HTML report of an eval result: the figure table and three plots.

Plots are drawn by matplotlib as inline SVG (text kept as text), so the page needs
nothing from the network and opens in any browser, also offline and years later.
"""

from __future__ import annotations

import html
import io
import math
from typing import Any

from compiled_ai.eval.figures import figure_rows
from compiled_ai.eval.metrics import total_tokens

COMPILED_COLOUR = "#1f6feb"
BASELINE_COLOUR = "#d1495b"
_SVG_RC: Any = {"svg.fonttype": "none", "svg.hashsalt": "compiled-ai", "font.size": 10}

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;
max-width:1000px;color:#1b1f24;line-height:1.4;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}
figure{margin:1rem 0}figure svg{width:100%;max-width:760px;height:auto;display:block}
figcaption,.note{color:#57606a;font-size:.85rem}code{font-size:.85rem}
"""


def render_report(result: dict[str, Any]) -> str:
    workflow = result["artifact"]["workflow"]
    title = f"compiled-ai eval: {workflow['name']} {workflow['version']}"
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
        for row in figure_rows(result))
    plots = [
        ("plot-tokens", "Total tokens against transactions",
         _tokens_plot(result), "Compiled: compile tokens once plus zero per transaction; "
         "runtime inference: tokens per call times transactions. Both axes logarithmic."),
        ("plot-latency", "Latency distributions", _latency_plot(result),
         "Every call each side made (inputs and repeats); both axes logarithmic."),
        ("plot-first-pass", "First-pass rate per validation stage", _first_pass_plot(result),
         "Share of steps whose first generated attempt passed each stage (of those that "
         "reached it)."),
    ]
    figures = "\n".join(
        f'<h2>{html.escape(heading)}</h2><figure id="{pid}" class="plot">{svg}'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
        for pid, heading, svg, caption in plots)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title><style>{_CSS}</style></head>
<body>
<h1>{html.escape(title)}</h1>
<p class="note">{_provenance(result)}</p>
<h2>Figures of merit</h2>
<table id="figures"><thead><tr><th>figure</th><th>compiled</th><th>runtime inference</th>
</tr></thead><tbody>
{rows}
</tbody></table>
{figures}
</body></html>
"""


def _provenance(result: dict[str, Any]) -> str:
    s, env, cost = result["settings"], result["environment"], result["cost"]
    model = (result["baseline"] or {}).get("model") or {}
    baseline = (f"runtime inference by {model.get('provider', s['provider'])} "
                f"({model.get('model', s['model'])}) on "
                f"{s.get('baseline_inputs', result['inputs']['count'])} of the inputs, "
                f"{s['baseline_repeats']} repeated calls for its entropy"
                if s["baseline"] else "no runtime-inference baseline in this run")
    parts = [
        f"artifact <code>{html.escape(result['artifact']['sha256'])}</code>",
        f"{result['inputs']['count']} inputs ({result['inputs']['with_expected']} with expected "
        f"outputs); {s['repeats']} repeats of input #{result['inputs']['probe_index']} "
        "for the compiled entropy",
        html.escape(baseline),
        html.escape(f"prices: {cost['price_table']['source']} as of "
                    f"{cost['price_table']['as_of']}"),
        html.escape(f"compiled-ai {env['compiled_ai']}, Python {env['python']}, "
                    f"{env['cpus']} CPUs"),
    ]
    return "<br>".join(parts)


def _figure(width: float = 7.5, height: float = 3.6) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _svg(figure: Any) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(_SVG_RC):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _tokens_plot(result: dict[str, Any]) -> str:
    import matplotlib

    tokens = result["tokens"]
    compile_tokens, compiled_tx = tokens["compile"], tokens["compiled_per_tx"]
    baseline_tx = tokens["baseline_per_tx"]
    n_star = tokens["break_even_tx"]
    top = max(100_000, 10 * n_star if n_star else 0)
    xs = [10 ** (k / 20) for k in range(0, int(20 * math.log10(top)) + 1)]
    with matplotlib.rc_context(_SVG_RC):
        figure = _figure()
        axes = figure.subplots()
        axes.plot(xs, [total_tokens(compile_tokens, compiled_tx, x) for x in xs],
                  color=COMPILED_COLOUR, label=f"compiled ({compile_tokens:,} to compile)")
        if baseline_tx is not None:
            axes.plot(xs, [total_tokens(0, baseline_tx, x) for x in xs],
                      color=BASELINE_COLOUR, label=f"runtime inference ({baseline_tx:,.0f}/tx)")
        if n_star is not None:
            y = total_tokens(compile_tokens, compiled_tx, n_star)
            axes.axvline(n_star, color="#57606a", linestyle="--", linewidth=1)
            axes.plot([n_star], [y], marker="o", color="#1b1f24", zorder=3)
            axes.annotate(f"break-even n* = {n_star:,.1f}", (n_star, y), xytext=(10, 10),
                          textcoords="offset points")
        axes.set_xscale("log")
        axes.set_yscale("log")
        axes.set_xlabel("transactions")
        axes.set_ylabel("total tokens")
        axes.grid(True, which="major", alpha=0.3)
        axes.legend(loc="upper left")
        return _svg(figure)


def _latency_plot(result: dict[str, Any]) -> str:
    import matplotlib

    sides = [("compiled", result["compiled"], COMPILED_COLOUR)]
    if result["baseline"] is not None:
        sides.append(("runtime inference", result["baseline"], BASELINE_COLOUR))
    values = [max(v, 1e-4) for _n, side, _c in sides for v in side["latencies_ms"]]
    low, high = math.log10(min(values)), math.log10(max(values))
    edges = [10 ** (low + (high - low + 1e-9) * k / 60) for k in range(61)]
    with matplotlib.rc_context(_SVG_RC):
        figure = _figure()
        axes = figure.subplots()
        for name, side, colour in sides:
            summary = side["latency"]["all_calls"]
            axes.hist([max(v, 1e-4) for v in side["latencies_ms"]], bins=edges, color=colour,
                      alpha=0.75, label=f"{name}: P50 {summary['p50_ms']:g} ms, "
                                        f"P99 {summary['p99_ms']:g} ms (n={summary['n']:,})")
        axes.set_xscale("log")
        axes.set_yscale("log")  # 1,000 compiled calls must not hide 20 model calls
        axes.set_xlabel("latency per call (ms)")
        axes.set_ylabel("calls (log scale)")
        axes.grid(True, which="major", alpha=0.3)
        axes.legend(loc="upper center")
        return _svg(figure)


def _first_pass_plot(result: dict[str, Any]) -> str:
    import matplotlib

    stages = result["compile"]["first_pass"]
    names = [stage["stage"] for stage in stages]
    rates = [100 * (stage["rate"] or 0.0) for stage in stages]
    with matplotlib.rc_context(_SVG_RC):
        figure = _figure(height=3.0)
        axes = figure.subplots()
        bars = axes.bar(names, rates, color=COMPILED_COLOUR)
        for bar, stage in zip(bars, stages, strict=True):
            axes.annotate(f"{stage['passed']}/{stage['reached']}",
                          (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                          xytext=(0, 3), textcoords="offset points", ha="center")
        axes.set_ylim(0, 110)
        axes.set_ylabel("first-pass rate (%)")
        axes.grid(True, axis="y", alpha=0.3)
        return _svg(figure)
