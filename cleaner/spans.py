"""Protected spans: stretches of text that no spacing rule may edit inside
(URLs, e-mail addresses, domains, handles, hashtags, numbers, abbreviations,
file names and paths).

Found here, once, so every rule that inserts or removes spaces agrees on them.
Each pattern starts only at a token boundary (a negative lookbehind), so a long
run of word characters is scanned once, not once per position. No pattern
crosses whitespace, so the spans inside one whitespace-delimited token can be
found from that token alone (``is_protected_at``).
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Abbreviations written with a period, exactly as they are cased. Initialisms
# made of single letters and periods (U.S., e.g., a.m., J.R.R.) need no row:
# PROTECTED_SPAN recognises them by shape.
ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Dr Prof Sr Jr St Mt Rev Gov Sen Rep Gen Col Lt Sgt Capt Cmdr Adm
    Pres Supt Det Insp Hon Messrs Mme Mlle
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    No Nos Vol Vols Fig Figs Ch Sec Art Ed Eds Ps Pp Op
    Inc Ltd Co Corp Bros Dept Univ Assn Ave Blvd Rd Ft
    Ph.D M.Sc B.Sc Ed.D
    etc vs cf al approx ca esp incl fig eq vol pp ed eds op""".split()
)
_ABBREVIATION_ALTERNATIVES = "|".join(re.escape(word) for word in sorted(ABBREVIATIONS, key=len, reverse=True))

PROTECTED_SPAN = re.compile(
    rf"""
    (?<![\w@./:-])(?:https?|ftp)://[^\s<>"]*[^\s<>".,;:!?)\]'’”]   # URL with a scheme
  | (?<![\w@./-])www\.[^\s<>"]*[^\s<>".,;:!?)\]'’”]              # bare www. URL
  | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+                     # e-mail address
  | (?<![\w@])@\w+                                               # handle
  | (?<![\w#&])\#\w+                                             # hashtag
  | (?<![\w.-])(?:[A-Za-z0-9-]+\.)+                              # domain: labels and a known
        (?!(?-i:[A-Z][a-z]))                                     #   top-level domain, not written
        (?:com|org|net|edu|gov|mil|int|info|biz|io|ai|co|us|uk|ua|ru|de|fr|es|it|nl
          |eu|ca|au|in|jp|cn|br|ch|se|no|pl|be|at|ie|nz|za|me|tv|ly|gg|dev|app)
        (?![\w-])                                                #   as a word ("ended.It" is prose)
  | (?<![\w.])\d{{4}}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?     # ISO 8601 timestamp
        (?:Z|[+-]\d\d:?\d\d)?
  | (?<![\w.])\d[\d.,:/-]*\d                                     # number, date, time, version
  | (?<![\w.])(?:[A-Za-z]\.){{2,}}                               # initialism: U.S., e.g., J.R.R.
  | (?<![\w.])(?-i:{_ABBREVIATION_ALTERNATIVES})\.               # listed abbreviation: Mr., Feb.
  | (?<![\w.@/-])[A-Za-z_][\w-]*(?:\.[\w-]+)*                    # file or code name whose last part
        \.(?-i:[a-z0-9_])[\w-]*                                  #   starts in lower case: report.pdf,
                                                                 #   Node.js, fs.readFile, ld.so.conf
  | (?<![\w.)\]"'’”])\.[A-Za-z][\w-]*                            # leading-dot name: .NET, .bashrc (not
                                                                 #   a sentence end after a bracket: (FHS).Normally)
  | (?<![\w)])(?:~|\.{{1,2}})?(?:/[\w.+~%-]+)+                   # path: /etc/apt/sources.list, ~/bin
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A token longer than this on either side of a position is not prose (a long
# URL, a hash, a base64 blob): ``is_protected_at`` treats it as protected.
TOKEN_REACH = 200


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` offsets of protected spans."""
    return [match.span() for match in PROTECTED_SPAN.finditer(text)]


def is_protected(spans: list[tuple[int, int]], position: int) -> bool:
    """True when ``position`` lies strictly inside one of ``spans``."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]


def token_bounds(text: str, position: int, reach: int = TOKEN_REACH) -> tuple[int, int] | None:
    """``(start, end)`` of the whitespace-delimited token that holds ``text[position]``,
    or ``None`` when it reaches further than ``reach`` characters on either side."""
    low = max(0, position - reach)
    before = text[low:position]
    head = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
    if low > 0 and len(head) == len(before):
        return None
    after = text[position : position + reach + 1]
    tail = after.split(None, 1)[0] if after and not after[0].isspace() else ""
    if len(tail) > reach:
        return None
    return position - len(head), position + len(tail)


def is_protected_at(text: str, position: int) -> bool:
    """``is_protected(protected_spans(text), position)``, computed from the token
    around ``position`` only; a token too long to be prose counts as protected."""
    bounds = token_bounds(text, position)
    if bounds is None:
        return True
    start, end = bounds
    return is_protected(protected_spans(text[start:end]), position - start)


# Signs that a line is code, a command or configuration rather than prose: a
# shell or REPL prompt at its start, or operators and brackets prose never uses.
PROMPT = re.compile(r"\s*(?:[$%]\s|>>>\s|#\s*[a-z./])")
CODE_SIGNS = ("==", "!=", "=>", "->", "::", "&&", "||", "{", "}", "$(", "${", "`", "</", "/>", "();", " = ")
# A token with one of these characters is technical (a path, an option, an
# assignment), and so is a number standing alone.
TECHNICAL_TOKEN = re.compile(r"(?<!\S)(?:[^\s=<>{}\\|@#$%^*~`_/&+\[\]]*[=<>{}\\|@#$%^*~`_/&+\[\]]\S*|\d+(?!\S))")
# A line is code when at least this share of its tokens (and two) are technical.
TECHNICAL_TOKEN_SHARE = 0.5


def reads_as_code(line: str) -> bool:
    """True when ``line`` reads as code, a command or configuration: the
    spacing rules leave such lines alone (``key:value``, ``a,b``, ``x.y``).

    >>> reads_as_code("$ mount -o rw,noexec /dev/sda1 /mnt")
    True
    >>> reads_as_code("std::vector<int> items;")
    True
    >>> reads_as_code("The talks ended.The next round begins on Monday.")
    False
    """
    if PROMPT.match(line) or line.rstrip().endswith(";") or any(sign in line for sign in CODE_SIGNS):
        return True
    technical = len(TECHNICAL_TOKEN.findall(line))
    return technical >= 2 and technical >= TECHNICAL_TOKEN_SHARE * len(line.split())
