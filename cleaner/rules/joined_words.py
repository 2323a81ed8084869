"""Rule ``joined-words``: put back the spaces a converter or scraper dropped
between English words (``prisonersof`` -> ``prisoners of``, ``forJoe`` -> ``for
Joe``, ``aworkshopthat`` -> ``a workshop that``), only where the evidence is strong."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from cleaner import lexicon
from cleaner.edits import Edit, apply_edits
from cleaner.rule import Rule
from cleaner.spans import is_protected_at, reads_as_code

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
    (?<![\w@#/\\\u00ad\u200b-\u200d\u2060-])  # the token starts a word: not inside one (soft hyphen,
                         # zero-width joiner), a handle, hashtag, path or compound
    (?<!\w['’.])         # nor after a contraction (o'clock) or a dot inside a name (www.example)
    (?<![\w.?!,;”][.?!,;”“])  # nor after a mark glued to a word (said,thenow)
    (?P<token>[A-Za-z]+)
    (?![\w@/'’\u00ad\u200b-\u200d\u2060-])  # and ends it: no digit, accent, handle, path,
                         # apostrophe, compound or soft hyphen follows
    (?!\.\w)             # nor a dot inside a name (example.com)
    (?![.?!,;”]+(?:[^\W\d_]|“))  # nor a mark glued to a word (thenow?He)
    (?!\()              # nor a call (toString())
    (?!:\w)             # nor an address scheme or a qualified name (mailto:team@, sip:user)
    """,
    re.VERBOSE,
)
# The lowercase end of a hyphenated compound ("years-longdrought") and what
# follows an apostrophe ("user’sforum", "We'veseen") end as a token does.
TOKEN_END = r"""
    (?P<token>[a-z]+)
    (?![\w@/'’\u00ad\u200b-\u200d\u2060-])
    (?!\.\w)
    (?![.?!,;”]+(?:[^\W\d_]|“))
    (?!\()
"""
AFTER_HYPHEN = re.compile(r"(?<=[A-Za-z][a-z]-)" + TOKEN_END, re.VERBOSE)
AFTER_APOSTROPHE = re.compile(r"(?<=[A-Za-z]['’])" + TOKEN_END, re.VERBOSE)
# A word joined to the capitalised start of a hyphenated compound ("ofUnix-like", "asCD-ROM").
BEFORE_COMPOUND = re.compile(
    r"""
    (?<![\w@#/\\\u00ad\u200b-\u200d\u2060'’.-])
    (?P<token>[a-z]+[A-Z][A-Za-z]*)
    (?=-[A-Za-z])
    """,
    re.VERBOSE,
)
TOKEN_PLACES = (
    ("word", TOKEN_BOUNDARY),
    ("hyphen", AFTER_HYPHEN),
    ("apostrophe", AFTER_APOSTROPHE),
    ("compound", BEFORE_COMPOUND),
)
# Marks of a line that is a command, configuration, a path or code, not prose.
COMMAND_MARKS = re.compile(
    r"""
    ^\s*[$#%>]\s           # a shell prompt
    | (?:^|\s)--[A-Za-z]    # a long option
    | \w=\S                 # an assignment (key=value)
    | [{}]                  # braces
    | \s(?:\||&&|>>?)\s      # a pipe, a chain of commands, a redirection
    """,
    re.VERBOSE,
)
SHELL_PROMPT = re.compile(r"\s*[$#%>]\s")
# A line of at least this many words, this share of them English function
# words, reads as prose whatever code it mentions.
PROSE_LINE_WORDS = 12
PROSE_LINE_FUNCTION_SHARE = 0.2
PROSE_MARKS = re.compile(r"[.?!,;:](?!\S)")  # not the dot of "yahoo.com"
# Marks that glue a letter run to code: paths, identifiers, assignments,
# addresses, variables, options ("/usr/sbin/nologin", "user_name", "$HOME").
TECHNICAL_MARKS = "_/\\=@#$%{}~+"
TECHNICAL_CONTINUATIONS = "_=@"
# A line of at most this many words, starting in lower case with no English
# function word and no punctuation, reads as a command ("apt-get source foo").
SHORT_COMMAND_WORDS = 6
# (A mark glued to the next word is punctuation-spacing's to judge, and that
# rule runs first. Where it declined, splitting here would make a new token it
# accepts, "…thenow?He" -> "…the now?He", so a second run would change more.)

# The word just before a token (or just after it), one blank apart, on the same line.
NEIGHBOUR_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z]+)[ \t\xa0]\Z")
NEIGHBOUR_AFTER = re.compile(r"[ \t\xa0]([A-Za-z]+)(?![\w'’-])")
NEIGHBOUR_REACH = 24

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
# Where the bigram table counts the pair, a listed token splits when the
# pair's counted frequency beats the token's own by this margin ("as well"
# against "aswell"; not "a lot" against "alot").
ATTESTED_KNOWN_TOKEN_MARGIN = 1.0
# The table vouches for two open-class words only when they are this common
# together (one pair in a million: "still believes", not "man pages").
OPEN_PAIR_MIN_COUNTED = 3.0
# A token wordfreq has never seen splits when zipf(a) + zipf(b) reaches:
UNKNOWN_TOKEN_MIN_SUM = {"closed": 8.5, "prefix": 10.0, "open": 10.5}
# A token found more than once in the document is probably a word: it splits
# only if the evidence clears the bar above by this much more, twice this
# from its third occurrence ("atime" all through a manual).
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
# Evidence granted to a split at a case boundary ("theDebian"); it is judged by case, not frequency.
BEFORE_CAPITAL_EXCESS = 3.0
# How often the rule reads its own result again (see find_edits); two passes suffice on real text.
MOST_PASSES = 4
# Segmentation into several words: at most this many, for tokens at least this long.
MOST_PARTS = 4
SHORTEST_SEGMENTED_TOKEN = 6
# Each part of a token read as three or four words must be at least this common.
SEGMENTED_PART_MIN_ZIPF = 3.0
# A word wordfreq does not list but the web writes as one word (data/compounds.txt)
# splits only when the pair's evidence beats the web's count of it by this margin.
WEB_COMPOUND_MARGIN = 0.5
# A rarer word between two function words ("wastransfixedon") needs no
# evidence from the document if it is at least this common.
HELD_PART_MIN_ZIPF = 2.5
# Evidence granted to an unknown token that the document also writes apart
# ("returnflight" where "return flight" stands elsewhere).
DOCUMENT_EVIDENCE_BONUS = 1.5
# A word before a capitalised one ("toldCNN", "neighbouringBrazil") that is not
# closed-class must be at least this common.
WORD_BEFORE_NAME_MIN_ZIPF = 3.5
# "Congressin", "Bloombergentered": a name at least this long, then a
# closed-class word or one at least this common.
SHORTEST_NAME = 3
WORD_AFTER_NAME_MIN_ZIPF = 4.0
NAME_SPLIT_EXCESS = 0.5
# "user’sforum": the word after a contraction's ending must be this common.
WORD_AFTER_CONTRACTION_MIN_ZIPF = 3.0
# Up to this many distinct spellings to look for are found with str.find, more
# with one regex pass over the text (a pass costs about as much as 80 finds).
FEW_TOKENS = 64
# How far around a paragraph too short to judge (or around a token in one too
# long to read whole) the language check looks, in words (about 600 characters),
# and how many words make a paragraph too long to read whole (about 20,000 characters).
LANGUAGE_WINDOW = 100
LONGEST_PARAGRAPH = 3_000
# A paragraph whose words are less than half common English words is not
# English, whatever its function words say (Polish "kurs dolara" with "to", "a").
ENGLISH_VOCABULARY_VETO = 0.5
# The same holds for a line of at least this many words in a paragraph that mixes languages.
SHORTEST_FOREIGN_LINE = 6
# What may stand between a sentence end and the next sentence's first word.
INLINE_BLANKS = " \t\xa0"
SENTENCE_OPENERS = "\"'“‘([«*"
SENTENCE_ENDS = ".!?:)\n"
BLANK_LINE = re.compile(r"\n[ \t\r]*(?=\n)")  # from a line break to the next, through blanks
WORDS = lexicon.STOPWORD_TOKEN  # a word, for counting: a run of letters
# A longer line is not read as a line of code for the document's vocabulary.
LONGEST_CODE_LINE = 200
# What makes a line read as a sentence rather than a menu entry, a title or configuration.
LINE_FUNCTION_WORDS = lexicon.CLOSED_CLASS_WORDS | lexicon.ENGLISH_STOPWORDS


