"""Hash-chained SQLite audit log: append a record per run, verify the chain."""

from compiled_ai.runtime.audit.log import AuditLog, AuditRecord, VerifyReport

__all__ = ["AuditLog", "AuditRecord", "VerifyReport"]
