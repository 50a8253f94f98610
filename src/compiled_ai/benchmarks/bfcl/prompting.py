"""Which prompt the model answers a BFCL question with, and how its reply is read.

``tools``    the model's own tool-use format (``tools_prompt``): the default, since it is
             the stronger baseline for the local model and a fair comparison needs the
             strongest baseline.
``classic``  BFCL's default plain-text prompt for prompting models (``baseline``).
The same style serves the runtime baseline and the paper protocol's labelling call.
"""

from __future__ import annotations

from typing import Any

from compiled_ai.benchmarks.bfcl import baseline, tools_prompt
from compiled_ai.benchmarks.bfcl.data import BfclItem
from compiled_ai.errors import ConfigurationError
from compiled_ai.providers.base import CompletionRequest

PROMPT_STYLES = ("tools", "classic")
DEFAULT_STYLE = "tools"


def request_for(item: BfclItem, style: str) -> CompletionRequest:
    if style == "tools":
        return tools_prompt.request_for(item)
    if style == "classic":
        return baseline.request_for(item)
    raise ConfigurationError(f"unknown prompt style {style!r}; choose one of "
                             f"{', '.join(PROMPT_STYLES)}")


def decode_reply(reply: str, style: str) -> list[dict[str, Any]]:
    """The reply as checker-form calls; raises ``baseline.DecodeError`` when unreadable."""
    if style == "tools":
        return tools_prompt.decode_tool_calls(reply)
    return baseline.decode_calls(reply)
