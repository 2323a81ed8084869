"""Rule ``boilerplate``: whole lines that feeds, wire services and blog software
add to an article (Yoast footers, share widgets, ad markers), from a catalog of templates."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from cleaner.boilerplate_catalog import CATALOG, PLACEHOLDERS, BoilerplateEntry
from cleaner.edits import Edit, apply_edits, narrowed_edit
from cleaner.rule import Rule

ENTRIES_BY_NAME: dict[str, BoilerplateEntry] = {entry.name: entry for entry in CATALOG}
DEFAULT_ENTRIES: tuple[str, ...] = tuple(entry.name for entry in CATALOG if entry.default)

# Every template's variable parts are bounded, so no footer is longer than
# this: a glued one is looked for only in this many characters at the end of
# the last line.
LONGEST_BOILERPLATE = 1000

TEMPLATE_PART = re.compile(r"\{([^{}]*)\}")
# What literal template text turns into, besides escaped characters.
TEMPLATE_LITERALS = re.compile(r" +|\.\.\.|…|['’]")
LITERAL_REGEX = {"...": r"(?:\.\.\.|…)", "…": r"(?:\.\.\.|…)", "'": "['’]", "’": "['’]"}
# The same equivalences for a template's first character.
LITERAL_REGEX_FIRST = {".": ".…", "…": ".…", "'": "'’", "’": "'’"}
SPACE_RUN = r"[^\S\n]+"
# A catalog line may have blanks around it; it ends at a newline or the end.
LINE_END = r"[^\S\n]*(?=\n|\Z)"
BLANK_LINE = re.compile(r"[^\S\n]*(?:\n|\Z)")
# Where a glued footer may start: a word after a space.
WORD_START = re.compile(r"(?<=\s)\S")


def _literal_regex(text: str) -> str:
    """Regex for literal template text: a space matches a run of blanks, an
    apostrophe either apostrophe, three dots an ellipsis; the rest is literal."""
    parts, last = [], 0
    for match in TEMPLATE_LITERALS.finditer(text):
        parts.append(re.escape(text[last : match.start()]))
        token = match.group()
        parts.append(SPACE_RUN if token.startswith(" ") else LITERAL_REGEX[token])
        last = match.end()
    parts.append(re.escape(text[last:]))
    return "".join(parts)


def template_regex(entry: BoilerplateEntry) -> str:
    """The regex (unanchored) for ``entry.template``; see the catalog's docstring for the syntax."""
    parts, last = [], 0
    for match in TEMPLATE_PART.finditer(entry.template):
        parts.append(_literal_regex(entry.template[last : match.start()]))
        inner = match.group(1)
        if "|" in inner:
            parts.append("(?:" + "|".join(_literal_regex(choice) for choice in inner.split("|")) + ")")
        else:
            parts.append(PLACEHOLDERS[inner][0])
        last = match.end()
    parts.append(_literal_regex(entry.template[last:]))
    regex = "".join(parts)
    return f"(?i:{regex})" if entry.ignore_case else regex


def first_characters(entry: BoilerplateEntry) -> str | None:
    """The characters a line of ``entry`` can start with, or None when its
    template starts with a placeholder (then no line can be skipped cheaply)."""
    template = entry.template
    heads = [template]
    if template.startswith("{"):
        inner, rest = template[1:].split("}", 1)
        if "|" not in inner:
            return None
        heads = [choice + rest for choice in inner.split("|")]
    chars = "".join(LITERAL_REGEX_FIRST.get(head[0], head[0]) for head in heads if head)
    return chars + chars.swapcase() if entry.ignore_case else chars


def _group(kind: str, entries: list[BoilerplateEntry]) -> list[str]:
    """A named group matching any of ``entries``; none when there are no entries."""
    if not entries:
        return []
    return [f"(?P<{kind}>" + "|".join(template_regex(entry) for entry in entries) + ")"]


