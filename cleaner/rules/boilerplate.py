"""Rule ``boilerplate``: whole lines that feeds, wire services and blog software
add to an article (Yoast footers, share widgets, ad markers), from a catalog of templates."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Any

from cleaner.boilerplate_catalog import (
    AFTER_SENTENCE,
    CATALOG,
    PLACEHOLDERS,
    BoilerplateEntry,
    entries_from_options,
)
from cleaner.edits import Edit, apply_edits
from cleaner.rule import Rule

ENTRIES_BY_NAME: dict[str, BoilerplateEntry] = {entry.name: entry for entry in CATALOG}
DEFAULT_ENTRIES: tuple[str, ...] = tuple(entry.name for entry in CATALOG if entry.default)

# Every template's variable parts are bounded, so no footer is longer than
# this: a glued one is looked for only this far before a paragraph's end.
LONGEST_BOILERPLATE = 2500

TEMPLATE_PART = re.compile(r"\{([^{}]*)\}")
# What literal template text turns into, besides escaped characters.
TEMPLATE_LITERALS = re.compile(r" +|\.\.\.|…|['’]")
LITERAL_REGEX = {"...": r"(?:\.\.\.|…)", "…": r"(?:\.\.\.|…)", "'": "['’]", "’": "['’]"}
# The same equivalences for a template's first character.
LITERAL_REGEX_FIRST = {".": ".…", "…": ".…", "'": "'’", "’": "'’"}
SPACE_RUN = r"[^\S\n]+"
# A footer cut short by a news API ends in an ellipsis where the period after
# the site name was: ``… appeared first on Sopit…``.
CUT_SHORT_PERIOD = r"(?:\.|(?<=…)|(?<=\.\.\.))"
# What a line may start with before the template: a list bullet or a
# Markdown heading mark (``• Read more: …``, ``* Share on X (Opens in new
# window)``, ``### Share this:``); the rest must still be a whole catalog line.
BULLET_CHARS = "•·▪►*-–#"
BULLET = r"(?:[•·▪►*\-–][^\S\n]+|[•▪►][^\S\n]*|\#{1,6}[^\S\n]+)?"
# The same as a necessary condition, cheaper to test: bullets with or without blanks.
LINE_OPENING = r"[^\S\n]*(?:[•·▪►*\-–][^\S\n]*|\#{1,6}[^\S\n]+)?"
# A catalog line may be a Markdown link's text (``[ Share on X (Opens in new
# window) X ](https://…)``): the link is removed with it.
LINK_OPEN = r"(?P<link>\[[^\S\n]*)?"
LINK_CLOSE = r"(?(link)[^\S\n]*\]\([^\s()]{1,2000}\))"
# The first characters of placeholders that may open a template.
PLACEHOLDER_FIRSTS = {"count": "0123456789", "year": "0123456789"}
# What ends a sentence before a footer glued "after-sentence".
SENTENCE_END = ".!?…\"”’')]»"
# The named group of the line regex for each position.
KIND_OF = {"footer": "footer", "interjection": "interjection", "before-footer": "before_footer"}
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
# A line break inside a glued footer (hard-wrapped text) reads as a space,
# except after the end of a sentence: the footer must not run on into the
# next line's body sentence (``… first on Sportnieuws.nl.\nThe council …``).
WRAP = re.compile(r"(?<![.!?])\n")
# A catalog line may have blanks around it; it ends at a newline or the end.
LINE_END = r"[^\S\n]*(?=\n|\Z)"
BLANK_LINE = re.compile(r"[^\S\n]*(?:\n|\Z)")
BLANK_TO_NEWLINE = re.compile(r"[^\S\n]*\n")
# Entries that are one bare word (a share button's label, a widget heading):
# the same word is also a heading or a link to a profile in a document's body
# (``## Facebook``, ``* [LinkedIn](https://www.linkedin.com/company/x/)``).
# Such a line is a widget's only as plain text, or as a link to a share
# endpoint; a heading mark or any other link destination keeps it.
BARE_LABELS = frozenset({"share-button-labels", "related-heading"})
LINK_DESTINATION = re.compile(r"\]\(([^\s()]*)\)[^\S\n]*$")
SHARE_ENDPOINT = re.compile(
    r"^(?:#|javascript:|mailto:)|share|sharing|intent/|submit|pin/create|/send\b|print|[?&](?:url|u|text|title)=",
    re.IGNORECASE,
)


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


def template_regex(entry: BoilerplateEntry, ignore_case: bool | None = None) -> str:
    """The regex (unanchored) for ``entry.template``; see the catalog's docstring
    for the syntax. ``ignore_case`` overrides the entry's own setting."""
    parts, last = [], 0
    for match in TEMPLATE_PART.finditer(entry.template):
        parts.append(_literal_regex(entry.template[last : match.start()]))
        inner = match.group(1)
        if "|" in inner:
            parts.append("(?:" + "|".join(_literal_regex(choice) for choice in inner.split("|")) + ")")
        else:
            parts.append(PLACEHOLDERS[inner][0])
        last = match.end()
    tail = entry.template[last:]
    if tail == "." and last > 0:
        parts.append(CUT_SHORT_PERIOD)
    else:
        parts.append(_literal_regex(tail))
    cut = CUT_IN_WORDS.search(entry.template)
    if cut is not None:
        # parts: ..., {title}, " words ", {site}, "." -> the last four may
        # also be a title that does not start in lower case (``The post
        # office is closing and the app…`` is a sentence) and the words cut
        # short by an ellipsis.
        title = parts[-4]
        cut_short = TITLE_NOT_LOWER + title + _cut_short_words(cut.group("words"))
        parts[-4:] = ["(?:" + "".join(parts[-4:]) + "|" + cut_short + ")"]
    regex = "".join(parts)
    return f"(?i:{regex})" if (entry.ignore_case if ignore_case is None else ignore_case) else regex


# A Yoast-like footer, "{title} <words> {site}.", may be cut short by a news
# API inside its words (``The post … de Los Bunkers app…``): the title, then
# at least CUT_SHORT_AT characters of the words, then an ellipsis. The cut
# must fall inside a word or after the second word, so a title followed by a
# whole first word (``L'article 3 est…``, ``The post … appeared…``) stays.
CUT_IN_WORDS = re.compile(r"\{title\}(?P<words> [^{}]+ )\{site\}\.$")
CUT_SHORT_AT = 3
TITLE_NOT_LOWER = r"(?-i:(?![a-zß-öø-ÿ]))"
ELLIPSIS = r"[^\S\n]*(?:…|\.\.\.)"


