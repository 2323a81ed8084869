"""Build ``cleaner/data/bigrams.txt`` from the bigram counts that ship with
``wordsegment`` (Apache-2.0; Peter Norvig's ``count_2w.txt``, counted on
Google's trillion-word web corpus). Not imported at run time; run it again to
rebuild the table:

    pip download --no-deps wordsegment==1.3.1 -d /tmp/ws && unzip -o /tmp/ws/*.whl -d /tmp/ws
    python cleaner/data/build_bigrams.py /tmp/ws/wordsegment/bigrams.txt

Kept: pairs of lowercase ASCII words seen at least ``MIN_COUNT`` times (zipf
2.5 and up: 3 in a million word pairs), as ``first second<TAB>zipf``, where
zipf = log10(count per billion words), the scale wordfreq uses. The corpus
counts 1,024,908,267,229 words (wordsegment's ``TOTAL``). Of those, only the
pairs whose count can change a decision of the joined-words rule: both words
may be parts of a split, and either wordfreq lists the pair written as one
word ("alot", "init": is it a word or a join?), or the words' own frequencies
would not vouch for the pair (two open-class words, "return flight"; a pair
the rule's adjacency test refuses, "out of", "give up"). About 15,000 pairs,
2.5 MB in memory. Rebuild after changing those tests or thresholds.
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path

TOTAL_WORDS = 1_024_908_267_229
MIN_COUNT = 324_000  # zipf 2.5
PAIR = re.compile(r"[a-z]+ [a-z]+")
OUT = Path(__file__).resolve().parent / "bigrams.txt"


def can_decide(pair: str) -> bool:
    """Whether the rule's decision on ``pair`` written as one word may rest on its count."""
    from cleaner import lexicon
    from cleaner.rules import joined_words as rule

    first, second = pair.split(" ")
    if not (rule.is_part_word(first) and rule.is_part_word(second)):
        return False
    if lexicon.zipf(first + second) != lexicon.UNKNOWN_ZIPF:
        return True
    unigram_sum = lexicon.zipf(first) + lexicon.zipf(second)
    bar = rule.UNKNOWN_TOKEN_MIN_SUM[rule.pair_kind(first, second)]
    return unigram_sum < bar or not rule.could_be_adjacent(first, second)


def main(source: str) -> None:
    counts: dict[str, int] = {}
    with open(source, encoding="utf-8") as lines:
        for line in lines:
            pair, _, count = line.rstrip("\n").partition("\t")
            if PAIR.fullmatch(pair):
                counts[pair] = max(counts.get(pair, 0), int(count))  # the file repeats a few pairs
    kept = sorted((pair, count) for pair, count in counts.items() if count >= MIN_COUNT and can_decide(pair))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Bigram zipf frequencies from wordsegment 1.3.1 (Apache-2.0), built by build_bigrams.py\n")
        for pair, count in kept:
            out.write(f"{pair}\t{math.log10(count * 1e9 / TOTAL_WORDS):.2f}\n")
    print(f"{len(kept)} pairs -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
