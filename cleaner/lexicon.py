"""English word frequencies (from wordfreq, loaded on first use) and a
stopword-based check that a stretch of text is English rather than German or French."""

from __future__ import annotations

import re
from pathlib import Path

from cleaner.layout import BLANK_LINE_RUN, one_blank_line

# Zipf scale: log10 of a word's frequency per billion words. wordfreq's
# English list stops near 1.0, so 0.0 means "not a word wordfreq has seen".
UNKNOWN_ZIPF = 0.0

# One- and two-letter English words that may stand on either side of a join.
# wordfreq also lists fragments such as "ab", "el" or "re"; these are the short
# words a dropped space really leaves behind. ("i" is left out: only a capital
# "I" stands alone, and the joined-words rule handles it apart.)
SHORT_WORDS = frozenset(
    "a an as at be by do go he if in is it me my no of on or so to up us we".split()
)

# Short function words: joins with one of these on either side are the most
# common kind in scraped text, and the benchmark reports their recall separately.
FUNCTION_WORDS = frozenset("of by the to in and on at for with that from".split())

# Closed-class words (articles, pronouns, prepositions, auxiliaries, conjunctions).
# A join with one of these on one side is the common accident; two open-class
# words run together are as likely to be a compound ("keymaps") as a join.
CLOSED_CLASS_WORDS = frozenset(
    """a an the this that these those my your his her its our their no every each some
    any all of in on at by for with from to into onto about over under after before
    through between against without within upon as than and or but if so not nor
    i me you he him she it we us they them who whom what which when where why how
    is are was were be been being am do does did have has had will would can could
    shall should may might must there here up out off""".split()
)
DETERMINERS = frozenset("a an the this these those my your his our their every each".split())
SUBJECT_PRONOUNS = frozenset("i he she we they".split())
ARTICLES = frozenset("a an the".split())
AUXILIARIES = frozenset(
    "is are was were be been am do does did have has had will would can could shall should may might must".split()
)
PRONOUNS = frozenset("i me you he him she her it we us they them".split())
PREPOSITIONS = frozenset(
    "of in on at by for with from to into onto about over under through upon off up out".split()
)

# Words that also work as prefixes: before an open-class word they are often
# part of one word ("behinder", "aback", "ingot"), so such a split needs
# stronger evidence.
PREFIX_WORDS = frozenset("a be by for in on".split())

# Affixes and compound parts that are words on their own ("less", "hood",
# "out") but are far more often part of one word ("sourceless",
# "challengehood", "outweird"): at the start of a token (PREFIX_PARTS) or at
# its end (SUFFIX_PARTS). They are split off only from a closed-class word.
# ("some" ends "handsome" but starts "some people"; "out" does both.)
PREFIX_PARTS = frozenset(
    """non un re pre post anti auto counter mis semi multi meta self co de dis ex sub
    super inter micro mini mega hyper tele bio eco geo neo pro pseudo trans ultra cyber
    out over under off down back up""".split()
)
SUFFIX_PARTS = frozenset(
    """out over under off down back up
    less like ness hood ship able ible est ings ing wise ward wards man men some ful
    dom ism ist ists ity age ages ers ish ize ise ment ments tion land""".split()
)
AFFIX_PARTS = PREFIX_PARTS | SUFFIX_PARTS

# Informal spellings that look like two words run together but are one
# ("coulda" is "could have", not "could a").
INFORMAL_WORDS = frozenset(
    """coulda woulda shoulda musta oughta gotta gonna wanna kinda sorta lotta outta outa
    hafta dunno lemme gimme betcha gotcha whatcha ain""".split()
)

# Words frequent in running text of one language and rare in English (German
# and French here; more languages in FOREIGN_STOPWORDS). Words shared with
# English ("in", "an", "die", "was", "also", "will", "on", "des", "a", "to",
# "do", "per", "son", "met") are left out so they vote for nobody.
ENGLISH_STOPWORDS = frozenset(
    """the of and to is that with for it this are be by not have from or which you
    he she they we his but at their has were been would can there what who its than
    these those them our your more about when if into only other such any do does did
    had should could may must just how because after before over""".split()
)
OTHER_STOPWORDS = frozenset(
    # German
    """der das und ist nicht mit ein eine einen den dem von zu sich auf für auch es
    wird sie werden oder wenn bei noch nach wie aus ich sind sein kann können nur über
    wir durch diese dieser dass unter"""
    # French
    """ le la les de du et est un une que qui pour dans pas sur avec ce il sont par au
    aux ne se vous nous plus ou cette être elle leur peut été"""
    .split()
)
# Function words of more languages, for the joined-words rule's vote only
# (punctuation-spacing's whole-text check stays German and French).
FOREIGN_STOPWORDS = OTHER_STOPWORDS | frozenset(
    # Spanish
    """el los las del una por para su sus más pero como este esta
    fue muy sobre entre cuando puede desde también"""
    # Italian
    """ della delle dei degli nel nella che di è sono questo questa anche più
    essere stato può dove sul sulla alla gli"""
    # Portuguese
    """ não são mais pelo pela mas foi ao dos das"""
    # Polish
    """ się nie jest że jak ale są przez dla od tak tylko może już być który która
    które aby oraz czy jego jej ich"""
    # Dutch
    """ het een dat zijn voor niet aan maar ook bij nog wordt worden"""
    .split()
)
STOPWORD_TOKEN = re.compile(r"[^\W\d_]+")

