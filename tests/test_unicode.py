"""The unicode rule beyond its examples: what ftfy must not be allowed to change."""

from __future__ import annotations

import re

from cleaner.rules import unicode as unicode_rule
from cleaner.rules.unicode import repair_unicode


def test_keeps_typographic_quotes_dashes_and_ellipses():
    text = "“Double,” ‘single,’ it’s – and — and … done"
    assert repair_unicode(text) == text


def test_keeps_line_endings_for_the_pipeline():
    assert repair_unicode("a\r\nb\rc &amp; d") == "a\r\nb\rc & d"


def test_keeps_surrogate_escaped_bytes():
    text = b"caf\xe9 &amp; \xff".decode("utf-8", "surrogateescape")
    assert repair_unicode(text) == b"caf\xe9 & \xff".decode("utf-8", "surrogateescape")


def test_replaces_other_lone_surrogates():
    assert repair_unicode("a\ud800b") == "a\ufffdb"


def test_nested_entities_are_fully_decoded_so_the_rule_is_idempotent():
    once = repair_unicode("&amp;amp; &amp;lt;")
    assert repair_unicode(once) == once


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cleaner.rules.unicode import FTFY_CONFIG  # noqa: E402
import ftfy  # noqa: E402

# Characters that skip ftfy, mixed with the ones that make mojibake.
PARTS = list("ab &;\n\t’‘“”–—…âÃ€™œ©Â\x9d\x80é\u0301<") + ["&amp;", "â€™", "Ã©"]
MIXED = st.lists(st.sampled_from(PARTS), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_fast_path_gives_what_ftfy_gives_line_by_line(text):
    config = FTFY_CONFIG._replace(unescape_html=False) if "<" in text else FTFY_CONFIG
    expected = "\n".join(ftfy.fix_text(line, config) for line in text.split("\n"))
    assert repair_unicode(text) == expected


def test_lines_of_plain_typography_are_not_given_to_ftfy(monkeypatch):
    calls = []
    monkeypatch.setattr(ftfy, "fix_text", lambda line, config: calls.append(line) or line)
    monkeypatch.setattr(unicode_rule, "_recent_fixes", {})  # lines earlier tests repaired
    repair_unicode("“Quoted” — it’s fine…\nTom &amp; Jerry\nplain")
    assert calls == ["Tom &amp; Jerry"]


def test_a_line_read_again_is_not_given_to_ftfy_again(monkeypatch):
    calls = []
    monkeypatch.setattr(ftfy, "fix_text", lambda line, config: calls.append(line) or line.replace("&amp;", "&"))
    monkeypatch.setattr(unicode_rule, "_recent_fixes", {})
    assert repair_unicode("Tom &amp; Jerry\nplain") == "Tom & Jerry\nplain"
    assert repair_unicode("plain\nTom &amp; Jerry") == "plain\nTom & Jerry"
    assert calls == ["Tom &amp; Jerry"]
    # Markup keeps its entities: the same line is asked again with the other setting.
    assert repair_unicode("<b>x</b>\nTom &amp; Jerry") == "<b>x</b>\nTom & Jerry"
    assert len(calls) == 2


# ftfy's mojibake detector, tried only next to non-ASCII characters.
from ftfy import badness  # noqa: E402

from cleaner import badness as near_non_ascii  # noqa: E402

# Every character ftfy's detector names, the ASCII it pairs them with, and more.
DETECTOR_CHARACTERS = sorted(set(badness.BADNESS_RE.pattern) | set("aZ .,?!\n\t0")) + [
    chr(code) for code in range(0x80, 0x250)
]


def test_the_installed_ftfy_detector_is_read_so_the_fast_path_runs():
    assert near_non_ascii.anchor_bound(badness.BADNESS_RE) is not None
    assert near_non_ascii.fast_is_bad is not None


def test_the_bound_is_the_most_characters_before_a_non_ascii_one():
    bound = near_non_ascii.anchor_bound
    assert bound(re.compile("é")) == 0
    assert bound(re.compile("[a-z]\\s?[ÃÂ] ")) == 2
    assert bound(re.compile("(?:ab|c)é|^xé")) == 2
    assert bound(re.compile("é|b")) is None  # "b" alone has no non-ASCII character
    assert bound(re.compile("a+é")) is None  # any number of characters before it
    assert bound(re.compile("[^a]é")) == 1  # a negated class can be ASCII


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(DETECTOR_CHARACTERS), max_size=14).map("".join))
def test_fast_is_bad_answers_as_ftfy_s_is_bad(text):
    assert near_non_ascii.fast_is_bad(text) == badness.is_bad(text)


def test_a_match_starting_two_characters_before_the_non_ascii_one_is_found():
    # ftfy reads "Ã" between a lowercase letter, a space and a space as mojibake
    assert badness.is_bad("xa Ã y") and near_non_ascii.fast_is_bad("xa Ã y")
    assert not near_non_ascii.NearNonAscii(badness.BADNESS_RE, 1)("xa Ã y")


def test_ftfy_uses_the_fast_detector_only_while_the_rule_runs(monkeypatch):
    monkeypatch.setattr(unicode_rule, "_chars_repaired", unicode_rule.FAST_DETECTOR_AFTER_CHARS)
    asked = []
    monkeypatch.setattr(near_non_ascii, "fast_is_bad", lambda text: asked.append(text) or badness.is_bad(text))
    original = ftfy.is_bad
    assert repair_unicode("They donâ€™t.") == "They don’t."
    assert asked and ftfy.is_bad is original
