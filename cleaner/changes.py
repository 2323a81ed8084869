"""What the chain changed in a text, as records a person or a program can
read (for ``explain`` and ``--report``), made from the rules' edits."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Change:
    """One edit by one rule, placed in the text as given to ``clean`` or
    ``explain`` (for files, the file as read): ``line`` and ``column`` count
    from 1, as an editor shows them; ``start`` and ``end`` are character
    offsets of the stretch replaced. ``before`` is the text the rule replaced
    (as the rule saw it), ``after`` what it put there, ``reason`` why in a few words."""

    rule: str
    line: int
    column: int
    before: str
    after: str
    start: int = 0
    end: int = 0
    reason: str = ""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