# Below this many stopwords (of any of the three languages) a stretch of text
# gives no verdict, and the caller should look at a wider stretch.
ENGLISH_CHECK_MIN_VOTES = 3
# English function words make up at least this share of English prose.
ENGLISH_MIN_SHARE = 1 / 8

_zipf_by_word: dict[str, float] | None = None
_common: frozenset[str] | None = None  # the words with zipf >= ENGLISH_VOCABULARY_MIN_ZIPF


def _zipf_table() -> dict[str, float]:
    """wordfreq's English list as ``word -> zipf`` (only ``get`` is used), read
    from a compact file built once from wordfreq's data (``cleaner.wordlist``)."""
    global _zipf_by_word
    if _zipf_by_word is None:
        from cleaner.wordlist import english_zipf_table

        _zipf_by_word = english_zipf_table()  # type: ignore[assignment]  # a lazy mapping with .get
    return _zipf_by_word


def zipf(word: str) -> float:
    """Zipf frequency of a lowercase English ``word``; ``UNKNOWN_ZIPF`` if unlisted."""
    return _zipf_table().get(word, UNKNOWN_ZIPF)


def english_votes(text: str, others: frozenset[str] = FOREIGN_STOPWORDS) -> tuple[int, int, int]:
    """``(words, English stopwords, other languages' stopwords)`` in ``text``."""
    words = STOPWORD_TOKEN.findall(text.lower())
    english = sum(map(ENGLISH_STOPWORDS.__contains__, words))  # counted at C speed
    other = sum(map(others.__contains__, words))
    return len(words), english, other


def english_verdict(text: str) -> bool | None:
    """True when ``text`` reads as English, False when it does not, None when it
    is too short to say. English function words must make up a fair share of the
    words and clearly outnumber German and French ones; two or more German or
    French ones in the majority are enough to say no.

    >>> english_verdict("The talks began on Wednesday, and Kyiv agreed to move forward with them.")
    True
    >>> english_verdict("Die Gespräche begannen am Mittwoch, und die Ukraine stimmte zu.")
    False
    >>> english_verdict("Let no man escape.") is None
    True
    """
    return verdict_from_votes(*english_votes(text))


def verdict_from_votes(words: int, english: int, other: int) -> bool | None:
    """``english_verdict`` from the counts ``english_votes`` gives."""
    if other >= 2 and other > english:
        return False
    if english + other < ENGLISH_CHECK_MIN_VOTES:
        return None
    return english >= ENGLISH_MIN_SHARE * words and english > 2 * other


# The document-wide check reads at most this many slices of this many characters.
LANGUAGE_SAMPLE_SLICES = 4
LANGUAGE_SAMPLE_CHARS = 16_384
# punctuation-spacing asks for every piece of text it would change, so it
# reads a smaller sample: 16 slices of 2 KB (about 5,000 words, several
# hundred function words), spread through the text so that a long text is
# judged by its bulk. (8 slices misjudged a French page of the Debian
# handbook that quotes much English configuration: 386 English function
# words to 315 French in its sample, 1,056 to 1,338 in the whole page.)
FRENCH_GERMAN_SAMPLE_SLICES = 16
FRENCH_GERMAN_SAMPLE_CHARS = 2_048


def reads_as_french_or_german(text: str) -> bool:
    """True when French or German function words outnumber English ones in a
    sample of ``text`` (evenly spaced slices, so any length costs the same).
    punctuation-spacing, which works only on English prose, asks this of the whole text.

    >>> reads_as_french_or_german("Le budget est adopté. Pourquoi ? Parce que les travaux ne pouvaient pas attendre.")
    True
    >>> reads_as_french_or_german("The budget was adopted. Why? Because the works could not wait.")
    False
    """
    return _other_outvotes_english(text, OTHER_STOPWORDS, FRENCH_GERMAN_SAMPLE_SLICES, FRENCH_GERMAN_SAMPLE_CHARS)


