"""Rule ``punctuation-spacing``: put back the space an HTML-to-text converter
lost next to punctuation (``ended.The``, ``Definition:The``, ``RustFest,Rust``,
``(BTS)sites``, ``value of"baz"to``) and drop the stray space before a comma
(``talks , which``), only where the words on both sides leave no doubt."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import NamedTuple

from cleaner import lexicon
from cleaner.edits import Edit, apply_edits
from cleaner.lexicon import reads_as_french_or_german
from cleaner.rule import Rule
from cleaner.spans import ABBREVIATIONS, is_protected, protected_spans, reads_as_code, token_bounds

# --- Tables -----------------------------------------------------------------

# Words that often open an English sentence (lower case). After "word." they
# count as a new sentence even when the word before is short or all capitals
# (CNN.The); other capitalised words need a common word before the period.
SENTENCE_OPENERS = frozenset(
    """the this that these those it its he his she her they their we our you your
    my but so yet in on at from with after before during since until when while
    where why how what who which whose whether if as because although though unless
    there here then now still also however meanwhile instead today yesterday later
    earlier soon finally some many most several nobody everyone someone is are was
    were has have had do does did will would can could should may might must
    perhaps maybe even only just such""".split()
)
# After a comma or semicolon, a lower-case word that opens a clause: the
# sentence openers, conjunctions, and -ing participles ("Thursday,adding").
CLAUSE_OPENERS = SENTENCE_OPENERS | frozenset("and or nor not for to of by the a an etc".split())
# Words that open an aside in brackets, never an argument list: "(see Section
# 8.1", "(for 64 bit SPARC processors)", "(used by gbp)".
ASIDE_OPENERS = frozenset("see for and that which who whose used also including especially".split())
PARTICIPLE_SUFFIX = "ing"
MIN_PARTICIPLE_LENGTH = 5
# Words that come in code pairs and option lists (no,yes  key,value  rw,ro):
# two lower-case words joined by a comma are left alone when one is here.
PAIR_WORDS = frozenset(
    """yes no true false on off key value keys values min max read write rw ro get set
    start end begin left right top bottom width height x y z in out up down old new
    from to src dst source target first last name type id user group owner mode size
    major minor pre post before after open close input output none all any foo bar baz qux
    defaults""".split()
)
# A word counts as known English from this wordfreq zipf on ("ended" 4.9, "ast" 2.6).
KNOWN_ZIPF = 3.0
# Two lower-case words joined by a comma: both known, or one rarer word
# ("adapters" 2.9) beside a very common one ("power" 5.5).
RARE_ZIPF, VERY_COMMON_ZIPF = 2.5, 4.5
# The word before "word.Capital" must be a common word (KNOWN_ZIPF) or a
# capitalised name the document uses; before a short word (If, I, And, Not:
# the names of operators and flags in module.Class) it must be more common
# than "ast" of ast.If (3.1): "ended" is 4.9.
SENTENCE_END_MIN_ZIPF = 3.5
# Packages whose names are also English words, written package.Class in prose
# about code (pandas.Series, torch.Tensor, flask.Request): never a sentence end
# before a capital. Data, not logic: add a row to add a package.
PACKAGE_NAMES = frozenset(
    """pandas torch flask django numpy scipy requests click attrs arrow bottle falcon pyramid tornado
    twisted celery fabric pillow pytest keras jax spark express react vue angular ember backbone
    redux mongoose sequelize lodash jquery rails sinatra nn np pd tf plt os sys re json""".split()
)
SHORT_OPENER = 3
# A line that holds a sign of code still reads as prose when it has this many
# tokens and this share of them are lower-case words (with a comma or period).
PROSE_LINE_WORDS, PROSE_WORD_SHARE = 12, 0.6
STATEMENT_SIGNS = ("{", "}", " = ", "();", "`")  # (code quoted whole, not a name in passing)
PLAIN_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*[.,;:]?")
# A line is in title case when it has this many open-class words and this
# share of them capitalised.
TITLE_MIN_WORDS, TITLE_SHARE = 3, 0.8
# A lower-case word after a colon, with no label the document writes: the word
# before is this long and this many words of prose stand before it on the line.
MIN_CLAUSE_END, PROSE_WORDS_BEFORE_COLON = 5, 3
# A word in capitals in brackets after a word in capitals, "NAME(REQUIRED)",
# is a label from this length on (not "CA(SA)").
LABEL_IN_CAPITALS = 4
# A name wordfreq does not know counts when the document uses it this often.
NAME_MIN_USES = 2
# A dash style is the document's when it is used this often and at least
# DASH_MAJORITY times as often as the other style.
DASH_MIN_USES = 2
DASH_MAJORITY = 3

# A line of at most this many tokens next to a line of code is code too.
SHORT_LINE_TOKENS = 3
# Characters that make a token code, a path or markup, never two prose words.
CODE_CHARACTERS = frozenset("=<>{}\\|@#$%^*~`_/&+")
LETTER = r"[^\W\d_]"
UPPER = "[A-ZÀ-ÖØ-ÞΑ-ΩА-Я]"  # a capital in the scripts a lost space is restored in
MANUAL_SECTIONS = frozenset("123456789")
RIGHT_TO_LEFT_SCRIPTS = "\u0590"  # Hebrew, Arabic and later scripts start here
OPENERS = "([“\""
CLOSERS = ")]”\""
DASHES = "—–"
# Arrows of menus and breadcrumbs ("More about Alerts » Alerts", "Next › Last"),
# when the document does not quote with them (« » ‹ ›).
ARROWS = "»›"
# A quotation in guillemets, «…» or »…« (German), on one line; not arrows
# pointing both ways in a menu ("« Previous | Next »").
GUILLEMET_QUOTATION = re.compile(r"«[^«»|\n]{1,80}»|»[^«»|\n]{1,80}«|‹[^‹›|\n]{1,80}›|›[^‹›|\n]{1,80}‹")

# Where a space may be missing: a mark, closing bracket or quote before a
# letter (or an opening bracket or quote), or a letter before an opening
# bracket, quote or dash. Cheap to find and rare in clean prose; each hit is
# then judged with the whole token around it.
# (One character class first, so the scan skips everything else at C speed.)
CANDIDATE = re.compile(
    rf"""[.?!:,;…)\]”"'{DASHES}(\[“{ARROWS}‘]
    (?: (?=\S) (?: (?<=\.) (?=[(\[“"]?{UPPER}|\.\.{UPPER})   # a period before a capital (or "...A"),
                | (?<=[?!:,;…)\]”{DASHES}{ARROWS}‘]) (?=[(\[“"]?{LETTER})  # another mark before a letter,
                | (?<=[^\W_]") (?={LETTER})                    # a straight quote between letters,
                | (?<=') (?={LETTER}{{3,}}')                   # a word in straight single quotes,
                | (?<=[.?!:,;”]) (?=“)                         # a mark before a curly quotation,
                | (?<=[?!]) (?=\d) )                            # a question before a number
      | (?<={LETTER}[(\[“{DASHES}{ARROWS}‘])                   # or a letter before an opening mark
      | (?<=\d\() (?=[a-z]) )                                   # (or a digit before an aside: x32(for)
    """,
    re.VERBOSE,
)

# A junction inside a token: the marks that end the left part, then the
# opening bracket or quote that starts the right part; the space goes between.
JUNCTION = re.compile(
    rf"""
    (?<=[^\W_]|[)\]”"’'])                    # after a letter, digit, closing bracket or quote
    (?=[.?!:,;…)\]”"{DASHES}(\[“])           # (something must stand between)
    (?P<close> [.?!:,;]{{1,3}}[)\]”"]?        # sentence or clause marks (then a closer), or
             | [.?!]?…[)\]”"]?               #   an ellipsis, or
             | [)\]”"]                       #   a closing bracket or quote, or
             | [{DASHES}]                    #   a dash, or
             | )                             #   nothing, before
    (?P<open>[(\[“"]?)                       # an opening bracket or quote
    (?={LETTER}|(?<=\()\$\d)                 # before a letter (or a bracketed price)
    """,
    re.VERBOSE,
)
WORD_AT_END = re.compile(rf"{LETTER}+(?:[’'-]{LETTER}+)*$")
WORD_AT_START = re.compile(rf"{LETTER}+(?:[’'-]{LETTER}+)*")
WORDS = re.compile(rf"{LETTER}+")
WHITESPACE = re.compile(r"\s")
TUPLE_INSIDE = re.compile(r"[\w,;]+")
# Inside brackets, a junction between two words: where the rule may insert a space.
INNER_MARK = re.compile(rf"{LETTER}(?:[,;:?!…“”\"(\[{DASHES}]+{LETTER}|\.+[(\[“\"]?{UPPER})")
DOT_BEFORE_LETTER = re.compile(rf"\.(?={LETTER})")
CASE_PIECE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[^\W\d_]+")  # anEssential -> an, Essential
# The number of a section, list item or year before "." and a capitalised word.
SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}|1[5-9]\d\d|20\d\d")
# The last word of a question or exclamation run into a number: "Crisis?6".
QUESTION_THEN_COUNT = re.compile(rf"(?:.*[^\w.])?({LETTER}{{3,}})[?!]\d+")
# A word and a colon run into a web address: "at:https://example.org".
LABEL_THEN_URL = re.compile(rf"({LETTER}{{2,}}):(?=(?:https?|ftp)://\w)")
MANUAL_PAGE_AT_END = re.compile(r"[^\W\d_][\w.+-]+\([1-9]\)$")
MANUAL_PAGE_THEN_WORD = re.compile(rf"([\w.+-]+\([1-9]\)){LETTER}{{2,}}[.,;:]?")
UPPER_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# The marks that may stand between a word and the quotation it introduces.
QUOTE_LEAD_MARKS = ".,;:?!"
# A lower-case name with one lower-case word in brackets, as a call: filter(pattern).
CALL = re.compile(r"[a-z]\([a-z]+\)")
# A string in curly quotes, whole: “apt,itude”.
QUOTED_STRING = re.compile(r"“[^“”\s]+”")
# A question mark as the sigil of a search term, never a sentence end: at the
# start of a word ("?name(coq)", "!?origin(debian)", "new-installs,?action(x)")
# or between words before a bracket ("apt?priority(required)").
QUERY_TERM = re.compile(rf"(?<![^\W_])\?{LETTER}|{LETTER}\?{LETTER}[^\s(]*\(")
# A token worth judging: a junction inside it, or a mark or dash at an edge.
MIGHT_HOLD_JUNCTION = re.compile(
    rf"(?<=[^\W_]|[)\]”\"’'])[.?!:,;…)\]”\"{DASHES}(\[“]|^(?:[:,;…{DASHES}]|\.\.\.){LETTER}|{LETTER}[{DASHES}]$"
    rf"|[{ARROWS}‘”]{LETTER}|{LETTER}[{ARROWS}]|'{LETTER}{{3,}}'"
)
# An arrow with a letter on either side: "posts »Embed", "Now»Anchors".
ARROW_JUNCTION = re.compile(rf"(?<={LETTER})[{ARROWS}]|[{ARROWS}](?={LETTER})")
SPACED_ARROW = re.compile(rf"(?<=\S) [{ARROWS}]")
CLOSED_ARROW = re.compile(rf"{LETTER}[{ARROWS}]")
# A word in single curly quotes, or the opening one of a quotation that goes
# on: "a ‘Pivot’for", "like a‘Pivot for". (An apostrophe is ’, never ‘.)
SINGLE_QUOTED = re.compile(rf"‘{LETTER}[^\s‘’]*(?:’|$)")
# A word of three letters or more in straight single quotes: "the 'Pivot'for"
# (not "rock'n'roll", "ma'am", "O'Brien's").
STRAIGHT_SINGLE_QUOTED = re.compile(rf"'{LETTER}{{3,}}'")
CONTRACTION_ENDINGS = frozenset("ll re ve em LL RE VE".split())
CLOSING_SINGLE_QUOTE = re.compile(rf"’(?!{LETTER})")
# A name with a number in brackets after a word: "discovery(RFC1191)".
NAME_WITH_NUMBER = re.compile(rf"{LETTER}{{2,}}\d+")
# A price in brackets, "Graph($3 unlocked)": its $ is not code.
PRICE_IN_BRACKETS = re.compile(r"(?<=\()\$\d[\d.,]*")
LEADING_MARK = re.compile(rf"(?::|…|\.\.\.)(?={LETTER})")
INITIALISM = re.compile(r"(?:^|[^\w.])(?:[A-Za-z]\.)+[A-Z]$")  # J.R.R  U.S  (not Will.I)
DIGITS_AT_END = re.compile(r"(?<![\w.,:])\d+$")  # 5 of Chapter 5 (not f10 of C-m,f10)
# Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer,
# Chinese, Japanese, Korean): a quote or bracket there needs no space.
# Compared by code point: as a regex character class these ranges cost
# about 4 ms to compile, a tenth of a short article's start-up.
UNSPACED_SCRIPT_RANGES = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x2E80, 0x9FFF),
    (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF),
)


def reads_as_prose(line: str) -> bool:
    """True for a long line of running prose that mentions code in passing
    ("...defined in the option Aptitude::ProblemResolver::SolutionCost."):
    at least ``PROSE_LINE_WORDS`` tokens, most of them plain lower-case words,
    and no braces or assignment (a statement quoted whole)."""
    tokens = line.split()
    if len(tokens) < PROSE_LINE_WORDS or any(sign in line for sign in STATEMENT_SIGNS):
        return False
    words = sum(1 for token in tokens if PLAIN_WORD.fullmatch(token))
    return words >= PROSE_WORD_SHARE * len(tokens)


def in_unspaced_script(word: str) -> bool:
    """Whether ``word`` holds a character of a script written without spaces."""
    return any(
        low <= point <= high
        for point in map(ord, word)
        if point >= 0x0E00
        for low, high in UNSPACED_SCRIPT_RANGES
    )


# A comma standing alone, one space from each word: "talks , which". The word
# before is judged after its last mark (or bracket, quote, dash), so
# "ended.The , which" and "The , which" get the same answer (and a second run
# changes nothing more).
SPACED_COMMA = re.compile(rf",(?<=\S ,)(?= {LETTER})")  # (found by its comma: rarer than spaces)
LAST_MARK = re.compile(f"[.?!,;:…”\")\\](\\[“{DASHES}]")  # wherever the rule may insert a space
WORD_BEFORE_COMMA = re.compile(rf"[([“‘\"'¿¡]*{LETTER}{{2,}}(?:[-’']{LETTER}+)*")
# Another mark standing alone on the line means marks are being talked about,
# not used: "encodes , and ; in values", "could use , instead of .".
LONE_MARK = re.compile(r"(?<!\S)[.;:!?(){}\[\]](?!\S)")
# A dash with blank space or the text's edge on both sides: the final line
# break, added after the rules run, must not change the count.
SPACED_DASH = {dash: re.compile(rf"(?<!\S){dash}(?!\S)") for dash in DASHES}
CLOSED_DASH = {dash: re.compile(rf"{LETTER}{dash}{LETTER}") for dash in DASHES}
SPACED_ELLIPSIS = re.compile(rf"(?:…|\.\.\.) {LETTER}")
CLOSED_ELLIPSIS = re.compile(r"(?:…|\.\.\.)[a-zß-öø-ÿ]")


# --- Words ------------------------------------------------------------------


POSSESSIVE = re.compile("['’]s$")


def is_plain(word: str) -> bool:
    """A word in lower case, Title case or capitals, each part of it when
    hyphenated (Chien-Ming, NPR’s); not camelCase like iPhone or RustFest."""
    return all(
        part.islower() or part.isupper() or (part[:1].isupper() and part[1:].islower())
        for part in POSSESSIVE.sub("", word).replace("’", "").replace("'", "").split("-")
        if part
    )


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() and is_plain(word) and (len(word) > 1 or word in ("I", "A"))


def zipf(word: str) -> float:
    """wordfreq's zipf of ``word`` in lower case; of its last part when hyphenated."""
    return lexicon.zipf(word.lower().replace("’", "'").rsplit("-", 1)[-1])


def is_common(word: str) -> bool:
    return zipf(word) >= KNOWN_ZIPF


class Line(NamedTuple):
    start: int
    end: int
    paired_quotes: bool  # an even number of straight quotes


class Document:
    """What the rule reads from the whole text, each computed on first use:
    its conventions (curly quotes, dashes, ellipses), the names it uses, and
    which of its lines read as code. Each is unchanged by the rule's own edits,
    so a second run decides the same."""

    def __init__(self, text: str):
        self.text = text
        self._uses: dict[str, int] = {}
        self._curly: bool | None = None
        self._dashes: dict[str, str | None] = {}
        self._ellipsis: bool | None = None
        self._arrows: bool | None = None
        self._arrows_spaced: bool | None = None
        self._line = Line(-1, -1, False)
        self._code: tuple[int, bool] | None = None  # (line start, reads as code)
        self._quotes: tuple[int, list[int]] | None = None  # (line start, quote offsets)
        self._labels: dict[str, bool] = {}
        self.decided: dict[str, list[int]] = {}  # token -> offsets, for tokens judged alike on any line
        self.read_line = False  # whether judging the current token read its line (then not in decided)

    @property
    def curly_quotes(self) -> bool:
        """True when “ opens quotations (not in German „…“, where it closes them)."""
        if self._curly is None:
            self._curly = "“" in self.text and "„" not in self.text
        return self._curly

    def knows(self, word: str) -> bool:
        """A common English word, or a name the document uses more than once."""
        word = POSSESSIVE.sub("", word)
        if is_common(word):
            return True
        return all(self.uses(part) >= NAME_MIN_USES for part in WORDS.findall(word))

    def uses(self, part: str) -> int:
        """How often the run of letters ``part`` stands as a whole run of letters in
        the document, counted up to ``NAME_MIN_USES`` (found with ``str.find``, so
        a long document is not tokenised for one name)."""
        if part not in self._uses:
            count, at, text = 0, self.text.find(part), self.text
            while at >= 0 and count < NAME_MIN_USES:
                end = at + len(part)
                if not (at and text[at - 1].isalpha()) and not text[end : end + 1].isalpha():
                    count += 1
                at = text.find(part, at + 1)
            self._uses[part] = count
        return self._uses[part]

    def dash_style(self, dash: str) -> str | None:
        """``spaced`` or ``closed`` when the document sets ``dash`` one way."""
        if dash not in self._dashes:
            spaced = len(SPACED_DASH[dash].findall(self.text))
            closed = len(CLOSED_DASH[dash].findall(self.text))
            style = None
            if spaced >= DASH_MIN_USES and spaced >= DASH_MAJORITY * closed:
                style = "spaced"
            elif closed >= DASH_MIN_USES and closed >= DASH_MAJORITY * spaced:
                style = "closed"
            self._dashes[dash] = style
        return self._dashes[dash]

    def writes_label(self, word: str) -> bool:
        """True when the document writes ``word:`` before a space or a capital
        elsewhere ("Tagged: armed" after "Tagged:Defense"). The answer stays the
        same after this rule's own edits: the glued forms it spaces whatever
        the label (before a capital, a quote or a bracket) count too, and a
        space the rule may put at the end of a clause of prose ("a new
        installer: debian", with words before it on its line) does not."""
        if word not in self._labels:
            found, label, text = False, word + ":", self.text
            at = text.find(label)
            while at >= 0 and not found:
                end = at + len(label)
                after = text[end : end + 1]
                if at == 0 or not text[at - 1].isalnum():
                    if after == " ":
                        right = WORD_AT_START.match(text, end + 1)
                        found = not (right and may_end_clause(word, right.group())) or (
                            len(WORDS.findall(text, text.rfind("\n", 0, at) + 1, at)) < PROSE_WORDS_BEFORE_COLON
                        )
                    else:
                        found = after.isupper() or (after != "" and after in OPENERS)
                at = text.find(label, at + 1)
            self._labels[word] = found
        return self._labels[word]

    @property
    def arrows_are_signs(self) -> bool:
        """True when » and › point the way in menus ("posts » Embed") rather than
        quote: the document quotes nothing with guillemets (« », » «, ‹ ›) and
        sets an arrow apart from a word at least once."""
        if self._arrows is None:
            text = self.text
            self._arrows = any(
                f" {arrow}" in text or f"{arrow} " in text or f"\n{arrow}" in text for arrow in ARROWS
            ) and not GUILLEMET_QUOTATION.search(text)
        return self._arrows

    @property
    def spaces_before_arrows(self) -> bool:
        """True when the document sets its arrows apart from the word before
        ("Read more »"), as it does its dashes: at least ``DASH_MIN_USES`` times,
        and ``DASH_MAJORITY`` times as often as it runs them on ("Read more»")."""
        if self._arrows_spaced is None:
            spaced = len(SPACED_ARROW.findall(self.text))
            closed = len(CLOSED_ARROW.findall(self.text))
            self._arrows_spaced = spaced >= DASH_MIN_USES and spaced >= DASH_MAJORITY * closed
        return self._arrows_spaced

    def closes_ellipses(self) -> bool:
        """True when the document runs ellipses into a lower-case word (``went…on``)
        as often as it spaces them."""
        if self._ellipsis is None:
            closed = len(CLOSED_ELLIPSIS.findall(self.text))
            self._ellipsis = closed >= DASH_MIN_USES and closed >= len(SPACED_ELLIPSIS.findall(self.text))
        return self._ellipsis

    def line_at(self, position: int) -> Line:
        """The line holding ``position``; lines are visited in order, so each is read once."""
        if not self._line.start <= position <= self._line.end:
            start = self.text.rfind("\n", 0, position) + 1
            end = self.text.find("\n", position)
            end = len(self.text) if end < 0 else end
            self._line = Line(start, end, self.text.count('"', start, end) % 2 == 0)
            self._code = None
        return self._line

    def quotes_on(self, line: Line) -> list[int]:
        """Offsets of the straight quotes on ``line``, found once per line."""
        if self._quotes is None or self._quotes[0] != line.start:
            found, at = [], self.text.find('"', line.start, line.end)
            while at >= 0:
                found.append(at)
                at = self.text.find('"', at + 1, line.end)
            self._quotes = (line.start, found)
        return self._quotes[1]

    def title_case_line(self, line: Line) -> bool:
        """True for a line in title case: a headline, whose dashes may be set
        closed though the text around it spaces them (``Tour—How``)."""
        self.read_line = True
        words = WORDS.findall(self.text, line.start, line.end)
        open_class = [word for word in words if word.lower() not in lexicon.CLOSED_CLASS_WORDS]
        capitalised = sum(1 for word in open_class if word[0].isupper())
        return len(open_class) >= TITLE_MIN_WORDS and capitalised >= TITLE_SHARE * len(open_class)

    def reads_as_code(self, line: Line) -> bool:
        """The line reads as code, or is a short line next to one ("Order Deny,Allow"
        in a block of configuration). Asked only where a space would go."""
        if self._code is None or self._code[0] != line.start:
            self._code = (line.start, self._line_reads_as_code(line.start, line.end))
        return self._code[1]

    def _line_reads_as_code(self, start: int, end: int) -> bool:
        line = self.text[start:end]
        if reads_as_code(line):
            return not reads_as_prose(line)
        if len(line.split()) > SHORT_LINE_TOKENS:
            return False
        before = self.text.rfind("\n", 0, max(0, start - 1)) + 1
        after = self.text.find("\n", end + 1)
        return reads_as_code(self.text[before : max(before, start - 1)]) or reads_as_code(
            self.text[end + 1 : len(self.text) if after < 0 else after]
        )


# --- Junctions --------------------------------------------------------------


class Junction(NamedTuple):
    """A place in a token where a space may be missing, and what stands around it."""

    token: str
    at: int  # where the marks (or the opening bracket or quote) start
    left: str  # the token before ``at``
    word: str  # the word that ends ``left`` ("" if none)
    right: str  # the word after the marks and the opening bracket or quote
    opening: str  # the opening bracket or quote before ``right`` ("" if none)
    line: Line
    start: int  # where the token starts in the text


def quote_is_closing(doc: Document, line: Line, position: int) -> bool:
    """For a straight quote at ``position``: True when it closes a quotation (an
    odd number of quotes before it on the line)."""
    return bisect_left(doc.quotes_on(line), position) % 2 == 1


def after_period(doc: Document, junction: Junction) -> bool:
    """``ended.The``, ``May.Officials``, ``U.S.The``, ``X.“We``; not an initial,
    a file, module or class name (``README.Debian``, ``ast.If``, ``re.I``, ``test.Gz``)."""
    word, right = junction.word, junction.right
    if not is_capitalised(right):
        return False
    if junction.opening in ("“", '"'):  # to X.“We  said."The
        return True
    if junction.opening or not doc.knows(right):
        return False
    if junction.left[-1:] in CLOSERS:  # (FHS).Normally  said”.The
        return True
    if not word:  # a numbered heading or item, or a year: 2.1.Commands  1.You  in 1999.Debian
        return SECTION_NUMBER.fullmatch(junction.left) is not None
    if len(word) == 1:  # the last initial of J.R.R.Tolkien or U.S.The, not Will.I.Am
        return INITIALISM.search(junction.left) is not None
    if word.isupper():  # CNN.The, but README.Debian
        return right.lower() in SENTENCE_OPENERS
    if len(word) == 2:
        return word.lower() in lexicon.SHORT_WORDS
    if word in ABBREVIATIONS:
        return True
    if word in PACKAGE_NAMES:
        return False
    least = SENTENCE_END_MIN_ZIPF if len(right) <= SHORT_OPENER else KNOWN_ZIPF
    if len(right) > SHORT_OPENER and is_common(right):
        least = RARE_ZIPF  # debugging.Note, heists.More: a rarer word before a sentence (not ast.If)
    return is_plain(word) and (zipf(word) >= least or (word[0].isupper() and doc.knows(word)))


def after_question(doc: Document, junction: Junction) -> bool:
    """``now?He``, ``it!Then``; ``Ic?nes`` (a lost character) and ``IPv?Interface`` stay."""
    if not junction.word or not is_plain(junction.word):
        return False
    if is_capitalised(junction.right) or junction.opening:
        return True
    # A title that ends with a question, run into the text: "What Does Free
    # Mean?page"; not "search for?broken", where ? is the sigil of a term.
    word, right = junction.word, junction.right
    return (
        word[0].isupper() and right.islower() and len(right) > 2 and len(word) > 2
        and is_common(right) and is_common(word)
    )


def after_comma(doc: Document, junction: Junction) -> bool:
    """``Thursday,adding``, ``forces,Defense``, ``RustFest,Rust``; ``no,yes``,
    ``rw,noatime``, ``CR,LF``, ``(major,minor)`` stay."""
    word, right = junction.word, junction.right
    if is_tuple(junction.token, junction.at) and not (word[:1].isupper() or right[:1].isupper()):
        return False
    # After a number, or a letter standing alone (Appendix C,Partitioning), a
    # title in capitals: a real word, if a rare one ("Booting" 2.6)
    number_or_letter = not word and DIGITS_AT_END.search(junction.left)
    if (number_or_letter or junction.left in UPPER_LETTERS) and is_capitalised(right) and len(right) > 2:
        return doc.knows(right) or zipf(right) >= RARE_ZIPF  # Chapter 5,Booting
    if not word and (number_or_letter or junction.left[-1:] in CLOSERS):
        if is_capitalised(right) and doc.knows(right):
            return True  # Chapter 5,Network  (version),Debian
        if MANUAL_PAGE_AT_END.search(junction.left):
            return len(right) > 1  # a list of manual pages: dpkg(8),dselect(8)
        # A bracket opened in an earlier token holds prose: (held in May),which
        return closes_earlier_bracket(junction.left) and right.islower() and opens_clause_or_known(doc, right)
    if len(word) < 2 or (word.isupper() and right.isupper()):
        return False
    if is_capitalised(right) or junction.opening:
        return True
    if not is_plain(right):  # Android,iOS  Ballmer,TiVo
        return doc.knows(right)
    if right in CLAUSE_OPENERS or (right.endswith(PARTICIPLE_SUFFIX) and len(right) >= MIN_PARTICIPLE_LENGTH):
        return True
    if word.lower() in PAIR_WORDS or right in PAIR_WORDS or len(word) <= 2 or len(right) <= 2 or not is_plain(word):
        return False
    if common_pair(word, right):
        return True
    # A common word before a name the document uses: Firewall,netfilter,
    # set,aptitude (not in a quoted string: “apt,itude”).
    if not (is_common(word) and doc.knows(right)):
        return False
    return word[0].isupper() and word[1:].islower() or word.islower() and not QUOTED_STRING.fullmatch(junction.token)


def closes_earlier_bracket(left: str) -> bool:
    """True when ``left`` ends with a bracket opened in an earlier token."""
    closer = left[-1:]
    if closer not in (")", "]"):
        return False
    return ("(" if closer == ")" else "[") not in left


def opens_clause_or_known(doc: Document, right: str) -> bool:
    """A lower-case word that opens a clause, or one the text knows (a common
    word or a name it uses more than once)."""
    if right in CLAUSE_OPENERS or right.endswith(PARTICIPLE_SUFFIX):
        return True
    return len(right) > 1 and right not in PAIR_WORDS and doc.knows(right)


def common_pair(word: str, right: str) -> bool:
    """Both words known, or one a little rarer beside a very common one
    ("adapters,power"; not "rw,noatime" nor "uid,gid")."""
    rarer, commoner = sorted((zipf(word), zipf(right)))
    return rarer >= KNOWN_ZIPF or (rarer >= RARE_ZIPF and commoner >= VERY_COMMON_ZIPF)


def list_of_words(doc: Document, token: str) -> bool:
    """For a token holding two or more commas: True when the parts between them
    are known words or capitalised names (Nation,Politics,Top; Reform,Fomc,Great;
    one rare word among three known ones), not an option list
    (defaults,users,nodev,nosuid)."""
    if token.count(",") < 2:
        return True
    known = unknown = 0
    for part in token.split(","):
        word = WORD_AT_START.match(part.lstrip(OPENERS))
        if not word:
            continue
        if is_capitalised(word.group()) or all(
            is_common(piece) or doc.knows(piece) for piece in CASE_PIECE.findall(word.group())
        ):
            known += 1  # a known word, or a name in a list of tags (Reform,Fomc,Great)
        else:
            unknown += 1
    return unknown == 0 or (unknown == 1 and known >= 3)  # one rare word in a list of tags


def after_colon(doc: Document, junction: Junction) -> bool:
    """``Definition:The``, ``Source:CNN``, ``NEW:"Tomorrow``; ``key:value``,
    ``C:Windows``, ``std::vector`` stay."""
    if not junction.left:  # "About Us :Contact Us"
        return is_capitalised(junction.right) and doc.knows(junction.right)
    if len(junction.word) < 2:
        return False
    if is_capitalised(junction.right) or junction.opening:
        return True
    if junction.right[0].isupper():  # website:MotoPinas.com
        return doc.knows(junction.right)
    # a lower-case word or name where the document writes "label: " (Example:linux-image),
    # or after a longer word that ends a clause of running prose ("a new
    # installer:debian-installer"; not "to host:port" nor "key:value")
    word, right = junction.word, junction.right
    if not (right.islower() and (is_common(right) or doc.knows(right))):
        return False
    if doc.writes_label(word):
        return True
    return (
        may_end_clause(word, right)
        and not quoted_in_token(doc, junction)  # “category:level”: a literal quoted
        and words_before(doc, junction) >= PROSE_WORDS_BEFORE_COLON
    )


def quoted_in_token(doc: Document, junction: Junction) -> bool:
    """True when the junction stands in a curly quotation opened before it on
    its line and closed in its token (“category:level”), read so that spaces
    this rule puts do not change the answer."""
    doc.read_line = True
    before = doc.text.count("“", junction.line.start, junction.start + junction.at) - doc.text.count(
        "”", junction.line.start, junction.start + junction.at
    )
    return before > 0 and "”" in junction.token[junction.at :]


def may_end_clause(word: str, right: str) -> bool:
    """True when ``word:right`` may be a clause of prose ended by a colon
    ("installer:debian"), by the words alone: a longer common lower-case word
    before a lower-case word, neither of a code pair."""
    return (
        len(word) >= MIN_CLAUSE_END
        and len(right) > 2
        and word.islower()
        and right.islower()
        and is_common(word)
        and word not in PAIR_WORDS
        and right not in PAIR_WORDS
    )


def words_before(doc: Document, junction: Junction) -> int:
    """How many runs of letters stand before the junction's word on its line,
    in its token too ("ended,ended,ended,ended:ended" has three): counted so,
    spaces this rule puts do not change the count."""
    doc.read_line = True
    return len(WORDS.findall(doc.text, junction.line.start, junction.start + junction.at - len(junction.word)))


def after_ellipsis(doc: Document, junction: Junction) -> bool:
    """``top…Read``, ``pre …Wikipedia``, unless the document runs its ellipses
    into the next word (``went…on``)."""
    if not junction.word:  # "...A strange enigma": a quotation that opens with an ellipsis
        return False
    return is_capitalised(junction.right) and doc.knows(junction.right) and not doc.closes_ellipses()


def after_closing_bracket(doc: Document, junction: Junction) -> bool:
    """``(BTS)sites``, ``(Debian 6)was``, ``(d-i)uses``, ``dpkg(1)to``,
    ``make.[11]Some``; ``(re)build``, ``(F)inish``, ``program(s)x``, ``501(c)(3)``,
    ``void(0)x`` stay."""
    token, at, right = junction.token, junction.at, junction.right
    bracket = token[at]
    opener = "(" if bracket == ")" else "["
    if not junction.left[-1:].isalnum() or (len(right) < 2 and right not in ("A", "I")):
        return False
    inside = token.rfind(opener, 0, at)
    if inside < 0:
        return True  # opened in an earlier token: "(Debian 6)was"
    inner, before = token[inside + 1 : at], token[:inside]
    if INNER_MARK.search(inner):  # Evernote(Android,iOS)is: as if the junctions inside were spaced
        return True
    if inner.isdigit():  # a manual section or a footnote: dpkg(1)to, archives[5]from, make.[11]Some
        if bracket == ")":
            return inner in MANUAL_SECTIONS and before[-1:].isalpha()
        return before.rstrip(".")[-1:].isalpha() or not before.strip(OPENERS)
    # Judged by what is inside and after, whatever stands before, so that the
    # answer is the same once a space goes before the bracket.
    return (
        len(inner) > 1
        and inner.replace("-", "").isalpha()
        and inner.lower() not in lexicon.AFFIX_PARTS
        and not is_common(inner + right)
        and not doc.uses(inner + right)  # (fake)root where the document writes fakeroot
    )


def after_closing_quote(doc: Document, junction: Junction) -> bool:
    """``priceless,”she``, ``"baz"to``: a quotation closed, then a word."""
    if len(junction.right) < 2 and junction.right not in ("I", "a", "A"):
        return False
    return doc.curly_quotes if "”" in junction.token[junction.at : junction.at + 4] else junction.line.paired_quotes


def before_opening(doc: Document, junction: Junction) -> bool:
    """``squeeze(Debian 6)``, ``hamm(Debian 2.0)``, ``Maintainer(DM)``,
    ``NAME(REQUIRED)``, ``discovery(RFC1191)``, ``Graph($3 unlocked)``,
    ``of"baz"``, ``said“We``; ``program(s)``, ``CA(SA)``, ``Plot[edit]``,
    ``printf(format, args)`` stay."""
    word = junction.word
    if opens_aside(junction):
        return True
    if not word or word[-1] >= RIGHT_TO_LEFT_SCRIPTS:  # Arabic بـ"الجيش: a prefix, not a word
        return False
    closing = junction.token.find(")", junction.at)
    inner = junction.token[junction.at + 1 : closing] if closing >= 0 else ""
    if (
        junction.opening == "("  # (not a quotation: a"frictionless"occupation,)
        and closing < 0
        and word.islower()
        and junction.right.islower()
        and junction.token.endswith(",")
    ):
        return False  # an argument list: main(argc, argv)
    # Brackets that hold more than one word (or will, once spaced): judged as
    # if the closing bracket stood in a later token.
    holds_words = closing < 0 or INNER_MARK.search(inner) is not None
    if junction.opening == "(" and holds_words and is_capitalised(word):
        return True  # Evernote(Android, iOS)
    # A lower-case word before brackets that go on as words, not arguments
    # (printf(format, args)): a name the document uses, or one before a name
    # (initramfs(initial ram filesystem), hamm(Debian 2.0)).
    goes_on_as_words = (
        junction.opening == "("
        and closing < 0
        and word.islower()
        and len(word) > 2
        and len(junction.right) > 2
        and right_word_ends_token(junction)
    )
    if goes_on_as_words and is_capitalised(junction.right) and doc.knows(junction.right):
        return True
    known = (is_common(word) or (goes_on_as_words and doc.knows(word))) if word.islower() else doc.knows(word)
    if not (word in ("a", "A", "I") or (len(word) > 1 and known)):
        return False
    if junction.opening in ("“", '"'):
        return True  # checked by opening_reads_as_opening
    if junction.opening != "(":
        return False
    if holds_words:
        return True
    inner = inner.rstrip("!?")  # Privacy Policy(Updated!)
    if inner.isalpha() and inner.isupper() and len(inner) > 1:
        if word.isupper():  # a label in capitals: YOUR NAME(REQUIRED), not CA(SA)
            return (
                len(word) > 2
                and len(inner) >= LABEL_IN_CAPITALS
                and is_common(word)
                and is_common(inner)
                and inner.lower() not in PAIR_WORDS  # FLAG(READ), ASSERT(TRUE)
            )
        return len(word) > 2  # an acronym: Maintainer(DM)
    if NAME_WITH_NUMBER.fullmatch(inner):  # discovery(RFC1191), address(iproute2)
        return len(word) > 3 and word.islower() and is_common(word)
    if len(inner) == 1 and inner.isalpha():  # a key of a menu item: Broken(b), Upgradable(U)
        return inner not in "sS" and is_capitalised(word) and len(word) > 2 and brackets_end_token(junction)
    if inner.islower() and word.islower() and signature_line(doc, junction):
        return False  # filter(pattern) alone on its line: a term being defined
    return inner.isalpha() and len(inner) > 2 and is_plain(inner) and doc.knows(inner) and not is_common(word + inner)


def brackets_end_token(junction: Junction) -> bool:
    """True when nothing but marks follows the brackets at ``junction`` in its
    token: "Broken(b)." (not "(F)inish" nor "f(x)y")."""
    closing = junction.token.find(")", junction.at)
    return closing >= 0 and not junction.token[closing + 1 :].strip(".,;:")


def signature_line(doc: Document, junction: Junction) -> bool:
    """True when the token ends with the bracket that closes the junction's and
    stands alone on its line (``filter(pattern)``), or holds two such calls
    (``section(topdir),firstchar(source)``)."""
    token, line = junction.token, junction.line
    if len(CALL.findall(token)) > 1:
        return True
    doc.read_line = True
    return token.endswith(")") and doc.text[line.start : line.end].strip() == token


def right_word_ends_token(junction: Junction) -> bool:
    """True when nothing follows the right word in the token but an opening
    bracket or quote, where a space may go too ("hamm(Debian", "a(The(b"):
    the answer stays the same once that space is put."""
    end = junction.at + len(junction.opening) + len(junction.right)
    rest = junction.token[end:] if junction.token.startswith(junction.right, end - len(junction.right)) else "?"
    return not rest or rest[0] in OPENERS


def opens_aside(junction: Junction) -> bool:
    """``sparc64(for 64 bit SPARC``, ``apt-get(see Section``, ``pdebuild(used by``:
    a bracket run into the word or name before it, that opens with a word
    that opens an aside in prose (``ASIDE_OPENERS``) and goes on in the next
    token. Arguments do not start so (``printf(format, args)``)."""
    return (
        junction.opening == "("
        and junction.right in ASIDE_OPENERS
        and right_word_ends_token(junction)
        and len(junction.left) > 1
        and junction.left[-2:].isalnum()  # not f(for x in y)
        and junction.left[-1:] < RIGHT_TO_LEFT_SCRIPTS
    )


# The test for each mark that ends the left part (the last closing quote if
# any, else the first mark).
AFTER_MARK: dict[str, Callable[[Document, Junction], bool]] = {
    ".": after_period,
    "?": after_question,
    "!": after_question,
    ",": after_comma,
    ";": after_comma,
    ":": after_colon,
    "…": after_ellipsis,
    ")": after_closing_bracket,
    "]": after_closing_bracket,
    "”": after_closing_quote,
    '"': after_closing_quote,
}


def opening_reads_as_opening(doc: Document, junction: Junction) -> bool:
    """False for a “ in text that closes quotations with it (German „…“) and for
    a straight quote on a line where quotes do not pair up."""
    if junction.opening == "“":
        return doc.curly_quotes
    if junction.opening == '"':
        return junction.line.paired_quotes
    return True


def is_tuple(token: str, at: int) -> bool:
    """``(major,minor)``, ``[emin,emax]``, ``{a,b}``: the comma at ``token[at]``
    stands in brackets opened and closed in the token around words and commas
    only."""
    for opener, closer in ("()", "[]", "{}"):
        start, end = token.rfind(opener, 0, at), token.find(closer, at)
        if start >= 0 and end >= 0 and TUPLE_INSIDE.fullmatch(token, start + 1, end):
            return True
    return False


def spaces_at(doc: Document, token: str, start: int, match: re.Match, line: Line) -> list[int]:
    """Offsets in ``token`` where the junction ``match`` needs a space: none,
    one, or two around a dash."""
    close, opening = match.group("close"), match.group("open")
    at, space = match.start(), match.end("close")
    if close.endswith('"') and not quote_is_closing(doc, line, start + space - 1):
        close, opening, space = close[:-1], '"', space - 1  # a straight quote that opens: of"baz"
    left = token[:at]
    word = WORD_AT_END.search(left)
    right = WORD_AT_START.match(token, match.end())
    junction = Junction(
        token, at, left, word.group() if word else "", right.group() if right else "", opening, line, start
    )
    if right is None:  # a price in brackets, Graph($3 unlocked): a space before the bracket only
        return [at] if not close and before_opening(doc, junction) else []
    right = junction.right
    # Chinese or Japanese on the right, or on the left of anything but a comma,
    # semicolon or colon (松谷 修造,Matsutani is a junction; “不服输”的 is not).
    unspaced = in_unspaced_script(right) or (in_unspaced_script(junction.word) and close.strip(",;:"))
    if unspaced or not opening_reads_as_opening(doc, junction):
        return []
    if not close:
        return [at] if before_opening(doc, junction) else []
    if close in DASHES:
        if not junction.word or doc.dash_style(close) != "spaced":
            return []
        return [] if doc.title_case_line(line) else [at, space]
    if opening and close in CLOSERS:
        return []  # ")(" and "”“" are not prose
    mark = "…" if close.startswith("..") or "…" in close else close[-1] if close[-1] in "”\"" else close[0]
    return [space] if AFTER_MARK[mark](doc, junction) else []


def dotted_name(token: str) -> bool:
    """True for a name of several dotted parts (Will.I.Am, changelog.Debian.gz,
    a.B.c): two or more periods before a letter, not counting those inside an
    initialism (J.R.R.Tolkien and U.S.The have one). Judged on the whole token,
    so that fixing one junction cannot change the answer for another."""
    if token.count(".") < 2:
        return False
    spans = protected_spans(token)
    dots = [match.end() for match in DOT_BEFORE_LETTER.finditer(token)]
    return sum(1 for position in dots if not is_protected(spans, position)) >= 2


def token_edges(doc: Document, token: str, line: Line, start: int) -> list[int]:
    """Spaces lost on one side of a mark only: ``CNN —Former`` or ``CNN— Former``
    where the document spaces its dashes; ``About Us :Contact``, ``prescription …More``.
    (Not ``Ford ,James``: the stray space before the comma goes instead.)"""
    found = []
    if len(token) < 2:
        return found
    if token[0] in DASHES and token[1].isalpha() and doc.dash_style(token[0]) == "spaced":
        found.append(1)
    if token[-1] in DASHES and token[-2].isalpha() and doc.dash_style(token[-1]) == "spaced":
        found.append(len(token) - 1)
    leading = LEADING_MARK.match(token)
    doc.read_line |= leading is not None
    if leading and doc.text[line.start : start].strip():  # a word before it on the line
        right = WORD_AT_START.match(token, leading.end()).group()
        if is_capitalised(right) and doc.knows(right) and (leading.group() != "…" or not doc.closes_ellipses()):
            found.append(leading.end())
    return found


def arrows_and_single_quotes(doc: Document, token: str, line: Line, start: int) -> list[int]:
    """Spaces lost around a menu arrow (``posts »Embed``, ``Now»Anchors``, ``Next›Last``)
    where the document does not quote with « » ‹ ›, and around a word in single
    curly quotes (``a ‘Pivot’for``, ``like a‘Pivot for ... ’``)."""
    found = []
    arrows = ARROW_JUNCTION.search(token) if ARROWS[0] in token or ARROWS[1] in token else None
    if arrows and doc.arrows_are_signs:  # (read from the whole text only when a token needs it)
        for match in ARROW_JUNCTION.finditer(token, arrows.start()):
            at = match.start()
            if at and token[at - 1].isalpha() and doc.spaces_before_arrows:
                word = WORD_AT_END.search(token, 0, at)
                if word and len(word.group()) > 1 and doc.knows(word.group()):
                    found.append(at)
            right = WORD_AT_START.match(token, at + 1)
            if right and is_capitalised(right.group()) and doc.knows(right.group()):
                found.append(at + 1)
    for match in SINGLE_QUOTED.finditer(token):
        closed = token[match.end() - 1] == "’"
        if closed or CLOSING_SINGLE_QUOTE.search(doc.text, start + match.end(), line.end):
            found += around_quoted_word(doc, token, match.start(), match.end(), closed)
        # (else no quotation closes on the line: not a quote)
    if "'" in token:
        for match in STRAIGHT_SINGLE_QUOTED.finditer(token):
            found += around_quoted_word(doc, token, match.start(), match.end(), True)
    return found


def around_quoted_word(doc: Document, token: str, at: int, end: int, closed: bool) -> list[int]:
    """Spaces lost before the quotation ``token[at:end]`` (after a known word) and
    after it (before a known word, not the end of a contraction: ‘I’ll). None
    when letters stand before it that are not a known word: the first quote is
    then an apostrophe (Italian "l'inetd dell'host" run together)."""
    found = []
    if at and token[at - 1].isalpha():
        word = WORD_AT_END.search(token, 0, at)
        if not (word and (word.group() in ("a", "A", "I") or len(word.group()) > 1) and doc.knows(word.group())):
            return []
        found.append(at)
    right = WORD_AT_START.match(token, end) if closed else None
    if right and len(right.group()) > 1 and right.group() not in CONTRACTION_ENDINGS and doc.knows(right.group()):
        found.append(end)
    return found


def token_junctions(doc: Document, token: str, start: int) -> list[int]:
    """Offsets in ``token`` (which starts at ``text[start]``) where a space
    belongs, on a line of prose."""
    if not MIGHT_HOLD_JUNCTION.search(token):
        return []
    return quotation_junctions(doc, token, start, doc.line_at(start))


def bar_junctions(doc: Document, token: str, start: int, line: Line) -> list[int]:
    """A token of menu items glued by bars (``Tags:Economy,Greece|Get``) is
    judged piece by piece."""
    if "|" not in token:
        return piece_junctions(doc, token, start, line)
    found, offset = [], 0
    for piece in token.split("|"):
        found += [offset + at for at in piece_junctions(doc, piece, start + offset, line)]
        offset += len(piece) + 1
    return found


def quotation_junctions(doc: Document, token: str, start: int, line: Line) -> list[int]:
    """Spaces lost around a quotation in curly double quotes that runs into the
    words around it (``for“?name(coq)”rather``, ``instance,“~mDaniel”``,
    ``it:“~|”.``, ``“-a”,“-v”``), in text that opens quotations with “. The
    token is cut before each “ and after each ” that closes something before a
    letter (not ”There, an opening quote misprinted, nor “”), and each piece is judged as a
    token of its own, so that code quoted in prose does not hide the prose
    around it; a space put at a cut leaves the other cuts as they were, so a
    second run decides the same."""
    if ("”" not in token and "“" not in token) or not doc.curly_quotes:
        return bar_junctions(doc, token, start, line)
    cuts = [
        at
        for at in range(1, len(token))
        if token[at] == "“" or (token[at - 1] == "”" and token[at].isalpha() and at > 1 and token[at - 2] != "“")
    ]
    found = []
    for piece_start, piece_end in zip([0, *cuts], [*cuts, len(token)]):
        piece = token[piece_start:piece_end]
        found += [piece_start + x for x in bar_junctions(doc, piece, start + piece_start, line)]
        if not piece_start:
            continue
        if piece[0] == "“" and piece[1:].strip(".,;:?!”") and opens_after(doc, token[:piece_start]):
            found.append(piece_start)  # (a “ that opens nothing closes a quotation misprinted: “clean“)
        elif token[piece_start - 1] == "”":
            right = WORD_AT_START.match(piece)
            if right and spaced_script_word(right.group()):
                found.append(piece_start)
    return found


def spaced_script_word(word: str) -> bool:
    """A word of two letters or more (or a, A, I) in a script written with
    spaces, left to right."""
    return (
        (len(word) > 1 or word in ("a", "A", "I"))
        and word[-1] < RIGHT_TO_LEFT_SCRIPTS
        and not in_unspaced_script(word)
    )


def opens_after(doc: Document, left: str) -> bool:
    """True when a space belongs between ``left`` and the quotation that follows
    it: ``left`` ends with a known word (``for``), or with a known word or a
    closing quote and one mark (``instance,``  ``it:``  ``list.``  ``“-a”,``)."""
    mark = ""
    if left[-1] in QUOTE_LEAD_MARKS:
        mark, left = left[-1], left[:-1]
        if left[-1:] == "”":
            return mark in ",;"  # a list of quotations: “-a”,“-v”
    word = WORD_AT_END.search(left)
    if word is None or in_unspaced_script(word.group()) or word.group()[-1] >= RIGHT_TO_LEFT_SCRIPTS:
        return False
    if mark and mark in ".?!":  # a sentence ends before the quotation: to X.“We
        return True
    return spaced_script_word(word.group()) and (len(word.group()) > 1 or not mark) and doc.knows(word.group())


def piece_junctions(doc: Document, token: str, start: int, line: Line) -> list[int]:
    manual = MANUAL_PAGE_THEN_WORD.fullmatch(token)
    if manual:  # dh_installdocs(1)install: a manual page reference, then a word
        return [manual.end(1)]
    label = LABEL_THEN_URL.match(token)
    if label and is_common(label.group(1)):  # at:https://www.spi-inc.org/ (not http:, mailto:)
        return [label.end()]
    if (
        CODE_CHARACTERS.intersection(PRICE_IN_BRACKETS.sub("", token) if "$" in token else token)
        or token.count(":") > 1
        or '""' in token
        or dotted_name(token)
        or ("?" in token and QUERY_TERM.search(token))
        or not list_of_words(doc, token)
    ):
        return []  # std::vector, -:wheel:ALL, a:b:c, "", Will.I.Am, ?name(coq), defaults,users,nodev: judged on the whole token
    found = token_edges(doc, token, line, start) + arrows_and_single_quotes(doc, token, line, start)
    question = QUESTION_THEN_COUNT.fullmatch(token) if "?" in token or "!" in token else None
    if question and is_capitalised(question.group(1)) and doc.knows(question.group(1)):
        found.append(question.end(1) + 1)  # a headline, then a count: Crisis?6
    for match in JUNCTION.finditer(token):
        found += spaces_at(doc, token, start, match, line)
    if not found:
        return []
    spans = protected_spans(token)
    return sorted({offset for offset in found if 0 < offset < len(token) and not is_protected(spans, offset)})


def junctions_of_pieces(doc: Document, token: str, start: int, offsets: list[int]) -> list[int]:
    """``offsets`` and the spaces the pieces of ``token`` cut at them need,
    each piece judged as a token of its own, until no piece needs more.

    A junction is judged with the whole token around it: the word before it,
    what stands before and after it in the token. Once a space goes in at
    another junction, a second run sees a shorter token, and may decide
    otherwise ("'ended'The?name" reads the word ``ended'The`` before ``?``,
    the piece "The?name" reads ``The``; in "(000;A)ended" the bracket is
    opened in the same token, in "A)ended" in an earlier one). Judging the
    pieces here makes the rule decide the same on its own output."""
    found = set(offsets)
    pieces = list(zip([0, *offsets], [*offsets, len(token)]))
    for _ in range(len(token)):
        more = set()
        for piece_start, piece_end in pieces:
            piece = token[piece_start:piece_end]
            if piece and not piece.isspace():
                more.update(piece_start + at for at in token_junctions(doc, piece, start + piece_start))
        more -= found
        if not more:
            break
        found |= more
        cuts = sorted(found)
        pieces = list(zip([0, *cuts], [*cuts, len(token)]))
    return sorted(found)


def missing_spaces(text: str) -> list[int]:
    """Offsets in ``text`` where a lost space belongs, before the language check."""
    doc = Document(text)
    found, token_end = [], -1
    for candidate in CANDIDATE.finditer(text):
        if candidate.start() < token_end:
            continue
        bounds = token_bounds(text, candidate.start())
        if bounds is None:  # a token too long to be prose: skip to its end
            space = WHITESPACE.search(text, candidate.start())
            token_end = space.start() if space else len(text)
            continue
        start, token_end = bounds
        token = text[start:token_end]
        offsets = doc.decided.get(token)
        if offsets is None:
            doc.read_line = False
            offsets = token_junctions(doc, token, start)
            if not offsets and not doc.read_line and '"' not in token:
                doc.decided[token] = offsets  # the same answer on any line
            elif offsets:
                offsets = junctions_of_pieces(doc, token, start, offsets)
        if offsets and doc.reads_as_code(doc.line_at(start)):
            continue
        found += [start + offset for offset in offsets]
    return found


# --- Stray spaces before commas ----------------------------------------------


def is_stray_space(text: str, space: int) -> bool:
    """True when the space at ``text[space]``, before a comma, follows a word."""
    bounds = token_bounds(text, space - 1)
    if bounds is None:
        return False
    last_part = LAST_MARK.split(text[bounds[0] : bounds[1]])[-1]
    return WORD_BEFORE_COMMA.fullmatch(last_part) is not None


def stray_spaces(text: str) -> list[int]:
    """Offsets of the single spaces before a comma that stands between two words,
    on lines where no other mark stands alone and spaced commas are not the
    line's own style (a list of tags: "Labor , Video , Business News").
    Each line is read once."""
    found, line_end, line_uses_marks = [], -1, False
    for match in SPACED_COMMA.finditer(text):
        space = match.start() - 1
        if space > line_end:
            line_start = text.rfind("\n", 0, space) + 1
            line_end = text.find("\n", space)
            line_end = len(text) if line_end < 0 else line_end
            spaced = text.count(" , ", line_start, line_end)
            line_uses_marks = (
                LONE_MARK.search(text, line_start, line_end) is not None
                or (spaced > 2 and spaced > text.count(",", line_start, line_end) - spaced)
                or lexicon.english_verdict(text[line_start:line_end]) is False
            )
        if not line_uses_marks and is_stray_space(text, space):
            found.append(space)
    return found


# --- The rule -------------------------------------------------------------------


def candidate_edits(text: str) -> list[Edit]:
    """The edits this rule would make, before the language check."""
    inserts = [Edit(position, position, " ", "lost space next to punctuation") for position in missing_spaces(text)]
    removals = [Edit(at, at + 1, "", "stray space before a comma") for at in stray_spaces(text)]
    return sorted(set(inserts + removals))


def find_edits(text: str) -> list[Edit]:
    """The edits this rule makes to ``text``: none in French or German text."""
    edits = candidate_edits(text)
    if not edits or reads_as_french_or_german(text):
        return []
    return edits


def fix_punctuation_spacing(text: str) -> str:
    """``text`` with the lost spaces next to punctuation put back and the stray
    spaces before commas dropped (see ``RULE.explanation``)."""
    return apply_edits(text, find_edits(text))


RULE = Rule(
    name="punctuation-spacing",
    summary="Restore the space lost next to punctuation (ended.The, Definition:The, (BTS)sites); drop the space before a comma.",
    explanation="""\
Changes, in running prose, the spaces an HTML-to-text converter loses around
links and bold words next to punctuation:
- after a sentence end: "ended.The next" -> "ended. The next", "in the
  U.S.The" -> "in the U.S. The", "now?He" -> "now? He", "it!Then"; after
  the number of a heading or list item ("2.1.Commands", "1.You"); a rarer
  word before a common capitalised one ("debugging.Note"); a title ending
  in a question before a word or a count ("Free Mean?for", "Crisis?6");
- after a colon before a capitalised word, a quotation or a web address:
  "Definition:The" -> "Definition: The", "Source:CNN", 'NEW:"Tomorrow',
  "at:https://..."; before a lower-case word where the document writes
  that label with a space, or after a longer common word that ends a clause
  of prose ("two flavors:basic");
- after a comma or semicolon: "Thursday,adding", "forces,Defense",
  "administration,lost", "deal;the", "adapters,power" (a rarer word beside a
  very common one), "Firewall,netfilter", "enabled,aptitude" (a common word
  before a name the document uses), "dpkg(8),dselect(8)" (manual pages),
  "(held in May),which" (after brackets opened in an earlier word), lists
  of tags with capitalised names ("Reform,Fomc,Great");
- after a closing bracket or quote, before a word: "(BTS)sites" ->
  "(BTS) sites", 'priceless,”she', '"baz"to'; before an opening bracket or
  quote, after a word: "squeeze(Debian 6)" -> "squeeze (Debian 6)",
  'value of"baz"' -> 'value of "baz"', 'to X.“We', "NAME(REQUIRED)",
  "Policy(Updated!)", "Graph($3 unlocked)", "discovery(RFC1191)",
  "hamm(Debian 2.0)", "initramfs(initial ram disk)" (a name the document
  uses), "sparc64(for 64 bit", "apt-get(see Section" (a bracket that opens
  an aside with see, for, and, that, which, who, used, also, including);
  around a word in single curly quotes: "a ‘Pivot’for", "a‘Pivot";
  around a quotation in curly double quotes, judged apart from what it
  quotes: "for“?name(coq)”rather", "instance,“~mDaniel”", "“-a”,“-v”";
  before the key of a menu item: "Broken(b)", "Upgradable(U)";
- around a menu arrow, where the document quotes nothing with « » ‹ ›:
  "posts »Embed", "Now»Anchors", "Next›Last" (before an arrow only where the
  document sets its arrows apart: "Read more »", not "Read more»");
- after a manual page reference or a footnote mark: "dpkg(1)to",
  "make.[11]Some"; around an acronym in brackets: "Maintainer(DM)";
- around a dash only where the document itself spaces its dashes ("word —
  word"): "CNN —Former", "Washington CNN—", "stops—and" (not a dash closed
  on both sides in a title-case line: a headline may set it closed); after an ellipsis
  before a capitalised word ("top…Read", "prescription …More") unless the
  document runs its ellipses into lower-case words ("went…on");
- the space before a comma that stands alone between two words:
  "talks , which" -> "talks, which".
Only spaces are inserted or removed, and only when the words on both sides
read as prose (a word is a common English word, or a name the document uses
more than once): the word after a period, question mark or colon is
capitalised (and known); the word before a period is a common word, an initial or a listed
abbreviation (all-capitals words only before a sentence opener: "CNN.The" but
not "README.Debian"); two lower-case words after a comma are common words
and not a code pair (no,yes  key,value  rw,ro) or the comma opens a clause.
Leaves alone:
- lines that read as code, commands or configuration (a prompt, "==", "->",
  "::", braces, a trailing semicolon, mostly technical tokens; a long line
  of plain words that names Foo::Bar in passing is prose), and tokens
  holding = < > { } \\ | @ # $ % ^ * ~ ` _ / & + (paths, options, markup);
- protected spans (URLs, e-mail addresses, domains, numbers such as "3.5%",
  "2,000,000", "10:30", versions, abbreviations, file names and paths; see
  cleaner/spans.py); "key:value", "C:Windows", "std::vector", "a:b" (a
  lower-case word after a colon only where the document writes "label: ");
- module.Class and file names ("subprocess.Popen", "ast.If", "re.I",
  "test.Gz"), "Node.js", ".NET", "IPv?Interface";
- brackets opened and closed in one token around a prefix, a letter or a
  pair: "(re)build", "program(s)", "501(c)(3)", "Plot[edit]",
  "(major,minor)", "{pre,post}"; argument lists ("main(argc, argv)",
  "printf(format, args)"); macros in capitals ("FLAG(READ)", "CA(SA)");
  lists with unknown lower-case words ("defaults,users,nodev"); dotted names
  ("Will.I.Am"); "Ic?nes"-like words; apostrophes ("‘I’ll", "rock’n’roll");
  search terms ("?name(coq)", "apt?priority(x)", "for?broken"); a call
  alone on its line or two in a token ("filter(pattern)"); "(fake)root"
  where the document writes "fakeroot"; key chords ("C-m,f10,C-space");
  » and › in text that quotes with « » or ‹ › (»Zitat«);
- dashes and ellipses set closed by the document ("word—word"), numbers
  with dashes ("1–2");
- straight quotes on a line where they do not pair up; curly quotes in text
  that uses German „…“;
- ellipses and stacked marks ("Wait... what?!"); spaces before . ? ! : ;
  ("cp foo .", French "Pourquoi ?"); several spaces before a comma (aligned
  columns); a spaced comma on a line where another mark stands alone
  ("encodes , and ; in values").
Text whose function words read as French (or German) is left alone entirely:
French typography puts a space before ? ! : ; ("Pourquoi ? Parce que !").
A missed fix is preferred to a false one.""",
    examples=(
        ("in a post to X.“We are ready", "in a post to X. “We are ready"),
        ("The talks ended.The next round", "The talks ended. The next round"),
        ("The talks resume in May.Officials said", "The talks resume in May. Officials said"),
        ("on Thursday,adding that", "on Thursday, adding that"),
        ("Speakers from RustFest,Rust Latam and others", "Speakers from RustFest, Rust Latam and others"),
        ("a deal;the details", "a deal; the details"),
        ("What now?He asked", "What now? He asked"),
        ("Nobody expected it!Then", "Nobody expected it! Then"),
        ("Definition:The leadership of a group", "Definition: The leadership of a group"),
        ("Read the Debian bug tracking system (BTS)pages first.", "Read the Debian bug tracking system (BTS) pages first."),
        ('Set the value of"baz"to an empty string.', 'Set the value of "baz" to an empty string.'),
        ("“Return of our people is priceless,”she said", "“Return of our people is priceless,” she said"),
        ("The talks , which began Wednesday , ended.", "The talks, which began Wednesday, ended."),
        ("Like a ‘Pivot’for Entrepreneurs", "Like a ‘Pivot’ for Entrepreneurs"),
        ("More about Alerts »Alerts", "More about Alerts » Alerts"),
        ("YOUR NAME(REQUIRED)", "YOUR NAME (REQUIRED)"),
        ("Search for“?name(coq)”rather than that.", "Search for “?name(coq)” rather than that."),
        ("Contents\n2.1.Commands", "Contents\n2.1. Commands"),
        ("The U.S. and the U.K. met in Washington, D.C., on Feb. 29.",) * 2,
        ("e.g. this, i.e. that, a Ph.D. at 9 a.m. with Mr. Smith of No. 10",) * 2,
        ("J.R.R. Tolkien wrote it.",) * 2,
        ("Up 3.5% to $1.5bn; 2,000,000 users; version 2.10.1 or 4.2.1 at 10:30, 3:1, 16:9, 6-4.",) * 2,
        ("See nypost.com, ukraine.gov.ua, report.pdf, Node.js, fs.readFile() and .NET.",) * 2,
        ("Go to https://example.com/a?b=1&c=2 or write to tips@nypost.com.",) * 2,
        ("Wait... what?! It paused… then went on.",) * 2,
        ("She said, “Yes.” Then she left. “Are you sure?” he asked.",) * 2,
        ("Logged at 2024-03-01T06:00:00Z.",) * 2,
        ("Edit /etc/apt/sources.list, then run dpkg-deb; see foo.so and 2.6.x.",) * 2,
        ("The subprocess.Popen class; re.I and ast.If; mount -o rw,noatime,nodev; no,yes; TL;DR.",) * 2,
        ("Write key:value or a:b pairs; std::vector and obj.method are code.",) * 2,
        ("Search terms ?name(coq) and apt?priority(required) stay; so does (fake)root beside fakeroot.",) * 2,
        ("Call main(argc, argv) and FLAG(READ); ‘I’ll go’, rock’n’roll.",) * 2,
        ("Use (re)build and program(s) as in 501(c)(3); pass (major,minor).",) * 2,
        ("It was—as always—fine, said the man—a clerk—at the desk.",) * 2,
        ("Le budget est adopté.Pourquoi ? Parce que les travaux , selon la maire , ne pouvaient pas attendre !",) * 2,
    ),
    find_edits=find_edits,
)
