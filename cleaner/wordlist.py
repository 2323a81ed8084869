"""wordfreq's English word list in a form that loads in milliseconds.

Importing wordfreq (with langcodes and regex) and turning its 321,000 words into
a dict costs about half a second, which a command cleaning one article pays on
every call. This module builds, once, a compact file from wordfreq's own data
(the same zipf values ``lexicon`` computed from it) and reads it back without
wordfreq: the words are split into buckets by a stable hash, the file is
memory-mapped, and a lookup searches one bucket; nothing is parsed up front.

The file is looked for in ``cleaner/data/`` (put there for a wheel by
``python -m cleaner.wordlist``) and then in the user's cache directory
(``$CLEANER_CACHE_DIR``, else ``$XDG_CACHE_HOME/cleaner``, else
``~/.cache/cleaner``), where the first run writes it. Either copy is used only
if it was built from the wordfreq data file installed now (its size and CRC).
wordfreq's data is CC BY-SA 4.0, so the file is built on the user's machine
from the installed package rather than shipped in the repository.
"""

from __future__ import annotations

import math
import mmap
import os
import sys
import zlib
from array import array
from collections.abc import Sequence

LANGUAGE = "en"
FORMAT = "cleaner-zipf-5"
# wordfreq's bins are centibels below a frequency of 1: zipf 9 down to 1 is 0 to 800.
MAX_BIN = 999
# 2**12 buckets of about 80 words (700 characters) each.
BUCKET_BITS = 12
HEADER_SIZE = 128
OFFSETS_SIZE = 4 * ((1 << BUCKET_BITS) + 1)
BIN_OFFSETS_SIZE = 4 * (MAX_BIN + 2)
# Answers remembered before they are forgotten (about 100 bytes each: 7 MB).
MAX_REMEMBERED = 1 << 16
_UNASKED = object()
PACKAGED_DIR = os.path.join(os.path.dirname(__file__), "data")


BUCKET_MASK = (1 << BUCKET_BITS) - 1


def bucket_of(word: str) -> int:
    """The bucket ``word`` is stored in (a hash that is the same in every process)."""
    return zlib.crc32(word.encode("utf-8", "surrogatepass")) & BUCKET_MASK


def zipf_of_centibels(centibels: int) -> float:
    """The zipf value of wordfreq's frequency bin ``centibels`` (one bin per centibel)."""
    return math.log10(10 ** (-centibels / 100)) + 9.0  # as wordfreq's zipf_frequency


class ZipfTable:
    """``word -> zipf`` for wordfreq's list, looked up in place in the stored buckets.

    ``data`` holds the buckets one after another, bucket ``b`` from
    ``offsets[b]`` to ``offsets[b + 1]``; a bucket is a run of entries
    ``b"\\nWORD\\tBIN"``, WORD in UTF-8 and BIN the word's frequency bin as
    three digits. A lookup is a hash and a substring search in one bucket, so
    nothing is parsed up front, and a memory-mapped file is read only where
    looked. Answers are remembered. Only ``get`` and ``in`` are offered:
    the rules look words up, they never list them.
    """

    def __init__(self, data: bytes | mmap.mmap, offsets: Sequence[int], bin_offsets: Sequence[int]) -> None:
        self._data = data
        self._offsets = offsets
        self._bin_offsets = bin_offsets  # where each bin's words start in the by-bin list
        # Answers given so far, misses (None) included: names and other words
        # wordfreq does not know are asked about again and again.
        self._answers: dict[str, float | None] = {}
        # One float per bin, shared by all the bin's words.
        self._zipf_of_bin = [zipf_of_centibels(bin_) for bin_ in range(MAX_BIN + 1)]

    def get(self, word: str, default: float | None = None) -> float | None:
        answer = self._answers.get(word, _UNASKED)
        if answer is _UNASKED:
            if len(self._answers) >= MAX_REMEMBERED:
                self._answers.clear()  # bounded memory on any input
            answer = self._answers[word] = self._look_up(word)
        return default if answer is None else answer  # type: ignore[return-value]

    def _look_up(self, word: str) -> float | None:
        if "\t" in word or "\n" in word:  # would match across entries; no listed word has them
            return None
        encoded = word.encode("utf-8", "surrogatepass")
        bucket = zlib.crc32(encoded) & BUCKET_MASK
        at = self._data.find(b"\n%s\t" % encoded, self._offsets[bucket], self._offsets[bucket + 1])
        if at < 0:
            return None
        bin_at = at + len(encoded) + 2
        return self._zipf_of_bin[int(self._data[bin_at : bin_at + 3])]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def words_at_least(self, least_zipf: float) -> frozenset[str]:
        """Every listed word with a zipf of at least ``least_zipf`` (from the
        list of words by bin, so only those words are read)."""
        bins = [bin_ for bin_ in range(MAX_BIN + 1) if self._zipf_of_bin[bin_] >= least_zipf]
        if not bins:
            return frozenset()
        listed = self._data[self._bin_offsets[0] : self._bin_offsets[bins[-1] + 1]]
        return frozenset(listed.decode("utf-8", "surrogatepass").split("\n")[:-1])


