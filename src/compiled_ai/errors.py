"""Every error compiled-ai raises on purpose, and the exit code the CLI gives it.

    CompiledAIError                 base; ``exit_code`` 1
    ├── SpecError                   malformed spec file (YAML, keys, schemas, fixtures); 2
    ├── InputError                  run-time input that is unreadable or breaks the schema; 2
    ├── ConfigurationError          missing model, unknown provider, bad setting; 2
    ├── ProviderError               a model call failed or a replay log has no answer; 1
    ├── CompilationFailed           every regeneration attempt failed validation; 4
    ├── ArtifactError               an artifact is missing, malformed or tampered with; 3
    ├── AuditError                  the audit log is unreadable or its chain is broken; 3
    └── StepExecutionError          a compiled step raised or returned bad output; 1

The CLI prints ``str(error)`` on one line and exits with ``exit_code``; no traceback.
One more exit status is not an error: ``run`` exits 5 when a bounded step parked the
transaction in the human-review queue (``compiled-ai review``).
"""

from __future__ import annotations


class CompiledAIError(Exception):
    exit_code = 1


class SpecError(CompiledAIError):
    exit_code = 2


class InputError(CompiledAIError):
    exit_code = 2


class ConfigurationError(CompiledAIError):
    exit_code = 2


class ProviderError(CompiledAIError):
    exit_code = 1


class CompilationFailed(CompiledAIError):
    exit_code = 4

    def __init__(self, message: str, report: list[dict[str, object]] | None = None) -> None:
        super().__init__(message)
        self.report = report or []  # one dict per attempt: code, stages, findings


class ArtifactError(CompiledAIError):
    exit_code = 3


class AuditError(CompiledAIError):
    exit_code = 3


class StepExecutionError(CompiledAIError):
    exit_code = 1
