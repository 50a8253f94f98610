"""The executor's view of a bounded step: an object that turns arguments into an outcome.

The executor knows only this protocol; the implementation (model call, input gate,
validation, retries, fallback, review queue) lives beside it and receives its
provider from the caller, so the runtime never imports a concrete provider.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from compiled_ai.spec.models import BoundedStep

BoundedStatus = Literal["ok", "fallback", "review", "reviewed"]


@dataclass(frozen=True)
class BoundedOutcome:
    """What one bounded invocation produced.

    ``status`` is 'ok' when a model reply passed validation, 'fallback' when the
    step's deterministic fallback was used, 'review' when the transaction was parked
    in the review queue (``output`` is then empty and ``review_id`` names the item),
    'reviewed' when a reviewer had already resolved that item for these exact inputs
    (``output`` is the reviewer's; no model call).
    """

    status: BoundedStatus
    output: dict[str, Any]
    input_tokens: int
    output_tokens: int
    attempts: int
    review_id: int | None = None
    reason: str | None = None


class BoundedInvoker(Protocol):
    def invoke(self, step: BoundedStep, arguments: dict[str, Any], *,
               workflow: str, transaction: str) -> BoundedOutcome: ...
