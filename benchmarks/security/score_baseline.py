#!/usr/bin/env python
"""Score an earlier version of the injection gate on a suite, for a before/after figure.

    python benchmarks/security/score_baseline.py --commit 66b4846 --suite v2 \\
        --out benchmarks/security/results/security_v2_baseline_66b4846.json

Reads ``security/injection.py``, ``security/decode.py`` (and ``agent_rules.py`` if the
commit has it) and the shipped model from ``git show <commit>:...`` into a temporary
package, and scores the suite's ``injection.jsonl`` with that detector. Measurement only:
nothing here feeds back into the detector.
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FILES = ("__init__.py", "decode.py", "injection.py", "agent_rules.py", "data/injection_model.json")


def _show(commit: str, path: str) -> str | None:
    done = subprocess.run(["git", "show", f"{commit}:src/compiled_ai/security/{path}"],
                          cwd=ROOT, capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--commit", required=True)
    ap.add_argument("--suite", default="v2")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    suite = ROOT / "benchmarks/security/suite" / args.suite / "injection.jsonl"
    cases = [json.loads(line) for line in suite.read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as tmp:
        pkg = Path(tmp) / "baseline_security"
        (pkg / "data").mkdir(parents=True)
        for name in FILES:
            text = _show(args.commit, name)
            if text is not None:
                text = text.replace("compiled_ai.security.", "baseline_security.")
                (pkg / name).write_text(text, encoding="utf-8")
        sys.path.insert(0, tmp)
        injection = importlib.import_module("baseline_security.injection")
        detector = injection.InjectionDetector()
        tp = fp = tn = fn = 0
        families: dict[str, list[int]] = {}
        for case in cases:
            attack, blocked = case["label"] == "attack", detector.scan(case["text"]).blocked
            tp += attack and blocked
            fn += attack and not blocked
            fp += (not attack) and blocked
            tn += (not attack) and not blocked
            fam = families.setdefault(case["family"], [0, 0])
            fam[0] += blocked == attack
            fam[1] += 1
    result = {
        "what": f"injection gate as of commit {args.commit}, scored on suite {args.suite}",
        "command": " ".join(["python", "benchmarks/security/score_baseline.py", "--commit",
                             args.commit, "--suite", args.suite, "--out", str(args.out)]),
        "threshold": detector.threshold, "cases": len(cases),
        "tp": tp, "fp": fp, "tn": tn, "fn": fn,
        "recall": round(tp / (tp + fn), 4), "accuracy": round((tp + tn) / len(cases), 4),
        "false_positive_rate": round(fp / (fp + tn), 4),
        "per_family_correct": {k: f"{c}/{n}" for k, (c, n) in sorted(families.items())},
    }
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("recall", "accuracy", "false_positive_rate")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
