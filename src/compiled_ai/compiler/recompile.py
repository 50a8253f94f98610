"""Rebuild an artifact from what it records about itself, and compare byte for byte.

An artifact holds everything its compilation consumed: the spec's source bytes
(``spec.yaml``, whose sha256 is the manifest's ``spec_sha256`` and seeds the
canaries), every model answer (``compile_log.jsonl``) and the compile settings
(``validation`` in the manifest; the token limit is in every logged request).
Replaying that log through today's compiler must give the same bytes; with a live
provider instead, it checks that the model still writes the same code.

``manifest.sig`` is not compared: a signature is added after compilation and a
rebuild is never signed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from compiled_ai.artifacts.canonical import sha256_bytes
from compiled_ai.artifacts.compile_log import CompileLog
from compiled_ai.artifacts.manifest import (
    COMPILE_LOG,
    MANIFEST,
    SIGNATURE_FILE,
    SPEC_SOURCE,
    Manifest,
)
from compiled_ai.artifacts.store import VerifiedArtifact, read_verified, write_artifact
from compiled_ai.compiler.compile import CompileOptions, compile_spec
from compiled_ai.compiler.demonstration import DEMONSTRATION
from compiled_ai.errors import ArtifactError, CompiledAIError, InputError
from compiled_ai.providers.base import Message, Provider
from compiled_ai.providers.replay import ReplayProvider
from compiled_ai.runtime.sandbox import SandboxLimits
from compiled_ai.spec.loader import parse_spec


class NotReproducible(CompiledAIError):  # noqa: N818 - reads as a verdict at the CLI
    """The rebuild differs from the artifact, or could not be completed; exit code 1."""

    exit_code = 1


@dataclass
class RecompileReport:
    original: Path
    rebuilt: Path
    original_sha256: str
    rebuilt_sha256: str
    differing: list[str] = field(default_factory=list)  # in both, different bytes
    missing: list[str] = field(default_factory=list)  # in the original only
    added: list[str] = field(default_factory=list)  # in the rebuild only

    @property
    def identical(self) -> bool:
        return not (self.differing or self.missing or self.added)

    def summary(self) -> str:
        parts = [f"{label}: {', '.join(names)}" for label, names in (
            ("differ", self.differing), ("missing from the rebuild", self.missing),
            ("only in the rebuild", self.added)) if names]
        return "; ".join(parts)


def recompile(artifact: Path, out: Path, provider: Provider | None = None,
              mypy_cache: Path | None = None,
              progress: Callable[[str], None] | None = None) -> RecompileReport:
    """Rebuild ``artifact`` into ``out`` (replaying its own log unless ``provider`` is given)."""
    if Path(out).resolve() == Path(artifact).resolve():
        raise InputError(f"{out}: the rebuild must go elsewhere than the artifact it checks")
    verified = read_verified(artifact)
    source = _spec_source(verified)
    spec = parse_spec(_decode(source, artifact), f"{artifact}/{SPEC_SOURCE}")
    log = CompileLog.from_bytes(verified.files[COMPILE_LOG], f"{artifact}/{COMPILE_LOG}")
    options = _options_from(verified.manifest, log, mypy_cache)
    try:
        compiled = compile_spec(spec, source, provider or ReplayProvider(log), options, progress)
    except CompiledAIError as exc:
        raise NotReproducible(f"{artifact}: the rebuild did not complete: {exc}") from None
    rebuilt_sha256 = write_artifact(out, compiled.files, compiled.manifest)
    return compare(artifact, out, verified.artifact_sha256, rebuilt_sha256)


def check(artifact: Path, provider: Provider | None = None, keep: Path | None = None,
          mypy_cache: Path | None = None,
          progress: Callable[[str], None] | None = None) -> RecompileReport:
    """Rebuild into ``keep`` (or a temporary directory) and raise unless byte-identical."""
    with tempfile.TemporaryDirectory(prefix="compiled-ai-recompile-") as scratch:
        target = keep or Path(scratch) / "rebuilt"
        report = recompile(artifact, target, provider, mypy_cache, progress)
    if not report.identical:
        raise NotReproducible(f"{artifact}: the rebuild is not byte-identical ("
                              f"{report.summary()})")
    return report


def compare(original: Path, rebuilt: Path, original_sha256: str,
            rebuilt_sha256: str) -> RecompileReport:
    mine, theirs = _tree(original), _tree(rebuilt)
    return RecompileReport(
        original=original, rebuilt=rebuilt, original_sha256=original_sha256,
        rebuilt_sha256=rebuilt_sha256,
        differing=sorted(n for n in mine.keys() & theirs.keys()
                         if sha256_bytes(mine[n]) != sha256_bytes(theirs[n])),
        missing=sorted(mine.keys() - theirs.keys()),
        added=sorted(theirs.keys() - mine.keys()))


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
            and p.relative_to(root).as_posix() != SIGNATURE_FILE}


def _spec_source(verified: VerifiedArtifact) -> bytes:
    source = verified.files.get(SPEC_SOURCE)
    if source is None:
        raise InputError(f"{verified.path}: has no {SPEC_SOURCE} (compiled before artifacts "
                         "kept the spec source); compile it again to make it recompilable")
    if sha256_bytes(source) != verified.manifest.spec_sha256:
        raise ArtifactError(f"{verified.path}: {SPEC_SOURCE} does not match the manifest's "
                            "spec_sha256")
    return source


def _decode(source: bytes, artifact: Path) -> str:
    try:
        return source.decode("utf-8")
    except UnicodeDecodeError:
        raise ArtifactError(f"{artifact}/{SPEC_SOURCE}: not UTF-8 text") from None


def _options_from(manifest: Manifest, log: CompileLog, mypy_cache: Path | None) -> CompileOptions:
    """The settings the original compile ran with, as far as the artifact records them."""
    settings = manifest.validation
    try:
        limits = SandboxLimits(**settings["sandbox"])
        max_attempts = int(settings["max_attempts"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ArtifactError(f"{MANIFEST}: validation settings unreadable ({exc})") from None
    defaults = CompileOptions()
    max_tokens = log.entries[0][0].max_tokens if log.entries else defaults.max_tokens
    return CompileOptions(max_attempts=max_attempts, max_tokens=max_tokens, limits=limits,
                          mypy_cache=mypy_cache, demonstration=_demonstration_from(log))


def _demonstration_from(log: CompileLog) -> tuple[Message, ...]:
    """The worked example the first request showed (the log keeps whole prompts); none
    for artifacts compiled before the compiler showed one."""
    if not log.entries:
        return DEMONSTRATION
    opening = log.entries[0][0].messages[1:-1]
    return tuple(opening) if [m.role for m in opening] == ["user", "assistant"] else ()
