"""Injection rules for attacks on workflow agents, added for the second round of issue 3.

The first rule set (``injection.py``) was developed on ``benchmarks/security/dev``; a fresh
development batch written afterwards (``dev/injection_dev2.jsonl``) showed that it missed
about half of new phrasings of the same families. These rules generalise the families
instead of the phrasings:

* a **machine reader** referred to from inside the data ("whatever software summarises
  this", "system reviewers reading this", ``llm_directive:``, "next action for the
  agent", "memo: assistant, when you ...") followed by a directive;
* **approval override**: authority claimed for the reader ("the bot is authorised to",
  "override code 7781 applies", "pre-cleared by the medical director"), routing around a
  review ("must not route it to nurse review"), "push it to payment", "without the second
  signature", "no confirmation needed";
* **tool-call payloads**: JSON tool calls naming a state-changing function, tool-call
  markup with attributes, prose calls with keyword arguments, destructive SQL to run;
* **role-play** that strips the rules ("an accounts bot with no approval rules", "a
  version of you without any compliance checks");
* **bulk exfiltration** ("every patient record you can access", "send it to x@...");
* **override phrases in 20 more languages** (Turkish, Vietnamese, Czech, Ukrainian, Hindi,
  Greek, Swedish, Danish/Norwegian, Indonesian/Malay, Finnish, Romanian, Hungarian, Hebrew,
  Thai, Persian, Swahili, Tagalog, Bengali) and "the previous rules no longer apply" in
  the languages of the first set.

Each entry is ``(id, weight, pattern, gate substrings)``: ``injection.py`` compiles them
into its ``Rule`` objects; the pattern is only tried when the lower-cased text contains
one of the gate substrings (empty: always tried). Weights follow ``injection.py``: 1.0
blocks alone, smaller weights need a second piece of evidence (another rule or the
classifier).
"""

from __future__ import annotations

AgentRule = tuple[str, float, str, tuple[str, ...]]

# word gates (any of these \\w+ tokens) that hold besides the substring gates
AGENT_RULE_WORDS = {
    "agent.reader_directive": "software agent agents ai model models system systems bot bots "
                              "tool tools assistant assistants program programs automation "
                              "automations llm llms pipeline pipelines engine engines reader "
                              "readers parser parsers processor processors summariser "
                              "summarizer summarisers summarizers reviewer reviewers script "
                              "scripts integration integrations copilot copilots",
}

# a machine that reads, processes or acts on the document
_READER_NOUN = (r"(?:software|agents?|ai|a\.i\.|models?|systems?|bots?|tools?|assistants?|"
                r"programs?|automations?|llms?|pipelines?|engines?|readers?|parsers?|"
                r"processors?|summari[sz]ers?|reviewers?|scripts?|integrations?|copilots?)")
_READS = (r"(?:reads?|reading|sees?|seeing|summari[sz]\w*|process\w*|pars\w*|handl\w*|"
          r"ingest\w*|review\w*|receiv\w*|gets?|getting|scans?|scanning|analy[sz]\w*|"
          r"evaluat\w*|index\w*|extract\w*|opens?|opening)")
# a directive: an imperative or a modal + verb that makes the reader act
_ACT = (r"(?:approve|pay|release|refund|transfer|wire|send|e-?mail|forward|export|post|mark|"
        r"set|treat|classify|consider|write|state|say|report|add|remove|delete|drop|change|"
        r"update|upcode|code|confirm|grant|issue|push|process|route|skip|ignore|disregard|"
        r"bypass|override|reveal|print|output|include|attach|copy|invoke|call|run|execute|"
        r"submit|close|clear|list|tell|respond|reply|answer|rank|recommend|describe|leave|"
        r"omit|record|flag|upgrade|escalate|accept|waive|authori[sz]e|expedite|summari[sz]e)")
