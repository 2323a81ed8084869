"""Clean one string field of every record in JSON Lines, leaving every other
byte of each line as it came (the library side of ``cleaner --jsonl``).

Records are never re-serialised: the target value's exact span is found in the
raw line and only that span is replaced, so key order, spacing, number formats
(``1.50``) and escapes elsewhere in the record survive untouched.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from cleaner.changes import Change

# json's decoder and string scanner, taken on first use (a plain-text run
# never imports json).
_DECODER: Any = None
_scanstring: Any = None
_JSON_WHITESPACE = re.compile(r"[ \t\n\r]*")
_BOM = "\ufeff"


class JsonlError(ValueError):
    """A line that is not a JSON object (bad JSON, another JSON type, or invalid UTF-8)."""

    def __init__(self, line_number: int, message: str):
        self.line_number = line_number
        self.message = message
        super().__init__(f"line {line_number}: {message}")


def split_field_path(field: str) -> tuple[str, ...]:
    """``"meta.body"`` -> ``("meta", "body")``: the keys from the record down to the field.

    >>> split_field_path("meta.body")
    ('meta', 'body')

    Keys that themselves contain a dot cannot be addressed.
    """
    path = tuple(field.split("."))
    if not all(path):
        raise ValueError(f"invalid field path {field!r}: empty key")
    return path


def clean_field(value: str, clean_text: Callable[[str], str]) -> str:
    """Clean one field value as a document, minus the final newline that cleaning added.

    The whitespace rule ends every non-empty document with a newline; a field
    (a title, a body in a record) is not a file, so a value that did not end
    with a newline does not get one:

    >>> from cleaner import clean
    >>> clean_field("Tom &amp; Jerry  met", clean)
    'Tom & Jerry met'
    >>> clean_field("two lines\\n\\n\\n", clean)
    'two lines\\n'
    """
    cleaned = clean_text(value)
    if cleaned == value or value.endswith("\n") or not cleaned.endswith("\n"):
        return cleaned
    cleaned = cleaned[:-1]
    # A CRLF value was given CRLF back by the pipeline; drop its "\r" too,
    # unless the value itself ended with a bare "\r".
    if cleaned.endswith("\r") and not value.endswith("\r"):
        cleaned = cleaned[:-1]
    return cleaned


def _skip_whitespace(text: str, index: int) -> int:
    return _JSON_WHITESPACE.match(text, index).end()  # type: ignore[union-attr]


def _expect(text: str, index: int, char: str, what: str) -> None:
    if not text.startswith(char, index):
        raise ValueError(f"expected {what} at column {index + 1}")


def _walk_object(text: str, index: int, path: tuple[str, ...]) -> tuple[int, tuple[int, int, str] | None]:
    """Validate the object starting at ``text[index] == "{"``.

    Return the index just past it and, if the value at ``path`` is a string,
    its raw span and decoded value ``(start, end, value)``. As with
    ``json.loads``, the last of duplicate keys wins.
    """
    found = None
    index = _skip_whitespace(text, index + 1)
    if text.startswith("}", index):
        return index + 1, None
    while True:
        _expect(text, index, '"', "a key in double quotes")
        key, index = _scanstring(text, index + 1)
        index = _skip_whitespace(text, index)
        _expect(text, index, ":", "':'")
        index = start = _skip_whitespace(text, index + 1)
        if key == path[0] and len(path) > 1 and text.startswith("{", index):
            index, found = _walk_object(text, index, path[1:])
        else:
            value, index = _DECODER.raw_decode(text, index)
            if key == path[0]:
                found = (start, index, value) if len(path) == 1 and isinstance(value, str) else None
        index = _skip_whitespace(text, index)
        if text.startswith("}", index):
            return index + 1, found
        _expect(text, index, ",", "',' or '}'")
        index = _skip_whitespace(text, index + 1)


def find_string_field(text: str, path: tuple[str, ...]) -> tuple[int, int, str] | None:
    """The raw span and value of the string at ``path`` in one JSON object.

    Return ``(start, end, value)`` with ``text[start:end]`` the value's JSON
    text, quotes included, or None when the field is missing or not a string.
    Raise ``ValueError`` when ``text`` is not exactly one JSON object.

    >>> find_string_field('{"id": 1, "meta": {"body": "hi"}}', ("meta", "body"))
    (27, 31, 'hi')
    """
    global _DECODER, _scanstring
    if _DECODER is None:
        from json.decoder import JSONDecoder, scanstring

        _DECODER, _scanstring = JSONDecoder(), scanstring
    index = _skip_whitespace(text, 0)
    _expect(text, index, "{", "a JSON object")
    try:
        end, found = _walk_object(text, index, path)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if _skip_whitespace(text, end) != len(text):
        raise ValueError(f"extra data after the JSON object at column {end + 1}")
    return found


def _encode_string(value: str, ascii_only: bool) -> str:
    import json

    encoded = json.dumps(value, ensure_ascii=ascii_only)
    try:
        encoded.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: only a \u escape can carry it
        encoded = json.dumps(value, ensure_ascii=True)
    return encoded


def _locate(text: str, path: tuple[str, ...]) -> tuple[int, int, str] | None:
    """``find_string_field`` for a line that may start with a byte-order mark."""
    bom = len(_BOM) if text.startswith(_BOM) else 0
    found = find_string_field(text[bom:], path)
    if found is None or not bom:
        return found
    start, end, value = found
    return start + bom, end + bom, value


@dataclass(frozen=True)
class RecordChange:
    """A change to the field of the JSON Lines record on line ``record_line``
    of its file; ``change.line`` and ``change.column`` count in the field's value."""

    record_line: int
    change: Change

    @property
    def rule(self) -> str:
        return self.change.rule

    def as_dict(self) -> dict[str, object]:
        return {"record_line": self.record_line, **self.change.as_dict()}


