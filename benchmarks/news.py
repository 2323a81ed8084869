"""Real news prose for the benchmarks: names, places, quotes and numbers.

The Lee corpus (300 Australian Broadcasting Corporation news stories, 2001,
about 360 KB; ``lee_background.cor`` in gensim's test data, which gensim
distributes under LGPL-2.1 for research use) plus this repository's own
corpus documents (wire and syndicated stories). Nothing here is committed:
gensim's wheel is fetched with ``pip download`` into ``benchmarks/data/``
(git-ignored) and the file is read from it.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parent.parent
GENSIM = "gensim==4.4.0"
LEE_CORPUS = "gensim/test/test_data/lee_background.cor"
# The repository's English news documents (the French brief and the expected outputs left out).
CORPUS_NEWS = ("nypost-article.txt", "wire-story.txt", "feed-dump.txt")


def _gensim_wheel() -> Path:
    DATA.mkdir(exist_ok=True)
    wheels = sorted(DATA.glob("gensim-*.whl"))
    if not wheels:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:", GENSIM, "-d", str(DATA)],
            check=True,
        )
        wheels = sorted(DATA.glob("gensim-*.whl"))
    return wheels[-1]


def lee_stories() -> list[str]:
    """The 300 stories of the Lee corpus, one string each (each is one paragraph there)."""
    with zipfile.ZipFile(_gensim_wheel()) as wheel:
        text = wheel.read(LEE_CORPUS).decode("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def news_stories() -> list[str]:
    """Every news story: the Lee corpus and the repository's English corpus documents."""
    own = [(ROOT / "corpus" / name).read_text(encoding="utf-8").strip() for name in CORPUS_NEWS]
    return lee_stories() + own


if __name__ == "__main__":
    stories = news_stories()
    print(f"{len(stories)} stories, {sum(len(story) for story in stories):,} characters")
