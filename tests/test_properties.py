"""Properties every rule keeps on prose-like text: idempotence (alone and as a
chain), and changes limited to what each rule's explanation allows.

The strategies and checks here are shared with ``benchmarks/fuzz.py``, which
runs them at much higher example counts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import ftfy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, clean
from cleaner.boilerplate_catalog import CATALOG
from cleaner.registry import RULES, RULES_BY_NAME
from cleaner.rules.boilerplate import DEFAULT_ENTRIES, SENTENCE_END, compile_catalog
from cleaner.rules.unicode import FTFY_CONFIG

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
RULE_NAMES = [rule.name for rule in RULES]

# The characters each spacing-only rule may insert or remove. Through
# ``clean`` a "\r" may come or go too: a document with mostly CRLF line
# endings is cleaned as LF and, if anything changed, given CRLF throughout.
SPACING_RULES = {
    "whitespace": " \t\n\r",
    "punctuation-spacing": " ",
    "joined-words": " ",
}
LINE_ENDINGS = "\r"

# --- Prose-like text -------------------------------------------------------

COMMON_WORDS = """the of and to in is that for it was on with he as his at by this had
from but not are or an they which you were her all she there would their we him
been has when who will more no if out so said what up its about into than them can
only other new some could time these two may then do first any my now such like our
over man me even most made after also did many before must through back years where
much your way well down should because each just those people how too little state
good very make world still own see men work long get here between both life being
under never day same another know while last might us great old year off come since
against go came right used take three The He It In But And A I They We This She
Ukraine Russia Thursday Kyiv Moscow Trump Congress Washington Post""".split()
# Tokens the rules act on: joins, glued punctuation, abbreviations, code-like names.
TRICKY_TOKENS = """prisonersof greenlitby Ifyou canI theDebian ofthe tothe inthe
ended.The now?He it!Then Thursday,adding deal;the X.“We priceless,”she talks
U.S. e.g. i.e. J.R.R. Mr. Feb. a.m. Ph.D. Node.js fs.readFile() .NET report.pdf
subprocess.Popen ast.If re.I no,yes key,value TL;DR rw,noatime changelog.Debian.gz
gonna coulda keymaps sourceless Stefanishyna iPhone YouTube COVID-19 500mg o'clock""".split()
NON_ASCII_WORDS = """café naïve façade Ärger Straße über déjà œuvre Ελλάδα москва
שלום مرحبا 日本語 한국어 ﬁne ＡＢＣ Zoë São Kraków ǅemal""".split()
URLS_AND_NUMBERS = """https://example.com/a?b=1&c=2 http://x.org/path.html www.example.org
tips@nypost.com @handle #hashtag /etc/apt/sources.list ~/bin ./run.sh 3.5% $1.5bn
2,000,000 10:30 3:1 2.10.1 2024-03-01T06:00:00Z 1999 42 0.5 16:9 6-4""".split()
PUNCTUATION = list(".,;:!?()[]\"'“”‘’«»…—–-/&<>*") + ["...", "?!", ",”", ".”", "&amp;", "&lt;", "&#39;", "&amp;amp;"]
MOJIBAKE = ["â€™", "Ã©", "â€œ", "â€\x9d", "Ã¼", "Â ", "Ã\xa0", "ï»¿", "â€”"]
SPACING = [" ", " ", " ", "  ", "   ", "\t", "\n", "\n", "\n\n", "\n\n\n", " \n", "\t\n", "\r\n", "\n \n", "\xa0"]
BOILERPLATE_LINES = [entry.example for entry in CATALOG] + [entry.legit for entry in CATALOG]

