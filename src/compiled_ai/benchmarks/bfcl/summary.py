"""Score a protocol's records: accuracy by BFCL's checker, tokens, break-even, latency, entropy.

Formulas come from ``compiled_ai.eval.metrics``. Compile tokens per workflow are
averaged over every item that was attempted, failed compiles included (their tokens
were spent). The compiled protocols are compared with the baseline records of the same
items when a baseline run exists (``--baseline-dir``, default ``OUT/../baseline``), also
as a deployment that calls the model for the workflows that never compiled, and as one
that also calls it when a workflow's result lacks a required parameter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from statistics import mean
from typing import Any

from compiled_ai.eval.metrics import (
    break_even,
    latency_summary,
    shannon_entropy,
    token_reduction,
)

TRANSACTIONS = 1000


def summarise(run: dict[str, Any], records: list[dict[str, Any]],
              baseline: list[dict[str, Any]], repeats: list[dict[str, Any]],
              wording: dict[str, str], required: dict[str, list[str]]) -> dict[str, Any]:
    """``wording``: each item's kind of question (``wording.question_wording``); a
    compiled protocol's summary then counts its answers per kind. ``required``: each
    item's required parameters, for the fallback that hands over incomplete results."""
    correct = sum(1 for r in records if r.get("valid"))
    summary: dict[str, Any] = {
        "benchmark": "BFCL simple_python", "checker": "bfcl_eval ast_checker (official)",
        "protocol": run["protocol"], "provider": run["provider"], "model": run["model"],
        "model_sha256": run["model_sha256"], "bfcl_eval": run["bfcl_eval"],
        "prompt_style": run.get("prompt_style", "classic"),
        "items_in_run": run["items"], "items_scored": len(records), "correct": correct,
        "accuracy": _ratio(correct, len(records)),
        "errors_by_type": dict(sorted(Counter(r.get("error_type") for r in records
                                              if not r.get("valid")).items(),
                                      key=lambda kv: str(kv[0]))),
    }
    if run["protocol"] == "baseline":
        summary["baseline"] = _baseline_figures(records)
        summary["baseline"]["entropy"] = _repeat_entropy(repeats)
        return summary
    summary["compiled"] = _compiled_figures(records)
    summary["by_question_wording"] = _by_question_wording(records, wording)
    ids = {r["id"] for r in records}
    same = [b for b in baseline if b["id"] in ids]
    if not same:
        summary["versus_baseline"] = None
        summary["note"] = "no baseline records for these items: run --protocol baseline " \
                          "into the sibling directory (or pass --baseline-dir) for break-even"
        return summary
    per_workflow: float | None = summary["compiled"]["compile_tokens_per_workflow"]
    if not summary["compiled"]["workflows_compiled"]:
        summary["note"] = "no workflow compiled: break-even and token reduction are undefined"
        per_workflow = None
    per_tx = mean(b["tokens"] for b in same)
    baseline_by_id = {b["id"]: b for b in same}
    baseline_right = {b["id"] for b in same if b.get("valid")}
    compared_ids = {b["id"] for b in same}
    compared = [r for r in records if r["id"] in compared_ids]
    summary["versus_baseline"] = {
        "baseline_items": len(same),
        "baseline_correct": len(baseline_right),
        "baseline_accuracy": _ratio(len(baseline_right), len(same)),
        # where the two disagree: what went wrong on the compiled side, and the reverse count
        "only_baseline_correct": dict(sorted(Counter(
            str(r.get("error_type")) for r in compared
            if not r.get("valid") and r["id"] in baseline_right).items())),
        "only_compiled_correct": sum(1 for r in compared
                                     if r.get("valid") and r["id"] not in baseline_right),
        "baseline_tokens_per_transaction": round(per_tx, 1),
        "baseline_latency_ms": latency_summary([b["latency_ms"] for b in same]),
        "break_even_transactions": _round(break_even(round(per_workflow), per_tx))
        if per_workflow is not None else None,
        f"token_reduction_at_{TRANSACTIONS}": _round(
            token_reduction(round(per_workflow), per_tx, TRANSACTIONS))
        if per_workflow is not None else None,
        "with_runtime_fallback": _with_fallback(
            compared, baseline_by_id, lambda r: not r.get("compiled")),
        "with_runtime_fallback_on_missing_required": _with_fallback(
            compared, baseline_by_id,
            lambda r: not r.get("compiled") or _misses_required(r, required[r["id"]])),
    }
    return summary


