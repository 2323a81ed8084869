"""The ``boilerplate`` rule: every catalog entry's two examples, positions
(footers only at the end of a paragraph or feed item), the glued footer,
look-alike body sentences, entry selection, idempotence and hostile input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.boilerplate_catalog import CATALOG, PLACEHOLDERS
from cleaner.edits import apply_edits
from cleaner.rules.boilerplate import (
    DEFAULT_ENTRIES,
    ENTRIES_BY_NAME,
    RULE,
    first_characters,
    make_boilerplate_remover,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ALL_ENTRIES = tuple(ENTRIES_BY_NAME)
remove_all = make_boilerplate_remover(ALL_ENTRIES)
ENTRY_PARAMS = [pytest.param(entry, id=entry.name) for entry in CATALOG]
BODY = "The council voted 7-2 on Tuesday to approve the budget."


def only(entry):
    """The rule with just ``entry`` (and, for a before-footer line, the footer it sits above)."""
    return make_boilerplate_remover([entry.name] + (["yoast-fr"] if entry.position == "before-footer" else []))


YOAST_FR = "L’article Le budget du parc adopté est apparu en premier sur Le Journal du Port."


def as_removable(entry):
    """The entry's example as it is removed: a before-footer line needs its footer below."""
    return entry.example + ("\n" + YOAST_FR if entry.position == "before-footer" else "")


# --- the catalog, entry by entry -------------------------------------------


@pytest.mark.parametrize("entry", ENTRY_PARAMS)
def test_entry_removes_its_example_as_a_standalone_line(entry):
    assert only(entry)(as_removable(entry) + "\n") == ""


@pytest.mark.parametrize("entry", ENTRY_PARAMS)
def test_entry_removes_its_example_as_the_last_line_of_a_document(entry):
    assert only(entry)(f"{BODY}\n{as_removable(entry)}\n") == f"{BODY}\n"


@pytest.mark.parametrize("entry", ENTRY_PARAMS)
def test_no_entry_removes_a_legit_line_standing_alone(entry):
    assert remove_all(entry.look_alike + "\n") == entry.look_alike + "\n"


@pytest.mark.parametrize("entry", ENTRY_PARAMS)
def test_no_entry_removes_a_legit_line_ending_a_document(entry):
    document = f"{BODY}\n{entry.look_alike}\n"
    assert remove_all(document) == document


@pytest.mark.parametrize("entry", [p for p in ENTRY_PARAMS if p.values[0].glued])
def test_glued_entry_is_cut_from_the_end_of_the_last_line(entry):
    assert only(entry)(f"{BODY} {entry.example}\n") == f"{BODY}\n"


@pytest.mark.parametrize("entry", [p for p in ENTRY_PARAMS if p.values[0].position == "interjection"])
def test_interjection_is_removed_between_body_lines(entry):
    assert only(entry)(f"{BODY}\n{entry.example}\n{BODY}\n") == f"{BODY}\n{BODY}\n"


@pytest.mark.parametrize("entry", [p for p in ENTRY_PARAMS if p.values[0].position != "interjection"])
def test_footer_in_the_middle_of_a_paragraph_is_kept(entry):
    document = f"{BODY}\n{entry.example}\n{BODY}\n"
    assert remove_all(document) == document


def test_catalog_rows_are_complete_and_uniquely_named():
    assert len(ENTRIES_BY_NAME) == len(CATALOG)
    for entry in CATALOG:
        assert entry.name == entry.name.lower() and " " not in entry.name
        assert entry.position in ("footer", "interjection", "before-footer")
        assert entry.languages and entry.glued in ("", "after-sentence", "after-word")
        assert entry.template and entry.source and entry.example and entry.look_alike
        assert entry.example != entry.look_alike


def test_every_template_starts_with_text_so_lines_can_be_skipped_cheaply():
    assert [entry.name for entry in CATALOG if not first_characters(entry)] == []


def test_explanation_lists_every_entry_and_placeholder():
    for entry in CATALOG:
        assert f"- {entry.name}: {entry.position}, {'on' if entry.default else 'off'}" in RULE.explanation
        assert entry.template in RULE.explanation
        assert entry.source in RULE.explanation
    for name in PLACEHOLDERS:
        assert f"{{{name}}}" in RULE.explanation


# --- the seed article, feed dumps and positions -------------------------------


def test_seed_article_loses_exactly_its_yoast_footer():
    text = (CORPUS / "nypost-article.txt").read_text("utf-8")
    lines = text.split("\n")
    footer = max(i for i, line in enumerate(lines) if line.strip())
    assert lines[footer].startswith("The post Russia, Ukraine exchange")
    assert RULE.apply(text) == "\n".join(lines[:footer] + lines[footer + 1 :])