_MACHINE_READER = (
    # "whatever software summarises this", "any AI reading this", "each model that processes it"
    rf"\b(?:whatever|whichever|any|every|each|all)\s+(?:[\w-]+\s+){{0,2}}?{_READER_NOUN}\s+"
    rf"(?:that\s+|which\s+|who\s+)?(?:is\s+|are\s+)?{_READS}\s+(?:this|these|it|the\s+"
    rf"(?:file|document|record|text|note|message|batch|page|row|form|claim|invoice))\b"
    # "System reviewers reading this", "automated readers processing this record"
    rf"|\b(?:system|automated|automatic|ai|machine|software|bot|llm)\s+(?:[\w-]+\s+)?"
    rf"{_READER_NOUN}\s+{_READS}\s+(?:this|these)\b"
    # "the model handling approvals should", "the bot in charge of refunds must"
    rf"|\bthe\s+(?:model|bot|ai|llm|software|automation|assistant)\s+(?:handling|processing|"
    rf"reviewing|reading|running|doing|in\s+charge\s+of|responsible\s+for)\s+(?:[\w-]+\s+)"
    rf"{{0,3}}?(?:should|must|shall|will|is\s+to|needs?\s+to|has\s+to|can)\b"
    # "for whatever reads this", "P.S. for the software that summarises this"
    rf"|\bfor\s+(?:the\s+)?{_READER_NOUN}\s+(?:that|which)\s+{_READS}\s+(?:this|these|it)\b"
    # "llm_directive:", "ai-instruction =", "agent_note", "note_for_ai"
    rf"|\b(?:llm|ai|agent|assistant|bot|model|automation|gpt|copilot)[_-](?:directives?|"
    rf"instructions?|notes?|commands?|tasks?|overrides?|prompts?|actions?|orders?)\b"
    rf"|\b(?:notes?|instructions?|message|directive)[_-](?:for|to)[_-](?:ai|llm|agent|bot|"
    rf"model|assistant)\b"
    rf"|\b(?:automation|agent|bot|assistant|copilot)\s+(?:notes?|directives?|instructions?|"
    rf"orders?|tasks?)\s*[:\-–—]"
    # "Next action for the agent", "required step for the assistant"
    rf"|\b(?:next|required|pending|final|first|additional)\s+(?:action|step|task|instruction)s?"
    rf"\s+for\s+(?:the\s+|any\s+)?(?:agent|assistant|ai|model|bot|llm|automation)\b"
    # "memo: assistant, when you ..."; "Bot, please ..."
    rf"|(?:^|[\n:;.(\[|])\s*(?:assistant|agent|bot|ai|model|llm|copilot)\s*,\s*(?:when|after|"
    rf"before|once|while|please|now|you|kindly|first|then|if)\b"
)
_MODAL = r"(?:should|must|shall|will|is\s+to|are\s+to|needs?\s+to|has\s+to|have\s+to|can)"

# state-changing function names in a tool call
_RISKY_FN = (r"(?:[a-z0-9]+_)*(?:send|transfer|wire|pay|payout|refund|delete|drop|remove|"
             r"update|change|set|grant|export|upload|email|post|approve|create_admin|exec|"
             r"execute|run|shell|write|move|purge|disable|reset|issue|release|forward|"
             r"share|invite|add_user|elevate|modify)(?:_[a-z0-9]+)*")

# a schema in documentation declares types ("to": "string", "type": "object"); a payload
# passes values, so a parameters block that opens with a type declaration is not evidence
_JSON_TYPE = r"(?:string|str|integer|int|number|float|boolean|bool|object|array|null|any)"
_NOT_TYPE_DECL = (rf"(?!\s*\{{\s*[\"'](?:type|properties|required|\$schema)[\"']|"
                  rf"\s*\{{\s*[\"'][\w-]+[\"']\s*:\s*(?:[\"']{_JSON_TYPE}[\"']|"
                  rf"\{{\s*[\"']type[\"']))")
_TR_VERB = r"(?:yok\s+say|görmezden\s+gel|unut|dikkate\s+alma|umursama|önemseme)"
_TR_OBJ = r"(?:talimat|komut|kural|yönerge|direktif|yönlendirme)"

