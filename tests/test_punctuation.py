"""Rule ``punctuation-spacing``: each fix from issue 4, the look-alikes it must
leave alone, French text, idempotence, and linear time on adversarial input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.rules.punctuation import RULE, fix_punctuation_spacing

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

FIXES = [
    ("in a post to X.“We are ready", "in a post to X. “We are ready"),
    ("The talks ended.The next round", "The talks ended. The next round"),
    ("on Thursday,adding that", "on Thursday, adding that"),
    ("a deal;the details", "a deal; the details"),
    ("What now?He asked", "What now? He asked"),
    ("Nobody expected it!Then", "Nobody expected it! Then"),
    ("“Return of our people is priceless,”she said", "“Return of our people is priceless,” she said"),
    ("The talks , which began Wednesday , ended.", "The talks, which began Wednesday, ended."),
]


@pytest.mark.parametrize(("source", "expected"), FIXES, ids=[source for source, _ in FIXES])
def test_restores_lost_space_and_drops_stray_space(source, expected):
    assert fix_punctuation_spacing(source) == expected


UNCHANGED = {
    "abbreviations and initials": [
        "The U.S. and the U.K. met.",
        "He lives in Washington, D.C. now.",
        "Bring fruit, e.g. apples, i.e. something sweet.",
        "She has a Ph.D. in physics.",
        "We meet at 9 a.m. sharp.",
        "J.R.R. Tolkien wrote it.",
        "Mr. Smith went to No. 10 on Feb. 29.",
    ],
    "numbers": [
        "Prices rose 3.5% to $1.5bn.",
        "About 2,000,000 people voted.",
        "Upgrade from 2.10.1 to 4.2.1 today.",
        "At 10:30 the score was 3:1, in 16:9, after a 6-4 set.",
    ],
    "domains, files, URLs, e-mail, code": [
        "Read nypost.com and ukraine.gov.ua daily.",
        "Open report.pdf with Node.js and fs.readFile() on .NET.",
        "Go to https://example.com/a?b=1&c=2 now.",
        "Write to tips@nypost.com.",
        "Edit /etc/apt/sources.list and run dpkg-deb.",
        "The ld: prefix, foo.so, 2.6.x and i386 builds; press Ctrl-Alt-Del.",
        "See /usr/share/doc/PACKAGE/changelog.Debian.gz for details.",
        "Files named test.Gz or README.Debian stay.",
    ],
    "ellipses and stacked marks": ["Wait... what?!", "It paused… then went on."],
    "correctly placed quotes": ["She said, “Yes.” Then she left.", "“Are you sure?” he asked."],
    "timestamps": ["Logged at 2024-03-01T06:00:00Z."],
    "module.Class names": [
        "When subprocess.Popen fails, asyncio.Future is set.",
        "Compile with re.I and visit ast.If nodes.",
        "Use pyparsing.And here.",
    ],
    "code lists and pairs": [
        "Mount with -o rw,noatime,nodev please.",
        "Use no,yes instead of false,true.",
        "Pass (major,minor) and [emin,emax] to it.",
        "gpg,sm: Fix compliance checking.",
        "Strip trailing CR,LF from it. TL;DR: ship it.",
        "Schools &amp;libraries reopen.",
        "The IPv?Interface classes.",
        "Query ?Foo=1 now.",
    ],
    "commas talked about or aligned": [
        "SimpleCookie now encodes , and ; in values.",
        "Thanks  Jean-Pierre Giraud    , Closes: #984910",
        "value[0]=0xFF , len=2",
    ],
}
UNCHANGED_CASES = [pytest.param(text, id=f"{kind}: {text}") for kind, texts in UNCHANGED.items() for text in texts]


@pytest.mark.parametrize("text", UNCHANGED_CASES)
def test_leaves_look_alikes_unchanged(text):
    assert fix_punctuation_spacing(text) == text


FRENCH = (
    "Le conseil municipal a adopté le budget du parc.Pourquoi ? Parce que les travaux , selon la maire ,"
    " ne pouvaient pas attendre ! Attention : danger pour les finances de la ville,qui doit emprunter."
)


def test_leaves_french_text_alone():
    assert fix_punctuation_spacing(FRENCH) == FRENCH


def test_fixes_the_same_slips_in_english_text():
    english = "The council adopted the budget.Then the works , said the mayor , could not wait."
    assert fix_punctuation_spacing(english) == (
        "The council adopted the budget. Then the works, said the mayor, could not wait."
    )


def test_french_spacing_before_marks_survives_in_english_text_too():
    text = "The sign said Pourquoi ? Parce que ! and Attention : danger in the lobby."
    assert fix_punctuation_spacing(text) == text


def test_german_closing_quote_is_not_taken_for_an_opening_one():
    text = "He wrote „Das ist gut.“Wir lasen es, and the editor agreed that the text was fine."
    assert fix_punctuation_spacing(text) == text


def test_runs_on_the_seed_article_changing_only_the_glued_quote():
    source = (CORPUS / "nypost-article.txt").read_text("utf-8")
    result = fix_punctuation_spacing(source)
    assert result == source.replace("to X.“We", "to X. “We")
    assert result != source


def test_is_registered_between_boilerplate_and_whitespace():
    assert clean("The talks ended.The next round  began.", select="punctuation-spacing,whitespace") == (
        "The talks ended. The next round began.\n"
    )
    assert RULE.name == "punctuation-spacing"


# Fragments that put every junction the rule knows next to every look-alike, so
# random strings of them reach the rule's edge cases.
# fmt: off
FRAGMENTS = [
    "ended", "The", "the", "which", "adding", "Thursday", "X", "U", "S", "e", "g", "He", "I", "A",
    "subprocess", "Popen", "no", "yes", "gpg", "talks", "2", "000", "3", "nypost", "com",
    ".", ",", ";", "?", "!", ":", "“", "”", "„", "’", "'", '"', "(", ")", "-", "/", "@", "&", "…",
    " ", " ", " ", "  ", "\n", " , ", ".“", ",”", "?!",
]
# fmt: on


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_is_idempotent_and_only_touches_spaces(text):
    once = fix_punctuation_spacing(text)
    assert fix_punctuation_spacing(once) == once
    assert once.replace(" ", "") == text.replace(" ", "")


ADVERSARIAL_UNITS = [".", ",", "a", "a.", "ab.The ", "deal,the;", "word , ", "X.“We,”she ", "now?He", " "]


@pytest.mark.parametrize("unit", ADVERSARIAL_UNITS)
def test_finishes_on_a_megabyte_of_adversarial_input(unit):
    # No timing assertion: a pattern that backtracks catastrophically would hang here.
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    result = fix_punctuation_spacing(text)
    assert re.sub(" ", "", result) == re.sub(" ", "", text)
