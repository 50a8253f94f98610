"""How a scored question gives its parameters, compared with the blind protocol's requests.

Read after a run, to explain its scores: ``requests`` generates the blind protocol's
example requests and never reads a scored question; this module reads them.
"""

from __future__ import annotations

import re

from compiled_ai.benchmarks.bfcl.data import BfclItem
from compiled_ai.benchmarks.bfcl.requests import parameter_words

WORDED_AS_THE_REQUESTS = "worded as the requests"
NAMED_OTHERWISE = "names every required parameter otherwise"
UNNAMED = "leaves a required parameter unnamed"
NOTHING_REQUIRED = "no required parameter"

# every generated wording puts the parameter's words before its value: "the x is 3",
# "x of 3", "x=3", "X: 3." (requests._phrase)
_REQUEST_CUE = r"\s*(?:(?:is|of)\b|[:=])"


def question_wording(item: BfclItem) -> str:
    """Whether a scored question gives its required parameters the way the generated
    requests do: a blind extractor learns that cue from the requests and finds nothing in
    a question that never says the parameter's name."""
    required = item.required_parameters

    def every(after: str) -> bool:
        return all(re.search(r"\b" + re.escape(parameter_words(name)) + after, item.question,
                             re.IGNORECASE) for name in required)

    if not required:
        return NOTHING_REQUIRED
    if every(_REQUEST_CUE):
        return WORDED_AS_THE_REQUESTS
    return NAMED_OTHERWISE if every(r"\b") else UNNAMED