class Split(NamedTuple):
    """One way to repair a token: where the spaces go (offsets in the token),
    how far the evidence clears the bar (in zipf units), and what the document
    must show for it to apply."""

    cuts: tuple[int, ...]
    excess: float
    # The token must open a sentence (a capital only a sentence start explains).
    at_sentence_start: bool = False
    # Parts that must stand alone elsewhere in the document ("Congress" for "Congressin").
    needs_alone: tuple[str, ...] = ()
    # Words the document must write apart elsewhere ("New York" for "NewYork").
    needs_spaced: str = ""
    # Capitalised parts that must stand alone as names: never written in
    # lower case in the document ("Ruth", "Facebook"; not "Automatic").
    needs_name: tuple[str, ...] = ()
    # The token's line must read as a sentence (see line_reads_as_sentence).
    in_sentence: bool = False

    def apply_to(self, token: str) -> str:
        """``token`` with the spaces put back."""
        bounds = (0, *self.cuts, len(token))
        return " ".join(token[low:high] for low, high in zip(bounds, bounds[1:]))

    def parts(self, token: str) -> list[str]:
        return self.apply_to(token).split(" ")


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
        or (first in lexicon.PREFIX_PARTS and not closed_second)
        or (second in lexicon.SUFFIX_PARTS and not closed_first)
    )


# Words that never follow an article ("the us can program" is "the uscan
# program", "the a time" is "the atime").
NEVER_AFTER_ARTICLE = lexicon.PRONOUNS | lexicon.ARTICLES | lexicon.AUXILIARIES | lexicon.PREPOSITIONS


def could_stand_beside(first: str, second: str) -> bool:
    """False for two words, already apart, that English does not put side by
    side: an article before a pronoun, an article, an auxiliary or a
    preposition ("the us", "the a", "an is"), a subject pronoun before a
    determiner or a pronoun ("we the", "they it"). Asked of a split's outer
    parts and the words beside the token."""
    return not (
        (first in lexicon.ARTICLES and second in NEVER_AFTER_ARTICLE)
        or (first in lexicon.SUBJECT_PRONOUNS and (second in lexicon.DETERMINERS or second in lexicon.PRONOUNS))
    )


def fits_between_neighbours(text: str, start: int, end: int, parts: list[str]) -> bool:
    """Whether the split ``parts`` of ``text[start:end]`` can stand beside the
    words just before and after it on its line (one blank apart)."""
    before = NEIGHBOUR_BEFORE.search(text, max(0, start - NEIGHBOUR_REACH), start)
    if before and not could_stand_beside(before.group(1).lower(), parts[0].lower()):
        return False
    after = NEIGHBOUR_AFTER.match(text, end)
    return not (after and not could_stand_beside(parts[-1].lower(), after.group(1).lower()))


def pair_kind(first: str, second: str) -> str:
    """``"prefix"``, ``"closed"`` or ``"open"``: which bar a split must clear."""
    if first in lexicon.PREFIX_WORDS and second not in lexicon.CLOSED_CLASS_WORDS:
        return "prefix"
    if first in lexicon.CLOSED_CLASS_WORDS or second in lexicon.CLOSED_CLASS_WORDS:
        return "closed"
    return "open"


# Closed-class words other than the particles that also make compounds ("logout", "giveaway").
FUNCTION_PARTS = lexicon.CLOSED_CLASS_WORDS - lexicon.AFFIX_PARTS


def pair_evidence(first: str, second: str) -> float:
    """How strongly English vouches for ``first second``, on the scale of
    zipf(a) + zipf(b): that sum (the pair's frequency if the words were
    independent, plus 9), or the pair's counted frequency plus 9 where the
    bigram table lists it, that is more, and one word is a function word
    ("as well", "bought some"; not "home page", which is as often "homepage")."""
    independent = lexicon.zipf(first) + lexicon.zipf(second)
    counted = lexicon.bigram_zipf(first, second)
    if counted is None:
        return independent
    if first not in FUNCTION_PARTS and second not in FUNCTION_PARTS and counted < OPEN_PAIR_MIN_COUNTED:
        return independent  # two open-class words are as often a compound ("manpages", "releasenotes")
    return max(independent, counted + 9.0)


def is_attested_pair(first: str, second: str) -> bool:
    """True when the bigram table lists the pair: English writes it, whatever
    the adjacency test would guess ("out of", "give up")."""
    return lexicon.bigram_zipf(first, second) is not None


def scored_splits(word: str, after_i: bool = False) -> list[tuple[float, int]]:
    """``(pair_evidence(a, b), index)`` for each way ``word`` divides into two
    words, best first. With ``after_i``, the word started with a capital I,
    which may stand alone."""
    scored = [
        (pair_evidence(word[:index], word[index:]), index)
        for index in range(1, len(word))
        if (is_part_word(word[:index]) or (after_i and index == 1)) and is_part_word(word[index:])
    ]
    return sorted(scored, reverse=True)


@lru_cache(maxsize=1 << 16)
def judge_lowercase_word(word: str, after_i: bool = False, bonus: float = 0.0) -> tuple[int, float] | None:
    """Where to cut a lowercase ``word`` in two and by how much the evidence
    clears the bar, or None when it should stay whole. ``bonus`` (zipf units)
    is granted to an unknown token that the document also writes apart."""
    candidates = scored_splits(word, after_i)
    if not candidates or word in lexicon.INFORMAL_WORDS or word in lexicon.REAL_WORDS_LIKE_JOINS:
        return None
    best_sum, index = candidates[0]
    first, second = word[:index], word[index:]
    if len(candidates) > 1 and best_sum - candidates[1][0] < AMBIGUITY_MARGIN:
        return None
    attested = is_attested_pair(first, second)
    counted = best_sum > lexicon.zipf(first) + lexicon.zipf(second)  # the table, not independence, vouches
    if not (attested or could_be_adjacent(first, second)) or not could_stand_beside(first, second):
        return None
    if after_i and first == "i" and lexicon.zipf(second) < AFTER_I_MIN_ZIPF:
        return None
    kind = pair_kind(first, second)
    token_zipf = lexicon.zipf(word)
    web_zipf = lexicon.compound_zipf(word) if token_zipf == lexicon.UNKNOWN_ZIPF and kind != "closed" else None
    if web_zipf is not None:
        # The web writes some compounds wordfreq does not list as one word
        # ("runlevel"); its counts also hold names of sites ("gohome"), so
        # the pair need only beat them by a smaller margin.
        excess = min(best_sum - 9.0 - web_zipf - WEB_COMPOUND_MARGIN, best_sum - UNKNOWN_TOKEN_MIN_SUM[kind])
    elif token_zipf == lexicon.UNKNOWN_ZIPF:
        excess = best_sum + bonus - UNKNOWN_TOKEN_MIN_SUM[kind]
    elif bonus:
        return None  # the document vouches only for tokens wordfreq has never seen
    else:
        function_pair = first in FUNCTION_PARTS or second in FUNCTION_PARTS
        margin = ATTESTED_KNOWN_TOKEN_MARGIN if counted and function_pair else KNOWN_TOKEN_MARGIN[kind]
        excess = best_sum - 9.0 - token_zipf - margin
    # Each part must be final, so that a second pass changes nothing.
    if excess < 0 or judge_lowercase_word(first, bonus=bonus) or judge_lowercase_word(second, bonus=bonus):
        return None
    return index, excess


def best_segmentations(word: str, start: int, parts: int) -> list[tuple[float, tuple[int, ...]]]:
    """The two most likely ways (``(log-probability in zipf units, cuts)``) to
    read ``word[start:]`` as at most ``parts`` words; a dynamic program over
    ``(start, parts)`` through ``_segmentations``."""
    return _segmentations(word, start, parts)


