"""Run one protocol over the items, resumably, and write the summary.

``out/instances.jsonl`` gets one line per finished item, ``out/run.json`` says what
was run, ``out/artifacts/<id>/`` holds each compiled workflow, and for the baseline
``out/baseline_repeats.jsonl`` holds the K extra answers used for its entropy.
``out/summary.json`` is rewritten from the records at the end of every run. Resuming
with a larger ``max_attempts`` compiles the items that failed under the smaller budget
again (their old records move to ``out/superseded.jsonl``, their failed attempts' code
to ``out/failed/superseded/``). Resuming with ``redo_changed`` also compiles again the
items whose first compile request differs under the current code (``staleness``); their
artifacts move to ``out/artifacts/superseded/``. Items named in ``redo`` (with a reason,
say a validation rule they met changed) are set aside and compiled again the same way.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.benchmarks.bfcl.baseline import DecodeError
from compiled_ai.benchmarks.bfcl.data import BfclItem, package_version
from compiled_ai.benchmarks.bfcl.prompting import decode_reply, request_for
from compiled_ai.benchmarks.bfcl.protocols import (
    PROTOCOLS,
    BenchOptions,
    failure_report,
    run_baseline,
    run_compiled,
)
from compiled_ai.benchmarks.bfcl.records import RECORDS, RecordFile, open_records, read_records
from compiled_ai.benchmarks.bfcl.staleness import changed_items
from compiled_ai.benchmarks.bfcl.summary import summarise
from compiled_ai.benchmarks.bfcl.wording import question_wording
from compiled_ai.errors import ConfigurationError
from compiled_ai.providers.base import Provider

Tick = Callable[[str], None]
REPEATS = "baseline_repeats.jsonl"
SUMMARY = "summary.json"


def run_benchmark(items: list[BfclItem], protocol: str, provider: Provider, out: Path,
                  options: BenchOptions, *, resume: bool = False,
                  baseline_dir: Path | None = None, redo_changed: bool = False,
                  redo: dict[str, str] | None = None,
                  start: Callable[[int, int], Tick] | None = None,
                  status: Tick | None = None) -> dict[str, Any]:
    """``start(total, already_done)`` returns the callback advanced after each item;
    ``status`` hears what the compiler is doing (attempt, stage) within an item. ``redo``:
    finished items to compile again, each with the reason kept in its superseded record."""
    if protocol not in PROTOCOLS:
        raise ConfigurationError(f"unknown protocol {protocol!r}; choose one of "
                                 f"{', '.join(PROTOCOLS)}")
    identity = provider.identity
    run = {"protocol": protocol, "provider": identity.provider, "model": identity.model,
           "model_sha256": identity.model_sha256, "bfcl_eval": package_version(),
           "category": "simple_python", "items": len(items),
           "prompt_style": options.prompt_style,
           "options": {k: str(v) if isinstance(v, Path) else v
                       for k, v in vars(options).items()
                      if k not in ("mypy_cache", "prompt_style")}}
    records = open_records(out, run, resume)
    again = {item_id: f"compile failed within fewer attempts than {options.max_attempts}"
             for item_id in short_of_budget(records.records, options.max_attempts)}
    if redo_changed and protocol != "baseline":
        again.update(changed_items(items, records.records, out, protocol,
                                   options.prompt_style))
    unknown = sorted(set(redo or {}) - records.done)
    if unknown:
        raise ConfigurationError(f"--redo: not a finished item of this run: {', '.join(unknown)}")
    again.update(redo or {})
    records.supersede(again)
    _set_aside_outcomes(out, set(again))
    todo = [item for item in items if item.id not in records.done]
    repeats = min(options.baseline_repeat_sample, len(items)) if protocol == "baseline" else 0
    tick = (start or (lambda _total, _done: lambda _label: None))(
        len(items) + repeats, len(items) - len(todo))
    for item in todo:
        if protocol == "baseline":
            record = run_baseline(item, provider, options.prompt_style)
        else:
            sampled = sum(1 for r in records.records if "entropy" in r)
            record = run_compiled(item, protocol, provider, out / "artifacts", options,
                                  measure_entropy=sampled < options.entropy_sample,
                                  say=_prefixed(status, item.id))
        records.append(record)
        tick(item.id)
    if protocol == "baseline":
        _baseline_repeats(items, records, provider, out, options, tick)
    baseline = _baseline_records(out, protocol, records, baseline_dir)
    wording = {item.id: question_wording(item) for item in items}
    required = {item.id: item.required_parameters for item in items}
    summary = summarise(run, [r for r in records.records if r["id"] in wording], baseline,
                        _read_jsonl(out / REPEATS) if protocol == "baseline" else [], wording,
                        required)
    (out / SUMMARY).write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n",
                               encoding="utf-8")
    return summary


def short_of_budget(records: list[dict[str, Any]], max_attempts: int) -> set[str]:
    """Items whose compile failed within fewer attempts than ``max_attempts``: a resumed run
    with a larger budget compiles them again. Attempts are numbered and seeded the same under
    any budget, so the redone item repeats its earlier attempts and goes on where they
    stopped; items that compiled are unaffected by the budget and are kept."""
    return {r["id"] for r in records
            if r.get("error_type") == "compile" and r.get("attempts", 0) < max_attempts}


def _set_aside_outcomes(out: Path, ids: set[str]) -> None:
    """Move what an earlier compile of the items compiled again left (its failure report,
    its artifact) into a ``superseded/`` folder beside it, so ``failed/`` and
    ``artifacts/`` only describe the current records."""
    for item_id in sorted(ids):
        for earlier in (failure_report(out, item_id), out / "artifacts" / item_id):
            if not earlier.exists():
                continue
            aside = earlier.parent / "superseded" / earlier.name
            aside.parent.mkdir(parents=True, exist_ok=True)
            if aside.is_dir():
                shutil.rmtree(aside)
            earlier.replace(aside)


def _prefixed(status: Tick | None, item_id: str) -> Tick | None:
    if status is None:
        return None
    return lambda message: status(f"{item_id}: {message}")


def _baseline_repeats(items: list[BfclItem], records: RecordFile, provider: Provider,
                      out: Path, options: BenchOptions, tick: Tick) -> None:
    """K more answers to each of the first few questions: the baseline's entropy sample."""
    path = out / REPEATS
    done = {r["id"] for r in (read_records(path, repair=True) if path.exists() else [])}
    first = {r["id"]: r for r in records.records}
    for item in [i for i in items if i.id in first][:options.baseline_repeat_sample]:
        if item.id in done:
            tick(f"{item.id} (repeats done)")
            continue
        style = options.prompt_style
        answers = [_answer_key(first[item.id]["reply"], style)]
        for _ in range(options.baseline_repeats):
            answers.append(_answer_key(provider.complete(request_for(item, style)).text, style))
        with path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps({"id": item.id, "answers": answers}, sort_keys=True) + "\n")
        tick(f"{item.id} x{options.baseline_repeats}")


def _answer_key(reply: str, style: str) -> str:
    """What counts as "the same answer": the decoded calls, else the raw reply."""
    try:
        return canonical_json(decode_reply(reply, style)).decode("utf-8")
    except DecodeError:
        return reply


def _baseline_records(out: Path, protocol: str, records: RecordFile,
                      baseline_dir: Path | None) -> list[dict[str, Any]]:
    if protocol == "baseline":
        return records.records
    path = (baseline_dir or out.parent / "baseline") / RECORDS
    return read_records(path) if path.exists() else []


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return read_records(path) if path.exists() else []
