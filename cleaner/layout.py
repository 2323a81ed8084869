"""A document's edges: blank lines at its start and end, its final newline,
and the blank lines where two segments meet. No segment can see these, so the
stream layer tidies them here, once the rules have cleaned each segment."""

from __future__ import annotations

import re

from cleaner.edits import Edit

# A line break and two or more blank lines after it (blank: only spaces, tabs, CRs).
BLANK_LINE_RUN = re.compile(r"\n(?:[ \t\r]*\n){2,}")
LEADING_BLANK_LINES = re.compile(r"(?:[ \t\r]*\n)+")
LINE_SPACE = " \t\r\n"


def one_blank_line(run: str) -> str:
    """What a run of blank lines (``BLANK_LINE_RUN``) becomes: one blank line,
    keeping the CR of a CRLF line ending."""
    first = run[1 : run.index("\n", 1) + 1]
    return "\n" + ("\r\n" if first.endswith("\r\n") else "\n")


def uses_crlf(text: str) -> bool:
    """True when most line breaks in ``text`` are CRLF."""
    if "\r" not in text:
        return False
    crlf = text.count("\r\n")
    return crlf > 0 and crlf * 2 > text.count("\n")


def first_line_ending(blank: str) -> str:
    """The line ending that starts ``blank`` (the blank space after a line's
    content): up to its first LF, or a lone CR; empty when there is none."""
    newline = blank.find("\n")
    if newline != -1:
        return blank[: newline + 1]
    return "\r" if blank.startswith("\r") else ""


class DocumentEdges:
    """Tidies the edges of a document that arrives in cleaned pieces: drops
    blank lines before the first content, lets at most one blank line stand
    where two pieces meet, and ends the document with one line break (none
    for a document of only blank space). The line break after each piece's
    content goes out at once, so a pipe sees a paragraph as soon as it is
    clean. ``edits`` lists what it changed, in the coordinates of the pieces
    joined, and ``replaced`` the text each edit replaced."""

    def __init__(self) -> None:
        self.started = False
        self.ending = ""  # the line ending sent after the last content
        self.held = ""  # blank space after that, held back until more content or the end
        self.position = 0  # length of the pieces fed so far
        self.newline = "\n"  # for a document whose last line has no line break
        self.edits: list[Edit] = []
        self.replaced: list[str] = []

    def feed(self, piece: str) -> str:
        start, self.position = self.position, self.position + len(piece)
        body_end = len(piece.rstrip(LINE_SPACE))
        if not body_end:
            self.held += piece
            return ""
        lead = LEADING_BLANK_LINES.match(piece)
        lead_end = lead.end() if lead else 0
        held_start = start - len(self.held)
        blank = self.held + piece[:lead_end]
        if not self.started:
            out = ""
            if blank:
                self._edit(Edit(held_start, start + lead_end, "", "blank lines at the start"), blank)
        else:
            seam = self.ending + blank
            out = BLANK_LINE_RUN.sub(lambda match: one_blank_line(match.group()), seam)[len(self.ending) :]
            if out != blank:
                self._edit(Edit(held_start, start + lead_end, out, "blank lines"), blank)
        self.started = True
        tail = piece[body_end:]
        self.ending = first_line_ending(tail)
        self.held = tail[len(self.ending) :]
        self.newline = "\r\n" if uses_crlf(piece[:body_end]) else "\n"
        return out + piece[lead_end:body_end] + self.ending

    def _edit(self, edit: Edit, replaced: str) -> None:
        self.edits.append(edit)
        self.replaced.append(replaced)

    def close(self) -> str:
        """What ends the document: a line break where its last line has none."""
        end = self.position
        ending = self.newline if self.started and not self.ending else ""
        if self.held or ending:
            reason = "final line break" if self.started else "blank document"
            self._edit(Edit(end - len(self.held), end, ending, reason), self.held)
        self.held = ""
        return ending


def tidy_document_edges(text: str) -> str:
    """``text`` with its edges tidied as one whole document."""
    edges = DocumentEdges()
    return edges.feed(text) + edges.close()
