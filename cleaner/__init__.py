"""cleaner: repair scraped, syndicated and pasted text.

>>> from cleaner import clean
>>> clean("Tom &amp; Jerry  met   here.\\n\\n\\n")
'Tom & Jerry met here.\\n'
"""

from __future__ import annotations

from cleaner.pipeline import UnknownRuleError, clean, select_rules
from cleaner.registry import RULES
from cleaner.rule import Rule

__all__ = ["RULES", "Rule", "UnknownRuleError", "clean", "list_rules", "select_rules"]
__version__ = "0.1.0"


def list_rules() -> tuple[Rule, ...]:
    """Every rule in chain order, with its name, summary, explanation and examples."""
    return RULES
