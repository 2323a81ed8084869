"""Selects rules from the registry and runs them, segment by segment, as a
plain chain: each rule's edits are applied in registry order, and rules run
again wherever another rule's edits may have given them work, until nothing
changes. Changes are recorded from the edits, in the input's coordinates.

Line endings are handled here, once: a segment that is mostly CRLF is cleaned
as LF and given its CRLF back, so rules only ever see ``\\n`` line breaks.

Protected regions (code, link targets, off switches: ``cleaner.regions``) are
honoured here too, for every rule alike: an edit that touches a region closed
to its rule is dropped. Regions are found on the text each rule receives,
once per change of the text, in the document's format (``text`` or
``markdown``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from cleaner.changes import Change
from cleaner.edits import Edit, apply_edits
from cleaner.layout import DocumentEdges, uses_crlf
from cleaner.offsets import OffsetMap
from cleaner.regions import FORMATS, Regions, joined_at_allowed_cuts, may_block, protected_regions
from cleaner.regions.text_blocks import TextRegions
from cleaner.registry import RULES, RULES_BY_NAME, feed_no_rule, feeds
from cleaner.rule import Rule
from cleaner.segments import rejoin_cut_lines, segments_of

__all__ = ["Cleaner", "CleanedText", "UnknownRuleError", "clean", "clean_stream", "select_rules", "uses_crlf"]


class UnknownRuleError(ValueError):
    """A rule name in ``select`` or ``ignore`` that the registry does not know."""

    def __init__(self, unknown: list[str]):
        self.unknown = unknown
        valid = ", ".join(RULES_BY_NAME)
        names = ", ".join(unknown)
        super().__init__(f"unknown rule {names}; valid rules: {valid}")


def _names(value: str | Iterable[str] | None) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    return [name.strip() for name in value if name.strip()]


def select_rules(
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
) -> tuple[Rule, ...]:
    """The rules to run, in chain order. Names may be a list or a comma-separated string."""
    selected, ignored = _names(select), _names(ignore)
    unknown = [n for n in (selected or []) + (ignored or []) if n not in RULES_BY_NAME]
    if unknown:
        raise UnknownRuleError(unknown)
    return tuple(
        rule
        for rule in RULES
        if (selected is None or rule.name in selected) and rule.name not in (ignored or ())
    )


class ChangeSink(Protocol):
    """Where recorded changes go: a list, or anything with ``extend``."""

    def extend(self, changes: Iterable[Change], /) -> None: ...


# The most rounds the chain makes over one segment. Each round runs the rules
# that have work; on ordinary text the first round leaves none. A chain that
# still changes text after this many rounds is a bug (the fuzzer reports it).
MAX_ROUNDS = 4
CR_BEFORE_LF = re.compile(r"\r(?=\n)")


AnyRegions = Regions | TextRegions


def _regions_of(text: str, format: str) -> AnyRegions:
    """The protected regions of ``text``: a plain text's code-like lines are
    read block by block as edits need them (lone CRs end lines there too,
    so such a text is read whole)."""
    if format == "text" and "\r" not in text:
        return TextRegions(text)
    return protected_regions(text, format)


def _stale(regions: AnyRegions, text: str, format: str) -> AnyRegions | None:
    """None when ``regions``, carried through the edits that made ``text``,
    are what finding them afresh on ``text`` gives; else the fresh ones."""
    if isinstance(regions, TextRegions):  # a lone CR made by an edit: read the text whole
        return regions.stale(text) if "\r" not in text else protected_regions(text, format)
    fresh = protected_regions(text, format)
    return None if fresh.regions == regions.regions else fresh


@dataclass(repr=False, eq=False)  # internal: generated methods cost start-up time
class _Record:
    """One edit, its span in the segment as given, and the text it replaced."""

    rule: str
    start: int
    end: int
    before: str
    after: str
    reason: str


@dataclass(repr=False, eq=False)  # internal: generated methods cost start-up time
class _Chain:
    """The selected rules, with which of them each one's edits can give work to."""

    rules: tuple[Rule, ...]
    format: str = "text"
    fed: tuple[tuple[int, ...], ...] = field(init=False)
    edges_owner: str | None = field(init=False)

    def __post_init__(self) -> None:
        fed = []
        for index, rule in enumerate(self.rules):
            names = feeds(rule)
            fed.append(
                tuple(
                    other
                    for other, target in enumerate(self.rules)
                    if other != index and (names is None or target.name in names)
                )
            )
        self.fed = tuple(fed)
        self.edges_owner = next((rule.name for rule in self.rules if rule.document_edges), None)

    def to_fixed_point(self, text: str, offsets: OffsetMap | None, records: list[_Record] | None) -> str:
        """Run the rules over ``text`` until none has work left (or ``MAX_ROUNDS``).

        Each rule's edits are filtered through the protected regions of the
        text it receives. They are found once, when a rule first has edits,
        and carried through later edits; at the end they are found again on
        the result, and if they differ from what was carried (an edit made or
        unmade a code-like line), the rules run again with the new ones, so a
        second run of the chain sees exactly what this one settled on."""
        regions: AnyRegions | None = None
        for _ in range(MAX_ROUNDS):
            text, regions = self._rounds(text, regions, offsets, records)
            if regions is None:
                return text  # no rule had edits: nothing changed
            fresh = _stale(regions, text, self.format)
            if fresh is None:
                return text
            regions = fresh
        return text

    def _rounds(
        self, text: str, regions: AnyRegions | None, offsets: OffsetMap | None, records: list[_Record] | None
    ) -> tuple[str, AnyRegions | None]:
        """Rounds of the rules, each rule re-run only where another's edits fed it.
        Returns the text and the regions carried to it (None if none were needed)."""
        pending = [True] * len(self.rules)
        changed = False
        for _ in range(MAX_ROUNDS):
            if not any(pending):
                break
            for index, rule in enumerate(self.rules):
                if not pending[index]:
                    continue
                pending[index] = False
                edits = rule.find_edits(text)
                if edits and (regions is not None or may_block(text, self.format, rule.name)):
                    if regions is None:
                        regions = _regions_of(text, self.format)
                    edits = regions.filter(edits, rule.name)
                if not edits:
                    continue
                if offsets is not None:
                    spans = offsets.compose(edits)
                    if records is not None:
                        records.extend(
                            _Record(rule.name, start, end, text[edit.start : edit.end], edit.replacement, edit.reason)
                            for edit, (start, end) in zip(edits, spans)
                        )
                text = apply_edits(text, edits)
                regions = regions.mapped(edits, text) if regions is not None else None
                changed = True
                if not feed_no_rule(rule, {edit.reason for edit in edits}):
                    for other in self.fed[index]:
                        pending[other] = True
        return text, (regions if changed else None)

    def clean_segment(self, segment: str, offsets: OffsetMap | None, records: list[_Record] | None) -> str:
        """``segment`` cleaned to a fixed point. A segment whose rules change
        nothing comes back as it was (mixed line endings included)."""
        current = segment
        for round_number in range(MAX_ROUNDS):
            crlf = uses_crlf(current)
            work = current
            removed_crs: list[int] = []
            if crlf:
                work = current.replace("\r\n", "\n")
                if offsets is not None:
                    removed_crs = [m.start() for m in CR_BEFORE_LF.finditer(current)]
                    offsets.compose([Edit(at, at + 1, "") for at in removed_crs])
            cleaned = self.to_fixed_point(work, offsets, records)
            if cleaned == work:
                if offsets is not None and round_number == 0:
                    offsets.stretches.clear()
                elif offsets is not None and removed_crs:  # give the CRs back where they were
                    offsets.compose([Edit(at - index, at - index, "\r") for index, at in enumerate(removed_crs)])
                return current
            result = cleaned.replace("\n", "\r\n") if crlf else cleaned
            if crlf and offsets is not None:
                offsets.compose([Edit(m.start(), m.start(), "\r") for m in re.finditer("\n", cleaned)])
            # Stable when a second pass would see the same LF text the rules agreed on.
            if uses_crlf(result) == crlf and (not crlf or result.replace("\r\n", "\n") == cleaned):
                return result
            current = result
        return current


