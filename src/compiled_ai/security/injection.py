"""Input gate: a prompt-injection detector for spec text, fixtures and run-time inputs.

Every text is expanded into its decoded views (:func:`compiled_ai.security.decode.
decoded_variants`: zero-width removal, homoglyph folding, HTML comments, percent-encoding,
``\\u``/``\\x`` escapes, HTML entities, Unicode tags, base64, hex) and each view is scored
by two detectors:

* a small scored **rule set** (``RULES``): instruction-override phrases in eleven
  languages, role-play/jailbreak markers, system-prompt exfiltration, chat-template and
  role-tag delimiters, tool-call injection. A rule's weight is its evidence; weights add
  up to at most 1.0, and 1.0 (one strong rule, or several weaker ones) blocks on its own;
* a **TF-IDF + logistic-regression classifier** trained offline by
  ``scripts/train_injection_model.py`` and shipped as JSON
  (``data/injection_model.json``; no pickle, no numpy or scikit-learn at run time).

The two are combined as a noisy-OR, ``score = 1 - (1 - rules) * (1 - p_classifier)``,
and a text is blocked when any view's score reaches the threshold calibrated on
validation data for a low false-positive rate. Texts longer than 20,000 characters are
scanned in overlapping windows; past ``MAX_SCAN_CHARS`` (200,000) the gate fails closed.

Why both (measured by ``scripts/train_injection_model.py --seed 13``; the numbers live in
``benchmarks/security/injection_training.json`` and in the model's ``metadata.choice``):
the rules alone are precise (no false positives on any test set) but catch only ~6% of the
public test injections, which are mostly paraphrases; the classifier alone reaches F1 0.87
on the pooled public test splits at 0.14% FPR, but misses tool-call syntax, chat-template
delimiters, non-Latin scripts and injections buried in long documents (60% recall on the
hand-written attacks). Both together keep the classifier's false-positive rate (0.14%
public, 0 of 51 hand-written hard benign texts, 0 of 800 synthetic domain texts) and
reach 97% recall on the hand-written attacks and F1 0.87 on the public splits. A scan of
a typical 500-character input takes about 2 ms on one core. The classifier generalises
poorly across sources (F1 0.45-0.79 when one public source is held out), which is
another reason the rules stay in front of it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from compiled_ai.security.decode import MAX_INPUT_CHARS, decoded_variants

__all__ = [
    "MODEL_PATH",
    "RULES",
    "InjectionDetector",
    "InjectionVerdict",
    "Rule",
    "TextClassifier",
    "rule_hits",
    "scan_text",
]

MODEL_PATH = Path(__file__).with_name("data") / "injection_model.json"
MODEL_FORMAT = "compiled-ai/injection-model"
MODES = ("rules", "classifier", "both")
# Longer inputs are scanned in MAX_INPUT_CHARS windows; past this many characters the gate
# fails closed instead of doing unbounded work.
MAX_SCAN_CHARS = 200_000
_WINDOW_OVERLAP = 400


@dataclass(frozen=True)
class InjectionVerdict:
    blocked: bool
    score: float
    variant: str
    reasons: tuple[str, ...]


# --------------------------------------------------------------------------- rules

@dataclass(frozen=True)
class Rule:
    id: str
    weight: float
    pattern: re.Pattern[str]


def _rule(rule_id: str, weight: float, pattern: str, flags: int = re.IGNORECASE) -> Rule:
    return Rule(rule_id, weight, re.compile(pattern, flags))


# "ignore ... previous instructions": verbs, qualifiers and objects, English
_EN_VERB = (r"(?:ignore|disregard|forget|skip|set\s+aside|throw\s+out|discard|abandon|"
            r"neglect|do\s+not\s+follow|don'?t\s+follow|stop\s+following|"
            r"pay\s+no\s+attention\s+to)")
_EN_VERB_SOFT = r"(?:override|overrule|bypass|circumvent|break|violate|defy)"
_EN_OBJECT = (r"(?:instructions?|prompts?|rules|directions?|directives?|guidelines?|guardrails?|"
              r"constraints?|restrictions?|programming|training|commands?|polic(?:y|ies)|"
              r"safeguards?|protocols?|filters?|limitations?|boundaries|system\s+prompt|"
              r"safety\s+measures)")
# any of these between verb and object makes the phrase address the model's own rules
_EN_STRONG_QUAL = (r"(?:all|any|every|your|ur|the\s+above|above|everything|system|safety|"
                   r"ethical|moral|in-?built|built-?in|preset|pre-?programmed|programmed|core|"
                   r"internal|default|original|initial|developer|content)")
_EN_WEAK_QUAL = r"(?:previous|prior|earlier|preceding|foregoing|former|existing|old|these|those)"
_GAP_WORDS = r"(?:[\w'-]+[\s,]+){0,4}?"

RULES: tuple[Rule, ...] = (
    # ---- instruction override ------------------------------------------------------
    _rule("override.en", 1.0,
          rf"\b{_EN_VERB}\s+{_GAP_WORDS}{_EN_STRONG_QUAL}\b[\s,]+{_GAP_WORDS}{_EN_OBJECT}\b"),
    _rule("override.en_object_first", 1.0,
          rf"\b{_EN_VERB}\s+(?:all\s+|the\s+|your\s+|any\s+)*{_EN_OBJECT}\s+(?:above|before\s+this|"
          r"you\s+(?:were|have\s+been|'ve\s+been)\s+given|given\s+to\s+you|so\s+far)\b"),
    _rule("override.en_soft", 0.6,
          rf"\b{_EN_VERB_SOFT}\s+{_GAP_WORDS}{_EN_STRONG_QUAL}\b[\s,]+{_GAP_WORDS}{_EN_OBJECT}\b"),
    _rule("override.en_revoked", 0.6,
          r"\b(?:instructions|guidelines|rules|restrictions|safeguards|filters)\s+(?:are|have\s+been|"
          r"were|is)\s+(?:now\s+)?(?:revoked|lifted|removed|disabled|suspended|void|null|"
          r"deactivated|no\s+longer\s+(?:valid|in\s+effect|apply|applicable))\b"),
    _rule("override.en_previous", 0.6,
          rf"\b{_EN_VERB}\s+(?:the\s+|these\s+|those\s+)?{_EN_WEAK_QUAL}\s+"
          rf"(?:[\w'-]+\s+)?{_EN_OBJECT}\b"),
    _rule("override.en_above", 1.0,
          r"\b(?:ignore|disregard|forget)\s+(?:all\s+(?:of\s+)?)?(?:the\s+|what\s+is\s+|what's\s+)?"
          r"(?:above|preceding|previous|prior|everything\s+(?:above|before|else|previously))"
          r"(?=\s*(?:[,.;:!]|and\b|then\b|$))"),
    _rule("override.es", 1.0,
          r"\b(?:ignora|ignore|ignoren|ignorad|olvida|olvide|olviden|olvidad|omite|omita|descarta|"
          r"descarte|desatiende|desobedece|salta|sáltate|haz\s+caso\s+omiso\s+(?:a|de))\s+"
          r"(?:[\wáéíóúñü]+\s+){0,3}?(?:instrucciones|indicaciones|reglas|directrices|órdenes|"
          r"restricciones|pautas|normas|directivas|programación)"
          r"(?:\s+(?:anteriores|previas|de\s+arriba|originales|iniciales|del\s+sistema))?"),
    _rule("override.de", 1.0,
          r"\b(?:ignorier\w*|vergiss|vergesst|vergessen\s+sie|missacht\w*|übergeh\w*|"
          r"überspring\w*|umgeh\w*|setze?\s+(?:\w+\s+){0,3}außer\s+kraft)\s+"
          r"(?:[\wäöüß-]+\s+){0,3}?(?:anweisungen|instruktionen|regeln|richtlinien|vorgaben|"
          r"befehle|einschränkungen|programmierung|beschränkungen|systemanweisungen|"
          r"sicherheitsrichtlinien|vorschriften)"),
    _rule("override.fr", 1.0,
          r"\b(?:ignore[rz]?|oublie[rz]?|ne\s+tiens\s+pas\s+compte\s+d[eu]s?|"
          r"ne\s+tenez\s+pas\s+compte\s+d[eu]s?|fai(?:s|tes)\s+abstraction\s+d[eu]s?|"
          r"contourne[rz]?|néglige[rz]?|passe[rz]?\s+outre|outrepasse[rz]?|rejette[rz]?)\s+"
          r"(?:(?:toutes|tous|les|tes|vos|ces|l'ensemble\s+des|la\s+totalité\s+des|"
          r"précédentes|anciennes)\s+){1,3}(?:[\wàâçéèêëîïôûùüÿœ'-]+\s+)?"
          r"(?:instructions|consignes|règles|directives|"
          r"restrictions|commandes|ordres|contraintes|limites|programmation)"),
    _rule("override.it", 1.0,
          r"\b(?:ignora|ignorate|ignori|dimentica|dimenticate|trascura|tralascia|scavalca|"
          r"salta|disattendi|non\s+seguire)\s+(?:[\wàèéìòù'-]+\s+){0,3}?(?:istruzioni|regole|"
          r"direttive|indicazioni|restrizioni|comandi|linee\s+guida|vincoli|programmazione)"),
    _rule("override.pt", 1.0,
          r"\b(?:ignore|ignora|ignorem|esqueça|esquece|esqueçam|desconsidere|desconsidera|"
          r"descarte|descarta|despreze|despreza|contorne)\s+(?:[\wáâãàçéêíóôõú-]+\s+){0,3}?"
          r"(?:instruções|regras|diretrizes|orientações|restrições|comandos|diretivas|"
          r"programação|limitações)"),
    _rule("override.nl", 1.0,
          r"\b(?:negeer|vergeet|omzeil|veronachtzaam)\s+(?:\w+\s+){0,3}?(?:instructies|regels|"
          r"richtlijnen|opdrachten|beperkingen|aanwijzingen)"),
    _rule("override.ru", 1.0,
          r"(?:игнорируй|игнорируйте|проигнорируй|проигнорируйте|забудь|забудьте|"
          r"не\s+обращай\s+внимания\s+на|отмени|обойди)\s+(?:[а-яё]+\s+){0,3}?"
          r"(?:инструкции|указания|правила|ограничения|команды|инструкций|указаний|правил)"),
    _rule("override.zh", 1.0,
          r"(?:忽略|忽视|无视|不要理会|忘记|忘掉|跳过|绕过)[^。！？\n]{0,12}"
          r"(?:指令|指示|说明|规则|提示|命令|限制|要求|设定)"),
    _rule("override.ja", 1.0,
          r"(?:指示|命令|ルール|指令|プロンプト|制限|設定)[^。\n]{0,10}(?:無視|忘れ)"),
    _rule("override.ko", 1.0,
          r"(?:지시|명령|지침|규칙|프롬프트|제한)[^.\n]{0,12}(?:무시|잊어)"),
    # ---- system prompt exfiltration --------------------------------------------------
    _rule("exfil.your_prompt", 1.0,
          r"\b(?:reveal|show|print|output|display|repeat|recite|leak|dump|disclose|share|"
          r"tell\s+me|give\s+me|write\s+out|spell\s+out|provide|expose|reproduce|paste|"
          r"echo|type\s+out|list|return|send|what\s+(?:is|are|was|were))\s+"
          r"(?:me\s+)?(?:all\s+(?:of\s+)?)?(?:your|ur|the\s+assistant's|the\s+model's)\s+"
          r"(?:(?:full|entire|exact|complete|original|initial|hidden|secret|internal|"
          r"confidential|underlying|real|actual|system|developer|pre-?)\s*){0,3}"
          r"(?:system\s+prompt|prompt|instructions|rules|guidelines|directives|configuration|"
          r"initialization|instruction\s+set|programming)\b"),
    _rule("exfil.system_prompt", 0.7,
          r"\b(?:reveal|show|print|output|display|repeat|recite|leak|dump|disclose|share|"
          r"tell\s+me|give\s+me|write\s+out|spell\s+out|expose|reproduce|paste|echo)\s+"
          r"(?:\w+\s+){0,3}?(?:system\s+prompt|system\s+message|initial\s+prompt|"
          r"hidden\s+(?:instructions|prompt)|secret\s+instructions|pre-?prompt|"
          r"developer\s+(?:message|instructions)|instructions\s+above|prompt\s+above)\b"),
    _rule("exfil.repeat_above", 1.0,
          r"\b(?:repeat|print|output|copy|echo|recite|reproduce)\s+(?:back\s+)?"
          r"(?:all\s+|everything\s+|the\s+)?(?:text|words|content|lines|message|"
          r"everything)?\s*(?:above|before\s+this|preceding|prior\s+to\s+this)\b"
          r"(?:[^.\n]{0,60}\bstarting\s+with\b)?"),
    _rule("exfil.prompt_question", 0.6,
          r"\bwhat\s+(?:were|are|was)\s+you\s+(?:told|instructed|programmed|initialized|"
          r"initialised|configured)\b|\b(?:initial|original|hidden|secret|system)\s+"
          r"(?:prompt|instructions)\s+(?:you\s+were|that\s+you\s+were)\s+given\b"),
    _rule("exfil.secrets", 0.6,
          r"\b(?:reveal|print|send|output|leak|dump|list|give\s+me|show\s+me|forward|email|"
          r"post|upload|exfiltrate|extract)\s+(?:me\s+)?(?:all|every|each|any)\s+"
          r"(?:of\s+)?(?:the\s+)?(?:\w+\s+){0,2}?(?:api\s+keys?|passwords?|credentials|"
          r"secrets|tokens|credit\s+card\s+numbers|card\s+numbers|social\s+security\s+numbers|"
          r"private\s+keys?|patient\s+records|records|personal\s+data)\b"),
    _rule("exfil.send_to", 0.6,
          r"\b(?:send|forward|email|e-mail|post|upload|transmit|exfiltrate|leak|copy)\s+"
          r"(?:[\w-]+\s+){0,6}?(?:conversation|chat\s+history|history|credentials|passwords?|"
          r"api\s+keys?|secrets?|system\s+prompt|records|card\s+numbers|database|"
          r"personal\s+(?:data|information))\s+(?:[\w-]+\s+){0,3}?(?:to|at)\s+"
          r"(?:https?://|[\w.+-]+@[\w-]+\.[\w.]+)"),
    _rule("exfil.conversation", 0.4,
          r"\b(?:full|entire|whole|complete)\s+(?:conversation|chat\s+history|chat\s+log|"
          r"transcript|context\s+window|message\s+history)\b"),
    _rule("exfil.markdown_image", 0.7,
          r"!\[[^\]\n]{0,100}\]\(\s*https?://[^)\s]{1,300}[?&][\w-]{1,40}="
          r"(?:[{$<]|%7b|[^)\s]{0,100}(?:data|conversation|secret|token|key|prompt|history|"
          r"chat|password))"),
    _rule("exfil.prompt_multi", 1.0,
          r"(?:\b(?:muestra|muéstrame|revela|revélame|dime|imprime|repite|enséñame|"
          r"escribe)\s+(?:\w+\s+){0,3}?(?:prompt|instrucciones|indicaciones)\s+"
          r"(?:del|de)\s+sistema"
          r"|\b(?:zeig\w*|gib|verrat\w*|nenne|wiederhole|drucke)\s+(?:\w+\s+){0,3}?"
          r"(?:system-?prompt|systemanweisungen|systemanweisung|systemnachricht|"
          r"geheimen\s+anweisungen)"
          r"|\b(?:révèle|révélez|montre|montrez|affiche|affichez|donne|donnez|répète|répétez|"
          r"dis-moi|dites-moi)\s+(?:[\w'-]+\s+){0,3}?(?:prompt|invite|instructions|consignes)\s+"
          r"(?:système|du\s+système|initiales|cachées|secrètes)"
          r"|\b(?:rivela|mostra|mostrami|dimmi|ripeti|stampa)\s+(?:\w+\s+){0,3}?"
          r"(?:prompt|istruzioni)\s+(?:di\s+sistema|del\s+sistema|iniziali|nascoste|segrete)"
          r"|\b(?:revele|revela|mostre|mostra|diga|repita|imprima)\s+(?:\w+\s+){0,3}?"
          r"(?:prompt|instruções)\s+(?:do\s+sistema|de\s+sistema|iniciais|ocultas|secretas)"
          r"|(?:покажи|выведи|раскрой|повтори|напиши)\s+(?:\w+\s+){0,3}?"
          r"(?:системн\w+\s+(?:промпт|подсказк\w+|инструкци\w+)|промпт)"
          r"|(?:输出|显示|告诉我|泄露|打印|重复)[^。！？\n]{0,10}(?:系统提示|系统指令|提示词|初始指令))"),
    # ---- role-play / jailbreak -------------------------------------------------------
    _rule("jailbreak.dan", 1.0, r"\bdo\s+anything\s+now\b"),
    _rule("jailbreak.dan_name", 0.4, r"\bDAN\b", 0),
    _rule("jailbreak.mode", 0.8,
          r"\b(?:developer|dev|god|admin|debug|sudo|unrestricted|jailbreak|jailbroken|evil|"
          r"chaos|dan)\s+mode\s+(?:is\s+)?(?:now\s+)?(?:enabled|activated|on|unlocked|engaged)\b"
          r"|\b(?:enter|activate|enable|switch\s+to|switching\s+to|you\s+are\s+(?:now\s+)?in)\s+"
          r"(?:the\s+)?(?:god|unrestricted|jailbreak|jailbroken|evil|chaos|dan|unfiltered|"
          r"uncensored|developer|dev)[\s_-]+mode\b"),
    _rule("jailbreak.persona", 0.8,
          r"\b(?:you\s+are|you're|act\s+as|acting\s+as|pretend\s+(?:to\s+be|you\s+are)|"
          r"role-?play\s+as|behave\s+(?:as|like)|become|(?:respond|answer|reply|speak|talk)\s+as)"
          r"\s+(?:now\s+)?"
          r"(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:unrestricted|unfiltered|uncensored|jailbroken|"
          r"amoral|unethical|evil|rogue|liberated|unbound|unchained|limitless|lawless|"
          r"ethics-free)\b"),
    _rule("jailbreak.unrestricted_ai", 0.8,
          r"\b(?:ai|assistant|model|chatbot|bot|llm)\s+(?:without|with\s+no|free\s+(?:of|from)|"
          r"that\s+has\s+no|who\s+has\s+no)\s+(?:any\s+)?(?:restrictions|limits|limitations|rules|"
          r"filters|guidelines|boundaries|censorship|constraints)\b"),
    _rule("jailbreak.roleplay_secret", 0.6,
          r"\b(?:pretend|role-?play|act\s+as|imagine\s+you\s+are|you\s+are\s+playing)\b"
          r"[^.\n]{0,80}\b(?:passwords?|api\s+keys?|credentials|secret\s+keys?|licen[cs]e\s+keys?|"
          r"serial\s+keys?|activation\s+keys?)\b"),
    _rule("jailbreak.no_ethics", 0.5,
          r"\b(?:without|no|free\s+(?:of|from)|not\s+bound\s+by|ignoring|beyond|unbound\s+by|"
          r"freed\s+from)\s+(?:any\s+)?(?:ethical|moral|safety|content)\s+"
          r"(?:guidelines|constraints|restrictions|filters|polic(?:y|ies)|rules|boundaries|"
          r"limits|limitations|considerations)\b|\bno\s+(?:censorship|filters)\b"),
    _rule("jailbreak.refusal_suppression", 0.6,
          r"\b(?:you\s+(?:must|will|shall|can)\s*(?:not|never)\s+refuse|never\s+refuse|"
          r"do\s+not\s+refuse|don'?t\s+refuse|must\s+(?:always\s+)?comply|without\s+refusing|"
          r"no\s+refusals?|you\s+cannot\s+decline|never\s+say\s+(?:no|you\s+can'?t)|"
          r"without\s+(?:any\s+)?(?:warnings|disclaimers|caveats)\s+or\s+refusals?)\b"),
    _rule("jailbreak.character", 0.4,
          r"\b(?:stay|remain)\s+in\s+character\b|\bnever\s+break\s+character\b"),
    _rule("jailbreak.keyword", 0.3, r"\bjailbr(?:ea|o)k(?:en|ing|s)?\b"),
    # ---- delimiter / role injection --------------------------------------------------
    _rule("delimiter.chat_template", 1.0,
          r"<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|"
          r"end_header_id|begin_of_text|end_of_text)\|>|\[/?INST\]|<</?SYS>>|"
          r"<(?:start|end)_of_turn>"),
    _rule("delimiter.role_breakout", 0.8,
          r"</\s*(?:system|user|human|assistant|instructions?|context|document|data|input|"
          r"query|prompt)\s*>\s*<\s*(?:system|assistant|developer|instructions?|admin)\s*>"),
    _rule("delimiter.role_tag", 0.3,
          r"</?\s*(?:system|assistant|developer|sys)\s*>"),
    _rule("delimiter.heading", 0.4,
          r"(?m)^[ \t]*(?:#{2,6}|={3,}|\*{3,}|-{3,})[ \t]*(?:system(?:\s+prompt|\s+message)?|"
          r"new\s+instructions?|instructions?|admin|developer|override)\b[^\n]{0,20}$"),
    _rule("delimiter.role_prefix", 0.4,
          r"(?m)^[ \t]*(?:system|assistant|developer|admin)[ \t]*:[ \t]*\S"),
    _rule("delimiter.admin_block", 0.7,
          r"\[\s*(?:system|admin|developer|sys|system\s+message|system\s+override)\s*\]|"
          r"\b(?-i:SYSTEM|ADMIN|DEVELOPER|SECURITY)\s+(?-i:OVERRIDE)\b|"
          r"\b(?:system|admin|developer|security)\s+override\s*[:!\]]|"
          r"\bbegin\s+(?:admin|system|developer)\s+(?:message|prompt|instructions?|override)\b|"
          r"\*{2,}\s*(?:system|admin)[ _-]?\w*\s*\*{2,}"),
    # ---- new instructions / indirect injection ---------------------------------------
    _rule("inject.new_instructions", 0.5,
          r"\b(?:new|updated|revised|real|actual|true|secret|hidden|override)\s+"
          r"(?:instructions?|directives?|rules|task|objective|orders|prompt)\s*(?::|are\b|is\b)"),
    _rule("inject.from_now_on", 0.3,
          r"\b(?:from\s+now\s+on|henceforth|from\s+this\s+point\s+(?:on|forward))\b,?\s+"
          r"(?:you|your|always|only|respond|answer|act|reply|ignore)\b"),
    _rule("inject.you_are_now", 0.3, r"\byou\s+are\s+now\b|\byou're\s+now\b"),
    _rule("inject.instead", 0.5,
          r"\b(?:and|but)\s+instead\s+(?:tell|say|output|print|reveal|write|respond|reply|"
          r"answer)\b|\binstead,?\s+(?:output|print|respond\s+with|reply\s+with)\b"),
    _rule("inject.pwned", 0.6, r"\bpwned\b"),
    _rule("inject.ai_addressed", 0.6,
          r"\b(?:note|message|instructions?|attention|hey|dear|important)\s+(?:to|for)\s+"
          r"(?:the\s+|any\s+|all\s+)?(?:ai|assistant|llm|language\s+model|chatbot|gpt|model|"
          r"ai\s+(?:assistant|agent|model)|agent|bot)s?\b"
          r"|\b(?:ai|llm)\s+(?:assistant|agent|model)s?\s*[,:]\s*(?:please\s+)?"
          r"(?:ignore|forward|send|reveal|disregard|do|execute|mark|approve|output|print)\b"),
    _rule("inject.decode_and_follow", 0.7,
          r"\b(?:decode|decipher|translate|convert)\s+(?:this|the\s+following|it)\s+"
          r"(?:[\w-]+\s+){0,3}?(?:and|then)\s+(?:follow|execute|obey|run|do\s+what|act\s+on)\b"),
    # ---- tool-call injection ---------------------------------------------------------
    # model-protocol markup or a structured tool call has no business in business input
    _rule("tool.call_markup", 1.0,
          r"<\s*(?:tool_call|function_calls?|tool_use|tool_code)\s*>|<\s*invoke\s+name\s*=|"
          r"[\"'](?:tool_calls|function_call|tool_use)[\"']\s*:\s*[\[{][^\n]{0,200}?"
          r"[\"'](?:name|function|arguments)[\"']\s*:"),
    _rule("tool.call_syntax", 0.5,
          r"[\"']?\b(?:tool_calls?|function_call|tool_use|tool_code)\b[\"']?\s*[:=]"),
    _rule("tool.call_instruction", 0.4,
          r"\b(?:call|invoke|use|run|execute|trigger)\s+(?:the\s+)?[`'\"]?[\w.-]+[`'\"]?\s+"
          r"(?:tool|function|plugin|action)\s+(?:with|to|and|using)\b"),
    _rule("tool.exec", 0.5,
          r"\b(?:execute|run|eval)\s+(?:this|the\s+following|these)\s+(?:shell\s+)?"
          r"(?:commands?|code|script|payload)\b|\bcurl\s+[^|\n]{1,200}\|\s*(?:ba|z)?sh\b|"
          r"\brm\s+-rf\s+/(?:\s|$)|\bexecute\s+(?:this|it)\s+immediately\b"),
)


_RULE_WEIGHTS = {rule.id: rule.weight for rule in RULES}
assert len(_RULE_WEIGHTS) == len(RULES), "rule ids must be unique"


def rule_hits(text: str) -> tuple[float, tuple[str, ...]]:
    """The rule score of one text (sum of matched weights, at most 1.0) and the rule ids."""
    hits = tuple(rule.id for rule in RULES if rule.pattern.search(text))
    if not hits:
        return 0.0, ()
    return min(1.0, round(sum(_RULE_WEIGHTS[h] for h in hits), 6)), hits


# --------------------------------------------------------------------------- classifier

_WHITE_SPACES = re.compile(r"\s\s+")


def _char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """Character n-grams inside word boundaries, padded with spaces (as scikit-learn's
    ``analyzer="char_wb"`` produces them)."""
    grams: list[str] = []
    append = grams.append
    for word in _WHITE_SPACES.sub(" ", text).split():
        word = f" {word} "
        length = len(word)
        for n in range(low, high + 1):
            offset = 0
            append(word[offset:offset + n])
            while offset + n < length:
                offset += 1
                append(word[offset:offset + n])
            if offset == 0:  # a word shorter than n is counted once
                break
    return grams


def _word_ngrams(tokens: list[str], low: int, high: int) -> list[str]:
    """Word n-grams (as scikit-learn's ``analyzer="word"`` produces them)."""
    grams: list[str] = list(tokens) if low == 1 else []
    start = max(low, 2)
    for n in range(start, min(high, len(tokens)) + 1):
        for i in range(len(tokens) - n + 1):
            grams.append(" ".join(tokens[i:i + n]))
    return grams


class _Block:
    """One TF-IDF vectorizer's vocabulary with its idf and logistic-regression weights."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.analyzer = str(spec["analyzer"])
        if self.analyzer not in ("word", "char_wb"):
            raise ValueError(f"unsupported analyzer {self.analyzer!r}")
        low, high = spec["ngram_range"]
        self.low, self.high = int(low), int(high)
        self.lowercase = bool(spec.get("lowercase", True))
        self.sublinear_tf = bool(spec.get("sublinear_tf", False))
        self.token_re = re.compile(str(spec.get("token_pattern", r"(?u)\b\w\w+\b")))
        features: Mapping[str, Any] = spec["features"]
        self.idf: dict[str, float] = {}
        self.weight: dict[str, float] = {}
        for gram, (idf, weight) in features.items():
            self.idf[gram] = float(idf)
            self.weight[gram] = float(weight)

    def grams(self, text: str) -> list[str]:
        if self.lowercase:
            text = text.lower()
        if self.analyzer == "char_wb":
            return _char_wb_ngrams(text, self.low, self.high)
        return _word_ngrams(self.token_re.findall(text), self.low, self.high)

    def decision(self, text: str) -> float:
        counts: dict[str, int] = {}
        idf = self.idf
        for gram in self.grams(text):
            if gram in idf:
                counts[gram] = counts.get(gram, 0) + 1
        if not counts:
            return 0.0
        dot = 0.0
        norm = 0.0
        weight = self.weight
        for gram, count in counts.items():
            tf = 1.0 + math.log(count) if self.sublinear_tf else float(count)
            value = tf * idf[gram]
            norm += value * value
            dot += value * weight[gram]
        return dot / math.sqrt(norm)


class TextClassifier:
    """Pure-Python inference for the shipped TF-IDF + logistic-regression model."""

    def __init__(self, model: Mapping[str, Any]) -> None:
        if model.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a {MODEL_FORMAT} file")
        self.blocks = [_Block(spec) for spec in model["blocks"]]
        self.intercept = float(model["intercept"])

    def decision(self, text: str) -> float:
        return self.intercept + sum(block.decision(text) for block in self.blocks)

    def probability(self, text: str) -> float:
        z = self.decision(text)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)


# --------------------------------------------------------------------------- detector

def _load_model(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise FileNotFoundError(
            f"injection model not found at {path}; rebuild it with "
            "`python scripts/train_injection_model.py --out "
            "src/compiled_ai/security/data/injection_model.json --seed 13`") from exc
    model = json.loads(text)
    if not isinstance(model, dict):
        raise ValueError(f"{path}: not an injection model")
    return model


@lru_cache(maxsize=1)
def _shipped_model() -> dict[str, Any]:
    return _load_model(MODEL_PATH)


class InjectionDetector:
    """Rules plus the shipped classifier over every decoded view of a text.

    ``threshold`` overrides the calibrated threshold stored with the model. ``model`` (a
    parsed model mapping) and ``mode`` (``"rules"``, ``"classifier"`` or ``"both"``) exist
    for the training script's comparisons; by default the shipped model and its chosen
    mode are used.
    """

    def __init__(self, threshold: float | None = None, *,
                 model: Mapping[str, Any] | None = None, mode: str | None = None,
                 max_chars: int = MAX_SCAN_CHARS) -> None:
        self.model = dict(model) if model is not None else _shipped_model()
        self.mode = mode or str(self.model.get("mode", "both"))
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {self.mode!r}")
        thresholds: Mapping[str, Any] = self.model.get("thresholds", {})
        if threshold is None:
            threshold = float(thresholds.get(self.mode, self.model.get("threshold", 0.5)))
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = float(threshold)
        self.max_chars = max_chars
        self.classifier = TextClassifier(self.model) if self.mode != "rules" else None

    def _score_view(self, text: str) -> tuple[float, tuple[str, ...], float]:
        """(combined score, matched rule ids, classifier probability) of one view."""
        rules_score, hits = rule_hits(text) if self.mode != "classifier" else (0.0, ())
        p = self.classifier.probability(text) if self.classifier is not None else 0.0
        if self.mode == "rules":
            score = rules_score
        elif self.mode == "classifier":
            score = p
        else:
            score = 1.0 - (1.0 - rules_score) * (1.0 - p)
        return score, hits, p

    def _windows(self, text: str) -> list[str]:
        if len(text) <= MAX_INPUT_CHARS:
            return [text]
        step = MAX_INPUT_CHARS - _WINDOW_OVERLAP
        return [text[i:i + MAX_INPUT_CHARS] for i in range(0, len(text), step)]

    def scan(self, text: str) -> InjectionVerdict:
        if len(text) > self.max_chars:
            return InjectionVerdict(True, 1.0, "original",
                                    (f"input_too_long@original ({len(text)} > "
                                     f"{self.max_chars} characters)",))
        results: list[tuple[str, float, tuple[str, ...], float]] = []
        for window in self._windows(text):
            for name, view in decoded_variants(window):
                score, hits, p = self._score_view(view)
                results.append((name, score, hits, p))
        top = max(results, key=lambda r: r[1])
        blocked = [r for r in results if r[1] >= self.threshold]
        reasons: list[str] = []
        for name, _score, hits, p in blocked or [top]:
            reasons.extend(f"{hit}@{name}" for hit in hits)
            if blocked and self.classifier is not None and p >= 0.5:
                reasons.append(f"classifier@{name}")
        variant = blocked[0][0] if blocked else top[0]
        return InjectionVerdict(bool(blocked), round(top[1], 6), variant,
                                tuple(dict.fromkeys(reasons)))


@lru_cache(maxsize=1)
def _default_detector() -> InjectionDetector:
    return InjectionDetector()


def scan_text(text: str) -> InjectionVerdict:
    """Scan ``text`` with the default (shipped) detector."""
    return _default_detector().scan(text)