@lru_cache(maxsize=1 << 14)
def _segmentations(word: str, start: int, parts: int) -> list[tuple[float, tuple[int, ...]]]:
    found = []
    rest = word[start:]
    if is_part_word(rest):
        found.append((lexicon.zipf(rest) - 9.0, ()))
    if parts > 1:
        for end in range(start + 1, len(word)):
            head = word[start:end]
            if not is_part_word(head):
                continue
            for score, cuts in _segmentations(word, end, parts - 1):
                found.append((lexicon.zipf(head) - 9.0 + score, (end, *cuts)))
    return sorted(found, reverse=True)[:2]


def clear_reading(word: str) -> tuple[tuple[int, ...], list[str]] | None:
    """The cuts and parts of the most likely reading of an unknown lowercase
    ``word`` as three or four words, when it beats the next reading by
    AMBIGUITY_MARGIN; None for a known word, a web compound or a short token."""
    if len(word) < SHORTEST_SEGMENTED_TOKEN or lexicon.zipf(word) != lexicon.UNKNOWN_ZIPF:
        return None
    if lexicon.compound_zipf(word) is not None:
        return None
    readings = best_segmentations(word, 0, MOST_PARTS)
    if not readings or len(readings[0][1]) < 2:
        return None
    if len(readings) > 1 and readings[0][0] - readings[1][0] < AMBIGUITY_MARGIN:
        return None
    cuts = readings[0][1]
    bounds = (0, *cuts, len(word))
    return cuts, [word[low:high] for low, high in zip(bounds, bounds[1:])]


def segment_lowercase_word(word: str, bonus: float = 0.0) -> tuple[tuple[int, ...], float] | None:
    """``aworkshopthat`` -> cuts (1, 9): an unknown lowercase ``word`` read as
    three or four words, when the most likely reading beats the next by
    AMBIGUITY_MARGIN and every neighbouring pair clears the bar a two-word
    join must clear."""
    reading = clear_reading(word)
    if reading is None:
        return None
    cuts, parts = reading
    if any(len(part) > 2 and lexicon.zipf(part) < SEGMENTED_PART_MIN_ZIPF for part in parts):
        return None
    for first, second in zip(parts, parts[1:]):
        joined = first + second
        if lexicon.zipf(joined) != lexicon.UNKNOWN_ZIPF and not judge_lowercase_word(joined):
            return None  # two neighbours may be one word ("in it" or "init" in "initsystem")
    excess = float("inf")
    for first, second in zip(parts, parts[1:]):
        if not (is_attested_pair(first, second) or could_be_adjacent(first, second)) or not could_stand_beside(first, second):
            return None
        pair_sum = pair_evidence(first, second) + bonus
        excess = min(excess, pair_sum - UNKNOWN_TOKEN_MIN_SUM[pair_kind(first, second)])
    if excess < 0 or any(judge_lowercase_word(part, bonus=bonus) for part in parts):
        return None
    return cuts, excess


@lru_cache(maxsize=1 << 16)
def segment_with_document(word: str) -> tuple[tuple[int, ...], float, tuple[str, ...]] | None:
    """``bytargetsunder`` -> cuts (2, 9) if the document writes "targets"
    alone: an unknown lowercase ``word`` read as three or four words, with a
    function word between any two others, and the pairs' bar lowered by
    DOCUMENT_EVIDENCE_BONUS and a part as rare as LONG_PART_MIN_ZIPF allowed
    ("asmuttwas"). Returns the cuts, the excess and the parts the document
    must show alone (every one that is not a closed-class word)."""
    reading = clear_reading(word)
    if reading is None:
        return None
    cuts, parts = reading
    closed = [part in lexicon.CLOSED_CLASS_WORDS for part in parts]
    if not any(closed) or any(not a and not b for a, b in zip(closed, closed[1:])):
        return None  # two open-class words side by side are as often a compound ("my packagename")
    excess = float("inf")
    for first, second in zip(parts, parts[1:]):
        joined = first + second
        if lexicon.zipf(joined) != lexicon.UNKNOWN_ZIPF and not judge_lowercase_word(joined):
            return None  # two neighbours may be one word
        if not could_stand_beside(first, second):
            return None
        # An affix that is also a function word ("targets under", "exist
        # some") stands apart where the two are no word together.
        affix_apart = lexicon.zipf(joined) == lexicon.UNKNOWN_ZIPF and (
            first in FUNCTION_PARTS or second in lexicon.CLOSED_CLASS_WORDS
        )
        if not (is_attested_pair(first, second) or could_be_adjacent(first, second) or affix_apart):
            return None
        excess = min(excess, pair_evidence(first, second) - UNKNOWN_TOKEN_MIN_SUM[pair_kind(first, second)])
    if excess + DOCUMENT_EVIDENCE_BONUS < 0 or any(judge_lowercase_word(part) for part in parts):
        return None
    if excess < 0:  # the document must show every word but the function words
        return cuts, excess + DOCUMENT_EVIDENCE_BONUS, tuple(part for part, shut in zip(parts, closed) if not shut)
    # Strong enough alone, but for a rare word, unless function words hold it on both sides ("was transfixed on").
    held = [False, *(a and b for a, b in zip(closed, closed[2:])), False]
    rare = tuple(
        part for part, inside in zip(parts, held)
        if lexicon.zipf(part) < SEGMENTED_PART_MIN_ZIPF and not (inside and lexicon.zipf(part) >= HELD_PART_MIN_ZIPF)
    )
    return cuts, excess, rare


@lru_cache(maxsize=1 << 16)
def lowercase_cuts(word: str, after_i: bool = False, bonus: float = 0.0) -> tuple[tuple[int, ...], float] | None:
    """Where to cut a lowercase ``word`` (into two words, else three or four)."""
    judged = judge_lowercase_word(word, after_i, bonus)
    if judged:
        return (judged[0],), judged[1]
    if after_i or word in lexicon.REAL_WORDS_LIKE_JOINS:
        return None
    return segment_lowercase_word(word, bonus)


def lowercase_splits(token: str) -> list[Split]:
    """``prisonersof`` -> ``prisoners of``; ``satonthe`` -> ``sat on the``;
    and, where the document writes the words apart elsewhere, ``returnflight``."""
    found = []
    judged = lowercase_cuts(token)
    if judged:
        found.append(Split(*judged))
    elif lexicon.zipf(token) == lexicon.UNKNOWN_ZIPF:
        vouched = lowercase_cuts(token, bonus=DOCUMENT_EVIDENCE_BONUS)
        if vouched:
            found.append(Split(*vouched, needs_spaced=Split(*vouched).apply_to(token)))
        segmented = segment_with_document(token)
        if segmented:
            cuts, excess, needs = segmented
            found.append(Split(cuts, excess, needs_alone=needs))
        found += splits_beside_document_word(token)
    return found


def splits_beside_document_word(token: str, at_sentence_start: bool = False) -> list[Split]:
    """``theudev`` -> ``the udev``, ``dpkgwill`` -> ``dpkg will``: a function
    word and a word wordfreq may not know, where the document writes that word
    alone. Only function words that make no technical words ("no", "in",
    "on" do: "nodev", "stdin", "onboot")."""
    lower = token.lower()
    if lexicon.zipf(lower) != lexicon.UNKNOWN_ZIPF or lexicon.compound_zipf(lower) is not None:
        return []
    found = []
    for word in lexicon.FUNCTION_WORDS_BESIDE_TERMS:
        rest_size = len(token) - len(word)
        if rest_size < SHORTEST_NAME:
            continue
        if lower.startswith(word) and token[len(word):].islower():
            found.append(Split((len(word),), NAME_SPLIT_EXCESS, at_sentence_start, needs_alone=(token[len(word):],)))
        if lower.endswith(word) and not at_sentence_start and token.islower():
            found.append(Split((rest_size,), NAME_SPLIT_EXCESS, needs_alone=(token[:rest_size],)))
    return found


