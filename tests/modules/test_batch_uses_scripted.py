"""`uses` on a wrapper template: a batch step whose per-record function queries SQLite.

The template calls the function once per record, each call with the same `modules`;
the recorded calls of one run are consumed across its records, in order.
"""

from __future__ import annotations

import sqlite3

from compiled_ai.runtime import open_workflow
from compiled_ai.runtime.modules.config import load_modules
from tests.modules.member_replies import fenced
from tests.scripted_artifact import compile_scripted

ITEMS = "{type: array, items: {type: object, required: [sku], properties: {sku: {type: string}}}}"
SPEC = f"""\
name: batch_prices
version: 1.0.0
input_schema: {{type: object, properties: {{lines: {ITEMS}}}}}
output_schema: {{type: object, properties: {{priced: {{type: array}}, errors: {{type: array}}}}}}
steps:
  - id: price_line
    template: batch_processor
    template_options: {{batch: lines, results: priced}}
    uses: [database.query]
    intent: Look up the line's price with modules.database.query("SELECT price FROM prices
      WHERE sku = ?", [sku]); return sku and the first row's price; raise ValueError when
      there is no row.
    inputs: {{lines: {ITEMS}}}
    outputs:
      priced: {{type: array, items: {{type: object, properties: {{sku: {{type: string}},
                price: {{type: number}}}}}}}}
      errors: {{type: array}}
fixtures:
  - name: two_lines
    input: {{lines: [{{sku: A}}, {{sku: B}}]}}
    expected: {{priced: [{{sku: A, price: 1.5}}, {{sku: B, price: 2.0}}], errors: []}}
    recorded:
      price_line:
        calls:
          - {{operation: database.query, args: {{params: [A]}},
              result: {{rows: [{{price: 1.5}}], count: 1}}}}
          - {{operation: database.query, args: {{params: [B]}},
              result: {{rows: [{{price: 2.0}}], count: 1}}}}
  - name: unknown_sku
    input: {{lines: [{{sku: Z}}]}}
    expected: {{priced: [], errors: [{{index: 0, error: "ValueError: unknown sku Z"}}]}}
    recorded:
      price_line: {{calls: [{{operation: database.query, result: {{rows: [], count: 0}}}}]}}
"""

REPLY = fenced('''
def price_line(sku: str, modules: StepModules) -> PriceLineResult:
    reply = modules.database.query("SELECT price FROM prices WHERE sku = ?", [sku])
    if not reply["rows"]:
        raise ValueError(f"unknown sku {sku}")
    return {"sku": sku, "price": float(reply["rows"][0]["price"])}
''')


def test_a_batch_step_queries_once_per_record_scripted(tmp_path):
    (tmp_path / "spec.yaml").write_text(SPEC)
    artifact = compile_scripted(tmp_path / "spec.yaml", [REPLY], tmp_path / "art")
    with sqlite3.connect(tmp_path / "prices.sqlite") as db:
        db.execute("CREATE TABLE prices (sku TEXT, price REAL)")
        db.executemany("INSERT INTO prices VALUES (?, ?)", [("A", 1.5), ("C", 4.25)])
    (tmp_path / "modules.yaml").write_text("database: {path: prices.sqlite}\n")
    registry = load_modules(tmp_path / "modules.yaml")
    result = open_workflow(artifact, modules=registry).run(
        {"lines": [{"sku": "C"}, {"sku": "Q"}, {"sku": "A"}]})
    assert result.output == {"priced": [{"sku": "C", "price": 4.25}, {"sku": "A", "price": 1.5}],
                             "errors": [{"index": 1, "error": "ValueError: unknown sku Q"}]}
    assert result.module_calls == {"price_line": {"database.query": 3}}
    registry.close()