def _cut_short_words(words: str) -> str:
    """Regex for ``words`` (" appeared first on ") cut short by an ellipsis, as described above."""
    text = words.strip()
    cuts = {
        end
        for end in range(CUT_SHORT_AT, len(text))
        if text[end - 1] != " " and (text[end] != " " or " " in text[:end])
    }
    # From the last cut back: each character, then the ellipsis where a cut
    # may fall or the next character; one path per cut, so linear to match.
    regex = ""
    for position in reversed(range(max(cuts))):
        piece = SPACE_RUN if text[position] == " " else _literal_regex(text[position])
        if position + 1 in cuts:
            regex = piece + (f"(?:{ELLIPSIS}|{regex})" if regex else ELLIPSIS)
        else:
            regex = piece + regex
    return SPACE_RUN + regex


def first_characters(entry: BoilerplateEntry) -> str | None:
    """The characters a line of ``entry`` can start with, or None when its
    template starts with a placeholder that can start with anything."""
    template = entry.template
    heads = [template]
    if template.startswith("{"):
        inner, rest = template[1:].split("}", 1)
        if "|" not in inner:
            return PLACEHOLDER_FIRSTS.get(inner)
        heads = [choice + rest for choice in inner.split("|")]
    chars = "".join(LITERAL_REGEX_FIRST.get(head[0], head[0]) for head in heads if head)
    return chars + chars.swapcase() if entry.ignore_case else chars


class BoilerplateMatcher:
    """The catalog compiled for one choice of enabled entries, piece by piece
    as texts need the pieces: a 5 KB article needs few, so start-up pays
    for few (compiling the whole catalog costs tens of milliseconds).

    ``scan`` finds, in one pass of the regex engine over a text, the newlines
    before lines that may be catalog lines (their opening words fit) and the
    places where an enabled glued footer may begin (its fixed opening words:
    ``glued_starts``). A candidate line is then matched by the line regex of
    the entries that can start with its first characters (``line_at``): the
    named group that matched says what it is: ``interjection``, ``footer`` or
    ``before_footer`` (enabled: to remove) or ``kept`` (a disabled entry:
    kept, but still boilerplate when deciding whether a footer is followed
    only by boilerplate). ``glued_at`` matches a whole glued footer with the
    entries that can start with its first character. ``line`` and ``glued``
    are the same for the whole catalog, compiled only when asked for.
    """

    def __init__(self, catalog: tuple[BoilerplateEntry, ...], names: frozenset[str]) -> None:
        self.entries, self.enabled = catalog, names
        indexed = list(enumerate(catalog))
        enabled = [(i, entry) for i, entry in indexed if entry.name in names]
        # Enabled entries come first: when a line fits two entries, the enabled one decides.
        self._kinds = [
            ("interjection", [e for _, e in enabled if e.position == "interjection"]),
            ("footer", [e for _, e in enabled if e.position == "footer"]),
            ("before_footer", [e for _, e in enabled if e.position == "before-footer"]),
            ("kept", [e for _, e in indexed if e.name not in names]),
        ]
        self._glued_entries = [entry for _, entry in enabled if entry.glued]
        self._firsts = {entry.name: first_characters(entry) for entry in catalog}
        # Buckets need every template's first characters; a user template
        # starting with a placeholder puts every entry in one bucket.
        self._bucketed = all(self._firsts.values())
        self._line_buckets: dict[tuple[frozenset[str], str], re.Pattern[str]] = {}
        self._line_patterns: dict[frozenset[str], re.Pattern[str]] = {}  # by the entries in them
        self._words: dict[str, tuple[str, ...]] = {}
        self._glued_buckets: dict[str, re.Pattern[str] | None] = {}

    # --- lines ---------------------------------------------------------------

    @cached_property
    def _line_prefilter(self) -> str:
        """A newline before a line that may be a catalog line: its first
        character and its opening words fit some template (a few
        one-character tests reject most lines); empty without buckets."""
        if not self._bucketed:
            return "\n"
        first_class = "".join(sorted(set("".join(map(str, self._firsts.values()))) | set(BULLET_CHARS + "[")))
        opening = LINE_OPENING + _opening_words_regex(self.entries)
        return r"\n(?=[" + re.escape(first_class) + r"]|[^\S\n])(?=" + opening + ")"

    def _line_regex(self, keep: Callable[[BoilerplateEntry], bool]) -> str:
        groups = []
        for kind, entries in self._kinds:
            chosen = [entry for entry in entries if keep(entry)]
            if chosen:
                # No group per entry: the regex engine rejects an alternative that opens
                # with a literal by one character test, which a group in front would defeat.
                groups.append(f"(?P<{kind}>" + "|".join(template_regex(entry) for entry in chosen) + ")")
        if not groups:
            return ""
        return r"[^\S\n]*" + BULLET + LINK_OPEN + r"(?:" + "|".join(groups) + ")" + LINK_CLOSE + LINE_END

    @cached_property
    def line(self) -> re.Pattern[str]:
        """A whole catalog line from where it starts, for the whole catalog (for tests and tools)."""
        prefilter = self._line_prefilter[2:] if self._bucketed else ""
        return re.compile(prefilter + self._line_regex(lambda entry: True))

    def _line_key(self, text: str, newline: int) -> frozenset[str]:
        """The characters a template may start with on the line after ``newline``:
        those of the blanks, bullets and brackets it opens with, and the next one."""
        first = text[newline + 1 : newline + 2]
        if first not in LINE_LEAD and not first.isspace():
            return frozenset(first)
        chars = set()
        for position in range(newline + 1, len(text)):
            character = text[position]
            if character == "\n":
                break
            if character.isspace():
                continue
            chars.add(character)
            if character not in LINE_LEAD:
                break
        return frozenset(chars)

    def _line_word(self, text: str, newline: int) -> str:
        """The letters the line after ``newline`` opens with, past its blanks,
        bullets and brackets, in lower case ("" if it opens otherwise)."""
        found = LINE_WORD.match(text, newline + 1)
        return found.group(1).lower() if found else ""

    def _fits_word(self, entry: BoilerplateEntry, word: str) -> bool:
        """Whether a line opening with ``word`` can be a line of ``entry``: its
        template's opening letters (any, for a template that does not open
        with a letter) begin the word."""
        words = self._words.get(entry.name)
        if words is None:
            words = self._words[entry.name] = _opening_letters(entry)
        return not words or any(word.startswith(letters) for letters in words)

    def line_at(self, text: str, newline: int) -> re.Match[str] | None:
        """The catalog line after the newline at ``newline`` (the match starts
        at the newline), or None; the caller has found it with ``scan``. Only
        the entries that can start with the line's first characters and first
        word are compiled into the pattern tried (a 5 KB article compiles one
        or two templates, not all those that open with its letter)."""
        if self._bucketed:
            key = self._line_key(text, newline), self._line_word(text, newline)
        else:
            key = frozenset(), ""
        pattern = self._line_buckets.get(key)
        if pattern is None:
            chars, word = key
            if self._bucketed:
                chosen = frozenset(
                    entry.name
                    for entry in self.entries
                    if not chars.isdisjoint(self._firsts[entry.name]) and self._fits_word(entry, word)
                )
            else:
                chosen = frozenset(entry.name for entry in self.entries)
            pattern = self._line_patterns.get(chosen)
            if pattern is None:
                regex = self._line_regex(lambda entry: entry.name in chosen)
                pattern = re.compile("\n" + regex if regex else r"(?!)")
                self._line_patterns[chosen] = pattern
            self._line_buckets[key] = pattern
        return pattern.match(text, newline)

    # --- glued footers ---------------------------------------------------------

    @cached_property
    def _glued_start_parts(self) -> list[tuple[str, str]]:
        return _glued_start_regexes(self._glued_entries)

    @property
    def glued_starts(self) -> LazyPatterns:
        """Where glued footers may begin: the first finds all openings that do
        not start in lower case, the others one lower-case opening each (found
        by ``glued_heads``, their first word, with ``str.find``); each is
        compiled when first used."""
        return self._glued_start_patterns

    @cached_property
    def _glued_start_patterns(self) -> LazyPatterns:
        return LazyPatterns([regex for regex, _ in self._glued_start_parts])

    @cached_property
    def glued_heads(self) -> tuple[str, ...]:
        return tuple(head for _, head in self._glued_start_parts)

    @cached_property
    def scan(self) -> re.Pattern[str]:
        """Candidate lines (a match at a newline) and glued starts (a match of
        one character at an opening's first one), in one pass."""
        parts = [self._line_prefilter]
        if self._glued_start_parts and not self._glued_start_parts[0][1]:
            parts.insert(0, self._glued_start_parts[0][0])
        return re.compile("|".join(parts))

    @cached_property
    def glued(self) -> re.Pattern[str] | None:
        """Any enabled glued footer, blanks after it included (for tests and tools)."""
        if not self._glued_entries:
            return None
        return re.compile("|".join(template_regex(entry) for entry in self._glued_entries) + r"[^\S\n]*")

    @property
    def has_glued(self) -> bool:
        return bool(self._glued_entries)

    def glued_at(self, first: str) -> GluedBucket | None:
        """``glued`` for the footers that can start with the character ``first``,
        with the test of their last word (see ``GluedBucket``)."""
        if first in self._glued_buckets:
            return self._glued_buckets[first]
        chosen = [
            entry
            for entry in self._glued_entries
            if not self._bucketed or first in (self._firsts[entry.name] or first)
        ]
        bucket = None
        if chosen:
            pattern = re.compile("|".join(template_regex(entry) for entry in chosen) + r"[^\S\n]*")
            words = [_last_word_regex(entry) for entry in chosen]
            last_word, reach = None, 0
            if all(word is not None for word in words):
                regexes = [regex for regex, _ in words]  # type: ignore[misc]
                last_word = re.compile("(?:" + "|".join(dict.fromkeys(regexes)) + r")\Z")
                reach = max(width for _, width in words)  # type: ignore[misc]
            bucket = GluedBucket(pattern, last_word, reach)
        self._glued_buckets[first] = bucket
        return bucket