def capitalised_splits(token: str) -> list[Split]:
    """``Prisonersof`` at a sentence start; ``Congressin`` anywhere, where the
    document shows ``Congress`` alone."""
    found = []
    lower = token.lower()
    judged = lowercase_cuts(lower, after_i=token[0] == "I")
    if judged:
        cuts, excess = judged
        if cuts == (1,) and token[0] == "I":
            return [Split(cuts, excess)]
        if lexicon.zipf(lower[: cuts[0]]) >= CAPITALISED_FIRST_PART_MIN_ZIPF:
            found.append(Split(cuts, excess, at_sentence_start=True))
    return found + splits_after_name(token) + splits_beside_document_word(token, at_sentence_start=True)


def splits_after_name(token: str) -> list[Split]:
    """``Bloombergentered`` -> ``Bloomberg entered``: a name then a common
    lowercase word, where the name stands alone elsewhere in the document.
    Every such cut is a candidate; the document picks the one whose name it shows."""
    if lexicon.zipf(token.lower()) != lexicon.UNKNOWN_ZIPF:
        return []
    found = []
    for index in range(SHORTEST_NAME, len(token) - 1):
        name, word = token[:index], token[index:]
        if not is_part_word(word) or word in lexicon.SUFFIX_PARTS:
            continue
        if word not in lexicon.CLOSED_CLASS_WORDS and lexicon.zipf(word) < WORD_AFTER_NAME_MIN_ZIPF:
            continue
        if split_joined_token(name) or lowercase_cuts(word):
            continue  # each part must be final
        # A name and a common word are often one brand ("Sportsradio 66 WFAN"):
        # only in a sentence, unless the word is a function word.
        in_sentence = word not in lexicon.CLOSED_CLASS_WORDS
        found.append((lexicon.zipf(word), Split((index,), NAME_SPLIT_EXCESS, needs_alone=(name,), in_sentence=in_sentence)))
    # A common capitalised word then a function word ("Perimeterin", "Rightsare")
    # needs no evidence from the document, if it is the only such reading.
    common = [
        split for _, split in found
        if token[split.cuts[0]:] in lexicon.CLOSED_CLASS_WORDS and len(token) - split.cuts[0] >= 2
        and lexicon.zipf(token[: split.cuts[0]].lower()) >= COMMON_NAME_BEFORE_JOINER_ZIPF
    ]
    unvouched = [Split(common[0].cuts, NAME_SPLIT_EXCESS)] if len(common) == 1 else []
    return unvouched + [split for _, split in sorted(found, reverse=True)]


# A token's humps: runs of capitals before a capitalised word ("CNN" in
# "CNNReports"), runs of capitals at the end, and words with at most one capital.
HUMP = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]+(?![a-z])|[A-Z]?[a-z]+")


def is_name_shaped(hump: str, after_closed: bool) -> bool:
    """A capitalised word ("Joe") or an acronym ("CNN"; "UK" only after a closed-class word)."""
    if hump.isupper():
        return len(hump) >= (2 if after_closed else 3)
    return len(hump) >= 2 and hump[0].isupper() and hump[1:].islower()


def mixed_case_splits(token: str) -> list[Split]:
    """Splits at case boundaries: ``forJoe``, ``toldCNN``, ``onWordPress`` ->
    ``on WordPress``, ``TheUnited``, ``PresidentMusharraf``, and ``JoeBiden``
    where the document writes "Joe Biden". A token wordfreq knows in lower
    case is a brand or a name (``iPhone``, ``YouTube``, ``GitHub``) and splits
    only on the last kind of evidence."""
    humps = HUMP.findall(token)
    if "".join(humps) != token or len(humps) < 2:
        return []
    brand = lexicon.zipf(token.lower()) != lexicon.UNKNOWN_ZIPF
    first = humps[0]
    cut = len(first)
    rest = token[cut:]
    if first.islower():
        closed = first in lexicon.CLOSED_CLASS_WORDS and first != "i"
        if brand and not closed:
            return []  # wordfreq lists "watchos" and "onwordpress" no more than "inspite"
        if not (closed or (len(first) >= 3 and lexicon.zipf(first) >= WORD_BEFORE_NAME_MIN_ZIPF)):
            return []
        if lowercase_cuts(first):
            return []
        needs: tuple[str, ...] = ()
        if len(humps) == 2:
            if not is_name_shaped(rest, closed):
                return []
        elif lexicon.zipf(rest.lower()) == lexicon.UNKNOWN_ZIPF:
            # A longer camelCase name ("theNotAutomatic"): after a closed-class
            # word, if the document writes it alone; else an identifier ("getElementById").
            if not closed:
                return []
            needs = (rest,)
        excess = BEFORE_CAPITAL_EXCESS if closed else BEFORE_CAPITAL_EXCESS - 1.0
        combined = [
            Split((cut, *(cut + c for c in split.cuts)), min(excess, split.excess), False,
                  split.needs_alone, split.needs_spaced, split.needs_name, split.in_sentence)
            for split in split_joined_token(rest)
            if not split.at_sentence_start
        ]
        return [*combined, Split((cut,), excess, needs_alone=needs)]
    joined_names = splits_between_names(humps)
    if len(humps) != 2 or not is_name_shaped(rest, after_closed=True):
        return joined_names
    found = joined_names
    if not brand and first in lexicon.CAPITALISED_BEFORE_NAME and len(rest) >= 3:
        found.append(Split((cut,), BEFORE_CAPITAL_EXCESS))
    elif not brand and first in lexicon.TITLE_WORDS:
        found.append(Split((cut,), BEFORE_CAPITAL_EXCESS, needs_alone=(rest,)))
    elif not brand and len(first) >= SHORTEST_NAME and len(rest) >= SHORTEST_NAME and not rest.isupper():
        # Two capitalised words the document writes alone ("JusticesRuth",
        # "FacebookLogin"); not an acronym ("OpenAI"), nor a name wordfreq knows,
        # nor a name the document repeats ("NotAutomatic": see RECURRING_TOKEN_EXTRA).
        found.append(Split((cut,), NAME_SPLIT_EXCESS, needs_alone=(first,), needs_name=(rest,)))
    found.append(Split((cut,), BEFORE_CAPITAL_EXCESS, needs_spaced=f"{first} {rest}"))
    return found


# A name before a joiner (the "Ginsburg" of "GinsburgandElena") is at least this long,
# and common enough as a word not to need the document's word for it.
SHORTEST_NAME_BEFORE_JOINER = 3
COMMON_NAME_BEFORE_JOINER_ZIPF = 4.0


# Function words found run into the end of the last of several capitalised
# words, longest first ("SkyDriveare", "JavaScriptis").
JOINERS_AFTER_NAMES = sorted(
    (word for word in lexicon.CLOSED_CLASS_WORDS if len(word) >= 2), key=len, reverse=True
)


def splits_between_names(humps: list[str]) -> list[Split]:
    """``GinsburgandElena`` -> ``Ginsburg and Elena``, ``GameonTwitterandFacebook``
    -> ``Game on Twitter and Facebook``: capitalised words with a lowercase
    closed-class word run into the end of all but the last ("and", "or",
    "on"...). A hump wordfreq knows whole is a name ("Brandon", "Clinton"); a
    name that is not a common word must stand alone in the document."""
    cuts: list[int] = []
    needs: list[str] = []
    offset = 0
    for hump in humps[:-1]:
        offset += len(hump)
        if not (hump[0].isupper() and hump[1:].islower()):
            return []
        if lexicon.zipf(hump.lower()) != lexicon.UNKNOWN_ZIPF:
            continue
        joiner = next((word for word in lexicon.JOINERS_BETWEEN_NAMES if hump.endswith(word)), None)
        if joiner is None:
            continue
        name = hump[: -len(joiner)]
        if len(name) < SHORTEST_NAME_BEFORE_JOINER:
            continue
        if lexicon.zipf(name.lower()) < COMMON_NAME_BEFORE_JOINER_ZIPF:
            needs.append(name)
        cuts += [offset - len(joiner), offset]
    last = humps[-1]
    if not is_name_shaped(last, after_closed=True):
        return []
    # The last word may end in one too ("andSkyDriveare" -> "and SkyDrive are").
    ending = next(
        (word for word in JOINERS_AFTER_NAMES if last.endswith(word) and len(last) - len(word) >= SHORTEST_NAME_BEFORE_JOINER),
        None,
    )
    if ending and not last.isupper() and lexicon.zipf(last.lower()) == lexicon.UNKNOWN_ZIPF:
        name = last[: -len(ending)]
        if lexicon.zipf(name.lower()) < COMMON_NAME_BEFORE_JOINER_ZIPF:
            needs.append(name)
        cuts.append(offset + len(name))
    if not cuts:
        return []
    return [Split(tuple(cuts), BEFORE_CAPITAL_EXCESS, needs_alone=tuple(needs))]


