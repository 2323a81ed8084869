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
    assert [r.name for r in select_rules("unicode,whitespace")] == ["whitespace", "unicode"]


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


def test_cleaner_object_matches_clean():
    from cleaner import Cleaner

    text = "Tom &amp; Jerry  met.\n\n\n"
    assert Cleaner().clean(text) == clean(text)
    assert Cleaner(select="unicode").clean(text) == clean(text, select="unicode")
    # as --jsonl and cleaner.dask clean a field: no final line break is added to a value
    assert list(Cleaner().clean_many([text, "a  b"])) == [clean(text), "a b"]
    assert "".join(Cleaner().clean_stream(["Tom &am", "p; Jerry"])) == clean("Tom &amp; Jerry")


def test_cleaner_rejects_options_for_unknown_rules_and_unknown_options():
    from cleaner import Cleaner

    with pytest.raises(UnknownRuleError):
        Cleaner(options={"nope": {}})
    with pytest.raises(ValueError, match="rule unicode has no option colour"):
        Cleaner(options={"unicode": {"colour": "red"}})


def test_explain_lists_each_change_with_rule_line_and_column():
    from cleaner import Change, explain

    text = "first line\nTom &amp; Jerry"
    changes = explain(text, select="unicode,whitespace")
    assert changes[0] == Change("unicode", 2, 5, "&amp;", "&", 15, 20, "ftfy")
    assert text[changes[0].start : changes[0].end] == "&amp;"
    assert [c.rule for c in changes] == ["unicode", "whitespace"]
    assert changes[1] == Change("whitespace", 2, 16, "", "\n", 26, 26, "final line break")
    assert changes[0].as_dict() == {
        "rule": "unicode", "line": 2, "column": 5, "before": "&amp;", "after": "&", "start": 15, "end": 20, "reason": "ftfy"
    }


def test_explain_places_changes_in_the_input_even_after_a_line_above_was_removed():
    from cleaner import explain

    text = "ADVERTISEMENT\nThe prisonersof war came home to the city, and the families were there.\n"
    changes = explain(text)
    assert [(c.rule, c.line, c.column) for c in changes] == [("boilerplate", 1, 1), ("joined-words", 2, 14)]
    joined = changes[1]
    assert (joined.start, joined.end, joined.before, joined.after) == (27, 27, "", " ")
    assert text[joined.start - 9 : joined.start + 2] == "prisonersof"


def test_explain_of_clean_text_is_empty():
    from cleaner import explain

    assert explain("Already clean.\n") == []


def test_recording_changes_stays_linear_on_many_identical_lines():
    from cleaner import explain

    text = "The talks ended.The council met on Thursday,adding  more.\n\n" * 3000
    changes = explain(text)
    # each line: two punctuation changes and one whitespace change; and the final blank line
    assert len(changes) == 3 * 3000 + 1
    assert {c.rule for c in changes} == {"punctuation-spacing", "whitespace"}


# Found by benchmarks/fuzz.py: a later rule re-spaced text that an earlier rule
# had judged by its spacing, so a second run found more to do.
@pytest.mark.parametrize(
    "text",
    [
        "the  Â  the ",  # ftfy reads "Â" by the spaces around it
        "the \x07 Â the",  # removing the control character leaves two spaces
        "Giraud    , Closes: next",  # a spaced comma that looks like aligned columns
        "the , \ufeff the",  # the BOM goes, leaving two spaces after the comma
    ],
)
def test_chain_is_idempotent_where_whitespace_respaces_text_other_rules_judged(text):
    once = clean(text)
    assert clean(once) == once


def test_the_chain_sees_single_spaces_but_a_rule_alone_sees_the_text_as_given():
    assert clean("Giraud    , Closes: next") == "Giraud, Closes: next\n"
    assert clean("Giraud    , Closes: next", select="punctuation-spacing") == "Giraud    , Closes: next"


def test_each_edit_is_one_change_in_input_order():
    from cleaner import Change, explain

    changes = explain("second  file")
    assert changes == [
        Change("whitespace", 1, 7, "  ", " ", 6, 8, "run of spaces"),
        Change("whitespace", 1, 13, "", "\n", 12, 12, "final line break"),
    ]