class LazyPatterns(Sequence[re.Pattern[str]]):
    """A tuple of regexes, each compiled when first used."""

    def __init__(self, regexes: list[str]) -> None:
        self._regexes = regexes
        self._patterns: dict[int, re.Pattern[str]] = {}

    def __len__(self) -> int:
        return len(self._regexes)

    def __getitem__(self, index: int) -> re.Pattern[str]:  # type: ignore[override]
        if index not in self._patterns:
            self._patterns[index] = re.compile(self._regexes[index])
        return self._patterns[index]


@dataclass(repr=False, eq=False)  # internal: generated methods cost start-up time
class GluedBucket:
    """The glued footers that start with one character: ``pattern`` matches
    one whole; ``last_word``, when set, is what every one of them ends with
    (the literal word after a template's last placeholder: ``story.`` in
    Medium's footer, ``]`` in ``[…]``), at most ``reach`` characters long,
    a cheap test that rejects most candidate paragraphs before the full match."""

    pattern: re.Pattern[str]
    last_word: re.Pattern[str] | None
    reach: int

    def fullmatch(self, window: str) -> re.Match[str] | None:
        """``pattern.fullmatch(window)``, for a window that does not end in a blank."""
        if self.last_word is not None and self.last_word.search(window, max(0, len(window) - self.reach)) is None:
            return None
        return self.pattern.fullmatch(window)


def _last_word_regex(entry: BoilerplateEntry) -> tuple[str, int] | None:
    """The regex of the literal word ``entry``'s template ends with and its
    longest length, or None when it ends with a placeholder, a choice or a blank."""
    template = entry.template
    tail = template[template.rfind("}") + 1 :]
    word = tail[tail.rfind(" ") + 1 :]
    if not word:
        return None
    if tail == "." and "}" in template:
        regex = CUT_SHORT_PERIOD  # as ``template_regex`` ends it: a period or an ellipsis
    else:
        regex = _literal_regex(word)
    return (f"(?i:{regex})" if entry.ignore_case else regex), 3 * len(word) + 3


# What a catalog line may open with before its template's first character,
# besides blanks: a bullet or heading mark, a link's bracket.
LINE_LEAD = frozenset(BULLET_CHARS + "[")


def _whole_catalog_line(matcher: BoilerplateMatcher, line: str) -> re.Match[str] | None:
    """The match of ``line`` (no newline in it) as a whole catalog line, or None;
    its offsets are one past the line's (the scan regex reads a newline first)."""
    text = "\n" + line
    if matcher.scan.match(text) is None:  # at a newline, only the line prefilter can match
        return None
    found = matcher.line_at(text, 0)
    return found if found is not None and found.end() == len(text) else None


# The letters a line opens with, past its blanks, bullets and brackets
# (``LINE_LEAD``), read this far at most: enough for any template's.
LINE_WORD = re.compile(r"(?:[^\S\n]|[•·▪►*\-–#\[])*([^\W\d_]{1,40})")


def _opening_letters(entry: BoilerplateEntry) -> tuple[str, ...]:
    """The letters each spelling of the template opens with, in lower case
    (``Read more`` gives ``read``); empty when some spelling opens with
    something else (a placeholder, a digit, a mark), which any line may."""
    letters = []
    for head in _heads(entry.template):
        found = re.match(r"[^\W\d_]+", head)
        if found is None:
            return ()
        letters.append(found.group().lower())
    return tuple(dict.fromkeys(letters))


