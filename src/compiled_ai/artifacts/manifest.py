"""The artifact manifest: what was compiled, from what, by which model, and how it was validated.

An artifact is a directory::

    manifest.json        this model, as sorted, indented JSON
    spec.json            the validated spec (canonical JSON): schemas, steps, fixtures
    spec.yaml            the source bytes ``spec_sha256`` refers to (for recompile --check)
    steps/<id>.py        one module per compiled step
    compile_log.jsonl    every model request and response (see compile_log.py)
    manifest.sig         optional detached Ed25519 signature of manifest.json (signing.py)

``files`` maps every other file's relative path to its sha256. The artifact's own
identity is the sha256 of manifest.json's bytes. Nothing time-dependent is recorded,
so a replayed compilation reproduces the directory byte for byte.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer

ARTIFACT_FORMAT = "compiled-ai/artifact"
ARTIFACT_VERSION = 1
MANIFEST = "manifest.json"
SPEC_FILE = "spec.json"
SPEC_SOURCE = "spec.yaml"  # the spec's source bytes, exactly as compiled
COMPILE_LOG = "compile_log.jsonl"
SIGNATURE_FILE = "manifest.sig"  # not listed in ``files``: it signs the manifest itself


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TokenUsage(_Model):
    input_tokens: int
    output_tokens: int
    calls: int


class Attempt(_Model):
    number: int
    request_sha256: str
    response_sha256: str
    code_sha256: str
    input_tokens: int
    output_tokens: int
    passed: bool
    stages: list[dict[str, Any]]  # StageResult dumps, in order, up to the first failure


class StepRecord(_Model):
    id: str
    kind: str
    template: str
    file: str
    function: str
    code_sha256: str
    attempts: list[Attempt]
    first_pass: dict[str, bool | None]  # stage -> passed on attempt 1 (None: not reached)
    fixtures: int
    holdout_fixtures: int
    uses: list[str] = []  # module operations the step's code is given (spec 'uses')

    @model_serializer(mode="wrap")
    def _omit_empty_uses(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """A step without modules dumps as before ``uses`` existed (manifests unchanged)."""
        data: dict[str, Any] = handler(self)
        if not self.uses:
            data.pop("uses", None)
        return data


class Manifest(_Model):
    format: str = ARTIFACT_FORMAT
    format_version: int = ARTIFACT_VERSION
    compiler_version: str
    workflow: dict[str, str]  # name, version
    spec_sha256: str  # of the source YAML bytes
    provider: dict[str, str | None]  # provider, model, model_sha256
    compliance: dict[str, str]  # tag -> sha256 of the prompt block
    steps: list[StepRecord]
    tokens: TokenUsage
    validation: dict[str, Any]  # stage settings: determinism seeds, sandbox limits
    input_gate: list[dict[str, Any]] = []  # warnings about the spec (no values, only paths)
    files: dict[str, str]  # relative path -> sha256

    def to_bytes(self) -> bytes:
        return (json.dumps(self.model_dump(mode="json"), indent=2, sort_keys=True,
                           ensure_ascii=False) + "\n").encode("utf-8")