def wordfreq_data_path(language: str = LANGUAGE) -> str:
    """Where the installed wordfreq keeps its large list for ``language`` (found without importing it)."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed")
    return os.path.join(list(spec.submodule_search_locations)[0], "data", f"large_{language}.msgpack.gz")


def source_key(language: str = LANGUAGE) -> bytes:
    """Format, size and CRC of wordfreq's data file: a built table is valid while these match."""
    with open(wordfreq_data_path(language), "rb") as data:
        content = data.read()
    return f"{FORMAT}:{language}:{len(content)}:{zlib.crc32(content):08x}".encode()


def build(language: str = LANGUAGE) -> bytes:
    """The stored form of wordfreq's list: a header line with ``source_key``
    (padded to ``HEADER_SIZE`` bytes), the buckets' offsets and the offsets of
    each bin in the by-bin list (little-endian 32-bit, from the start of the
    buckets), the buckets (see ``ZipfTable``), then every word followed by a
    line break, most frequent bin first (for ``words_at_least``).

    A word listed in two bins keeps the first (the more frequent), as
    ``dict.setdefault`` over the bins would.
    """
    from wordfreq import get_frequency_list

    buckets: list[list[bytes]] = [[] for _ in range(BUCKET_MASK + 1)]
    by_bin: list[list[bytes]] = [[] for _ in range(MAX_BIN + 1)]
    seen: set[str] = set()
    for centibels, bin_words in enumerate(get_frequency_list(language, wordlist="large")):
        if centibels > MAX_BIN:
            raise ValueError(f"wordfreq bin {centibels} is beyond {MAX_BIN}")
        for word in bin_words:
            if word in seen:
                continue
            if "\n" in word or "\t" in word:
                raise ValueError(f"wordfreq lists a word with a line break or tab: {word!r}")
            seen.add(word)
            encoded = word.encode("utf-8", "surrogatepass")
            buckets[bucket_of(word)].append(b"\n%s\t%03d" % (encoded, centibels))
            by_bin[centibels].append(encoded + b"\n")
    get_frequency_list.cache_clear()
    joined = [b"".join(bucket) for bucket in buckets]
    offsets = array("I", [0])
    for bucket_bytes in joined:
        offsets.append(offsets[-1] + len(bucket_bytes))
    listed = [b"".join(words) for words in by_bin]
    bin_offsets = array("I", [offsets[-1]])
    for bin_bytes in listed:
        bin_offsets.append(bin_offsets[-1] + len(bin_bytes))
    if sys.byteorder == "big":
        offsets.byteswap()
        bin_offsets.byteswap()
    header = source_key(language) + b"\n"
    return b"".join(
        [header.ljust(HEADER_SIZE, b" "), offsets.tobytes(), bin_offsets.tobytes(), *joined, *listed]
    )


def table_of(stored: bytes | mmap.mmap, key: bytes) -> ZipfTable | None:
    """The table in ``stored`` (``build``'s form), or None if it was built from other data or is damaged."""
    header_end = HEADER_SIZE + OFFSETS_SIZE + BIN_OFFSETS_SIZE
    if len(stored) < header_end or stored[:HEADER_SIZE].rstrip(b" ") != key + b"\n":
        return None
    offsets = array("I", stored[HEADER_SIZE : HEADER_SIZE + OFFSETS_SIZE])
    bin_offsets = array("I", stored[HEADER_SIZE + OFFSETS_SIZE : header_end])
    if sys.byteorder == "big":
        offsets.byteswap()
        bin_offsets.byteswap()
    if offsets[0] != 0 or bin_offsets[0] != offsets[-1] or bin_offsets[-1] != len(stored) - header_end:
        return None
    return ZipfTable(
        stored, [offset + header_end for offset in offsets], [offset + header_end for offset in bin_offsets]
    )


def cache_dir() -> str:
    """The user's cache directory for built tables."""
    if os.environ.get("CLEANER_CACHE_DIR"):
        return os.environ["CLEANER_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "cleaner")


def file_name(language: str = LANGUAGE) -> str:
    return f"wordfreq-{language}.zipf"


def write(path: str, stored: bytes) -> None:
    """Write ``stored`` to ``path`` atomically (a reader never sees half a file)."""
    import tempfile  # here: a run that reads the table never pays for importing it

    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".wordfreq-", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(stored)
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would keep a packaged copy from other users
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _read(path: str, key: bytes) -> ZipfTable | None:
    """The table stored at ``path``, memory-mapped: processes share its pages."""
    try:
        with open(path, "rb") as stored:
            mapped = mmap.mmap(stored.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable or empty
        return None
    table = table_of(mapped, key)
    if table is None:
        mapped.close()
    return table


def english_zipf_table() -> ZipfTable:
    """The English table: from the packaged or cached file if it matches the
    installed wordfreq, else built now (about a second) and cached for next time."""
    key = source_key()
    cached = os.path.join(cache_dir(), file_name())
    for path in (os.path.join(PACKAGED_DIR, file_name()), cached):
        table = _read(path, key)
        if table is not None:
            return table
    stored = build()
    try:
        write(cached, stored)
    except OSError:
        pass  # a read-only home: build again next time
    table = table_of(stored, key)
    assert table is not None
    return table


def main() -> None:
    """``python -m cleaner.wordlist [DIR]``: build the table into DIR (default: the
    package's data directory, so that a wheel built afterwards ships it)."""
    directory = sys.argv[1] if len(sys.argv) > 1 else PACKAGED_DIR
    path = os.path.join(directory, file_name())
    write(path, build())
    print(f"wrote {path} ({os.path.getsize(path):,} bytes)")


if __name__ == "__main__":
    main()