def _openings(entry: BoilerplateEntry) -> list[str]:
    """The template's words before its first placeholder, one string per
    leading alternative: where a glued footer of this entry may start. An
    entry that ignores case gets them as written, in title case and in capitals."""
    template = entry.template
    heads = [template]
    if template.startswith("{") and "|" in template[: template.index("}")]:
        inner, rest = template[1:].split("}", 1)
        heads = [choice + rest for choice in inner.split("|") if choice]
    openings = []
    for head in heads:
        placeholder = re.search(r"\{[^{}|]*\}", head)
        opening = head[: placeholder.start()] if placeholder else head
        openings += [opening] + ([opening.title(), opening.upper()] if entry.ignore_case else [])
    return list(dict.fromkeys(openings))


# A glued footer is looked for where its opening's first words are (the whole
# footer is matched there later): a shorter regex to compile at start-up.
GLUED_OPENING_WORDS = 3


def _first_words(opening: str) -> str:
    """``opening`` cut after its first ``GLUED_OPENING_WORDS`` words."""
    words = opening.split(" ")
    if len(words) <= GLUED_OPENING_WORDS:
        return opening
    return " ".join(words[:GLUED_OPENING_WORDS]) + " "


def _glued_start_regexes(entries: list[BoilerplateEntry]) -> list[tuple[str, str]]:
    """Regexes for every glued entry's openings, each with the literal text
    its matches start with ("" when they start with one of several
    characters). Openings are grouped by first character (``T(?=he post|his
    article …)|D(?=er Beitrag)|…``) so that the regex engine skips at C speed
    to the few characters an opening starts with. Spaces may be line breaks:
    a wrapped footer may break its opening words."""
    by_first: dict[str, list[str]] = {}
    heads: dict[str, str] = {}
    for entry in entries:
        for opening in dict.fromkeys(_first_words(opening) for opening in _openings(entry)):
            rest = template_regex(replace(entry, template=opening[1:], ignore_case=False)) if opening[1:] else ""
            for first in LITERAL_REGEX_FIRST.get(opening[0], opening[0]):
                regex = rest.replace(SPACE_RUN, r"\s+")
                by_first.setdefault(first, []).append(regex)
                heads[first + regex] = first + re.split(r"[ '’.…]", opening[1:], maxsplit=1)[0]
    # Each branch must open with one literal character for the engine to skip
    # ahead; openings in lower case (``submitted by …``) would stop it at most
    # letters, so each gets a regex of its own, found by its first word.
    upper = {first: rests for first, rests in by_first.items() if not first.islower()}
    # A match is the opening's first character only, its rest looked ahead:
    # where openings start is all that is needed, and one pass then finds
    # every start, even one inside another opening.
    lookaheads = [re.escape(first) + "(?=" + _union(list(rests)) + ")" for first, rests in upper.items()]
    regexes = [("|".join(lookaheads), "")]
    regexes += [
        (re.escape(first) + rest, heads[first + rest])
        for first, rests in by_first.items()
        if first.islower()
        for rest in dict.fromkeys(rests)
    ]
    return [(regex, head) for regex, head in regexes if regex]


QUANTIFIER = re.compile(r"(?:[+*?]|\{\d*(?:,\d*)?\})[?+]?")


def _atoms(regex: str) -> list[str]:
    """``regex`` (as ``template_regex`` writes them: no top-level ``|``) cut
    into atoms: an escaped character, a class, a group or a plain character,
    each with its quantifier."""
    atoms, position = [], 0
    while position < len(regex):
        start, character = position, regex[position]
        if character == "\\":
            position += 2
        elif character == "[":
            position = _atoms_class_end(regex, position)
        elif character == "(":
            depth = 0
            while True:
                if regex[position] == "\\":
                    position += 2
                    continue
                if regex[position] == "[":
                    position = _atoms_class_end(regex, position)
                    continue
                depth += {"(": 1, ")": -1}.get(regex[position], 0)
                position += 1
                if depth == 0:
                    break
        else:
            position += 1
        quantifier = QUANTIFIER.match(regex, position)
        if quantifier is not None:
            position = quantifier.end()
        atoms.append(regex[start:position])
    return atoms


def _atoms_class_end(regex: str, position: int) -> int:
    """The end of the character class that starts at ``position``."""
    position += 1
    if regex[position] == "^":
        position += 1
    if regex[position] == "]":
        position += 1
    while regex[position] != "]":
        position += 2 if regex[position] == "\\" else 1
    return position + 1


def _union(regexes: list[str]) -> str:
    """A regex that matches where any of ``regexes`` matches, their common
    leading atoms written once (``he\\s+post|his\\s+…`` -> ``h(?:e\\s+post|is\\s+…)``),
    so that a candidate is rejected in a few character tests. Only for
    lookaheads: where one regex is a prefix of another, the longer is dropped."""
    return _trie_regex([_atoms(regex) for regex in dict.fromkeys(regexes)])[0]


def _trie_regex(sequences: list[list[str]]) -> tuple[str, bool]:
    """The union of the atom sequences, and whether it is an alternation."""
    if any(not sequence for sequence in sequences):
        return "", False  # one of them has matched: the rest need not
    by_head: dict[str, list[list[str]]] = {}
    for sequence in sequences:
        by_head.setdefault(sequence[0], []).append(sequence[1:])
    branches = []
    for head, tails in by_head.items():
        rest, alternation = _trie_regex(tails)
        branches.append(head + (f"(?:{rest})" if alternation else rest))
    return "|".join(branches), len(branches) > 1


def _heads(template: str) -> list[str]:
    """The template with a leading ``{a|b|}`` choice spelt out, one string per choice."""
    if template.startswith("{") and "|" in template[: template.index("}")]:
        inner, rest = template[1:].split("}", 1)
        return [choice + rest for choice in inner.split("|")]
    return [template]


FIRST_TWO_WORDS = re.compile(r"[^ {]+(?: [^ {]+)?")
CHOICE = re.compile(r" ?\{([^{}]*\|[^{}]*)\}")


def _first_two_words(head: str) -> list[str]:
    """The first two words of ``head`` (or one, where a placeholder follows),
    choices among them spelt out (``This {article|story} …`` gives ``This
    article`` and ``This story``)."""
    words, pending = [], [head]
    while pending:
        variant = pending.pop()
        found = FIRST_TWO_WORDS.match(variant)
        assert found is not None, head
        choice = CHOICE.match(variant, found.end())
        if " " in found.group() or choice is None or len(words) + len(pending) > 32:
            words.append(found.group())
            continue
        space = " " if variant[found.end()] == " " else ""
        before, after = variant[: found.end()] + space, variant[choice.end() :]
        pending += [before + alternative + after for alternative in choice.group(1).split("|")]
    return list(dict.fromkeys(words))


