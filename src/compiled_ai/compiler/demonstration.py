"""One worked request and answer, shown to the model before every compile request.

Small local models follow an example far better than rules: in smoke compiles of BFCL
steps (not a committed measurement; the 400-item ``blind`` run will be one), the
embedded 0.5B model asked without it wrote ``int(question)`` or regexes that crash when
nothing matches, and shown this pair first it wrote guarded ``re.search`` extraction
anchored on the words before each value, returning the result dict.
The pair follows the system prompt's rules, so it teaches the conventions the stages
check (allowed imports, the predefined result type, no exceptions on odd input).
"""

from __future__ import annotations

from compiled_ai.providers.base import Message

_REQUEST = """Task: Read a customer's message (the string `message`) and extract how many \
parcels to ship, the weight of each in kilograms and the destination city; use None for a \
value the message does not give.

Implement exactly this signature (the result type is already defined):
```python
class ShipParcelsResult(TypedDict):
    parcels: int | None
    weight: float | None
    city: str | None

def ship_parcels(message: str) -> ShipParcelsResult:
    ...
```

Parameters:
- message: {"type": "string"}

Result keys:
- parcels: {"type": ["integer", "null"]}
- weight: {"type": ["number", "null"]}
- city: {"type": ["string", "null"]}

Examples (each must hold):
ship_parcels(**{"message": "Ship 3 parcels to Lisbon, each with a weight of 2.5 kg."}) == \
{"city": "Lisbon", "parcels": 3, "weight": 2.5}"""

_ANSWER = '''```python
import re


def ship_parcels(message: str) -> ShipParcelsResult:
    parcels = re.search(r"(\\d+) parcels?", message)
    weight = re.search(r"weight of (\\d+(?:\\.\\d+)?)", message)
    city = re.search(r"\\bto ([A-Z][a-z]+)", message)
    return {
        "parcels": int(parcels.group(1)) if parcels else None,
        "weight": float(weight.group(1)) if weight else None,
        "city": city.group(1) if city else None,
    }
```'''

DEMONSTRATION: tuple[Message, Message] = (Message(role="user", content=_REQUEST),
                                          Message(role="assistant", content=_ANSWER))
