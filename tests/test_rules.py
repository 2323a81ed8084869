"""Every example of every rule, run through that rule alone and through the
pipeline with only that rule selected."""

from __future__ import annotations

import pytest

from cleaner import RULES, clean

EXAMPLES = [
    pytest.param(rule, source, expected, id=f"{rule.name}-{index}")
    for rule in RULES
    for index, (source, expected) in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule", "source", "expected"), EXAMPLES)
def test_rule_example(rule, source, expected):
    assert rule.apply(source) == expected


@pytest.mark.parametrize(("rule", "source", "expected"), EXAMPLES)
def test_rule_example_through_select(rule, source, expected):
    assert clean(source, select=[rule.name]) == expected


@pytest.mark.parametrize(("rule", "source", "expected"), EXAMPLES)
def test_rule_example_is_idempotent(rule, source, expected):
    assert rule.apply(expected) == expected


def test_rule_names_are_unique_kebab_case():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for name in names:
        assert name == name.lower() and " " not in name and "_" not in name


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_documents_itself(rule):
    assert rule.summary and "\n" not in rule.summary
    assert rule.explanation.strip()
    assert any(source == expected for source, expected in rule.examples), "needs an unchanged example"
    assert any(source != expected for source, expected in rule.examples), "needs a fixing example"


@pytest.mark.parametrize(("rule", "source", "expected"), EXAMPLES)
def test_rule_edits_are_sorted_and_apart_and_make_the_example(rule, source, expected):
    from cleaner.edits import apply_edits, check_edits
    from cleaner.layout import tidy_document_edges

    edits = rule.find_edits(source)
    check_edits(source, edits)
    made = apply_edits(source, edits)
    assert (tidy_document_edges(made) if rule.document_edges else made) == expected


def test_whitespace_is_idempotent_on_every_short_mix_of_blanks_and_line_ends():
    import itertools

    from cleaner.rules.whitespace import RULE

    for length in range(1, 7):
        for characters in itertools.product("a \t\r\n", repeat=length):
            text = "".join(characters)
            once = RULE.apply(text)
            assert RULE.apply(once) == once, text
            assert clean(once, select="whitespace") == once, text


@pytest.mark.parametrize("text", ["a\rb\r\nc\r\n", "  indented\r\n\tand tab\r\n", "one two\rthree\n"])
def test_whitespace_leaves_tidy_line_ends_alone_lone_carriage_returns_included(text):
    from cleaner.rules.whitespace import RULE

    assert RULE.find_edits(text) == []
    assert clean(text, select="whitespace") == text
