"""The unicode rule beyond its examples: what ftfy must not be allowed to change."""

from __future__ import annotations

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