def _opening_words_regex(catalog: Iterable[BoilerplateEntry]) -> str:
    """A regex every catalog line matches after its blanks and bullet
    (``LINE_OPENING``): a template's first two words, a digit (a leading
    number) or a bracket (an excerpt mark or a link's text). Words are grouped by their
    first character (``T(?:he[^\\S\\n]+post|his)|…``), each group opening
    with a literal or a class (a template that ignores case: its first letter
    in either case, the rest in any), so that the regex engine rejects a line
    by a few one-character tests, as the first-character class it replaces."""
    by_first: dict[str, list[str]] = {}
    by_first_any_case: dict[str, list[str]] = {}
    others: set[str] = {"["}
    for entry in catalog:
        for head in _heads(entry.template):
            if head.startswith("{"):  # {count} or {year}: first_characters has checked
                others.update(PLACEHOLDER_FIRSTS[head[1:].split("}", 1)[0]])
                continue
            for opening in _first_two_words(head):
                first, rest = opening[0], _literal_regex(opening[1:])
                if first in LITERAL_REGEX_FIRST or first == "[":
                    others.update(LITERAL_REGEX_FIRST.get(first, first))
                elif entry.ignore_case:
                    by_first_any_case.setdefault(first.lower(), []).append(rest)
                else:
                    by_first.setdefault(first, []).append(rest)
    # Common leading characters written once (``_union``): this regex is only looked ahead with.
    branches = [re.escape(first) + "(?:" + _union(rests) + ")" for first, rests in by_first.items()]
    branches += [
        "[" + re.escape("".join(dict.fromkeys(first + first.upper()))) + "](?i:" + _union(rests) + ")"
        for first, rests in by_first_any_case.items()
    ]
    branches.append("[" + re.escape("".join(sorted(others))) + "]")
    return "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=256)
def entry_pattern(entry: BoilerplateEntry) -> re.Pattern[str]:
    """One entry's template alone (with trailing blanks), to name the entry that matched."""
    return re.compile(template_regex(entry) + r"[^\S\n]*")


@lru_cache(maxsize=128)
def compile_catalog(names: frozenset[str], catalog: tuple[BoilerplateEntry, ...] = CATALOG) -> BoilerplateMatcher:
    """The matcher of ``catalog`` for one set of enabled entry names (its
    regexes are compiled as texts need them, once)."""
    return BoilerplateMatcher(catalog, names)


def _entry(match: re.Match[str], matcher: BoilerplateMatcher) -> BoilerplateEntry:
    """The catalog entry that matched: the first one of the matched kind whose
    template matches the same text (only called for the few lines removed)."""
    kind = match.lastgroup
    found = match.group(kind) if kind else match.group()
    for entry in matcher.entries:
        enabled = entry.name in matcher.enabled
        if kind is None:  # a glued match: enabled glued entries only
            fits = enabled and bool(entry.glued)
        else:
            fits = not enabled if kind == "kept" else enabled and KIND_OF[entry.position] == kind
        if fits and entry_pattern(entry).fullmatch(found):
            return entry
    raise AssertionError(f"no catalog entry matches {found!r}")


def _entry_name(match: re.Match[str], matcher: BoilerplateMatcher) -> str:
    return _entry(match, matcher).name


def _content_end(text: str, end: int, floor: int) -> int:
    """``end`` moved back over whitespace, not below ``floor``."""
    while end > floor and text[end - 1].isspace():
        end -= 1
    return end


def _scan(text: str, matcher: BoilerplateMatcher) -> tuple[list[int], set[int]]:
    """One pass of ``matcher.scan``: the newlines before candidate catalog
    lines, and where glued footers may start (lower-case openings found by
    ``str.find``, as ``_glued_starts`` does)."""
    newlines, starts = [], set()
    for found in matcher.scan.finditer(text):
        at = found.start()
        if text[at] == "\n":
            newlines.append(at)
        else:
            starts.add(at)
    if matcher.has_glued:
        starts |= _glued_starts(text, matcher, lower_only=True)
    return newlines, starts


def _catalog_lines(text: str, matcher: BoilerplateMatcher, newlines: list[int]) -> list[tuple[int, int, re.Match[str]]]:
    """``(start, end, match)`` of every line that is a whole catalog line, in
    order, given the newlines before the candidate lines."""
    found = []
    first_line = text[: text.find("\n")] if "\n" in text else text
    first = _whole_catalog_line(matcher, first_line)
    if first:
        found.append((0, first.end() - 1, first))
    for newline in newlines:
        line = matcher.line_at(text, newline)
        if line is not None:
            found.append((newline + 1, line.end(), line))
    return found


def _line_edits(text: str, matcher: BoilerplateMatcher, newlines: list[int]) -> list[Edit]:
    """Deletions of the lines to remove (each with its newline): interjections
    anywhere; footers when only blank lines, the end, or more boilerplate
    lines up to a blank line follow them; a before-footer line when the next
    line is removed."""
    edits = []
    next_start = -1  # start of the following catalog line
    next_ends_item = False  # that line is followed only by boilerplate to its paragraph's end
    next_removed = False
    for start, end, found in reversed(_catalog_lines(text, matcher, newlines)):
        kind = found.lastgroup or ""
        adjacent = next_start == end + 1
        ends_item = end == len(text) or BLANK_LINE.match(text, end + 1) is not None or (adjacent and next_ends_item)
        removed = (
            kind == "interjection"
            or (kind == "footer" and ends_item)
            or (kind == "before_footer" and adjacent and next_removed)
        )
        name = _entry_name(found, matcher) if removed else ""
        if name in BARE_LABELS and not _reads_as_widget_label(found.group()):
            removed = ends_item = False  # body text: the lines above it are not at the item's end either
        if removed:
            edits.append(Edit(start, min(end + 1, len(text)), "", f"boilerplate {name}"))
        next_start, next_ends_item, next_removed = start, ends_item, removed
    edits.reverse()
    return edits


def _reads_as_widget_label(line: str) -> bool:
    """Whether a line holding a bare label reads as a widget's: not a heading,
    and, if it is a link, one to a share endpoint (``…/sharer.php?u=…``,
    ``?share=twitter``, ``mailto:``), not to a profile or a page."""
    line = line.strip()
    if line.startswith("#"):
        return False
    destination = LINK_DESTINATION.search(line)
    return destination is None or SHARE_ENDPOINT.search(destination.group(1)) is not None


def _may_glue(text: str, start: int, entry: BoilerplateEntry, paragraph_start: int) -> bool:
    """Whether a glued footer of ``entry`` may begin at ``start``: at a line
    start, or after a blank or sentence end as the entry allows; "after-sentence"
    ones never on a lower-case letter (``… wants to read more.`` is a sentence)."""
    if entry.glued == AFTER_SENTENCE and text[start].islower():
        return False
    if start <= paragraph_start or text[start - 1] == "\n":
        return True
    before = text[paragraph_start:start].rstrip()
    if not before:
        return True
    if entry.glued == AFTER_SENTENCE:
        return before[-1] in SENTENCE_END
    return text[start - 1].isspace() or before[-1] in SENTENCE_END


