"""Model providers behind one small protocol; concrete ones are built by :func:`make_provider`.

The runtime never imports this package's concrete providers.
"""

from compiled_ai.providers.base import (
    Completion,
    CompletionRequest,
    Message,
    Provider,
    ProviderIdentity,
    Usage,
)

__all__ = ["Completion", "CompletionRequest", "Message", "Provider", "ProviderIdentity", "Usage"]
