"""Lines of a plain text that are clearly code, shell commands, configuration
or tabular data, which the word-level rules (joined-words,
punctuation-spacing) leave alone, and whose inner runs of spaces (alignment,
columns) the whitespace rule keeps; blanks at their end still go, and
unicode repair and boilerplate removal still apply to them.

A line is code-like when it starts with a prompt (``$ ``, ``>>> ``, and
``... `` or ``> `` right after a prompt line), when it is dense in code
punctuation, when it is an indented command (a known command word, or an
option like ``--prefix``), when it is a ``key = value`` line or one of a run
of ``key: value`` lines, or when it is a row of columns: two tabs inside it, or
a column after two or more spaces that starts where one starts on the next
or previous line (two spaces after a full stop are a sentence gap, not a
column). An indented block (lines indented at least as deep as
its first, with no blank line in it) is code as a whole when most of its
lines are code-like.

Inside other lines, a quoted literal is left alone too: ```make check```,
```git init```, and GNU's ```find'``, the way plain-text documentation
marks commands and names in running prose.

>>> text = "Install it:\\n\\n    $ pip install cleaner\\n\\nthen run it.\\n"
>>> [(r.start, r.end, r.kind) for r in code_line_regions(text)]
[(13, 38, 'code-line')]
"""

from __future__ import annotations

import re
from bisect import bisect_right

from cleaner.regions import TEXT_CODE_LINE_RULES, WORD_LEVEL, Region

# Code-like lines are closed to the word-level rules and to the whitespace
# rule's collapsing of space runs (their trailing blanks lie outside the
# region). Without the latter, columns collapsed by the whitespace rule would
# stop being code-like, and the word-level rules would then reach them.
from cleaner.regions.switches import line_spans

PROMPT = re.compile(r"[ \t]*(?:\$|>>>|PS>|C:\\>)[ \t]")
CONTINUATION_PROMPT = re.compile(r"[ \t]*(?:\.\.\.|>)[ \t]")  # after a >>> or $ line
# An identifier, then = or : and a value; "Note: this ..." is a key: value
# line too, so a ':' line counts only in a run of them.
KEY_EQUALS_VALUE = re.compile(r"[ \t]*[A-Za-z_][\w.\-\[\]]*[ \t]*[:+]?=[ \t]*\S")
KEY_COLON_VALUE = re.compile(r"[ \t]*[A-Za-z_][\w.\-]*:[ \t]+\S")
OPTION = re.compile(r"(?:^|[ \t])--?[A-Za-z][\w-]*(?:=\S*)?(?=[ \t]|$)")
COLUMN_START = re.compile(r"(?<=[^\s.!?])  +(?=\S)")  # where a column starts, after its gap
INNER_TAB = re.compile(r"(?<=\S)\t+(?=[ \t]*\S)")  # tab-separated values: two or more on a line
CODE_MARK = re.compile(r"[{}();=<>/\\_|\[\]]")
URL = re.compile(r"(?<!\S)[^\s:]*://\S*")  # slashes in a URL are not code; tried at token starts only
INDENT = re.compile(r"[ \t]*")
INLINE_LITERAL = re.compile(
    r"""
    (?<!`)``?(?=[^\s`'])      # one or two backticks, then the literal's first character
    [^`'\n]{1,200}            # the literal, on one line
    (?:``?|'{1,2})            # closed by backticks or by GNU's apostrophes
    """,
    re.VERBOSE,
)

# Command words that start an indented shell line in documentation. Data,
# not logic: add a row to add a command.
COMMAND_WORDS = frozenset(
    """sudo apt apt-get apt-cache aptitude dpkg dpkg-reconfigure pip pip3 pipx python python3 git make cmake
    ./configure configure cd ls cp mv rm ln mkdir rmdir chmod chown cat echo export grep sed awk find tar gzip
    gunzip zcat curl wget ssh scp rsync systemctl service journalctl docker kubectl npm npx yarn node cargo
    rustc go gcc cc g++ ld perl ruby gem java javac mvn gradle man info less more tail head touch kill
    ps top env source . bash sh zsh su mount umount modprobe update-alternatives useradd usermod passwd
    crontab ssh-keygen gpg openssl ping ip ifconfig iptables nft dig host nslookup vim vi emacs nano""".split()
)