def _paragraph_tail_edits(
    text: str, starts: list[int], taken: range, end: int, matcher: BoilerplateMatcher
) -> list[Edit]:
    """Deletions of glued footers (and catalog lines they expose) at the end of
    the paragraph that ends at ``end``; ``starts`` (sorted) are where glued
    footers may begin, those at the indexes ``taken`` close enough before
    ``end``. The last start that matches wins, so body text before a footer
    that begins like one is kept; then the next end is tried, so runs of
    glued footers all go: once cuts have brought the end close enough to
    earlier starts of the paragraph, those are tried too (one pass, however
    long the run). A footer may be wrapped: newlines count as spaces."""
    edits: list[Edit] = []
    paragraph_start = _paragraph_start(text, starts[taken.start])
    content_end = _content_end(text, end, paragraph_start)
    for index in reversed(range(taken.stop)):
        start = starts[index]
        if index < taken.start:
            if content_end - start > LONGEST_BOILERPLATE or PARAGRAPH_BREAK.search(text, start, starts[index + 1]):
                break  # too far from the end, or in the paragraph before
            if start < paragraph_start:
                paragraph_start = _paragraph_start(text, start)
        if start >= content_end:
            continue
        glued = matcher.glued_at(text[start])
        if glued is None:
            continue
        window = text[start:content_end]
        first_break = window.find("\n")
        if first_break != -1:
            window = WRAP.sub(" ", window)
        found = glued.fullmatch(window)
        if found is None:
            continue
        if first_break != -1 and glued.pattern.fullmatch(text[start : start + first_break].rstrip(" \t\r")):
            # Complete on its own line, so the lines after it are body, not the
            # rest of a wrapped footer ("Continue Reading at GameSpot" + "the end").
            continue
        entry = _entry(found, matcher)
        if not _may_glue(text, start, entry, paragraph_start):
            continue
        cut = start
        while cut > paragraph_start and text[cut - 1] in " \t":
            cut -= 1
        if (cut == 0 or text[cut - 1] == "\n") and cut < content_end:
            # The footer fills its lines: remove them with their newline, as the line pass does.
            line_end = text.find("\n", content_end)
            edits.append(Edit(cut, len(text) if line_end < 0 else line_end + 1, "", f"boilerplate {entry.name}"))
            content_end = _content_end(text, cut, paragraph_start)
        else:
            blanks_after = content_end
            while blanks_after < end and text[blanks_after] in " \t":
                blanks_after += 1
            edits.append(Edit(cut, blanks_after, "", f"boilerplate {entry.name}"))
            content_end = _content_end(text, cut, paragraph_start)
        content_end = _strip_exposed_lines(text, content_end, paragraph_start, matcher, edits)
    edits.sort()
    return edits


def _strip_exposed_lines(
    text: str, content_end: int, paragraph_start: int, matcher: BoilerplateMatcher, edits: list[Edit]
) -> int:
    """After a cut, the catalog lines left at the end of the paragraph are
    judged as the line pass judges them (a second run would): walking up while
    lines are whole catalog lines, removing footers, interjections and a
    before-footer line above a removed one, stepping over kept ones. Returns
    the new content end (below which only kept lines remain). A line longer
    than any footer (``LONGEST_BOILERPLATE``) is not looked at: a run of
    glued footers on one long line costs no more than the footers."""
    below_removed = True
    while content_end > paragraph_start:
        reach = max(0, content_end - LONGEST_BOILERPLATE - 1)
        start = text.rfind("\n", reach, content_end) + 1
        if start == 0 and reach > 0:
            break
        found = _whole_catalog_line(matcher, text[start:content_end])
        if found is None:
            break
        kind = found.lastgroup
        removed = kind in ("footer", "interjection") or (kind == "before_footer" and below_removed)
        if removed:
            newline = text.find("\n", content_end)
            edit_end = len(text) if newline < 0 else newline + 1
            edits.append(Edit(start, edit_end, "", f"boilerplate {_entry_name(found, matcher)}"))
        below_removed = removed
        content_end = _content_end(text, start, paragraph_start)
    return content_end


def _paragraph_start(text: str, position: int) -> int:
    """Where the paragraph holding ``position`` starts (after the blank line
    above it), looking back no further than a footer can be long."""
    floor = max(0, position - LONGEST_BOILERPLATE)
    line_start = text.rfind("\n", floor, position) + 1
    while line_start > floor:
        previous = text.rfind("\n", floor, line_start - 1) + 1
        if previous == 0 and floor > 0:
            return floor
        if not text[previous : line_start - 1].strip():
            return line_start
        line_start = previous
    return max(line_start, floor)


def _glued_starts(text: str, matcher: BoilerplateMatcher, lower_only: bool = False) -> set[int]:
    """Where the openings of enabled glued footers are in ``text``: what
    ``finditer`` of each of ``matcher.glued_starts`` finds, the ones with a
    literal head found by ``str.find`` first, then matched there: the same
    leftmost, non-overlapping matches, for less time. ``lower_only``: only
    those (``_scan`` has found the others)."""
    starts = set()
    for index, head in enumerate(matcher.glued_heads):
        if not head and lower_only:
            continue
        pattern = matcher.glued_starts[index]
        if not head:
            starts.update(found.start() for found in pattern.finditer(text))
            continue
        at = text.find(head)
        while at >= 0:
            found = pattern.match(text, at)
            if found is not None:
                starts.add(at)
            at = text.find(head, found.end() if found is not None else at + 1)
    return starts


def _starts_in(text: str, matcher: BoilerplateMatcher, low: int, high: int) -> set[int]:
    """Where glued footers may start in ``text[low:high]``: as
    ``_glued_starts``, looking ahead at most ``LONGEST_BOILERPLATE`` past ``high``."""
    starts = set()
    for found in matcher.scan.finditer(text, low, min(len(text), high + LONGEST_BOILERPLATE)):
        if found.start() >= high:
            break
        if text[found.start()] != "\n":
            starts.add(found.start())
    for index, head in enumerate(matcher.glued_heads):
        if not head:
            continue  # found by ``scan``
        pattern = matcher.glued_starts[index]
        at = text.find(head, low, high)
        while at >= 0:
            found = pattern.match(text, at)
            if found is not None:
                starts.add(at)
            at = text.find(head, found.end() if found is not None else at + 1, high)
    return starts


def _break_before(text: str, position: int, stop: int) -> int:
    """Where the text around the paragraph holding ``position`` begins: the
    newline before the blank line above it (the start of the text when there
    is none), looking back no further than ``stop``."""
    line_start = text.rfind("\n", stop, position) + 1
    while line_start > stop:
        above = text.rfind("\n", stop, line_start - 1) + 1
        if BLANK_TO_NEWLINE.match(text, above) is not None:  # the line above is blank
            return max(above - 1, 0)
        line_start = above
    return stop


