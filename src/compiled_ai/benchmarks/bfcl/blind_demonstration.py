"""The worked example the blind protocol's compiles see: one extractor for four wordings.

The compiler's general demonstration (``compiler.demonstration``) answers one example
with one regex per value, anchored on the exact words before it. The blind protocol's
requests come in four wordings (``requests._phrase``: "where the base is 44", "with base
of 44", "with base=44", "Base: 44."), and shown the general demonstration the 0.5B model
anchored its regexes on one of them, case-sensitively ("base: (\\d+)"), and failed the
other fixtures on every attempt. This example is the same parcels task, asked in those
wordings, answered by one small helper that accepts any of them, case-insensitively, with
a parameter named in words (``parcel_weight`` is "parcel weight"), so that the code it
teaches also reads a real question ("a base of 10"). It is about parcels, not about any
BFCL function: the scored question is still never shown.
"""

from __future__ import annotations

from typing import Any

from compiled_ai.compiler.prompt import worked_example
from compiled_ai.providers.base import Message
from compiled_ai.spec.models import Fixture, FunctionStep, Spec

STEP = "ship_parcels"
INTENT = ("Read a customer's message (the string `message`) and extract how many parcels to "
          "ship, the weight of each parcel in kilograms and the destination city; use None for a "
          "value the message does not give. Work for any message worded like the examples, "
          "not only for the examples themselves.")
_KINDS = {"parcels": "integer", "parcel_weight": "number", "city": "string"}
RESULT = {key: {"type": [kind, "null"]} for key, kind in _KINDS.items()}
SHOWN: tuple[tuple[str, dict[str, Any]], ...] = (
    ("Ship parcels to a city, where the parcels is 3; the parcel weight is 2.5; the city is "
     "Lisbon.", {"parcels": 3, "parcel_weight": 2.5, "city": "Lisbon"}),
    ("Ship parcels to a city with parcels of 7 and city of Porto.",
     {"parcels": 7, "parcel_weight": None, "city": "Porto"}),
    ("Ship parcels to a city. Parcels: 12. Parcel weight: 0.8. City: Faro.",
     {"parcels": 12, "parcel_weight": 0.8, "city": "Faro"}),
    ("Ship parcels to a city with parcels=5, parcel weight=1.2 and city=Braga.",
     {"parcels": 5, "parcel_weight": 1.2, "city": "Braga"}),
)
ANSWER = '''```python
import re


def find_value(message: str, name: str, value: str) -> str | None:
    """The value after `name is`, `name of`, `name:` or `name=`, in any letter case."""
    match = re.search(r"\\b" + name + r"\\s*(?:is|of|:|=)\\s*(" + value + ")", message,
                      re.IGNORECASE)
    return match.group(1) if match else None


def ship_parcels(message: str) -> ShipParcelsResult:
    parcels = find_value(message, "parcels", r"\\d+")
    parcel_weight = find_value(message, "parcel weight", r"\\d+(?:\\.\\d+)?")
    city = find_value(message, "city", r"[A-Za-z]+")
    return {
        "parcels": int(parcels) if parcels else None,
        "parcel_weight": float(parcel_weight) if parcel_weight else None,
        "city": city,
    }
```'''


def demonstration_spec(holdouts: tuple[tuple[str, dict[str, Any]], ...] = ()) -> Spec:
    """The example as a spec: its request is built from this, and tests compile it."""
    step = FunctionStep(id=STEP, intent=INTENT, inputs={"message": {"type": "string"}},
                        outputs=RESULT)
    fixtures = [Fixture(name=f"shown_{number}", input={"message": text}, expected=expected)
                for number, (text, expected) in enumerate(SHOWN, 1)]
    fixtures += [Fixture(name=f"holdout_{number}", input={"message": text},
                         expected=expected, holdout=True)
                 for number, (text, expected) in enumerate(holdouts, 1)]
    return Spec(name="blind_demonstration", version="1.0.0",
                description="the blind protocol's worked example",
                input_schema={"type": "object", "properties": {"message": {"type": "string"}},
                              "required": ["message"]},
                output_schema={"type": "object", "properties": RESULT},
                steps=[step], fixtures=fixtures)


def blind_demonstration() -> tuple[Message, Message]:
    """The request exactly as the compiler words one (no rules, no canary), and the answer."""
    return worked_example(demonstration_spec(), ANSWER)
