"""Any input: ``clean`` never raises or hangs on any ``str``, undecodable bytes
come back out exactly as they went in, and the command line answers every bad
input it can meet with one clear line, never a traceback."""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

import ftfy
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.cli import main
from cleaner.files import check_encoding
from cleaner.registry import RULES

# --- Any string --------------------------------------------------------------

EMOJI_FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
FLAG_OF_WALES = "\U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f"
HOSTILE_PIECES = [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1b[31m", "\x1b[0m", "\x7f",  # C0 and escapes
    "\x80", "\x85", "\x9d", "\x9f",  # C1
    "\r", "\r\n", "\u2028", "\u2029", "\ufeff",  # line breaks and a BOM mid-text
    "\u0301", "\u0338", "e\u0301\u0302\u0303\u0304", "\u034f",  # combining marks
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066",  # joiners, bidi controls
    "שלום עולם", "مرحبا بالعالم", "\u202bעברית\u202c", EMOJI_FAMILY, FLAG_OF_WALES, "👍🏽", "🏳️‍🌈",
    "\ud800", "\udbff", "\udc00", "\udfff", "\udc80", "\udcff", "\ud83d",  # lone surrogates
    "\ufffd", "\ufffe", "\uffff", "\U0010fffe", "\U0010ffff", "\U0010ff80", "\ue000",  # non-characters, private use
    "&amp;", "&amp;amp;amp;", "&#0;", "&#xd800;", "&#x1F600;", "&lt;", "<", "Ã©", "â€™", "ï»¿",
]
ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates included
SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"])
HOSTILE = st.lists(
    st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(ANY_CHARACTER, max_size=20), SURROGATE),
    max_size=40,
).map("".join)


def check_any_string(text: str) -> None:
    """``clean`` and each rule return a ``str`` and do not raise."""
    assert isinstance(clean(text), str)
    for rule in RULES:
        assert isinstance(rule.apply(text), str)


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_clean_never_raises_on_any_string(text):
    check_any_string(text)


@pytest.mark.parametrize("piece", HOSTILE_PIECES, ids=[ascii(p) for p in HOSTILE_PIECES])
def test_each_hostile_piece_alone_and_in_prose_is_cleaned_idempotently(piece):
    for text in (piece, f"The talks ended.{piece}The next round {piece} began  here.\n\n\n{piece}\n"):
        once = clean(text)
        assert clean(once) == once


def test_a_10_mb_line_without_spaces():
    line = "abcdefghij" * 1_000_000
    assert clean(line) == line + "\n"


def test_a_10_mb_line_of_words_without_line_breaks():
    line = "The talks ended.The council met on Thursday,adding that prisonersof war &amp; more. " * 120_000
    cleaned = clean(line)
    assert cleaned.startswith("The talks ended. The council met on Thursday, adding that prisoners of war & more.")


def test_a_megabyte_of_punctuation():
    marks = ".,;:!?\"'()[]{}<>/\\|-_*#%+=~^`@$“”‘’…–—"
    text = (marks * (1_000_000 // len(marks) + 1))[:1_000_000]
    cleaned = clean(text)
    assert cleaned.replace(" ", "").rstrip("\n") == text


def test_a_megabyte_of_mixed_hostile_pieces():
    text = "".join(HOSTILE_PIECES) * (1_000_000 // len("".join(HOSTILE_PIECES)))
    check_any_string(text)


def test_lines_of_only_carriage_returns_and_blanks_are_blank():
    # Regression: "the \r" became "the \r\n", which a second run read as CRLF.
    for text in ("\r", " \r", "the \r", "a \r\nb \r\nc\n\n\n\n\n", "a\n\r\n\r\n\r\nb\n\n\n\n\n"):
        once = clean(text)
        assert clean(once) == once, text
    assert clean("the \r") == "the\r"  # a bare-CR line ending stays one (no LF added)
    assert clean("a \r\nb \r\nc\n\n\n\n\n") == "a\r\nb\r\nc\n"


def test_a_split_word_glued_to_a_mark_is_left_to_punctuation_spacing():
    # Regression: joined-words split "…thenow?He" into "…the now?He", which
    # punctuation-spacing then fixed on a second run.
    for text in ("the the …thenow?He ", "—thenow,adding that", "the talks said,thenow the"):
        once = clean(text)
        assert clean(once) == once, text


def test_a_less_than_sign_that_nfc_composes_away_is_not_markup():
    # Regression: "<" + U+0338 is "≮" after NFC, so a second run saw no markup
    # and decoded the entity the first run had kept.
    once = clean("&amp;<\u0338")
    assert once == "&\u226e\n"
    assert clean(once) == once


def test_deeply_nested_ampersands_decode_in_one_go():
    # Regression: ftfy decodes one level per pass over the line (quadratic).
    text = "&" + "amp;" * 200_000 + " and &#38;#x26;AMP;#038;lt; end"
    assert clean(text) == "& and < end\n"


def test_ampersands_that_nest_once_a_control_character_goes_decode_in_one_go():
    # Regression: the nest only appears after ftfy's first pass removes "\x07".
    text = "&am\x07p;" + "am\x07p;" * 200_000 + " and &a\x1b[31;1mmp;lt; end"
    assert clean(text) == "& and < end\n"
    text = "&am\ufeffp;" + "am\ufeffp;" * 200_000 + " and more"  # not ASCII, on an otherwise ASCII line
    assert clean(text) == "& and more\n"


def test_removing_control_characters_early_never_joins_other_characters():
    # Found by the fuzz script: removing "\x00" first paired the surrogates up.
    from cleaner.rules.unicode import FTFY_CONFIG, repair_unicode

    config = FTFY_CONFIG._replace(unescape_html=True)
    text = "\ud800\x00\udd00&amp;"
    assert repair_unicode(text) == ftfy.fix_text(text, config) == "\ufffd\ufffd&"
    # Found in review: removing U+FEFF first made the line encodable, and ftfy's repair took another path.
    for text in ["&\ufeff;\x85â€™", "&#\u206a38; \x85â€™"]:
        assert repair_unicode(text) == ftfy.fix_text(text, config)


# --- Undecodable bytes --------------------------------------------------------

INVALID_BYTES = [b"\xff", b"\xfe", b"\x80", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80"]
TEXT_BYTES = [
    piece.encode()
    for piece in ["The talks ", "ended.The ", "café ", "  ", "\n", "\n\n\n", "&amp; ", "didnâ€™t ", ",", "prisonersof "]
]
WITH_INVALID_BYTES = st.lists(
    st.one_of(
        st.sampled_from(INVALID_BYTES),
        st.sampled_from(TEXT_BYTES),
        st.binary(max_size=6).filter(lambda data: b"\x00" not in data),
    ),
    max_size=30,
).map(b"".join)
ESCAPED_RUN = re.compile("[\udc80-\udcff]+")


def invalid_runs(data: bytes) -> list[bytes]:
    """Every maximal run of bytes that are not valid UTF-8, in order."""
    text = data.decode("utf-8", "surrogateescape")
    return [run.encode("utf-8", "surrogateescape") for run in ESCAPED_RUN.findall(text)]


def check_bytes_kept(data: bytes, cleaned: bytes) -> None:
    """Every maximal run of invalid bytes of ``data`` is found in ``cleaned``, in order."""
    position = 0
    for run in invalid_runs(data):
        found = cleaned.find(run, position)
        assert found >= 0, (run, data, cleaned)
        position = found + len(run)
    # And they are still undecodable: no two runs were joined into valid UTF-8
    # (so a second run over the output sees the same bytes, and is a no-op).
    assert b"".join(invalid_runs(cleaned)) == b"".join(invalid_runs(data)), (data, cleaned)


def clean_bytes(data: bytes) -> bytes:
    return clean(data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")


@settings(max_examples=200, deadline=None, derandomize=True)
@given(WITH_INVALID_BYTES)
def test_undecodable_bytes_come_back_out_as_they_went_in(data):
    check_bytes_kept(data, clean_bytes(data))


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"\xc2\x01\x80", b"\xc2\x01\x80\n"),  # without the control character: U+0080
        (b"\xe2\x01\x82\x07\xac", b"\xe2\x82\x07\xac\n"),  # without both: the euro sign
        (b"\xff\x1b[31m\xfe x", b"\xff\xfe x\n"),  # never valid UTF-8: the escape code goes
    ],
)
def test_a_control_character_between_undecodable_bytes_stays_if_its_removal_would_make_them_text(data, expected):
    assert clean_bytes(data) == expected
    assert clean_bytes(expected) == expected


def test_undecodable_bytes_are_kept_beside_private_use_characters():
    # Regression: U+10FF80..U+10FFFF on the same line used to turn the bytes into U+FFFD.
    data = "caf".encode() + b"\xe9 \xff ok " + "\U0010ffff &amp; x\n".encode()
    assert clean_bytes(data) == b"caf\xe9 \xff ok " + "\U0010ffff & x\n".encode()


@settings(max_examples=25, deadline=None, derandomize=True)
@given(WITH_INVALID_BYTES.filter(invalid_runs))
def test_keep_undecodable_round_trips_through_the_command_line(data):
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "mixed.txt")
        with open(path, "wb") as handle:
            handle.write(data)
        result = CliRunner().invoke(main, ["-i", "--keep-undecodable", path])
        assert result.exit_code == 0, result.output
        with open(path, "rb") as handle:
            cleaned = handle.read()
        check_bytes_kept(data, cleaned)
        assert cleaned == clean_bytes(data)


def test_without_keep_undecodable_the_file_is_refused_untouched(tmp_path):
    path = tmp_path / "mixed.txt"
    data = b"Tom &amp; Jerry  met \xff\xfe here.\n\n\n"
    path.write_bytes(data)
    for mode in ([], ["-i"], ["--check"], ["--diff"]):
        result = _cleaner(*mode, str(path))
        assert result.returncode == 2
        assert b"not valid utf-8: byte 0xff at offset 21" in result.stderr
        assert path.read_bytes() == data


# --- The command line on bad inputs --------------------------------------------------


def _cleaner(*args: str, input: bytes = b"", timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args], input=input, capture_output=True, timeout=timeout
    )


def _one_clear_line(result: subprocess.CompletedProcess, *needles: str) -> None:
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr
    assert result.returncode == 2
    assert stderr.count("\n") == 1 and stderr.startswith("cleaner: "), stderr
    for needle in needles:
        assert needle in stderr


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"caf\xe9 au lait\n", "not valid utf-8: byte 0xe9 at offset 3"),
        (b"Tom\x00 &amp; Jerry\n", "looks binary (NUL character at position 3)"),
    ],
    ids=["undecodable", "nul"],
)
def test_bad_file_content_is_one_line_and_the_file_is_untouched(tmp_path, content, needle):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    for mode in ([], ["-i"], ["--check"]):
        _one_clear_line(_cleaner(*mode, str(path)), needle, str(path))
        assert path.read_bytes() == content


