"""Rule ``whitespace``: trailing blanks, runs of spaces, runs of blank lines,
and the document's first and last lines; indentation and paragraphs are kept."""

from __future__ import annotations

import re

from cleaner.rule import Rule

# The pipeline hands rules LF text, but a document that mixes line endings
# keeps its minority CRLF ones (and a stray CR may end it), so "\r\n" is a
# line ending here too. Otherwise cleaning could tip the balance to CRLF and a
# second run, reading the text as CRLF, would find more to do.
TRAILING_BLANKS = re.compile(r"[ \t]+(?=\r?$)", re.MULTILINE)
SPACES = re.compile(" +")
BLANK_LINE_RUN = re.compile(r"(\r?\n\r?\n)(?:\r?\n)+")  # keeps the first two line endings

# The chain calls tidy_line_spacing once or twice per text, the second time
# on text it has already tidied, so finding nothing to do must be cheap: plain
# substring searches (memchr for one character) rather than regex scans.


def _has_trailing_blanks(text: str) -> bool:
    if " \n" in text or text.endswith((" ", "\t")):
        return True
    if "\t" in text and "\t\n" in text:
        return True
    return "\r" in text and (" \r" in text or "\t\r" in text)


def _collapse_inner_space_runs(text: str) -> str:
    """Each run of two or more spaces after a visible character (so not
    indentation) becomes one space."""
    pieces, done = [], 0
    start = text.find("  ")
    while start != -1:
        end = SPACES.match(text, start).end()
        if start and not text[start - 1].isspace():
            pieces += (text[done:start], " ")
            done = end
        start = text.find("  ", end)
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def tidy_line_spacing(text: str) -> str:
    """The in-line part of the rule: trailing blanks and runs of spaces. The
    chain also runs it first, so other rules see single spaces (see RULE)."""
    if _has_trailing_blanks(text):
        text = TRAILING_BLANKS.sub("", text)
        # Blanks after a lone CR at a line's end hide blanks before it ("a \r \n"):
        # a second round takes those, and no third can find more.
        if "\r" in text:
            text = TRAILING_BLANKS.sub("", text)
    if "  " in text:
        text = _collapse_inner_space_runs(text)
    return text


def normalize_whitespace(text: str) -> str:
    """Tidy spaces and blank lines; end a non-empty document with one newline."""
    return tidy_blank_lines(tidy_line_spacing(text))


def tidy_blank_lines(text: str) -> str:
    """The rest of the rule, on text whose line spacing is tidy: runs of blank
    lines, and the document's first and last lines."""
    if "\n\n\n" in text or "\n\r\n" in text:
        text = BLANK_LINE_RUN.sub(r"\1", text)
    text = text.lstrip("\r\n").rstrip(" \t\r\n")  # the last line's blanks too, once line ends are off
    return text + "\n" if text else ""


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
In the full chain, trailing blanks and space runs are also tidied before the
first rule, so that the other rules judge the spacing this rule will leave.""",
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
    apply=normalize_whitespace,
    prepare=tidy_line_spacing,
    finish=tidy_blank_lines,
)
