"""Measure the ``joined-words`` rule on real English prose we did not write.

The prose is the Debian FAQ and the BSD fortunes, fetched from Debian packages
by ``benchmarks/prose.py`` into ``benchmarks/data/`` (git-ignored, never
committed). Get it once with::

    .venv/bin/python benchmarks/prose.py      # needs apt-get download + dpkg-deb

then run::

    .venv/bin/python benchmarks/joined_words.py [--rate 0.02] [--seed 1] [--show 20]

How it scores. The prose is cut into documents of about ``DOCUMENT_WORDS``
words at blank lines (the rule reads a whole document at once, and a token
recurring in one document counts as evidence that it is a real word). In each
document, every single space between two purely alphabetic words is an
eligible boundary; with a fixed seed, ``--rate`` of them are removed (never two
in a row). The rule runs on the corrupted documents; since it only inserts
spaces, each inserted space has a position in the corrupted text, which is
compared with the positions of the removed spaces:
- precision: inserted spaces that restore a removed one / all inserted spaces;
- recall: removed spaces restored / removed spaces, for all joins and for joins
  with a short function word on one side (of, by, the, to, in, and, on, at,
  for, with, that, from);
- false changes: spaces the rule inserts into the uncorrupted documents, per
  10,000 words;
- throughput: the rule alone, caches warm, over all the English prose as one
  string, over the clean documents and over the corrupted ones, and the rule
  and the whole chain over the documents with a dozen names and brands added
  to every paragraph (the word list's load time, paid once per process, is
  printed apart).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prose import debian_faq, english_prose, fortunes  # noqa: E402

from cleaner import clean, lexicon  # noqa: E402
from cleaner.rules.joined_words import RULE  # noqa: E402

DOCUMENT_WORDS = 1000
ALPHABETIC = re.compile(r"[A-Za-z]+")
TOKEN = re.compile(r"\S+")
BASELINE_TOKEN = re.compile(r"(?<![\w@#/.-])[A-Za-z]+(?![\w@/-])")


def documents(text: str, size: int = DOCUMENT_WORDS) -> list[str]:
    """``text`` cut at blank lines into pieces of about ``size`` words."""
    pieces, current, words = [], [], 0
    for paragraph in text.split("\n\n"):
        current.append(paragraph)
        words += len(paragraph.split())
        if words >= size:
            pieces.append("\n\n".join(current))
            current, words = [], 0
    if current:
        pieces.append("\n\n".join(current))
    return pieces


def corrupt(text: str, rate: float, rng: random.Random) -> tuple[str, list[tuple[int, str, str]]]:
    """Remove ``rate`` of the eligible spaces. Returns the corrupted text and, for
    each join, its position in the corrupted text and the two words joined."""
    tokens = list(TOKEN.finditer(text))
    out, joins, last, previous_joined = [], [], 0, False
    removed = 0
    for left, right in zip(tokens, tokens[1:]):
        eligible = (
            text[left.end() : right.start()] == " "
            and ALPHABETIC.fullmatch(left.group())
            and ALPHABETIC.fullmatch(right.group())
        )
        if eligible and not previous_joined and rng.random() < rate:
            out.append(text[last : left.end()])
            last = right.start()
            joins.append((left.end() - removed, left.group(), right.group()))
            removed += 1
            previous_joined = True
        else:
            previous_joined = False
    out.append(text[last:])
    return "".join(out), joins


def inserted_spaces(before: str, after: str) -> list[int]:
    """Positions in ``before`` where ``after`` has an extra space (the rule only inserts spaces)."""
    positions, i = [], 0
    for j, char in enumerate(after):
        if i < len(before) and before[i] == char:
            i += 1
        elif char == " ":
            positions.append(i)
        else:
            raise AssertionError(f"rule changed more than spaces near {before[max(0, i - 30) : i + 30]!r}")
    assert i == len(before), "rule dropped text"
    return positions


def context(text: str, position: int, width: int = 30) -> str:
    return text[max(0, position - width) : position + width].replace("\n", " ")


def baseline_splitter(skip_capitalised: bool) -> Callable[[str], str]:
    """The naive splitters the rule is measured against: any token wordfreq does
    not list is cut where its two parts (both listed) are most frequent."""

    def split_token(match: re.Match[str]) -> str:
        token = match.group()
        if lexicon.zipf(token.lower()) > 0 or (skip_capitalised and not token.islower()):
            return token
        cuts = [
            (lexicon.zipf(token[:i].lower()) + lexicon.zipf(token[i:].lower()), i)
            for i in range(1, len(token))
            if lexicon.zipf(token[:i].lower()) > 0 and lexicon.zipf(token[i:].lower()) > 0
        ]
        if not cuts:
            return token
        index = max(cuts)[1]
        return f"{token[:index]} {token[index:]}"

    return lambda text: BASELINE_TOKEN.sub(split_token, text)


def score(docs: list[str], rate: float, seed: int, show: int, apply: Callable[[str], str] = RULE.apply) -> list[str]:
    """Print precision, recall and false changes; return the corrupted documents."""
    rng = random.Random(seed)
    corrupted_docs = []
    hits = inserted = 0
    joins_all = joins_function = restored_all = restored_function = 0
    false_examples, missed_examples = [], []
    for doc in docs:
        corrupted, joins = corrupt(doc, rate, rng)
        corrupted_docs.append(corrupted)
        fixed = apply(corrupted)
        positions = set(inserted_spaces(corrupted, fixed))
        wanted = {position for position, _, _ in joins}
        inserted += len(positions)
        hits += len(positions & wanted)
        for position in sorted(positions - wanted):
            false_examples.append(context(fixed, position + sum(1 for p in positions if p < position)))
        for position, left, right in joins:
            function = left.lower() in lexicon.FUNCTION_WORDS or right.lower() in lexicon.FUNCTION_WORDS
            joins_all += 1
            joins_function += function
            if position in positions:
                restored_all += 1
                restored_function += function
            else:
                missed_examples.append(left + right)
    words = sum(len(doc.split()) for doc in docs)
    clean_changes = []
    for doc in docs:
        fixed = apply(doc)
        for position in inserted_spaces(doc, fixed):
            clean_changes.append(context(doc, position))
    print(f"documents: {len(docs)}, words: {words:,}, joins: {joins_all} ({joins_function} with a function word)")
    print(f"precision:                 {hits / max(inserted, 1):7.2%}  ({hits}/{inserted})")
    print(f"recall, function-word joins: {restored_function / max(joins_function, 1):7.2%}  ({restored_function}/{joins_function})")
    print(f"recall, all joins:         {restored_all / max(joins_all, 1):7.2%}  ({restored_all}/{joins_all})")
    print(f"false changes per 10k clean words: {len(clean_changes) * 10_000 / words:.2f}  ({len(clean_changes)} in {words:,} words)")
    if show:
        print("\nwrong splits in corrupted text:", *false_examples[:show], sep="\n  ")
        print("\nchanges to clean text:", *clean_changes[:show], sep="\n  ")
        print("\nmissed joins:", " ".join(missed_examples[: show * 5]))
    return corrupted_docs


def load_time() -> float:
    """Seconds to load the word list (wordfreq import and table), paid once per process."""
    start = time.perf_counter()
    lexicon.zipf("the")
    return time.perf_counter() - start


def megabytes_per_second(texts: list[str], apply: Callable[[str], str] = RULE.apply, repeats: int = 5) -> float:
    """Best of ``repeats`` runs of ``apply`` (the rule) over ``texts``, warm caches."""
    for text in texts:
        apply(text)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for text in texts:
            apply(text)
        best = min(best, time.perf_counter() - start)
    return sum(len(text.encode("utf-8")) for text in texts) / 1e6 / best


# Names, brands and camelCase tokens appended to every paragraph of the prose:
# news-like text in which most capitalised tokens are candidates to look at.
NAMES = """Joe Biden said Trump told CNN, Kyiv and Moscow; iPhone YouTube WordPress McDonald
DeSantis Zelenskyy Stefanishyna met Witkoff in New York with President Musharraf""".split()


def names_heavy(docs: list[str], seed: int = 3) -> list[str]:
    """``docs`` with twelve names or brands added to every paragraph."""
    rng = random.Random(seed)
    return [
        "\n\n".join(f"{' '.join(p.split())} {' '.join(rng.choice(NAMES) for _ in range(12))}." for p in doc.split("\n\n"))
        for doc in docs
    ]


def throughput(docs: list[str], corrupted_docs: list[str]) -> None:
    text = english_prose()
    size = len(text.encode("utf-8")) / 1e6
    print(f"throughput, all English prose as one {size:.2f} MB text: {megabytes_per_second([text]):.1f} MB/s")
    print(f"throughput, the same prose as {len(docs)} documents:     {megabytes_per_second(docs):.1f} MB/s")
    print(f"throughput, the corrupted documents:         {megabytes_per_second(corrupted_docs):.1f} MB/s")
    named = names_heavy(docs)
    print(f"throughput, the documents with many names:   {megabytes_per_second(named):.1f} MB/s")
    print(f"throughput of the whole chain on them:       {megabytes_per_second(named, clean):.1f} MB/s")


def changes_to_other_languages() -> None:
    for language in ("de", "fr"):
        text = debian_faq(language)
        whole = len(inserted_spaces(text, RULE.apply(text)))
        pieces = sum(len(inserted_spaces(doc, RULE.apply(doc))) for doc in documents(text))
        print(f"changes to the Debian FAQ in {language}: {whole} (as one text), {pieces} (as documents)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=float, default=0.02, help="share of eligible spaces removed")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="print this many wrong and missed examples")
    parser.add_argument("--baselines", action="store_true", help="also score the two naive splitters")
    args = parser.parse_args()
    print(f"word list load: {load_time():.2f} s")
    docs = documents(debian_faq("en")) + documents(fortunes())
    corrupted_docs = score(docs, args.rate, args.seed, args.show)
    throughput(docs, corrupted_docs)
    if args.baselines:
        for skip_capitalised in (False, True):
            print(f"\nbaseline: split tokens wordfreq does not list{', skip capitalised' * skip_capitalised}")
            score(docs, args.rate, args.seed, 0, baseline_splitter(skip_capitalised))
    changes_to_other_languages()


if __name__ == "__main__":
    main()
