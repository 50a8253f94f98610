"""``compiled-ai keys generate`` and ``compiled-ai sign``: Ed25519 keys and signatures.

Verification is not here: ``run --trust-key`` and ``verify --trust-key`` do it
through the runtime-safe ``artifacts.signing``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click
from rich.markup import escape

from compiled_ai.artifacts.canonical import sha256_bytes
from compiled_ai.artifacts.manifest import MANIFEST, SIGNATURE_FILE
from compiled_ai.artifacts.signing import generate_keys, key_id_of, load_private_key, signature_for
from compiled_ai.artifacts.store import read_verified
from compiled_ai.cli.output import console
from compiled_ai.errors import ArtifactError


@click.group("keys")
def keys_group() -> None:
    """Manage Ed25519 signing keys."""


@keys_group.command("generate")
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Directory for signing_key.pem (mode 0600) and signing_key.pub.pem.")
def generate_command(out_dir: Path) -> None:
    """Create a new key pair; never overwrites an existing key."""
    private_path, public_path = generate_keys(out_dir)
    console.print(f"[green]created[/] {escape(str(private_path))} (private, keep it secret)")
    console.print(f"        {escape(str(public_path))} (public: give it to runtimes as "
                  "--trust-key)")
    console.print(f"  key id {key_id_of(load_private_key(private_path).public_key())}")


@click.command("sign")
@click.argument("artifact", type=click.Path(path_type=Path))
@click.option("--key", "key_path", required=True, type=click.Path(path_type=Path),
              metavar="PRIVATE.pem", help="Ed25519 private key (from `keys generate`).")
def sign_command(artifact: Path, key_path: Path) -> None:
    """Sign an existing ARTIFACT (replacing any earlier signature); it must verify first."""
    key = load_private_key(key_path)
    verified = read_verified(artifact)  # never vouch for a tampered artifact
    manifest_bytes = (artifact / MANIFEST).read_bytes()
    if sha256_bytes(manifest_bytes) != verified.artifact_sha256:
        raise ArtifactError(f"{artifact}: manifest.json changed while signing; try again")
    signature = signature_for(manifest_bytes, key)
    fd, tmp = tempfile.mkstemp(dir=artifact, prefix=".manifest.sig-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(signature)
        os.chmod(tmp, 0o644)
        os.replace(tmp, artifact / SIGNATURE_FILE)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    console.print(f"[green]signed[/] {escape(str(artifact))}")
    console.print(f"  artifact {verified.artifact_sha256}")
    console.print(f"  key id   {key_id_of(key.public_key())}")
