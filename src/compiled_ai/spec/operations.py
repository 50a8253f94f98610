"""The module operations a compiled step may be given (``uses:``), described once.

A function or rule step that declares ``uses: [database.query]`` receives an object
``modules`` whose only methods are those operations. This catalogue says what each
operation takes and returns: the spec checks ``uses`` and the fixtures' recorded
replies against it, the compiler turns it into a typed stub (a ``Protocol`` that mypy
checks the generated code against) and into the prompt's description, and the runtime
binds positional arguments by the parameter names listed here. The operations
themselves are the run's configured modules (``runtime/modules``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

OPERATION_PATTERN = r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$"


@dataclass(frozen=True)
class Parameter:
    name: str
    annotation: str  # as the stub writes it
    default: str | None = None  # Python source of the default; None: required


@dataclass(frozen=True)
class Operation:
    name: str  # module.operation
    parameters: tuple[Parameter, ...]
    result: dict[str, tuple[str, dict[str, Any]]]  # field -> (annotation, JSON Schema)
    summary: str  # what it does, for the prompt
    example: str = ""  # one call, as generated code would write it

    @property
    def module(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def method(self) -> str:
        return self.name.split(".", 1)[1]

    def result_schema(self) -> dict[str, Any]:
        """What a recorded reply must look like."""
        return {"type": "object", "properties": {k: s for k, (_a, s) in self.result.items()},
                "required": list(self.result), "additionalProperties": False}

    def call_text(self) -> str:
        """``modules.database.query(sql: str, params: ... = None)``."""
        listed = ", ".join(p.name + ": " + p.annotation
                           + ("" if p.default is None else f" = {p.default}")
                           for p in self.parameters)
        return f"modules.{self.module}.{self.method}({listed})"

    def binding(self) -> dict[str, list[str]]:
        """Parameter names in order and the required ones: what the runtime binds by."""
        return {"parameters": [p.name for p in self.parameters],
                "required": [p.name for p in self.parameters if p.default is None]}


_PARAMS = Parameter("params", "list[Any] | dict[str, Any] | None", "None")
Result = dict[str, tuple[str, dict[str, Any]]]  # field -> (annotation, JSON Schema)
_ROWS: Result = {"rows": ("list[dict[str, Any]]", {"type": "array", "items": {"type": "object"}}),
                 "count": ("int", {"type": "integer", "minimum": 0})}
_HTTP: Result = {"status": ("int", {"type": "integer"}), "body": ("Any", {})}

OPERATIONS: dict[str, Operation] = {op.name: op for op in (
    Operation("database.query", (Parameter("sql", "str"), _PARAMS), _ROWS,
              "run ONE read-only SELECT; put every value in params as a ? placeholder, "
              "never inside the SQL text (no quotes, no ';'); returns the rows as dicts "
              "keyed by column name, and their count",
              'reply = modules.database.query("SELECT name FROM people WHERE id = ?", '
              '[person_id])\nrows = reply["rows"]  # [] when nothing matched'),
    Operation("database.execute", (Parameter("sql", "str"), _PARAMS),
              {"rowcount": ("int", {"type": "integer"})},
              "run ONE INSERT, UPDATE or DELETE with ? parameters (only on a database the "
              "run configures as writable); returns how many rows changed",
              'changed = modules.database.execute("UPDATE people SET seen = ? WHERE id = ?", '
              '[1, person_id])["rowcount"]'),
    Operation("http.get_json", (Parameter("url", "str"),
                                Parameter("params", "dict[str, Any] | None", "None")), _HTTP,
              "GET a URL on the run's allow-listed hosts; returns the HTTP status and the "
              "parsed JSON body",
              'reply = modules.http.get_json("https://api.example.org/people", {"id": person_id})'
              '\nif reply["status"] == 200: body = reply["body"]'),
    Operation("http.post_json", (Parameter("url", "str"), Parameter("body", "Any", "None")),
              _HTTP, "POST body as JSON to a URL on the run's allow-listed hosts; returns the "
              "HTTP status and the parsed JSON body",
              'reply = modules.http.post_json("https://api.example.org/events", '
              '{"id": person_id})'),
    Operation("notify.send", (Parameter("channel", "str"), Parameter("subject", "str"),
                              Parameter("body", "Any", "None")),
              {"notification_id": ("str", {"type": "string"})},
              "send one notification; returns its id",
              'sent = modules.notify.send("claims", "claim received", {"id": claim_id})'),
)}


def operation(name: str) -> Operation:
    """The catalogue entry for ``name``; a ValueError naming the known ones otherwise."""
    try:
        return OPERATIONS[name]
    except KeyError:
        raise ValueError(f"unknown module operation {name!r} (known: "
                         f"{', '.join(sorted(OPERATIONS))})") from None


def bindings(uses: list[str] | tuple[str, ...]) -> dict[str, dict[str, list[str]]]:
    """``{operation: {parameters, required}}`` for an interface exposing ``uses``."""
    return {name: operation(name).binding() for name in uses}
