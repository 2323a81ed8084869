"""The compact word list gives exactly wordfreq's values, and loads without wordfreq."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from wordfreq import get_frequency_list, zipf_frequency

from cleaner import lexicon, wordlist

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(wordlist, "PACKAGED_DIR", str(tmp_path / "no-packaged-copy"))
    return tmp_path


def test_every_listed_word_has_wordfreqs_bin_value(cache):
    table = wordlist.english_zipf_table()
    expected: dict[str, float] = {}
    for centibels, words in enumerate(get_frequency_list("en", wordlist="large")):
        zipf_of_bin = wordlist.zipf_of_centibels(centibels)
        for word in words:
            expected.setdefault(word, zipf_of_bin)
    assert len(expected) > 300_000
    mismatches = [word for word, zipf in expected.items() if table.get(word, 0.0) != zipf]
    assert mismatches == []


def test_common_words_are_wordfreqs_words_above_the_threshold(cache):
    table = wordlist.english_zipf_table()
    expected = set()
    for centibels, words in enumerate(get_frequency_list("en", wordlist="large")):
        if wordlist.zipf_of_centibels(centibels) >= lexicon.ENGLISH_VOCABULARY_MIN_ZIPF:
            expected.update(words)
    assert len(expected) > 10_000
    assert table.words_at_least(lexicon.ENGLISH_VOCABULARY_MIN_ZIPF) == expected
    assert table.words_at_least(10.0) == frozenset()


def test_words_of_the_corpus_match_wordfreqs_zipf_frequency(cache):
    table = wordlist.english_zipf_table()
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "corpus").glob("*.txt")))
    words = set(re.findall(r"[a-z]+", text.lower()))
    assert len(words) > 500
    for word in sorted(words):
        assert round(table.get(word, 0.0), 2) == zipf_frequency(word, "en", wordlist="large"), word


def test_unlisted_words_and_lookalikes_get_the_default(cache):
    table = wordlist.english_zipf_table()
    assert table.get("prisonersof", 0.0) == 0.0
    assert table.get("the\t777\nof", -1.0) == -1.0  # cannot match across two entries
    assert table.get("", -1.0) == -1.0
    assert table.get("\ud800", -1.0) == -1.0  # a lone surrogate is looked up, not an error
    assert "the" in table and "prisonersof" not in table
    assert table.get("the") == table.get("the") == lexicon.zipf("the")


def test_first_use_writes_the_cache_and_later_runs_read_it_without_wordfreq(cache):
    wordlist.english_zipf_table()
    stored = cache / wordlist.file_name()
    assert stored.exists()
    probe = (
        "import sys; from cleaner import lexicon; "
        "print(lexicon.zipf('prisoners'), 'wordfreq' in sys.modules, 'langcodes' in sys.modules)"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), CLEANER_CACHE_DIR=str(cache))
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.split() == [str(zipf_frequency("prisoners", "en", wordlist="large")), "False", "False"]


def test_a_file_built_from_other_wordfreq_data_is_rebuilt(cache):
    stored = cache / wordlist.file_name()
    built = wordlist.build()
    key = wordlist.source_key()
    wordlist.write(str(stored), built.replace(key, key[:-8] + b"00000000", 1))
    assert wordlist._read(str(stored), key) is None
    assert wordlist.english_zipf_table().get("the") == lexicon.zipf("the")
    assert wordlist._read(str(stored), key) is not None


def test_a_damaged_file_is_rebuilt(cache):
    stored = cache / wordlist.file_name()
    stored.write_bytes(wordlist.build()[:5000])  # cut short
    assert wordlist._read(str(stored), wordlist.source_key()) is None
    assert wordlist.english_zipf_table().get("the") == lexicon.zipf("the")
    assert wordlist._read(str(stored), wordlist.source_key()) is not None


def test_the_build_command_writes_a_table_for_the_package(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "cleaner.wordlist", str(tmp_path)], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith(f"wrote {tmp_path / wordlist.file_name()}")
    table = wordlist._read(str(tmp_path / wordlist.file_name()), wordlist.source_key())
    assert table is not None and table.get("war") == lexicon.zipf("war")


def test_remembered_answers_are_bounded_and_stay_right(cache, monkeypatch):
    monkeypatch.setattr(wordlist, "MAX_REMEMBERED", 3)
    table = wordlist.english_zipf_table()
    words = ["the", "qzxmittagong", "war", "prisonersof", "of", "the", "qzxmittagong"]
    answers = [table.get(word, 0.0) for word in words]
    assert answers == [lexicon.zipf(word) for word in words]
    assert answers[1] == answers[3] == 0.0 and answers[0] > 7
    assert len(table._answers) <= 3


def test_common_share_by_lookups_equals_the_share_by_the_set_of_common_words(cache, monkeypatch):
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "corpus").glob("*.txt")))
    words = lexicon.STOPWORD_TOKEN.findall(text.lower())
    assert len(set(words)) > 500
    monkeypatch.setattr(lexicon, "_common", None)
    monkeypatch.setattr(lexicon, "_common_lookups", 0)
    by_lookups = [lexicon._common_share(words[at : at + 50]) for at in range(0, len(words), 50)]
    assert lexicon._common is None  # fewer words than COMMON_LOOKUPS_BEFORE_SET: no set made
    monkeypatch.setattr(lexicon, "_common_lookups", lexicon.COMMON_LOOKUPS_BEFORE_SET)
    by_set = [lexicon._common_share(words[at : at + 50]) for at in range(0, len(words), 50)]
    assert lexicon._common is not None
    assert by_lookups == by_set
    assert len(set(by_lookups)) > 3  # shares that tell texts apart, not all 1.0


def test_compounds_read_from_the_file_text_equal_those_of_the_table(monkeypatch):
    rows = lexicon.COMPOUNDS.read_text(encoding="utf-8").splitlines()[1:]
    expected = {word: float(value) for word, value in (row.split("\t") for row in rows)}
    words = list(expected)
    probes = [words[0], words[-1], words[len(words) // 2], "runlevel", "prisoners", "", "a\tb", "zzzzq"]
    monkeypatch.setattr(lexicon, "_zipf_by_compound", None)
    monkeypatch.setattr(lexicon, "_compound_lines", None)
    monkeypatch.setattr(lexicon, "_compound_lookups", 0)
    by_text = [lexicon.compound_zipf(word) for word in probes]
    assert lexicon._zipf_by_compound is None  # still looked up in the file's text
    monkeypatch.setattr(lexicon, "_compound_lookups", lexicon.COMPOUND_LOOKUPS_BEFORE_TABLE)
    by_table = [lexicon.compound_zipf(word) for word in probes]
    assert lexicon._zipf_by_compound is not None
    assert by_text == by_table == [expected.get(word) for word in probes]
    assert by_text[0] is not None and by_text[1] is not None