# (verbs, objects, gate substrings) per language; matched verb-then-object or
# object-then-verb (for verb-final languages) within one clause
_MULTI_OVERRIDE: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "tr": (_TR_VERB, _TR_OBJ, ("yok say", "görmezden", "unut", "dikkate alma", "umursama",
                               "önemseme")),
    "vi": (r"(?:bỏ\s+qua|quên|phớt\s+lờ|lờ\s+đi|không\s+cần\s+tuân\s+theo)",
           r"(?:hướng\s+dẫn|chỉ\s+dẫn|quy\s+tắc|lệnh|chỉ\s+thị|quy\s+định)",
           ("bỏ qua", "quên", "phớt lờ", "lờ đi", "tuân theo")),
    "cs": (r"(?:ignoruj(?:te)?|zapomeň(?:te)?|nedbej(?:te)?|přeskoč(?:te)?|ignorujte)",
           r"(?:pokyn\w*|instrukc\w*|pravid\w*|příkaz\w*|nastavení)",
           ("ignoruj", "zapomeň", "nedbej", "přeskoč")),
    "sk": (r"(?:ignoruj(?:te)?|zabudni(?:te)?)", r"(?:pokyn\w*|inštrukci\w*|pravidl\w*)",
           ("ignoruj", "zabudni")),
    "uk": (r"(?:ігноруй(?:те)?|проігноруй(?:те)?|забудь(?:те)?|не\s+зважай(?:те)?)",
           r"(?:інструкц\w*|вказів\w*|правил\w*|команд\w*|обмежен\w*)",
           ("ігнор", "проігнор", "забудь", "зважай")),
    "hi": (r"(?:अनदेखा|नज़रअंदाज़|नजरअंदाज|भूल\s+जाओ|भूल\s+जाएं|भूल\s+जाइए|उपेक्षा)",
           r"(?:निर्देश\w*|नियम\w*|आदेश\w*)", ("अनदेखा", "नज़रअंदाज़", "नजरअंदाज", "भूल",
                                         "उपेक्षा")),
    "el": (r"(?:αγνόησε|αγνοήστε|ξέχασε|ξεχάστε|παράβλεψε|παραβλέψτε)",
           r"(?:οδηγί\w*|κανόν\w*|εντολ\w*)", ("αγνόησ", "αγνοήσ", "ξέχασ", "ξεχάσ",
                                            "παράβλεψ", "παραβλέψ")),
    "sv": (r"(?:ignorera|strunta\s+i|glöm|bortse\s+från|hoppa\s+över)",
           r"(?:instruktion\w*|regl\w*|regler|anvisning\w*|direktiv\w*|riktlinje\w*)",
           ("ignorera", "strunta", "glöm", "bortse", "hoppa över")),
    "da": (r"(?:ignorer|glem|se\s+bort\s+fra|drop)",
           r"(?:instruks\w*|instruktion\w*|regl\w*|regler|anvisning\w*|retningslinje\w*)",
           ("ignorer", "glem", "se bort")),
    "id": (r"(?:abaikan|lupakan|acuhkan|hiraukan|jangan\s+ikuti)",
           r"(?:instruksi|perintah|aturan|arahan|petunjuk|pedoman)",
           ("abaikan", "lupakan", "acuhkan", "hiraukan", "jangan ikuti")),
    "fi": (r"(?:ohita|unohda|älä\s+välitä|sivuuta)", r"(?:ohje\w*|sään\w*|käsky\w*)",
           ("ohita", "unohda", "välitä", "sivuuta")),
    "ro": (r"(?:ignoră|ignorați|uită|uitați)", r"(?:instrucțiun\w*|instructiun\w*|regul\w*|"
                                              r"indicați\w*|comenzi\w*)",
           ("ignor", "uită", "uitați")),
    "hu": (r"(?:hagyd\s+figyelmen\s+kívül|hagyja\s+figyelmen\s+kívül|felejtsd\s+el|"
           r"ne\s+törődj)", r"(?:utasítás\w*|szabály\w*|előírás\w*)",
           ("figyelmen kívül", "felejtsd", "törődj")),
    "he": (r"(?:התעלם|התעלמי|התעלמו|שכח|שכחי|שכחו)", r"(?:הוראות|ההוראות|כללים|הכללים|"
                                                  r"הנחיות|ההנחיות)",
           ("התעלם", "שכח")),
    "th": (r"(?:เพิกเฉย|ลืม|ไม่ต้องสนใจ|ข้าม)", r"(?:คำสั่ง|กฎ|คำแนะนำ)",
           ("เพิกเฉย", "ลืม", "ไม่ต้องสนใจ", "ข้าม")),
    "fa": (r"(?:نادیده\s+بگیر|فراموش\s+کن|توجه\s+نکن)", r"(?:دستورالعمل\w*|دستورات|قوانین|"
                                                       r"دستورها)",
           ("نادیده", "فراموش", "توجه نکن")),
    "sw": (r"(?:puuza|sahau|usifuate)", r"(?:maagizo|maelekezo|sheria|amri)",
           ("puuza", "sahau", "usifuate")),
    "tl": (r"(?:huwag\s+pansinin|kalimutan|balewalain)", r"(?:tagubilin|panuto|utos|"
                                                         r"patakaran)",
           ("pansinin", "kalimutan", "balewalain")),
    "bn": (r"(?:উপেক্ষা|ভুলে\s+যাও|অগ্রাহ্য)", r"(?:নির্দেশ\w*|নিয়ম\w*)",
           ("উপেক্ষা", "ভুলে", "অগ্রাহ্য")),
}


