"""Rule ``whitespace``: trailing blanks, runs of spaces, runs of blank lines,
and the document's first and last lines; indentation and paragraphs are kept."""

from __future__ import annotations

import re
from bisect import bisect_right

from cleaner.edits import Edit
from cleaner.layout import BLANK_LINE_RUN, one_blank_line
from cleaner.rule import Rule

# A document that mixes line endings keeps its minority CRLF ones (and a lone
# CR is not a line ending), so a CR in trailing blank space is kept and only
# spaces and tabs go. Each kind of untidy space is found by a search that
# starts with a literal character, so tidy text is skipped at C speed.
BLANK_BEFORE_LINE_END = re.compile(r"[ \t\r]\n")
LINE_BLANKS = " \t\r"
SPACE_RUN = re.compile("  +")


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


def _trailing_blank_edits(text: str) -> list[Edit]:
    """Spaces and tabs at the end of each line (CRs there are kept)."""
    edits = []
    if "\r" in text:
        ends = [match.start() + 1 for match in BLANK_BEFORE_LINE_END.finditer(text)]
    else:  # two substring searches are much faster than a scan with a character class
        ends = sorted(_find_all(text, " \n") + _find_all(text, "\t\n"))
    if text.endswith(tuple(LINE_BLANKS)):
        ends.append(len(text))
    for end in ends:
        start = end
        while start and text[start - 1] in LINE_BLANKS:
            start -= 1
        run = text[start:end]
        kept = run.replace(" ", "").replace("\t", "")
        if kept != run:
            edits.append(Edit(start, end, kept, "trailing blanks"))
    return edits


def _find_all(text: str, pair: str) -> list[int]:
    """Offsets of the second character of every ``pair`` in ``text``."""
    found, at = [], text.find(pair)
    while at != -1:
        found.append(at + 1)
        at = text.find(pair, at + 1)
    return found


def _space_run_edits(text: str) -> list[Edit]:
    """Runs of spaces after a visible character that do not end the line."""
    edits = []
    for match in SPACE_RUN.finditer(text):
        start, end = match.span()
        after = end
        while after < len(text) and text[after] in LINE_BLANKS:
            after += 1
        at_line_end = after == len(text) or text[after] == "\n"
        if start and not text[start - 1].isspace() and not at_line_end:
            edits.append(Edit(start, end, " ", "run of spaces"))
    return edits


def whitespace_edits(text: str) -> list[Edit]:
    """Trailing blanks, runs of spaces inside lines, runs of blank lines."""
    if not _has_untidy_space(text):
        return []
    blank_runs = [
        Edit(match.start(), match.end(), one_blank_line(match.group()), "blank lines")
        for match in BLANK_LINE_RUN.finditer(text)
    ]
    edits = _trailing_blank_edits(text) + _space_run_edits(text)
    if blank_runs:  # trailing blanks on the blank lines of a run go with the run
        starts = [edit.start for edit in blank_runs]
        edits = [edit for edit in edits if not _inside(blank_runs, starts, edit)]
    return sorted(edits + blank_runs)


def _inside(runs: list[Edit], starts: list[int], edit: Edit) -> bool:
    index = bisect_right(starts, edit.start) - 1
    return index >= 0 and runs[index].start <= edit.start and edit.end <= runs[index].end


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