def test_missing_file(tmp_path):
    _one_clear_line(_cleaner(str(tmp_path / "missing.txt")), "no such file")


def test_a_directory_is_walked_not_read(tmp_path):
    (tmp_path / "a.txt").write_text("Tom &amp; Jerry  met.\n")
    result = _cleaner(str(tmp_path))
    assert b"Traceback" not in result.stderr
    assert result.returncode == 0
    assert result.stdout == b"Tom & Jerry met.\n"


def test_an_empty_directory_is_nothing_to_do(tmp_path):
    result = _cleaner(str(tmp_path))
    assert (result.returncode, result.stdout, b"Traceback" in result.stderr) == (0, b"", False)


def test_unknown_encoding_is_a_usage_error(tmp_path):
    result = _cleaner("--encoding", "no-such-codec", "-", input=b"x")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert b"unknown encoding 'no-such-codec'" in result.stderr


@pytest.mark.parametrize("encoding", ["rot13", "base64", "zlib", "idna", "undefined"])
def test_codecs_that_are_not_text_encodings_are_refused(encoding):
    with pytest.raises(LookupError, match="not a text encoding"):
        check_encoding(encoding)


@pytest.mark.parametrize("encoding", ["rot13", "base64", "undefined"])
def test_codecs_that_are_not_text_encodings_are_a_usage_error(encoding):
    result = _cleaner("--encoding", encoding, "-", input=b"hello  world\n")
    assert b"Traceback" not in result.stderr
    assert result.returncode == 2


