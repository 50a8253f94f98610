"""The claims-adjudication example end to end, compiled with scripted replies.

Parallel checks, a foreach over claim lines and a final rule: the compiled artifact
must reproduce every fixture (holdouts included) and the sample cases through the
CLI, and a replayed compile must be byte-identical.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiled_ai.artifacts.store import write_artifact
from compiled_ai.cli.main import cli
from compiled_ai.compiler import compile_spec
from compiled_ai.compiler.validate.accuracy import values_match
from compiled_ai.providers.replay import ReplayProvider
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.runtime import open_workflow
from compiled_ai.spec import load_spec
from compiled_ai.spec.models import Tolerance
from tests.claims_replies import CASES, REPLIES, SPEC_PATH

SPEC = load_spec(SPEC_PATH)


@pytest.fixture(scope="module")
def artifact(tmp_path_factory) -> Path:
    compiled = compile_spec(SPEC, SPEC_PATH.read_bytes(), ScriptedProvider(REPLIES))
    target = tmp_path_factory.mktemp("claims") / "claims"
    write_artifact(target, compiled.files, compiled.manifest)
    return target


def test_claims_scripted_compiles_every_step_with_per_element_cases(artifact):
    manifest = json.loads((artifact / "manifest.json").read_text())
    steps = {s["id"]: s for s in manifest["steps"]}
    assert list(steps) == ["check_eligibility", "check_duplicate", "check_coverage",
                           "price_line", "apply_coinsurance", "decide"]
    assert steps["check_eligibility"]["kind"] == "rule"
    assert steps["price_line"]["fixtures"] == 16  # one case per claim line
    assert all(s["attempts"][-1]["passed"] for s in steps.values())


def test_claims_scripted_artifact_reproduces_every_fixture(artifact):
    workflow = open_workflow(artifact, parallelism=3)
    tolerance = Tolerance(abs=0.005)
    for fixture in SPEC.fixtures:
        output = workflow.run(fixture.input).output
        assert values_match(output, fixture.expected, tolerance), fixture.name


def test_claims_scripted_cli_runs_the_sample_cases(artifact, tmp_path):
    runner = CliRunner()
    decisions = []
    for case in sorted(CASES.glob("*.json")):
        done = runner.invoke(cli, ["run", str(artifact), "-i", str(case), "--audit-db",
                                   str(tmp_path / "audit.sqlite")])
        assert done.exit_code == 0, done.output
        decisions.append(json.loads(done.stdout)["decision"])
    assert decisions == ["pay", "pay", "pay", "pend"]
    verified = runner.invoke(cli, ["audit", "verify", "--db", str(tmp_path / "audit.sqlite")])
    assert verified.exit_code == 0, verified.output


def test_claims_scripted_replay_is_byte_identical(artifact, tmp_path):
    compiled = compile_spec(SPEC, SPEC_PATH.read_bytes(), ReplayProvider.from_path(artifact))
    again = tmp_path / "again"
    write_artifact(again, compiled.files, compiled.manifest)
    for path in sorted(p for p in artifact.rglob("*") if p.is_file()):
        assert (again / path.relative_to(artifact)).read_bytes() == path.read_bytes(), path