def test_rounds_over_a_text_are_bounded_when_rules_never_settle():
    from cleaner.edits import Edit
    from cleaner.pipeline import MAX_ROUNDS, clean_segments
    from cleaner.registry import RULES_BY_NAME
    from cleaner.rule import Rule

    calls = []

    def add_spaced_word(text):
        calls.append(text)
        return [Edit(len(text), len(text), " x  ")]  # trailing blanks, for whitespace to strip

    restless = Rule("restless", "adds a spaced word", "", (), add_spaced_word)
    result = "".join(clean_segments(["a"], [RULES_BY_NAME["whitespace"], restless]))
    assert len(calls) == MAX_ROUNDS
    assert result == "a" + " x" * MAX_ROUNDS + "\n"


def test_a_rule_reruns_only_when_another_rule_may_have_given_it_work():
    from cleaner.edits import Edit
    from cleaner.pipeline import clean_segments
    from cleaner.registry import RULES_BY_NAME
    from cleaner.rule import Rule

    seen = []

    def watch(text):
        seen.append(text)
        return []

    watcher = Rule("watcher", "changes nothing", "", (), watch)
    # punctuation-spacing feeds only boilerplate and joined-words (cleaner.registry.FEEDS)
    "".join(clean_segments(["It ended.The end.\n"], [watcher, RULES_BY_NAME["punctuation-spacing"]]))
    assert seen == ["It ended.The end.\n"]
    # whitespace may feed any rule: the watcher looks again after it changed the text
    seen.clear()
    "".join(clean_segments(["It  ended.\n"], [RULES_BY_NAME["whitespace"], watcher]))
    assert seen == ["It ended.\n"]
    # but a run of blank lines made one feeds no rule (cleaner.registry.FEED_NO_RULE)
    seen.clear()
    "".join(clean_segments(["It ended.\n\n\n\nNext.\n"], [RULES_BY_NAME["whitespace"], watcher]))
    assert seen == ["It ended.\n\nNext.\n"]
    seen.clear()
    "".join(clean_segments(["It ended.\n\n\n\nNext.\n"], [watcher, RULES_BY_NAME["whitespace"]]))
    assert seen == ["It ended.\n\n\n\nNext.\n"]


# Found in review: the whitespace rule's end-of-document and line-ending work
# can also change what earlier rules see.
@pytest.mark.parametrize(
    "text, cleaned",
    [
        ("a \r \nb", "a\r\nb\r\n"),  # blanks after a lone CR hid blanks before it
        ("\rÃ I", "\rÃ I\n"),  # ftfy reads "Ã I" differently after a lone CR (which is kept)
        ("\x85\r\n\r\n\r\r&#2;\n\ne", "…\r\n\r\ne\r\n"),  # removing "&#2;" tips the line endings to CRLF
    ],
)
def test_chain_is_idempotent_where_line_ends_change_what_rules_see(text, cleaned):
    assert clean(text) == cleaned
    assert clean(cleaned) == cleaned


def test_clean_mapped_moves_an_entity_span_back_to_the_original():
    from cleaner import Cleaner

    text = "Tom &amp; Jerry met in Kyiv at home.The talks , which began , ended.\n\n\n"
    mapped = Cleaner().clean_mapped(text)
    assert mapped.text == clean(text) == "Tom & Jerry met in Kyiv at home. The talks, which began, ended.\n"
    start = mapped.text.index("Kyiv")
    end = start + len("Kyiv")
    assert text[mapped.to_original(start) : mapped.to_original(end)] == "Kyiv"
    assert mapped.to_cleaned(text.index("Jerry")) == mapped.text.index("Jerry")
    # inside a replaced stretch: its start
    assert mapped.to_cleaned(text.index("amp;")) == mapped.text.index("&")
    assert [change.rule for change in mapped.changes] == [
        "unicode", "punctuation-spacing", "punctuation-spacing", "punctuation-spacing", "whitespace", "whitespace"
    ]


def test_clean_takes_only_a_str():
    with pytest.raises(TypeError, match="clean\\(\\) takes a str, got NoneType"):
        clean(None)


def test_a_dash_at_the_end_counts_as_spaced_with_or_without_the_final_line_break():
    # Found by benchmarks/fuzz.py: the final line break made the last dash "spaced"
    # on a second run, so punctuation-spacing then read the document's dashes as spaced.
    text = "\n\n\n\n\n\n—the \n\nâ€” the â€” "
    once = clean(text)
    assert clean(once) == once
