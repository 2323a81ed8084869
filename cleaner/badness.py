"""ftfy's mojibake detector (``ftfy.badness.is_bad``), answered by trying its
regex only next to non-ASCII characters instead of at every position.

``is_bad`` is one ``search`` of a regex with some forty alternatives, and ftfy
runs it several times over every line it repairs: on a line of news prose with
one mojibake apostrophe it is most of ftfy's time. Every alternative of that
regex needs a non-ASCII character among its first few characters, so a match
can only start within ``bound`` characters before one; ``NearNonAscii`` reads
that bound from the regex itself and tries ``match`` only there, which gives
the same answer as ``search``. When the regex has an alternative it cannot
bound (a later ftfy), ``fast_is_bad`` is None and ftfy's own is used.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from typing import Any

try:
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

NON_ASCII = re.compile(r"[^\x00-\x7f]")
MAX_BOUND = 4  # further than this, trying every non-ASCII character's neighbours stops paying


def anchor_bound(pattern: re.Pattern[str]) -> int | None:
    """The most characters any match of ``pattern`` can have before its first
    character that must be non-ASCII, or None when some match may have none
    (or the pattern uses constructs this reader does not follow)."""
    try:
        return _bound(list(sre_parse.parse(pattern.pattern, pattern.flags)), 0)
    except _Unbounded:
        return None


class _Unbounded(Exception):
    pass


def _bound(items: list[tuple[Any, Any]], before: int) -> int:
    """Over every path through ``items`` (a parsed sequence) that starts after
    at most ``before`` characters: the most characters before a non-ASCII one."""
    for index, (op, argument) in enumerate(items):
        if op is sre_constants.BRANCH:
            rest = items[index + 1 :]
            return max(_bound(list(branch) + rest, before) for branch in argument[1])
        if op is sre_constants.SUBPATTERN:
            return _bound(list(argument[-1]) + items[index + 1 :], before)
        if _only_non_ascii(op, argument):
            return before
        before += _width(op, argument)
        if before > MAX_BOUND:
            raise _Unbounded
    raise _Unbounded  # a path with no non-ASCII character


def _only_non_ascii(op: Any, argument: Any) -> bool:
    if op is sre_constants.LITERAL:
        return argument > 0x7F
    if op is sre_constants.IN:
        return all(
            (kind is sre_constants.LITERAL and value > 0x7F) or (kind is sre_constants.RANGE and value[0] > 0x7F)
            for kind, value in argument
        )
    return False


def _width(op: Any, argument: Any) -> int:
    """The most characters one item matches; ``_Unbounded`` for what it cannot tell."""
    if op in (sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.IN, sre_constants.ANY):
        return 1
    if op is sre_constants.AT:
        return 0
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        _low, high, sub = argument
        widths = [_width(o, a) for o, a in sub]
        if high is sre_constants.MAXREPEAT:
            raise _Unbounded
        return high * sum(widths)
    raise _Unbounded


class NearNonAscii:
    """``pattern.search(text) is not None``, trying ``pattern.match`` only at
    the ``bound`` positions before each non-ASCII character and at it."""

    def __init__(self, pattern: re.Pattern[str], bound: int):
        self.pattern = pattern
        self.bound = bound

    def __call__(self, text: str) -> bool:
        match, bound = self.pattern.match, self.bound
        tried = -1  # the last start position tried
        for found in NON_ASCII.finditer(text):
            end = found.start()
            for start in range(max(end - bound, tried + 1), end + 1):
                if match(text, start):
                    return True
            tried = max(tried, end)
        return False


def _fast_is_bad() -> Callable[[str], bool] | None:
    from ftfy import badness

    bound = anchor_bound(badness.BADNESS_RE)
    return None if bound is None else NearNonAscii(badness.BADNESS_RE, bound)


fast_is_bad = _fast_is_bad()


@contextlib.contextmanager
def ftfy_using_fast_is_bad() -> Iterator[None]:
    """While inside, ftfy's repairs call ``fast_is_bad`` (the same answers) in
    place of ``is_bad``; ftfy is left as it was on the way out."""
    import ftfy

    original = getattr(ftfy, "is_bad", None)
    if fast_is_bad is None or original is not badness_is_bad():
        yield
        return
    ftfy.is_bad = fast_is_bad
    try:
        yield
    finally:
        ftfy.is_bad = original


def badness_is_bad() -> Callable[[str], bool]:
    from ftfy import badness

    return badness.is_bad
