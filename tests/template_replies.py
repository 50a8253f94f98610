"""Model replies for the template example specs (examples/templates/), as a model would
write them: used by the *_scripted tests through ScriptedProvider."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "templates"
BATCH_SPEC = EXAMPLES / "batch_lines" / "spec.yaml"
VALIDATOR_SPEC = EXAMPLES / "normalise_phone" / "spec.yaml"
STREAM_SPEC = EXAMPLES / "running_balance" / "spec.yaml"

BATCH_CORRECT = '''\
```python
def price_line(sku: str, quantity: int, unit_price: float, discount: float) -> PriceLineResult:
    if quantity < 1:
        raise ValueError("quantity must be at least 1")
    amount = round(quantity * unit_price * (1 - discount), 2)
    return {"sku": sku.upper(), "amount": amount}
```
'''

# loops over the whole batch itself: the wrong signature for a batch template
BATCH_LOOPS = '''\
```python
def price_line(lines: list, discount: float) -> dict:
    return {"priced": [{"sku": l["sku"].upper(), "amount": l["quantity"] * l["unit_price"]}
                       for l in lines], "errors": []}
```
'''

# right signature, but forgets to reject bad lines: caught by the fixtures, through the template
BATCH_NO_CHECK = BATCH_CORRECT.replace(
    '    if quantity < 1:\n        raise ValueError("quantity must be at least 1")\n', "")

VALIDATOR_CORRECT = '''\
```python
def clean_phone(phone: str) -> CleanPhoneResult | str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) == 10:
        return {"phone_e164": "+1" + digits}
    if len(digits) == 11 and digits.startswith("1"):
        return {"phone_e164": "+" + digits}
    return "expected 10 digits, or 11 starting with 1"
```
'''

# accepts any 11 digits: wrong only on the holdout 'eleven_wrong_prefix'
VALIDATOR_LAX = VALIDATOR_CORRECT.replace(' and digits.startswith("1")', "")

STREAM_CORRECT = '''\
```python
def track_balance(state: TrackBalanceState, event: TrackBalanceEvent
                  ) -> tuple[TrackBalanceState, list[dict[str, Any]]]:
    sign = 1 if event["kind"] == "deposit" else -1
    balance = round(state["balance"] + sign * event["amount"], 2)
    emitted: list[dict[str, Any]] = []
    if sign < 0 and balance < 0:
        emitted.append({"id": event["id"], "balance": balance})
    return {"balance": balance, "count": state["count"] + 1}, emitted
```
'''

# ignores the event kind: every event is a deposit
STREAM_WRONG = STREAM_CORRECT.replace(
    'sign = 1 if event["kind"] == "deposit" else -1', "sign = 1")
