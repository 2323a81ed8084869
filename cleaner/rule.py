"""The shape every cleaning rule shares: a pure ``str -> str`` function plus the
metadata that documents it (name, summary, explanation, runnable examples)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Rule:
    """One normalizer in the chain.

    ``name`` is what users type after ``--select``; ``examples`` are
    ``(input, expected)`` pairs that the test suite runs through ``apply``
    alone, including pairs where nothing may change.
    """

    name: str
    summary: str
    explanation: str
    examples: tuple[tuple[str, str], ...]
    apply: Callable[[str], str]

    def __call__(self, text: str) -> str:
        return self.apply(text)
