"""CompileOptions.helpers: functions the caller's template defines in the step module, shown
to the model as defined and validated with its code (scripted model replies)."""

from __future__ import annotations

import pytest

from compiled_ai.compiler import CompileOptions, compile_spec
from compiled_ai.errors import CompilationFailed
from compiled_ai.providers.scripted import ScriptedProvider
from tests.compiler.helpers import SPEC, SPEC_YAML

HELPERS = '''def discounted(amount: float, tier: str) -> float:
    """The amount after the tier's discount."""
    return round(amount * (0.9 if tier == "gold" else 1.0), 2)
'''
CALLS_THE_HELPER = '''```python
def price_order(amount: float, tier: str) -> PriceOrderResult:
    total = discounted(amount, tier)
    return {"total": total, "label": tier.upper(), "approved": total < 1000}
```'''


def test_code_that_calls_a_template_helper_compiles_with_the_helper_in_its_module_scripted(
) -> None:
    provider = ScriptedProvider([CALLS_THE_HELPER])
    compiled = compile_spec(SPEC, SPEC_YAML.encode(), provider,
                            CompileOptions(max_attempts=1, helpers=HELPERS))
    module = compiled.files["steps/price_order.py"].decode()
    assert HELPERS.strip() in module
    assert module.index("def discounted") < module.index("def price_order")
    request = provider.requests[0].messages[-1].content
    assert "helper functions shown are already defined" in request and "def discounted" in request
    assert "The amount after the tier's discount." in request  # signature and docstring,
    assert "return round(amount" not in request  # not the body


def test_without_the_helpers_the_same_code_fails_the_syntax_stage_scripted() -> None:
    with pytest.raises(CompilationFailed) as failed:
        compile_spec(SPEC, SPEC_YAML.encode(), ScriptedProvider([CALLS_THE_HELPER]),
                     CompileOptions(max_attempts=1))
    stages = failed.value.report[0]["stages"]
    assert stages[-1]["stage"] == "syntax"
    assert any("discounted" in f["message"] for f in stages[-1]["findings"])


def test_without_helpers_the_request_names_only_the_result_type_as_defined_scripted() -> None:
    inline = 'round(amount * (0.9 if tier == "gold" else 1.0), 2)'
    provider = ScriptedProvider([CALLS_THE_HELPER.replace("discounted(amount, tier)", inline)])
    compile_spec(SPEC, SPEC_YAML.encode(), provider, CompileOptions(max_attempts=1))
    assert "(the result type is already defined)" in provider.requests[0].messages[-1].content
