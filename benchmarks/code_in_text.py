"""Count what the word-level rules change inside code-like lines of real plain
text documentation, without and with protected regions; and what protection
costs the joined-words rule on prose.

Documents (read where they are, nothing is committed):
- this machine's Debian documentation: every ``README*``, ``*.txt`` and
  ``NEWS*`` file under ``/usr/share/doc`` (gzipped or not) between 500 bytes
  and 300 kB, Markdown files excluded;
- man pages rendered as text (``man -P cat -l``, ``col -b``, 80 columns):
  every 15th page of ``/usr/share/man/man1`` and ``man8`` in name order.

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
from cleaner.edits import Edit, apply_edits  # noqa: E402
from cleaner.registry import RULES_BY_NAME  # noqa: E402
from cleaner.regions import WORD_LEVEL, Regions, filter_edits, protected_regions  # noqa: E402
from cleaner.regions.plain import code_like_lines  # noqa: E402

DOC_ROOT = Path("/usr/share/doc")
MAN_SECTIONS = (Path("/usr/share/man/man1"), Path("/usr/share/man/man8"))
WORD_RULES = [name for name in RULES_BY_NAME if name in WORD_LEVEL]


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
    """Character-level edits turning ``before`` into ``after``, line by line
    where the lines match up (the word-level rules keep lines)."""
    edits, offset = [], 0
    old, new = before.split("\n"), after.split("\n")
    if len(old) != len(new):
        old, new = [before], [after]
    for old_line, new_line in zip(old, new):
        if old_line != new_line:
            matcher = SequenceMatcher(None, old_line, new_line, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag != "equal":
                    edits.append(Edit(offset + i1, offset + i2, new_line[j1:j2]))
        offset += len(old_line) + 1
    return edits


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
    args = parser.parse_args(argv)
    docs = [(str(p), t) for p in documentation_files() if (t := read_documentation(p))]
    pages = list(man_pages())
    print(f"== /usr/share/doc text files ({len(docs)})")
    measure(docs, args.show)
    print(f"\n== man pages rendered as text ({len(pages)})")
    measure(pages, args.show)
    if not args.no_recall:
        prose_recall(args.rate, args.seed)


if __name__ == "__main__":
    main()
