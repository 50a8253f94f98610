"""Write an artifact directory atomically, and read one back only after verifying it.

Reading returns the verified bytes themselves, so the runtime executes exactly what
was hashed (no window between checking a file and loading it). Given trusted keys,
reading also requires a valid signature over the very manifest bytes it read.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from pydantic import ValidationError

from compiled_ai.artifacts.canonical import sha256_bytes
from compiled_ai.artifacts.manifest import (
    ARTIFACT_FORMAT,
    COMPILE_LOG,
    MANIFEST,
    SIGNATURE_FILE,
    SPEC_FILE,
    Manifest,
)
from compiled_ai.errors import ArtifactError

if TYPE_CHECKING:
    from compiled_ai.artifacts.signing import TrustedKey


@dataclass(frozen=True)
class VerifiedArtifact:
    path: Path
    manifest: Manifest
    artifact_sha256: str  # sha256 of manifest.json
    files: dict[str, bytes]  # relative path -> verified content
    signed_by: str | None = None  # key id of the trusted key whose signature was checked

    def json_file(self, name: str) -> dict:  # type: ignore[type-arg]
        return json.loads(self.files[name])


def write_artifact(target: Path, files: dict[str, bytes], manifest: Manifest,
                   signature: bytes | None = None) -> str:
    """Write files + manifest.json (+ manifest.sig) to ``target``; return the artifact's sha256.

    ``signature`` must be :func:`signing.signature_for` of ``manifest.to_bytes()``.
    """
    target = Path(target)
    if target.exists() and not (target / MANIFEST).is_file() and any(target.iterdir()):
        raise ArtifactError(f"{target}: exists and is not an artifact; refusing to overwrite")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; an artifact is meant to be shared
    try:
        for relative, content in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        manifest_bytes = manifest.to_bytes()
        (staging / MANIFEST).write_bytes(manifest_bytes)
        if signature is not None:
            (staging / SIGNATURE_FILE).write_bytes(signature)
        if target.exists():
            retired = target.with_name(f".{target.name}-old-{os.getpid()}")
            os.replace(target, retired)
            os.replace(staging, target)
            shutil.rmtree(retired)
        else:
            os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return sha256_bytes(manifest_bytes)


def read_verified(path: str | Path,
                  trusted_keys: Sequence[TrustedKey] = ()) -> VerifiedArtifact:
    """Load an artifact, refusing it unless every listed file matches its hash.

    With ``trusted_keys``, also refuse it unless manifest.sig is a valid signature of
    the manifest bytes by one of them. Without, manifest.sig is not looked at: it is
    the one file that may sit beside the manifest unlisted.
    """
    root = Path(path)
    try:
        manifest_bytes = (root / MANIFEST).read_bytes()
    except FileNotFoundError:
        raise ArtifactError(f"{root}: not an artifact (no {MANIFEST})") from None
    except OSError as exc:
        raise ArtifactError(f"{root}: cannot read {MANIFEST} ({exc.strerror})") from None
    try:
        data = json.loads(manifest_bytes)
        if not isinstance(data, dict) or data.get("format") != ARTIFACT_FORMAT:
            raise ValueError("not a compiled-ai manifest")
        manifest = Manifest.model_validate(data)
    except (ValueError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        raise ArtifactError(f"{root / MANIFEST}: invalid manifest ({first})") from None
    signed_by = None
    if trusted_keys:  # before anything else is trusted: a bad signature says "tampered"
        from compiled_ai.artifacts.signing import verify_signature

        signed_by = verify_signature(root, manifest_bytes, list(trusted_keys)).key_id
    needed = {SPEC_FILE, COMPILE_LOG, *(step.file for step in manifest.steps)}
    unlisted = sorted(needed - set(manifest.files))
    if unlisted:
        raise ArtifactError(f"{root}: the manifest does not hash {', '.join(unlisted)}; "
                            "refusing to use this artifact")
    files: dict[str, bytes] = {}
    for relative, expected in sorted(manifest.files.items()):
        pure = PurePosixPath(relative)
        if pure.is_absolute() or ".." in pure.parts:
            raise ArtifactError(f"{root}: manifest lists an unsafe path {relative!r}")
        try:
            content = (root / pure).read_bytes()
        except OSError:
            raise ArtifactError(f"{root}: {relative} is missing; the artifact was altered") \
                from None
        actual = sha256_bytes(content)
        if actual != expected:
            raise ArtifactError(
                f"{root}: {relative} has been modified (sha256 {actual[7:19]}... does not "
                f"match the manifest's {expected[7:19]}...); refusing to use this artifact")
        files[relative] = content
    extra = sorted(str(p.relative_to(root)) for p in root.rglob("*")
                   if p.is_file() and str(p.relative_to(root)) not in manifest.files
                   and str(p.relative_to(root)) not in (MANIFEST, SIGNATURE_FILE)
                   and "__pycache__" not in p.parts)
    if extra:
        raise ArtifactError(f"{root}: files not listed in the manifest: {', '.join(extra[:5])}")
    return VerifiedArtifact(path=root, manifest=manifest,
                            artifact_sha256=sha256_bytes(manifest_bytes), files=files,
                            signed_by=signed_by)