def _positions(text: str, offsets: Iterable[int], lines_before: int) -> Iterator[tuple[int, int]]:
    """(line, column), counting from 1, of each of the ascending ``offsets`` in ``text``."""
    line, counted = lines_before + 1, 0
    for offset in offsets:
        line += text.count("\n", counted, offset)
        counted = offset
        yield line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@dataclass(repr=False, eq=False)  # internal: generated methods cost start-up time
class _Seen:
    """A segment as given and as cleaned, with where both start in the document."""

    orig_offset: int
    clean_offset: int
    lines_before: int
    text: str
    offsets: OffsetMap | None


class _Document:
    """Cleans one document segment by segment and tidies its edges, recording
    (when asked) its changes in the document's coordinates, and keeping (when
    asked) an offset map for the whole document."""

    def __init__(
        self,
        chain: _Chain,
        record: ChangeSink | None = None,
        keep_map: bool = False,
        clean_segment: SegmentCleaner | None = None,
    ):
        self.chain = chain
        self.clean_segment = clean_segment or chain.clean_segment
        self.record = record
        self.offsets = OffsetMap() if keep_map else None
        self.edges = DocumentEdges() if chain.edges_owner else None
        self.orig_offset = 0
        self.clean_offset = 0  # in the cleaned text before edges are tidied
        self.lines_before = 0
        # Segments since the last one with content: an edit to blank lines where
        # two segments meet is placed through them. Older ones are let go.
        self.recent: list[_Seen] = []

    def run(self, segments: Iterable[str], joined: bool = False) -> Iterator[str]:
        for segment in segments if joined else joined_at_allowed_cuts(segments, self.chain.format):
            yield from self.clean(segment)
        yield from self.finish()

    def clean(self, segment: str) -> Iterator[str]:
        records: list[_Record] | None = [] if self.record is not None else None
        offsets = OffsetMap() if (self.offsets is not None or self.record is not None) else None
        piece = self.clean_segment(segment, offsets, records)
        if offsets is not None and self.offsets is not None:
            self.offsets.extend(offsets, self.clean_offset, self.orig_offset)
        seen = _Seen(self.orig_offset, self.clean_offset, self.lines_before, segment, offsets)
        if self.edges is None:
            self.recent.clear()
        self.recent.append(seen)
        self.clean_offset += len(piece)
        self.orig_offset += len(segment)
        self.lines_before += segment.count("\n")
        out = piece
        if self.edges is not None:
            known = len(self.edges.edits)
            out = self.edges.feed(piece)
            self._record_edges(known)
            if out:
                self.recent = self.recent[-1:]
        if records:
            records.sort(key=lambda r: (r.start, r.end))
            positions = _positions(segment, (r.start for r in records), seen.lines_before)
            self.record.extend(  # type: ignore[union-attr]
                Change(r.rule, *position, r.before, r.after, seen.orig_offset + r.start, seen.orig_offset + r.end, r.reason)
                for r, position in zip(records, positions)
            )
        if out:
            yield out

    def finish(self) -> Iterator[str]:
        if self.edges is None:
            return
        known = len(self.edges.edits)
        ending = self.edges.close()
        self._record_edges(known)
        if ending:
            yield ending

    def _to_original(self, offset: int) -> tuple[int, _Seen]:
        """The document offset of pre-edge cleaned ``offset``, and the segment it lies in."""
        for seen in reversed(self.recent):
            if seen.clean_offset <= offset:
                local = offset - seen.clean_offset
                if seen.offsets is not None:
                    local = seen.offsets.to_original(local)
                return seen.orig_offset + local, seen
        raise AssertionError("an edge edit before the segments kept for it")

    def _record_edges(self, known: int) -> None:
        """Record the edge edits from ``known`` on, in the document's coordinates."""
        if self.record is None or self.edges is None:
            return
        changes = []
        for edit, before in zip(self.edges.edits[known:], self.edges.replaced[known:]):
            start, seen = self._to_original(edit.start)
            end, _ = self._to_original(edit.end)
            ((line, column),) = _positions(seen.text, [start - seen.orig_offset], seen.lines_before)
            changes.append(Change(self.chain.edges_owner or "", line, column, before, edit.replacement, start, end, edit.reason))
        self.record.extend(changes)

    def final_offsets(self) -> OffsetMap:
        """The map from the cleaned document to the original, edges included."""
        assert self.offsets is not None
        if self.edges is not None:
            self.offsets.compose(self.edges.edits)
        return self.offsets


