"""Rule ``punctuation-spacing``: put back the space lost after sentence and
clause punctuation (``ended.The``, ``Thursday,adding``) and drop the stray space
before a comma (``talks , which``), only where the token leaves no doubt."""

from __future__ import annotations

import re

from cleaner import lexicon
from cleaner.lexicon import reads_as_french_or_german
from cleaner.edits import Edit, apply_edits
from cleaner.rule import Rule
from cleaner.spans import is_protected, protected_spans, token_bounds

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
LETTER = r"[^\W\d_]"
# A word, possibly with inner apostrophes or hyphens (cease-fire, Russia’s).
WORD = rf"{LETTER}+(?:[-’']{LETTER}+)*"
LONG_WORD = rf"{LETTER}{{2,}}(?:[-’']{LETTER}+)*"
# A capitalised word, or the one-letter words I and A (a lone capital after a
# period is an initial or a file suffix: J.R.R., foo.C).
CAPITALISED_WORD = rf"(?:[{UPPER}][{LOWER}]+|[AI])(?:[-’']{LETTER}+)*"
OPENERS = "([“‘\"'¿¡"
CLOSERS = ".,;:!?)\\]”’\"'…"
MARKS = ".?!,;”"

# Words that often open an English sentence (lower case). After "word." or
# "word?" only these count as a new sentence: a capitalised word after a dot is
# as often a class or module name (subprocess.Popen, asyncio.Future, ast.If,
# pyparsing.And), so words that name operators or types (and, or, not, any,
# all, each, first, one, none) and the letters I and A (re.I, re.A) are left out.
SENTENCE_OPENERS = frozenset(
    """the this that these those it its he his she her they their we our you your
    my but so yet in on at from with after before during since until when while
    where why how what who which whose whether if as because although though unless
    there here then now still also however meanwhile instead today yesterday later
    earlier soon finally some many most several nobody everyone someone is are was
    were has have had do does did will would can could should may might must
    perhaps maybe even only just such""".split()
)
# After a comma or semicolon, the words that open a clause: the sentence openers,
# the conjunctions, and -ing participles ("Thursday,adding"). Anything else
# ("no,yes", "key,value", "memcpy,memmove", "gpg,sm") is as likely a code list.
CLAUSE_OPENERS = SENTENCE_OPENERS | frozenset("and or nor not for to of by the a an etc".split())
PARTICIPLE_SUFFIX = "ing"
MIN_PARTICIPLE_LENGTH = 5
# Before "word.Capital", the word must be at least this common in English
# (wordfreq zipf): "ended" is 4.9, while "ast" (ast.If) or "ptr" are code.
SENTENCE_END_MIN_ZIPF = 3.5

# Where a space may be missing: a punctuation mark glued to a letter or to an
# opening quote. Cheap to find (it starts with a character set) and rare in
# clean text; each hit is then judged by the whole token around it.
GLUED_MARK = re.compile(
    rf"""
    [.?!,;”](?=[^\W\d_]|“)               # a mark directly before a letter or “, then one of:
    (?: (?<=[.?!])(?=[{UPPER}“])         #   sentence end before a capital or an opening quote
      | (?<=[,;])                        #   clause mark before a letter or an opening quote
      | (?<=”)(?={LETTER}) )             #   closing quote before a letter
    """,
    re.VERBOSE,
)

# A token with exactly one such junction and nothing code-like around it; the
# named group ends where the space goes. Anything else (U.S., Node.js,
# changelog.Debian.gz, a,b,c, (major,minor), foo?Bar=1) does not match.
GLUED_TOKEN = re.compile(
    rf"""
    [{OPENERS}]*                                            # opening brackets and quotes, then
    (?: (?P<sentence>[{LOWER}]{{2,}}(?:[-’'][{LOWER}]+)*\.)  #   ended.The: lower-case word, 2+ letters
            {CAPITALISED_WORD}
      | (?P<question>{WORD}[?!]{{1,3}}){CAPITALISED_WORD}    #   now?He  it!Then  what?!Then
      | (?P<opening>[^\W_]+[.?!,;])“{CAPITALISED_WORD}      #   X.“We  said,“We
      | (?P<closing>{WORD}[,.?!]”){WORD}                    #   priceless,”she
    ) [{CLOSERS}]*                                          # and closing marks and quotes;
  | (?P<clause>{LONG_WORD}[,;]){LONG_WORD}[.,;!?]*          # or bare Thursday,adding  deal;the
    """,
    re.VERBOSE,
)
CURLY_QUOTE_JUNCTIONS = ("opening", "closing")
NEEDS_SENTENCE_OPENER = ("sentence", "question")
WORD_PATTERN = re.compile(WORD)