def reads_as_other_language(text: str) -> bool:
    """As ``reads_as_french_or_german``, counting the function words of
    FOREIGN_STOPWORDS' languages too; the joined-words rule asks this."""
    return _other_outvotes_english(text, FOREIGN_STOPWORDS)


def sample(text: str, slices: int, chars: int) -> str:
    """``text`` itself when it is short, else ``slices`` pieces of ``chars``
    characters evenly spaced through it, joined by spaces. Each run of blank
    lines counts as the one blank line the whitespace rule makes of it, so
    that tidying them does not move the sample (and change a verdict): the
    chain need not ask the word rules again after that tidying."""
    text = BLANK_LINE_RUN.sub(lambda run: one_blank_line(run.group()), text)
    if len(text) <= slices * chars:
        return text
    step = len(text) // slices
    return " ".join(text[i * step : i * step + chars] for i in range(slices))


def _other_outvotes_english(
    text: str, others: frozenset[str], slices: int = LANGUAGE_SAMPLE_SLICES, chars: int = LANGUAGE_SAMPLE_CHARS
) -> bool:
    _, english, other = english_votes(sample(text, slices, chars), others)
    return other > english


def looks_english(text: str) -> bool:
    """True when ``text`` is long enough to judge and reads as English."""
    return english_verdict(text) is True


# Capitalised words that stand before a name ("PresidentMusharraf" is a title
# and a name run together, not one name).
TITLE_WORDS = frozenset(
    """President Senator Sen Rep Representative Governor Gov Mayor Minister Chancellor
    King Queen Prince Princess Pope Judge Justice General Gen Colonel Col Captain Capt
    Secretary Ambassador Commissioner Chairman Chairwoman Chief Director Professor Prof
    Dr Mr Mrs Ms Sir Lady Lord Saint St Bishop Cardinal Rabbi Sheikh Emperor Speaker""".split()
)

# Capitalised closed-class words that may be found joined to the capitalised
# word after them ("TheUnited", "OfAmerica").
CAPITALISED_BEFORE_NAME = frozenset("The A An Of In On At By For From With To And Or".split())

# Lowercase closed-class words found run into the end of a capitalised word
# before another one, where a link or a bold name lost both its spaces
# ("GinsburgandElena", "ServiceandPrivacy", "GameonTwitter").
JOINERS_BETWEEN_NAMES = ("and", "or", "of", "in", "on", "at", "for", "with", "to", "by", "from", "the")

# Function words that a careless converter runs into a technical term the
# document writes alone ("theudev", "dpkgwill"); not those that begin or end
# technical words themselves ("nodev", "stdin", "onboot", "atime").
FUNCTION_WORDS_BESIDE_TERMS = (
    "the", "to", "of", "for", "with", "and", "or", "by", "from", "is", "are", "was", "that", "which", "will", "can"
)

# What follows an apostrophe in an English contraction or possessive
# ("user’s", "we've", "don't"): a word joined after one of these is a join.
CONTRACTION_ENDINGS = frozenset("s ve re ll d t m".split())

# Words wordfreq lists that look like two words run together but are words of
# their own, mostly in technical prose ("init" is not "in it"), and the few
# adverbs a bigram count would take apart ("anew" is not "a new").
REAL_WORDS_LIKE_JOINS = frozenset(
    "init runit tome notifempty anew hereof".split()
    # News style writes a span of time and "long" as one word (AP: "weekslong").
    + "dayslong weekslong monthslong yearslong decadeslong hourslong minuteslong centurieslong".split()
)

# Share of a short text's words that must be common English words (zipf >= 3)
# for it to read as English when it has too few function words to vote.
ENGLISH_VOCABULARY_MIN_SHARE = 0.9
ENGLISH_VOCABULARY_MIN_ZIPF = 3.0
ENGLISH_VOCABULARY_MIN_WORDS = 3


def english_vocabulary_share(text: str) -> float:
    """The share of the words of ``text`` that are common English words (zipf >= 3);
    1.0 for a text with no words.

    >>> english_vocabulary_share("Kurs dolara spadł w czwartek")
    0.2
    """
    return _common_share(STOPWORD_TOKEN.findall(text.lower()))


# Words judged by looking each one up before the set of common words is
# made: building the set (about 6 ms) is more than one article needs, and
# soon less than a long text's lookups cost.
COMMON_LOOKUPS_BEFORE_SET = 20_000
_common_lookups = 0


def _common_share(words: list[str]) -> float:
    global _common_lookups
    if not words:
        return 1.0
    if _common is None and _common_lookups < COMMON_LOOKUPS_BEFORE_SET:
        _common_lookups += len(words)
        table = _zipf_table()
        common = sum(1 for word in words if table.get(word, UNKNOWN_ZIPF) >= ENGLISH_VOCABULARY_MIN_ZIPF)
    else:
        common = sum(map(_common_words().__contains__, words))  # counted at C speed
    return common / len(words)


