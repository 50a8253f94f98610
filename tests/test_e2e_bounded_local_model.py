"""A bounded step with the real embedded model: a chart note whose HbA1c is implausible
must end in the human-review queue, not in a decision.

The coverage rule is compiled from a scripted reply (the rule's compilation with the
real model is covered by test_e2e_local_model.py); the extraction at run time is the
real model. Marked ``llm``: one model load and one generation on the CPU.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiled_ai.artifacts.store import write_artifact
from compiled_ai.compiler import compile_spec
from compiled_ai.providers.registry import make_provider
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.runtime import open_workflow
from compiled_ai.runtime.bounded import ModelInvoker
from compiled_ai.runtime.executor import Workflow
from compiled_ai.runtime.review import ReviewQueue
from compiled_ai.settings import load_settings
from compiled_ai.spec import load_spec
from tests.prior_auth_replies import CORRECT

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "glp1_prior_auth"

pytestmark = [pytest.mark.llm, pytest.mark.timeout(600)]


def test_local_model_extraction_of_an_implausible_a1c_goes_to_review(tmp_path: Path) -> None:
    spec_path = EXAMPLE / "spec.yaml"
    compiled = compile_spec(load_spec(spec_path), spec_path.read_bytes(),
                            ScriptedProvider([CORRECT]))
    write_artifact(tmp_path / "glp1", compiled.files, compiled.manifest)
    queue = ReviewQueue(tmp_path / "review.sqlite")
    invoker = ModelInvoker(make_provider("local", load_settings()), queue)
    workflow = Workflow(open_workflow(tmp_path / "glp1").artifact, bounded=invoker)
    payload = json.loads((EXAMPLE / "cases" / "suspicious_a1c.json").read_text())

    result = workflow.run(payload, transaction="e2e-1")

    assert result.status == "review" and result.output == {}
    assert result.tokens > 0
    item = queue.get(result.review_id)
    assert "current_a1c is None or 3 <= current_a1c <= 20" in item.reason
    reply = json.loads(item.last_reply)
    assert reply["current_a1c"] == 81 and reply["has_t2d_diagnosis"] is True