def _indent(line: str) -> int:
    if not line[:1].isspace():
        return 0
    expanded = line.expandtabs(8)
    return len(expanded) - len(expanded.lstrip(" "))


def _dense_in_code_punctuation(line: str) -> bool:
    """At least three code marks, one in eight visible characters or more."""
    if len(CODE_MARK.findall(line)) < 3:
        return False
    if "&" in line or "://" in line:
        # Read entities as the unicode rule leaves them ("&amp;" as "&"), so
        # that repairing them cannot turn a code-like line into prose on a
        # second run; slashes in a URL are not code.
        import html  # here: its table of entities costs every start-up 1%

        line = URL.sub("", html.unescape(line))
    marks = len(CODE_MARK.findall(line))
    return marks >= 3 and marks * 8 >= len("".join(line.split()))


# English words a command line's arguments rarely hold two of, and a sentence
# that happens to start with a command's name ("apt-get does not understand
# .deb files, it ...", an indented package description) usually does.
SENTENCE_WORDS = frozenset(
    """the a an is are was were it its this that these those does do did not can will would
    which who when what there their they we you he she has have had be been of to in for with""".split()
)


def _indented_command(line: str) -> bool:
    if not line[:1].isspace():
        return False
    words = line.split()
    if not words:
        return False
    if OPTION.search(line) is not None:
        return True
    return words[0] in COMMAND_WORDS and sum(word.lower() in SENTENCE_WORDS for word in words[1:]) < 2


def _column_starts(line: str) -> set[int]:
    return {match.end() for match in COLUMN_START.finditer(line.expandtabs(8))} if "  " in line else set()


def _mark_aligned_columns(lines: list[str], candidates: list[int], flags: list[bool]) -> None:
    """Neighbouring lines with a column starting at the same place."""
    previous, previous_number = set(), -2
    for number in candidates:
        starts = _column_starts(lines[number])
        if starts & previous and previous_number == number - 1:
            flags[number] = flags[number - 1] = True
        previous, previous_number = starts, number


# Every criterion needs one of these on the line: the others are prose, and
# skipping them with one scan of the text keeps plain text fast.
CANDIDATE = re.compile(r"^[ \t]|[{}();=<>/\\_|\[\]$\t:]|  ", re.MULTILINE)


# On a line alone, runs of key: value lines, columns and indented blocks
# (which take two lines) cannot occur: only these marks can make it code.
ONE_LINE_CANDIDATE = re.compile(r"^[ \t]|[{}();=<>/\\_|\[\]$\t]")


def _candidates(text: str, starts: list[int]) -> list[int]:
    """Numbers of the lines of ``text`` (starting at ``starts``) that may be code-like."""
    numbers, position = [], 0
    while True:
        match = CANDIDATE.search(text, position)
        if match is None:
            return numbers
        number = bisect_right(starts, match.start()) - 1
        numbers.append(number)
        if number + 1 >= len(starts):
            return numbers
        position = starts[number + 1]


