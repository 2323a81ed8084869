"""Count what the word-level rules change inside code-like lines of real plain
text documentation, without and with protected regions; what protection
costs the joined-words rule on prose; and, on real Markdown documentation,
how many documents the whole chain damages (a code block or span, link
target, hard break, HTML, front matter or math changed), without and with
Markdown protection.

Documents (read where they are, nothing is committed):
- this machine's Debian documentation: every ``README*``, ``*.txt`` and
  ``NEWS*`` file under ``/usr/share/doc`` (gzipped or not) between 500 bytes
  and 300 kB, Markdown files excluded;
- man pages rendered as text (``man -P cat -l``, ``col -b``, 80 columns):
  every 15th page of ``/usr/share/man/man1`` and ``man8`` in name order;
- Markdown: every ``*.md`` and ``*.markdown`` file under ``/usr/share/doc``
  (gzipped or not) up to 300 kB.

Run::

    PYTHONPATH=. /work/venv/bin/python benchmarks/code_in_text.py [--show 15]

"Before" is the chain's word-level rules (joined-words, punctuation-spacing)
with no regions (``unprotected``: the rules' own output, repeated until
stable); "after" is ``clean(text, select=..., format="text")``, which drops
every edit touching a protected region. A code-like line is one
``cleaner.regions.plain`` flags; the "before" changes on such lines are
printed with ``--show`` so the flags can be judged by eye. Prose lines are
the other lines: their changes should be the same before and after.

Prose recall: the joined-words benchmark (``benchmarks/joined_words.py``,
Debian FAQ, fetched by ``benchmarks/prose.py``) scored with the rule alone and
with the rule's edits filtered through the documents' text regions.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cleaner import clean  # noqa: E402
from cleaner.edits import apply_edits  # noqa: E402
from cleaner.registry import RULES, RULES_BY_NAME  # noqa: E402
from cleaner.regions import WORD_LEVEL, filter_edits, protected_regions  # noqa: E402
from cleaner.regions.plain import code_like_lines  # noqa: E402

DOC_ROOT = Path("/usr/share/doc")
MAN_SECTIONS = (Path("/usr/share/man/man1"), Path("/usr/share/man/man8"))
WORD_RULES = [name for name in RULES_BY_NAME if name in WORD_LEVEL]


def markdown_files() -> Iterator[Path]:
    for path in sorted(DOC_ROOT.rglob("*")):
        name = path.name.removesuffix(".gz").lower()
        if path.is_file() and not path.is_symlink() and name.endswith((".md", ".markdown")):
            if path.stat().st_size <= 300_000:
                yield path


def documentation_files() -> Iterator[Path]:
    for path in sorted(DOC_ROOT.rglob("*")):
        name = path.name.removesuffix(".gz")
        if not path.is_file() or path.is_symlink() or name.lower().endswith((".md", ".markdown", ".html")):
            continue
        if name.startswith(("README", "NEWS")) or name.endswith(".txt"):
            if 500 <= path.stat().st_size <= 300_000:
                yield path


def read_documentation(path: Path) -> str | None:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if "\0" not in text else None


def man_pages(step: int = 15) -> Iterator[tuple[str, str]]:
    pages = sorted(p for section in MAN_SECTIONS if section.is_dir() for p in section.iterdir())
    for page in pages[::step]:
        rendered = subprocess.run(
            f"man -P cat -l {page} 2>/dev/null | col -b",
            shell=True,
            capture_output=True,
            env={"MANWIDTH": "80", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        ).stdout.decode("utf-8", "replace")
        if rendered.strip():
            yield f"man:{page.name}", rendered


def unprotected(text: str, rule_names: list[str] | None = None) -> str:
    """The chain as it was before protected regions: the rules in registry
    order, each on the whole text, repeated until nothing changes."""
    rules = [rule for rule in RULES if rule_names is None or rule.name in rule_names]
    for _ in range(4):
        start = text
        for rule in rules:
            text = rule.apply(text)
        if text == start:
            break
    return text


def filtered_rule(rule_name: str) -> Callable[[str], str]:
    """One rule alone with its edits filtered through the text's regions."""

    def apply(text: str) -> str:
        edits = RULES_BY_NAME[rule_name].find_edits(text)
        return apply_edits(text, filter_edits(edits, protected_regions(text, "text"), rule_name))

    return apply


def changed_lines(before: str, after: str) -> list[int] | None:
    old, new = before.split("\n"), after.split("\n")
    if len(old) != len(new):
        return None
    return [n for n, (a, b) in enumerate(zip(old, new)) if a != b]


def damaged_kinds(text: str, cleaned: str) -> set[str]:
    """Kinds of the regions closed to every rule whose text is no longer found,
    in order, in ``cleaned``; inline regions (which a footer's removal may take
    whole) only when their text is gone from ``cleaned`` altogether."""
    damaged, cursor = set(), 0
    regions = protected_regions(text, "markdown")
    for region in regions:
        if region.rules is not None or region.removable_by:
            continue
        found = cleaned.find(text[region.start : region.end], cursor)
        if found == -1:
            damaged.add(region.kind)
        else:
            cursor = found
    for region in regions:
        if region.removable_by and text[region.start : region.end] not in cleaned:
            damaged.add(region.kind)
    return damaged


