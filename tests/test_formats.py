"""Formats end to end: Markdown read as Markdown (by --format, by file name,
by --stdin-filename, by [tool.cleaner] format), the off switch, code in plain
text, JSON Lines fields and streaming."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, clean, clean_stream, explain
from cleaner.cli import main
from cleaner.segments import segments_of

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
MARKDOWN = "Run `x  = 1`  now.\n\n```\ny  =  2\n```\n"
AS_MARKDOWN = "Run `x  = 1` now.\n\n```\ny  =  2\n```\n"
AS_TEXT = "Run `x = 1` now.\n\n```\ny  =  2\n```\n"  # a key = value line keeps its spacing


def invoke(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_library_reads_text_unless_told_markdown():
    assert clean(MARKDOWN) == AS_TEXT
    assert clean(MARKDOWN, format="markdown") == AS_MARKDOWN
    assert Cleaner(format="markdown").clean(MARKDOWN) == AS_MARKDOWN
    assert "".join(clean_stream([MARKDOWN[:9], MARKDOWN[9:]], format="markdown")) == AS_MARKDOWN


def test_explain_reports_only_the_changes_made_outside_protected_regions():
    changes = explain(MARKDOWN, format="markdown")
    assert [(c.rule, c.before, c.after) for c in changes] == [("whitespace", "  ", " ")]


def test_unknown_format_is_a_value_error():
    with pytest.raises(ValueError, match="unknown format 'rst'; valid formats: text, markdown"):
        Cleaner(format="rst")


@pytest.mark.parametrize("suffix", [".md", ".markdown", ".mdown", ".mkd", ".MD"])
def test_markdown_files_are_read_as_markdown_by_their_name(tmp_path, suffix):
    path = tmp_path / f"README{suffix}"
    path.write_text(MARKDOWN)
    assert invoke(str(path)).output == AS_MARKDOWN


def test_text_files_and_standard_input_are_text(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(MARKDOWN)
    assert invoke(str(path)).output == AS_TEXT
    assert invoke(input=MARKDOWN).output == AS_TEXT


def test_stdin_filename_names_standard_input_for_its_format():
    assert invoke("--stdin-filename", "docs/README.md", input=MARKDOWN).output == AS_MARKDOWN
    assert invoke("--stdin-filename", "notes.txt", input=MARKDOWN).output == AS_TEXT


def test_format_option_overrides_the_file_name(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(MARKDOWN)
    assert invoke("--format", "text", str(path)).output == AS_TEXT
    assert invoke("--format", "markdown", input=MARKDOWN).output == AS_MARKDOWN


def test_format_from_the_configuration_and_the_flag_over_it(tmp_path):
    (tmp_path / "cleaner.toml").write_text('format = "markdown"\n')
    path = tmp_path / "notes.txt"
    path.write_text(MARKDOWN)
    assert invoke(str(path)).output == AS_MARKDOWN
    assert invoke("--format", "auto", str(path)).output == AS_TEXT


def test_a_bad_format_in_the_configuration_is_one_line(tmp_path):
    (tmp_path / "cleaner.toml").write_text('format = "rst"\n')
    path = tmp_path / "notes.txt"
    path.write_text("x\n")
    result = invoke(str(path))
    assert result.exit_code == 2
    assert "format must be one of auto, text, markdown, not 'rst'" in result.output


def test_check_passes_a_markdown_file_whose_only_oddities_are_code(tmp_path):
    path = tmp_path / "README.md"
    path.write_text("Use `a  b`.\n\n    x  =  1\n\nLine with a break  \nnext.\n")
    assert invoke("--check", str(path)).exit_code == 0
    assert invoke("--check", "--format", "text", str(path)).exit_code == 1


def test_jsonl_fields_can_be_markdown(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"text": "Run `x  = 1`  now."}) + "\n")
    assert json.loads(invoke("--jsonl", "--format", "markdown", str(path)).output) == {"text": "Run `x  = 1` now."}
    assert json.loads(invoke("--jsonl", str(path)).output) == {"text": "Run `x = 1` now."}


# --- the off switch ---------------------------------------------------------------------


def test_off_switch_in_plain_text():
    text = "a  b\n# cleaner: off\nkeep   said.The\n# cleaner: on\nthe  end\nx  y  # cleaner: skip\n"
    assert clean(text) == "a b\n# cleaner: off\nkeep   said.The\n# cleaner: on\nthe end\nx  y  # cleaner: skip\n"


def test_off_switch_in_markdown():
    text = "a  b\n\n<!-- cleaner: off -->\nkeep   said.The\n<!-- cleaner: on -->\n\nc  d\n"
    assert clean(text, format="markdown") == "a b\n\n<!-- cleaner: off -->\nkeep   said.The\n<!-- cleaner: on -->\n\nc d\n"


# --- code in plain text -----------------------------------------------------------------


def test_plain_text_commands_and_configuration_keep_their_words_and_alignment():
    text = "Install it:\n\n    $ pip install linkname\n    url      = http://x.org/a\n\nthe prisonersof war.\n"
    assert clean(text) == text.replace("prisonersof", "prisoners of")


# --- the Markdown corpus document -------------------------------------------------------


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_markdown_corpus_document_cleans_to_its_expected_output():
    source = CORPUS / "markdown-readme.md"
    expected = _read(CORPUS / "markdown-readme.expected.md")
    assert clean(_read(source), format="markdown") == expected
    assert clean(expected, format="markdown") == expected


def test_markdown_corpus_document_through_the_command_line(tmp_path):
    path = tmp_path / "README.md"
    path.write_bytes((CORPUS / "markdown-readme.md").read_bytes())
    assert invoke(str(path)).output == _read(CORPUS / "markdown-readme.expected.md")


def _pieces(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def _code_kept(source: str, cleaned: str) -> bool:
    """Every region closed to all rules is in ``cleaned``, in order."""
    from cleaner.regions import protected_regions

    position = 0
    for region in protected_regions(source, "markdown"):
        if region.rules is None and not region.removable_by:
            found = cleaned.find(source[region.start : region.end], position)
            if found == -1:
                return False
            position = found
    return True


def test_markdown_in_small_segments_keeps_its_code_and_streams_as_the_whole_text_does():
    """With segments far smaller than the document, cuts fall near every
    block: none may split a fence, front matter or an off region, and text
    arriving in pieces is cut exactly where the whole text is."""
    text = _read(CORPUS / "markdown-readme.md")
    rules = Cleaner(format="markdown")
    for size in (16, 64, 200, 1000):
        whole = "".join(rules.clean_segments(segments_of([text], size=size, max_size=size * 4)))
        assert _code_kept(text, whole), size
        streamed = "".join(rules.clean_segments(segments_of(_pieces(text, 7), size=size, max_size=1 << 20)))
        assert _code_kept(text, streamed), size
        assert streamed == "".join(rules.clean_segments(segments_of([text], size=size, max_size=1 << 20))), size
    assert "".join(clean_stream(_pieces(text, 5), format="markdown")) == clean(text, format="markdown")


# --- generated Markdown -----------------------------------------------------------------

CODE_CHARACTERS = st.sampled_from(list("abxy=().;:/“") + ["  ", "&amp;", "prisonersof", "said.The", " "])
CODE = st.lists(CODE_CHARACTERS, min_size=1, max_size=10).map("".join).filter(lambda s: s.strip() == s and s)
PROSE = st.lists(st.sampled_from("the prisonersof said.The Tom &amp; Jerry café  x".split(" ")), min_size=1, max_size=6)


@st.composite
def markdown_documents(draw) -> tuple[str, list[str]]:
    """A document and its code spans and fenced blocks, in order."""
    parts, code = [], []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            block = "```\n" + "\n".join(draw(st.lists(CODE, min_size=1, max_size=3))) + "\n```"
            code.append(block)
            parts.append(block)
        else:
            span = f"`{draw(CODE)}`"
            code.append(span)
            parts.append(" ".join(draw(PROSE)) + " " + span + " " + " ".join(draw(PROSE)))
    return "\n\n".join(parts) + "\n", code


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_documents())
def test_code_in_generated_markdown_is_byte_identical_and_cleaning_is_idempotent(document):
    text, code = document
    cleaned = clean(text, format="markdown")
    position = 0
    for piece in code:
        found = cleaned.find(piece, position)
        assert found != -1, (piece, cleaned)
        position = found + len(piece)
    assert clean(cleaned, format="markdown") == cleaned


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_documents(), st.integers(8, 120), st.integers(1, 30))
def test_generated_markdown_in_small_segments_keeps_code_and_streams_alike(document, size, piece):
    text, code = document
    rules = Cleaner(format="markdown")
    # No fallback cuts at single line breaks (max_size): where those fall
    # depends on how the text arrives (cleaner.segments), blank lines or not.
    whole = "".join(rules.clean_segments(segments_of([text], size=size, max_size=1 << 20)))
    streamed = "".join(rules.clean_segments(segments_of(_pieces(text, piece), size=size, max_size=1 << 20)))
    assert streamed == whole
    position = 0
    for part in code:
        found = whole.find(part, position)
        assert found != -1, (part, whole)
        position = found + len(part)