def test_feed_dump_loses_every_items_footer_and_keeps_every_body():
    items = [
        (
            "City council approves budget",
            "The council voted 7-2.",
            "The post City council approves budget appeared first on Gazette.",
        ),
        (
            "Neue Radwege",
            "Die Stadt baut 12 km Radwege.",
            "Der Beitrag Neue Radwege erschien zuerst auf Stadtblog Köln.",
        ),
        ("Nouveau parc", "Le conseil a voté mardi.", "L’article Nouveau parc est apparu en premier sur Le Journal."),
        ("Storm knocks out power", "Crews expect to restore power by Thursday.", "-- Delivered by Feed43 service"),
    ]
    dump = "\n\n".join(f"{title}\n{body}\n{footer}" for title, body, footer in items) + "\n"
    expected = "\n\n".join(f"{title}\n{body}" for title, body, _ in items) + "\n"
    assert RULE.apply(dump) == expected


def test_feed_dump_from_the_corpus_loses_its_three_footers():
    text = (CORPUS / "feed-dump.txt").read_text("utf-8")
    cleaned = RULE.apply(text)
    assert "appeared first on" not in cleaned
    assert cleaned.count("\n") == text.count("\n") - 3


def test_share_widget_block_goes_as_a_whole():
    document = (
        f"{BODY}\n\nShare this:\nTweet\nClick to share on Facebook (Opens in new window)\n\n"
        "Like this:\nLike Loading...\n\nRelated\n"
    )
    assert RULE.apply(document) == f"{BODY}\n\n\n\n"


def test_footer_above_a_kept_credit_line_still_goes():
    document = f"{BODY}\nOur Standards: The Thomson Reuters Trust Principles.\n(Reporting by A; Editing by B)\n"
    assert RULE.apply(document) == f"{BODY}\n(Reporting by A; Editing by B)\n"


def test_wire_story_loses_its_ad_markers_and_copyright_tail():
    text = (CORPUS / "wire-story.txt").read_text("utf-8")
    cleaned = RULE.apply(text)
    for gone in ("ADVERTISEMENT", "Story continues below advertisement", "Associated Press. All rights"):
        assert gone not in cleaned
    assert "LONDON (AP)" in cleaned and "Sept. 1." in cleaned


# --- look-alikes and the glued footer --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The post appeared first on Facebook, where it was shared thousands of times.",
        "A tecnologia apareceu primeiro em telefones celulares.",
        "Advertisement spending rose 4% last year.",
        "Continue reading the report and you will see …",
        "Share this: it matters.",
        "The post X appeared first on Facebook. Then it went viral.",
        "RELATED: the vote failed. Officials said they would try again.",
    ],
)
def test_body_sentences_containing_the_words_are_kept(sentence):
    for document in (sentence, f"{sentence}\n", f"{BODY}\n{sentence}\n", f"{BODY} {sentence}\n"):
        assert remove_all(document) == document


def test_glued_footer_is_cut_and_the_body_line_kept():
    document = "Lawmakers met on Tuesday before the vote. The post Vote delayed appeared first on Capitol News.\n\n"
    assert RULE.apply(document) == "Lawmakers met on Tuesday before the vote.\n\n"


def test_glued_footer_keeps_body_text_that_begins_like_a_footer():
    document = "The post was shared widely. The post Vote delayed appeared first on Capitol News.\n"
    assert RULE.apply(document) == "The post was shared widely.\n"


def test_glued_footer_is_cut_from_the_end_of_every_paragraph():
    # Feed dumps put one item per paragraph: each item's glued footer goes.
    document = f"{BODY} The post A appeared first on Bee.\n\n{BODY}\n"
    assert RULE.apply(document) == f"{BODY}\n\n{BODY}\n"


def test_glued_footer_in_the_middle_of_a_paragraph_is_kept():
    document = f"{BODY} The post A appeared first on Bee.\n{BODY}\n"
    assert RULE.apply(document) == document


def test_glued_dutch_footer_with_emoji_and_pipe_after_a_truncated_body():
    document = "… ging… Het bericht 🎥 | Antony faked an injury verscheen eerst op Sportnieuws.nl."
    assert RULE.apply(document) == "… ging…"


def test_footer_in_the_middle_of_a_paragraph_is_kept_by_default():
    document = f"{BODY}\nThe post X appeared first on Y.\n{BODY}\n"
    assert RULE.apply(document) == document


