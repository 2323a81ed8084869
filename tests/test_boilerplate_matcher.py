"""The ``boilerplate`` catalog compiled piece by piece: each shortcut the rule
takes for speed (per-character buckets, the one-pass scan, the test of a
footer's last word, openings looked ahead as a trie, openings looked for again
only near removed lines) gives what the whole-catalog regexes give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.boilerplate_catalog import CATALOG
from cleaner.edits import apply_edits
from cleaner.rules.boilerplate import (
    DEFAULT_ENTRIES,
    ENTRIES_BY_NAME,
    _atoms,
    _glued_starts,
    _line_edits,
    _scan,
    _glued_edits,
    _glued_edits_with_removed_lines,
    _map_back,
    _union,
    _whole_catalog_line,
    compile_catalog,
)

DEFAULT = compile_catalog(frozenset(DEFAULT_ENTRIES))
EVERY_ENTRY = compile_catalog(frozenset(ENTRIES_BY_NAME))
MATCHERS = [pytest.param(DEFAULT, id="default"), pytest.param(EVERY_ENTRY, id="every-entry")]
WRAPPINGS = ["{}", "  {}  ", "• {}", "* {}", "### {}", "[{}](https://example.org/share?u=1)", "[ {} ]", "-- {}"]
WRAPPINGS += ["{}."]
LINES = [
    wrapping.format(text)
    for entry in CATALOG
    for text in (entry.example, entry.look_alike, entry.example.upper(), entry.example.lower())
    for wrapping in WRAPPINGS
]


@pytest.mark.parametrize("matcher", MATCHERS)
def test_a_line_is_a_catalog_line_for_its_bucket_as_for_the_whole_catalog(matcher):
    for line in LINES:
        whole = matcher.line.match(line)
        whole_kind = whole.lastgroup if whole is not None and whole.end() == len(line) else None
        bucketed = _whole_catalog_line(matcher, line)
        assert (bucketed.lastgroup if bucketed is not None else None) == whole_kind, line


@pytest.mark.parametrize("matcher", MATCHERS)
def test_a_glued_footer_matches_in_its_bucket_as_in_the_whole_catalog(matcher):
    endings = ["", ".", " and more", "…", "...", "]", " story.", " chars]"]
    for entry in CATALOG:
        for text in (entry.example, entry.look_alike, entry.example[: len(entry.example) // 2]):
            for ending in endings:
                window = (text + ending).rstrip()
                bucket = matcher.glued_at(window[0])
                bucketed = bucket.fullmatch(window) if bucket is not None else None
                whole = matcher.glued.fullmatch(window)
                assert (bucketed is None) == (whole is None), window


def test_atoms_put_back_together_give_the_regex():
    regexes = [r"he\s+post\s+", r"(?:\.|(?<=…)|(?<=\.\.\.))x", r"['’]a", r"\d{4}x+?", r"[\]a]b"]
    regexes.append(r"[^]x](?:a|(?:b)c)?")
    for regex in regexes:
        atoms = _atoms(regex)
        assert "".join(atoms) == regex
        assert all(re.compile(atom) for atom in atoms)  # each atom is a regex on its own


OPENINGS = [r"he\s+post\s+", r"his\s+(?:article|story|post)\s+originally", r"his\s+post\s+appeared", r"o\s+read", r"he"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="hestpoaricly rd\n\t", max_size=30))
def test_the_union_of_openings_matches_where_any_of_them_does(text):
    union = re.compile("(?=" + _union(OPENINGS[:-1]) + ")")
    assert (union.match(text) is not None) == any(re.match(regex, text) for regex in OPENINGS[:-1])
    with_prefix = re.compile("(?=" + _union(OPENINGS) + ")")
    assert (with_prefix.match(text) is not None) == any(re.match(regex, text) for regex in OPENINGS)


PIECES = [e.example for e in CATALOG if e.glued] + [e.example for e in CATALOG] + [
    "Body.",
    "The",
    "post",
    "READ MORE»",
    "Share this:",
    "Related",
    "Continue",
    "reading",
    "[",
    "Tweet",
]


def glued_edits_on_the_shortened_text(text, removed):
    """The plain way: remove the lines, look for openings and glued footers
    in the whole shortened text, map the cuts back."""
    shortened = apply_edits(text, removed)
    return _map_back(_glued_edits(shortened, DEFAULT, _glued_starts(shortened, DEFAULT)), removed)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", "\n", "\n\n", ". ", "\n \n"])), max_size=14))
def test_glued_footers_after_removed_lines_are_those_of_the_shortened_text(parts):
    text = "".join(piece + joint for piece, joint in parts)
    newlines, starts = _scan(text, DEFAULT)
    assert starts == _glued_starts(text, DEFAULT)
    removed = _line_edits(text, DEFAULT, newlines)
    expected = glued_edits_on_the_shortened_text(text, removed)
    assert _glued_edits_with_removed_lines(text, DEFAULT, starts, removed) == expected


def test_a_footer_made_by_a_removed_line_is_cut():
    # "Continue" and "reading..." meet once the interjection between them goes.
    text = "Body. Continue\nADVERTISEMENT\nreading...\n\nNext.\n"
    newlines, starts = _scan(text, DEFAULT)
    removed = _line_edits(text, DEFAULT, newlines)
    assert [(edit.start, edit.end) for edit in removed] == [(15, 29)]
    cuts = _glued_edits_with_removed_lines(text, DEFAULT, starts, removed)
    assert cuts == glued_edits_on_the_shortened_text(text, removed) and len(cuts) == 1
    assert text[cuts[0].start : cuts[0].end].startswith(" Continue")


def test_start_up_compiles_only_the_buckets_a_text_needs():
    matcher = compile_catalog(frozenset(DEFAULT_ENTRIES) - {"yoast-de"})  # a fresh matcher
    _, starts = _scan("Body.\nThe post X appeared first on Y.\n", matcher)
    assert matcher._line_buckets == {} and matcher._glued_buckets == {}
    assert _whole_catalog_line(matcher, "The post X appeared first on Y.") is not None
    assert set(matcher._line_buckets) == {(frozenset("T"), "the")}
    # Only the templates that open with "The" went into the pattern, not every "T…" one.
    (chosen,) = matcher._line_patterns
    templates = {entry.name: entry.template for entry in CATALOG}
    assert chosen and all(templates[name].lower().startswith("the") for name in chosen)
    assert any(template.startswith("T") and name not in chosen for name, template in templates.items())