def code_like_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it is clearly code, a command, configuration or a table row."""
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return _code_like(lines, _candidates("\n".join(lines), starts))


def _code_like(lines: list[str], candidates: list[int]) -> list[bool]:
    flags = [False] * len(lines)
    prompt_line = -2
    for number in candidates:
        line = lines[number]
        if not line.strip():
            continue
        prompt = PROMPT.match(line) is not None or (
            prompt_line == number - 1 and CONTINUATION_PROMPT.match(line) is not None
        )
        if prompt:
            prompt_line = number
        flags[number] = prompt or _code_like_alone(line)
    _mark_key_colon_runs(lines, candidates, flags)
    _mark_aligned_columns(lines, candidates, flags)
    _mark_indented_blocks(lines, candidates, flags)
    return flags


def _code_like_alone(line: str) -> bool:
    """The criteria a line meets by itself, without its neighbours (a prompt aside)."""
    return (
        KEY_EQUALS_VALUE.match(line) is not None
        or _dense_in_code_punctuation(line)
        or _indented_command(line)
        or len(INNER_TAB.findall(line)) >= 2
    )


# A value of running prose: a sentence or more of plain words, some of them
# words a sentence holds ("Description: If this option is true, then aptitude
# will not consider packages to be unused ..."), not a setting.
PROSE_VALUE_WORDS, PROSE_VALUE_SHARE, PROSE_VALUE_SENTENCE_WORDS = 12, 0.8, 3
SENTENCE_END = re.compile(r"[\w)”\"'][.!?][)”\"']?(?:\[\d+\])?$")  # (a footnote mark after it: 1.[89])
PLAIN_VALUE_WORD = re.compile(r"[(“\"']?[A-Za-z]?[a-z]+(?:['’-][a-z]+)*[.,;:!?]?[)”\"']?[.,;:]?")


def _prose_value(line: str) -> bool:
    """True for a ``key: value`` line whose value reads as prose: at least
    ``PROSE_VALUE_WORDS`` words, nearly all plain words, with a few words
    that sentences hold (the, is, of, ...), ending as a sentence ends."""
    tokens = line.split(":", 1)[1].split()
    if len(tokens) < PROSE_VALUE_WORDS or not SENTENCE_END.search(tokens[-1]):
        return False
    plain = sum(1 for token in tokens if PLAIN_VALUE_WORD.fullmatch(token))
    sentence = sum(1 for token in tokens if token.lower().strip(".,;:") in SENTENCE_WORDS)
    return plain >= PROSE_VALUE_SHARE * len(tokens) and sentence >= PROSE_VALUE_SENTENCE_WORDS


def _mark_key_colon_runs(lines: list[str], candidates: list[int], flags: list[bool]) -> None:
    """``key: value`` lines, two or more in a row; a line of the run whose
    value reads as prose is not configuration (unless code-like by itself)."""
    runs: list[list[int]] = [[]]
    for number in candidates:
        if not KEY_COLON_VALUE.match(lines[number]):
            runs.append([])
            continue
        if runs[-1] and runs[-1][-1] != number - 1:
            runs.append([])
        runs[-1].append(number)
    for run in runs:
        if len(run) >= 2:
            for member in run:
                flags[member] = flags[member] or not _prose_value(lines[member])


def _mark_indented_blocks(lines: list[str], candidates: list[int], flags: list[bool]) -> None:
    """Every line of an indented block whose lines are mostly code-like. An
    indented line is always a candidate, so a block is a run of candidates."""
    index = 0
    while index < len(candidates):
        number = candidates[index]
        depth = _indent(lines[number])
        if not lines[number].strip() or depth == 0:
            index += 1
            continue
        end = index + 1
        while (
            end < len(candidates)
            and candidates[end] == candidates[end - 1] + 1
            and lines[candidates[end]].strip()
            and _indent(lines[candidates[end]]) >= depth
        ):
            end += 1
        block = candidates[index:end]
        if len(block) >= 2 and sum(flags[n] for n in block) * 2 > len(block):
            for member in block:
                flags[member] = True
        index = end


NEWLINE = re.compile("\n")


def _lines_and_starts(text: str) -> tuple[list[str], list[int]]:
    if "\r" in text:  # a lone CR ends a line too
        spans = line_spans(text)
        return [text[start:end] for start, end in spans], [start for start, _ in spans]
    return text.split("\n"), [0, *[match.end() for match in NEWLINE.finditer(text)]]


def code_line_regions(text: str) -> list[Region]:
    """Code-like lines of a plain text, as regions closed to the word-level
    rules and to the collapsing of space runs; and quoted literals in prose,
    closed to the word-level rules."""
    if "`" not in text:  # most prose paragraphs have nothing to read
        one_line = "\n" not in text and "\r" not in text
        if (ONE_LINE_CANDIDATE if one_line else CANDIDATE).search(text) is None:
            return []
        if one_line:  # a paragraph on one line: what takes two lines (runs, columns, blocks) cannot apply
            if text.strip() and (PROMPT.match(text) is not None or _code_like_alone(text)):
                return [Region(0, len(text.rstrip(" \t")), "code-line", TEXT_CODE_LINE_RULES)]
            return []
    lines, starts = _lines_and_starts(text)
    flags = _code_like(lines, _candidates(text, starts))
    regions = [
        Region(starts[number], starts[number] + len(lines[number].rstrip(" \t")), "code-line", TEXT_CODE_LINE_RULES)
        for number, flag in enumerate(flags)
        if flag
    ]
    if "`" in text:
        regions += [Region(*m.span(), "inline-literal", WORD_LEVEL) for m in INLINE_LITERAL.finditer(text)]
    return regions
