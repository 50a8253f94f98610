"""Ed25519 signatures over an artifact's manifest: who vouches for this artifact.

The manifest already hashes every other file, so signing its exact bytes signs the
whole artifact. The signature is detached, in ``manifest.sig`` beside the manifest
(it cannot be listed in the manifest it signs), so signing never changes the
manifest and the artifact's identity (the sha256 of manifest.json) stays the same
whether or not it is signed. ``manifest.sig`` is canonical JSON::

    {"algorithm": "ed25519", "format": "compiled-ai/signature", "version": 1,
     "key_id": "sha256:<hex of the 32-byte raw public key>",
     "manifest_sha256": "sha256:...", "signature": "<base64 of 64 bytes>"}

The signed message is manifest.json's bytes, nothing else, so anyone can check a
signature with any Ed25519 tool. ``manifest_sha256`` is informative; only the
signature is trusted. Keys are PEM files: PKCS#8 for the private key (written with
mode 0600), SubjectPublicKeyInfo for the public key.

This module is runtime-safe: it imports neither the compiler nor any provider.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from compiled_ai.artifacts.canonical import canonical_json, sha256_bytes
from compiled_ai.artifacts.manifest import SIGNATURE_FILE
from compiled_ai.errors import ArtifactError, ConfigurationError

SIGNATURE_FORMAT = "compiled-ai/signature"
SIGNATURE_VERSION = 1
PRIVATE_KEY_FILE = "signing_key.pem"
PUBLIC_KEY_FILE = "signing_key.pub.pem"
MAX_SIGNATURE_BYTES = 64 * 1024
MAX_KEY_BYTES = 64 * 1024


@dataclass(frozen=True)
class TrustedKey:
    """A public key the runtime accepts signatures from, with where it came from."""

    key_id: str
    key: Ed25519PublicKey
    source: str


def key_id_of(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return sha256_bytes(raw)


def generate_keys(directory: Path) -> tuple[Path, Path]:
    """Write a new key pair into ``directory``; refuse to overwrite either file."""
    directory = Path(directory)
    private_path, public_path = directory / PRIVATE_KEY_FILE, directory / PUBLIC_KEY_FILE
    existing = [str(p) for p in (private_path, public_path) if p.exists()]
    if existing:
        raise ConfigurationError(f"{existing[0]} already exists; refusing to overwrite a key")
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(serialization.Encoding.PEM,
                                        serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
    public_pem = private.public_key().public_bytes(serialization.Encoding.PEM,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        _write_new(private_path, private_pem, 0o600)
        _write_new(public_path, public_pem, 0o644)
    except OSError as exc:
        raise ConfigurationError(f"{directory}: cannot write keys ({exc.strerror})") from None
    return private_path, public_path


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Create ``path`` with ``mode`` from the start (never briefly world-readable)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(path, mode)  # the umask may have narrowed it further; state it exactly


def load_private_key(path: Path) -> Ed25519PrivateKey:
    data = _read_key_file(path)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise ConfigurationError(f"{path}: not an unencrypted PEM private key "
                                 f"({str(exc).splitlines()[0] if str(exc) else 'unreadable'})"
                                 ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigurationError(f"{path}: not an Ed25519 key (compiled-ai signs with Ed25519)")
    return key


def load_public_key(path: Path) -> TrustedKey:
    data = _read_key_file(path)
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        raise ConfigurationError(f"{path}: not a PEM public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise ConfigurationError(f"{path}: not an Ed25519 public key")
    return TrustedKey(key_id=key_id_of(key), key=key, source=str(path))


def _read_key_file(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_KEY_BYTES + 1)
    except OSError as exc:
        raise ConfigurationError(f"{path}: cannot read key ({exc.strerror})") from None
    if len(data) > MAX_KEY_BYTES:
        raise ConfigurationError(f"{path}: too large to be a key file")
    return data


def signature_for(manifest_bytes: bytes, private: Ed25519PrivateKey) -> bytes:
    """The bytes of ``manifest.sig`` for this manifest (see the module docstring)."""
    return canonical_json({
        "algorithm": "ed25519",
        "format": SIGNATURE_FORMAT,
        "version": SIGNATURE_VERSION,
        "key_id": key_id_of(private.public_key()),
        "manifest_sha256": sha256_bytes(manifest_bytes),
        "signature": base64.b64encode(private.sign(manifest_bytes)).decode("ascii"),
    }) + b"\n"


def read_signature(root: Path) -> dict[str, str] | None:
    """The parsed ``manifest.sig`` of the artifact at ``root``; None when it is unsigned."""
    path = Path(root) / SIGNATURE_FILE
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_SIGNATURE_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ArtifactError(f"{path}: cannot read the signature ({exc.strerror})") from None
    try:
        if len(raw) > MAX_SIGNATURE_BYTES:
            raise ValueError("too large")
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("format") != SIGNATURE_FORMAT:
            raise ValueError("not a compiled-ai signature")
        if data.get("version") != SIGNATURE_VERSION or data.get("algorithm") != "ed25519":
            raise ValueError("unsupported signature version or algorithm")
        if not all(isinstance(data.get(k), str) for k in ("key_id", "signature")):
            raise ValueError("key_id or signature missing")
    except (ValueError, UnicodeDecodeError) as exc:
        raise ArtifactError(f"{path}: malformed signature file ({exc}); refusing to use "
                            "this artifact") from None
    return data


def verify_signature(root: Path, manifest_bytes: bytes, trusted: list[TrustedKey]) -> TrustedKey:
    """Require a valid signature over ``manifest_bytes`` by one of ``trusted``.

    Raises ArtifactError (exit code 3) for a missing, malformed, untrusted or wrong
    signature; returns the key that signed.
    """
    if not trusted:
        raise ValueError("verify_signature needs at least one trusted key")
    data = read_signature(root)
    if data is None:
        raise ArtifactError(f"{root}: artifact is not signed ({SIGNATURE_FILE} is missing) "
                            "and a trusted key is required; refusing to use it")
    signer = next((k for k in trusted if k.key_id == data["key_id"]), None)
    if signer is None:
        raise ArtifactError(f"{root}: signed by key {data['key_id'][:23]}..., which is not "
                            "among the trusted keys; refusing to use this artifact")
    try:
        signature = base64.b64decode(data["signature"], validate=True)
        signer.key.verify(signature, manifest_bytes)
    except (InvalidSignature, binascii.Error, ValueError):
        raise ArtifactError(f"{root}: the signature does not match manifest.json (the manifest "
                            "was modified or the signature forged); refusing to use this "
                            "artifact") from None
    return signer
