"""JSON Lines: one field cleaned in place, every other byte of the line kept."""

from __future__ import annotations

import json

import pytest

from cleaner import clean
from cleaner.jsonl import JsonlError, clean_field, clean_json_record, clean_jsonl_lines, find_string_field


def run(lines: list[bytes], field: str = "text", **options) -> list[bytes]:
    return list(clean_jsonl_lines(lines, field, clean, **options))


def test_cleans_a_top_level_field_without_adding_a_newline():
    assert run([b'{"text": "Tom &amp; Jerry  met"}\n']) == [b'{"text": "Tom & Jerry met"}\n']


def test_cleans_a_nested_field_by_dotted_path():
    line = b'{"id": 1, "meta": {"lang": "en", "body": "didn\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t  stop"}, "n": 2}\n'
    assert run([line], "meta.body") == [b'{"id": 1, "meta": {"lang": "en", "body": "didn\xe2\x80\x99t stop"}, "n": 2}\n']


def test_keeps_every_other_byte_of_the_record():
    line = (
        b'{ "z" :1.50,"text":  "a  b" ,\t"e": "caf\\u00e9 \\/ \\ud83d\\ude00",'
        b' "big": 1E+2, "nested": {"text": "x  y"}, "list": [1.0, {"a": null}] }\n'
    )
    expected = line.replace(b'"a  b"', b'"a b"')
    assert run([line]) == [expected]


def test_keeps_the_other_copies_of_the_key_name_in_nested_objects():
    line = b'{"nested": {"text": "x  y"}, "text": "a  b"}\n'
    assert run([line]) == [b'{"nested": {"text": "x  y"}, "text": "a b"}\n']


def test_yields_unchanged_records_as_the_same_bytes():
    lines = [b'{"text":"already clean", "f": 1.50}\n', b'{"text": "caf\\u00e9"}\n']
    assert all(out is source for out, source in zip(run(lines), lines))


def test_keeps_a_trailing_newline_only_when_the_value_had_one():
    assert run([b'{"text": "para\\n\\n\\n\\n"}\n']) == [b'{"text": "para\\n"}\n']
    assert run([b'{"text": "one  two\\nthree"}\n']) == [b'{"text": "one two\\nthree"}\n']


def test_escaped_value_stays_escaped():
    # "cafÃ©" written with \u escapes: the repaired value is escaped too.
    assert run([b'{"text": "caf\\u00c3\\u00a9"}\n']) == [b'{"text": "caf\\u00e9"}\n']


def test_raw_utf8_value_stays_raw():
    assert run(['{"text": "café  crème"}\n'.encode()]) == ['{"text": "café crème"}\n'.encode()]


def test_reports_malformed_lines_with_their_number_and_passes_them_through():
    errors = []
    lines = [b'{"text": "a  b"}\n', b"not json\n", b"[1, 2]\n", b'{"text": "x"} trailing\n', b'{"text": "\xff"}\n']
    out = list(clean_jsonl_lines(lines, "text", clean, on_error=lambda n, message: errors.append((n, message))))
    assert out == [b'{"text": "a b"}\n'] + lines[1:]
    assert [n for n, _ in errors] == [2, 3, 4, 5]
    assert "invalid UTF-8" in errors[3][1]


def test_strict_raises_with_the_line_number():
    with pytest.raises(JsonlError, match="line 2: ") as caught:
        run([b'{"text": "ok"}\n', b'{"text": oops}\n'], strict=True)
    assert caught.value.line_number == 2


def test_passes_blank_lines_through():
    assert run([b"\n", b"  \r\n", b'{"text": "a  b"}\n']) == [b"\n", b"  \r\n", b'{"text": "a b"}\n']


def test_leaves_records_without_the_field_alone():
    lines = [b'{"title": "a  b"}\n', b'{"meta": "a  b"}\n', b'{"meta": {"other": "a  b"}}\n']
    assert run(lines, "meta.body") == lines


def test_leaves_non_string_values_alone():
    lines = [b'{"text": 12}\n', b'{"text": null}\n', b'{"text": ["a  b"]}\n', b'{"text": {"x": "a  b"}}\n']
    out = run(lines)
    assert out == lines
    assert all(a is b for a, b in zip(out, lines))


def test_keeps_crlf_line_endings_and_a_missing_last_newline():
    lines = [b'{"text": "a  b"}\r\n', b'{"text": "c  d"}\n', b'{"text": "e  f"}']
    assert run(lines) == [b'{"text": "a b"}\r\n', b'{"text": "c d"}\n', b'{"text": "e f"}']


def test_last_duplicate_key_is_the_one_cleaned_like_json_loads():
    assert run([b'{"text": "a  b", "text": "c  d"}\n']) == [b'{"text": "a  b", "text": "c d"}\n']


def test_keeps_a_byte_order_mark_on_the_first_line():
    line = '\ufeff{"text": "a  b"}\n'.encode()
    assert run([line]) == ['\ufeff{"text": "a b"}\n'.encode()]


def test_output_parses_to_the_cleaned_record():
    record = {"id": 3, "text": "He said \"didnâ€™t\" &amp;\ttabs  here", "score": 0.5}
    (out,) = run([json.dumps(record).encode() + b"\n"])
    assert json.loads(out) == {**record, "text": "He said \"didn’t\" &\ttabs here"}


def test_find_string_field_gives_the_raw_span():
    text = '{"a": {"b" : "x\\"y"}}'
    start, end, value = find_string_field(text, ("a", "b"))
    assert (text[start:end], value) == ('"x\\"y"', 'x"y')


def test_clean_json_record_returns_the_same_text_when_unchanged():
    text = '{"text": "fine"}'
    assert clean_json_record(text, ("text",), clean) is text


def test_clean_field_drops_crlf_added_to_a_crlf_value():
    assert clean_field("a  b\r\nc", clean) == "a b\r\nc"


def test_rejects_an_empty_key_in_the_field_path():
    with pytest.raises(ValueError, match="empty key"):
        run([b"{}\n"], "meta..body")