def _with_fallback(records: list[dict[str, Any]], baseline: dict[str, dict[str, Any]],
                   hands_over: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """What a deployment that calls the model where ``hands_over`` says so would score: the
    baseline's answer and tokens for those records, the compiled verdict for the rest.
    Handing over the workflows that never compiled (a failed label, compile or input gate:
    no artifact) is the minimum; a deployment can also hand over results it can see are
    incomplete. Each workflow is taken to serve the same number of transactions."""
    fallback = [r for r in records if hands_over(r)]
    handed = {r["id"] for r in fallback}
    correct = sum(1 for r in records if r["id"] not in handed and r.get("valid")) + sum(
        1 for r in fallback if baseline[r["id"]].get("valid"))
    tokens = sum(baseline[r["id"]]["tokens"] for r in fallback)
    return {"workflows_calling_the_model": len(fallback), "correct": correct,
            "accuracy": _ratio(correct, len(records)),
            "tokens_per_transaction": round(tokens / len(records), 1) if records else None}


def _misses_required(record: dict[str, Any], required: list[str]) -> bool:
    """Whether a compiled workflow's call leaves out a required parameter of its function:
    visible at run time without knowing the right answer."""
    calls = record.get("predicted")
    if not calls:  # no call at all (the workflow failed on the question)
        return True
    return any(name not in args for call in calls for args in call.values()
               for name in required)


def _baseline_figures(records: list[dict[str, Any]]) -> dict[str, Any]:
    if not records:
        return {}
    return {"tokens_per_transaction": round(mean(r["tokens"] for r in records), 1),
            "input_tokens_per_transaction": round(mean(r["input_tokens"] for r in records), 1),
            "output_tokens_per_transaction": round(mean(r["output_tokens"] for r in records), 1),
            "latency_ms": latency_summary([r["latency_ms"] for r in records])}


def _compiled_figures(records: list[dict[str, Any]]) -> dict[str, Any]:
    compiled = [r for r in records if r.get("compiled")]
    sampled = [r["entropy"] for r in records if "entropy" in r]
    return {
        "workflows_attempted": len(records), "workflows_compiled": len(compiled),
        "compile_success_rate": _ratio(len(compiled), len(records)),
        "compile_tokens_per_workflow": round(mean(r["compile_tokens"] for r in records), 1)
        if records else 0,
        "label_tokens_per_workflow": round(mean(r.get("label_tokens", 0) for r in records), 1)
        if records else 0,
        "attempts": dict(sorted(Counter(r["attempts"] for r in compiled).items())),
        "correct_within_attempts": _correct_within_attempts(compiled),
        "never_compiled": _never_compiled(records),
        "compiled_but_wrong": _compiled_but_wrong(records),
        "execution_tokens_per_transaction": 0,
        "run_latency_ms": latency_summary([r["run_latency_ms"] for r in compiled
                                           if "run_latency_ms" in r]),
        "entropy": {"workflows": len(sampled),
                    "runs_each": sampled[0]["runs"] if sampled else 0,
                    "mean_bits": _round(mean(s["bits"] for s in sampled)) if sampled else None,
                    "max_bits": max((s["bits"] for s in sampled), default=None),
                    "min_reproducibility": min((s["reproducibility"] for s in sampled),
                                               default=None)},
    }


STAGES = ("security", "syntax", "execution", "accuracy")  # the order an attempt meets them


def _never_compiled(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Why the items without a workflow have none: how far each item's best attempt got
    (the stage it failed), and every failed attempt by the stage and the rule that stopped
    it (``syntax RUFF-F821``): what the gap between the protocols is made of."""
    failed = [r for r in records if r.get("error_type") == "compile"]
    furthest: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    for record in failed:
        attempts = record.get("compile_failures") or []
        reached = [STAGES.index(a["stage"]) for a in attempts if a.get("stage") in STAGES]
        furthest[STAGES[max(reached)] if reached else "unknown"] += 1
        for attempt in attempts:
            finding = attempt.get("finding") or ""
            rule = finding[1:finding.index("]")] if finding.startswith("[") and "]" in finding \
                else "no error finding"
            findings[f"{attempt.get('stage')} {rule}"] += 1
    return {"items": len(failed),
            "furthest_stage_failed": {s: furthest[s] for s in (*STAGES, "unknown")
                                      if furthest[s]},
            "failed_attempts_by_rule": dict(findings.most_common())}


def _correct_within_attempts(compiled: list[dict[str, Any]]) -> dict[int, int]:
    """Correct answers had the compile budget been k attempts, for every k up to the most
    any workflow took. Attempts are numbered and seeded the same under any budget, so a
    run at k attempts would have compiled exactly the workflows that took k or fewer:
    runs with different budgets compare like for like."""
    most = max((r["attempts"] for r in compiled), default=0)
    return {k: sum(1 for r in compiled if r.get("valid") and r["attempts"] <= k)
            for k in range(1, most + 1)}


def _compiled_but_wrong(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The workflows that compiled yet answer wrong, by the checker's error type, and how
    many of them found no argument at all in the question: code that passed on its
    examples but whose way of finding values does not meet the real wording."""
    wrong = [r for r in records if r.get("compiled") and not r.get("valid")]
    empty = sum(1 for r in wrong
                if r.get("predicted") and all(not args for call in r["predicted"]
                                              for args in call.values()))
    return {"items": len(wrong),
            "by_error_type": dict(Counter(str(r.get("error_type")) for r in wrong)
                                  .most_common()),
            "no_argument_found": empty}


def _by_question_wording(records: list[dict[str, Any]],
                         wording: dict[str, str]) -> dict[str, dict[str, int]]:
    """Items, compiled workflows and correct answers per kind of question wording (see
    ``wording.question_wording``): where the blind protocol's answers come from, and the
    paper protocol's on the same questions beside them."""
    table: dict[str, dict[str, int]] = {}
    for record in records:
        row = table.setdefault(wording[record["id"]], {"items": 0, "compiled": 0, "correct": 0})
        row["items"] += 1
        row["compiled"] += bool(record.get("compiled"))
        row["correct"] += bool(record.get("valid"))
    return dict(sorted(table.items()))


def _repeat_entropy(repeats: list[dict[str, Any]]) -> dict[str, Any]:
    bits = [shannon_entropy(r["answers"]) for r in repeats]
    return {"questions": len(repeats),
            "calls_per_question": len(repeats[0]["answers"]) if repeats else 0,
            "mean_bits": _round(mean(bits)) if bits else None,
            "max_bits": max(bits, default=None),
            "identical_answers_share": _ratio(sum(1 for b in bits if b == 0), len(bits))}


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _round(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None
