"""Rule ``unicode``: ftfy's repair of mojibake, HTML entities and control
characters, plus NFC, configured so that typography is kept as written."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Any

from cleaner.edits import Edit, line_edits
from cleaner.rule import Rule

if TYPE_CHECKING:
    import ftfy

# ftfy's defaults straighten curly quotes, fold ligatures and full-width forms;
# those change correct text, so they are off. Line breaks belong to the
# pipeline (it keeps CRLF files CRLF), so ftfy leaves them alone too.
FTFY_SETTINGS: dict[str, Any] = dict(
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


@cache
def ftfy_config() -> ftfy.TextFixerConfig:
    """ftfy's configuration, built (and ftfy imported, ~50 ms) only when a
    line first needs ftfy: most English lines do not (``NEEDS_FTFY``)."""
    import ftfy

    return ftfy.TextFixerConfig(**FTFY_SETTINGS)


def __getattr__(name: str) -> Any:
    if name == "FTFY_CONFIG":
        return ftfy_config()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Lone surrogates U+DC80..U+DCFF are how Python's ``surrogateescape`` carries
# undecodable bytes (``--keep-undecodable``); they stand for data, so they are
# parked on private-use characters while ftfy runs and put back afterwards.
ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
PARKING = re.compile("[\U0010ff80-\U0010ffff]")
ESCAPED_BYTE_RUN = re.compile("([\udc80-\udcff]+)")
PARKING_OFFSET = 0x10FF80 - 0xDC80


# A line made only of printable ASCII (without "&") and these seven marks is
# left to itself: ftfy cannot change it. The marks encode as continuation bytes
# in Windows-1252 and as lead bytes in MacRoman, never both, so no run of them
# is a hidden UTF-8 sequence; and nothing else ftfy fixes can occur. Most lines
# of English prose pass this test, which makes the rule several times faster.
NEEDS_FTFY = re.compile(r"[^\t\r\n\x20-\x25\x27-\x7e‘’“”–—…]")

# ftfy decodes one level of an escaped ampersand per pass over the whole line
# (``&amp;amp;amp;`` takes three), so deep nesting costs quadratic time. All
# levels but the last are dropped first: ftfy would decode them all anyway.
ESCAPED_AMPERSAND = r"(?:amp|AMP|\#0{0,8}38|\#[xX]0{0,8}26);"
NESTED_AMPERSAND = re.compile(rf"&(?:{ESCAPED_AMPERSAND})+({ESCAPED_AMPERSAND})")
# Characters ftfy's remove_control_chars removes (ESC included, which starts
# the terminal escapes it also removes), ASCII and not, and a run of them with
# entity-like characters after an "&" (`&am\x07p;am\x1b[0mp;`): once ftfy
# removes them, the run can be a nest of escaped ampersands. Flat character
# classes, so that matching a run of any length stays linear.
ASCII_REMOVED = "\x00-\x08\x0b\x0e-\x1f\x7f"
OTHER_REMOVED = "\u206a-\u206f\ufff9-\ufffc\ufeff"
HAS_REMOVED_BY_FTFY = re.compile(f"[{ASCII_REMOVED}{OTHER_REMOVED}]")
ENTITY_RUN_WITH_ASCII_REMOVED = re.compile(f"&[A-Za-z0-9#;\\[{ASCII_REMOVED}]+")
ENTITY_RUN_WITH_ANY_REMOVED = re.compile(f"&[A-Za-z0-9#;\\[{ASCII_REMOVED}{OTHER_REMOVED}]+")
# Removing a character Latin-1 and Windows-1252 cannot encode can let ftfy's
# mojibake repair take a different path, where the text has other non-ASCII.
OTHER_NON_ASCII = re.compile(f"[^\x00-\x7f{OTHER_REMOVED}]")


def repair_unicode(text: str) -> str:
    """Return ``text`` with mojibake, entities and control characters repaired."""
    match = NEEDS_FTFY.search(text)
    if match is None:
        return text
    # As ftfy's "auto" mode does for a whole text: markup keeps its entities.
    config = ftfy_config()._replace(unescape_html=not looks_like_markup(text))
    pieces, done = [], 0
    with _detector_for(text):
        while match is not None:
            start = text.rfind("\n", 0, match.start()) + 1
            end = text.find("\n", match.end())
            end = len(text) if end == -1 else end
            pieces.append(text[done:start])
            pieces.append(_fix_line_remembered(text[start:end], config))
            done = end
            match = NEEDS_FTFY.search(text, end)
    pieces.append(text[done:])
    return "".join(pieces)


# ftfy's mojibake detector is answered near non-ASCII characters only
# (``cleaner.badness``) once this process has repaired this many characters:
# reading its regex costs ~5 ms, more than a short article gains.
FAST_DETECTOR_AFTER_CHARS = 100_000
_chars_repaired = 0


def _detector_for(text: str) -> contextlib.AbstractContextManager[None]:
    global _chars_repaired
    _chars_repaired += len(text)
    if _chars_repaired < FAST_DETECTOR_AFTER_CHARS:
        return contextlib.nullcontext()
    from cleaner.badness import ftfy_using_fast_is_bad

    return ftfy_using_fast_is_bad()


def looks_like_markup(text: str) -> bool:
    """True when ``text`` has a "<" that NFC keeps: "<" with U+0338 becomes "≮",
    and text whose only "<" goes that way must read the same on a second run."""
    if "<" not in text:
        return False
    return "\u0338" not in text or "<" in unicodedata.normalize("NFC", text)


def _fix_text(text: str, config: ftfy.TextFixerConfig) -> str:
    """``ftfy.fix_text``, kept linear on nested escaped ampersands."""
    import ftfy

    if config.unescape_html and "&" in text:
        if HAS_REMOVED_BY_FTFY.search(text):
            # Those removals can make a new nest, which ftfy would unnest one
            # level per pass. Inside such a run only ASCII letters, digits and
            # marks meet, so removing them first leads ftfy to what it would
            # reach anyway; non-ASCII ones only where nothing else is non-ASCII.
            run = ENTITY_RUN_WITH_ASCII_REMOVED if OTHER_NON_ASCII.search(text) else ENTITY_RUN_WITH_ANY_REMOVED
            text = run.sub(_without_removed, text)
        text = NESTED_AMPERSAND.sub(r"&\1", text)
    return ftfy.fix_text(text, config)


def _without_removed(match: re.Match[str]) -> str:
    run = match.group()
    if not HAS_REMOVED_BY_FTFY.search(run):
        return run
    from ftfy import fixes

    return fixes.remove_control_chars(fixes.remove_terminal_escapes(run))


# Lines repaired lately, by the line and whether entities were decoded: the
# chain runs this rule again over a segment after other rules' edits, and
# most lines ftfy reads come back unchanged. Bounded in characters.
_recent_fixes: dict[tuple[str, bool], str] = {}
_recent_chars = 0
RECENT_FIXES_MAX_CHARS = 1 << 21


def _fix_line_remembered(line: str, config: ftfy.TextFixerConfig) -> str:
    """``_fix_line``, answered from ``_recent_fixes`` when it read ``line`` lately."""
    global _recent_chars
    key = (line, bool(config.unescape_html))
    fixed = _recent_fixes.get(key)
    if fixed is None:
        fixed = _fix_line(line, config)
        if _recent_chars + len(line) > RECENT_FIXES_MAX_CHARS:
            _recent_fixes.clear()
            _recent_chars = 0
        if len(line) <= RECENT_FIXES_MAX_CHARS // 8:
            _recent_fixes[key] = fixed
            _recent_chars += len(line) + len(fixed)
    return fixed


def _fix_line(line: str, config: ftfy.TextFixerConfig) -> str:
    if not ESCAPED_BYTE.search(line):
        return _fix_text(line, config)
    if not PARKING.search(line):
        parked = ESCAPED_BYTE.sub(lambda m: chr(ord(m.group()) + PARKING_OFFSET), line)
        fixed = PARKING.sub(lambda m: chr(ord(m.group()) - PARKING_OFFSET), _fix_text(parked, config))
        if not any(map(_reads_as_text, ESCAPED_BYTE_RUN.findall(fixed))):
            return fixed
    # The parking characters are taken, or the fix removed everything between
    # two runs of bytes that, joined, read as valid UTF-8 (so the next run
    # would decode them): fix the text between the bytes instead, keeping any
    # piece between two runs whose removal would join them so.
    pieces = ESCAPED_BYTE_RUN.split(line)  # text, bytes, text, ..., bytes, text
    run = ""  # the run of bytes the output ends with, as far as it goes
    for index in range(0, len(pieces), 2):
        fixed = _fix_text(pieces[index], config)
        between = 0 < index < len(pieces) - 1
        if between and not fixed and not _reads_as_text(run + pieces[index + 1]):
            pieces[index] = ""
            run += pieces[index + 1]
        else:
            pieces[index] = (fixed or pieces[index]) if between else fixed
            run = pieces[index + 1] if index + 1 < len(pieces) else ""
    return "".join(pieces)


def _reads_as_text(escaped_bytes: str) -> bool:
    """True when some of these undecodable bytes, taken together, decode as UTF-8."""
    data = escaped_bytes.encode("utf-8", "surrogateescape")
    return data.decode("utf-8", "surrogateescape") != escaped_bytes


def unicode_edits(text: str) -> list[Edit]:
    """What ``repair_unicode`` changes, one edit per changed stretch of a line."""
    return line_edits(text, repair_unicode(text), "ftfy")


RULE = Rule(
    name="unicode",
    summary="Repair mojibake, HTML entities and control characters; normalise to NFC.",
    explanation="""\
Runs ftfy over the text. It changes:
- mojibake (UTF-8 decoded as Windows-1252 or Latin-1): `didnâ€™t` -> `didn’t`;
- HTML entities in plain text: `Tom &amp; Jerry` -> `Tom & Jerry` (text that
  looks like HTML markup keeps its entities);
- control characters, terminal colour codes and lone surrogates (except
  U+DC80..U+DCFF, which carry undecodable bytes under `--keep-undecodable`;
  a control character between such bytes stays if removing it would join
  them into valid UTF-8);
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
    find_edits=unicode_edits,
)
