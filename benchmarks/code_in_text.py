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
as they are; "after" is the same rules with every edit touching a protected
region of the document dropped: through the pipeline when ``clean`` takes
``format``, else by filtering each rule's edits here (character-level
differences of its output), as the pipeline will. A code-like line is one
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
import inspect
import subprocess
import sys
from collections.abc import Callable, Iterator
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cleaner import clean  # noqa: E402
from cleaner.edits import Edit, apply_edits, narrowed_edit  # noqa: E402
from cleaner.registry import RULES_BY_NAME  # noqa: E402
from cleaner.regions import WORD_LEVEL, Regions, filter_edits, protected_regions  # noqa: E402
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


def fine_edits(before: str, after: str) -> list[Edit]:
    """Character-level edits turning ``before`` into ``after``: lines aligned
    first, then characters within each changed line (lines removed or added
    as a block are one edit)."""
    if before == after:
        return []
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    starts, offset = [], 0
    for line in old:
        starts.append(offset)
        offset += len(line)
    starts.append(offset)
    edits = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                edits += _line_edits(old[i1 + k], new[j1 + k], starts[i1 + k])
        elif tag != "equal":
            edit = narrowed_edit("".join(old[i1:i2]), "".join(new[j1:j2]), starts[i1])
            edits += [edit] if edit else []
    return edits


def _line_edits(old_line: str, new_line: str, offset: int) -> list[Edit]:
    matcher = SequenceMatcher(None, old_line, new_line, autojunk=False)
    return [
        Edit(offset + i1, offset + i2, new_line[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def filtered_chain(text: str, rule_names: list[str], format: str = "text") -> str:
    """``rule_names`` in chain order, each rule's edits filtered through the
    document's regions (found once, then carried through the edits)."""
    regions: Regions = protected_regions(text, format)
    for name in rule_names:
        result = RULES_BY_NAME[name].apply(text)
        if result == text:
            continue
        edits = filter_edits(fine_edits(text, result), regions, name)
        text = apply_edits(text, edits)
        regions = regions.mapped(edits)
    return text


def simulated_clean(text: str, format: str) -> str:
    """The whole chain as the pipeline runs it (spacing tidied first, rules in
    order, repeated until nothing changes), each step's edits filtered."""
    from cleaner.registry import RULES
    from cleaner.rules.whitespace import tidy_line_spacing

    for _ in range(3):
        start, regions = text, protected_regions(text, format)
        steps = [("whitespace", tidy_line_spacing)] + [(rule.name, rule.apply) for rule in RULES]
        for name, apply in steps:
            edits = filter_edits(fine_edits(text, apply(text)), regions, name)
            text, regions = apply_edits(text, edits), regions.mapped(edits)
        if text == start:
            break
    return text


def protected_clean(text: str, format: str) -> str:
    if "format" in inspect.signature(clean).parameters:
        return clean(text, format=format)  # type: ignore[call-arg]
    return simulated_clean(text, format)


def damaged_kinds(text: str, cleaned: str) -> set[str]:
    """Kinds of the regions closed to every rule whose text is no longer found,
    in order, in ``cleaned`` (a region removed whole by a rule allowed to is
    not damage)."""
    damaged, cursor = set(), 0
    for region in protected_regions(text, "markdown"):
        if region.rules is not None or region.removable_by:
            continue
        found = cleaned.find(text[region.start : region.end], cursor)
        if found == -1:
            damaged.add(region.kind)
        else:
            cursor = found
    for region in protected_regions(text, "markdown"):
        if region.removable_by and text[region.start : region.end] not in cleaned:
            damaged.add(region.kind)
    return damaged


def measure_markdown(documents: list[tuple[str, str]], show: int) -> None:
    from collections import Counter

    before, after, examples = Counter(), Counter(), []
    docs_before = docs_after = 0
    for name, text in documents:
        kinds_before = damaged_kinds(text, clean(text))
        kinds_after = damaged_kinds(text, protected_clean(text, "markdown"))
        before.update(kinds_before)
        after.update(kinds_after)
        docs_before += bool(kinds_before)
        docs_after += bool(kinds_after)
        if kinds_before:
            examples.append((name, sorted(kinds_before)))
    print(f"documents: {len(documents)}; with a protected construct changed: before {docs_before}, after {docs_after}")
    for kind in sorted(set(before) | set(after)):
        print(f"  {kind:22} before {before[kind]:4}  after {after[kind]:4}")
    for name, kinds in examples[:show]:
        print(f"  {name}: {', '.join(kinds)}")


def protected_word_rules(text: str) -> str:
    if "format" in inspect.signature(clean).parameters:
        return clean(text, select=WORD_RULES, format="text")  # type: ignore[call-arg]
    return filtered_chain(text, WORD_RULES)


def changed_lines(before: str, after: str) -> list[int] | None:
    old, new = before.split("\n"), after.split("\n")
    if len(old) != len(new):
        return None
    return [n for n, (a, b) in enumerate(zip(old, new)) if a != b]


def measure(documents: list[tuple[str, str]], show: int) -> None:
    totals = dict.fromkeys(("code lines", "prose lines", "code before", "code after", "prose before", "prose after"), 0)
    skipped, examples = 0, []
    for name, text in documents:
        lines = text.split("\n")
        flags = code_like_lines(lines)
        before = clean(text, select=WORD_RULES)
        after = protected_word_rules(text)
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
    score(docs, rate, seed, 0, apply=lambda text: filtered_chain(text, ["joined-words"]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=10, help="code-like lines changed before protection to print")
    parser.add_argument("--rate", type=float, default=0.02)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-recall", action="store_true", help="skip the joined-words recall comparison")
    parser.add_argument("--markdown-only", action="store_true", help="only the Markdown documents")
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
    if not args.no_recall:
        prose_recall(args.rate, args.seed)


if __name__ == "__main__":
    main()
