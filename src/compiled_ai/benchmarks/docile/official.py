"""The official DocILE evaluation (``docile-benchmark`` on PyPI), behind one function.

Scores are never computed here: predictions are handed to
``docile.evaluation.evaluate_dataset`` and the numbers read back from its result.
The package is an optional extra (``pip install 'compiled-ai[docile]'``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from compiled_ai.errors import ConfigurationError, InputError

PREDICTION_KEYS = ("fieldtype", "page", "bbox")


def require_docile() -> Any:
    """Import the package or fail with one line that says how to install it."""
    os.environ.setdefault("TQDM_DISABLE", "1")  # the evaluator's own bars; ours is enough
    try:
        import docile.evaluation  # noqa: F401
        from docile import dataset
    except ImportError:
        raise ConfigurationError("the DocILE benchmark needs the 'docile' extra: "
                                 "pip install 'compiled-ai[docile]'") from None
    logging.getLogger("docile").setLevel(logging.ERROR)
    return dataset


def load_dataset(root: Path, split: str, docids: Sequence[str] | None = None) -> Any:
    docile = require_docile()
    try:
        return docile.Dataset(split, root, load_ocr=False, docids=list(docids) if docids else None,
                              cache_images=docile.CachingConfig.OFF)
    except (ValueError, OSError, KeyError) as exc:
        raise InputError(f"cannot load DocILE split {split!r} from {root}: {exc}") from None


def to_fields(predictions: Sequence[Mapping[str, Any]], lir: bool) -> list[Any]:
    """Plain prediction dicts -> ``docile.Field``; LIR predictions keep ``line_item_id``."""
    docile = require_docile()
    fields = []
    for p in predictions:
        fields.append(docile.Field(
            bbox=docile.BBox(*(float(v) for v in p["bbox"])), page=int(p["page"]),
            fieldtype=str(p["fieldtype"]), text=p.get("text"),
            score=float(p["score"]) if p.get("score") is not None else None,
            line_item_id=int(p["line_item_id"]) if lir else None))
    return fields


def evaluate(dataset: Any, kile: Mapping[str, Sequence[Mapping[str, Any]]],
             lir: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, Any]:
    """Official KILE and LIR metrics, location-only and with exact text, plus per field."""
    from docile.evaluation import evaluate_dataset
    from docile.evaluation.evaluate import PredictionsValidationError

    docids = dataset.docids
    kile_fields = {d: to_fields(kile.get(d, ()), lir=False) for d in docids}
    lir_fields = {d: to_fields(lir.get(d, ()), lir=True) for d in docids}
    if not any(kile_fields.values()) and not any(lir_fields.values()):
        return {task: _empty(task) for task in ("kile", "lir")}
    try:
        result = evaluate_dataset(dataset, kile_fields, lir_fields)
    except PredictionsValidationError as exc:
        raise InputError(f"predictions rejected by the DocILE evaluator: {exc}") from None
    out: dict[str, Any] = {}
    for task in ("kile", "lir"):
        if task not in result.task_to_docid_to_matching:
            out[task] = _empty(task)
            continue
        metrics = result.get_metrics(task)
        fieldtypes = sorted({f.fieldtype for m in result.task_to_docid_to_matching[task].values()
                             for f in m.annotations})
        out[task] = {
            "primary_metric": "AP" if task == "kile" else "f1",
            "primary": _round(result.get_primary_metric(task)),
            "metrics": _rounded(metrics),
            "metrics_with_text": _rounded(result.get_metrics(task, same_text=True)),
            "per_fieldtype": {ft: _rounded(result.get_metrics(task, fieldtype=ft))
                              for ft in fieldtypes},
        }
    return out


def _empty(task: str) -> dict[str, Any]:
    """What the evaluator would report for no predictions (it refuses an empty task)."""
    zero = {"AP": 0.0, "f1": 0.0, "precision": 0.0, "recall": 0.0, "TP": 0, "FP": 0, "FN": None}
    return {"primary_metric": "AP" if task == "kile" else "f1", "primary": 0.0,
            "metrics": zero, "metrics_with_text": zero, "per_fieldtype": {},
            "note": "no predictions for this task"}


def _round(value: float) -> float:
    return round(float(value), 4)


def _rounded(metrics: Mapping[str, float]) -> dict[str, float]:
    return {k: (_round(v) if isinstance(v, float) else v) for k, v in metrics.items()}
