"""Cleaning in segments: any way of cutting the input gives the output of
cleaning it whole, and a pipe sees output before its input ends."""

from __future__ import annotations

import re

import os
import random
import select
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import clean, segments
from cleaner.pipeline import clean_stream
from cleaner.segments import PAUSE, segments_of

WORDS = "the talks began on Wednesday with Kyiv agreeing to move forward despite frigid weather".split()
EXTRAS = ["didnâ€™t", "Tom &amp; Jerry", "https://example.com/a?b=1", "  ", "\t", "3.5%", "“Yes,” she said."]


def generated_text(seed: int, paragraphs: int = 60) -> str:
    rng = random.Random(seed)
    out = []
    for _ in range(paragraphs):
        lines = []
        for _ in range(rng.randint(1, 4)):
            words = [rng.choice(WORDS + EXTRAS) for _ in range(rng.randint(3, 25))]
            lines.append(" ".join(words) + rng.choice([".", "", "  ", " \t"]))
        if rng.random() < 0.2:
            lines.append("The post Talks resume appeared first on Harbor City Gazette.")
        out.append("\n".join(lines))
        out.append(rng.choice(["\n\n", "\n\n\n\n", "\n \n", "\n\t\n\n"]))
    return rng.choice(["", "\n\n"]) + "".join(out)


def cut_at_random(text: str, rng: random.Random) -> list[str]:
    pieces, start = [], 0
    while start < len(text):
        end = start + rng.choice([1, 2, 7, 64, 500, 4096])
        pieces.append(text[start:end])
        start = end
    return pieces


@pytest.fixture
def small_segments(monkeypatch):
    monkeypatch.setattr(segments, "SEGMENT_SIZE", 300)
    monkeypatch.setattr(segments, "MAX_SEGMENT_SIZE", 1200)


@pytest.mark.parametrize("seed", range(20))
def test_segments_do_not_depend_on_how_input_is_cut(seed, small_segments):
    text = generated_text(seed)
    whole = list(segments_of([text]))
    pieces = list(segments_of(cut_at_random(text, random.Random(seed))))
    assert pieces == whole
    assert "".join(whole) == text
    assert len(whole) > 3


@pytest.mark.parametrize("seed", range(20))
def test_streamed_cleaning_equals_whole_cleaning(seed, small_segments):
    text = generated_text(seed)
    streamed = "".join(clean_stream(cut_at_random(text, random.Random(seed + 1))))
    assert streamed == clean(text)


@pytest.mark.parametrize("sizes", [(200, 800), (30, 60)], ids=["blank-line-cuts", "line-break-cuts"])
@pytest.mark.parametrize("seed", range(10))
def test_small_segments_clean_like_one_segment(seed, sizes, monkeypatch):
    text = generated_text(seed)
    if sizes[1] < 100:
        # Cuts at single line breaks (in a paragraph over MAX_SEGMENT_SIZE) keep
        # memory bounded; there, code-like lines (tabs, aligned columns) are
        # judged without their neighbours across the cut, so this case is prose.
        text = re.sub("[ \t]+", " ", text)
    monkeypatch.setattr(segments, "SEGMENT_SIZE", 10**9)
    monkeypatch.setattr(segments, "MAX_SEGMENT_SIZE", 10**9)
    whole = clean(text)
    monkeypatch.setattr(segments, "SEGMENT_SIZE", sizes[0])
    monkeypatch.setattr(segments, "MAX_SEGMENT_SIZE", sizes[1])
    assert "".join(clean_stream(cut_at_random(text, random.Random(seed)))) == whole


@pytest.mark.parametrize("select", [["whitespace"], ["unicode"], None])
def test_cut_inside_long_paragraphs_falls_back_to_line_breaks(select, monkeypatch):
    monkeypatch.setattr(segments, "SEGMENT_SIZE", 50)
    monkeypatch.setattr(segments, "MAX_SEGMENT_SIZE", 120)
    text = "\n".join(f"line {n} of one long  paragraph &amp; more" for n in range(40)) + "\n\n\nlast\n"
    assert len(list(segments_of([text]))) > 5
    assert "".join(clean_stream(cut_at_random(text, random.Random(3)), select)) == clean(text, select)
    monkeypatch.setattr(segments, "SEGMENT_SIZE", 10**9)
    monkeypatch.setattr(segments, "MAX_SEGMENT_SIZE", 10**9)
    assert "".join(clean_stream([text], select)) == clean(text, select)


def test_pause_releases_complete_paragraphs():
    parts = list(segments_of(["first paragraph\n\nsecond", PAUSE, " continues\n"]))
    assert parts == ["first paragraph\n\n", "second continues\n"]


def _read_available(stream, timeout: float) -> bytes:
    ready, _, _ = select.select([stream], [], [], timeout)
    return os.read(stream.fileno(), 65536) if ready else b""


def test_pipe_output_starts_before_input_ends():
    process = subprocess.Popen(
        [sys.executable, "-m", "cleaner"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        process.stdin.write("First  paragraph, didnâ€™t wait.\n\n".encode())
        process.stdin.flush()
        first = b""
        for _ in range(100):
            first += _read_available(process.stdout, 0.2)
            if first.endswith(b"\n"):
                break
        assert first == "First paragraph, didn’t wait.\n".encode()
        assert process.poll() is None  # still running: its input is open
        process.stdin.write(b"Second   paragraph.\n\n\n")
        process.stdin.close()
        rest = process.stdout.read()
        assert process.wait(timeout=30) == 0
        assert rest == b"\nSecond paragraph.\n"
    finally:
        process.kill()


CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize("name", ["nypost-article", "feed-dump", "wire-story", "french-brief"])
@pytest.mark.parametrize("seed", range(3))
def test_corpus_streamed_in_random_pieces_and_small_segments(name, seed, monkeypatch):
    text = (CORPUS / f"{name}.txt").read_text("utf-8")
    expected = (CORPUS / f"{name}.expected.txt").read_text("utf-8")
    monkeypatch.setattr(segments, "SEGMENT_SIZE", 200 + 150 * seed)
    monkeypatch.setattr(segments, "MAX_SEGMENT_SIZE", 2000)
    assert "".join(clean_stream(cut_at_random(text, random.Random(seed)))) == expected
