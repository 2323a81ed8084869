"""The sample documents in corpus/: each NAME.txt cleans to NAME.expected.txt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import clean

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SOURCES = sorted(path for path in CORPUS.glob("*.txt") if not path.name.endswith(".expected.txt"))


def _expected(source: Path) -> Path:
    return source.with_name(source.name.removesuffix(".txt") + ".expected.txt")


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_every_sample_has_its_expected_output():
    assert SOURCES
    assert [s.name for s in SOURCES if not _expected(s).exists()] == []


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_sample_cleans_to_its_expected_output(source):
    assert clean(_read(source)) == _read(_expected(source))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_expected_output_is_already_clean(source):
    expected = _read(_expected(source))
    assert clean(expected) == expected


def test_command_line_cleans_the_seed_article_exactly():
    source = CORPUS / "nypost-article.txt"
    with source.open("rb") as stdin:
        result = subprocess.run([sys.executable, "-m", "cleaner"], stdin=stdin, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == _expected(source).read_bytes()