def _common_words() -> frozenset[str]:
    """The words of the English list with zipf >= 3, made on first use."""
    global _common
    if _common is None:
        _common = _zipf_table().words_at_least(ENGLISH_VOCABULARY_MIN_ZIPF)  # type: ignore[attr-defined]
    return _common


def english_verdict_and_share(text: str) -> tuple[bool | None, float]:
    """``english_verdict(text)`` and ``english_vocabulary_share(text)``, reading the words once."""
    words = STOPWORD_TOKEN.findall(text.lower())
    english = sum(map(ENGLISH_STOPWORDS.__contains__, words))
    other = sum(map(FOREIGN_STOPWORDS.__contains__, words))
    return verdict_from_votes(len(words), english, other), _common_share(words)


def reads_as_english_vocabulary(text: str) -> bool:
    """True when ``text`` has at least three words, nearly all of them common
    English words, none German or French function words and no letters outside
    ASCII: a headline or a title too short for the function-word vote.

    >>> reads_as_english_vocabulary("Both sides swapped prisoners of war.")
    True
    >>> reads_as_english_vocabulary("Sobald der Dienst läuft")
    False
    """
    words = STOPWORD_TOKEN.findall(text.lower())
    if len(words) < ENGLISH_VOCABULARY_MIN_WORDS or not text.isascii():
        return False
    if any(word in FOREIGN_STOPWORDS for word in words):
        return False
    return english_vocabulary_share(text) >= ENGLISH_VOCABULARY_MIN_SHARE


BIGRAMS = Path(__file__).resolve().parent / "data" / "bigrams.txt"
_zipf_by_bigram: dict[str, float] | None = None


def _bigram_table() -> dict[str, float]:
    """``"first second" -> zipf`` for common English word pairs (see
    ``data/build_bigrams.py``), read once, on first use."""
    global _zipf_by_bigram
    if _zipf_by_bigram is None:
        # "PAIR\tVALUE\n" lines after a header line, split at C speed (a loop
        # over the lines cost a one-article run about 6 ms).
        body = BIGRAMS.read_text(encoding="utf-8").partition("\n")[2]
        fields = body.replace("\t", "\n").split("\n")
        if fields[-1] == "":
            fields.pop()
        pairs, values = fields[0::2], fields[1::2]
        as_float = {value: float(value) for value in set(values)}  # a few hundred distinct values
        _zipf_by_bigram = dict(zip(pairs, map(as_float.__getitem__, values)))
    return _zipf_by_bigram


def bigram_zipf(first: str, second: str) -> float | None:
    """Zipf frequency of the lowercase pair ``first second``; None when the
    pair is rarer than the table holds (3 in a million pairs)."""
    return _bigram_table().get(f"{first} {second}")


COMPOUNDS = Path(__file__).resolve().parent / "data" / "compounds.txt"
_zipf_by_compound: dict[str, float] | None = None
_compound_lines: str | None = None  # the file's "\nWORD\tVALUE" lines, before the table is made
_compound_lookups = 0
# Words looked up in the file's text before its table is made: making the
# table (about 6 ms) is more than an article's few lookups cost.
COMPOUND_LOOKUPS_BEFORE_TABLE = 500


def compound_zipf(word: str) -> float | None:
    """Zipf frequency of ``word`` as the web writes it, for the words wordfreq
    does not list that read as two open-class words run together ("runlevel",
    "manpage": see ``data/build_compounds.py``); None for any other word. The
    file is read once, on first use."""
    global _zipf_by_compound, _compound_lines, _compound_lookups
    if _zipf_by_compound is not None:
        return _zipf_by_compound.get(word)
    if _compound_lines is None:
        _compound_lines = "\n" + COMPOUNDS.read_text(encoding="utf-8").partition("\n")[2]
    if _compound_lookups < COMPOUND_LOOKUPS_BEFORE_TABLE:
        _compound_lookups += 1
        if "\t" in word or "\n" in word:
            return None
        key = "\n" + word + "\t"
        at = _compound_lines.find(key)
        if at < 0:
            return None
        end = _compound_lines.find("\n", at + len(key))
        return float(_compound_lines[at + len(key) : end if end >= 0 else len(_compound_lines)])
    fields = _compound_lines[1:].replace("\t", "\n").split("\n")
    if fields[-1] == "":
        fields.pop()
    words, values = fields[0::2], fields[1::2]
    as_float = {value: float(value) for value in set(values)}
    _zipf_by_compound = dict(zip(words, map(as_float.__getitem__, values)))
    _compound_lines = None
    return _zipf_by_compound.get(word)