# A comma standing alone, one space from each word: "talks , which". The word
# before is judged after its last mark, so "ended.The , which" and "The , which"
# get the same answer (and a second run changes nothing more).
SPACED_COMMA = re.compile(rf" ,(?<=\S ,)(?= {LETTER})")
LAST_MARK = re.compile(f"[{MARKS}]")
WORD_BEFORE_COMMA = re.compile(rf"[{OPENERS}]*{LONG_WORD}")
# Another mark standing alone on the line means marks are being talked about,
# not used: "encodes , and ; in values", "could use , instead of .".
LONE_MARK = re.compile(r"(?<!\S)[.;:!?(){}\[\]](?!\S)")



def opens_clause(first: str, second: str) -> bool:
    """True when ``second`` after ``first,`` reads as the start of a clause."""
    if first.isupper() and second.isupper():
        return False  # TL;DR, CR,LF
    second = second.lower()
    return second in CLAUSE_OPENERS or (second.endswith(PARTICIPLE_SUFFIX) and len(second) >= MIN_PARTICIPLE_LENGTH)


def opens_sentence(junction: str, first: str, second: str) -> bool:
    """True when ``second`` after ``first.`` (or ``first?``) starts a new sentence."""
    if second.lower() not in SENTENCE_OPENERS:
        return False
    return junction != "sentence" or lexicon.zipf(first) >= SENTENCE_END_MIN_ZIPF


def missing_space_at(text: str, mark: int, curly_quotes: bool) -> int | None:
    """Where a space belongs in the token around ``text[mark]``, or ``None``."""
    bounds = token_bounds(text, mark)
    if bounds is None:
        return None
    start, end = bounds
    token = text[start:end]
    match = GLUED_TOKEN.fullmatch(token)
    if match is None:
        return None
    junction = match.lastgroup
    if junction in CURLY_QUOTE_JUNCTIONS and not curly_quotes:
        return None
    words = WORD_PATTERN.findall(token)
    if junction in NEEDS_SENTENCE_OPENER and not opens_sentence(junction, words[0], words[-1]):
        return None
    if junction == "clause" and not opens_clause(words[0], words[-1]):
        return None
    offset = match.end(junction)
    if is_protected(protected_spans(token), offset):
        return None
    return start + offset


def is_stray_space(text: str, space: int) -> bool:
    """True when the space at ``text[space]``, before a comma, follows a word."""
    bounds = token_bounds(text, space - 1)
    if bounds is None:
        return False
    last_part = LAST_MARK.split(text[bounds[0] : bounds[1]])[-1]
    return WORD_BEFORE_COMMA.fullmatch(last_part) is not None


def stray_spaces(text: str) -> list[int]:
    """Offsets of the single spaces before a comma that stands between two words,
    on lines where no other mark stands alone. Each line is read once."""
    found, line_end, line_uses_marks = [], -1, False
    for match in SPACED_COMMA.finditer(text):
        space = match.start()
        if space > line_end:
            line_start = text.rfind("\n", 0, space) + 1
            line_end = text.find("\n", space)
            line_end = len(text) if line_end < 0 else line_end
            line_uses_marks = LONE_MARK.search(text, line_start, line_end) is not None
        if not line_uses_marks and is_stray_space(text, space):
            found.append(space)
    return found


def spacing_edits(text: str) -> list[Edit]:
    """The edits this rule would make, in order, before the language check."""
    curly_quotes = "“" in text and "„" not in text  # “ opens a quotation (not German „…“)
    inserts = {
        position
        for match in GLUED_MARK.finditer(text)
        if (position := missing_space_at(text, match.start(), curly_quotes)) is not None
    }
    removals = stray_spaces(text)
    return sorted(
        [Edit(position, position, " ", "space after punctuation") for position in inserts]
        + [Edit(at, at + 1, "", "space before a comma") for at in removals]
    )


def punctuation_edits(text: str) -> list[Edit]:
    """Insert the space missing after ``. ? ! , ;`` or a closing quote, and drop
    spaces before a comma, where the token is plainly prose and the text is not
    French or German."""
    edits = spacing_edits(text)
    if not edits or reads_as_french_or_german(text):
        return []
    return edits


