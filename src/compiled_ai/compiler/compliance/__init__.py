"""Compliance prompt blocks, one versioned Markdown file per tag, hashed into manifests."""

from __future__ import annotations

from importlib import resources

from compiled_ai.artifacts.canonical import sha256_bytes


def compliance_blocks(tags: list[str]) -> dict[str, tuple[str, str]]:
    """tag -> (text, sha256) for each tag, in the given order."""
    blocks = {}
    for tag in tags:
        raw = resources.files(__package__).joinpath(f"{tag}.md").read_bytes()
        blocks[tag] = (raw.decode("utf-8").strip(), sha256_bytes(raw))
    return blocks
