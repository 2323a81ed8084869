"""Protected spans: stretches of text that no spacing rule may edit inside
(URLs, e-mail addresses, domains, handles, hashtags, numbers).

Found here, once, so every rule that inserts or removes spaces agrees on them.
Each pattern starts only at a token boundary (a negative lookbehind), so a long
run of word characters is scanned once, not once per position.
"""

from __future__ import annotations

import re
from bisect import bisect_right

PROTECTED_SPAN = re.compile(
    r"""
    (?<![\w@./:-])(?:https?|ftp)://[^\s<>"]*[^\s<>".,;:!?)\]'’”]   # URL with a scheme
  | (?<![\w@./-])www\.[^\s<>"]*[^\s<>".,;:!?)\]'’”]              # bare www. URL
  | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+                     # e-mail address
  | (?<![\w@])@\w+                                               # handle
  | (?<![\w#&])\#\w+                                             # hashtag
  | (?<![\w.-])(?:[A-Za-z0-9-]+\.)+                              # domain: labels and a
        (?:com|org|net|edu|gov|mil|int|info|biz|io|ai|co|us|uk|ua|ru|de|fr|es|it|nl
          |eu|ca|au|in|jp|cn|br|ch|se|no|pl|be|at|ie|nz|za|me|tv|ly|gg|dev|app)
        (?![\w-])                                                #   known top-level domain
  | (?<![\w.])\d[\d.,:/-]*\d                                     # number, date, time, version
    """,
    re.VERBOSE | re.IGNORECASE,
)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` offsets of protected spans."""
    return [match.span() for match in PROTECTED_SPAN.finditer(text)]


def is_protected(spans: list[tuple[int, int]], position: int) -> bool:
    """True when ``position`` lies strictly inside one of ``spans``."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]