def fix_punctuation_spacing(text: str) -> str:
    """The rule alone, as a ``str -> str`` function."""
    return apply_edits(text, punctuation_edits(text))


RULE = Rule(
    name="punctuation-spacing",
    summary="Restore the space lost after . ? ! , ; and closing quotes; drop the space before a comma.",
    explanation="""\
Changes, in running prose:
- a period, question mark or exclamation mark glued to the next sentence:
  "ended.The next" -> "ended. The next", "now?He" -> "now? He";
- a comma or semicolon glued to the next word: "Thursday,adding" ->
  "Thursday, adding", "deal;the" -> "deal; the";
- punctuation glued to an opening quote: 'to X.“We' -> 'to X. “We';
- a closing quote glued to the next word: 'priceless,”she' -> 'priceless,” she';
- the space before a comma that stands alone between two words:
  "talks , which" -> "talks, which".
Only spaces are inserted or removed. A space is inserted only into a token (a
stretch without whitespace) that is plainly two words and one junction, and
only when the second word is one that opens a sentence or clause:
- after "word." the word must be lower case, two or more letters and common
  English, and the next one a sentence opener such as The, He, What, Then; so
  "U.S.", "e.g.", "J.R.R. Tolkien", "Node.js", "report.pdf", "fs.readFile()",
  ".NET", "changelog.Debian.gz" and module.Class names ("subprocess.Popen",
  "ast.If", "re.I") are not sentence ends;
- after "word," or "word;" the next word must open a clause (a function word,
  a conjunction or an -ing participle), and the token must be bare: "no,yes",
  "key,value", "(major,minor)", "gpg,sm:", "rw,noatime,nodev", "TL;DR" and
  "&amp;the" are code or lists more often than prose;
- curly quotes are judged only where “ opens quotations (not in text that
  uses German „…“, where “ closes them).
Leaves alone: protected spans (URLs, e-mail addresses, domains, numbers such as
"3.5%", "2,000,000", "10:30" or "2.10.1", abbreviations, file names and paths;
see cleaner/spans.py); ellipses and stacked marks ("Wait... what?!");
correctly spaced quotations; colons ("ld:", "10:30"); spaces before . ? ! : ;
(".NET", "cp foo .", "[ ! -f x ]"); several spaces before a comma (aligned
columns); a spaced comma on a line where another mark stands alone, because
there the marks are being talked about ("encodes , and ; in values").
Text whose function words read as French (or German) is left alone entirely:
French typography puts a space before ? ! : ; ("Pourquoi ? Parce que !").
A missed fix is preferred to a false one.""",
    examples=(
        ("in a post to X.“We are ready", "in a post to X. “We are ready"),
        ("The talks ended.The next round", "The talks ended. The next round"),
        ("on Thursday,adding that", "on Thursday, adding that"),
        ("a deal;the details", "a deal; the details"),
        ("What now?He asked", "What now? He asked"),
        ("Nobody expected it!Then", "Nobody expected it! Then"),
        ("“Return of our people is priceless,”she said", "“Return of our people is priceless,” she said"),
        ("The talks , which began Wednesday , ended.", "The talks, which began Wednesday, ended."),
        ("The U.S. and the U.K. met in Washington, D.C., on Feb. 29.",) * 2,
        ("e.g. this, i.e. that, a Ph.D. at 9 a.m. with Mr. Smith of No. 10",) * 2,
        ("J.R.R. Tolkien wrote it.",) * 2,
        ("Up 3.5% to $1.5bn; 2,000,000 users; version 2.10.1 or 4.2.1 at 10:30, 3:1, 16:9, 6-4.",) * 2,
        ("See nypost.com, ukraine.gov.ua, report.pdf, Node.js, fs.readFile() and .NET.",) * 2,
        ("Go to https://example.com/a?b=1&c=2 or write to tips@nypost.com.",) * 2,
        ("Wait... what?! It paused… then went on.",) * 2,
        ("She said, “Yes.” Then she left. “Are you sure?” he asked.",) * 2,
        ("Logged at 2024-03-01T06:00:00Z.",) * 2,
        ("Edit /etc/apt/sources.list, then run dpkg-deb; see foo.so and 2.6.x.",) * 2,
        ("The subprocess.Popen class; re.I and ast.If; mount -o rw,noatime,nodev; no,yes; TL;DR.",) * 2,
        ("Le budget est adopté.Pourquoi ? Parce que les travaux , selon la maire , ne pouvaient pas attendre !",) * 2,
    ),
    find_edits=punctuation_edits,
)