def _glued_edits_with_removed_lines(
    text: str, matcher: BoilerplateMatcher, starts: set[int], removed: list[Edit]
) -> list[Edit]:
    """What ``_glued_edits`` finds in the text without the ``removed`` lines,
    in ``text``'s coordinates: the paragraphs that lost lines are shortened on
    their own (with the blank lines around them) and looked at there, the
    others where they are; copying the whole text would cost more than the rest."""
    regions: list[list[int]] = []  # [low, high): a touched paragraph with the breaks around it
    for edit in removed:
        if regions and edit.start < regions[-1][1]:
            continue
        low = _break_before(text, edit.start, regions[-1][1] if regions else 0)
        paragraph_break = PARAGRAPH_BREAK.search(text, edit.end)
        high = paragraph_break.end() if paragraph_break is not None else len(text)
        if regions and low <= regions[-1][1]:
            regions[-1][1] = high
        else:
            regions.append([low, high])
    outside, region_index = set(), 0
    for start in sorted(starts):
        while region_index < len(regions) and regions[region_index][1] <= start:
            region_index += 1
        if region_index == len(regions) or start < regions[region_index][0]:
            outside.add(start)
    edits = _glued_edits(text, matcher, outside)
    removed_index = 0
    for low, high in regions:
        local_removed = []
        while removed_index < len(removed) and removed[removed_index].start < high:
            edit = removed[removed_index]
            local_removed.append(Edit(edit.start - low, edit.end - low, "", edit.reason))
            removed_index += 1
        local = apply_edits(text[low:high], local_removed)
        found = _glued_edits(local, matcher, _starts_in(local, matcher, 0, len(local)))
        edits += [Edit(edit.start + low, edit.end + low, "", edit.reason) for edit in _map_back(found, local_removed)]
    return sorted(edits)


def _glued_edits(text: str, matcher: BoilerplateMatcher, found_starts: set[int]) -> list[Edit]:
    """Deletions of glued footers at the end of every paragraph (feed items in a
    dump are paragraphs). Candidates are found by the footers' opening words
    (``found_starts``); only those with a paragraph end close enough after them are tried."""
    by_end: dict[int, range] = {}
    starts = sorted(found_starts)
    for index, start in enumerate(starts):
        limit = start + LONGEST_BOILERPLATE
        paragraph_break = PARAGRAPH_BREAK.search(text, start, limit)
        if paragraph_break is not None:
            end = paragraph_break.start()
        elif limit >= len(text):
            end = len(text)
        else:
            continue
        # The starts an end takes are consecutive: any start between two of them is as close.
        by_end[end] = range(by_end[end].start if end in by_end else index, index + 1)
    edits: list[Edit] = []
    for end, taken in by_end.items():
        edits += _paragraph_tail_edits(text, starts, taken, end, matcher)
    return edits


def _merge(edits: list[Edit]) -> list[Edit]:
    """Sorted deletions with overlapping ones joined (a glued cut may cover lines already removed)."""
    merged: list[Edit] = []
    for edit in sorted(edits):
        if merged and edit.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Edit(last.start, max(last.end, edit.end), "", last.reason)
        else:
            merged.append(edit)
    return merged


def _map_back(edits: list[Edit], removed: list[Edit]) -> list[Edit]:
    """Deletions in the text after ``removed`` (both sorted), in the text
    before: one walk through both lists."""
    mapped, shift, index = [], 0, 0

    def original(position: int) -> int:
        nonlocal shift, index
        while index < len(removed) and removed[index].start <= position + shift:
            shift += removed[index].end - removed[index].start
            index += 1
        return position + shift

    for edit in sorted(edits):
        start = original(edit.start)
        mapped.append(Edit(start, original(edit.end), "", edit.reason))
    return mapped


def _one_pass(text: str, matcher: BoilerplateMatcher) -> tuple[list[Edit], bool]:
    """Whole catalog lines first, then glued footers at the ends of the
    paragraphs that remain; also says whether any glued footer was cut."""
    newlines, starts = _scan(text, matcher)
    line_edits = _line_edits(text, matcher, newlines)
    if not matcher.has_glued:
        return line_edits, False
    if line_edits:
        glued = _glued_edits_with_removed_lines(text, matcher, starts, line_edits)
    else:
        glued = _glued_edits(text, matcher, starts)
    if not glued:
        return line_edits, False
    return _merge(line_edits + glued), True


def boilerplate_edits(text: str, matcher: BoilerplateMatcher) -> list[Edit]:
    """The deletions that remove what ``matcher`` recognises. A glued cut can
    leave boilerplate that a second look would take (a footer glued after a
    kept credit line whose own tail is glued boilerplate): after a pass that
    cut glued footers the text is looked at again until nothing more goes, so
    that the rule is idempotent; the usual text needs one pass."""
    edits, glued = _one_pass(text, matcher)
    while glued:
        shortened = apply_edits(text, edits)
        more, glued = _one_pass(shortened, matcher)
        if not more:
            break
        edits = _merge(edits + _map_back(more, edits))
    return edits


def find_boilerplate_edits(text: str) -> list[Edit]:
    """What the rule with its default entries removes from ``text``, as
    deletions (sorted, non-overlapping, in ``text``'s coordinates)."""
    return boilerplate_edits(text, compile_catalog(frozenset(DEFAULT_ENTRIES)))


class BoilerplateEdits:
    """The rule's ``find_edits`` for one catalog and choice of entries: called
    with a text, the deletions that remove its boilerplate; ``remove`` gives the
    text itself, ``explanation`` lists the entries (user ones flagged)."""

    def __init__(self, names: frozenset[str], catalog: tuple[BoilerplateEntry, ...] = CATALOG) -> None:
        self.names, self.catalog = names, catalog

    @cached_property
    def matcher(self) -> BoilerplateMatcher:
        """The catalog compiled on first use: importing the rule compiles nothing."""
        return compile_catalog(self.names, self.catalog)

    def __call__(self, text: str) -> list[Edit]:
        return boilerplate_edits(text, self.matcher)

    def remove(self, text: str) -> str:
        return apply_edits(text, self(text))

    @property
    def explanation(self) -> str:
        return describe_catalog(self.catalog, self.names)


def _check_names(names: Iterable[str], known: Mapping[str, Any]) -> None:
    unknown = sorted(set(names) - known.keys())
    if unknown:
        raise ValueError(f"unknown boilerplate entry {', '.join(unknown)}; known: {', '.join(known)}")


