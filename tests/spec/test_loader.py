"""Spec loading: the example loads; every malformed spec gives one located SpecError.

Each bad spec is the example spec with one targeted edit, so the expected line
number is computed from the edited text rather than hard-coded.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from compiled_ai.errors import SpecError
from compiled_ai.spec import Spec, load_spec, parse_spec

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "prior_auth" / "spec.yaml"
BASE = EXAMPLE.read_text(encoding="utf-8")


def edit(old: str, new: str, text: str = BASE) -> str:
    assert text.count(old) == 1, f"edit anchor not unique/not found: {old!r}"
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """1-based line number of the only line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) == 1, f"{needle!r} found on lines {hits}"
    return hits[0]


def load_error(tmp_path: Path, text: str, name: str = "bad.yaml") -> tuple[str, Path]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_spec(path)
    return str(info.value), path


def located(message: str, path: Path) -> int:
    """Assert the message starts with ``<path>:<line>:`` and return the line."""
    match = re.match(rf"^{re.escape(str(path))}:(\d+): ", message)
    assert match, f"message does not start with '{path}:LINE: ': {message!r}"
    return int(match.group(1))


# --- the valid example -------------------------------------------------------------------------

def test_example_spec_loads():
    spec = load_spec(EXAMPLE)
    assert isinstance(spec, Spec)
    assert spec.name == "glp1_prior_auth"
    assert spec.version == "1.0.0"
    assert spec.compliance == ["hipaa"]
    assert [s.id for s in spec.steps] == ["decide"]
    assert spec.steps[0].template == "sync_handler"
    assert len(spec.fixtures) == 14
    holdouts = {f.name for f in spec.fixtures if f.holdout}
    assert holdouts == {"a1c_at_upper_bound_is_plausible", "a1c_at_lower_bound_is_plausible",
                        "lean_without_diagnosis_denied", "nothing_known_but_diagnosis_flag"}
    assert len(spec.visible_fixtures()) == 10
    assert all(not f.holdout for f in spec.visible_fixtures())


def test_load_spec_accepts_str_path_and_parse_spec_agrees():
    assert load_spec(str(EXAMPLE)) == parse_spec(BASE, "x.yaml")


# --- located errors ----------------------------------------------------------------------------

def test_yaml_syntax_error_names_file_and_line(tmp_path):
    text = edit("  - id: decide\n", "  - id: decide: oops\n")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "id: decide: oops")
    assert "invalid YAML" in message
    assert "\n" not in message


def test_yaml_tab_indentation_is_located(tmp_path):
    text = edit("  - id: decide\n", "\t- id: decide\n")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "\t- id: decide")
    assert "invalid YAML" in message


def test_unknown_optional_key_typo_is_named_with_its_line(tmp_path):
    text = edit("description: >", "descripton: >")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "descripton:")
    assert "descripton" in message
    assert "unknown key" in message


def test_unknown_key_inside_a_step_is_named_with_its_line(tmp_path):
    text = edit("    kind: function\n", "    kind: function\n    intnet: a typo of intent\n")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "intnet:")
    assert "steps[0].intnet" in message
    assert "unknown key" in message


def test_typo_of_required_key_names_the_typo(tmp_path):
    text = edit("steps:\n", "stpes:\n")
    message, path = load_error(tmp_path, text)
    line = located(message, path)
    assert "stpes" in message
    assert "unknown key" in message
    # at the key or at the first line of its value, not at the top of the file
    assert line in {line_of(text, "stpes:"), line_of(text, "stpes:") + 1}


def test_typo_of_required_key_points_at_the_key_line(tmp_path):
    text = edit("steps:\n", "stpes:\n")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "stpes:")


def test_wrong_type_scalar_is_located(tmp_path):
    text = edit("version: 1.0.0", "version: [1, 2]")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "version: [1, 2]")
    assert "version" in message
    assert "valid string" in message