def test_site_names_may_hold_punctuation_quotes_and_abbreviations():
    for site in ("U.S. News & World Report", "“Bike Life” | News: Gear", "Sportnieuws.nl", "Yahoo! News", "Acme Co."):
        assert RULE.apply(f"{BODY}\nThe post A title appeared first on {site}.\n") == f"{BODY}\n"


def test_interjection_with_surrounding_blanks_is_removed():
    assert RULE.apply("A.\n   ADVERTISEMENT \t\nB.\n") == "A.\nB.\n"


# --- choosing entries ------------------------------------------------------------


def test_default_entries_leave_attribution_and_credit_lines():
    assert {"reuters-credit", "originally-appeared", "source-line"}.isdisjoint(DEFAULT_ENTRIES)
    for name in ("reuters-credit", "originally-appeared", "source-line"):
        example = f"{BODY}\n{ENTRIES_BY_NAME[name].example}\n"
        assert RULE.apply(example) == example


def test_remover_with_chosen_entries_removes_only_those():
    remove_ads_only = make_boilerplate_remover(["advertisement"])
    document = "A.\nADVERTISEMENT\nB.\nThe post X appeared first on Y.\n"
    assert remove_ads_only(document) == "A.\nB.\nThe post X appeared first on Y.\n"
    assert make_boilerplate_remover([])(document) == document


def test_unknown_entry_name_is_refused():
    with pytest.raises(ValueError, match="no-such-entry"):
        make_boilerplate_remover(["no-such-entry"])


# --- any input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [
        "",
        "\n",
        "   \n\n",
        "[…]",
        "The post The post appeared first on on.",
        "\r\nADVERTISEMENT\r\n",
        "Share this:\n\n\nRelated",
        "a\n" * 5 + "The post T appeared first on S. The post U appeared first on V.",
        "x " * 400 + "The post " + "t" * 290 + " appeared first on " + "s" * 290 + ". The post T appeared first on S.",
    ],
)
def test_odd_documents_do_not_raise_and_are_idempotent(document):
    once = remove_all(document)
    assert remove_all(once) == once
    assert RULE.apply(RULE.apply(document)) == RULE.apply(document)


@pytest.mark.parametrize(
    "line",
    [
        "The post " * 120_000,
        "The post x appeared first on " + "U.S." * 250_000,
        "RELATED: " + "a, " * 330_000,
        "Click to " + "(" * 1_000_000,
        " " * 1_000_000 + "ADVERTISEMENT",
        "[" * 1_000_000,
    ],
    ids=["the-post", "initials", "commas", "parens", "blanks", "brackets"],
)
def test_megabyte_lines_finish(line):
    for document in (line, f"{BODY}\n{line}\n", f"{line}\n{BODY}\n"):
        once = RULE.apply(document)
        assert RULE.apply(once) == once


# Catalog lines, look-alikes and body text, joined by spaces and line breaks.
FRAGMENTS = [e.example for e in CATALOG] + [e.look_alike for e in CATALOG] + [BODY, "The post", "", " ", "\r"]
DOCUMENTS = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(["\n", "\n\n", " ", "\n \n"])), max_size=12
).map(lambda parts: "".join(fragment + joint for fragment, joint in parts))


@settings(max_examples=400, deadline=None)
@given(DOCUMENTS)
def test_removal_is_idempotent_on_mixed_documents(document):
    for remove in (RULE.apply, remove_all):
        once = remove(document)
        assert remove(once) == once


# --- user templates, the README's figures, edits ------------------------------------

from cleaner.pipeline import Cleaner  # noqa: E402
from cleaner.rules.boilerplate import (  # noqa: E402
    BUILT_IN_LANGUAGES,
    BUILT_IN_TEMPLATES,
    configure_boilerplate,
    find_boilerplate_edits,
)

USER_TEMPLATE = {
    "name": "harbor-footer",
    "template": "Read this and more at {site}.",
    "position": "footer",
    "languages": ["en"],
    "example": "Read this and more at Harbor City Gazette.",
    "look_alike": "Read this and more at the library, the mayor said.",
}


def test_user_template_is_removed_through_cleaner_options():
    cleaner = Cleaner(select=["boilerplate"], options={"boilerplate": {"templates": [USER_TEMPLATE]}})
    assert cleaner.clean(f"{BODY}\n{USER_TEMPLATE['example']}\n") == f"{BODY}\n"
    assert cleaner.clean(f"{BODY}\n{USER_TEMPLATE['look_alike']}\n") == f"{BODY}\n{USER_TEMPLATE['look_alike']}\n"


