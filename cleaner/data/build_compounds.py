"""Build ``cleaner/data/compounds.txt`` from the word counts that ship with
``wordsegment`` (Apache-2.0; Peter Norvig's ``count_1w.txt``, counted on
Google's trillion-word web corpus), as ``build_bigrams.py`` builds the pair
table from its pair counts. Not imported at run time; run it again to
rebuild the table:

    pip download --no-deps wordsegment==1.3.1 -d /tmp/ws && unzip -o /tmp/ws/*.whl -d /tmp/ws
    python cleaner/data/build_compounds.py /tmp/ws/wordsegment/unigrams.txt

Kept: the words that wordfreq does not list, that the web writes as one word
(``runlevel``, ``manpage``, ``basename``, ``netfilter``: technical compounds
too rare for wordfreq's list), and that the joined-words rule would otherwise
read as two open-class words, or as a prefix-like word and an open-class one
(``indem``), where the count can change the rule's decision. Each as
``word<TAB>zipf`` (log10 of the count per billion words): the rule weighs a
split against that frequency (see ``WEB_COMPOUND_MARGIN``). Joins with a function word (``ofthe``, ``inthe``: the web
has those typos too) are left out, so that they still split.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

TOTAL_WORDS = 1_024_908_267_229
OUT = Path(__file__).resolve().parent / "compounds.txt"


def is_compound(word: str, zipf: float) -> bool:
    """Whether the rule would read ``word`` as two words of which neither is
    closed-class, and its count can change the decision: the pair could
    clear the bar for an unknown token (with the document's help) but not
    the web's count of the word, or the word could be read as three or four."""
    from cleaner import lexicon
    from cleaner.rules import joined_words as rule

    if not word.isascii() or not word.isalpha() or not word.islower() or len(word) < rule.SHORTEST_TOKEN:
        return False
    if lexicon.zipf(word) != lexicon.UNKNOWN_ZIPF:
        return False
    candidates = rule.scored_splits(word)
    if not candidates:
        return False
    best_sum, index = candidates[0]
    kind = rule.pair_kind(word[:index], word[index:])
    if kind not in ("open", "prefix"):
        return False
    could_split = best_sum + rule.DOCUMENT_EVIDENCE_BONUS >= rule.UNKNOWN_TOKEN_MIN_SUM[kind]
    if could_split and best_sum - 9.0 - zipf - rule.WEB_COMPOUND_MARGIN < 0:
        return True
    readings = rule.best_segmentations(word, 0, rule.MOST_PARTS)
    return len(word) >= rule.SHORTEST_SEGMENTED_TOKEN and bool(readings) and len(readings[0][1]) >= 2


def zipf_of(count: int) -> float:
    return round(math.log10(count * 1e9 / TOTAL_WORDS), 2)


def main(source: str) -> None:
    kept = []
    with open(source, encoding="utf-8") as lines:
        for line in lines:
            word, _, count = line.rstrip("\n").partition("\t")
            if is_compound(word, zipf_of(int(count))):
                kept.append((word, int(count)))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Word zipf frequencies from wordsegment 1.3.1 (Apache-2.0), built by build_compounds.py\n")
        for word, count in sorted(kept):
            out.write(f"{word}\t{zipf_of(count):.2f}\n")
    print(f"{len(kept)} words -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
