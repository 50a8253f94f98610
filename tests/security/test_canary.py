"""Output gate: canaries are deterministic, found in disguise, and block at compile time."""

from __future__ import annotations

import base64

import pytest

from compiled_ai.artifacts.canonical import sha256_bytes
from compiled_ai.compiler import CompileOptions, compile_spec
from compiled_ai.compiler.validate.security import check_security
from compiled_ai.errors import CompilationFailed
from compiled_ai.providers.scripted import ScriptedProvider
from compiled_ai.security.canary import canary_for, find_canary
from compiled_ai.spec import load_spec
from tests.prior_auth_replies import BODY, CORRECT, SPEC_PATH

CANARY = canary_for("sha256:example", "decide")


def test_canary_is_deterministic_and_context_specific():
    assert canary_for("sha256:example", "decide") == CANARY
    assert canary_for("sha256:example", "other") != CANARY
    assert CANARY.startswith("cai-canary-") and len(CANARY) == len("cai-canary-") + 16


@pytest.mark.parametrize(("text", "form"), [
    (f"# build {CANARY}", "verbatim"),
    (CANARY.upper(), "verbatim"),
    (" ".join(CANARY), "verbatim"),
    (f'x = "{CANARY[:9]}" + "{CANARY[9:]}"', "verbatim"),
    (CANARY[::-1], "reversed"),
    (base64.b64encode(CANARY.encode()).decode(), "base64"),
    (CANARY.encode().hex(), "hex"),
    ("".join(f"%{b:02X}" for b in CANARY.encode()), "url"),
], ids=["comment", "upper", "spaced", "split", "reversed", "base64", "hex", "url"])
def test_canary_found_in_disguise(text, form):
    assert find_canary(text, [CANARY]) == (CANARY, form)


@pytest.mark.parametrize("text", [
    "cai-canary-0123456789abcdef",  # same shape, another id
    CANARY[:-3],                     # a prefix is not the marker
    "the canary in the coal mine",
    "return {'decision': 'approve'}",
], ids=["other-id", "prefix", "word", "clean-code"])
def test_clean_text_is_not_a_leak(text):
    assert find_canary(text, [CANARY]) is None


def test_stage_one_blocks_code_that_echoes_the_canary():
    source = f'"""{CANARY}"""\n\ndef f(x: int) -> int:\n    return x\n'
    result = check_security(source, (CANARY,))
    assert not result.passed
    assert [(f.id, f.cwe) for f in result.findings] == [("OUT001", 200)]


def test_scripted_compile_plants_the_canary_and_refuses_code_that_repeats_it():
    spec_bytes = SPEC_PATH.read_bytes()
    spec = load_spec(SPEC_PATH)
    provider = ScriptedProvider([CORRECT])
    compile_spec(spec, spec_bytes, provider)
    system = provider.requests[0].messages[0].content
    planted = system.split("Confidential build marker: ")[1].split(".")[0]
    assert planted == canary_for(sha256_bytes(spec_bytes), "decide")
    signature, rest = BODY.split("\n", 1)
    leaky = f"```python\n{signature}\n    # built with {planted}\n{rest}```\n"
    with pytest.raises(CompilationFailed) as failure:
        compile_spec(spec, spec_bytes, ScriptedProvider([leaky] * 2),
                     CompileOptions(max_attempts=2))
    stages = [a["stages"][-1] for a in failure.value.report]
    assert all(s["stage"] == "security" and s["findings"][0]["id"] == "OUT001" for s in stages)
