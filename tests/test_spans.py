"""Protected spans: what they cover, what they do not, the token-local check
that equals the whole-text one, and linear time on adversarial input."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.spans import ABBREVIATIONS, TOKEN_REACH, is_protected, is_protected_at, protected_spans, token_bounds

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def spanned(text: str) -> list[str]:
    return [text[start:end] for start, end in protected_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see https://example.com/a?b=1&c=2.", ["https://example.com/a?b=1&c=2"]),
        ("at www.example.org/x, then", ["www.example.org/x"]),
        ("mail tips@nypost.com now", ["tips@nypost.com"]),
        ("ping @cleaner and #cleanup", ["@cleaner", "#cleanup"]),
        ("nypost.com and ukraine.gov.ua", ["nypost.com", "ukraine.gov.ua"]),
        (
            "3.5% of $1.5bn, 2,000,000, 2.10.1, 10:30, 16:9, 6-4",
            ["3.5", "1.5", "2,000,000", "2.10.1", "10:30", "16:9", "6-4"],
        ),
        ("at 2024-03-01T06:00:00Z sharp", ["2024-03-01T06:00:00Z"]),
        ("the U.S., e.g. J.R.R. Tolkien at 9 a.m.", ["U.S.", "e.g.", "J.R.R.", "a.m."]),
        ("Mr. Smith, Ph.D., on Feb. 29", ["Mr.", "Ph.D.", "Feb.", "29"]),
        ("open report.pdf, Node.js, fs.readFile() or foo.so", ["report.pdf", "Node.js", "fs.readFile", "foo.so"]),
        ("on .NET with ~/.bashrc", [".NET", "~/.bashrc"]),
        ("edit /etc/apt/sources.list and ./configure", ["/etc/apt/sources.list", "./configure"]),
        ("changelog.Debian.gz", ["changelog.Debian.gz"]),
    ],
)
def test_recognises_protected_spans(text, expected):
    assert spanned(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The talks ended.The next round",  # a sentence end, not a name
        "ended.It was over",  # a capitalised word is not the top-level domain .it
        "in a post to X.“We",
        "on Thursday,adding that",
        "and/or either",
        "Mr Smith without a period",
    ],
)
def test_leaves_prose_junctions_unprotected(text):
    assert protected_spans(text) == []


def test_abbreviations_are_a_table():
    assert {"Mr", "Feb", "No", "etc", "Ph.D"} <= ABBREVIATIONS


def test_is_protected_means_strictly_inside():
    spans = protected_spans("see U.S. now")  # U.S. at 4..8
    assert [is_protected(spans, position) for position in (4, 5, 7, 8)] == [False, True, True, False]


def test_token_bounds_stop_at_whitespace_and_give_up_on_long_tokens():
    text = "one ended.The\ttwo"
    assert token_bounds(text, 9) == (4, 13)
    long_token = "x" * (TOKEN_REACH + 50)
    assert token_bounds(f"a {long_token} b", 2 + TOKEN_REACH + 10) is None
    assert is_protected_at(f"a {long_token} b", 2 + TOKEN_REACH + 10)


@pytest.mark.parametrize("name", ["nypost-article.txt", "wire-story.txt", "feed-dump.txt"])
def test_token_local_check_agrees_with_the_whole_text(name):
    text = (CORPUS / name).read_text("utf-8") + " Mail tips@nypost.com, see U.S. and report.pdf at 10:30."
    spans = protected_spans(text)
    positions = [i for i, char in enumerate(text) if not char.isspace()]
    assert [is_protected_at(text, i) for i in positions] == [is_protected(spans, i) for i in positions]


@pytest.mark.parametrize("unit", [".", ",", "a", "a.", "aa.", "a-", "a@", "1,", "1.a", "/a", "a.a@", "www.a"])
def test_finishes_on_a_megabyte_of_adversarial_input(unit):
    # No timing assertion: a pattern that backtracks catastrophically would hang here.
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    assert isinstance(protected_spans(text), list)
