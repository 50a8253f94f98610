"""Forgotten imports of allow-listed names are added when the frame assembles the module."""

from __future__ import annotations

from compiled_ai.compiler.imports import missing_imports
from compiled_ai.compiler.templates import frame_for
from compiled_ai.spec import load_spec
from tests.prior_auth_replies import SPEC_PATH

USES_RE_AND_DECIMAL = '''
def f(text: str) -> dict:
    found = re.search(r"\\\\d+", text)
    return {"n": Decimal(found.group(0)) if found else None}
'''


def test_names_used_but_never_bound_get_their_import():
    assert missing_imports(USES_RE_AND_DECIMAL) == ["from decimal import Decimal", "import re"]


def test_names_the_code_binds_itself_are_left_alone():
    assert missing_imports("import re\n\ndef f(t):\n    return re.sub('a', 'b', t)\n") == []
    assert missing_imports("def f(re):\n    return re\n") == []
    assert missing_imports("def f(t):\n    math = 2\n    return math\n") == []
    assert missing_imports("from decimal import Decimal as D\n\ndef f():\n    return D(1)\n") \
        == []
    assert missing_imports("def f(t):\n    return os.getcwd()\n") == []  # not on the table
    assert missing_imports("def f(:\n") == []  # unparseable: the syntax stage reports it


def test_assembled_module_carries_the_added_import_and_compiles():
    spec = load_spec(SPEC_PATH)
    frame = frame_for(spec, spec.steps[0])
    module = frame.assemble(USES_RE_AND_DECIMAL)
    assert "\nimport re\n" in module and "\nfrom decimal import Decimal\n" in module
    compile(module, "step.py", "exec")


IMPORTS_TOO_MUCH = '''
import os
import math
from statistics import statistics
from itertools import itertools, chain
from typing import *
from collections import Counter as Tally


def f(text: str) -> dict:
    return {"n": len(list(chain(text))), "m": math.floor(1.5)}
'''


def test_unused_allow_listed_imports_are_dropped_and_others_kept():
    spec = load_spec(SPEC_PATH)
    module = frame_for(spec, spec.steps[0]).assemble(IMPORTS_TOO_MUCH)
    assert "from statistics import statistics" not in module  # names nothing real, unused
    assert "Tally" not in module
    assert "\nimport math\n" in module  # used
    assert "from itertools import itertools, chain" in module  # one of its names is used
    assert "\nimport os\n" in module  # not allow-listed: left for the security stage
    assert "from typing import *" in module  # a star import may supply any name
