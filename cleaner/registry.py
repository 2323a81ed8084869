"""The ordered list of rules: the chain runs them in exactly this order.

Order matters only where one rule prepares text for another: Unicode repair
first (later rules see real characters, not mojibake or entities), boilerplate
next (whole lines go before spacing is touched), whitespace last (it tidies the
blank lines other rules leave behind).
"""

from __future__ import annotations

from cleaner.rule import Rule
from cleaner.rules import unicode, whitespace

from cleaner.rules import boilerplate
from cleaner.rules import punctuation
from cleaner.rules import joined_words

RULES: tuple[Rule, ...] = (
    unicode.RULE,
    boilerplate.RULE,
    punctuation.RULE,
    joined_words.RULE,
    whitespace.RULE,
)

RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}
