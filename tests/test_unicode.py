"""The unicode rule beyond its examples: what ftfy must not be allowed to change."""

from __future__ import annotations

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