def test_wrong_type_in_a_fixture_is_located(tmp_path):
    text = edit("  - name: lean_without_diagnosis_denied\n    holdout: true\n",
                "  - name: lean_without_diagnosis_denied\n    holdout: sometimes\n")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "holdout: sometimes")
    assert "fixtures[12].holdout" in message
    assert "boolean" in message


def test_wrong_type_mapping_field_is_located(tmp_path):
    text = edit("compliance: [hipaa]\n", "compliance: [hipaa]\ntolerances: [1, 2]\n")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "tolerances: [1, 2]")
    assert ": tolerances: " in message
    assert "dictionary" in message


def test_bad_version_pattern_is_located(tmp_path):
    text = edit("version: 1.0.0", "version: one")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "version: one")
    assert "version" in message


def test_invalid_step_id_is_located(tmp_path):
    text = edit("  - id: decide", "  - id: Decide-Step")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "id: Decide-Step")
    assert "steps[0].id" in message
    assert "lower-case identifier" in message


def test_invalid_json_schema_in_step_is_rejected_with_field(tmp_path):
    text = edit('      bmi: {type: [number, "null"]}\n', "      bmi: {type: numbr}\n")
    message, path = load_error(tmp_path, text)
    line = located(message, path)
    # somewhere inside the step's inputs block
    assert line_of(text, "    inputs:") <= line <= line_of(text, "bmi: {type: numbr}")
    assert "steps[0].inputs" in message
    assert "not a valid JSON Schema" in message
    assert "numbr" in message


def test_invalid_json_schema_in_step_points_at_offending_field(tmp_path):
    text = edit('      bmi: {type: [number, "null"]}\n', "      bmi: {type: numbr}\n")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "bmi: {type: numbr}")
    assert "steps[0].inputs.bmi" in message


def test_invalid_json_schema_in_step_outputs(tmp_path):
    text = edit("      decision: {type: string, enum: [approve, deny, review]}\n      reason_code",
                "      decision: {type: string, enum: 7}\n      reason_code")
    message, path = load_error(tmp_path, text)
    located(message, path)
    assert "steps[0].outputs" in message
    assert "not a valid JSON Schema" in message


def test_input_schema_must_be_object_schema(tmp_path):
    text = edit("input_schema:\n  type: object\n", "input_schema:\n  type: array\n")
    message, path = load_error(tmp_path, text)
    located(message, path)
    assert "input_schema" in message
    assert "type 'object'" in message


def test_no_fixtures_is_located(tmp_path):
    text = BASE.split("\nfixtures:", 1)[0] + "\nfixtures: []\n"
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "fixtures: []")
    assert "fixtures" in message
    assert "at least 1" in message


def test_all_fixtures_holdout_is_rejected(tmp_path):
    text = BASE.replace("    input: {has_t2d", "    holdout: true\n    input: {has_t2d")
    message, path = load_error(tmp_path, text)
    located(message, path)
    assert "holdout" in message


def test_all_fixtures_holdout_names_fixtures_and_its_line(tmp_path):
    text = BASE.replace("    input: {has_t2d", "    holdout: true\n    input: {has_t2d")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "fixtures:")
    assert re.search(r":\d+: fixtures\b", message)


def test_fixture_input_breaking_input_schema_names_fixture_and_line(tmp_path):
    old = "input: {has_t2d_diagnosis: true, current_a1c: 8.1"
    text = edit(old, 'input: {has_t2d_diagnosis: "yes", current_a1c: 8.1')
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, 'has_t2d_diagnosis: "yes"')
    assert "'t2d_approved'" in message
    assert "fixtures[0].input.has_t2d_diagnosis" in message
    assert "input schema" in message


def test_fixture_input_with_unknown_field_breaks_schema(tmp_path):
    # additionalProperties: false in the input schema
    old = "input: {has_t2d_diagnosis: false, current_a1c: 5.6, bmi: 34.2"
    text = edit(old, "input: {has_t2d_diagnosis: false, weight: 99, current_a1c: 5.6, bmi: 34.2")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "weight: 99")
    assert "'obesity_after_failed_step_therapy'" in message