def _check_format(format: str) -> str:
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; valid formats: {', '.join(FORMATS)}")
    return format


def clean_segments(
    segments: Iterable[str],
    rules: Sequence[Rule],
    record: ChangeSink | None = None,
    format: str = "text",
    cleaned_elsewhere: SegmentCleaner | None = None,
) -> Iterator[str]:
    """Clean segment by segment, joining them as the whole text would be.
    With ``record``, every change is appended to it in the text's coordinates.
    ``format`` is ``text`` or ``markdown`` (see ``clean``).

    With ``cleaned_elsewhere`` (``cleaner.parallel``: worker processes), the
    segments come already joined (``joined_at_allowed_cuts``) and each one's
    cleaning is taken from it, as ``segment_cleaner`` would have done it;
    only the document's edges and the change records are made here."""
    document = _Document(_Chain(tuple(rules), _check_format(format)), record, clean_segment=cleaned_elsewhere)
    return document.run(segments, joined=cleaned_elsewhere is not None)


# Cleans one segment (joined at allowed cuts) to a fixed point; given an
# OffsetMap and a list, it fills them with the segment's offsets and edits.
SegmentCleaner = Callable[[str, "OffsetMap | None", "list[_Record] | None"], str]


def segment_cleaner(rules: Sequence[Rule], format: str = "text") -> SegmentCleaner:
    """What ``clean_segments`` does to each segment on its own: the part of
    cleaning a stream that does not depend on the segments around it, and
    so can be done in another process (``cleaner.parallel``)."""
    return _Chain(tuple(rules), _check_format(format)).clean_segment


