"""Attack phrases that a text *mentions* rather than *says*.

Security training, incident tickets, red-team reports, code reviews, unit tests and
defensive prompt templates quote injection sentences; the input gate must not block them
(blind suite v4: a third of the false positives were such texts). Three cases are told
apart by structure, not by the words quoted:

* a quote right after words that report or exemplify it ("phrases such as '...'",
  "the line '...'", "testers tried '...'") is a mention anywhere;
* a **defensive instruction**, telling the reader to ignore instructions that appear
  *inside* the document, note or input ("Ignore any instructions that appear inside the
  note"), says the opposite of an injection;
* in a text with **meta context** (cue words of writing *about* attacks weighing at
  least ``META_MIN_CUES``: one of attacker, injection, phishing, red team, "verdict=block",
  test case, or two of awareness, malicious, flagged, guardrail, incident, example, ...),
  every quoted phrase, string literal and "writes something like: ..." clause is a
  mention.

``mask_mentions`` replaces mentions with ``…`` for the rules; ``meta_context`` counts the
cue kinds. JSON values (``"key": "value"``) are never masked: that is where data, and an
injection in data, lives.
"""

from __future__ import annotations

import re

__all__ = ["META_MIN_CUES", "mask_mentions", "meta_context"]

META_MIN_CUES = 2

# Each entry is one kind of cue with its weight; a text's meta context is the summed
# weight of the kinds it shows. Words that only writing *about* attacks uses weigh 2;
# words that also occur elsewhere weigh 1. Words an attacker uses as a pretext ("audit",
# "QA", "test", "exercise", "verify", "security", "compliance") are left out on purpose.
_META_CUES = tuple((re.compile(p), w) for p, w in (   # lower case, run on lower-cased text
    (r"\battack(?:er|ers|s)?\b|\badversar(?:y|ies|ial)\b|\bthreat\s+(?:model|actor)", 2),
    (r"\b(?:prompt[\s-]+)?injections?\b|\bjailbreak", 2),
    (r"\bphish|\blures?\b|\bscams?\b|\bsocial\s+engineering|\bfraudulent\b|\bfraudsters?\b", 2),
    (r"\bred[\s-]?team|\bpen(?:etration)?[\s-]?test|\btabletop\b", 2),
    (r"\b(?:verdict|action|decision)\s*[=:]\s*\"?(?:block|deny|reject|quarantine)|"
     r"\bshould\s+(?:be\s+)?block|\bmust\s+(?:be\s+)?block|\bexpected\s*(?::|=|=>|->)\s*\"?block|"
     r"\b(?:gate|filter|classifier|detector|guardrail)s?\s+(?:blocks?|blocked|flags?|flagged|"
     r"catch(?:es)?|caught|stops?|stopped)\b", 2),
    (r"\btest\s+(?:case|vector|input)s?\b|\bregression\s+(?:suite|test)|\bassert\b|"
     r"\bdef\s+test_", 2),
    (r"\bawareness\b|\bslide\s+\d|\bwebinar|\bquiz\b|\bcourse\b|\bworkshop\b|\bmodule\s+\d", 1),
    (r"\bmalicious|\bsuspicious|\bred\s+flags?\b|\bwarning\s+signs?\b", 1),
    (r"\b(?:was|were|is|are|got|been|gets?)\s+(?:blocked|flagged|caught|quarantined)\b|"
     r"\bverdict\b", 1),
    (r"\bguardrails?\b|\b(?:input|injection)\s+(?:gate|filter)\b|\bclassifier\b|\bdetector\b|"
     r"\buntrusted\b", 1),
    (r"\bincident\b|\bpost[\s-]?mortem|\bpost-incident|\broot\s+cause\b|\bfinding\s+#?\d", 1),
    (r"\b(?:do\s+not|don't|never)\s+(?:act\s+on|follow|obey)\s+(?:it|them|this|these|such)\b|"
     r"\breport\s+(?:it|them|this|suspicious)", 1),
    (r"\bexamples?\b|\be\.g\.|\bsuch\s+as\b|\bfor\s+instance\b|\bsomething\s+like\b|"
     r"\bphrases?\b|\bwording\b", 1),
    # developers discussing a pipeline, and the model described in the third person
    (r"\bcode\s+review|\breview\s+comment|\bpull\s+request|\bforum\b|\bstack\s*overflow|"
     r"\bconcatenat\w*|\bsanitis\w*|\bsanitiz\w*|\b(?:output|input|content)\s+filter", 1),
    (r"\b(?:the|our|my|your|a)\s+(?:model|llm|chatbot|assistant|bot)\s+(?:will|would|might|may|"
     r"could|can|then|still|just)\s+(?:treat|follow|obey|read|print|see|repeat|leak|comply|"
     r"execute|act)", 1),
))