def test_fixture_expected_breaking_output_schema_names_fixture(tmp_path):
    old = "expected: {decision: approve, reason_code: T2D_DIAGNOSIS}\n  - name: t2d_approved_"
    text = edit(old, "expected: {decision: maybe, reason_code: T2D_DIAGNOSIS}\n"
                     "  - name: t2d_approved_")
    message, path = load_error(tmp_path, text)
    assert located(message, path) == line_of(text, "decision: maybe")
    assert "'t2d_approved'" in message
    assert "output schema" in message


def test_step_reading_unprovided_field_is_rejected(tmp_path):
    anchor = '      has_step_therapy_failure: {type: [boolean, "null"]}\n    outputs:'
    text = edit(anchor, '      has_step_therapy_failure: {type: [boolean, "null"]}\n'
                        "      weight_kg: {type: number}\n    outputs:")
    message, path = load_error(tmp_path, text)
    located(message, path)
    assert "weight_kg" in message
    assert "'decide'" in message


def test_step_reading_unprovided_field_points_at_the_step_inputs(tmp_path):
    anchor = '      has_step_therapy_failure: {type: [boolean, "null"]}\n    outputs:'
    text = edit(anchor, '      has_step_therapy_failure: {type: [boolean, "null"]}\n'
                        "      weight_kg: {type: number}\n    outputs:")
    message, path = load_error(tmp_path, text)
    assert located(message, path) in {line_of(text, "weight_kg:"), line_of(text, "    inputs:")}
    assert "steps[0].inputs" in message


def test_duplicate_fixture_names_rejected(tmp_path):
    text = edit("  - name: t2d_approved_without_bmi", "  - name: t2d_approved")
    message, _ = load_error(tmp_path, text)
    assert "used twice" in message and "fixtures[1].name" in message


def test_top_level_list_is_rejected(tmp_path):
    message, path = load_error(tmp_path, "- a\n- b\n")
    assert located(message, path) == 1
    assert "mapping" in message


def test_non_utf8_file_names_file_and_byte(tmp_path):
    raw = BASE.replace("Decide a", "D\xe9cide a").encode("latin-1")
    path = tmp_path / "latin1.yaml"
    path.write_bytes(raw)
    with pytest.raises(SpecError) as info:
        load_spec(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert "UTF-8" in message
    offset = raw.index("\xe9".encode("latin-1"))
    assert f"byte {offset}" in message


def test_missing_file_names_file(tmp_path):
    path = tmp_path / "nope" / "spec.yaml"
    with pytest.raises(SpecError) as info:
        load_spec(path)
    assert str(info.value) == f"{path}: no such file"


def test_every_error_is_a_single_line(tmp_path):
    texts = [edit("version: 1.0.0", "version: [1, 2]"), edit("  - id: decide", "  - id: X"),
             "- a\n", edit("  - id: decide\n", "  - id: decide: oops\n")]
    for n, text in enumerate(texts):
        message, _ = load_error(tmp_path, text, f"bad{n}.yaml")
        assert "\n" not in message, message


# --- JSON Schema export ------------------------------------------------------------------------

def test_json_schema_export_contains_top_level_keys():
    schema = Spec.model_json_schema()
    json.dumps(schema)  # serialisable
    props = schema["properties"]
    for key in ("name", "version", "description", "compliance", "input_schema",
                "output_schema", "steps", "fixtures", "tolerances"):
        assert key in props, key
    assert set(schema["required"]) == {"name", "version", "input_schema", "output_schema",
                                       "steps", "fixtures"}
    assert schema.get("additionalProperties") is False
    defs = schema["$defs"]
    assert {"FunctionStep", "Fixture", "Tolerance"} <= set(defs)
    assert {"id", "intent", "inputs", "outputs"} <= set(defs["FunctionStep"]["properties"])