def clean_stream(
    pieces: Iterable[str],
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    format: str = "text",
) -> Iterator[str]:
    """Clean a text that arrives in pieces (of any size), yielding cleaned text
    as soon as a segment is complete. Joined, the output equals ``clean`` of
    the joined pieces."""
    return Cleaner(select, ignore, format=format).clean_stream(pieces)


def _require_text(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"clean() takes a str, got {type(text).__name__}")


def clean(
    text: str,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    format: str = "text",
) -> str:
    """Clean ``text`` with the chosen rules (all of them by default).

    ``select`` and ``ignore`` take rule names, as a list or a comma-separated
    string; an unknown name raises ``UnknownRuleError``. Any ``str`` is valid
    input. Texts longer than a segment (256 Ki characters) are cleaned one
    segment at a time, exactly as ``clean_stream`` does.

    ``format`` says how to read ``text``: ``"text"`` leaves code-like lines to
    all but the word-level rules; ``"markdown"`` leaves code, link targets,
    HTML, front matter, math, hard breaks and table padding untouched. In
    both, ``cleaner: off`` ... ``cleaner: on`` and ``cleaner: skip`` switch
    cleaning off (see ``cleaner.regions``).

    >>> clean("Run `said.The  x`  now.", format="markdown")
    'Run `said.The  x` now.\\n'
    """
    _require_text(text)
    return "".join(clean_stream([text], select, ignore, format))


