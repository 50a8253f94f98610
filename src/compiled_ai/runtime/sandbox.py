"""Run a step function on inputs in a separate, locked-down Python process.

The child (``_sandbox_child.py``) runs with ``python -S -B``, an empty environment
except ``PYTHONHASHSEED``, a fresh temporary working directory, rlimits on CPU,
address space, file size (0: no writes), open files and processes, a network
namespace of its own where the kernel allows it, restricted builtins and a PEP 578
audit hook that refuses file, socket, subprocess and unlisted import events. The
parent kills the whole process group at the wall-clock timeout.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compiled_ai.security.allowlist import ALLOWED_BUILTINS, ALLOWED_IMPORTS

CHILD = Path(__file__).with_name("_sandbox_child.py")
MAX_OUTPUT_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class SandboxLimits:
    cpu_seconds: int = 5
    wall_seconds: float = 20.0
    memory_bytes: int = 512 * 1024 * 1024
    open_files: int = 16
    processes: int = 0
    recursion: int = 1000


@dataclass
class CaseResult:
    ok: bool
    outputs: list[str] = field(default_factory=list)  # canonical JSON, one per repeat
    error: str | None = None

    @property
    def value(self) -> Any:
        return json.loads(self.outputs[0]) if self.ok and self.outputs else None


@dataclass(frozen=True)
class ModuleReplay:
    """What stands in for a step's modules in the sandbox: recorded replies."""

    bindings: dict[str, dict[str, list[str]]]  # operation -> parameters, required
    calls: list[list[dict[str, Any]]]  # per case, the recorded calls in order


@dataclass
class SandboxRun:
    cases: list[CaseResult]
    network_isolated: bool
    failure: str | None = None  # the process itself failed (timeout, killed, garbage)


def run_in_sandbox(source: str, function: str, cases: list[dict[str, Any]], *,
                   hash_seed: int = 0, repeat: int = 1,
                   limits: SandboxLimits | None = None, template: str | None = None,
                   options: dict[str, Any] | None = None,
                   modules: ModuleReplay | None = None) -> SandboxRun:
    """Each case is the step's inputs; ``template`` (an id like ``batch_processor@1``)
    and its normalised ``options`` make the child call the function through that
    template's runner, as the runtime does; without them it is called directly.
    ``modules``: for a step that uses modules, the interface's operations and, per
    case, the recorded calls that answer them (the child holds no real module)."""
    if modules is not None and len(modules.calls) != len(cases):
        raise ValueError("one list of recorded module calls per case")
    limits = limits or SandboxLimits()
    nonce = secrets.token_hex(16)
    job = {
        "nonce": nonce, "source": source, "function": function, "cases": cases, "repeat": repeat,
        "template": template, "options": options or {},
        "modules": None if modules is None else {"bindings": modules.bindings,
                                                 "calls": modules.calls},
        "allowed_imports": sorted(ALLOWED_IMPORTS), "allowed_builtins": sorted(ALLOWED_BUILTINS),
        "limits": {"cpu_seconds": limits.cpu_seconds, "memory_bytes": limits.memory_bytes,
                   "open_files": limits.open_files, "processes": limits.processes,
                   "recursion": limits.recursion},
    }
    env = {"PYTHONHASHSEED": str(hash_seed), "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    with tempfile.TemporaryDirectory(prefix="compiled-ai-sandbox-") as workdir:
        process = subprocess.Popen(
            [sys.executable, "-S", "-B", str(CHILD)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=workdir, env=env,
            start_new_session=True)
        try:
            stdout, stderr, problem = _exchange(process, json.dumps(job).encode(), limits)
        finally:
            _kill_group(process)
    if problem is not None:
        return _failed(cases, problem)
    if process.returncode != 0:
        return _failed(cases, _describe_exit(process.returncode, stderr))
    try:
        report = json.loads(stdout)
        if report.get("nonce") != nonce:
            return _failed(cases, "sandbox report is not authentic (nonce mismatch)")
        results = [CaseResult(ok=r["ok"], outputs=r.get("outputs", []), error=r.get("error"))
                   for r in report["results"]]
    except (ValueError, KeyError, TypeError):
        return _failed(cases, "sandbox returned unreadable output")
    if len(results) == 1 and len(cases) != 1 and not results[0].ok:  # module failed to load
        results = results * len(cases)
    return SandboxRun(cases=results, network_isolated=bool(report.get("network_isolated")))


def _exchange(process: subprocess.Popen[bytes], payload: bytes,
              limits: SandboxLimits) -> tuple[bytes, bytes, str | None]:
    """Send the job, collect at most MAX_OUTPUT_BYTES of report; (stdout, stderr, problem).

    Reading happens in threads so that a child flooding its pipes can neither block
    us nor fill our memory; the wall-clock limit covers the whole exchange.
    """
    chunks: dict[str, list[bytes]] = {"out": [], "err": []}
    overflow = threading.Event()

    def pump(stream: Any, key: str, cap: int) -> None:
        size = 0
        while block := stream.read(65536):
            size += len(block)
            if size > cap:
                overflow.set()
                _kill_group(process)
                return
            chunks[key].append(block)

    readers = [threading.Thread(target=pump, args=(process.stdout, "out", MAX_OUTPUT_BYTES)),
               threading.Thread(target=pump, args=(process.stderr, "err", 65536))]
    for reader in readers:
        reader.daemon = True
        reader.start()
    try:
        assert process.stdin is not None
        process.stdin.write(payload)
        process.stdin.close()
    except BrokenPipeError:
        pass  # the child died early; its exit status says why
    try:
        process.wait(timeout=limits.wall_seconds)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        return b"", b"", f"timed out after {limits.wall_seconds:g} s wall-clock"
    for reader in readers:
        reader.join(timeout=5)
    if overflow.is_set():
        return b"", b"", f"output larger than {MAX_OUTPUT_BYTES} bytes"
    return b"".join(chunks["out"]), b"".join(chunks["err"]), None


def _failed(cases: list[dict[str, Any]], reason: str) -> SandboxRun:
    return SandboxRun(cases=[CaseResult(ok=False, error=reason) for _ in cases],
                      network_isolated=False, failure=reason)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def _describe_exit(code: int, stderr: bytes) -> str:
    if code < 0:
        name = signal.Signals(-code).name
        if -code == signal.SIGXCPU:
            return f"killed by {name}: CPU time limit exceeded"
        return f"killed by {name}"
    last = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
    return f"exited with status {code}: {last[0][:300]}"