def test_utf16_round_trip_in_place_and_printed(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Tom &amp; Jerry  met. Café “ok” 😀\n\n\n".encode("utf-16"))
    printed = _cleaner("--encoding", "utf-16", str(path))
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == "Tom & Jerry met. Café “ok” 😀\n".encode("utf-16")
    assert _cleaner("-i", "--encoding", "utf-16", str(path)).returncode == 0
    assert path.read_bytes() == printed.stdout
    assert path.read_bytes().startswith(codecs.BOM_UTF16)


def test_utf16_without_a_byte_order_mark_is_one_clear_line(tmp_path):
    # Regression: the UTF-16 decoder raises a plain UnicodeError, which was not caught.
    path = tmp_path / "wide.txt"
    path.write_bytes("Tom &amp; Jerry\n".encode("utf-16-le"))
    _one_clear_line(_cleaner("--encoding", "utf-16", str(path)), "not valid utf-16", "does not start with BOM")
    assert path.read_bytes() == "Tom &amp; Jerry\n".encode("utf-16-le")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    result = _cleaner(str(path))
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert _cleaner("-i", str(path)).returncode == 0
    assert path.read_bytes() == b"" and path.stat().st_mtime_ns == 1_000_000_000


def test_file_with_only_a_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8)
    result = _cleaner(str(path))
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout in (b"", codecs.BOM_UTF8)
    assert _cleaner("-i", str(path)).returncode == 0
    assert path.read_bytes() == codecs.BOM_UTF8


