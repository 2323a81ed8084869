"""The public API: rule selection, chain order, line endings, any input."""

from __future__ import annotations

import pytest

import cleaner
from cleaner import RULES, UnknownRuleError, clean, list_rules, select_rules


def test_clean_runs_the_whole_chain_by_default():
    assert clean("Tom &amp; Jerry  met.\n\n\n\n") == "Tom & Jerry met.\n"


def test_select_runs_only_named_rules():
    assert clean("Tom &amp; Jerry  met.", select=["unicode"]) == "Tom & Jerry  met."
    assert clean("Tom &amp; Jerry  met.", select="whitespace") == "Tom &amp; Jerry met.\n"


def test_ignore_skips_named_rules():
    assert clean("Tom &amp; Jerry  met.", ignore="unicode") == "Tom &amp; Jerry met.\n"


def test_select_accepts_comma_separated_names_in_any_order():
    assert [r.name for r in select_rules("whitespace,unicode")] == ["unicode", "whitespace"]


def test_selected_rules_keep_registry_order():
    names = [rule.name for rule in RULES]
    assert [r.name for r in select_rules(list(reversed(names)))] == names


def test_unknown_rule_names_the_valid_ones():
    with pytest.raises(UnknownRuleError) as error:
        clean("x", select=["no-such-rule"])
    assert "no-such-rule" in str(error.value)
    assert "whitespace" in str(error.value)


def test_list_rules_exposes_metadata():
    rules = list_rules()
    assert [rule.name for rule in rules] == [rule.name for rule in RULES]
    assert all(rule.summary and rule.examples for rule in rules)


def test_single_rule_gives_the_same_result_as_in_the_chain():
    # A rule is a pure function: selecting it alone equals calling it.
    text = "Tom &amp; Jerry  met.\n\n\n"
    for rule in RULES:
        assert clean(text, select=[rule.name]) == rule.apply(text)


def test_crlf_documents_stay_crlf():
    assert clean("one  two \r\n\r\n\r\n\r\nthree\r\n") == "one two\r\n\r\nthree\r\n"


def test_lf_documents_stay_lf():
    assert clean("one \n\n\n\ntwo") == "one\n\ntwo\n"


def test_unchanged_text_is_returned_as_is_even_with_mixed_line_endings():
    text = "one\r\ntwo\nthree\r\n"
    assert clean(text) == text


def test_empty_and_blank_documents():
    assert clean("") == ""
    assert clean("\n\n \n") == ""


@pytest.mark.parametrize(
    "text",
    ["\ud800 lone surrogate", "\x00\x01\x02", "e\u0301\u0301\u0301", "שלום עולם", "👩‍👩‍👧‍👦 family", "." * 10_000, "x" * 100_000],
)
def test_clean_accepts_awkward_strings(text):
    result = clean(text)
    assert isinstance(result, str)
    assert clean(result) == result


def test_package_exports_are_documented():
    assert cleaner.clean.__doc__ and cleaner.list_rules.__doc__
