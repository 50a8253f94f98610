"""Which finished items a resumed run must compile again after the benchmark code changed.

A compile is a pure function of its first request: the first attempt is answered greedily,
every retry is built from that answer and its findings, and sampled retries use a seed fixed
per attempt. So an item whose first compile request is byte-identical under the current code
would repeat its recorded compile exactly, and an item whose request differs might not. This
module rebuilds each recorded item's first request without calling a model (the paper
protocol's label is read back from the record) and compares its hash with the one the record's
artifact or failure report kept. ``--redo-changed`` compiles the differing items again.
What it cannot see is a change to how retries are asked or to the validation stages: those
act after the first request, so a run made before such a change must be redone whole.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from compiled_ai.artifacts.store import read_verified
from compiled_ai.benchmarks.bfcl.data import BfclItem
from compiled_ai.benchmarks.bfcl.labels import check_answer
from compiled_ai.benchmarks.bfcl.protocols import compile_options, failure_report, item_workflow
from compiled_ai.compiler import compile_spec
from compiled_ai.errors import CompiledAIError, SpecError
from compiled_ai.providers.base import Completion, CompletionRequest, ProviderIdentity

REFUSED = "refused by the input gate"


class _FirstRequest(Exception):
    def __init__(self, request: CompletionRequest) -> None:
        super().__init__("first compile request captured")
        self.request = request


class _Probe:
    """A provider that answers nothing: it stops the compile at its first request."""

    identity = ProviderIdentity(provider="probe", model="none")

    def complete(self, request: CompletionRequest) -> Completion:
        raise _FirstRequest(request)


def changed_items(items: list[BfclItem], records: list[dict[str, Any]], out: Path,
                  protocol: str, style: str) -> dict[str, str]:
    """Item id -> why its compile would differ now, for the records of ``out``'s run."""
    by_id = {item.id: item for item in items}
    changed = {}
    for record in records:
        item = by_id.get(record["id"])
        if item is None or record.get("error_type") == "label":  # labelling comes first
            continue
        recorded = recorded_first_request(record, out)
        now = current_first_request(item, record, protocol, style)
        if now is not None and now != recorded:
            changed[item.id] = f"first compile request {_short(recorded)} -> {_short(now)}"
    return changed


def recorded_first_request(record: dict[str, Any], out: Path) -> str | None:
    """The hash of the first request the recorded compile sent (REFUSED if none was sent)."""
    if record.get("error_type") == "input_gate":
        return REFUSED
    if record.get("compiled"):
        try:  # an artifact that fails its hash check is treated as unknown, so redone
            manifest = read_verified(out / "artifacts" / record["id"]).manifest
        except CompiledAIError:
            return None
        return manifest.steps[0].attempts[0].request_sha256
    try:
        attempts = json.loads(failure_report(out, record["id"]).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    first = attempts[0] if isinstance(attempts, list) and attempts else {}
    return first.get("request_sha256") if isinstance(first, dict) else None


def current_first_request(item: BfclItem, record: dict[str, Any], protocol: str,
                          style: str) -> str | None:
    """The hash of the first request the current code would send (None: cannot be rebuilt)."""
    arguments = None
    if protocol == "paper":
        arguments, _problem = check_answer(item, str(record.get("label_reply", "")), style)
        if arguments is None:
            return None
    flow = item_workflow(item, protocol, arguments)
    try:
        compile_spec(flow.spec, flow.spec_bytes, _Probe(), compile_options(flow, max_attempts=1))
    except SpecError:
        return REFUSED
    except _FirstRequest as stop:
        return stop.request.key()
    return None


def _short(digest: str | None) -> str:
    if digest is None:
        return "unknown"
    return digest if digest == REFUSED else digest.removeprefix("sha256:")[:12]