class Explainer(Protocol):
    def explain(self, text: str, /) -> list[Change]: ...


def field_changes(cleaner: Explainer, value: str, cleaned: str) -> list[Change]:
    """The changes that made ``cleaned`` (``clean_field``'s result) from ``value``:
    the chain's own, less the final line break that ``clean_field`` took off again.

    >>> from cleaner import Cleaner
    >>> [(c.rule, c.before, c.after) for c in field_changes(Cleaner(), "a  b", "a b")]
    [('whitespace', '  ', ' ')]
    """
    changes = cleaner.explain(value)
    if changes and not cleaned.endswith("\n"):
        last = changes[-1]
        after = last.after.removesuffix("\n")
        if after != last.after and not last.before.endswith("\n"):
            after = after.removesuffix("\r") if not last.before.endswith("\r") else after
            changes[-1] = dataclasses.replace(last, after=after)
            if after == last.before:
                changes.pop()
    return changes


def _replace_value(text: str, found: tuple[int, int, str], clean_text: Callable[[str], str]) -> str:
    start, end, value = found
    cleaned = clean_field(value, clean_text)
    if cleaned == value:
        return text
    return text[:start] + _encode_string(cleaned, text[start:end].isascii()) + text[end:]


def clean_json_record(text: str, path: tuple[str, ...], clean_text: Callable[[str], str]) -> str:
    """Clean the string at ``path`` in one JSON object, given as text without its line ending.

    The result is ``text`` itself when nothing changed; otherwise only the
    value's span is replaced. The new value is written with ``\\u`` escapes
    if the old one was pure ASCII, with plain characters otherwise. Raise
    ``ValueError`` when ``text`` is not one JSON object.

    >>> from cleaner import clean
    >>> clean_json_record('{"price": 1.50, "body": "caf\\\\u00c3\\\\u00a9  au lait"}', ("body",), clean)
    '{"price": 1.50, "body": "caf\\\\u00e9 au lait"}'
    """
    found = _locate(text, path)
    return text if found is None else _replace_value(text, found, clean_text)


def _split_line_ending(line: bytes) -> tuple[bytes, bytes]:
    if line.endswith(b"\r\n"):
        return line[:-2], b"\r\n"
    if line.endswith(b"\n"):
        return line[:-1], b"\n"
    return line, b""


def _parse_line(body: bytes, path: tuple[str, ...]) -> tuple[str, tuple[int, int, str] | None]:
    """The decoded line and the span of its field; ValueError if it is malformed."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"invalid UTF-8 at byte {error.start + 1}") from None
    return text, _locate(text, path)


def clean_jsonl_lines(
    lines: Iterable[bytes],
    field: str,
    clean_text: Callable[[str], str],
    strict: bool = False,
    on_error: Callable[[int, str], None] | None = None,
    on_record: Callable[[int, str | None, str | None], None] | None = None,
) -> Iterator[bytes]:
    """Clean the string at the dotted path ``field`` in each JSON Lines record.

    ``lines`` are UTF-8 byte lines with their endings (iterating over a file
    opened in binary mode gives exactly that). Each line comes out with its
    own ending; a line whose value does not change, a blank line, and a
    record where the field is missing or not a string come out exactly as
    they went in. A value that did not end with a newline does not gain one
    (see ``clean_field``).

    A malformed line (not JSON, not an object, invalid UTF-8) is passed
    through unchanged and reported as ``on_error(line_number, message)``,
    counting from 1; with ``strict=True`` it raises ``JsonlError`` instead.
    Each well-formed record is told to ``on_record(line_number, value,
    cleaned)``, with ``None, None`` when it has no string at ``field``.

    >>> from cleaner import clean
    >>> list(clean_jsonl_lines([b'{"id": 7, "text": "didn\\xc3\\xa2\\xe2\\x82\\xac\\xe2\\x84\\xa2t"}\\n'], "text", clean))
    [b'{"id": 7, "text": "didn\\xe2\\x80\\x99t"}\\n']
    """
    path = split_field_path(field)
    for line_number, line in enumerate(lines, start=1):
        body, ending = _split_line_ending(line)
        if not body.strip():
            yield line
            continue
        try:
            text, found = _parse_line(body, path)
        except ValueError as error:
            if strict:
                raise JsonlError(line_number, str(error)) from None
            if on_error is not None:
                on_error(line_number, str(error))
            yield line
            continue
        if found is None:
            if on_record is not None:
                on_record(line_number, None, None)
            yield line
            continue
        start, end, value = found
        cleaned = clean_field(value, clean_text)
        if on_record is not None:
            on_record(line_number, value, cleaned)
        if cleaned == value:
            yield line
        else:
            encoded = _encode_string(cleaned, text[start:end].isascii())
            yield (text[:start] + encoded + text[end:]).encode("utf-8") + ending
