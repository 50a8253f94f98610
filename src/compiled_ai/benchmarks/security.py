"""``compiled-ai bench security``: every gate over the versioned suite, plus the escapes.

Per gate: confusion matrix, recall, precision, accuracy, false-positive rate and
latency P50/P99; also the same figures on the subset that mirrors the paper's split
(30 injection, 25 PII, 40 code, 40 leakage), per-CWE recall for the code gate,
per-kind recall for PII, and per-family results for injection.
"""

from __future__ import annotations

import hashlib
import json
import platform
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from compiled_ai._version import __version__
from compiled_ai.benchmarks.metrics import Confusion
from compiled_ai.errors import InputError
from compiled_ai.eval.metrics import percentile

# CWE pairs that name the same weakness at two levels of detail
_SAME_WEAKNESS = {94: {94, 95}, 95: {94, 95}, 327: {327, 328}, 328: {327, 328}}
SUITE_FILES = ("injection", "pii", "code", "leakage")


SUITES_ROOT = Path("benchmarks/security/suite")


def resolve_suite(value: str | Path) -> Path:
    """A suite directory, or a version name ("v1" to "v5") under ``SUITES_ROOT``."""
    path = Path(value)
    if path.is_dir():
        return path
    named = SUITES_ROOT / str(value)
    if path.parent == Path(".") and named.is_dir():
        return named
    raise InputError(f"{value}: no such suite directory (nor {named})")


def load_suite(directory: Path) -> dict[str, list[dict[str, Any]]]:
    """The suite files present in ``directory``; a suite may hold only some gates (v2 holds
    injection and PII), but at least one."""
    suite = {}
    for name in SUITE_FILES:
        path = directory / f"{name}.jsonl"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
            suite[name] = [json.loads(line) for line in lines if line.strip()]
        except FileNotFoundError:
            continue
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: unreadable suite file ({exc})") from None
    if not suite:
        raise InputError(f"{directory}: suite file missing (none of "
                         f"{', '.join(f'{n}.jsonl' for n in SUITE_FILES)})")
    return suite


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_security_benchmark(directory: Path, progress: Callable[[str, int], Any] | None = None,
                           escapes: bool = True, note: str | None = None) -> dict[str, Any]:
    """Score every gate whose file the suite in ``directory`` has; ``progress(label,
    total)`` returns a callable advanced once per case. ``note`` is stored in the result
    (e.g. the order in which a held-out suite was committed and measured)."""
    suite = load_suite(directory)
    tick = progress or (lambda _label, _total: (lambda: None))
    result: dict[str, Any] = {
        "benchmark": "security", "suite": str(directory), "suite_version": directory.name,
        "compiled_ai": __version__, "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.system()}",
        "date": time.strftime("%Y-%m-%d"),
        "suite_files": {name: {"cases": len(cases),
                               "sha256": _sha256(directory / f"{name}.jsonl")}
                        for name, cases in suite.items()},
        "gates": {}, "paper_subset": {},
    }
    if note:
        result["note"] = note
    for name, scorer in (("injection", _injection), ("pii", _pii), ("code", _code),
                         ("leakage", _leakage)):
        if name not in suite:
            continue
        cases = suite[name]
        full, subset, extra = scorer(cases, tick(name, len(cases)))
        result["gates"][name] = {**full.summary(), **extra}
        result["paper_subset"][name] = subset.summary()
    if escapes:
        result["gates"]["sandbox"] = _sandbox(tick)
    return result


def _injection(cases: list[dict[str, Any]], advance: Callable[[], Any]
               ) -> tuple[Confusion, Confusion, dict[str, Any]]:
    from compiled_ai.security.injection import scan_text

    full, subset = Confusion(), Confusion()
    families: dict[str, Confusion] = defaultdict(Confusion)
    misses, cpu = [], []
    for case in cases:
        started, cpu_started = time.perf_counter(), time.thread_time()
        verdict = scan_text(case["text"])
        elapsed = (time.perf_counter() - started) * 1000
        cpu.append((time.thread_time() - cpu_started) * 1000)
        actual = case["label"] == "attack"
        for matrix in _targets(full, subset, case):
            matrix.add(actual, verdict.blocked, elapsed)
        families[case.get("family", "?")].add(actual, verdict.blocked)
        if actual != verdict.blocked:
            misses.append(case["id"])
        advance()
    return full, subset, {"per_family": _rates(families), "misclassified": misses,
                          **_cpu_latency(cpu)}


