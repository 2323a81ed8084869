"""Throughput of ``cleaner`` on news-like English, side by side with ftfy,
clean-text and a plain read+write, in MB/s of UTF-8 input.

    .venv/bin/python benchmarks/throughput.py [--mb 20] [--input prose|news] [--profile]

The input is real prose (``benchmarks/prose.py``) made to look like a news
feed: paragraphs reflowed onto one line each, grouped into ~5 KB documents,
straight quotes and " -- " turned into curly quotes and em dashes in enough
documents that about 0.3% of characters are non-ASCII, one mojibake
apostrophe ("â€™") per ~20 KB and one ``&amp;`` per ~100 KB. Only the public
API is used, so it runs whatever rules are registered.

``--input news`` takes real news stories instead (``benchmarks/news.py``: the
Lee corpus of ABC news stories and the repository's wire stories), full of
names wordfreq does not know, with half of the ~5 KB documents typeset
(curly quotes and apostrophes, " - " as an em dash), the same dirt injected.
The command line is measured with ``-j 1`` (one core) and ``-j 2`` (one
stream on two cores, ``cleaner.parallel``); the floor rows are a plain
read+write and one regex pass over the text. ``--profile`` adds
the time per rule and per stage of the chain (regions found, read, carried
and checked again; edits applied) and cProfile's top functions for
``cleaner.clean`` on the whole text.
``clean-text`` (``pip install clean-text``) is measured when installed.

Every figure is the best of three runs, and no run reuses what the run before
it learnt on the same text: the API rows run ``cleaner.clean`` in a fresh
process (the import is start-up, not timed), the other rows forget the rules'
memos first (``forget_memos``). The row "memos warm" cleans the same text
again in one process, an upper bound no real corpus reaches.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import ftfy

import cleaner
from news import news_stories
from prose import english_prose

DOCUMENT_CHARS = 5_000
TARGET_NON_ASCII = 0.003
MOJIBAKE_EVERY = 20_000
ENTITY_EVERY = 100_000
QUOTED = re.compile(r'"([^"\n]{1,400})"')
APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def paragraphs() -> list[str]:
    """The benchmark prose as one-line paragraphs, the way feeds carry them."""
    text = english_prose().replace("\xa0", " ")
    result = []
    for block in re.split(r"\n[ \t]*\n", text):
        line = " ".join(part.strip() for part in block.splitlines() if part.strip())
        if line:
            result.append(line)
    return result


def typeset(paragraph: str) -> str:
    """Curly quotes, apostrophes and em dashes, as an editor's software would set them."""
    paragraph = QUOTED.sub("\u201c\\1\u201d", paragraph)
    return APOSTROPHE.sub("\u2019", paragraph).replace(" -- ", " \u2014 ").replace(" - ", " \u2014 ")


def non_ascii_share(text: str) -> float:
    return sum(1 for char in text if not char.isascii()) / max(len(text), 1)


def news_paragraphs() -> list[str]:
    """The news stories' paragraphs (a Lee story is one paragraph), one line each."""
    return [line for story in news_stories() for line in re.split(r"\n[ \t]*\n", story) if line.strip()]


def documents(target_bytes: int, rng: random.Random, news: bool = False) -> list[str]:
    """Shuffled paragraphs grouped into ~5 KB documents until ``target_bytes``."""
    source = news_paragraphs() if news else paragraphs()
    if news:
        typeset_share = 0.5
    else:
        typeset_share = TARGET_NON_ASCII / max(non_ascii_share("\n\n".join(map(typeset, source))), 1e-9)
    docs: list[str] = []
    size = 0
    while size < target_bytes:
        rng.shuffle(source)
        current: list[str] = []
        length = 0
        for paragraph in source:
            current.append(paragraph)
            length += len(paragraph) + 2
            if length >= DOCUMENT_CHARS:
                doc = "\n\n".join(current)
                docs.append(typeset(doc) if rng.random() < typeset_share else doc)
                size += len(docs[-1].encode()) + 2
                current, length = [], 0
                if size >= target_bytes:
                    break
    return docs


def inject_dirt(text: str) -> str:
    """One mojibake apostrophe per ~20 KB and one ``&amp;`` per ~100 KB."""
    out, last = [], 0
    for start in range(MOJIBAKE_EVERY, len(text), MOJIBAKE_EVERY):
        found = text.find("\u2019", start, start + MOJIBAKE_EVERY)
        if found < 0:
            found = text.find("'", start, start + MOJIBAKE_EVERY)
        if found >= last:
            out += [text[last:found], "\u00e2\u20ac\u2122"]
            last = found + 1
    text = "".join(out) + text[last:]
    for start in range(ENTITY_EVERY, len(text), ENTITY_EVERY):
        found = text.find(" and ", start)
        if found >= 0:
            text = text[:found] + " &amp; " + text[found + 5 :]
    return text


