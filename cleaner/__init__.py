"""cleaner: repair scraped, syndicated and pasted text.

>>> from cleaner import clean
>>> clean("Tom &amp; Jerry  met   here.\\n\\n\\n")
'Tom & Jerry met here.\\n'
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.changes import Change
from cleaner.pipeline import CleanedText, Cleaner, UnknownRuleError, clean, clean_stream, select_rules
from cleaner.registry import RULES
from cleaner.rule import Rule

__all__ = [
    "RULES",
    "Change",
    "CleanedText",
    "Cleaner",
    "Rule",
    "UnknownRuleError",
    "clean",
    "clean_stream",
    "explain",
    "list_rules",
    "select_rules",
]
__version__ = "0.1.0"


def list_rules() -> tuple[Rule, ...]:
    """Every rule in chain order, with its name, summary, explanation and examples."""
    return RULES


def explain(
    text: str,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    format: str = "text",
) -> list[Change]:
    """Every change ``clean`` would make to ``text``, rule by rule."""
    return Cleaner(select, ignore, format=format).explain(text)