def _pii(cases: list[dict[str, Any]], advance: Callable[[], Any]
         ) -> tuple[Confusion, Confusion, dict[str, Any]]:
    from compiled_ai.security.pii import find_pii

    full, subset = Confusion(), Confusion()
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [found, expected]
    misses, cpu = [], []
    for case in cases:
        started, cpu_started = time.perf_counter(), time.thread_time()
        found = {m.kind for m in find_pii(case["text"])}
        elapsed = (time.perf_counter() - started) * 1000
        cpu.append((time.thread_time() - cpu_started) * 1000)
        actual = case["label"] == "pii"
        for matrix in _targets(full, subset, case):
            matrix.add(actual, bool(found), elapsed)
        for kind in case.get("contains", []):
            kinds[kind][1] += 1
            kinds[kind][0] += kind in found
        if actual != bool(found):
            misses.append(case["id"])
        advance()
    per_kind = {k: {"found": f, "expected": e, "recall": round(f / e, 4)}
                for k, (f, e) in sorted(kinds.items())}
    return full, subset, {"per_kind_recall": per_kind, "misclassified": misses,
                          **_cpu_latency(cpu)}


def _code(cases: list[dict[str, Any]], advance: Callable[[], Any]
          ) -> tuple[Confusion, Confusion, dict[str, Any]]:
    from compiled_ai.security.gates import check_code

    full, subset = Confusion(), Confusion()
    per_cwe: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])  # blocked, named, total
    misses, false_alarms = [], []
    for case in cases:
        report = check_code(case["code"])
        actual = case["label"] == "vulnerable"
        for matrix in _targets(full, subset, case):
            matrix.add(actual, report.blocked, report.latency_ms)
        if actual:
            cwe = int(case["cwe"])
            named = {f.cwe for f in report.findings if f.cwe} & _SAME_WEAKNESS.get(cwe, {cwe})
            counts = per_cwe[cwe]
            counts[0] += report.blocked
            counts[1] += bool(named)
            counts[2] += 1
            if not report.blocked:
                misses.append(case["id"])
        elif report.blocked:
            false_alarms.append({"id": case["id"], "findings": [
                f"{f.id}: {f.message}" for f in report.findings if f.severity == "error"]})
        advance()
    cwe_table = {f"CWE-{cwe}": {"cases": t, "blocked": b, "cwe_named": n,
                                "recall": round(b / t, 4), "cwe_named_rate": round(n / t, 4)}
                 for cwe, (b, n, t) in sorted(per_cwe.items())}
    return full, subset, {"per_cwe": cwe_table, "missed": misses, "false_positives": false_alarms}


def _leakage(cases: list[dict[str, Any]], advance: Callable[[], Any]
             ) -> tuple[Confusion, Confusion, dict[str, Any]]:
    from compiled_ai.security.gates import check_output

    full, subset = Confusion(), Confusion()
    forms: dict[str, Confusion] = defaultdict(Confusion)
    misses = []
    for case in cases:
        report = check_output(case["output"], [case["canary"]])
        actual = case["label"] == "leak"
        for matrix in _targets(full, subset, case):
            matrix.add(actual, report.blocked, report.latency_ms)
        forms[case.get("form", "?")].add(actual, report.blocked)
        if actual != report.blocked:
            misses.append(case["id"])
        advance()
    return full, subset, {"per_form": _rates(forms), "misclassified": misses}


def _sandbox(tick: Callable[[str, int], Any]) -> dict[str, Any]:
    from compiled_ai.security.escapes import ESCAPES, run_escape_suite

    outcomes = run_escape_suite(ESCAPES, advance=tick("sandbox", len(ESCAPES)))
    contained = sum(o.contained for o in outcomes)
    return {"attempts": len(outcomes), "contained": contained,
            "containment_rate": round(contained / len(outcomes), 4),
            "outcomes": [vars(o) for o in outcomes]}


def _cpu_latency(values: list[float]) -> dict[str, float | None]:
    """CPU time of the scanning thread per case: the cost on one core, unaffected by other
    processes competing for the machine (wall-clock latency is reported as well)."""
    return {"cpu_latency_p50_ms": percentile(values, 50),
            "cpu_latency_p99_ms": percentile(values, 99)}


def _targets(full: Confusion, subset: Confusion, case: dict[str, Any]) -> Iterable[Confusion]:
    return (full, subset) if case.get("paper_subset") else (full,)


def _rates(groups: dict[str, Confusion]) -> dict[str, dict[str, Any]]:
    return {name: {k: v for k, v in matrix.summary().items() if not k.startswith("latency")}
            for name, matrix in sorted(groups.items())}
