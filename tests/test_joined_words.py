"""The joined-words rule: what it splits, the look-alikes it must leave, and its guarantees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import RULES, Cleaner, clean
from cleaner.edits import apply_edits
from cleaner.rules.joined_words import RULE, find_edits, split_joined_token

split_joined_words = RULE.apply
CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# Enough English around a token for the language check to say "English".
BEFORE = "The officials said on Thursday that it was "
AFTER = " and that the talks would go on with the envoy."


def in_english(phrase: str) -> str:
    return BEFORE + phrase + AFTER


def test_is_registered_under_its_name():
    assert "joined-words" in [rule.name for rule in RULES]


@pytest.mark.parametrize(
    ("joined", "repaired"),
    [
        ("prisonersof war", "prisoners of war"),
        ("a bill greenlitby Trump", "a bill greenlit by Trump"),
        ("a quiet placeto work", "a quiet place to work"),
        ("residents who had writtenin", "residents who had written in"),
        ("a deal forthe ages", "a deal for the ages"),
        ("the end ofthe war", "the end of the war"),
    ],
)
def test_splits_two_words_run_together(joined, repaired):
    assert split_joined_words(in_english(joined)) == in_english(repaired)


@pytest.mark.parametrize("word", ["greenlit", "henchman", "warmongers", "therapist", "nowhere"])
def test_keeps_known_words_however_rare(word):
    text = in_english(f"a {word} case")
    assert split_joined_words(text) == text
    assert split_joined_token(word) == ()


@pytest.mark.parametrize("name", ["Stefanishyna", "Filashkin", "Dmitriev", "Witkoff"])
def test_never_splits_names_even_at_a_sentence_start(name):
    text = f"{name} said so. The talks went on. {name} told The Post that it was {name} who was there."
    assert split_joined_words(text) == text


BRANDS = """iPhone YouTube PowerPoint JavaScript McDonald DeSantis LeBron GitHub FreeBSD macOS
PlayStation RustConf FiveThirtyEight UnboundLocalError WordPress watchOS""".split()


@pytest.mark.parametrize("token", BRANDS)
def test_keeps_brands_and_camel_case_names_whole(token):
    text = in_english(f"a {token} story, and {token} again")
    assert split_joined_words(text) == text
    # Only a document that writes the two words apart ("You Tube"), or each
    # of them alone ("Rust", "Conf") in a token it does not repeat, could split them.
    assert all(split.needs_spaced or split.needs_alone for split in split_joined_token(token))
    shown = in_english(f"Rust, Conf, Thirty, Eight, Play, Station. A {token} story, and {token} again")
    assert split_joined_words(shown) == shown


@pytest.mark.parametrize("token", ["500mg", "COVID-19", "ofthe2", "2ofthe", "covid19"])
def test_leaves_tokens_with_digits(token):
    text = in_english(f"the {token} dose")
    assert split_joined_words(text) == text


@pytest.mark.parametrize(
    "protected",
    [
        "https://example.com/?q=prisonersof",
        "https://example.com/prisonersof/greenlitby",
        "www.prisonersof.com",
        "greenlitby.com",
        "prisonersof@example.com",
        "@prisonersof",
        "#prisonersof",
        "#Prisonersof",
    ],
)
def test_leaves_urls_emails_handles_and_hashtags(protected):
    text = in_english(f"posted at {protected} today")
    assert split_joined_words(text) == text


def test_leaves_hyphenated_compounds_and_contractions():
    text = in_english("a cease-fire ofthe-moment deal, astonishin' and o'clock")
    assert split_joined_words(text) == text


GERMAN = (
    "Sobald der Dienst läuft, ist die Datei indem Verzeichnis somit sichtbar. "
    "Dieselbe Einstellung gilt, sofern das Paket momentan installiert ist, und "
    "wird beim nächsten Start herunter geladen."
)
FRENCH = (
    "Le paquet doit être installé, soit par le dépôt, soit par la source, pour "
    "tous les utilisateurs. Cette forme est correctif et actif dans la version "
    "stable, et il doit le rester."
)


@pytest.mark.parametrize("paragraph", [GERMAN, FRENCH], ids=["german", "french"])
def test_leaves_german_and_french_prose_untouched(paragraph):
    assert split_joined_words(paragraph) == paragraph


@pytest.mark.parametrize("word", ["somit", "sofern", "doit", "soit", "tous"])
def test_the_language_check_is_what_protects_them(word):
    # In English text these would be joins ("so mit", "do it", "to us"). ("indem" is
    # not: the web writes it as one word, see data/compounds.txt.)
    assert split_joined_token(word)


def test_leaves_a_foreign_paragraph_inside_an_english_document():
    english = "The talks began on Wednesday, and the envoy said that it was the first of many."
    text = f"{english}\n\n{GERMAN}\n\n{english}\n"
    assert split_joined_words(text) == text


def test_leaves_text_too_short_to_judge():
    assert split_joined_words("prisonersof war") == "prisonersof war"


def test_a_recurring_token_is_taken_for_a_word():
    text = in_english("a bill greenlitby Trump, the greenlitby bill")
    assert split_joined_words(text) == text


def test_a_recurring_token_still_splits_when_the_evidence_is_overwhelming():
    text = in_english("the end ofthe war and the start ofthe peace")
    assert split_joined_words(text) == in_english("the end of the war and the start of the peace")


def test_keeps_capitalisation_and_punctuation_around_the_token():
    text = "The talks ended. Prisonersof, detainees and hostages were on the list that both sides agreed to."
    expected = "The talks ended. Prisoners of, detainees and hostages were on the list that both sides agreed to."
    assert split_joined_words(text) == expected


def test_splits_a_capitalised_token_only_at_a_sentence_start():
    start = "The talks ended. Ifyou ask the envoy, it was a good day for all of them."
    middle = "The talks ended, and Ifyou ask the envoy, it was a good day for all of them."
    assert split_joined_words(start) == start.replace("Ifyou", "If you")
    assert split_joined_words(middle) == middle


def test_splits_i_and_a_lowercase_word_before_a_capital():
    text = in_english("what Iwanted, what canI say about theDebian project")
    assert split_joined_words(text) == in_english("what I wanted, what can I say about the Debian project")


def test_seed_article_changes_exactly_the_two_joined_tokens():
    source = (CORPUS / "nypost-article.txt").read_text("utf-8")
    expected = source.replace("prisonersof", "prisoners of").replace("greenlitby", "greenlit by")
    assert source != expected
    assert split_joined_words(source) == expected


def test_runs_through_the_pipeline_alone():
    text = in_english("prisonersof war")
    assert clean(text, select=["joined-words"]) == in_english("prisoners of war")


def test_explanation_says_it_applies_only_to_english():
    assert "English" in RULE.explanation


ENGLISH_WORDS = ["of", "the", "prisoners", "war", "by", "greenlit", "Trump", "and", "to", "place", "work", "If", "you"]
ENGLISH_TEXT = st.lists(
    st.one_of(st.sampled_from(ENGLISH_WORDS), st.sampled_from([" ", "", ". ", ", ", "\n\n", "@", "#", "-", "1"])),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), ENGLISH_TEXT))
def test_only_inserts_spaces_is_idempotent_and_never_raises(text):
    result = split_joined_words(text)
    assert result.replace(" ", "") == text.replace(" ", "")
    assert len(result) >= len(text)
    assert split_joined_words(result) == result


# --- Indexed language windows give what reading each window gives -------------

WINDOW_TEXT = st.lists(
    st.sampled_from(["the", "and", "of", "die", "und", "le", "et", "prisonersof", "Straße", "İstanbul", "7-2"])
    | st.sampled_from([" ", " ", "\n", "\n\n", ", ", ". ", "“", "’"]),
    max_size=400,
).map("".join)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(WINDOW_TEXT, st.lists(st.integers(0, 4000), max_size=20), st.integers(1, 12))
def test_word_index_answers_as_reading_the_window_does(text, positions, count):
    from cleaner import lexicon
    from cleaner.rules.joined_words import WordIndex, words_after, words_before

    index = WordIndex.of(text)
    if index is None:  # lowercasing changed the length: never indexed
        assert len(text.lower()) != len(text)
        return
    for position in [p % (len(text) + 1) for p in positions]:
        low, high = words_before(text, position, count), words_after(text, position, count)
        assert (index.before(position, count), index.after(position, count)) == (low, high)
        assert index.votes(low, high) == lexicon.english_votes(text[low:high])


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["prisonersof", "greenlitby war", "Die Straße und", "the talks", "İn"]), max_size=200))
def test_the_rule_splits_the_same_with_or_without_the_index(paragraphs):
    import cleaner.rules.joined_words as joined_words

    text = "\n\n".join(paragraphs)
    saved = joined_words.windows_before_index
    try:
        joined_words.windows_before_index = lambda size: 10**9  # never index
        direct = joined_words.split_joined_words(text)
        joined_words.windows_before_index = lambda size: 0  # index at once
        assert joined_words.split_joined_words(text) == direct
    finally:
        joined_words.windows_before_index = saved


# --- Cases as data: real-looking damage, look-alikes and known failures --------

CASES = json.loads((Path(__file__).resolve().parent / "cases" / "joined_words.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["label"] for case in CASES])
def test_case_file(case):
    result = clean(case["original"], select=["joined-words"])
    if case["expect"] == "pass":
        assert result == case["fixed"]
    else:
        assert result != case["fixed"], "this known failure now passes: mark it expect: pass"


def test_case_file_holds_known_failures_and_look_alikes():
    expects = {case["expect"] for case in CASES}
    assert expects == {"pass", "fail"}
    assert any(case["original"] == case["fixed"] for case in CASES)


# --- Edits ---------------------------------------------------------------------


def test_find_edits_gives_sorted_space_insertions_in_the_given_text():
    text = in_english("aworkshopthat forJoe and prisonersof war")
    edits = find_edits(text)
    assert [edit.start for edit in edits] == sorted(edit.start for edit in edits)
    assert all(edit.start == edit.end and edit.replacement == " " for edit in edits)
    assert apply_edits(text, edits) == in_english("a workshop that for Joe and prisoners of war")
    assert find_edits(apply_edits(text, edits)) == []


def test_edits_of_a_second_pass_map_back_to_the_text_received():
    # "forNew" splits at once; then "New York" stands apart, which vouches for "NewYork".
    text = in_english("a flight forNew York and a NewYork office")
    assert apply_edits(text, find_edits(text)) == in_english("a flight for New York and a New York office")


# --- Case boundaries -------------------------------------------------------------


@pytest.mark.parametrize(
    ("joined", "repaired"),
    [
        ("a bar forJoe Biden", "a bar for Joe Biden"),
        ("he toldCNN on Friday", "he told CNN on Friday"),
        ("talks withTrump", "talks with Trump"),
        ("published onWordPress", "published on WordPress"),
        ("what theFBI said", "what the FBI said"),
    ],
)
def test_splits_a_word_joined_to_a_capitalised_one(joined, repaired):
    assert split_joined_words(in_english(joined)) == in_english(repaired)


def test_a_capitalised_join_needs_the_document_to_show_the_name_alone():
    alone = in_english("Congress met. It went to Congressin May")
    never = in_english("it went to Witkoffin May")
    assert split_joined_words(alone) == in_english("Congress met. It went to Congress in May")
    assert split_joined_words(never) == never


def test_two_capitalised_words_split_only_on_the_documents_word():
    apart = in_english("Joe Biden and JoeBiden")
    assert split_joined_words(apart) == in_english("Joe Biden and Joe Biden")
    alone = in_english("JoeBiden spoke")
    assert split_joined_words(alone) == alone


def test_names_run_into_a_function_word_split_where_the_document_shows_the_name():
    shown = in_english("Ginsburg wrote it. Ruth Bader GinsburgandElena Kagan")
    assert split_joined_words(shown) == in_english("Ginsburg wrote it. Ruth Bader Ginsburg and Elena Kagan")
    common = in_english("the Terms of ServiceandPrivacy Policy")
    assert split_joined_words(common) == in_english("the Terms of Service and Privacy Policy")
    never = in_english("Ruth Bader GinsburgandElena Kagan")
    assert split_joined_words(never) == never


@pytest.mark.parametrize("name", ["BrandonSmith", "ClintonFoundation", "PowerPoint", "LinkedIn"])
def test_a_name_ending_like_a_function_word_stays_whole(name):
    text = in_english(f"Smith and Foundation said that {name} did")
    assert split_joined_words(text) == text


def test_a_camel_case_name_keeps_its_humps_before_a_function_word():
    text = in_english("iCloud andSkyDriveare the options, and JavaScriptis a TypeError or UnboundLocalError")
    assert split_joined_words(text) == in_english(
        "iCloud and SkyDrive are the options, and JavaScript is a TypeError or UnboundLocalError"
    )


def test_a_name_and_a_common_word_split_only_in_a_sentence():
    menu = f"{BEFORE.strip()} Sports and news.\nSportsradio 66 WFAN\n{AFTER.strip()}"
    assert split_joined_words(menu) == menu
    prose = in_english("Bloomberg said so. When Bloombergentered the market")
    assert split_joined_words(prose) == in_english("Bloomberg said so. When Bloomberg entered the market")


def test_a_common_capitalised_word_run_into_a_function_word():
    text = in_english("Your California Privacy Rightsare applicable")
    assert split_joined_words(text) == in_english("Your California Privacy Rights are applicable")


def test_two_capitalised_words_the_document_writes_alone_split_once():
    text = in_english("Login with Facebook. Login with Twitter. Login withFacebookLogin")
    assert split_joined_words(text) == in_english(
        "Login with Facebook. Login with Twitter. Login with Facebook Login"
    )
    repeated = in_english("Not all are Automatic: NotAutomatic, NotAutomatic and NotAutomatic")
    assert split_joined_words(repeated) == repeated
    # The second word must be a name: the document never writes it in lower case.
    common = in_english("Not now. Automatic updates are automatic. Set NotAutomatic")
    assert split_joined_words(common) == common
    acronym = in_english("Open the AI lab at OpenAI")
    assert split_joined_words(acronym) == acronym


def test_three_words_with_function_words_between():
    # An affix that is also a function word ("under") stands apart where the two make no word.
    text = in_english("the rule is set bytargetsunder the plan")
    assert split_joined_words(text) == in_english("the rule is set by targets under the plan")
    held = in_english("as everyone in the world wastransfixedon the Fed")
    assert split_joined_words(held) == in_english("as everyone in the world was transfixed on the Fed")
    # A rare word not held by function words on both sides must stand alone in the document.
    shown = in_english("a mutt. It was aboutthemutt")
    assert split_joined_words(shown) == in_english("a mutt. It was about the mutt")
    never = in_english("aboutthemutt")
    assert split_joined_words(never) == never
    # Two open-class words side by side may be a compound: "my packagename".
    compound = in_english("a package name. Run apt-get source mypackagename now")
    assert split_joined_words(compound) == compound


def test_a_function_word_beside_a_term_the_document_writes_alone():
    text = in_english("udev and dpkg run. Then theudev rules and dpkgwill")
    assert split_joined_words(text) == in_english("udev and dpkg run. Then the udev rules and dpkg will")
    start = "The officials use udev.\nTheudev daemon runs, and the talks would go on with the envoy."
    assert split_joined_words(start) == start.replace("Theudev", "The udev")
    never = in_english("then theudev rules and dpkgwill")
    assert split_joined_words(never) == never
    technical = in_english("std and dev and boot. Read stdin on the onboot device")
    assert split_joined_words(technical) == technical


@pytest.mark.parametrize(
    "phrase",
    ["when the runlevel is changed", "the manpage of each command", "its basename alone", "distclean, realclean, or clean",
     "upgrade step wise: oldstable to stable. An old stable release"],
)
def test_compounds_the_web_writes_as_one_word_stay_whole(phrase):
    text = in_english(phrase)
    assert split_joined_words(text) == text


@pytest.mark.parametrize(
    "phrase", ["the watch file configures the uscan program", "changes the atime attribute", "the nis package"]
)
def test_a_split_must_fit_the_words_beside_it(phrase):
    text = in_english(phrase)
    assert split_joined_words(text) == text


def test_a_name_with_a_foreign_particle_does_not_make_a_line_foreign():
    text = "Takeaways from the testimony in his civil fraud trial\n\nByJeremy Herb, Lauren del Valle and Kara Scannell, CNN\n"
    assert split_joined_words(text) == text.replace("ByJeremy", "By Jeremy")


@pytest.mark.parametrize("line", ["doTERRA", "whois example.com", "foo_<DebianArchitecture>.deb"])
def test_leaves_menu_entries_commands_and_placeholders(line):
    text = f"{BEFORE.strip()} Debian Architecture\n{line}\n{AFTER.strip()}"
    assert split_joined_words(text) == text


@pytest.mark.parametrize("token", ["watchOS", "macOS", "getElementById", "addEventListener"])
def test_leaves_camel_case_identifiers(token):
    text = in_english(f"the {token} value")
    assert split_joined_words(text) == text


# --- Lines that are not prose ------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["apt-get source mypackagename", "notifempty", "init", "$ sudo aptinstall foo", "    prisonersof --verbose"],
)
def test_leaves_commands_configuration_and_identifiers(line):
    text = f"{BEFORE.strip()}\n{line}\n{AFTER.strip()}"
    assert split_joined_words(text) == text


def test_a_long_sentence_that_mentions_code_marks_is_prose():
    line = ("While youcanuse almost any letters in a file name, it is a bad idea to use the characters "
            "that have special meanings on the command line: { } ( ) | ; and $.")
    assert split_joined_words(line) == line.replace("youcanuse", "you can use")
    prompt = "# While youcanuse almost any letters in a file name, it is a bad idea to use { } in it"
    assert split_joined_words(f"{BEFORE.strip()}\n{prompt}\n{AFTER.strip()}") == f"{BEFORE.strip()}\n{prompt}\n{AFTER.strip()}"


def test_repairs_a_short_title_but_not_a_short_foreign_line():
    assert split_joined_words("Both sides swapped prisonersof war.") == "Both sides swapped prisoners of war."
    assert split_joined_words("Kurs dolara spadł") == "Kurs dolara spadł"


# --- The keep option ------------------------------------------------------------------


def test_keep_names_words_never_to_split():
    text = in_english("prisonersof war and aworkshopthat")
    cleaner = Cleaner(select=["joined-words"], options={"joined-words": {"keep": ["PrisonersOf"]}})
    assert cleaner.clean(text) == in_english("prisonersof war and a workshop that")


def test_keep_from_the_configuration_file(tmp_path):
    from cleaner.config import load_config

    (tmp_path / "pyproject.toml").write_text('[tool.cleaner.rules.joined-words]\nkeep = ["aworkshopthat"]\n')
    config = load_config(tmp_path / "pyproject.toml")
    assert config.rule_options == {"joined-words": {"keep": ["aworkshopthat"]}}
    text = in_english("aworkshopthat")
    assert Cleaner(select=["joined-words"], options=config.rule_options).clean(text) == text


def test_keep_must_be_a_list_of_words():
    with pytest.raises(ValueError, match="keep"):
        RULE.with_options(keep="prisonersof")
    with pytest.raises(ValueError, match="no option"):
        RULE.with_options(words=["x"])


# --- Idempotence with the new kinds of joins ---------------------------------------------

JOIN_WORDS = """the of and to in for with on at by a is was that New York Joe Biden President Musharraf
Congress Bloomberg entered said told CNN WordPress iPhone The United States bought some sat workshop war
prisoners user’s we've years- long drought Milli helen Die und Ginsburg Elena Facebook Login Rights are
targets under mutt""".split()
JOIN_TEXT = st.lists(
    st.tuples(st.sampled_from(JOIN_WORDS), st.sampled_from([" ", " ", "", "", ". ", ", ", "\n\n", "-", "'"])),
    max_size=40,
).map(lambda pieces: "".join(word + gap for word, gap in pieces))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(JOIN_TEXT)
def test_idempotent_on_names_camel_case_and_several_joins(text):
    once = split_joined_words(text)
    assert split_joined_words(once) == once
    assert once.replace(" ", "") == text.replace(" ", "")


def test_idempotent_when_a_token_is_split_in_one_place_only():
    # The split at the sentence start puts "Travel and" in the text, which a
    # second run reads as the document writing the words apart: the rule
    # runs that second pass itself, so that the chain need not.
    text = (
        "Centrelink is urging people affected by job cuts at regional pay TV operator Austar and travel "
        "company Traveland to seek information about their income support options. Traveland has "
        "announced it is shedding jobs across the country.\n"
    )
    once = split_joined_words(text)
    assert split_joined_words(once) == once


def test_language_sample_does_not_move_when_blank_lines_are_tidied():
    from cleaner import lexicon

    paragraphs = [f"Paragraph {n} says what it says in English." for n in range(4000)]
    tidy = "\n\n".join(paragraphs)
    untidy = "\n\n\n \n".join(paragraphs[:2000]) + "\n\n" + "\n\n".join(paragraphs[2000:])
    assert len(tidy) > lexicon.LANGUAGE_SAMPLE_SLICES * lexicon.LANGUAGE_SAMPLE_CHARS
    assert lexicon.sample(untidy, 4, 16_384) == lexicon.sample(tidy, 4, 16_384)
