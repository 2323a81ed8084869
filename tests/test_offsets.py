"""The offset map: composed edits, each untouched character mapped both ways."""

from __future__ import annotations

import random

import pytest

from cleaner.edits import Edit
from cleaner.offsets import OffsetMap


def random_edits(length: int, rng: random.Random) -> list[Edit]:
    """Sorted, non-overlapping edits of a text of ``length``: replacements, deletions, insertions."""
    positions = sorted(rng.sample(range(length + 1), min(length + 1, rng.choice([2, 4, 6]))))
    edits = []
    for start, end in zip(positions[::2], positions[1::2]):
        if rng.random() < 0.3:
            end = start  # an insertion
        edits.append(Edit(start, end, "X" * rng.randint(0, 2)))
    return edits


@pytest.mark.parametrize("seed", range(40))
def test_every_untouched_character_maps_to_itself_through_composed_edits(seed):
    rng = random.Random(seed)
    for _ in range(50):
        original = "".join(rng.choice("abc") for _ in range(rng.randint(0, 20)))
        tagged = [(character, index) for index, character in enumerate(original)]  # index None: made by an edit
        offsets = OffsetMap()
        for _ in range(rng.randint(1, 4)):
            edits = random_edits(len(tagged), rng)
            offsets.compose(edits)
            changed, last = [], 0
            for start, end, replacement, _ in edits:
                changed += tagged[last:start] + [(character, None) for character in replacement]
                last = end
            tagged = changed + tagged[last:]
        for cleaned, (_, index) in enumerate(tagged):
            if index is not None:
                assert offsets.to_original(cleaned) == index
                assert offsets.to_cleaned(index) == cleaned
        forward = [offsets.to_original(offset) for offset in range(len(tagged) + 1)]
        assert forward == sorted(forward)


def test_compose_returns_each_edits_span_in_the_original():
    offsets = OffsetMap()
    assert offsets.compose([Edit(4, 9, "&")]) == [(4, 9)]  # "Tom &amp; Jerry" -> "Tom & Jerry"
    # a later edit inside the made "&" and one after it, in the new coordinates
    assert offsets.compose([Edit(4, 5, "and"), Edit(11, 11, "!")]) == [(4, 9), (15, 15)]
    assert offsets.to_original(7) == 9  # the space after "and" was the space after "&amp;"
    assert offsets.to_original(8) == 10 and offsets.to_cleaned(10) == 8  # "J"
