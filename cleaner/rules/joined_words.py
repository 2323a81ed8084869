"""Rule ``joined-words``: put back the space a scraper dropped between two English
words (``prisonersof`` -> ``prisoners of``), only where the evidence is strong."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from cleaner import lexicon
from cleaner.edits import Edit, apply_edits
from cleaner.rule import Rule
from cleaner.spans import is_protected_at

# Cheap first pass, at C speed: every byte that is not an ASCII letter becomes a
# space, so splitting the encoded text yields its letter runs. Most are common
# words, dismissed by one cached lookup each; the few that may split are then
# found in the text and checked in place against TOKEN_BOUNDARY.
NOT_ASCII_LETTER_TO_SPACE = bytes(
    byte if chr(byte).isascii() and chr(byte).isalpha() else ord(" ") for byte in range(256)
)
LETTER_RUN = re.compile(r"[A-Za-z]+")
TOKEN_BOUNDARY = re.compile(
    r"""
    (?<![\w@#/\\-])      # the token starts a word: not inside one, a handle, hashtag, path or compound
    (?<!\w['’.])         # nor after a contraction (o'clock) or a dot inside a name (www.example)
    (?<![\w.?!,;”][.?!,;”“])  # nor after a mark glued to a word (said,thenow)
    (?P<token>[A-Za-z]+)
    (?![\w@/'’-])        # and ends it: no digit, accent, handle, path, apostrophe or compound follows
    (?!\.\w)             # nor a dot inside a name (example.com)
    (?![.?!,;”]+(?:[^\W\d_]|“))  # nor a mark glued to a word (thenow?He)
    """,
    re.VERBOSE,
)
# (A mark glued to the next word is punctuation-spacing's to judge, and that
# rule runs first. Where it declined, splitting here would make a new token it
# accepts, "…thenow?He" -> "…the now?He", so a second run would change more.)

# Tokens considered: "ofa" is the shortest join; two words together rarely pass 30 letters.
SHORTEST_TOKEN = 3
LONGEST_TOKEN = 40

# Evidence, in zipf units (log10 of a word's frequency per billion words). The
# chance of two words standing side by side is estimated as if they were
# independent: zipf(a) + zipf(b) - 9. Pairs come in three kinds (see pair_kind):
# one closed-class word ("prisoners of"), a prefix-like word before an
# open-class one ("a crutch", but also "aback"), or two open-class words
# ("key maps", but also "keymaps").
# A token wordfreq lists (it lists joins such as "ofthe" too) splits only when
# that estimate beats the token's own zipf by this margin:
KNOWN_TOKEN_MARGIN = {"closed": 1.5, "prefix": 2.5, "open": 2.5}
# A token wordfreq has never seen splits when zipf(a) + zipf(b) reaches:
UNKNOWN_TOKEN_MIN_SUM = {"closed": 8.5, "prefix": 10.0, "open": 10.5}
# A token found more than once in the document is probably a word: it splits
# only if the evidence clears the bar above by this much more.
RECURRING_TOKEN_EXTRA = 1.0
# The best split must beat every other split of the token by this much.
AMBIGUITY_MARGIN = 1.0
# Least zipf of a three-letter part and of a longer part (shorter ones come from a table).
THREE_LETTER_PART_MIN_ZIPF = 3.5
LONG_PART_MIN_ZIPF = 2.0
# "Iwanted" -> "I wanted": the word after "I" must be at least this common.
AFTER_I_MIN_ZIPF = 4.0
# A capitalised token splits only at a sentence start, and only if its first
# part is a common word, seen at least ten times per million words ("Ifyou",
# "Prisonersof"; not "Orben", "Albertano").
CAPITALISED_FIRST_PART_MIN_ZIPF = 4.0
# Lowercase words that may be found joined to a capitalised one ("theDebian").
BEFORE_CAPITAL_WORDS = frozenset("the of by in and at that".split())
# Evidence granted to such a split; it is judged by case, not frequency.
BEFORE_CAPITAL_EXCESS = 3.0
# Up to this many distinct spellings to look for are found with str.find, more
# with one regex pass over the text.
FEW_TOKENS = 24
# How far around a paragraph too short to judge (or around a token in one too
# long to read whole) the language check looks, in words (about 600 characters),
# and how many words make a paragraph too long to read whole (about 20,000 characters).
LANGUAGE_WINDOW = 100
LONGEST_PARAGRAPH = 3_000
# What may stand between a sentence end and the next sentence's first word.
INLINE_BLANKS = " \t\xa0"
SENTENCE_OPENERS = "\"'“‘([«*"
SENTENCE_ENDS = ".!?:)\n"
BLANK_LINE = re.compile(r"\n[ \t\r]*(?=\n)")  # from a line break to the next, through blanks
WORDS = lexicon.STOPWORD_TOKEN  # a word, for counting: a run of letters


class Split(NamedTuple):
    """How to repair one token: its text with the space put back, how far the
    evidence clears the bar (in zipf units), and whether the repair needs the
    token to start a sentence (a capital that only a sentence start explains)."""

    text: str
    excess: float
    at_sentence_start: bool = False


def is_part_word(part: str) -> bool:
    """True when ``part`` may stand as a word of its own after a split."""
    if len(part) <= 2:
        return part in lexicon.SHORT_WORDS
    least = THREE_LETTER_PART_MIN_ZIPF if len(part) == 3 else LONG_PART_MIN_ZIPF
    return lexicon.zipf(part) >= least


def could_be_adjacent(first: str, second: str) -> bool:
    """False for pairs that do not stand side by side in English ("a is", "we it",
    "to on", "is is") or that are more likely one word ("source less")."""
    closed_first = first in lexicon.CLOSED_CLASS_WORDS
    closed_second = second in lexicon.CLOSED_CLASS_WORDS
    return not (
        first == second
        or (first in lexicon.DETERMINERS and closed_second)
        or (first in lexicon.SUBJECT_PRONOUNS and (second in lexicon.DETERMINERS or second in lexicon.PRONOUNS))
        or (first in lexicon.PREPOSITIONS and second in lexicon.PREPOSITIONS)
        or (first in lexicon.AFFIX_PARTS and not closed_second)
        or (second in lexicon.AFFIX_PARTS and not closed_first)
    )


def pair_kind(first: str, second: str) -> str:
    """``"prefix"``, ``"closed"`` or ``"open"``: which bar a split must clear."""
    if first in lexicon.PREFIX_WORDS and second not in lexicon.CLOSED_CLASS_WORDS:
        return "prefix"
    if first in lexicon.CLOSED_CLASS_WORDS or second in lexicon.CLOSED_CLASS_WORDS:
        return "closed"
    return "open"


def scored_splits(word: str, after_i: bool = False) -> list[tuple[float, int]]:
    """``(zipf(a) + zipf(b), index)`` for each way ``word`` divides into two words,
    best first. With ``after_i``, the word started with a capital I, which may
    stand alone."""
    scored = [
        (lexicon.zipf(word[:index]) + lexicon.zipf(word[index:]), index)
        for index in range(1, len(word))
        if (is_part_word(word[:index]) or (after_i and index == 1)) and is_part_word(word[index:])
    ]
    return sorted(scored, reverse=True)


@lru_cache(maxsize=1 << 16)
def judge_lowercase_word(word: str, after_i: bool = False) -> tuple[int, float] | None:
    """Where to split a lowercase ``word`` and by how much the evidence clears
    the bar, or None when it should stay whole."""
    candidates = scored_splits(word, after_i)
    if not candidates or word in lexicon.INFORMAL_WORDS:
        return None
    best_sum, index = candidates[0]
    first, second = word[:index], word[index:]
    if len(candidates) > 1 and best_sum - candidates[1][0] < AMBIGUITY_MARGIN:
        return None
    if not could_be_adjacent(first, second):
        return None
    if after_i and first == "i" and lexicon.zipf(second) < AFTER_I_MIN_ZIPF:
        return None
    kind = pair_kind(first, second)
    token_zipf = lexicon.zipf(word)
    if token_zipf == lexicon.UNKNOWN_ZIPF:
        excess = best_sum - UNKNOWN_TOKEN_MIN_SUM[kind]
    else:
        excess = best_sum - 9.0 - token_zipf - KNOWN_TOKEN_MARGIN[kind]
    # Each part must be final, so that a second pass changes nothing.
    if excess < 0 or judge_lowercase_word(first) or judge_lowercase_word(second):
        return None
    return index, excess


def split_before_capital(token: str) -> Split | None:
    """``"theDebian"`` -> ``"the Debian"``: a short lowercase word, then a
    capitalised or upper-case one. Anything else in mixed case ("iPhone",
    "YouTube") is a name this rule cannot vouch for."""
    for index, char in enumerate(token):
        if char.isupper():
            break
    else:
        return None
    head, rest = token[:index], token[index:]
    rest_cased = rest.isupper() or rest[1:].islower()
    if head in BEFORE_CAPITAL_WORDS and len(rest) >= 2 and rest_cased and not split_joined_token(rest):
        return Split(f"{head} {rest}", BEFORE_CAPITAL_EXCESS)
    return None


def split_before_final_i(token: str) -> Split | None:
    """``"canI"`` / ``"IfI"`` -> ``"can I"`` / ``"If I"`` after a closed-class word."""
    head = token[:-1]
    if not (head.islower() or (head[0].isupper() and head[1:].islower())):
        return None
    lower = head.lower()
    if lower in lexicon.CLOSED_CLASS_WORDS and could_be_adjacent(lower, "i"):
        return Split(f"{head} I", BEFORE_CAPITAL_EXCESS, at_sentence_start=not head.islower())
    return None


@lru_cache(maxsize=1 << 16)
def split_joined_token(token: str) -> Split | None:
    """How to repair ``token`` (``"Prisonersof"`` -> ``"Prisoners of"``), or None
    when it should stay whole."""
    if token.islower():
        judged = judge_lowercase_word(token)
        if not judged:
            return None
        index, excess = judged
        return Split(f"{token[:index]} {token[index:]}", excess)
    if token[0].isupper() and token[1:].islower():
        judged = judge_lowercase_word(token.lower(), after_i=token[0] == "I")
        if not judged:
            return None
        index, excess = judged
        if index == 1 and token[0] == "I":
            return Split(f"I {token[1:]}", excess)
        if lexicon.zipf(token[:index].lower()) < CAPITALISED_FIRST_PART_MIN_ZIPF:
            return None
        return Split(f"{token[:index]} {token[index:]}", excess, at_sentence_start=True)
    if token.endswith("I") and len(token) > 2:
        return split_before_final_i(token)
    return split_before_capital(token)


def starts_sentence(text: str, start: int) -> bool:
    """True when the token at ``start`` opens a sentence, a line or the text."""
    index = start - 1
    while index >= 0 and (text[index] in SENTENCE_OPENERS or text[index] in INLINE_BLANKS):
        index -= 1
    return index < 0 or text[index] in SENTENCE_ENDS


class EnglishCheck:
    """Answers "is the text around this position English?", once per paragraph.
    The paragraph decides; when it is too short to judge, the paragraph with
    LANGUAGE_WINDOW words either side of it; when it has more than
    LONGEST_PARAGRAPH words, the LANGUAGE_WINDOW words either side of the position.

    Paragraphs and windows are counted in words (runs of letters), not
    characters, so that the verdict does not change when other rules add or
    remove spaces or blank lines: a second run must judge as the first did.
    """

    def __init__(self, text: str):
        self.text = text
        self.verdicts: dict[int, bool] = {}
        self.long_paragraphs: set[int] = set()
        self.paragraph = (0, 0)  # the last paragraph found
        self.scanned = 0  # blank lines before this offset have been seen; the last ended at:
        self.last_break_end = 0
        self.windows = 0
        self.index: WordIndex | None | bool = None  # False: cannot be indexed

    def paragraph_around(self, position: int) -> tuple[int, int]:
        """``(start, end)`` of the paragraph holding ``position``, between blank
        lines (spaces and tabs on them do not count). Positions come in order,
        so the text is read once, not once per position: that would be
        quadratic in a long paragraph with many tokens to judge."""
        if self.paragraph[0] <= position < self.paragraph[1]:
            return self.paragraph
        if position < self.scanned:
            self.scanned = self.last_break_end = 0
        for blank in BLANK_LINE.finditer(self.text, self.scanned, position):
            self.last_break_end = blank.end()
        self.scanned = position
        following = BLANK_LINE.search(self.text, position)
        self.paragraph = (self.last_break_end, following.start() if following else len(self.text))
        return self.paragraph

    def __call__(self, position: int) -> bool:
        text = self.text
        start, end = self.paragraph_around(position)
        if start not in self.verdicts and start not in self.long_paragraphs:
            paragraph = text[start:end]
            # (A word takes at least two characters with what separates it.)
            if len(paragraph) > 2 * LONGEST_PARAGRAPH and len(WORDS.findall(paragraph)) > LONGEST_PARAGRAPH:
                self.long_paragraphs.add(start)
            else:
                verdict = lexicon.english_verdict(paragraph)
                if verdict is None:
                    verdict = self.english_around(start, end)
                self.verdicts[start] = verdict
        if start in self.long_paragraphs:
            return self.english_around(position, position)
        return self.verdicts[start]

    def english_around(self, start: int, end: int) -> bool:
        """Whether the LANGUAGE_WINDOW words before ``start`` through those
        after ``end`` read as English. Each window is read afresh at first;
        past ``windows_before_index`` of them (many one-line paragraphs, one
        huge paragraph) the text's words are indexed once and counted from there."""
        self.windows += 1
        if self.index is None and self.windows > windows_before_index(len(self.text)):
            self.index = WordIndex.of(self.text) or False
        if self.index:
            low, high = self.index.before(start), self.index.after(end)
            return lexicon.verdict_from_votes(*self.index.votes(low, high)) is True
        return lexicon.looks_english(self.text[words_before(self.text, start) : words_after(self.text, end)])


def windows_before_index(size: int) -> int:
    """How many windows EnglishCheck reads directly in a text of ``size``
    characters before it indexes the text's words. Indexing a 256 Ki
    segment costs about as much as reading 160 windows (19 ms against 120 us
    each); waiting for one window per 500 characters keeps ordinary prose,
    with its short paragraphs, from paying for an index it barely uses."""
    return max(64, size // 500)


class WordIndex:
    """Every word of a text in order, with running counts of English and of
    German or French function words: a window's votes are a few subtractions.
    Gives exactly what ``words_before``, ``words_after`` and
    ``lexicon.english_votes`` on the slice would."""

    def __init__(self, size: int, lowered: str):
        self.size = size
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.english = [0]
        self.other = [0]
        english = other = 0
        for match in WORDS.finditer(lowered):
            self.starts.append(match.start())
            self.ends.append(match.end())
            word = match.group()
            english += word in lexicon.ENGLISH_STOPWORDS
            other += word in lexicon.OTHER_STOPWORDS
            self.english.append(english)
            self.other.append(other)

    @classmethod
    def of(cls, text: str) -> WordIndex | None:
        """The index of ``text``; None where lowercasing changes the length of
        the text (``İ``), so words of the lowercased text cannot stand in for
        those of the text itself."""
        lowered = text.lower()
        return cls(len(text), lowered) if len(lowered) == len(text) else None

    def before(self, position: int, count: int = LANGUAGE_WINDOW) -> int:
        """As ``words_before``."""
        words = bisect_left(self.starts, position)  # those starting before ``position``
        return self.starts[words - count] if words > count else 0

    def after(self, position: int, count: int = LANGUAGE_WINDOW) -> int:
        """As ``words_after``."""
        first = bisect_right(self.ends, position)  # the first word ending after ``position``
        return self.ends[first + count - 1] if len(self.ends) - first > count else self.size

    def votes(self, low: int, high: int) -> tuple[int, int, int]:
        """As ``lexicon.english_votes(text[low:high])``, for window ends made by ``before`` and ``after``."""
        first, stop = bisect_left(self.starts, low), bisect_left(self.starts, high)
        return stop - first, self.english[stop] - self.english[first], self.other[stop] - self.other[first]


def words_before(text: str, position: int, count: int = LANGUAGE_WINDOW) -> int:
    """Where the ``count`` words before ``position`` start (0 if there are fewer)."""
    reach = count * 8
    while True:
        low = max(0, position - reach)
        starts = [match.start() for match in WORDS.finditer(text, low, position)]
        if len(starts) > count:  # the first may be cut by the slice: it is not used
            return starts[-count]
        if low == 0:
            return 0
        reach *= 4


def words_after(text: str, position: int, count: int = LANGUAGE_WINDOW) -> int:
    """Where the ``count`` words from ``position`` on end (the text's end if there are fewer)."""
    reach = count * 8
    while True:
        high = min(len(text), position + reach)
        ends = [match.end() for match in WORDS.finditer(text, position, high)]
        if len(ends) > count:  # the last may be cut by the slice: it is not used
            return ends[count - 1]
        if high == len(text):
            return high
        reach *= 4


def letter_runs(text: str) -> list[bytes]:
    """Every run of ASCII letters in ``text``, as bytes."""
    encoded = text.encode("utf-8", "surrogatepass")
    return encoded.translate(NOT_ASCII_LETTER_TO_SPACE).split()


def case_variants(token: str) -> set[str]:
    """The spellings of ``token`` that count as the same word for recurrence."""
    lower = token.lower()
    return {token, lower, lower.capitalize(), lower.upper()}


def token_starts(text: str, spellings: set[str]) -> list[tuple[int, str]]:
    """``(offset, token)``, in order, wherever one of ``spellings`` stands as a whole token."""
    if len(spellings) <= FEW_TOKENS:
        # A set: one spelling may be found inside another ("tobe" in "tobelieve").
        found_at = set()
        for spelling in spellings:
            start = text.find(spelling)
            while start >= 0:
                found_at.add(start)
                start = text.find(spelling, start + 1)
        found = sorted(found_at)
    else:
        found = [match.start() for match in LETTER_RUN.finditer(text) if match.group() in spellings]
    starts = []
    for start in found:
        match = TOKEN_BOUNDARY.match(text, start)
        if match and match.group("token") in spellings:
            starts.append((start, match.group("token")))
    return starts


def with_every_split(text: str, occurrences: list[tuple[int, str]], splits: dict[str, Split]) -> tuple[str, list[int]]:
    """``text`` as it reads with every candidate token split, and the offsets in
    ``text`` where the spaces go. The language is judged on that text: a split
    adds function words ("prisoners of"), so judging the text as it is would
    let a second run, seeing more of them, split what the first did not."""
    pieces, spaces_at, last = [], [], 0
    for start, token in occurrences:
        split = splits.get(token)
        if split is not None:
            pieces += [text[last:start], split.text]
            spaces_at.append(start + split.text.index(" "))
            last = start + len(token)
    pieces.append(text[last:])
    return "".join(pieces), spaces_at


def split_joined_words(text: str) -> str:
    """Insert a space into each token that is two English words run together."""
    return apply_edits(text, joined_word_edits(text))


def joined_word_edits(text: str) -> list[Edit]:
    """A space inserted into each token that is two English words run together."""
    runs = set(letter_runs(text))
    splits = {}
    for run in runs:
        if SHORTEST_TOKEN <= len(run) <= LONGEST_TOKEN and (split := split_joined_token(run.decode("ascii"))):
            splits[run.decode("ascii")] = split
    if not splits:
        return []
    variants = set().union(*map(case_variants, splits))
    spellings = {variant for variant in variants if variant.encode("ascii") in runs}
    occurrences = token_starts(text, spellings)
    counts = Counter(token.lower() for _, token in occurrences)
    judged, spaces_at = with_every_split(text, occurrences, splits)
    is_english = EnglishCheck(judged)
    french_or_german: bool | None = None
    edits = []
    for start, token in occurrences:
        split = splits.get(token)
        if split is None or (split.excess < RECURRING_TOKEN_EXTRA and counts[token.lower()] > 1):
            continue
        if split.at_sentence_start and not starts_sentence(text, start):
            continue
        # start + 1: a span beginning right at the token still holds its second letter.
        if is_protected_at(text, start + 1) or not is_english(start + bisect_left(spaces_at, start)):
            continue
        # As punctuation-spacing does, leave a text that reads as French or German
        # as a whole: the function words a split adds ("of") could otherwise
        # change that rule's verdict on a second run. Asked once, when needed.
        if french_or_german is None:
            french_or_german = lexicon.reads_as_french_or_german(text)
        if french_or_german:
            return []
        space = start + split.text.index(" ")
        edits.append(Edit(space, space, " ", "joined words"))
    return edits


RULE = Rule(
    name="joined-words",
    summary="Put back the space dropped between two English words (prisonersof -> prisoners of).",
    explanation="""\
Changes: a token that is two English words run together, as scrapers and feeds
leave them at tag boundaries, gets its space back: "prisonersof" -> "prisoners
of", "greenlitby" -> "greenlit by", "theDebian" -> "the Debian", "canI" -> "can
I", and at a sentence start "Ifyou" -> "If you". Only a space is inserted:
case and the punctuation around the token are kept ("Prisonersof," ->
"Prisoners of,").
Applies only to English: a paragraph is judged by its function words, and one
that reads as German, French or anything else is left as it is, as is text too
short to judge (a short paragraph is judged together with its neighbourhood),
and so is a whole text whose function words are mostly French or German (the
check punctuation-spacing makes).
Leaves alone:
- words wordfreq knows as words, however rare: greenlit, henchman, warmongers,
  therapist, nowhere;
- names and other capitalised or mixed-case tokens it cannot vouch for:
  Stefanishyna, Dmitriev, iPhone, YouTube. A capitalised token splits only at
  a sentence start, and only if its first part is a common word;
- tokens touching digits, accents, apostrophes or hyphens (500mg, COVID-19,
  o'clock, astonishin'), and URLs, e-mail addresses, handles and hashtags;
- informal spellings (gonna, coulda) and two-word compounds whose parts are not
  both common (keymaps, sourceless, challengehood).
How evidence is weighed, with wordfreq's English frequencies (zipf: log10 per
billion words). Each way of cutting the token into two words is scored as
zipf(a) + zipf(b) - 9, the chance of the two words side by side if they were
independent. A token wordfreq lists (it lists common joins such as "ofthe"
too) splits only if that beats the token's own zipf by 1.5 when one word is
closed-class (of, the, is, you...), by 2.5 otherwise. A token wordfreq has
never seen splits if zipf(a) + zipf(b) reaches 8.5 with a closed-class word,
10 after a word that is also a prefix (a, be, in...), 10.5 for two open-class
words, which may as well be a compound. A cut is refused when another cut is
nearly as good, when the pair does not stand side by side in English ("a is",
"we it"), when a part is an affix (less, hood, non, out) or could itself be
cut. A token that occurs more than once in the document is taken for a word
unless the evidence clears the bar by a further power of ten.""",
    examples=(
        (
            "Russia and Ukraine agreed to release 157 of each others’ prisonersof war on Thursday.",
            "Russia and Ukraine agreed to release 157 of each others’ prisoners of war on Thursday.",
        ),
        (
            "It is a bill greenlitby Trump but still languishing in Congress, and it may stay there.",
            "It is a bill greenlit by Trump but still languishing in Congress, and it may stay there.",
        ),
        (
            "The talks went well. Ifyou ask the diplomats, this was the best week of the year.",
            "The talks went well. If you ask the diplomats, this was the best week of the year.",
        ),
        (
            "That is what canI say about the talks, and it is all that the envoy told us.",
            "That is what can I say about the talks, and it is all that the envoy told us.",
        ),
        (
            "The project was greenlit, and a Kremlin henchman spoke of warmongers who were to blame.",
            "The project was greenlit, and a Kremlin henchman spoke of warmongers who were to blame.",
        ),
        (
            "The therapist said that nowhere is it safe, and she told The Post so on Thursday.",
            "The therapist said that nowhere is it safe, and she told The Post so on Thursday.",
        ),
        (
            "Stefanishyna said it to Filashkin and Dmitriev, and then Witkoff said it to them.",
            "Stefanishyna said it to Filashkin and Dmitriev, and then Witkoff said it to them.",
        ),
        (
            "She filmed it on her iPhone and put it on YouTube with a dose of 500mg and COVID-19 data.",
            "She filmed it on her iPhone and put it on YouTube with a dose of 500mg and COVID-19 data.",
        ),
        (
            "It is at https://example.com/?q=prisonersof and from prisonersof@example.com to @prisonersof #prisonersof.",
            "It is at https://example.com/?q=prisonersof and from prisonersof@example.com to @prisonersof #prisonersof.",
        ),
        (
            "Sobald der Dienst läuft, ist die Datei indem Verzeichnis somit sichtbar und wird gelesen.",
            "Sobald der Dienst läuft, ist die Datei indem Verzeichnis somit sichtbar und wird gelesen.",
        ),
        (
            "Il doit être installé, soit par le paquet, soit par la source, pour tous les utilisateurs.",
            "Il doit être installé, soit par le paquet, soit par la source, pour tous les utilisateurs.",
        ),
        ("prisonersof war", "prisonersof war"),
        ("", ""),
    ),
    find_edits=joined_word_edits,
)
