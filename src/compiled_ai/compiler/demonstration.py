"""One worked request and answer, shown to the model before every compile request.

Small local models follow an example far better than rules: asked without it, the
embedded 0.5B model answered BFCL extraction steps with ``int(question)`` or with
regexes that crash when nothing matches; shown this pair first, it wrote guarded
``re.search`` extraction returning the result dict (``benchmarks/bfcl/demonstration.md``).
The pair follows the system prompt's rules, so it teaches the conventions the stages
check (allowed imports, the predefined result type, no exceptions on odd input).
"""

from __future__ import annotations

from compiled_ai.providers.base import Message

_REQUEST = """Task: Read a customer's message (the string `message`) and extract the order \
number and the number of items to return; use None for a value the message does not give.

Implement exactly this signature (the result type is already defined):
```python
class ReturnRequestResult(TypedDict):
    order_id: str | None
    quantity: int | None

def return_request(message: str) -> ReturnRequestResult:
    ...
```

Parameters:
- message: {"type": "string"}

Result keys:
- order_id: {"type": ["string", "null"]}
- quantity: {"type": ["integer", "null"]}

Examples (each must hold):
return_request(**{"message": "Please take back 3 mugs from order A-1042."}) == \
{"order_id": "A-1042", "quantity": 3}"""

_ANSWER = '''```python
import re


def return_request(message: str) -> ReturnRequestResult:
    order = re.search(r"\\b([A-Z]-\\d+)\\b", message)
    count = re.search(r"\\b(\\d+)\\s+(?:items?|mugs?|units?|pieces?)\\b", message)
    return {
        "order_id": order.group(1) if order else None,
        "quantity": int(count.group(1)) if count else None,
    }
```'''

DEMONSTRATION: tuple[Message, Message] = (Message(role="user", content=_REQUEST),
                                          Message(role="assistant", content=_ANSWER))
