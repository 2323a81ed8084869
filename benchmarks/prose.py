"""Real prose for the benchmarks, taken from Debian packages we did not write.

Nothing here is committed: the packages are fetched with ``apt-get download``
(no root install needed) into ``benchmarks/data/`` (git-ignored) and unpacked
with ``dpkg-deb -x``. Sources:
- ``debian-faq`` (English), ``debian-faq-de``, ``debian-faq-fr``: the Debian FAQ
  as plain text, GPL-2+;
- ``fortunes``: quotations and prose from the BSD fortune collection.
Run ``python benchmarks/prose.py`` to fetch them and print sizes.
"""

from __future__ import annotations

import glob
import gzip
import os
import subprocess
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
FORTUNE_FILES = ("literature", "wisdom", "people", "politics", "news", "science", "work")


def _unpacked(package: str) -> Path:
    """Download and unpack ``package`` once; return its unpacked root."""
    root = DATA / package
    if root.is_dir():
        return root
    DATA.mkdir(parents=True, exist_ok=True)
    subprocess.run(["apt-get", "download", package], cwd=DATA, check=True, capture_output=True)
    (deb,) = glob.glob(str(DATA / f"{package}_*.deb"))
    subprocess.run(["dpkg-deb", "-x", deb, str(root)], check=True)
    os.remove(deb)
    return root


def debian_faq(language: str = "en") -> str:
    """The Debian FAQ as plain text in ``language`` (en, de or fr)."""
    package = "debian-faq" if language == "en" else f"debian-faq-{language}"
    path = _unpacked(package) / f"usr/share/doc/debian/FAQ/debian-faq.{language}.txt.gz"
    return gzip.decompress(path.read_bytes()).decode("utf-8")


def fortunes() -> str:
    """Prose-like fortune files, one quotation per paragraph."""
    root = _unpacked("fortunes") / "usr/share/games/fortunes"
    parts = []
    for name in FORTUNE_FILES:
        path = root / name
        if path.exists():
            text = path.read_text("utf-8", errors="replace")
            parts.extend(item.strip("\n") for item in text.split("\n%\n"))
    return "\n\n".join(part for part in parts if part.strip())


def english_prose() -> str:
    """All English benchmark prose: the Debian FAQ and the fortunes."""
    return debian_faq("en") + "\n\n" + fortunes()


if __name__ == "__main__":
    for label, text in (("debian-faq en", debian_faq("en")), ("debian-faq de", debian_faq("de")),
                        ("debian-faq fr", debian_faq("fr")), ("fortunes", fortunes())):
        print(f"{label:15} {len(text):>9,} chars {len(text.split()):>8,} words")
