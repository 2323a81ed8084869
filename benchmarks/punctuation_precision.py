"""Precision of ``punctuation-spacing`` on clean, real prose: every change it makes
to uncorrupted text is a change an editor would have to review.

Runs the rule over the English Debian FAQ plus the fortunes, and over the German
and French FAQ, and prints the changes per 10,000 words and each change with its
context. For German and French it also lists what the rule would change if the
language check did not stop it, so the token tests are measured there too.

    .venv/bin/python benchmarks/punctuation_precision.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prose import debian_faq, english_prose

from cleaner.rules.punctuation import candidate_edits, reads_as_french_or_german

CONTEXT = 30


def show_edit(text: str, start: int, end: int, replacement: str) -> str:
    """One line: the text around the edit, before -> after."""
    left = text[max(0, start - CONTEXT) : start]
    right = text[end : end + CONTEXT]
    before = f"{left}{text[start:end]}{right}"
    after = f"{left}{replacement}{right}"
    return f"{before!r}\n      -> {after!r}"


def report(label: str, text: str) -> None:
    words = len(text.split())
    edits = candidate_edits(text)
    skipped = reads_as_french_or_german(text)
    made = [] if skipped else edits
    print(f"{label}: {words:,} words, {len(made)} changes, {len(made) * 10_000 / words:.2f} per 10,000 words")
    if skipped:
        print(
            f"  (left alone as French/German; without that check: {len(edits)} changes,"
            f" {len(edits) * 10_000 / words:.2f} per 10,000 words)"
        )
    for start, end, replacement, _ in edits:
        print("    " + show_edit(text, start, end, replacement))


if __name__ == "__main__":
    report("English (Debian FAQ + fortunes)", english_prose())
    report("German Debian FAQ", debian_faq("de"))
    report("French Debian FAQ", debian_faq("fr"))