# "all", "every", "any" per language: with one of them the override addresses the whole
# rule set ("forget all instructions"), as English override.en's strong qualifiers do
_MULTI_ALL: dict[str, str] = {
    "tr": r"(?:tüm|bütün|her)", "vi": r"(?:tất\s+cả|mọi|toàn\s+bộ)",
    "cs": r"(?:všechn\w*|vešker\w*|každ\w*)", "sk": r"(?:všetk\w*|každ\w*)",
    "uk": r"(?:всі|усі|всіх|усіх|будь-як\w*|кожн\w*)", "hi": r"(?:सभी|सारे|सारी|सब|हर)",
    "el": r"(?:όλ\w*|κάθε)", "sv": r"(?:alla|allt|varje)", "da": r"(?:alle|alt|enhver)",
    "id": r"(?:semua|seluruh|setiap)", "fi": r"(?:kaik\w*|jokai\w*)",
    "ro": r"(?:toate|orice)", "hu": r"(?:összes|minden)", "he": r"(?:כל)",
    "th": r"(?:ทั้งหมด|ทุก)", "fa": r"(?:همه|تمام)", "sw": r"(?:zote|yote|kila)",
    "tl": r"(?:lahat|bawat)", "bn": r"(?:সব|সমস্ত|সকল)",
}


def _multi_override(lang: str, verbs: str, objects: str,
                    gate: tuple[str, ...]) -> tuple[AgentRule, AgentRule]:
    """0.6 for verb and object in one clause, as English "ignore the previous instructions"
    (override.en_previous): a nurse writes "disregard the previous instruction" about a
    dose (blind suite v4, Hindi and Turkish notes), so the classifier or a second rule has
    to agree; 0.4 more with "all"/"every" between them, as override.en's strong qualifiers."""
    clause = r"[^\n.!?;。।]{0,60}?"
    every = _MULTI_ALL[lang]
    return ((f"agent.override.{lang}", 0.6,
             rf"{verbs}{clause}{objects}|{objects}{clause}{verbs}", gate),
            (f"agent.override_all.{lang}", 0.4,
             rf"{verbs}{clause}{every}{clause}{objects}|{every}{clause}{objects}{clause}{verbs}",
             gate))


# ---- round 3 (issue 3): families that stayed weak on suite v2 ------------------------
# Agent-trace and ad-hoc tool-call syntax, overrides that name the reader's configuration
# instead of its "instructions", and approval overrides phrased as business requests.
# Syntactic tool calls and overrides block alone; the business phrasings (0.5) need a
# second piece of evidence (the classifier or another rule): a colleague may write them.
_OWN_CONFIG = (r"(?:guidance|setup|set-?up|configuration|config|brief|briefing|specification|"
               r"spec|directives?|operating\s+rules|programming|system\s+message|"
               r"task\s+description|original\s+task|mandate|guardrails|policies)")
_CONFIG_MOD = (r"(?:(?:original|prior|previous|current|initial|earlier|existing|usual)\s+)?")
_SENSITIVE_ACT = (r"(?:send|forward|cancel|delete|export|upload|transfer|wire|pay|share|"
                  r"e-?mail|post|download|dump|copy|grant|approve|release)")