def test_dev_null_prints_nothing_and_is_not_rewritten():
    result = _cleaner(os.devnull)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    _one_clear_line(_cleaner("-i", os.devnull), "not a regular file")


def _feed_fifo(path, data: bytes) -> threading.Thread:
    def write():
        with open(path, "wb") as fifo:
            fifo.write(data)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_read_like_a_pipe(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    writer = _feed_fifo(fifo, b"Tom &amp; Jerry  met.\n\n\n")
    result = _cleaner(str(fifo), timeout=30)
    writer.join(5)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"Tom & Jerry met.\n", b"")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_not_replaced_by_a_file_in_place(tmp_path):
    # Regression: -i used to os.replace the FIFO with a regular file.
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    writer = _feed_fifo(fifo, b"Tom &amp; Jerry  met.\n")
    result = _cleaner("-i", str(fifo), timeout=30)
    writer.join(5)
    _one_clear_line(result, "not a regular file")
    assert fifo.is_fifo()
    assert os.listdir(tmp_path) == ["fifo"]


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.txt"
    paragraph = "The talks ended.The council met on Thursday,adding that &amp; more  here.\n\n"
    path.write_text(paragraph * 60_000)  # about 4.6 MB: many writes after the reader has gone
    return path


def _processes_in_session(session: int) -> list[int]:
    """Process ids still running in ``session`` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":  # state, ppid, pgrp, session
                found.append(int(entry))
    return found




@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc to find leftover processes")
@pytest.mark.parametrize(
    "how", ["file", "stdin", "two files, -j 2"]
)
def test_stdout_closed_early_is_not_a_traceback(big_file, tmp_path, how):
    """``cleaner big.txt | head -1``: no traceback, and no process left behind."""
    args = {"file": [str(big_file)], "stdin": ["-"], "two files, -j 2": ["-j", "2", str(big_file), str(big_file)]}[how]
    with open(big_file, "rb") as stdin, open(tmp_path / "stderr", "wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "cleaner", *args],
            stdin=stdin if how == "stdin" else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,  # a file: leftover processes holding a pipe would block reading it
            start_new_session=True,
        )
        first = process.stdout.readline()
        process.stdout.close()
        process.wait(timeout=60)
    deadline = time.monotonic() + 10  # workers notice their parent is gone within a poll interval; allow for load
    while (left := _processes_in_session(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in left:  # processes this test started; stop them one by one
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    errors = (tmp_path / "stderr").read_text()
    assert first == b"The talks ended. The council met on Thursday, adding that & more here.\n"
    assert "Traceback" not in errors and "Exception ignored" not in errors, errors
    assert process.returncode in (0, 1, 2, -signal.SIGPIPE)
    assert left == [], f"processes left running: {left}"