def split_before_final_i(token: str) -> list[Split]:
    """``"canI"`` / ``"IfI"`` -> ``"can I"`` / ``"If I"`` after a closed-class word."""
    head = token[:-1]
    if not (head.islower() or (head[0].isupper() and head[1:].islower())):
        return []
    lower = head.lower()
    if lower in lexicon.CLOSED_CLASS_WORDS and could_be_adjacent(lower, "i"):
        return [Split((len(head),), BEFORE_CAPITAL_EXCESS, at_sentence_start=not head.islower())]
    return []


@lru_cache(maxsize=1 << 16)
def split_joined_token(token: str) -> tuple[Split, ...]:
    """The ways to repair ``token``, most trusted first (``"Prisonersof"`` ->
    ``"Prisoners of"`` at a sentence start); empty when it should stay whole.
    The first whose conditions the document meets is made."""
    if token.islower():
        return tuple(lowercase_splits(token))
    if token[0].isupper() and token[1:].islower():
        return tuple(capitalised_splits(token))
    if token.endswith("I") and len(token) > 2 and token[-2].islower():
        return tuple(split_before_final_i(token))
    return tuple(mixed_case_splits(token))


def starts_sentence(text: str, start: int) -> bool:
    """True when the token at ``start`` opens a sentence, a line or the text."""
    index = start - 1
    while index >= 0 and (text[index] in SENTENCE_OPENERS or text[index] in INLINE_BLANKS):
        index -= 1
    return index < 0 or text[index] in SENTENCE_ENDS


def starts_line(text: str, start: int) -> bool:
    """True when the token at ``start`` opens its line (or the text)."""
    index = start - 1
    while index >= 0 and (text[index] in SENTENCE_OPENERS or text[index] in INLINE_BLANKS):
        index -= 1
    return index < 0 or text[index] == "\n"


def line_reads_as_sentence(text: str, start: int, end: int, parts: list[str]) -> bool:
    """True when the line holding ``text[start:end]`` (a token split into
    ``parts``) reads as a sentence, not as a menu entry, a title or a name
    ("Sitemap & search", "Geneon Universal Entertainment"): it has an English
    function word outside the token, or the split makes one and a lowercase
    word follows ("Showthe first 20 comments", "Designedin house")."""
    low = text.rfind("\n", 0, start) + 1
    high = text.find("\n", end)
    following = WORDS.findall(text, end, high if high >= 0 else len(text))
    others = WORDS.findall(text, low, start) + following
    if any(word.lower() in LINE_FUNCTION_WORDS for word in others):
        return True
    makes_function_word = any(part.lower() in lexicon.CLOSED_CLASS_WORDS for part in parts)
    return makes_function_word and bool(following) and following[0][0].islower()


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
            if len(paragraph) > 2 * LONGEST_PARAGRAPH and _has_more_words(paragraph, LONGEST_PARAGRAPH):
                self.long_paragraphs.add(start)
            else:
                verdict, share = english_verdict_and_share(paragraph)
                if verdict is None:
                    verdict = self.english_around(start, end)
                # Function words shared with English ("to", "do", "a" in Polish)
                # can outvote a foreign paragraph; its vocabulary cannot.
                self.verdicts[start] = verdict and share >= ENGLISH_VOCABULARY_VETO
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
            verdict = lexicon.verdict_from_votes(*self.index.votes(low, high))
        else:
            low, high = words_before(self.text, start), words_after(self.text, end)
            verdict = lexicon.english_verdict(self.text[low:high])
        if verdict is None and low == 0 and high == len(self.text):
            # The whole text is too short for the function-word vote (a
            # headline, a title, one field of a record): its vocabulary decides.
            return lexicon.reads_as_english_vocabulary(self.text)
        return verdict is True


def english_verdict_and_share(text: str) -> tuple[bool | None, float]:
    """``lexicon.english_verdict_and_share``, except that names do not count
    against English: a single foreign function word gives no verdict (names
    carry them: "Lauren del Valle", "Vincent van Gogh"; a stretch too short to
    outvote one is judged with its neighbourhood instead), and the share of
    common English words is that of the words in lower case."""
    verdict, share = lexicon.english_verdict_and_share(text)
    if verdict is False and lexicon.english_votes(text)[2] < 2:
        verdict = None
    if share < ENGLISH_VOCABULARY_VETO:
        # Names are rare words in any language ("Lauren del Valle and Kara
        # Scannell"): the vocabulary is judged on the words in lower case.
        lowercase = [word for word in WORDS.findall(text) if word[0].islower()]
        share = lexicon.english_vocabulary_share(" ".join(lowercase)) if len(lowercase) >= 3 else 1.0
    return verdict, share