@dataclass(frozen=True)
class BoilerplateMatcher:
    """The catalog compiled for one choice of enabled entries.

    ``line`` matches a whole catalog line from where it starts; the named group
    that matched says what it is: ``interjection`` or ``footer`` (enabled: to
    remove) or ``kept`` (a disabled entry: kept, but still boilerplate when
    deciding whether a footer is followed only by boilerplate). ``scan`` is the
    same after a newline, so the regex engine, not Python, finds the few
    candidate lines in a long text. ``glued`` matches an enabled glued footer
    from a word to the end of a line.
    """

    line: re.Pattern[str]
    scan: re.Pattern[str]
    glued: re.Pattern[str] | None


@lru_cache(maxsize=16)
def compile_catalog(names: frozenset[str]) -> BoilerplateMatcher:
    """Compile the catalog once per set of enabled entry names."""
    enabled = [entry for entry in CATALOG if entry.name in names]
    # Enabled entries come first: when a line fits two entries, the enabled one decides.
    groups = (
        _group("interjection", [entry for entry in enabled if entry.position == "interjection"])
        + _group("footer", [entry for entry in enabled if entry.position == "footer"])
        + _group("kept", [entry for entry in CATALOG if entry.name not in names])
    )
    glued = [template_regex(entry) for entry in enabled if entry.glued]
    line = r"[^\S\n]*(?:" + "|".join(groups) + ")" + LINE_END
    # Most lines start with a character no template starts with: one class
    # test rejects them before the alternatives are tried.
    firsts = [first_characters(entry) for entry in CATALOG]
    if all(firsts):
        line = r"(?=[^\S\n]*[" + re.escape("".join(sorted(set("".join(map(str, firsts)))))) + "])" + line
    return BoilerplateMatcher(
        line=re.compile(line),
        scan=re.compile("\n" + line),
        glued=re.compile(r"(?:" + "|".join(glued) + r")[^\S\n]*\Z") if glued else None,
    )