LETTERS = st.characters(categories=["Lu", "Ll", "Lt", "Lo", "Mn"], max_codepoint=0x2FFF)
GENERATED_WORD = st.text(LETTERS, min_size=1, max_size=12)
TOKEN = st.one_of(
    st.sampled_from(COMMON_WORDS),
    st.sampled_from(TRICKY_TOKENS),
    st.sampled_from(NON_ASCII_WORDS),
    st.sampled_from(URLS_AND_NUMBERS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(MOJIBAKE),
    st.integers(min_value=0, max_value=10**7).map(str),
    GENERATED_WORD,
)
# Mostly words with single spaces, so that sentences and paragraphs form.
PIECE = st.one_of(TOKEN.map(lambda token: token + " "), TOKEN, st.sampled_from(SPACING))
LINE_OF_BOILERPLATE = st.sampled_from(BOILERPLATE_LINES).map(lambda line: "\n" + line + "\n")
PROSE = st.lists(st.one_of(PIECE, PIECE, PIECE, LINE_OF_BOILERPLATE), max_size=80).map("".join)


# --- Checks (each raises AssertionError with the failing case) --------------


def check_idempotent(text: str) -> None:
    """``clean`` twice equals ``clean`` once, for the chain and for each rule alone."""
    check_chain_idempotent(text)
    check_each_rule_idempotent(text)


def check_chain_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once, ("chain", text)


def check_each_rule_idempotent(text: str) -> None:
    for rule in RULES:
        once = rule.apply(text)
        assert rule.apply(once) == once, (rule.name, text)
        once = clean(text, select=[rule.name])
        assert clean(once, select=[rule.name]) == once, (rule.name + " via clean", text)


def without(characters: str, text: str) -> str:
    return text.translate({ord(c): None for c in characters})


def check_spacing_rules_keep_every_other_character(text: str) -> None:
    """The spacing-only rules insert or remove only their spacing characters."""
    for name, spacing in SPACING_RULES.items():
        alone = RULES_BY_NAME[name].apply(text)
        assert without(spacing, alone) == without(spacing, text), (name, text)
        through_clean = clean(text, select=[name])
        assert without(spacing + LINE_ENDINGS, through_clean) == without(spacing + LINE_ENDINGS, text), (name, text)


def ftfy_line_by_line(text: str) -> str:
    """What the unicode rule's explanation promises: ftfy with FTFY_CONFIG on each
    line, entities kept in text with markup (a "<" that NFC keeps)."""
    markup = "<" in unicodedata.normalize("NFC", text)
    config = FTFY_CONFIG._replace(unescape_html=not markup)
    return "\n".join(ftfy.fix_text(line, config) for line in text.split("\n"))


ESCAPED_BYTES = re.compile("[\udc80-\udcff]")


def check_unicode_is_ftfy(text: str) -> None:
    if ESCAPED_BYTES.search(text):
        return  # those are kept on purpose; see test_hostile_input.py
    assert RULES_BY_NAME["unicode"].apply(text) == ftfy_line_by_line(text), text


BOILERPLATE = compile_catalog(frozenset(DEFAULT_ENTRIES))


def is_removable_catalog_line(line: str) -> bool:
    found = BOILERPLATE.line.match(line)
    return found is not None and found.end() == len(line) and found.lastgroup != "kept"


def _lines(text: str) -> list[str]:
    """Lines split at "\n", without the empty one after a final newline."""
    return (text[:-1] if text.endswith("\n") else text).split("\n") if text else []


# A run of glued footers, with the blanks after each.
GLUED_RUN = re.compile("(?:(?:" + BOILERPLATE.glued.pattern + r")[^\S\n]*)+") if BOILERPLATE.glued else None


def _glued_cuts(line: str) -> list[int]:
    """Where in ``line`` a glued footer may start: at an opening word of one
    (the rule's own ``glued_starts``), at the line's start, after a blank or
    after a sentence's end (``polls.Read more...``, as feeds glue them)."""
    starts = {found.start() for pattern in BOILERPLATE.glued_starts for found in pattern.finditer(line)}
    return sorted(
        start
        for start in starts
        if start == 0 or line[start - 1] in " \t" or line[:start].rstrip(" \t")[-1:] in tuple(SENTENCE_END)
    )


def only_catalog_lines_removed(before_text: str, after_text: str) -> bool:
    """Whether ``after_text`` is ``before_text`` less what the boilerplate rule
    may remove. Its lines are the input's lines in order, less:
    - whole catalog lines (of an entry that is on), anywhere;
    - a glued run: the end of a line, from a cut at its start, after a blank
      or after a sentence's end, together with the non-blank lines after it
      (a wrapped footer), that is one or more glued footers in a row; the
      line is cut short there, or goes whole when what is left of it is
      empty or is itself a catalog line (``READ MORE»Read More``: two
      read-more links glued). Every line after a glued run up to a blank line
      or the end must go too (the run ends its paragraph).
    Blank lines are never removed."""
    before, after = _lines(before_text), _lines(after_text)
    # Forward search: the states reached before each line of ``before``, a
    # state being (lines of ``after`` matched, inside a paragraph's tail after
    # a glued run).
    pending: dict[int, set[tuple[int, bool]]] = {0: {(0, False)}}
    for position, line in enumerate(before):
        states = pending.pop(position, set())
        if not states and not pending:
            return False
        following = pending.setdefault(position + 1, set())
        removable = is_removable_catalog_line(line)
        for kept, in_tail in states:
            if kept < len(after) and after[kept] == line and (not in_tail or not line.strip()):
                following.add((kept + 1, False))
            if removable:
                following.add((kept, in_tail))
            if not line.strip() or GLUED_RUN is None:
                continue
            for cut in _glued_cuts(line):
                left = line[:cut].rstrip(" \t")
                goes_whole = not left or is_removable_catalog_line(left)
                cut_to = not in_tail and left != "" and kept < len(after) and after[kept] == left
                if not (goes_whole or cut_to):
                    continue
                tail = line[cut:]
                for last in range(position, len(before)):
                    if last > position:
                        if not before[last].strip():
                            break
                        tail += " " + before[last]
                    if GLUED_RUN.fullmatch(tail):
                        reached = pending.setdefault(last + 1, set())
                        if goes_whole:
                            reached.add((kept, True))
                        if cut_to:
                            reached.add((kept + 1, True))
    return any(kept == len(after) for kept, _ in pending.get(len(before), set()))


def check_boilerplate_only_removes_catalog_lines(text: str) -> None:
    """The boilerplate rule removes only what ``only_catalog_lines_removed`` allows."""
    assert only_catalog_lines_removed(text, RULES_BY_NAME["boilerplate"].apply(text)), text


def check_offset_map(text: str) -> None:
    """``clean_mapped`` gives ``clean``'s text; every character no edit made
    maps to the same character of the original and back; maps are monotonic;
    changes lie in the input, in its order."""
    mapped = Cleaner().clean_mapped(text)
    cleaned = mapped.text
    assert cleaned == clean(text), ("clean_mapped", text)
    made = [False] * len(cleaned)
    for stretch in mapped.offsets.stretches:
        made[stretch.clean_start : stretch.clean_end] = [True] * (stretch.clean_end - stretch.clean_start)
    for offset, character in enumerate(cleaned):
        if not made[offset]:
            original = mapped.to_original(offset)
            assert text[original] == character and mapped.to_cleaned(original) == offset, ("offset", offset, text)
    forward = [mapped.to_original(offset) for offset in range(len(cleaned) + 1)]
    backward = [mapped.to_cleaned(offset) for offset in range(len(text) + 1)]
    assert forward == sorted(forward) and backward == sorted(backward), ("monotonic", text)
    spans = [(change.start, change.end) for change in mapped.changes]
    assert spans == sorted(spans) and all(0 <= start <= end <= len(text) for start, end in spans), ("changes", text)


def check_all(text: str) -> None:
    """Every property in this module, for one text (the fuzz target)."""
    check_idempotent(text)
    check_changes_are_allowed(text)
    check_offset_map(text)


def check_changes_are_allowed(text: str) -> None:
    """Each rule changes only what its explanation allows."""
    check_spacing_rules_keep_every_other_character(text)
    check_unicode_is_ftfy(text)
    check_boilerplate_only_removes_catalog_lines(text)


# --- Tests -----------------------------------------------------------------

# Derandomized: the default run is the same every time; benchmarks/fuzz.py explores.
FAST = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(PROSE)
def test_clean_is_idempotent_for_the_chain_and_each_rule(text):
    check_idempotent(text)


@FAST
@given(PROSE)
def test_spacing_rules_change_only_spacing(text):
    check_spacing_rules_keep_every_other_character(text)


@FAST
@given(PROSE)
def test_unicode_rule_is_ftfy_line_by_line(text):
    check_unicode_is_ftfy(text)


PLAIN_ASCII = st.text(st.sampled_from([chr(c) for c in range(0x20, 0x7F) if chr(c) != "&"] + ["\n", "\t"]))


@FAST
@given(PLAIN_ASCII)
def test_unicode_rule_leaves_plain_ascii_alone(text):
    assert RULES_BY_NAME["unicode"].apply(text) == text


@FAST
@given(PROSE)
def test_boilerplate_removes_only_catalog_lines_and_glued_footers(text):
    check_boilerplate_only_removes_catalog_lines(text)


@pytest.mark.parametrize(
    "before, after",
    [
        ("READ MORE»Read More", ""),  # found by benchmarks/fuzz.py: two read-more links glued
        ("Body. Read more... Read more...\n", "Body.\n"),
        ("Body text here. The post Park budget\napproved appeared first on Gazette.\n", "Body text here.\n"),
        ("Body. Read more...\nShare this:\n\nNext.\n", "Body.\n\nNext.\n"),
    ],
)
def test_the_boilerplate_property_allows_whole_lines_and_glued_runs(before, after):
    assert only_catalog_lines_removed(before, after)


@pytest.mark.parametrize(
    "before, after",
    [
        ("Body.\nMore body.\n", "Body.\n"),  # a body line
        ("Body. Read more...\n\nNext.\n", "Body.\n\n"),  # the next paragraph
        ("Body. Read more...\nNext.\n", "Body.\nNext.\n"),  # a glued run must end its paragraph
        ("Body said READ MORE»Read More\n", ""),  # what is left is not a catalog line
        ("Body. Read more books\n", "Body.\n"),  # not a footer
        ("Body.\n\nShare this:\n", "Body.\n"),  # a blank line
    ],
)
def test_the_boilerplate_property_refuses_anything_else(before, after):
    assert not only_catalog_lines_removed(before, after)


CORPUS_DOCUMENTS = sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("path", CORPUS_DOCUMENTS, ids=lambda path: path.name)
def test_corpus_documents_keep_every_property(path):
    check_all(path.read_bytes().decode("utf-8"))


# Found by benchmarks/fuzz.py (then made small); none was idempotent before its fix.
REGRESSIONS = {
    # joined-words judged a short paragraph by the 600 characters around it, and
    # the whitespace rule's collapsing of a space run brought English into that window.
    "language window": "prisonersof war\n\nx" + " " * 700 + "the of and to is that with for it this are\n",
    # joined-words added "of" three times, which turned punctuation-spacing's
    # verdict on the whole text from French to English on a second run.
    "language of the whole text": "the prisonersof and the prisonersof is that prisonersof\n\n"
    "le la les de du et est.\nThursday,adding\n",
    # joined-words judged by its own unsplit text; the words its splits add tipped a second run.
    "own splits": "\n\n\n\nthe the the \n\nthe the \n\n\n\nthe the the the the the the \nThe post City council "
    "approves riverside park budget appeared first on Harbor City Gazette.\nprisonersof prisonersof prisonersof "
    "ended.The . inthe Athe inthe greenlitby his that greenlitby and can greenlitby  good in \nDer Beitrag Neue "
    "Radwege für die Innenstadt erschien zuerst auf Stadtblog Köln.\ntheDebian greenlitby A \nThe post City "
    "council approves riverside park budget appeared first on Harbor City Gazette.\n\n\nthe the prisonersof A "
    "prisonersof \n\nthe theDebian https://example.com/a?b=1&c=2 talks prisonersof prisonersof \nScroll to "
    "continue with content warnings on, the app says.\n\n\nprisonersof changelog.Debian.gzthe A \n\n"
    "prisonersof prisonersof prisonersof \n© 2024 Harbor City Gazette, Inc. All rights reserved.\n",
    "stray carriage returns": "The talks \r\r",
    # punctuation-spacing judged a junction with the whole token around it; a
    # space put at another junction of the token left a shorter token.
    "a quoted word before a question": "'ended'The?name",
    "a bracket after a spaced semicolon": "(000;A)ended",
    "a colon in a list of words": "ended,ended,ended,ended:ended,”",
    "a colon spaced as a clause end taken for a label": "ended“ended:ended,”ended:ended,”",
}


@pytest.mark.parametrize("text", REGRESSIONS.values(), ids=REGRESSIONS.keys())
def test_fuzz_findings_are_idempotent(text):
    check_all(text)


# Entities, footers, joins and runs of blank lines, densely.
MAPPED_PIECE = st.one_of(
    PIECE,
    st.sampled_from(["&amp;", "&lt;", "â€™", "prisonersof ", "ended.The ", "talks , which ", "\n\n\n\n", "  ", "\r\n"]),
    LINE_OF_BOILERPLATE,
)


@FAST
@given(st.lists(MAPPED_PIECE, max_size=60).map("".join))
def test_offset_map_points_every_untouched_character_at_its_original(text):
    check_offset_map(text)