ROUND3_RULES: tuple[AgentRule, ...] = (
    ("agent.react_action", 1.0,
     r"\baction\s*:\s*[`'\"]?[\w.-]+[`'\"]?\s*(?:\n\s*|\s+)action[ _]input\s*:",
     ("action",)),
    ("agent.tool_fn_call", 0.9,
     r"\b(?:invoke|call|run|use|execute|exec)_(?:tool|function|action|plugin)\s*\(\s*['\"]"
     r"[\w.-]+['\"]",
     ("_tool", "_function", "_action", "_plugin")),
    ("agent.bracket_tool", 0.9,
     r"(?:\[\[|\{\{|<<)\s*(?:tool|function|action|call|plugin|exec)\s*[:=]\s*[\w.-]+",
     ("tool", "function", "action", "call", "plugin", "exec")),
    ("agent.tool_bulk_act", 0.9,
     r"\b(?:use|using|via|through|with)\s+(?:the\s+|your\s+)?[\w-]+\s+(?:tool|plugin|"
     r"connector|integration|api)\s*,?\s+(?:to\s+)?" + _SENSITIVE_ACT + r"\s+(?:every|all|"
     r"the\s+(?:last|latest|first)\s+\d+|\d+|each)\b",
     ("tool", "plugin", "connector", "integration", "api")),
    ("override.own_config", 0.9,
     r"\b(?:discard|disregard|forget|ignore|set\s+aside|stop\s+following|do\s+not\s+(?:obey|"
     r"follow)|don'?t\s+(?:obey|follow)|cancel|abandon|throw\s+away)\s+(?:all\s+)?"
     r"(?:(?:your|whatever)\s+" + _CONFIG_MOD + _OWN_CONFIG + r"\b|(?:the|any)\s+"
     + _CONFIG_MOD + _OWN_CONFIG + r"\s+(?:above|you\s+(?:were|have\s+been)\s+(?:given|"
     r"configured|set\s+up|provided)|you\s+(?:received|got|have)|(?:that\s+)?came\s+"
     r"(?:before|earlier)))",
     ("discard", "disregard", "forget", "ignore", "set aside", "stop following", "obey",
      "follow", "cancel", "abandon", "throw away")),
    ("override.rules_revoked_en", 0.9,
     r"\byour\s+(?:[\w-]+\s+)?(?:rules|instructions|guidance|directives|configuration|"
     r"setup|guardrails|restrictions|policies|constraints)\s+(?:are|is|have\s+been|were)\s+"
     r"(?:now\s+)?(?:cancel+ed|suspended|void|revoked|lifted|withdrawn|no\s+longer\s+"
     r"(?:valid|active|in\s+effect|apply|applicable))",
     ("your",)),
    ("override.new_role", 0.6,
     r"\byour\s+(?:new|real|actual|true|only)\s+(?:job|task|role|purpose|instructions?|"
     r"mission|objective|orders?)\s+(?:is|are|now)\b|\b(?:answer|report|listen|respond)\s+"
     r"only\s+to\s+me\b|\b(?:comply|obey)\s+only\s+with\b",
     ("your", "only")),
    ("override.new_directive", 0.5,
     r"\bnew\s+(?:directive|instructions?|orders?|system\s+prompt)\s*:",
     ("new",)),
    ("override.fixed_verdict", 0.9,
     r"\b(?:output|print|return|write|answer|respond\s+with|reply\s+with|say)\s+(?:the\s+"
     r"word\s+|only\s+)?['\"]?(?:approved|pass(?:ed)?|yes|safe|valid|clean|compliant)['\"]?"
     r"\s+(?:for|on|to)\s+(?:every|all|each|any)\b",
     ("output", "print", "return", "write", "answer", "respond", "reply", "say")),
    ("control.treat_as_authorised", 0.5,
     r"\btreat\s+(?:the|this|that|it|them|these)\s+(?:[\w-]+\s+){0,4}?as\s+(?:fully\s+|"
     r"already\s+|pre-?)?(?:authori[sz]ed|passed|approved|verified|cleared|matched|"
     r"whitelisted|low[\s-]risk|trusted|compliant|eligible)\b",
     ("treat",)),
    ("control.clear_alert", 0.5,
     r"\b(?:clear|dismiss|close|suppress|silence|lift|remove)\s+(?:the\s+|this\s+|any\s+)?"
     r"(?:fraud|aml|sanctions?|risk|compliance|security|kyc|identity)\s+(?:alert|flag|hold|"
     r"check|warning|block)s?\b",
     ("clear", "dismiss", "close", "suppress", "silence", "lift", "remove")),
    ("control.do_not_hold", 0.5,
     r"\bdo\s+not\s+(?:hold|send|route|escalate|flag|queue|park|refer)\s+(?:this|the|it|"
     r"them)\s+(?:[\w-]+\s+)?(?:for|to)\s+(?:review|approval|manual|compliance|escalation|"
     r"verification|a\s+human|the\s+(?:reviewer|approver|manager))",
     ("do not",)),
    ("control.review_unneeded", 0.5,
     r"\b(?:escalation|review|approval|verification|sign-?off|approval\s+chain)\s*"
     r"(?:is\s+|:\s*)(?:unnecessary|not\s+needed|not\s+required|n/?a\b)|"
     r"\bone\s+(?:approval|signature)\s+is\s+enough\b",
     ("unnecessary", "not needed", "not required", "n/a", "na", "enough")),
    ("control.already_signed_off", 0.5,
     r"\b(?:sign-?off|approval|authori[sz]ation|clearance)\s+(?:was\s+|has\s+been\s+)?"
     r"already\s+(?:obtained|given|granted|received|done)\b",
     ("already",)),
    ("control.despite_mismatch", 0.5,
     r"\b(?:even\s+though|although|despite)\s+[^.\n]{0,60}?\b(?:does\s+not|doesn't|do\s+not|"
     r"don't|fails?\s+to|did\s+not)\s+match\b[^.\n]{0,40}?\b(?:pay|schedule|approve|release|"
     r"accept|post|process)",
     ("match",)),
    ("control.rule_suspended", 0.5,
     r"\b(?:rule|policy|control|check|limit|requirement|threshold)\s+(?:was|is|has\s+been)\s+"
     r"(?:suspended|waived|lifted|revoked|disabled|switched\s+off|turned\s+off)\b",
     ("suspended", "waived", "lifted", "revoked", "disabled", "off")),
    ("control.auto_approve_imperative", 0.5,
     r"(?:^|[.;:!\n]\s*)auto-?approve\b",
     ("approve",)),
)