def _catalog_lines(text: str, matcher: BoilerplateMatcher) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every line that is a whole catalog line, in order."""
    found = []
    first = matcher.line.match(text)
    if first:
        found.append((0, first.end(), first.lastgroup or ""))
    found += [(m.start() + 1, m.end(), m.lastgroup or "") for m in matcher.scan.finditer(text)]
    return found


def _removable_spans(text: str, matcher: BoilerplateMatcher) -> list[tuple[int, int]]:
    """Spans of the lines to remove (each with its newline): interjections
    anywhere; footers when only blank lines, the end, or more boilerplate
    lines up to a blank line follow them."""
    spans = []
    next_start = -1  # start of the following catalog line
    next_ends_item = False  # that line is followed only by boilerplate to its paragraph's end
    for start, end, kind in reversed(_catalog_lines(text, matcher)):
        ends_item = (
            end == len(text)
            or BLANK_LINE.match(text, end + 1) is not None
            or (next_start == end + 1 and next_ends_item)
        )
        if kind == "interjection" or (kind == "footer" and ends_item):
            spans.append((start, min(end + 1, len(text))))
        next_start, next_ends_item = start, ends_item
    spans.reverse()
    return spans


def _remove_lines(text: str, matcher: BoilerplateMatcher) -> str:
    spans = _removable_spans(text, matcher)
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _cut_glued_footers(line: str, glued: re.Pattern[str]) -> str | None:
    """``line`` without the footers glued to its end and the blanks before
    them, or None when it has none (or is nothing but footers). The last
    candidate start wins, so body text before a footer that begins like one
    (``The post was shared. The post X appeared first on Y.``) is kept."""
    end = body_end = len(line.rstrip())
    while True:
        starts = [m.start() for m in WORD_START.finditer(line, max(0, end - LONGEST_BOILERPLATE), end)]
        cut = next((start for start in reversed(starts) if glued.match(line, start, end)), None)
        if cut is None:
            break
        while cut and line[cut - 1].isspace():
            cut -= 1
        if not cut:  # the whole line is footers: a whole-line match, not a glued one
            break
        end = cut
    return line[:end] if end < body_end else None


def _last_content_line(lines: list[str], below: int) -> int | None:
    """Index of the last non-blank line at or above ``below``."""
    for index in range(min(below, len(lines) - 1), -1, -1):
        if lines[index].strip():
            return index
    return None


def _trailing_boilerplate(lines: list[str], end: int, line_pattern: re.Pattern[str]) -> list[int]:
    """Indexes (descending) of the lines to remove walking up the paragraph
    from ``end`` while every line is a catalog line: the same footer position
    as ``_removable_spans``, for the few lines at a shortened document end."""
    doomed = []
    for index in range(end, -1, -1):
        found = line_pattern.match(lines[index]) if lines[index].strip() else None
        if found is None:
            break
        if found.lastgroup != "kept":
            doomed.append(index)
    return doomed


def _strip_document_end(text: str, matcher: BoilerplateMatcher) -> str:
    """Cut glued footers from the document's last non-blank line. The
    shortened line may itself be a whole footer, and removing it exposes an
    earlier line that may end in one too: repeat until the end is clean, so
    that a second run of the rule finds nothing (idempotence)."""
    glued = matcher.glued
    end = len(text.rstrip())
    if glued is None or _cut_glued_footers(text[text.rfind("\n", 0, end) + 1 : end], glued) is None:
        return text  # the common case: no glued footer, no need to split the text
    lines = text.split("\n")
    last = _last_content_line(lines, len(lines) - 1)
    while last is not None and (shortened := _cut_glued_footers(lines[last], glued)) is not None:
        lines[last] = shortened
        for index in _trailing_boilerplate(lines, last, matcher.line):
            del lines[index]
        last = _last_content_line(lines, last)
    return "\n".join(lines)


def _remove_boilerplate(text: str, matcher: BoilerplateMatcher) -> str:
    """Remove the boilerplate lines ``matcher`` recognises; see ``RULE.explanation``."""
    return _strip_document_end(_remove_lines(text, matcher), matcher)


def _boilerplate_edits(text: str, matcher: BoilerplateMatcher) -> list[Edit]:
    """One edit per removed line; when a footer glued to the document's last
    line is cut too (rare), one edit from the first change to the last."""
    spans = _removable_spans(text, matcher)
    edits = [Edit(start, end, "", "boilerplate line") for start, end in spans]
    shortened = _remove_lines(text, matcher) if spans else text
    if _strip_document_end(shortened, matcher) == shortened:
        return edits
    whole = narrowed_edit(text, _remove_boilerplate(text, matcher), reason="boilerplate")
    return [whole] if whole else []


def make_boilerplate_edits(entries: Iterable[str] | None = None) -> Callable[[str], list[Edit]]:
    """A function finding the edits that remove the catalog entries named in
    ``entries`` (``DEFAULT_ENTRIES`` when None). An unknown name raises ``ValueError``."""
    names = frozenset(DEFAULT_ENTRIES if entries is None else entries)
    unknown = sorted(names - ENTRIES_BY_NAME.keys())
    if unknown:
        raise ValueError(f"unknown boilerplate entry {', '.join(unknown)}; known: {', '.join(ENTRIES_BY_NAME)}")

    def boilerplate_edits(text: str) -> list[Edit]:
        return _boilerplate_edits(text, compile_catalog(names))

    return boilerplate_edits


def make_boilerplate_remover(entries: Iterable[str] | None = None) -> Callable[[str], str]:
    """The same as a ``str -> str`` function."""
    find_edits = make_boilerplate_edits(entries)
    return lambda text: apply_edits(text, find_edits(text))


def configure_boilerplate(enable: Iterable[str] = (), disable: Iterable[str] = ()) -> Callable[[str], list[Edit]]:
    """The rule with catalog entries switched on (``enable``) or off (``disable``)
    relative to the defaults; for ``[tool.cleaner.rules.boilerplate]``."""
    enable, disable = frozenset(enable), frozenset(disable)
    unknown = sorted((enable | disable) - ENTRIES_BY_NAME.keys())
    if unknown:
        raise ValueError(f"unknown boilerplate entry {', '.join(unknown)}; known: {', '.join(ENTRIES_BY_NAME)}")
    return make_boilerplate_edits((frozenset(DEFAULT_ENTRIES) | enable) - disable)


EXPLANATION_HEAD = """\
Removes lines that feeds, wire services and blog software add to an article,
listed in a catalog of templates (below). A line is removed only when the
whole line matches an entry's template, and only where that entry occurs:
- footer: the last non-blank line of a paragraph or of a feed item (a line
  followed by a blank line or the end of the document), or a line followed
  in its paragraph only by other boilerplate lines (share-widget blocks);
