"""The ordered list of rules: the chain runs them in this order, then again
where one rule's edits may have given another work, until nothing changes.

Order matters for speed and for which rule gets to a stretch first: spacing
first (every later rule judges single spaces), Unicode repair next (later rules
see real characters, not mojibake or entities), boilerplate next (whole lines
go before words are judged), then the word-level rules.
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.rule import Rule
from cleaner.rules import boilerplate, joined_words, punctuation, unicode, whitespace

RULES: tuple[Rule, ...] = (
    whitespace.RULE,
    unicode.RULE,
    boilerplate.RULE,
    punctuation.RULE,
    joined_words.RULE,
)

RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}

# Which rules a rule's edits can give more work to. The chain re-runs only
# those after a rule changed a text; a rule missing here may feed any rule.
# A rule never feeds itself: each is idempotent alone. A wrong entry shows up
# as a chain that is not idempotent (tests/test_properties.py, benchmarks/fuzz.py).
FEEDS: dict[str, frozenset[str]] = {
    # Inserting a space between two letters, or after a mark, never makes a run
    # of spaces or a blank line, and ftfy reads each line by its characters
    # (not its spacing between letters); but the split words can complete a
    # footer or tip the other word rule's language vote.
    "punctuation-spacing": frozenset({"boilerplate", "joined-words"}),
    "joined-words": frozenset({"boilerplate", "punctuation-spacing"}),
}

# Kinds of edit, as (rule, reason), that give no rule work, whatever else
# their rule's edits feed. A run of blank lines made one blank line: every
# rule reads paragraphs (and lines, and words) the same either way, so a
# footer removed in the middle of a text, and the blank lines it leaves
# tidied, do not make every rule read the text again.
FEED_NO_RULE: frozenset[tuple[str, str]] = frozenset({("whitespace", "blank lines")})


def feeds(rule: Rule) -> frozenset[str] | None:
    """Names of the rules ``rule``'s edits can give work to; None for any."""
    return FEEDS.get(rule.name)


def feed_no_rule(rule: Rule, reasons: Iterable[str]) -> bool:
    """Whether edits of ``rule`` with these ``reasons`` give no rule work."""
    return all((rule.name, reason) in FEED_NO_RULE for reason in reasons)
