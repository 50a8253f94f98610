"""The price table: dated list prices per model, shipped as data and overridable.

Costs in a result are only as good as the prices behind them, so the table carries
its own date and every result records which table (and date) priced it. The local
model has no API price ($0); what its CPU costs is infrastructure, not inference.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from compiled_ai._io import read_limited
from compiled_ai.errors import ConfigurationError

MAX_PRICE_FILE_BYTES = 1024 * 1024
SHIPPED = "shipped:compiled_ai/eval/data/prices.json"


class ModelPrice(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    input: float = Field(ge=0, description="USD per million input tokens")
    output: float = Field(ge=0, description="USD per million output tokens")
    note: str = ""

    def cost(self, input_tokens: float, output_tokens: float) -> float:
        return (input_tokens * self.input + output_tokens * self.output) / 1_000_000


class PriceTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    as_of: str
    currency: str = "USD"
    unit: str = "per million tokens"
    note: str = ""
    models: dict[str, ModelPrice]
    source: str = SHIPPED

    def price_for(self, model: str) -> ModelPrice | None:
        """Exact name first, then a GGUF file name such as ``qwen2.5-coder-0.5b.gguf``."""
        if model in self.models:
            return self.models[model]
        stem = model.removesuffix(".gguf").lower()
        return self.models.get(stem)


def load_prices(path: str | Path | None = None) -> PriceTable:
    """The shipped table, or the one in ``path`` (same JSON shape)."""
    if path is None:
        raw = resources.files("compiled_ai.eval").joinpath("data/prices.json").read_bytes()
        source = SHIPPED
    else:
        raw = read_limited(path, MAX_PRICE_FILE_BYTES, ConfigurationError)
        source = str(path)
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        return PriceTable.model_validate({**data, "source": source})
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "top level"
        raise ConfigurationError(f"{source}: not a valid price table ({where}: "
                                 f"{problem['msg']})") from None
    except ValueError as exc:
        first = str(exc).splitlines()[0]
        raise ConfigurationError(f"{source}: not a valid price table ({first})") from None
