"""The shape every cleaning rule shares: a pure function from the text it
receives to its edits, plus the metadata that documents it (name, summary,
explanation, runnable examples)."""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass
from typing import Any, Callable

from cleaner.edits import Edit, apply_edits
from cleaner.layout import tidy_document_edges

FindEdits = Callable[[str], list[Edit]]


@dataclass(frozen=True)
class Rule:
    """One normalizer in the chain.

    ``name`` is what users type after ``--select``; ``examples`` are
    ``(input, expected)`` pairs that the test suite runs through ``apply``
    alone, including pairs where nothing may change. ``find_edits`` says what
    the rule would change in a text, as sorted, non-overlapping edits; the
    pipeline applies them.
    """

    name: str
    summary: str
    explanation: str
    examples: tuple[tuple[str, str], ...]
    find_edits: FindEdits
    # Builds ``find_edits`` from keyword options (documented in the
    # explanation); None for rules that take no options.
    configure: Callable[..., FindEdits] | None = None
    # The rule also owns the document's edges: blank lines at its start and
    # end and the final newline. A segment cannot see those, so the stream
    # layer tidies them (cleaner.layout) when such a rule runs.
    document_edges: bool = False

    def apply(self, text: str) -> str:
        """The rule alone on a whole document: ``text`` with its edits made."""
        cleaned = apply_edits(text, self.find_edits(text))
        return tidy_document_edges(cleaned) if self.document_edges else cleaned

    def __call__(self, text: str) -> str:
        return self.apply(text)

    def option_names(self) -> tuple[str, ...]:
        if self.configure is None:
            return ()
        return tuple(inspect.signature(self.configure).parameters)

    def with_options(self, **options: Any) -> Rule:
        """This rule with its behaviour adjusted; ``ValueError`` names an unknown option."""
        if not options:
            return self
        unknown = sorted(set(options) - set(self.option_names()))
        if unknown:
            valid = ", ".join(self.option_names()) or "none"
            raise ValueError(f"rule {self.name} has no option {', '.join(unknown)} (options: {valid})")
        assert self.configure is not None
        return dataclasses.replace(self, find_edits=self.configure(**options))