def make_boilerplate_edits(entries: Iterable[str] | None = None) -> BoilerplateEdits:
    """The edits finder removing the catalog entries named in ``entries``
    (``DEFAULT_ENTRIES`` when None). An unknown name raises ``ValueError``."""
    names = frozenset(DEFAULT_ENTRIES if entries is None else entries)
    _check_names(names, ENTRIES_BY_NAME)
    return BoilerplateEdits(names)


def make_boilerplate_remover(entries: Iterable[str] | None = None) -> Callable[[str], str]:
    """The same as a ``str -> str`` function."""
    return make_boilerplate_edits(entries).remove


def check_user_entry(entry: BoilerplateEntry, catalog: tuple[BoilerplateEntry, ...]) -> None:
    """Raise ``ValueError`` naming ``entry`` unless its template compiles, opens
    with text, removes its example and keeps its look-alike (with ``catalog``)."""
    where = f"boilerplate template {entry.name!r}"
    try:
        re.compile(template_regex(entry))
    except (KeyError, re.error) as error:
        raise ValueError(f"{where}: bad template {entry.template!r} ({error})") from None
    if not first_characters(entry):
        raise ValueError(f"{where}: the template must start with words, not a placeholder")
    alone = BoilerplateEdits(frozenset([entry.name]), catalog).remove
    if alone(f"Body.\n{entry.example}\n") != "Body.\n":
        raise ValueError(f"{where}: its example {entry.example!r} does not match the template as a last line")
    everything = BoilerplateEdits(frozenset(e.name for e in catalog), catalog).remove
    if everything(f"Body.\n{entry.look_alike}\n") != f"Body.\n{entry.look_alike}\n":
        raise ValueError(f"{where}: its look-alike {entry.look_alike!r} would be removed")


def read_catalog_file(path: str) -> list[Any]:
    """The ``[[templates]]`` tables of a TOML catalog file; ``ValueError`` names the file."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ValueError(f"boilerplate catalog {path}: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"boilerplate catalog {path}: not valid TOML: {error}") from None
    unknown = sorted(set(data) - {"templates"})
    if unknown or not isinstance(data.get("templates", []), list):
        raise ValueError(f"boilerplate catalog {path}: expected only [[templates]] tables")
    return list(data.get("templates", []))


def configure_boilerplate(
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    templates: Iterable[Mapping[str, Any]] = (),
    catalog: str | None = None,
) -> BoilerplateEdits:
    """The rule with catalog entries switched on (``enable``) or off (``disable``)
    relative to the defaults, and user ``templates`` (tables with the catalog's
    fields) added, inline or from a ``catalog`` file of ``[[templates]]`` (a
    path; in a configuration file, relative to that file); for
    ``[tool.cleaner.rules.boilerplate]``."""
    if catalog is not None and not isinstance(catalog, str):
        raise ValueError("boilerplate catalog must be the path of a TOML file")
    listed = entries_from_options(templates, ENTRIES_BY_NAME)
    from_file = read_catalog_file(catalog) if catalog is not None else []
    try:
        user = listed + entries_from_options(from_file, {**ENTRIES_BY_NAME, **{e.name: e for e in listed}})
    except ValueError as error:
        raise ValueError(f"boilerplate catalog {catalog}: {error}") from None
    catalog = CATALOG + user
    for entry in user:
        check_user_entry(entry, catalog)
    known = {entry.name: entry for entry in catalog}
    enable, disable = frozenset(enable), frozenset(disable)
    _check_names(enable | disable, known)
    defaults = frozenset(entry.name for entry in catalog if entry.default)
    return BoilerplateEdits((defaults | enable) - disable, catalog)


EXPLANATION_HEAD = """\
Removes lines that feeds, wire services and blog software add to an article,
listed in a catalog of templates (below). A line is removed only when the
whole line (after an optional bullet or Markdown heading mark) matches an
entry's template, and only where that entry occurs:
- footer: the last non-blank line of a paragraph or of a feed item (a line
  followed by a blank line or the end of the document), or a line followed
  in its paragraph only by other boilerplate lines (share-widget blocks);
- interjection: a whole line, anywhere;
- before-footer: directly above a line that is removed (`Vu sur ...`).
"Glued" entries are also cut from the end of a paragraph's last line, with
the blanks before them (`... before the vote. The post X appeared first on
Y.`): "after-sentence" ones only after a sentence end and starting with a
capital, "after-word" ones after any word. A glued footer may be wrapped over
lines (a line break reads as a space, except after a sentence end) and cut
short (`... appeared first on Sopit...`); runs of glued footers all go.
Leaves alone: body sentences that merely contain the words (`The post
appeared first on Facebook, where ...`, `Advertisement spending rose 4%`,
`Share this: it matters.`); a footer followed by more body lines in its
paragraph; entries marked "off", which are attribution, credit and licence
lines that some readers keep as data (still treated as boilerplate for
positions, so a footer above a kept credit line goes). Lines left empty are
tidied by the whitespace rule.
Options (configuration `[tool.cleaner.rules.boilerplate]`): `enable` and
`disable` take lists of entry names to switch on or off; `templates` adds
entries: tables with name, template, position, example, look_alike and
optionally languages, source, default, glued, ignore_case; `catalog` names a
TOML file of such `[[templates]]` (relative to the configuration file). Each
is checked: its example must be removed and its look-alike kept.
Templates: words match literally (any case where marked), a space matches
any run of blanks, ' matches ’, ... matches …, {a|b} is one of the
choices (an empty choice makes it optional). Placeholders:"""


def catalog_summary(catalog: Iterable[BoilerplateEntry] = CATALOG) -> tuple[int, int]:
    """How many templates and how many languages (``any`` not counted) the catalog has."""
    entries = list(catalog)
    return len(entries), len({code for entry in entries for code in entry.languages} - {"any"})


def describe_catalog(catalog: Iterable[BoilerplateEntry] = CATALOG, names: frozenset[str] | None = None) -> str:
    """The explanation's placeholder table and entry list, generated from the
    catalog; ``names`` (the enabled entries) default to each entry's default."""
    lines = [EXPLANATION_HEAD]
    lines += [f"  {{{name}}}: {meaning}" for name, (_, meaning) in PLACEHOLDERS.items()]
    templates, languages = catalog_summary(catalog)
    lines.append(f"Entries ({templates} templates, {languages} languages; name: position, on/off; template; source):")
    for entry in catalog:
        enabled = entry.default if names is None else entry.name in names
        flags = [entry.position, "on" if enabled else "off", ",".join(entry.languages)]
        flags += [f"glued {entry.glued}"] if entry.glued else []
        flags += ["any case"] if entry.ignore_case else []
        flags += ["user"] if entry.name not in ENTRIES_BY_NAME else []
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

BUILT_IN_TEMPLATES, BUILT_IN_LANGUAGES = catalog_summary()