def windows_before_index(size: int) -> int:
    """How many windows EnglishCheck reads directly in a text of ``size``
    characters before it indexes the text's words. Indexing a 256 Ki
    segment costs about as much as reading 160 windows (19 ms against 120 us
    each); waiting for one window per 500 characters keeps ordinary prose,
    with its short paragraphs, from paying for an index it barely uses."""
    return max(64, size // 500)


def _has_more_words(text: str, count: int) -> bool:
    """Whether ``text`` has more than ``count`` words (counting no further:
    a paragraph may be a whole line of a megabyte)."""
    return next(islice(WORDS.finditer(text), count, None), None) is not None


class WordIndex:
    """Every word of a text in order, with running counts of English and of
    German or French function words: a window's votes are a few subtractions.
    Gives exactly what ``words_before``, ``words_after`` and
    ``lexicon.english_votes`` on the slice would."""

    def __init__(self, size: int, lowered: str):
        self.size = size
        # Arrays, not lists: a 1 MB line has some 200,000 words, and a list
        # holds an int object for each entry.
        self.starts = array("q")
        self.ends = array("q")
        self.english = array("q", [0])
        self.other = array("q", [0])
        english = other = 0
        for match in WORDS.finditer(lowered):
            self.starts.append(match.start())
            self.ends.append(match.end())
            word = match.group()
            english += word in lexicon.ENGLISH_STOPWORDS
            other += word in lexicon.FOREIGN_STOPWORDS
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


# Letter runs are collected this many bytes at a time: a long text never
# holds a list of all its words at once (a 1 MB line has some 200,000).
LETTER_RUN_SLICE = 1 << 16


def letter_runs(text: str) -> set[bytes]:
    """Every distinct run of ASCII letters in ``text``, as bytes."""
    letters = text.encode("utf-8", "surrogatepass").translate(NOT_ASCII_LETTER_TO_SPACE)
    runs: set[bytes] = set()
    start = 0
    while start < len(letters):
        end = letters.find(b" ", start + LETTER_RUN_SLICE)  # slices end at a space, between runs
        end = len(letters) if end < 0 else end
        runs.update(letters[start:end].split())
        start = end
    return runs


def case_variants(token: str) -> set[str]:
    """The spellings of ``token`` that count as the same word for recurrence."""
    lower = token.lower()
    return {token, lower, lower.capitalize(), lower.upper()}


def in_technical_place(text: str, start: int, end: int) -> bool:
    """True when the letter run ``text[start:end]`` is glued to a mark of code
    rather than prose: it ends a path, follows a variable's mark or an option's
    dash, continues an identifier, an assignment or an address, or stands in a
    list with no spaces ("/usr/sbin/nologin", "-nolisten", "user_name",
    "defaults,nodev,noexec"). Only marks a careless converter does not make:
    it glues a word to the code that follows ("the/etc/fstab"), so a mark
    after the run counts only where it continues a name ("_", "=", "@")."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before and before in TECHNICAL_MARKS:
        return True
    if after and after in TECHNICAL_CONTINUATIONS:
        return True
    if before == ":" and start >= 2 and text[start - 2] == ":":
        return True
    if before == "-" and (start < 2 or text[start - 2] in " \t\n-"):
        return True
    return before == "," and after == ","


def is_quoted_literal(text: str, start: int, end: int) -> bool:
    """True for a run that is all of a quoted string: a lowercase one in
    straight double quotes, as documentation names an option or a value
    ("noatime", "noglob"), or a mixed-case one in double quotes of any kind,
    as a nickname or a brand is quoted (“TheShy”); or one in angle brackets,
    a placeholder ("<DebianArchitecture>")."""
    if not (0 < start and end < len(text)):
        return False
    before, after = text[start - 1], text[end]
    if before == "<" and after == ">":
        return True  # a placeholder or a tag ("foo_<DebianArchitecture>.deb")
    if before == '"' == after:
        return text[start:end].islower() or not text[start + 1 : end].islower()
    return before == "“" and after == "”" and not text[start + 1 : end].islower()


def in_code_line(text: str, position: int, verdicts: dict[int, bool]) -> bool:
    """True when the line holding ``position`` reads as code or configuration
    (``spans.reads_as_code``) and has no English function word
    ("mydestination = example.com"); ``verdicts`` caches lines by their start."""
    low = text.rfind("\n", 0, position) + 1
    if low not in verdicts:
        high = text.find("\n", position)
        line = text[low : high if high >= 0 else len(text)]
        # (Not for a final ";" alone: verse and lists end lines so too. A
        # paragraph on one line is prose: it is not read at all.)
        verdicts[low] = (
            len(line) <= LONGEST_CODE_LINE
            and reads_as_code(line.rstrip().rstrip(";"))
            and not any(word.lower() in LINE_FUNCTION_WORDS for word in WORDS.findall(line))
        )
    return verdicts[low]


def token_starts(text: str, spellings: set[str], technical: set[str] | None = None) -> list[tuple[int, str, str]]:
    """``(offset, token, place)``, in order, wherever one of ``spellings``
    stands as a whole token (``place`` "word"), as the lowercase end of a
    hyphenated compound ("hyphen") or after an apostrophe ("apostrophe").
    Spellings found elsewhere as a whole letter run in a technical place
    (``in_technical_place``) are added, lowercased, to ``technical``."""
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
    code_lines: dict[int, bool] = {}
    for start in found:
        for place, boundary in TOKEN_PLACES:
            match = boundary.match(text, start)
            if match and match.group("token") in spellings:
                starts.append((start, match.group("token"), place))
                if technical is not None and (
                    is_quoted_literal(text, start, match.end("token")) or in_code_line(text, start, code_lines)
                ):
                    technical.add(match.group("token").lower())
                break
        else:
            if technical is None or (start and text[start - 1].isascii() and text[start - 1].isalpha()):
                continue
            run = LETTER_RUN.match(text, start)
            if run.group() in spellings and in_technical_place(text, start, run.end()):
                technical.add(run.group().lower())
    return starts


@lru_cache(maxsize=1 << 16)
def contraction_split(token: str) -> tuple[Split, ...]:
    """``sforum`` in ``user’sforum`` -> ``s forum``: after an apostrophe, a
    contraction or possessive ending ("s", "ve", "ll"...) and a word."""
    if not token.islower() or lexicon.zipf(token) != lexicon.UNKNOWN_ZIPF:
        return ()
    for size in (2, 1):
        ending, word = token[:size], token[size:]
        if ending in lexicon.CONTRACTION_ENDINGS and lexicon.zipf(word) >= WORD_AFTER_CONTRACTION_MIN_ZIPF:
            if is_part_word(word) and not lowercase_cuts(word):
                return (Split((size,), NAME_SPLIT_EXCESS),)
    return ()


def reads_as_command(line: str) -> bool:
    """True for a line that reads as a command, configuration, a path or an
    identifier rather than prose: shell and code marks, or a short line that
    starts in lower case with no English function word and no punctuation."""
    words = WORDS.findall(line)
    if COMMAND_MARKS.search(line):
        # A long line that reads as English is prose that mentions code
        # ("characters such as { } | ;"), unless it starts at a shell prompt.
        return not (
            len(words) >= PROSE_LINE_WORDS
            and PROSE_LINE_FUNCTION_SHARE * len(words) <= sum(word.lower() in lexicon.ENGLISH_STOPWORDS for word in words)
            and not SHELL_PROMPT.match(line)
        )
    stripped = line.strip()
    if len(words) <= 1:
        return True
    return (
        len(words) <= SHORT_COMMAND_WORDS
        and stripped[:1].islower()
        and not any(word.lower() in lexicon.ENGLISH_STOPWORDS for word in words)
        and not PROSE_MARKS.search(stripped)
    )


def reads_as_other_language(line: str) -> bool:
    """True for a line whose own words say it is not English, whatever its
    paragraph says: a paragraph can mix a translation with English quotations."""
    verdict, share = english_verdict_and_share(line)
    return verdict is False or (share < ENGLISH_VOCABULARY_VETO and len(WORDS.findall(line)) >= SHORTEST_FOREIGN_LINE)


class LineCheck:
    """Answers "does the line at this position read as English prose?", once
    per line. ``text`` is read as it reads with every candidate split at a
    case boundary made (as ``with_every_split`` gives it): a short line is told
    from a command by its function words, and a lowercase word glued to a name
    brings one ("powered byDisqus", "byJustin Yu"); the verdicts are then the
    same on a second run. Splits of lowercase tokens do not count: "prisonersof
    war" alone on a line is too little to tell from a command."""

    def __init__(self, text: str):
        self.text = text
        self.verdicts: dict[int, bool] = {}

    def __call__(self, position: int) -> bool:
        start = self.text.rfind("\n", 0, position) + 1
        if start not in self.verdicts:
            end = self.text.find("\n", position)
            line = self.text[start : end if end >= 0 else len(self.text)]
            self.verdicts[start] = not (reads_as_command(line) or reads_as_other_language(line))
        return self.verdicts[start]

    def alone_on_line(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` is the only word on its line: a menu
        entry, a brand or a name ("doTERRA"), which a split would make read as
        prose ("do TERRA")."""
        low = self.text.rfind("\n", 0, start) + 1
        high = self.text.find("\n", end)
        high = len(self.text) if high < 0 else high
        return not (WORDS.search(self.text, low, start) or WORDS.search(self.text, end, high))


def has_case_boundary(token: str) -> bool:
    """True for a token with a capital after its first letter ("byDisqus", "JoeBiden")."""
    return any(letter.isupper() for letter in token[1:])


def with_every_split(
    text: str, occurrences: list[tuple[int, str, Split]]
) -> tuple[str, list[int]]:
    """``text`` as it reads with every candidate token split, and the offsets in
    ``text`` where the spaces go. The language is judged on that text: a split
    adds function words ("prisoners of"), so judging the text as it is would
    let a second run, seeing more of them, split what the first did not."""
    pieces, spaces_at, last = [], [], 0
    for start, token, split in occurrences:
        pieces += [text[last:start], split.apply_to(token)]
        spaces_at += [start + cut for cut in split.cuts]
        last = start + len(token)
    pieces.append(text[last:])
    return "".join(pieces), spaces_at


class Evidence:
    """What the document shows: which words stand alone in it and which words
    it writes apart ("New York"), in its text or in the splits this rule may
    make. Splits that need no evidence count from the start; one that needs
    some counts once the document vouches for it, until nothing changes. What a
    token's own splits would show does not count for it. Evidence only grows
    when a split is made, so a second run sees what the first saw."""

    def __init__(self, text: str, runs: set[bytes], proposals: list[tuple[str, tuple[Split, ...]]]):
        self.text = text
        self.runs = runs
        self.made_by: dict[str, set[str]] = {}
        self.split_texts: list[tuple[str, str]] = []
        self.possible: set[tuple[str, Split]] = set()
        pending = []
        for token, splits in proposals:
            for split in splits:
                if split.needs_alone or split.needs_spaced or split.needs_name:
                    pending.append((token, split))
                else:
                    self.admit(token, split)
        while pending:
            admitted = [(token, split) for token, split in pending if self.allows(token, split)]
            if not admitted:
                break
            for token, split in admitted:
                self.admit(token, split)
            pending = [item for item in pending if item not in self.possible]

    def admit(self, token: str, split: Split) -> None:
        self.possible.add((token, split))
        self.split_texts.append((token, split.apply_to(token)))
        for part in split.parts(token):
            self.made_by.setdefault(part, set()).add(token)

    def stands_alone(self, part: str, token: str) -> bool:
        return part.encode("ascii") in self.runs or bool(self.made_by.get(part, set()) - {token})

    def writes_apart(self, spaced: str, token: str) -> bool:
        """Whether the text, or another token's split, has the words of ``spaced`` apart."""
        if not all(self.stands_alone(part, token) for part in spaced.split(" ")):
            return False  # (a quick test that the search below could succeed)
        return spaced in self.text or any(spaced in made for other, made in self.split_texts if other != token)

    def allows(self, token: str, split: Split) -> bool:
        if split.needs_spaced and not self.writes_apart(split.needs_spaced, token):
            return False
        parts = split.parts(token)
        if len(parts) > 2 and any((a + b).encode("ascii") in self.runs for a, b in zip(parts, parts[1:])):
            return False  # the document writes two of the parts as one word ("the dialout group")
        return all(self.stands_alone(part, token) for part in split.needs_alone) and all(
            self.shows_name(part, token) for part in split.needs_name
        )

    def shows_name(self, part: str, token: str) -> bool:
        """Whether ``part`` stands alone as a name: the document never writes
        it in lower case, as it does a common word that opens a sentence or a
        title ("Automatic", "Architecture")."""
        return part.lower().encode("ascii") not in self.runs and self.stands_alone(part, token)

    def vouched(self, proposals: dict[str, tuple[Split, ...]]) -> dict[str, tuple[Split, ...]]:
        """``proposals`` keeping only the splits the document allows, and the tokens left with one."""
        kept = {token: tuple(split for split in splits if (token, split) in self.possible) for token, splits in proposals.items()}
        return {token: splits for token, splits in kept.items() if splits}


# Letter runs known to have no candidate split (most words), remembered up to a bound.
RUNS_WITHOUT_PROPOSALS: set[bytes] = set()
MOST_REMEMBERED_RUNS = 1 << 18


@lru_cache(maxsize=1 << 16)
def run_proposals(run: bytes) -> tuple[tuple[Split, ...], tuple[Split, ...]] | None:
    """The candidate splits of one letter run, as a word and after an
    apostrophe; None for the many runs with neither (one cached lookup each)."""
    if not SHORTEST_TOKEN - 1 <= len(run) <= LONGEST_TOKEN:
        return None
    token = run.decode("ascii")
    as_word = split_joined_token(token) if len(run) >= SHORTEST_TOKEN else ()
    after_apostrophe = contraction_split(token)
    return (as_word, after_apostrophe) if as_word or after_apostrophe else None


def proposals_in(
    text: str, runs: set[bytes], keep: frozenset[str]
) -> tuple[dict[str, tuple[Split, ...]], dict[str, tuple[Split, ...]]]:
    """Candidate splits for the letter runs of ``text``: as a word, and after an apostrophe."""
    as_word, after_apostrophe = {}, {}
    has_apostrophe = "'" in text or "’" in text
    for run in runs - RUNS_WITHOUT_PROPOSALS:  # a set difference at C speed drops the common words
        found = run_proposals(run)
        if found is None:
            if len(RUNS_WITHOUT_PROPOSALS) < MOST_REMEMBERED_RUNS:
                RUNS_WITHOUT_PROPOSALS.add(run)
            continue
        token = run.decode("ascii")
        if keep and token.lower() in keep:
            continue
        if found[0]:
            as_word[token] = found[0]
        if found[1] and has_apostrophe:
            after_apostrophe[token] = found[1]
    return as_word, after_apostrophe


def find_edits(text: str, keep: frozenset[str] = frozenset()) -> list[Edit]:
    """Where to insert a space into each token that is English words run
    together, in ``text``'s coordinates. A pass is repeated on its own result
    (at most MOST_PASSES times) when it says a second could change more, so
    that the rule alone is idempotent."""
    spaces: list[int] = []  # insertion points in ``text``, sorted
    current = text
    only: frozenset[str] | None = None
    for _ in range(MOST_PASSES):
        edits, settled, left_joined = find_edits_once(current, keep, only)
        # The k-th earlier space stands at spaces[k] + k in ``current``.
        landed = [point + k for k, point in enumerate(spaces)]
        spaces = sorted(spaces + [edit.start - bisect_left(landed, edit.start) for edit in edits])
        if (settled and not left_joined) or not edits:
            break
        # Only the tokens left joined can change, unless a split made a new candidate.
        only = left_joined if settled else None
        current = apply_edits(text, [Edit(point, point, " ") for point in spaces])
    return [Edit(point, point, " ", "joined words") for point in spaces]


def find_edits_once(
    text: str, keep: frozenset[str] = frozenset(), only: frozenset[str] | None = None
) -> tuple[list[Edit], bool, frozenset[str]]:
    """One pass of ``find_edits``: its edits, whether a second pass could
    change more, and the tokens (lowercased) split somewhere and left joined
    elsewhere, which a second pass judges again. Evidence, language and
    recurrence are judged on every token at once, the language on the text as
    it reads with every split made, so a second pass cannot change more unless
    a split left a part that is itself a candidate, or left the same token
    joined elsewhere. With ``only``, just those tokens are judged (every
    token's candidate splits still count as evidence)."""
    runs = letter_runs(text)
    as_word, after_apostrophe = proposals_in(text, runs, keep)
    if not as_word and not after_apostrophe:
        return [], True, frozenset()
    evidence = Evidence(text, runs, [*as_word.items(), *after_apostrophe.items()])
    proposed = set(as_word) | set(after_apostrophe)
    as_word, after_apostrophe = evidence.vouched(as_word), evidence.vouched(after_apostrophe)
    if only is not None:
        as_word = {token: splits for token, splits in as_word.items() if token.lower() in only}
        after_apostrophe = {token: splits for token, splits in after_apostrophe.items() if token.lower() in only}
    variants = set().union(*map(case_variants, as_word), *map(case_variants, after_apostrophe))
    spellings = {variant for variant in variants if variant.encode("ascii") in runs}
    occurrences = []
    # A run the document also writes in code, a path or an option is its own
    # technical vocabulary ("nodev" in "defaults,nodev"), not a join.
    technical: set[str] = set()
    located = token_starts(text, spellings, technical)
    for start, token, place in located:
        if technical and token.lower() in technical:
            continue
        if place == "apostrophe":
            splits = after_apostrophe.get(token, ())
        elif place == "compound":  # only the cut before the capital
            head = len(token) - len(token.lstrip("abcdefghijklmnopqrstuvwxyz"))
            splits = tuple(split for split in as_word.get(token, ()) if split.cuts == (head,))
        else:
            splits = as_word.get(token, ()) if place == "word" or token.islower() else ()
        occurrences.append((start, token, splits))
    counts = Counter(token.lower() for _, token, _ in occurrences)
    chosen = []  # the split each occurrence would take, before language and place are asked
    for start, token, splits in occurrences:
        needed = RECURRING_TOKEN_EXTRA * min(counts[token.lower()] - 1, 2)
        split = next(
            (
                split
                for split in splits
                if split.excess >= needed
                and not (split.at_sentence_start and not starts_sentence(text, start))
            ),
            None,
        )
        if split is not None:
            chosen.append((start, token, split))
    judged, spaces_at = with_every_split(text, chosen)
    at_case_boundary = [item for item in chosen if has_case_boundary(item[1])]
    judged_lines, line_spaces_at = with_every_split(text, at_case_boundary)
    is_english, is_prose = EnglishCheck(judged), LineCheck(judged_lines)
    french_or_german: bool | None = None
    edits, settled = [], True
    split_tokens: set[str] = set()
    for start, token, split in chosen:
        # start + 1: a span beginning right at the token still holds its second letter.
        judged_start = start + bisect_left(spaces_at, start)
        if is_protected_at(text, start + 1) or not is_english(judged_start):
            continue
        # A capital explained by a line's start only where the line reads as a
        # sentence, judged as it reads with every split made (as the language is).
        needs_sentence = split.in_sentence or (split.at_sentence_start and starts_line(text, start))
        if needs_sentence and not line_reads_as_sentence(
            judged, judged_start, judged_start + len(token) + len(split.cuts), split.parts(token)
        ):
            continue
        line_start = start + bisect_left(line_spaces_at, start)
        if not is_prose(line_start) or not split.needs_spaced and is_prose.alone_on_line(line_start, line_start + len(token) + (
                len(split.cuts) if has_case_boundary(token) else 0)):
            continue
        judged_end = judged_start + len(token) + len(split.cuts)
        if not fits_between_neighbours(judged, judged_start, judged_end, split.parts(token)):
            continue
        # As punctuation-spacing does, leave a text that reads as French or
        # German as a whole. Asked once, when needed.
        if french_or_german is None:
            french_or_german = lexicon.reads_as_other_language(text)
        if french_or_german:
            return [], True, frozenset()
        edits += [Edit(start + cut, start + cut, " ", "joined words") for cut in split.cuts]
        split_tokens.add(token.lower())
        if any(map(split_joined_token, split.parts(token))):
            settled = False
    return edits, settled, left_joined_elsewhere(split_tokens, proposed, occurrences, chosen)


def left_joined_elsewhere(
    split_tokens: set[str],
    proposed: set[str],
    occurrences: list[tuple[int, str, tuple[Split, ...]]],
    chosen: list[tuple[int, str, Split]],
) -> frozenset[str]:
    """The tokens split somewhere that have candidate splits at another
    occurrence, where none was chosen. A second pass could split those too:
    the text then shows the token's words apart, and the token recurs less,
    which its own splits could not vouch for in this pass. (An occurrence
    chosen and then refused, for its language or its line, would be refused
    again; a spelling without candidates, "PAPERSIZE", stays as it is.)"""
    if not split_tokens:
        return frozenset()
    chosen_at = {start for start, _, _ in chosen}
    return frozenset(
        token.lower()
        for start, token, _ in occurrences
        if token.lower() in split_tokens and token in proposed and start not in chosen_at
    )


def split_joined_words(text: str) -> str:
    """Insert a space into each token that is English words run together."""
    return apply_edits(text, find_edits(text))


def configure_joined_words(keep: Iterable[str] = ()) -> Callable[[str], list[Edit]]:
    """The rule's ``find_edits`` with ``keep``: words never to split (any
    case), for ``[tool.cleaner.rules.joined-words]`` and ``Cleaner(options=...)``."""
    if isinstance(keep, str) or not all(isinstance(word, str) for word in keep):
        raise ValueError("joined-words option keep must be a list of words")
    kept = frozenset(word.lower() for word in keep)

    def find_edits_keeping(text: str) -> list[Edit]:
        return find_edits(text, kept)

    return find_edits_keeping


RULE = Rule(
    name="joined-words",
    summary="Put back spaces dropped between English words (prisonersof -> prisoners of, forJoe -> for Joe).",
    explanation="""\
Changes: a token that is English words run together, as HTML-to-text
converters, scrapers and feeds leave them at tag boundaries, gets its spaces
back. Only spaces are inserted; case and punctuation are kept.
- two words: "prisonersof" -> "prisoners of", "greenlitby" -> "greenlit by",
  "canI" -> "can I", at a sentence start "Ifyou" -> "If you";
- three or four (a one-word link that lost both spaces): "aworkshopthat" ->
  "a workshop that", "satonthe" -> "sat on the" (the likeliest reading by a
  dynamic program, which must beat the next by a power of ten);
- case boundaries: "forJoe" -> "for Joe", "toldCNN" -> "told CNN",
  "onWordPress" -> "on WordPress", "ofUnix-like" -> "of Unix-like",
  "TheUnited" -> "The United", "PresidentMusharraf" -> "President Musharraf"
  where the document writes "Musharraf" alone, "NewYork" -> "New York" where
  it writes "New York";
- a name and a common word: "Congressin" -> "Congress in" where the document
  writes "Congress" alone;
- after an apostrophe or a hyphen: "user’sforum", "We'veseen",
  "years-longdrought" (this last where the document writes "long drought").
Applies only to English: a paragraph is judged by its function words (English
against German, French, Spanish, Italian, Portuguese, Polish and Dutch) and
needs half its words to be common English words; a short one is judged with
its neighbourhood; a whole text of one line too short for the vote (a
headline, a title) by its vocabulary; a line that reads as another language,
or a text whose function words are mostly foreign, is left alone.
Leaves alone:
- words wordfreq knows as words, however rare: greenlit, henchman, warmongers,
  therapist, nowhere; and a few it lists that look like joins: init, tome;
- brands and camelCase names: iPhone, YouTube, PowerPoint, JavaScript,
  McDonald, DeSantis, GitHub, FreeBSD, macOS, RustConf, UnboundLocalError,
  getElementById (a mixed-case token wordfreq knows in lower case, or with
  more than two humps, splits only on the document's word);
- names it cannot vouch for: Stefanishyna, Dmitriev, Witkoff;
- lines that read as commands, configuration or identifiers: "apt-get source
  mypackagename", "notifempty", a shell prompt, options, key=value;
- tokens touching digits, accents or soft hyphens (500mg, COVID-19), calls
  (toString()), URLs, e-mail addresses, handles and hashtags;
- informal spellings (gonna, coulda) and compounds whose parts are not both
  common (keymaps, sourceless, runlevel).
Options (`[tool.cleaner.rules.joined-words]` or `Cleaner(options=...)`):
`keep = ["word", ...]` names words never to split (any case).
How evidence is weighed, with wordfreq's English frequencies (zipf: log10 per
billion words). Each way of cutting the token into two words is scored as
zipf(a) + zipf(b), the chance of the two words side by side if they were
independent, or, for a pair with a function word or a common pair of
open-class words, the pair's own frequency counted on web text (a table of
14,449 pairs from wordsegment) when that is more. A token wordfreq lists (it
lists common joins such as "ofthe" too) splits only if the pair beats the
token's own zipf by 1.5 when one word is closed-class (1 where the table
counts the pair), by 2.5 otherwise. A token wordfreq has never seen splits if
the score reaches 8.5 with a closed-class word, 10 after a word that is also
a prefix (a, be, in...), 10.5 for two open-class words, 1.5 less where the
document writes the words apart. A cut is refused when another is nearly as
good, when the pair does not stand side by side in English ("a is", "we it")
unless the table counts it, when a part is an affix (less, hood, non) or
could itself be cut. A token that occurs more than once in the document is
taken for a word unless the evidence clears the bar by a further power of
ten; from its third occurrence, by two.""",
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
        (
            "It was a high bar forJoe Biden, and the envoy toldCNN that aworkshopthat week went well.",
            "It was a high bar for Joe Biden, and the envoy told CNN that a workshop that week went well.",
        ),
        (
            "The talks were held in New York, and it was in NewYork that Congress met; Congressin May agreed.",
            "The talks were held in New York, and it was in New York that Congress met; Congress in May agreed.",
        ),
        ("Both sides swapped prisonersof war.", "Both sides swapped prisoners of war."),
        ("apt-get source mypackagename", "apt-get source mypackagename"),
        ("prisonersof war", "prisonersof war"),
        ("", ""),
    ),
    find_edits=find_edits,
    configure=configure_joined_words,
)