def build_corpus(megabytes: float, seed: int = 2024, news: bool = False) -> list[str]:
    docs = documents(int(megabytes * 1_000_000), random.Random(seed), news)
    return inject_dirt("\n\n\n".join(docs)).split("\n\n\n")


def forget_memos() -> None:
    """Empty what the rules remember between calls (the unicode rule's lines
    ftfy read, every ``lru_cache`` of a cleaner module: joined-words' verdicts
    on tokens, the word list's answers), so that a repeat on the same text
    does not reuse the answers of the run before it: a program cleaning a
    corpus meets most of its tokens for the first time."""
    from cleaner import lexicon
    from cleaner.rules import unicode as unicode_rule

    unicode_rule._recent_fixes.clear()
    unicode_rule._recent_chars = 0
    for name, module in list(sys.modules.items()):
        if name == "cleaner" or name.startswith("cleaner."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and hasattr(value, "cache_info"):
                    value.cache_clear()
    answers = getattr(lexicon._zipf_by_word, "_answers", None)
    if answers is not None:
        answers.clear()


# A fresh process's clean(): the import is not timed (that is start-up), the memos start empty.
FRESH_API = """
import json, sys, time
import cleaner
with open(sys.argv[1], encoding="utf-8") as source:
    docs = json.load(source)
per_document = sys.argv[2] == "per-document"
text = "\\n\\n".join(docs) + "\\n"
start = time.perf_counter()
if per_document:
    for doc in docs:
        cleaner.clean(doc)
else:
    cleaner.clean(text)
print(time.perf_counter() - start)
"""


def fresh_api_seconds(docs_path: Path, per_document: bool) -> float:
    """Seconds ``cleaner.clean`` takes in a new process on the documents in ``docs_path``."""
    output = subprocess.run(
        [sys.executable, "-c", FRESH_API, str(docs_path), "per-document" if per_document else "whole"],
        check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    ).stdout
    return float(output)


def best_time(run: Callable[[], object], repeat: int = 3, slow_seconds: float = 20.0) -> float:
    """Best of ``repeat`` runs, memos forgotten before each; a run slower than
    ``slow_seconds`` is not repeated. A ``run`` returning a number of seconds
    has timed itself (in another process)."""
    best = float("inf")
    for _ in range(repeat):
        forget_memos()
        start = time.perf_counter()
        timed = run()
        seconds = timed if isinstance(timed, float) else time.perf_counter() - start
        best = min(best, seconds)
        if best > slow_seconds:
            break
    return best


def warm_time(run: Callable[[], object], repeat: int = 3) -> float:
    """Best of ``repeat`` runs after a first, untimed one, memos kept: what a
    program cleaning the same text again would see (an upper bound)."""
    run()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def cleaner_command() -> list[str]:
    script = Path(sys.executable).parent / "cleaner"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cleaner"]


def run_cli(path: Path, jobs: int = 1) -> None:
    with path.open("rb") as stdin:
        subprocess.run([*cleaner_command(), "-j", str(jobs)], stdin=stdin, stdout=subprocess.DEVNULL, check=True)


def read_and_write(path: Path) -> None:
    text = path.read_text("utf-8")
    with open(os.devnull, "w", encoding="utf-8") as sink:
        sink.write(text)


FLOOR_PATTERN = re.compile(r" {2,}")  # one pass that looks at every character and rarely matches


def one_regex_pass(text: str) -> None:
    FLOOR_PATTERN.sub(" ", text)


def optional_cleantext() -> Callable[[str], str] | None:
    try:
        from cleantext import clean as cleantext_clean
    except ImportError:
        return None
    return cleantext_clean


def stage_times(text: str) -> tuple[float, dict[str, float]]:
    """One ``cleaner.clean(text)``, timed as a whole and per stage: each rule's
    ``find_edits`` and the protected regions' work in the chain (wrapped in
    timers; no profiler overhead). Seconds."""
    import dataclasses

    import cleaner.pipeline as pipeline
    from cleaner.regions.text_blocks import TextRegions

    totals: dict[str, float] = {}

    def timed(name: str, function: Callable) -> Callable:
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                totals[name] = totals.get(name, 0.0) + time.perf_counter() - start

        return run

    saved = (pipeline.RULES, pipeline._regions_of, pipeline._stale, pipeline.apply_edits, TextRegions.filter, TextRegions.mapped)
    pipeline.RULES = tuple(dataclasses.replace(rule, find_edits=timed(rule.name, rule.find_edits)) for rule in saved[0])
    pipeline._regions_of = timed("regions: found", saved[1])
    pipeline._stale = timed("regions: checked again at the end", saved[2])
    pipeline.apply_edits = timed("applying edits", saved[3])
    TextRegions.filter = timed("regions: blocks read for edits", saved[4])
    TextRegions.mapped = timed("regions: carried through edits", saved[5])
    try:
        forget_memos()
        start = time.perf_counter()
        cleaner.clean(text)
        return time.perf_counter() - start, totals
    finally:
        pipeline.RULES, pipeline._regions_of, pipeline._stale, pipeline.apply_edits = saved[:4]
        TextRegions.filter, TextRegions.mapped = saved[4:]


def profile_clean(text: str, limit: int = 20) -> str:
    profile = cProfile.Profile()
    profile.runcall(cleaner.clean, text)
    report = io.StringIO()
    pstats.Stats(profile, stream=report).sort_stats("cumulative").print_stats(limit)
    return report.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="input size in MB (default 20)")
    parser.add_argument("--input", choices=["prose", "news"], default="prose", help="Debian prose or news stories")
    parser.add_argument("--profile", action="store_true", help="print the time per rule and stage, and cProfile's top functions for cleaner.clean")
    args = parser.parse_args()

    docs = build_corpus(args.mb, news=args.input == "news")
    text = "\n\n".join(docs) + "\n"
    data = text.encode("utf-8")
    megabytes = len(data) / 1_000_000
    print(f"input: {megabytes:.1f} MB, {len(docs)} documents of ~{DOCUMENT_CHARS // 1000} KB, "
          f"{non_ascii_share(text):.2%} non-ASCII characters, {text.count('â€™')} mojibake, "
          f"{text.count('&amp;')} entities")
    print(f"rules: {', '.join(rule.name for rule in cleaner.list_rules())}; load average {os.getloadavg()[0]:.1f}\n")

    workdir = Path(tempfile.mkdtemp(prefix="cleaner-bench-"))
    try:
        path = workdir / "news.txt"
        path.write_bytes(data)
        docs_path = workdir / "docs.json"
        docs_path.write_text(json.dumps(docs), encoding="utf-8")
        rows: list[tuple[str, float]] = [
            ("python read+write (decode, encode)", best_time(lambda: read_and_write(path))),
            ("one regex pass (re.sub ' {2,}')", best_time(lambda: one_regex_pass(text))),
            ("cleaner CLI (stdin -> /dev/null)", best_time(lambda: run_cli(path))),
            ("cleaner CLI -j 2 (stdin -> /dev/null)", best_time(lambda: run_cli(path, 2))),
            ("cleaner.clean, whole text", best_time(lambda: fresh_api_seconds(docs_path, per_document=False))),
            ("cleaner.clean, per ~5 KB document", best_time(lambda: fresh_api_seconds(docs_path, per_document=True))),
            ("cleaner.clean, whole text, memos warm", warm_time(lambda: cleaner.clean(text))),
            ("ftfy.fix_text, whole text (defaults)", best_time(lambda: ftfy.fix_text(text))),
            ("ftfy.fix_text, per ~5 KB document", best_time(lambda: [ftfy.fix_text(doc) for doc in docs])),
        ]
        cleantext_clean = optional_cleantext()
        if cleantext_clean is not None:
            rows.append(("clean-text clean(), whole text (defaults)", best_time(lambda: cleantext_clean(text))))
    finally:
        shutil.rmtree(workdir)

    for label, seconds in rows:
        print(f"{label:44} {megabytes / seconds:8.2f} MB/s  ({seconds:6.2f} s)")
    if cleantext_clean is None:
        print("clean-text: not installed (pip install clean-text), skipped")
    speed = {label: megabytes / seconds for label, seconds in rows}
    ftfy_whole = speed["ftfy.fix_text, whole text (defaults)"]
    ftfy_docs = speed["ftfy.fix_text, per ~5 KB document"]
    print(f"\ncleaner/ftfy: CLI {speed['cleaner CLI (stdin -> /dev/null)'] / ftfy_whole:.2f}, "
          f"CLI -j 2 {speed['cleaner CLI -j 2 (stdin -> /dev/null)'] / ftfy_whole:.2f}, "
          f"API whole {speed['cleaner.clean, whole text'] / ftfy_whole:.2f}, "
          f"API per document {speed['cleaner.clean, per ~5 KB document'] / ftfy_docs:.2f}")

    print("\nEach rule alone, cleaner.clean(text, select=[name]):")
    for rule in cleaner.list_rules():
        seconds = best_time(lambda: cleaner.clean(text, select=[rule.name]))
        print(f"  {rule.name:20} {megabytes / seconds:8.2f} MB/s  ({seconds:6.2f} s)")
    if args.profile:
        total, stages = min((stage_times(text) for _ in range(3)), key=lambda result: result[0])
        print(f"\nWhere cleaner.clean's time goes on the whole text (best of 3, {total:.2f} s):")
        for name, seconds in sorted(stages.items(), key=lambda item: -item[1]):
            print(f"  {name:36} {seconds:6.3f} s  {seconds / total:6.1%}")
        print(f"  {'the rest (segments, offsets, edges)':36} {total - sum(stages.values()):6.3f} s")
        print("\ncProfile of cleaner.clean on the whole text, by cumulative time:")
        print(profile_clean(text))


if __name__ == "__main__":
    main()