- interjection: a whole line, anywhere.
One exception: a "glued" footer at the end of the document's last line
(feeds that truncate descriptions produce `... before the vote. The post X
appeared first on Y.`) is cut off with the blanks before it; the body stays.
Leaves alone: body sentences that merely contain the words (`The post
appeared first on Facebook, where ...`, `Advertisement spending rose 4%`,
`Share this: it matters.`); a footer followed by more body lines in its
paragraph; entries marked "off", which are attribution and credit lines that
some readers keep as data (still treated as boilerplate for positions, so a
footer above a kept credit line goes); a footer hard-wrapped over several
lines. Lines left empty are tidied by the whitespace rule.
Options (configuration `[tool.cleaner.rules.boilerplate]`): `enable` and
`disable` take lists of entry names to switch on or off.
Templates: words match literally (any case where marked), a space matches
any run of blanks, ' matches ’, ... matches …, {a|b} is one of the
choices (an empty choice makes it optional). Placeholders:"""


def describe_catalog(catalog: Iterable[BoilerplateEntry] = CATALOG) -> str:
    """The explanation's placeholder table and entry list, generated from the catalog."""
    lines = [EXPLANATION_HEAD]
    lines += [f"  {{{name}}}: {meaning}" for name, (_, meaning) in PLACEHOLDERS.items()]
    lines.append("Entries (name: position, on/off by default; template; source):")
    for entry in catalog:
        flags = [entry.position, "on" if entry.default else "off"]
        flags += ["glued"] if entry.glued else []
        flags += ["any case"] if entry.ignore_case else []
        lines.append(f"- {entry.name}: {', '.join(flags)}")
        lines.append(f"    {entry.template}")
        lines.append(f"    source: {entry.source}")
    return "\n".join(lines)


RULE = Rule(
    name="boilerplate",
    summary="Remove feed and wire boilerplate lines: Yoast footers, share widgets, ad markers, copyright tails.",
    explanation=describe_catalog(),
    configure=configure_boilerplate,
    examples=(
        (
            "Body line.\nThe post Park budget approved appeared first on Harbor City Gazette.\n",
            "Body line.\n",
        ),
        (
            "The council voted 7-2. The post Park budget approved appeared first on Gazette.\n",
            "The council voted 7-2.\n",
        ),
        ("Intro.\n\nADVERTISEMENT\n\nMore.\n", "Intro.\n\n\nMore.\n"),
        (
            "Body.\nShare this:\nClick to share on Twitter (Opens in new window)\nLike this:\nLike Loading...\n",
            "Body.\n",
        ),
        (
            "Body.\n\nCopyright 2024 The Associated Press. All rights reserved.\n",
            "Body.\n\n",
        ),
        ("A.\nStory continues below advertisement\nB.\n", "A.\nB.\n"),
        ("The post appeared first on Facebook, where it was shared thousands of times.\n",) * 2,
        ("Advertisement spending rose 4% last year.\n",) * 2,
        ("A tecnologia apareceu primeiro em telefones celulares.\n",) * 2,
        ("Share this: it matters.\n",) * 2,
        ("Continue reading the report and you will see …\n",) * 2,
        ("Body.\nThe post X appeared first on Y.\nMore body.\n",) * 2,
        ("Body.\n(Reporting by Jane Doe; Editing by John Smith)\n",) * 2,
    ),
    find_edits=make_boilerplate_edits(),
)