def test_user_template_is_listed_in_the_configured_explanation():
    remover = configure_boilerplate(templates=[USER_TEMPLATE])
    assert "- harbor-footer: footer, on, en, user" in remover.explanation
    assert "- yoast-en: footer, on, en" in remover.explanation


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"template": "{nope} at {site}."}, "boilerplate template 'harbor-footer': unknown placeholder {nope}"),
        ({"position": "header"}, "boilerplate template 'harbor-footer': position must be one of"),
        ({"example": "Something else entirely."}, "boilerplate template 'harbor-footer': its example"),
        ({"look_alike": "Read this and more at Gazette."}, "boilerplate template 'harbor-footer': its look-alike"),
        ({"name": "yoast-en"}, "boilerplate template 'yoast-en': the name is already used"),
        ({"colour": "red"}, "boilerplate template 'harbor-footer': unknown field colour"),
        ({"template": "{site} at the end."}, "must start with words"),
    ],
)
def test_bad_user_template_is_refused_with_one_line_naming_it(change, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        configure_boilerplate(templates=[{**USER_TEMPLATE, **change}])


def test_readme_states_the_catalogs_template_and_language_counts():
    # The figure is generated from the catalog; the README must say the same.
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    assert f"catalog of {BUILT_IN_TEMPLATES} templates in {BUILT_IN_LANGUAGES} languages" in readme


def test_edits_are_sorted_deletions_whose_result_is_the_rules_output():
    document = (
        f"{BODY} The post A appeared first on Bee.\n\nADVERTISEMENT\n{BODY}\nShare this:\nTweet\n\n"
        "Item two. Leer más\n"
    )
    edits = find_boilerplate_edits(document)
    assert [edit.reason for edit in edits] == [
        "boilerplate yoast-en",
        "boilerplate advertisement",
        "boilerplate share-this",
        "boilerplate share-button-labels",
        "boilerplate read-more-translated",
    ]
    assert all(edit.replacement == "" for edit in edits)
    assert all(a.end <= b.start for a, b in zip(edits, edits[1:]))
    assert apply_edits(document, edits) == RULE.apply(document) == f"{BODY}\n\n{BODY}\n\nItem two.\n"


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("The post Capitol riot: Jan. 6 Panel Meets. Rep. Smith Speaks appeared first on News.\n", ""),
        ("Body.\n• Read more: Storm knocks out power\nMore.\n", "Body.\nMore.\n"),
        ("Body. The post A appeared first on Sopit…", "Body."),
        ("Body text here. The post A long\ntitle appeared first on Bee.\n", "Body text here.\n"),
        ("Body. Read more... The post A appeared first on Bee.\n", "Body.\n"),
        ("Vu sur Le Journal\nL’article X est apparu en premier sur Le Journal.\n", ""),
        ("Vu sur Twitter\n", "Vu sur Twitter\n"),
        ("The post office closed. The story appeared first on Reddit.\n",) * 2,
        ("He said he wants to read more.\n",) * 2,
        ("Item one, a concept […]\n\nItem two.\n", "Item one, a concept\n\nItem two.\n"),
        ("deb cdrom:[<name as on cd label>]/ unstable main [...]\n\nNext.\n",) * 2,
    ],
    ids=["title-full-stops", "bullet", "cut-short", "wrapped", "glued-run", "vu-sur", "vu-sur-alone",
         "lower-case-full-stop", "read-more-sentence", "excerpt-in-dump", "three-dot-elision"],
)
def test_real_shapes_and_their_look_alikes(document, expected):
    assert RULE.apply(document) == expected
    assert RULE.apply(expected) == expected


def test_catalog_file_named_in_the_configuration_is_read_relative_to_it(tmp_path):
    from cleaner.config import load_config

    (tmp_path / "feeds").mkdir()
    lines = [f'{key} = "{value}"' for key, value in USER_TEMPLATE.items() if key != "languages"]
    (tmp_path / "feeds" / "footers.toml").write_text("[[templates]]\n" + "\n".join(lines) + "\n", "utf-8")
    (tmp_path / "cleaner.toml").write_text('[rules.boilerplate]\ncatalog = "feeds/footers.toml"\n', "utf-8")
    config = load_config(tmp_path / "cleaner.toml")
    cleaner = Cleaner(select=["boilerplate"], options=config.rule_options)
    assert cleaner.clean(f"{BODY}\n{USER_TEMPLATE['example']}\n") == f"{BODY}\n"