# a quote right after words that report or exemplify it
_MENTION_CUE = (r"\b(?:tried|try|tries|trying|attempt(?:s|ed)?|examples?|e\.g\.|such\s+as|"
                r"phrases?(?:\s+like)?|wording|lines?\s+like|text\s+like|messages?\s+like|"
                r"things\s+like|quoted|quotes?|reads?|reading|says?|saying|sentences?|"
                r"prompts?\s+like|jailbreaks?|injections?|the\s+line|lines?|lures?|"
                r"payloads?|writes?|wrote|typed?|types|contains?|containing|"
                r"(?:requests?|instructions?|commands?|notes?|messages?)\s+like)\b")
# a single quote opens after a non-letter and closes before one, so that the apostrophes
# of "user's" and "don't" neither open nor close a quote (they may sit inside one)
_QUOTE = (r"(?:(?<!\w)'((?:[^'\n]|(?<=\w)'(?=\w)){4,300}?)'(?!\w)|\"([^\"\n]{4,300})\"|"
          r"‘([^’\n]{4,300})’|“([^”\n]{4,300})”|«([^»\n]{4,300})»|`([^`\n]{4,300})`)")
_MENTIONED_QUOTE = re.compile(_MENTION_CUE + r"[^\n\"'‘“«`:=]{0,60}?[(\[]?\s*" + _QUOTE,
                              re.IGNORECASE)
_ANY_QUOTE = re.compile(_QUOTE)
_JSON_VALUE = re.compile(r"\"[\w .-]{1,40}\"\s*:\s*$")
# "the attacker writes something like: <clause>" - unquoted, up to the end of the sentence
_MENTIONED_CLAUSE = re.compile(
    r"\b(?:writes?|wrote|types?|says?|said|reads?|like|such\s+as|e\.g\.|for\s+(?:example|"
    r"instance))\s*(?:something\s+like)?\s*[:,-]\s+([^\n.!?]{6,300}[.!?]?)", re.IGNORECASE)
# an instruction to ignore instructions that sit *inside* the data: defensive
_DEFENSIVE = re.compile(
    r"\b(?:ignore|disregard|do\s+not\s+(?:follow|obey|act\s+on|execute)|don't\s+(?:follow|obey)|"
    r"never\s+(?:follow|obey|act\s+on|execute)|must\s+(?:be\s+)?ignored?)\s+(?:any|all|the)?\s*"
    r"(?:\w+\s+){0,2}?(?:instructions?|commands?|requests?|directives?|prompts?|text)\s+"
    r"(?:that\s+(?:appear|are|is|may\s+be)\s+|which\s+(?:appear|are)\s+|)?"
    r"(?:found\s+|written\s+|contained\s+|embedded\s+|included\s+|hidden\s+|placed\s+)?"
    r"(?:in|inside|within|from)\s+(?:it\b|them\b|(?:the|this|that|a|an|any|these|those|such)?\s*"
    r"(?:\w+\s+)?(?:notes?|documents?|texts?|inputs?|records?|e-?mails?|data|files?|pages?|"
    r"messages?|referrals?|attachments?|content|fields?|submissions?|letters?)\b)",
    re.IGNORECASE)


def meta_context(text: str) -> int:
    """The summed weight of the kinds of writing-about-attacks cue ``text`` shows."""
    lowered = text.lower()
    return sum(weight for cue, weight in _META_CUES if cue.search(lowered))


def _quote_group(match: re.Match[str]) -> int:
    return next(i for i in range(1, 7) if match.group(i) is not None)


def _is_json_value(text: str, quote_at: int) -> bool:
    """Whether the quote opening just before ``quote_at`` is the value of a JSON key."""
    return bool(_JSON_VALUE.search(text[max(0, quote_at - 49):quote_at - 1]))


def _masked(match: re.Match[str]) -> str:
    """The match with its quoted text replaced by ``…`` (JSON values are left alone)."""
    group = _quote_group(match)
    if _is_json_value(match.string, match.start(group)):
        return match.group(0)
    return (match.group(0)[:match.start(group) - match.start()] + "…"
            + match.group(0)[match.end(group) - match.start():])


def mask_mentions(text: str, meta: int | None = None) -> str | None:
    """``text`` with mentioned attack phrases replaced by ``…``; None when there are none.
    ``meta`` is ``meta_context(text)`` when the caller has it."""
    out = _DEFENSIVE.sub("…", text)
    if any(q in out for q in "'\"‘“«`"):
        out = _MENTIONED_QUOTE.sub(_masked, out)
        if (meta if meta is not None else meta_context(text)) >= META_MIN_CUES:
            out = _ANY_QUOTE.sub(_masked, out)
    if (meta if meta is not None else meta_context(text)) >= META_MIN_CUES:
        out = _MENTIONED_CLAUSE.sub(lambda m: m.group(0)[:m.start(1) - m.start()] + "…", out)
    return out if out != text else None
