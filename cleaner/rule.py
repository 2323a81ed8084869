"""The shape every cleaning rule shares: a pure ``str -> str`` function plus the
metadata that documents it (name, summary, explanation, runnable examples)."""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass
from typing import Any, Callable


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
    # Builds ``apply`` from keyword options (documented in the explanation);
    # None for rules that take no options.
    configure: Callable[..., Callable[[str], str]] | None = None
    # Part of ``apply`` that the chain also runs before its first rule, so that
    # every rule judges text already shaped as this one will leave it (see
    # ``pipeline.run_rules``); must be idempotent and change nothing ``apply`` keeps.
    prepare: Callable[[str], str] | None = None
    # With ``prepare``: the rest of ``apply``, so that ``apply(x) ==
    # finish(prepare(x))``; the chain calls it on text it has just prepared.
    finish: Callable[[str], str] | None = None

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
        return dataclasses.replace(self, apply=self.configure(**options))