def test_bad_entry_in_a_catalog_file_names_the_file_and_the_entry(tmp_path):
    catalog = tmp_path / "footers.toml"
    catalog.write_text('[[templates]]\nname = "x"\ntemplate = "Read {site}."\n', "utf-8")
    with pytest.raises(ValueError, match=r"boilerplate catalog .*footers\.toml: boilerplate template 'x': missing"):
        configure_boilerplate(catalog=str(catalog))
    with pytest.raises(ValueError, match="No such file"):
        configure_boilerplate(catalog=str(tmp_path / "absent.toml"))


def test_explain_lists_the_users_templates_from_the_configuration(tmp_path):
    from click.testing import CliRunner

    from cleaner.cli import main

    config = tmp_path / "cleaner.toml"
    fields = ", ".join(f'{key} = "{value}"' for key, value in USER_TEMPLATE.items() if key != "languages")
    config.write_text(f"[rules.boilerplate]\ntemplates = [{{ {fields} }}]\n", "utf-8")
    result = CliRunner().invoke(main, ["--explain", "boilerplate", "--config", str(config)])
    assert result.exit_code == 0
    assert "- harbor-footer: footer, on, en, user" in result.output
    assert f"Entries ({BUILT_IN_TEMPLATES + 1} templates" in result.output
    bad = tmp_path / "bad.toml"
    bad.write_text(config.read_text("utf-8").replace('"footer"', '"header"'), "utf-8")
    result = CliRunner().invoke(main, ["--explain", "boilerplate", "--config", str(bad)])
    assert result.exit_code == 2
    assert "boilerplate template 'harbor-footer': position must be one of" in result.output


def test_a_footer_complete_on_its_line_does_not_take_the_body_line_after_it_as_its_wrap():
    # Found by benchmarks/fuzz.py: "{site}" read "GameSpot the end" across the line break.
    for text in ("Body text.\nContinue Reading at GameSpot\nthe end", "\nContinue Reading at GameSpot\nthe "):
        assert RULE.apply(text) == text
    wrapped = "Body text.\nThe post Council approves budget\nappeared first on Harbor City Gazette.\n"
    assert RULE.apply(wrapped) == "Body text.\n"


@pytest.mark.parametrize(
    "document, expected",
    [
        ("READ MORE»Read More", ""),
        ("Body.\n\nREAD MORE»Read More\n\nNext item.\n", "Body.\n\n\nNext item.\n"),
        ("Body. Read more...\nREAD MORE»Read More»Read More\n", "Body.\n"),
        ("Body.\nREAD MORE»Read More\nMore body.\n",) * 2,
    ],
    ids=["alone", "own-paragraph", "below-a-glued-footer", "mid-paragraph"],
)
def test_a_line_made_only_of_glued_catalog_footers_goes_whole(document, expected):
    # Found by benchmarks/fuzz.py: "READ MORE»" is a catalog line and "Read More"
    # a read-more link glued after it; the run fills the line, so the line goes,
    # as tests/test_properties.py's only_catalog_lines_removed allows.
    assert RULE.apply(document) == expected
    assert RULE.apply(expected) == expected


# A bare label (``Facebook``, ``Related``) is a widget's only as plain text or
# as a link to a share endpoint: the same word as a heading, or as a link to
# a profile, is body text (found in nodejs's contributing docs, where a list
# of the project's accounts and a ``## Facebook`` section were removed).
@pytest.mark.parametrize(
    "document",
    [
        "Our accounts:\n\n* [bluesky](https://bsky.app/profile/nodejs.org)\n"
        "* [Facebook](https://www.facebook.com/nodejsfoundation)\n"
        "* [LinkedIn](https://www.linkedin.com/company/node.js-foundation/)\n\n## Facebook\n\nStaff manage it.\n",
        f"{BODY}\n\n## Related\n\nSee the 2019 report.\n",
        f"{BODY}\n\n### Facebook\n",
    ],
)
def test_bare_labels_as_headings_or_profile_links_are_kept(document):
    assert RULE.apply(document) == document
    assert clean(document, format="markdown") == document


@pytest.mark.parametrize(
    "widget",
    [
        "Share this:\nTweet\nFacebook\n",
        "Share this:\n[Facebook](https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fx.org%2Fa)\n"
        "[LinkedIn](https://www.linkedin.com/shareArticle?mini=true&url=https%3A%2F%2Fx.org%2Fa)\n",
        "* [Twitter](https://x.org/a/?share=twitter&nb=1)\n* [Email](mailto:?subject=A)\n",
        "[Print](#print)\n",
    ],
)
def test_bare_labels_of_share_widgets_are_removed(widget):
    assert RULE.apply(f"{BODY}\n{widget}") == f"{BODY}\n"
