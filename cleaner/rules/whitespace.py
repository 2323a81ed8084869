"""Rule ``whitespace``: trailing blanks, runs of spaces, runs of blank lines,
and the document's first and last lines; indentation and paragraphs are kept."""

from __future__ import annotations

import re

from cleaner.edits import Edit
from cleaner.layout import BLANK_LINE_RUN_PATTERN, one_blank_line
from cleaner.rule import Rule

# What the rule changes inside a text, in one scan. A document that mixes line
# endings keeps its minority CRLF ones (and a lone CR is not a line ending),
# so a CR in trailing blank space is kept and only spaces and tabs go.
UNTIDY_SPACE = re.compile(
    rf"""
    (?P<blank_lines>{BLANK_LINE_RUN_PATTERN})    # a line break and two or more blank lines
  | (?<![ \t\r])(?P<trailing>[ \t\r]+)(?=\n|\Z)  # blanks ending a line
  | (?<=\S)(?P<spaces>\ {{2,}})                 # a run of spaces after a visible character
    """,
    re.VERBOSE,
)


def _has_untidy_space(text: str) -> bool:
    """A cheap test (substring searches) that most tidy texts pass."""
    return (
        "  " in text
        or " \n" in text
        or "\t\n" in text
        or "\n\n\n" in text
        or "\r" in text
        or text.endswith((" ", "\t"))
    )


def whitespace_edits(text: str) -> list[Edit]:
    """Trailing blanks, runs of spaces inside lines, runs of blank lines."""
    if not _has_untidy_space(text):
        return []
    edits = []
    for match in UNTIDY_SPACE.finditer(text):
        kind = match.lastgroup
        found = match.group()
        if kind == "blank_lines":
            edits.append(Edit(match.start(), match.end(), one_blank_line(found), "blank lines"))
        elif kind == "trailing":
            kept = found.replace(" ", "").replace("\t", "")
            if kept != found:
                edits.append(Edit(match.start(), match.end(), kept, "trailing blanks"))
        else:
            edits.append(Edit(match.start(), match.end(), " ", "run of spaces"))
    return edits


RULE = Rule(
    name="whitespace",
    summary="Strip trailing blanks, collapse space runs and blank-line runs, end with one newline.",
    explanation="""\
Changes:
- spaces and tabs at the end of a line are removed (a CR before the line
  break, or ending the document, counts as part of the line ending);
- a run of spaces inside a line becomes one space;
- three or more newlines in a row (two or more blank lines) become one blank line;
- blank lines at the start and end of the document are removed, and a
  non-empty document ends with exactly one newline (an empty or all-blank
  document becomes empty).
Leaves alone: leading indentation, tabs inside a line (they may align
columns), and the paragraph structure: lines separated by a single newline
stay so, paragraphs separated by one blank line stay so.
The document's edges (blank lines at its start and end, the final newline)
are tidied by the stream layer when this rule runs, since a long text is
cleaned in segments that cannot see them.""",
    examples=(
        ("one  two   three\n", "one two three\n"),
        ("trailing \t\nline", "trailing\nline\n"),
        ("a\n\n\n\nb\n", "a\n\nb\n"),
        ("a\n  \n \t\nb", "a\n\nb\n"),
        ("\n\n  indented first\n\n\n\n", "  indented first\n"),
        ("    code block\n\tand tab\n", "    code block\n\tand tab\n"),
        ("line one\nline two\n\nnew paragraph\n", "line one\nline two\n\nnew paragraph\n"),
        ("col1\tcol2\n", "col1\tcol2\n"),
        ("", ""),
        (" \n\n", ""),
    ),
    find_edits=whitespace_edits,
    document_edges=True,
)
