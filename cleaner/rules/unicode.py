"""Rule ``unicode``: ftfy's repair of mojibake, HTML entities and control
characters, plus NFC, configured so that typography is kept as written."""

from __future__ import annotations

import re

import ftfy

from cleaner.rule import Rule

# ftfy's defaults straighten curly quotes, fold ligatures and full-width forms;
# those change correct text, so they are off. Line breaks belong to the
# pipeline (it keeps CRLF files CRLF), so ftfy leaves them alone too.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html="auto",
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization="NFC",
    explain=False,
)


# Lone surrogates U+DC80..U+DCFF are how Python's ``surrogateescape`` carries
# undecodable bytes (``--keep-undecodable``); they stand for data, so they are
# parked on private-use characters while ftfy runs and put back afterwards.
ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
PARKING = re.compile("[\U0010ff80-\U0010ffff]")
PARKING_OFFSET = 0x10FF80 - 0xDC80


def repair_unicode(text: str) -> str:
    """Return ``text`` with mojibake, entities and control characters repaired."""
    if text.isascii() and "&" not in text and "\x1b" not in text and not _has_ascii_controls(text):
        return text  # nothing ftfy could change: skip its per-line analysis
    if ESCAPED_BYTE.search(text) and not PARKING.search(text):
        parked = ESCAPED_BYTE.sub(lambda m: chr(ord(m.group()) + PARKING_OFFSET), text)
        fixed = ftfy.fix_text(parked, FTFY_CONFIG)
        return PARKING.sub(lambda m: chr(ord(m.group()) - PARKING_OFFSET), fixed)
    return ftfy.fix_text(text, FTFY_CONFIG)


_ASCII_CONTROLS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r") | {"\x7f"}


def _has_ascii_controls(text: str) -> bool:
    return not _ASCII_CONTROLS.isdisjoint(text)


RULE = Rule(
    name="unicode",
    summary="Repair mojibake, HTML entities and control characters; normalise to NFC.",
    explanation="""\
Runs ftfy over the text. It changes:
- mojibake (UTF-8 decoded as Windows-1252 or Latin-1): `didnâ€™t` -> `didn’t`;
- HTML entities in plain text: `Tom &amp; Jerry` -> `Tom & Jerry` (text that
  looks like HTML markup keeps its entities);
- control characters, terminal colour codes and lone surrogates (except
  U+DC80..U+DCFF, which carry undecodable bytes under `--keep-undecodable`);
- composed and decomposed accents, to Unicode NFC.
It deliberately leaves alone: curly quotes and apostrophes, dashes, ellipses,
ligatures and full-width letters (ftfy changes some of these by default; they
are typography, not damage), and line endings.""",
    examples=(
        ("didnâ€™t", "didn’t"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("cafÃ© au lait", "café au lait"),
        ("bell\x07 and \x1b[31mred\x1b[0m", "bell and red"),
        ("cafe\u0301", "café"),
        ("“Yes,” she said", "“Yes,” she said"),
        ("It’s 9–5 — a job…", "It’s 9–5 — a job…"),
        ("<p>Tom &amp; Jerry</p>", "<p>Tom &amp; Jerry</p>"),
        ("ﬁne ＡＢＣ", "ﬁne ＡＢＣ"),
        ("Plain ASCII stays.", "Plain ASCII stays."),
    ),
    apply=repair_unicode,
)