@dataclass
class CleanedText:
    """A cleaned text with its changes and a map of offsets back to the original.

    ``to_original(j)`` is where cleaned offset ``j`` came from; ``to_cleaned(i)``
    where original offset ``i`` went. An offset inside a stretch an edit
    produced (or removed) maps to the start of that stretch.
    """

    text: str
    changes: list[Change]
    offsets: OffsetMap

    def to_original(self, offset: int) -> int:
        return self.offsets.to_original(offset)

    def to_cleaned(self, offset: int) -> int:
        return self.offsets.to_cleaned(offset)


class Cleaner:
    """A configured chain, for cleaning many texts the same way.

    >>> cleaner = Cleaner(ignore=["boilerplate"])
    >>> cleaner.clean("Tom &amp; Jerry  met.")
    'Tom & Jerry met.\\n'
    >>> [change.rule for change in cleaner.explain("Tom &amp; Jerry")]
    ['unicode', 'whitespace']

    ``select`` and ``ignore`` take rule names as ``clean`` does; ``options``
    maps a rule name to keyword options for that rule (see its explanation),
    e.g. ``{"boilerplate": {"enable": [...]}}``; ``format`` is ``"text"`` or
    ``"markdown"``, as for ``clean``.
    """

    def __init__(
        self,
        select: str | Iterable[str] | None = None,
        ignore: str | Iterable[str] | None = None,
        options: Mapping[str, Mapping[str, Any]] | None = None,
        format: str = "text",
    ):
        options = dict(options or {})
        unknown = [name for name in options if name not in RULES_BY_NAME]
        if unknown:
            raise UnknownRuleError(unknown)
        self.select, self.ignore, self.options = select, ignore, options
        self.format = _check_format(format)
        self.rules: tuple[Rule, ...] = tuple(
            rule.with_options(**options.get(rule.name, {})) for rule in select_rules(select, ignore)
        )
        self._chain = _Chain(self.rules, self.format)

    def __reduce__(self) -> tuple[Any, ...]:  # shipped to worker processes by its settings
        return (Cleaner, (self.select, self.ignore, self.options, self.format))

    def clean(self, text: str) -> str:
        """``text`` cleaned by this chain."""
        _require_text(text)
        return "".join(self.clean_stream([text]))

    def clean_stream(self, pieces: Iterable[str]) -> Iterator[str]:
        """Like ``clean``, for text arriving in pieces; yields cleaned text as it is ready.
        A line too long for one segment is cut at a space between words, so
        memory stays bounded on any input."""
        segments = segments_of(pieces, cut_lines=True)
        return rejoin_cut_lines(segments, lambda taken: _Document(self._chain).run(taken))

    def clean_segments(self, segments: Iterable[str], record: ChangeSink | None = None) -> Iterator[str]:
        """Clean text already cut into segments (``cleaner.segments``), recording changes in ``record``."""
        return _Document(self._chain, record).run(segments)

    def clean_many(self, texts: Iterable[str]) -> Iterator[str]:
        """Each of ``texts`` cleaned as a field of a record, lazily and in order
        (for pipelines and corpora): as ``--jsonl`` and ``cleaner.dask`` do, a
        value that did not end with a line break does not gain one."""
        from cleaner.jsonl import clean_field

        for text in texts:
            yield clean_field(text, self.clean)

    def explain(self, text: str) -> list[Change]:
        """Every change the chain would make to ``text``, in the order of the text:
        rule, line, column, before, after, and start/end offsets in ``text``."""
        return self.clean_mapped(text).changes

    def clean_mapped(self, text: str) -> CleanedText:
        """``text`` cleaned, with its changes and a map between cleaned and original offsets."""
        _require_text(text)
        changes: list[Change] = []
        document = _Document(self._chain, changes, keep_map=True)
        cleaned = "".join(document.run(segments_of([text])))
        changes.sort(key=lambda change: (change.start, change.end))
        return CleanedText(cleaned, changes, document.final_offsets())