def measure_markdown(documents: list[tuple[str, str]], show: int) -> None:
    from collections import Counter

    before, after, examples = Counter(), Counter(), []
    docs_before = docs_after = 0
    for name, text in documents:
        kinds_before = damaged_kinds(text, unprotected(text))
        kinds_after = damaged_kinds(text, clean(text, format="markdown"))
        before.update(kinds_before)
        after.update(kinds_after)
        docs_before += bool(kinds_before)
        docs_after += bool(kinds_after)
        if kinds_after:
            examples.append((name, sorted(kinds_after)))
    print(f"documents: {len(documents)}; with a protected construct changed: before {docs_before}, after {docs_after}")
    for kind in sorted(set(before) | set(after)):
        print(f"  {kind:22} before {before[kind]:4}  after {after[kind]:4}")
    for name, kinds in examples[:show]:
        print(f"  still changed: {name}: {', '.join(kinds)}")


def measure(documents: list[tuple[str, str]], show: int) -> None:
    totals = dict.fromkeys(("code lines", "prose lines", "code before", "code after", "prose before", "prose after"), 0)
    skipped, examples = 0, []
    for name, text in documents:
        lines = text.split("\n")
        flags = code_like_lines(lines)
        before = unprotected(text, WORD_RULES)
        after = clean(text, select=WORD_RULES, format="text")
        changed_before, changed_after = changed_lines(text, before), changed_lines(text, after)
        if changed_before is None or changed_after is None:
            skipped += 1
            continue
        totals["code lines"] += sum(flags)
        totals["prose lines"] += len(lines) - sum(flags)
        for key, changed in (("before", changed_before), ("after", changed_after)):
            totals[f"code {key}"] += sum(flags[n] for n in changed)
            totals[f"prose {key}"] += sum(not flags[n] for n in changed)
        examples += [(name, lines[n], before.split("\n")[n]) for n in changed_before if flags[n]]
    print(f"documents: {len(documents) - skipped} ({skipped} skipped: the rules changed their line count)")
    print(f"code-like lines: {totals['code lines']:,}; other lines: {totals['prose lines']:,}")
    print(f"code-like lines changed by the word-level rules: before {totals['code before']}, after {totals['code after']}")
    print(f"other lines changed by the word-level rules:     before {totals['prose before']}, after {totals['prose after']}")
    for name, old, new in examples[:show]:
        print(f"  {name}\n    - {old.strip()}\n    + {new.strip()}")


def prose_recall(rate: float, seed: int) -> None:
    from joined_words import documents as cut_documents
    from joined_words import score
    from prose import debian_faq

    docs = cut_documents(debian_faq())
    print("\njoined-words alone, Debian FAQ:")
    score(docs, rate, seed, 0)
    print("\njoined-words with text regions protected, Debian FAQ:")
    score(docs, rate, seed, 0, apply=filtered_rule("joined-words"))


def speed(markdown: list[tuple[str, str]]) -> None:
    """Seconds per MB, best of three: cleaning the Markdown documents joined
    as one text read as Markdown and as text, and finding their regions once."""
    import time

    text = "\n\n".join(body for _, body in markdown)
    megabytes = len(text.encode("utf-8")) / 1e6

    def best(function: Callable[[], object]) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
        return min(times) / megabytes

    clean(text)  # load the word list
    timings = {
        "clean, format=text": best(lambda: clean(text, format="text")),
        "clean, format=markdown": best(lambda: clean(text, format="markdown")),
        "regions once, text": best(lambda: protected_regions(text, "text")),
        "regions once, markdown": best(lambda: protected_regions(text, "markdown")),
    }
    print(f"\n== speed on the Markdown documents joined ({megabytes:.2f} MB), seconds per MB (ratios are what count)")
    for name, seconds in timings.items():
        print(f"  {name:24} {seconds:6.2f}  ({seconds / timings['clean, format=text']:.2f} x clean as text)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=10, help="code-like lines changed before protection to print")
    parser.add_argument("--rate", type=float, default=0.02)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-recall", action="store_true", help="skip the joined-words recall comparison")
    parser.add_argument("--markdown-only", action="store_true", help="only the Markdown documents")
    parser.add_argument("--speed", action="store_true", help="also time cleaning and finding regions")
    args = parser.parse_args(argv)
    if not args.markdown_only:
        docs = [(str(p), t) for p in documentation_files() if (t := read_documentation(p))]
        pages = list(man_pages())
        print(f"== /usr/share/doc text files ({len(docs)})")
        measure(docs, args.show)
        print(f"\n== man pages rendered as text ({len(pages)})")
        measure(pages, args.show)
    markdown = [(str(p), t) for p in markdown_files() if (t := read_documentation(p))]
    print(f"\n== Markdown files under /usr/share/doc ({len(markdown)}), the whole chain")
    measure_markdown(markdown, args.show)
    if args.speed:
        speed(markdown)
    if not args.no_recall:
        prose_recall(args.rate, args.seed)


if __name__ == "__main__":
    main()
