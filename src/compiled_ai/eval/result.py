"""Turn an evaluation's raw measurements into the result document (JSON).

The document holds every figure the table and the report show, plus the per-call
latencies the report plots, the settings that produced them and the environment.
"""

from __future__ import annotations

import os
import platform
from typing import Any

from compiled_ai._version import __version__
from compiled_ai.eval.code_quality import code_quality
from compiled_ai.eval.compile_metrics import compile_metrics
from compiled_ai.eval.cost import cost_summary
from compiled_ai.eval.inputs import EvalCase
from compiled_ai.eval.metrics import break_even, token_reduction, total_tokens
from compiled_ai.eval.pricing import PriceTable
from compiled_ai.eval.run_metrics import summarise
from compiled_ai.eval.runner import EvalOptions
from compiled_ai.spec.models import Tolerance

RESULT_FORMAT = "compiled-ai/eval-result"
REDUCTION_AT = (1_000, 10_000, 100_000)


def build_result(raw: dict[str, Any], cases: list[EvalCase], options: EvalOptions, *,
                 inputs_path: str, prices: PriceTable, price_as: str | None,
                 monthly_volume: int, infra_usd_per_month: float) -> dict[str, Any]:
    artifact = raw["artifact"]
    manifest = artifact.manifest
    spec = artifact.json_file("spec.json")
    tolerances = {k: Tolerance.model_validate(v) for k, v in spec.get("tolerances", {}).items()}
    compiled = summarise(raw["compiled"], raw["compiled_repeats"], cases, tolerances)
    baseline = None
    if raw["baseline"] is not None:
        answered = cases[:len(raw["baseline"])]  # --baseline-inputs may stop short
        baseline = summarise(raw["baseline"], raw["baseline_repeats"], answered, tolerances)
        baseline["model"] = raw["baseline_identity"]
        baseline["outputs"] = [{"name": c.name, "output": r["output"], "error": r["error"]}
                               for c, r in zip(answered, raw["baseline"], strict=True)]
    compiled["outputs"] = [{"name": c.name, "output": r["output"], "error": r["error"]}
                           for c, r in zip(cases, raw["compiled"], strict=True)]
    compile_figures = compile_metrics(manifest, raw["compile_seconds"])
    step_files = {s.file: artifact.files[s.file] for s in manifest.steps}
    compile_tokens = compile_figures["tokens"]["total"]
    return {
        "format": RESULT_FORMAT, "format_version": 1,
        "artifact": {"path": str(artifact.path), "sha256": artifact.artifact_sha256,
                     "workflow": manifest.workflow},
        "inputs": {"path": inputs_path, "count": len(cases),
                   "with_expected": sum(c.expected is not None for c in cases),
                   "probe_index": options.probe},
        "settings": {"repeats": options.repeats, "baseline": options.baseline,
                     "baseline_repeats": options.baseline_repeats if options.baseline else 0,
                     "baseline_inputs": len(raw["baseline"]) if raw["baseline"] else 0,
                     "provider": options.provider, "model": options.model,
                     "isolated": options.isolated, "resumed": raw["resumed"]},
        "compile": compile_figures,
        "code_quality": code_quality(step_files),
        "compiled": compiled,
        "baseline": baseline,
        "tokens": token_figures(compile_tokens, compiled, baseline),
        "cost": _costs(manifest.provider.get("model") or "", baseline, compile_figures,
                       prices, price_as, monthly_volume, infra_usd_per_month),
        "environment": {"compiled_ai": __version__, "python": platform.python_version(),
                        "platform": platform.platform(), "cpus": os.cpu_count(),
                        "threads": os.environ.get("COMPILED_AI_THREADS")},
    }


def token_figures(compile_tokens: int, compiled: dict[str, Any],
                  baseline: dict[str, Any] | None) -> dict[str, Any]:
    compiled_tx = compiled["tokens"]["per_tx"]
    figures: dict[str, Any] = {"compile": compile_tokens, "compiled_per_tx": compiled_tx,
                               "baseline_per_tx": None, "break_even_tx": None,
                               "reduction_at": {}, "total_at": {}}
    if baseline is None:
        return figures
    runtime_tx = baseline["tokens"]["per_tx"]
    figures["baseline_per_tx"] = runtime_tx
    figures["break_even_tx"] = break_even(compile_tokens, runtime_tx, compiled_tx)
    for n in REDUCTION_AT:
        figures["reduction_at"][str(n)] = token_reduction(compile_tokens, runtime_tx, n,
                                                          compiled_tx)
        figures["total_at"][str(n)] = {
            "compiled": total_tokens(compile_tokens, compiled_tx, n),
            "baseline": total_tokens(0, runtime_tx, n)}
    return figures


def _costs(compile_model: str, baseline: dict[str, Any] | None, compile_figures: dict[str, Any],
           prices: PriceTable, price_as: str | None, volume: int,
           infra: float) -> dict[str, Any]:
    model = price_as or (baseline["model"]["model"] if baseline and baseline["model"]
                         else compile_model)
    tokens = compile_figures["tokens"]
    per_tx = ((baseline["tokens"]["input_per_tx"], baseline["tokens"]["output_per_tx"])
              if baseline else None)
    return cost_summary(prices, model, compile_tokens=(tokens["input"], tokens["output"]),
                        baseline_tokens_per_tx=per_tx, monthly_volume=volume,
                        infra_usd_per_month=infra)

