"""One model-written locator per field: the template's helpers, each field's compile
through the compiler, the combined locator the extractor takes, and the run with them
(scripted model replies: the helper call that a model reading the examples well would
write, found by trying the candidates the examples suggest)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compiled_ai.artifacts.canonical import canonical_json
from compiled_ai.benchmarks.docile import field_locators as fl
from compiled_ai.benchmarks.docile.compiled import compile_cluster, layout_table, run_extractor
from compiled_ai.benchmarks.docile.induce import expected_output
from compiled_ai.benchmarks.docile.locator import DEMO_LINES
from compiled_ai.benchmarks.docile.model_part import ModelPart
from compiled_ai.benchmarks.docile.run import run_docile
from compiled_ai.compiler import CompileOptions, compile_spec
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.spec.models import Spec
from tests.benchmarks.docile.clusters import members

HELPERS: dict[str, Any] = {}
exec("from typing import Any\n" + fl.HELPERS, HELPERS)  # noqa: S102 - the template's own code


def field_of(spec: Spec) -> str:
    return next(iter(spec.output_schema["properties"]))


def candidate_calls(spec: Spec) -> list[str]:
    """Helper calls the first annotated example suggests: its value after the run left of
    it, under the run above it, or at its place."""
    field = field_of(spec)
    first = next((f for f in spec.fixtures if f.expected[field]), None)
    if first is None:
        return ["None"]
    lines = first.input["lines"]
    row, column, _text = first.expected[field]
    label = lines[row][:column].rstrip(" :").split("   ")[-1].strip()
    calls = [f"right_of(lines, {label!r})"] if label else []
    for above in range(row - 1, max(row - 4, -1), -1):
        run = HELPERS["run_at"](lines[above], column)
        if run:
            calls += [f"below(lines, {run[1]!r}, count={count}, skip={skip})"
                      for count in (1, 2, 3) for skip in (0, 1)]
            break
    return calls + [f"place(lines, {row}, {column}, count={count})" for count in (1, 2, 3)]


def good_call(spec: Spec) -> str | None:
    field = field_of(spec)
    for call in candidate_calls(spec):
        if all(eval(call, HELPERS, {"lines": f.input["lines"]}) == f.expected[field]  # noqa: S307
               for f in spec.fixtures):
            return call
    return None


def reply(spec: Spec, call: str) -> str:
    function = spec.steps[0].id
    result = "".join(p.capitalize() for p in function.split("_")) + "Result"
    return (f"```python\ndef {function}(lines: list[str]) -> {result}:\n"
            f"    return {{{field_of(spec)!r}: {call}}}\n```")


@pytest.mark.parametrize("field", sorted(fl.DEMO_ANSWERS))
def test_each_worked_example_passes_the_four_stages_with_the_template_helpers_scripted(
        field: str) -> None:
    spec = fl.demonstration_spec(field)
    compiled = compile_spec(spec, canonical_json(spec.model_dump(mode="json")),
                            ScriptedProvider([fl.demo_answer(field)]),
                            CompileOptions(max_attempts=1, helpers=fl.HELPERS))
    assert compiled.manifest.steps[0].attempts[0].passed
    module = compiled.files[f"steps/locate_{field}.py"].decode()
    assert fl.HELPERS.strip() in module  # the template's helpers, in the verified module


def test_the_worked_examples_show_the_helpers_as_already_defined() -> None:
    messages = fl.demonstration()
    assert len(messages) == 2 * len(fl.DEMO_ANSWERS)
    for request in messages[::2]:
        assert "already defined: call them, do not define them again" in request.content
        assert "def right_of(lines: list[str], label: str" in request.content
        assert "\n".join(DEMO_LINES[0][:2]) not in request.content  # the lines as JSON
    for answer in messages[1::2]:
        assert "def below" not in answer.content  # the answers call the helpers only


def test_the_helpers_can_locate_most_fields_of_the_corpus(corpus: Path) -> None:
    """The helpers are the model's whole vocabulary: a field they cannot express cannot
    compile, whatever the model."""
    by_cluster, val = members(corpus)
    total = found = 0
    for cluster, docs in sorted(by_cluster.items()):
        held = [d for d in val if d.cluster_id == docs[0].cluster_id]
        for spec, _bytes in fl.cluster_field_specs(cluster, docs[:5], held, layout_table(docs)):
            total += 1
            found += good_call(spec) is not None
    assert total > 200 and found / total > 0.85


def test_one_field_per_compile_and_the_others_keep_their_induced_rule_scripted(
        corpus: Path, tmp_path: Path) -> None:
    by_cluster, val = members(corpus)
    cluster, docs = max(by_cluster.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    held = [d for d in val if d.cluster_id == docs[0].cluster_id]
    table = layout_table(docs)
    specs = fl.cluster_field_specs(cluster, docs[:5], held, table)
    calls = [good_call(spec) for spec, _b in specs]
    answered = [i for i, call in enumerate(calls) if call and call != "None"][:3]
    assert len(answered) == 3
    replies = [reply(spec, calls[i]) if i in answered[1:] else "```python\nnot python\n```"
               for i, (spec, _b) in enumerate(specs)]
    parts = fl.compile_field_locators(cluster, docs[:5], held, table,
                                      ScriptedProvider(replies), tmp_path, max_attempts=1)
    assert [p.kind for p in parts] == [f"field_{field_of(s)}" for s, _b in specs]
    assert [p.passed for p in parts] == [i in answered[1:] for i in range(len(specs))]
    failed = field_of(specs[answered[0]][0])
    assert (tmp_path / "failed" / f"layout_{cluster}_field_{failed}.json").is_file()

    combined, left_out = fl.combined_locator(cluster, parts)
    assert combined is not None and left_out == []
    assert combined.outputs == sorted(field_of(specs[i][0]) for i in answered[1:])
    extractor = compile_cluster(cluster, docs, held, locator=combined)
    assert extractor.passed and extractor.model_parts == [combined.function]
    assert '"kind": "located"' in extractor.source
    assert set(extractor.fields) > set(combined.outputs)  # the other fields: induced rules
    doc = (held or docs)[0]
    got = run_extractor(extractor, [doc])[doc.docid]
    want = expected_output(doc, extractor.fields)
    assert all(got[f] == want[f] for f in combined.outputs if f not in extractor.dropped)


def _part(function: str, body: str) -> ModelPart:
    source = ("from __future__ import annotations\n\nfrom typing import Any\n\n\n"
              f"{fl.HELPERS}\n{body}")
    return ModelPart(cluster=0, function=function, kind=f"field_{function}", source=source,
                     passed=True, outputs=[function])


def test_a_part_that_redefines_a_helper_or_another_parts_name_is_left_out() -> None:
    plain = _part("locate_a", 'import re\n\n\ndef locate_a(lines: list[str]) -> dict[str, Any]:\n'
                              '    return {"a": below(lines, "A")}\n')
    also_imports = _part("locate_d", 'import re\n\n\ndef locate_d(lines: list[str]) -> '
                                     'dict[str, Any]:\n    return {"d": None}\n')
    redefines = _part("locate_b", 'def below(lines: list[str], label: str) -> None:\n'
                                  '    return None\n\n\n'
                                  'def locate_b(lines: list[str]) -> dict[str, Any]:\n'
                                  '    return {"b": below(lines, "B")}\n')
    clashes = _part("locate_c", 'def locate_a(lines: list[str]) -> dict[str, Any]:\n'
                                '    return {}\n\n\n'
                                'def locate_c(lines: list[str]) -> dict[str, Any]:\n'
                                '    return {"c": locate_a(lines)}\n')
    combined, left_out = fl.combined_locator(0, [plain, redefines, clashes, also_imports])
    assert left_out == ["locate_b", "locate_c"]
    assert combined is not None and combined.outputs == ["locate_a", "locate_d"]
    assert "from __future__" not in combined.source
    namespace: dict[str, Any] = {}
    exec(combined.source, namespace)  # noqa: S102 - the parts' own (test) code
    lines = ["   A", "   42"]
    assert namespace[combined.function](lines) == {"a": [1, 3, "42"], "d": None}


def test_run_with_a_locator_per_field_scripted(small_corpus: Path, tmp_path: Path) -> None:
    by_cluster, val = members(small_corpus)
    replies = []
    fields = 0
    for cluster, docs in sorted(by_cluster.items()):
        held = [d for d in val if d.cluster_id == docs[0].cluster_id] or docs[5:]
        specs = fl.cluster_field_specs(cluster, docs[:5], held, layout_table(docs))
        fields += len(specs)
        for number, (spec, _b) in enumerate(specs):
            call = good_call(spec) if number < 2 and cluster != 0 else None
            replies.append(reply(spec, call) if call else "```python\nnot python\n```")
    result = run_docile(small_corpus, lambda _l, _t: (lambda: None),
                        compile_provider=ScriptedProvider(replies), artifacts=tmp_path,
                        compile_attempts=1, model_writes="each-field")
    model = result["compile_model"]
    assert model["model_writes"] == "each-field" and model["locators"] == fields
    assert model["clusters"]["0"]["fallback"] == "no locator compiled"
    assert model["used"] >= 1 and 1 <= model["locators_passed"] <= 2 * (len(by_cluster) - 1)
    assert set(result["methods"]) == {"rules", "compiled", "compiled_model",
                                      "model_written_only"}
    assert all(m["tokens"] == 0 for m in result["methods"].values())