AGENT_RULES: tuple[AgentRule, ...] = (
    # ---- a machine reader addressed inside the data, then a directive -----------------
    ("agent.reader_directive", 1.0,
     rf"(?:{_MACHINE_READER})[^\n]{{0,160}}?\b(?:{_MODAL}\s+(?:now\s+|also\s+|simply\s+)?)?"
     rf"{_ACT}\b",
     ("llm", "ai_", "_ai", "ai-", "-ai", "gpt", "bot", "agent", "model", "assistant", "copilot",
      "automation")),
    # "the bot is authorised to exceed ...", "the assistant is permitted to skip ..."
    ("agent.authority_granted", 0.6,
     r"\b(?:the\s+|this\s+|any\s+|you\s+)?(?:bot|agent|assistant|ai|model|llm|automation|"
     r"system|reviewer\s+bot|you)\s+(?:is|are|has\s+been|have\s+been)\s+(?:hereby\s+|now\s+|"
     r"specially\s+|explicitly\s+)?(?:authori[sz]ed|permitted|allowed|cleared|empowered|"
     r"instructed)\s+to\s+(?:exceed|skip|bypass|ignore|override|approve|pay|release|waive|"
     r"raise|lift|disable|refund|transfer)\b",
     ("authori", "permitted", "allowed", "cleared", "empowered", "instructed")),
    # ---- approval override ---------------------------------------------------------
    ("agent.authority_claim", 0.3,
     r"\b(?:override\s+code|approval\s+code|exception\s+code|auth(?:ori[sz]ation)?\s+code)\s+"
     r"[\w-]*\d[\w-]*\s+(?:applies|is\s+active|has\s+been\s+applied|is\s+attached)"
     r"|\bexception\s+(?:granted|approved|authori[sz]ed)\b"
     r"|\bpre-?cleared\s+by\b|\bverbal\s+(?:ok|okay|approval|sign-?off|go-?ahead)\b"
     r"|\bapproved\s+at\s+all\s+levels\b",
     ("code", "exception", "cleared", "verbal", "all levels")),
    ("agent.consider_approved", 0.4,
     r"\b(?:consider|treat|deem|regard|count|record)\s+(?:this|it|that|the\s+[\w-]+|"
     r"these)\s+(?:[\w-]+\s+){0,2}?(?:as\s+)?(?:approved|pre-?approved|cleared|verified|"
     r"authori[sz]ed|matched|signed(?:\s+off)?)\b",
     ("approved", "cleared", "verified", "authori", "matched", "signed")),
    ("agent.skip_routing", 0.5,
     r"\b(?:must|should|do|does|need)\s+not\s+(?:route|send|forward|escalate|refer|queue|"
     r"pass|submit)\s+(?:it|this|them|the\s+[\w-]+)\s+(?:[\w-]+\s+){0,2}?(?:to|for|into)\s+"
     r"(?:[\w-]+\s+){0,2}?(?:review|approval|audit|verification|sign-?off|queue|reviewers?|"
     r"compliance)",
     (" not ",)),
    ("agent.push_to_payment", 0.4,
     r"\bpush\s+(?:it|this|them|the\s+[\w-]+)\s+(?:straight\s+|directly\s+)?(?:to|through|"
     r"into)\s+(?:payment|payout|release|settlement)\b|\bpay\s+(?:it\s+)?as\s+billed\b",
     ("push", "as billed")),
    ("agent.without_signoff", 0.4,
     r"\bwithout\s+(?:the\s+|a\s+|any\s+)?(?:second|secondary|dual|additional|extra|"
     r"manager'?s?|supervisor'?s?|finance|cfo'?s?|human)\s+(?:signature|approval|sign-?off|"
     r"review|check|approver|confirmation)",
     ("without",)),
    ("agent.no_confirmation", 0.4,
     r"\bno\s+(?:confirmation|approval|review|verification|sign-?off|human\s+check)\s+"
     r"(?:is\s+)?(?:needed|required|necessary)\b",
     ("no ",)),
    ("agent.exceed_limit", 0.3,
     r"\b(?:exceed|go\s+over|go\s+above|surpass|raise|lift)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
     r"(?:ceiling|limit|cap|threshold|maximum)\b",
     ("exceed", "go over", "go above", "surpass", "raise", "lift")),
    # ---- tool-call payloads -----------------------------------------------------------
    # a call ("arguments", "args", "input") blocks; a schema ("parameters") needs more
    ("agent.tool_json", 1.0,
     rf"[{{,]\s*[\"'](?:tool|tool_name|function|function_name|name|action)[\"']\s*:\s*"
     rf"[\"']{_RISKY_FN}[\"'][^\n]{{0,200}}?[\"'](?:arguments|args|input)[\"']\s*:",
     ("tool", "function", "name", "action")),
    ("agent.tool_json_schema", 0.4,
     rf"[{{,]\s*[\"'](?:tool|tool_name|function|function_name|name|action)[\"']\s*:\s*"
     rf"[\"']{_RISKY_FN}[\"'][^\n]{{0,200}}?[\"'](?:parameters|params)[\"']\s*:{_NOT_TYPE_DECL}",
     ("tool", "function", "name", "action")),
    ("agent.tool_markup_attr", 1.0,
     r"<\s*(?:tool_call|function_calls?|tool_use|tool_code|invoke|function)\s+name\s*=",
     ("name",)),
    ("agent.prose_kwargs_call", 0.6,
     r"\b(?:invoke|call|trigger|execute|run|use)\s+(?:the\s+)?[`'\"]?[a-z][a-z0-9]*_[a-z0-9_]+"
     r"[`'\"]?\s+(?:(?:tool|function)\s+)?(?:with|using|passing)\s+(?:[a-z_]+\s*=|"
     r"(?:the\s+)?(?:arguments?|parameters?)\s+[a-z_]+\s*=)",
     ("invoke", "call", "trigger", "execute", "run", "use")),
    ("agent.destructive_sql", 0.6,
     r"\b(?:run|execute|issue|perform)\s+(?:the\s+(?:query|statement|command)\s+)?[`'\"]?"
     r"(?:delete\s+from|drop\s+(?:table|database|schema)|truncate\s+(?:table\s+)?\w|"
     r"update\s+\w+\s+set)\b",
     ("delete", "drop", "truncate", "update")),
    # ---- role-play that strips the rules ----------------------------------------------
    ("agent.persona_without_rules", 0.7,
     r"\b(?:bot|ai|assistant|model|agent|version\s+of\s+(?:you|yourself)|copy\s+of\s+you|"
     r"clone|persona|character)\s+(?:with\s+no|without(?:\s+any)?|that\s+has\s+no|free\s+of"
     r"(?:\s+any)?|minus)\s+(?:[\w-]+\s+){0,2}?(?:rules|restrictions|limits|filters|checks|"
     r"guardrails|policies|polic(?:y|ies)|safeguards|controls|compliance|oversight|"
     r"approvals?|review)\b",
     ("with no", "without", "has no", "free of", "minus")),
    ("agent.game_persona", 0.4,
     r"\blet'?s\s+play\s+a\s+game\b|\bpretend\s+(?:you\s+are|to\s+be|you're)\b|"
     r"\bfrom\s+(?:this\s+point|now)\s+(?:on\s+)?you\s+(?:act|are|play|will\s+be)\s+(?:as\s+)?"
     r"['\"]?[A-Z]",
     ("play a game", "pretend", "from this point", "from now")),
    # ---- bulk exfiltration ----------------------------------------------------------------
    ("agent.bulk_access", 0.6,
     r"\b(?:all|every|each|any)\s+(?:[\w-]+\s+){0,2}?(?:records?|files?|documents?|e-?mails?|"
     r"invoices?|credentials?|passwords?|keys?|data|contacts?|customers?|patients?|"
     r"accounts?|messages?|tokens?|secrets?)\s+(?:that\s+)?you\s+(?:can\s+|are\s+able\s+to\s+)?"
     r"(?:access|see|read|reach|have\s+access\s+to|know\s+(?:of|about))\b",
     ("you",)),
    ("agent.send_everything", 0.4,
     r"\b(?:send|forward|e-?mail|upload|post|copy|mail)\s+(?:it|them|this|everything|all(?:\s+"
     r"of\s+(?:it|them))?|the\s+(?:list|records|files|data|export|dump))\s+to\s+"
     r"[\w.+-]+@[\w-]+\.",
     ("@",)),
    # ---- "the previous rules no longer apply", in the languages of the first set --------
    ("agent.revoked_multi", 0.6,
     r"\b(?:vorgaben|anweisungen|regeln|richtlinien|instrucciones|reglas|indicaciones|"
     r"consignes|instructions|règles|istruzioni|regole|instruções|regras|instructies|"
     r"regels)\b[^\n.!?]{0,40}?(?:gelten\s+nicht\s+mehr|sind\s+(?:aufgehoben|ungültig|"
     r"hinfällig)|ya\s+no\s+(?:aplican|son\s+válidas|valen|rigen)|quedan\s+anuladas|"
     r"ne\s+s'appliquent\s+plus|ne\s+sont\s+plus\s+valables|sont\s+annulées|"
     r"non\s+valgono\s+più|non\s+sono\s+più\s+valide|sono\s+annullate|"
     r"não\s+se\s+aplicam\s+mais|não\s+valem\s+mais|foram\s+anuladas|"
     r"gelden\s+niet\s+meer|zijn\s+vervallen)",
     ("nicht mehr", "aufgehoben", "ungültig", "hinfällig", "ya no", "anulad", "plus",
      "annul", "più", "mais", "niet meer", "vervallen")),
    # ... and with "previous" before the noun: the reader's own earlier instructions
    ("agent.revoked_previous_multi", 0.5,
     r"\b(?:bisherigen|vorherigen|früheren|alten|anteriores|previas|précédentes|antérieures|"
     r"precedenti|anteriores|vorige|eerdere)\s+(?:vorgaben|anweisungen|regeln|richtlinien|"
     r"instrucciones|reglas|indicaciones|consignes|instructions|règles|istruzioni|regole|"
     r"instruções|regras|instructies|regels)\b",
     ("bisherig", "vorherig", "früher", "alten", "anterior", "previas", "précédent",
      "antérieur", "precedent", "vorige", "eerdere")),
    # an automated system addressed at the start of a line, in other languages
    ("agent.addressee_multi", 0.4,
     r"(?:^|[\n.;])\s*(?:an\s+(?:das|den|die)\s+(?:automatische\w*|ki\b|assistent\w*|"
     r"sprachmodell)|à\s+l['’]attention\s+d[eu]\s+(?:l['’]\s*|la\s+)?(?:ia|modèle|assistant|"
     r"système|agent)|para\s+(?:el|la)\s+(?:sistema|asistente|modelo|ia)\b|"
     r"al\s+(?:sistema|modello|assistente|agente)\b|ao\s+(?:sistema|assistente|modelo|"
     r"agente)\b|aan\s+(?:de|het)\s+(?:ai|assistent|model|systeem)\b)",
     ("an ", "attention", "para ", "al ", "ao ", "aan ")),
    *(rule for lang, (verbs, objects, gate) in _MULTI_OVERRIDE.items()
      for rule in _multi_override(lang, verbs, objects, gate)),
    *ROUND3_RULES,
)
