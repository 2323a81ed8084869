"""Turning command-line inputs into files: directories are walked for text
files (``--include`` globs, in any case; ``.txt`` and ``.md`` by default), skipping what
``--exclude``, ``.gitignore`` files (up to the repository's root) and
``.git/info/exclude`` exclude, VCS folders, binary and non-regular files.
Files named on the command line are taken as they are, unless
``force_exclude`` asks for the exclude patterns to apply to them too."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cleaner.files import SNIFF_SIZE, binary_reason

VCS_DIRECTORIES = frozenset({".git", ".hg", ".svn", ".bzr"})


@dataclass(repr=False, eq=False)  # internal: generated methods cost start-up time
class Found:
    """An input to clean, or (with ``note``) something skipped and why;
    ``error`` marks a note about something that could not be read."""

    path: str
    note: str | None = None
    error: bool = False


@dataclass(repr=False, eq=False)  # internal: generated methods cost start-up time
class Patterns:
    """Gitignore-style patterns and the directory they are read relative to
    (None: relative to each directory walked, or for a named file the
    working directory)."""

    spec: _Spec
    root: Path | None = None
    any_case: bool = False  # match names in any case (include globs: notes.TXT is a .txt file everywhere)

    @classmethod
    def of(cls, patterns: Iterable[str], root: Path | None = None, any_case: bool = False) -> Patterns:
        patterns = [pattern.lower() for pattern in patterns] if any_case else patterns
        return cls(_spec(patterns), root.resolve() if root else None, any_case)

    def match(self, path: Path, walk_root: Path, is_dir: bool, outside: bool = False) -> bool:
        """Whether ``path``, found under ``walk_root``, matches. A path outside
        the patterns' root does not, unless ``outside``: then it is matched
        relative to ``walk_root``."""
        relative = _relative(path.resolve(), self.root) if self.root else None
        if relative is None and (self.root is None or outside):
            relative = _relative(path, walk_root)
            if relative is None and self.root is None:  # a named file outside the working directory
                relative = path.as_posix().lstrip("/")
        if relative is not None and self.any_case:
            relative = relative.lower()
        return relative is not None and self.spec.match_file(relative + ("/" if is_dir else ""))


class _Spec:
    """Gitignore-style patterns, compiled by pathspec on the first match: most
    runs name a file and match nothing, and pathspec's import is start-up time."""

    def __init__(self, patterns: Iterable[str]):
        self.patterns = list(patterns)
        self._compiled = None

    def match_file(self, name: str) -> bool:
        if self._compiled is None:
            import pathspec

            self._compiled = pathspec.GitIgnoreSpec.from_lines(self.patterns)
        return self._compiled.match_file(name)


def _spec(patterns: Iterable[str]) -> _Spec:
    return _Spec(patterns)


def _looks_binary(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return binary_reason(handle.read(SNIFF_SIZE)) is not None
    except OSError:
        return False  # reading it properly will report the problem


def once_each(found: Iterable[Found]) -> Iterator[Found]:
    """``found`` without second mentions of a file: named twice, through a
    symlink, or both named and in a directory named (so each file is cleaned
    once). Hard links under other names are files of their own."""
    seen = set()
    for item in found:
        if item.note is None and item.path != "-":
            try:
                status = os.stat(item.path)
            except OSError:
                yield item  # reading it will report the problem
                continue
            identity = (status.st_dev, status.st_ino, os.path.basename(os.path.realpath(item.path)).casefold())
            if identity in seen:
                continue
            seen.add(identity)
        yield item


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def expand_inputs(
    names: Sequence[str],
    include: Patterns,
    excludes: Sequence[Patterns] = (),
    force_exclude: bool = False,
) -> Iterator[Found]:
    """Every file to clean, in a stable order; directories are walked.

    ``include`` and each of ``excludes`` are read relative to their own root
    (the configuration file's directory for patterns from it), or relative to
    each directory walked when they have none (patterns given on the command
    line). With ``force_exclude``, a file or directory named in ``names``
    that ``excludes`` match is skipped too, as ruff and black do.
    """
    for name in names:
        if name == "-":
            yield Found(name)
            continue
        is_dir = os.path.isdir(name)
        if force_exclude and any(p.match(Path(os.path.abspath(name)), Path.cwd(), is_dir) for p in excludes):
            continue
        if not is_dir:
            yield Found(name)
            continue
        walk_root = Path(name)

        def excluded(path: Path, is_dir: bool, walk_root: Path = walk_root) -> bool:
            return any(patterns.match(path, walk_root, is_dir) for patterns in excludes)

        def included(path: Path, walk_root: Path = walk_root) -> bool:
            return include.match(path, walk_root, False, outside=True)

        found_any = False
        for found in _walk(Path(name), included, excluded):
            found_any = found_any or found.note is None
            yield found
        if not found_any:
            yield Found(name, note=f"no files to clean in {name} (none matched the include patterns)")


def repository_root(directory: Path) -> Path | None:
    """The nearest directory at or above ``directory`` that holds ``.git``."""
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _git_directory(root: Path) -> Path:
    """``root/.git``, or where a ``.git`` file (a worktree, a submodule) points,
    taking the shared directory of a worktree (where ``info/exclude`` lives)."""
    git = root / ".git"
    if git.is_file():
        text = git.read_text("utf-8", errors="replace").strip()
        if text.startswith("gitdir:"):
            git = (root / text[len("gitdir:") :].strip()).resolve()
            common = git / "commondir"
            if common.is_file():
                git = (git / common.read_text("utf-8", errors="replace").strip()).resolve()
    return git


def _read_patterns(path: Path) -> list[str]:
    # utf-8-sig: a byte-order mark must not become part of the first pattern.
    return path.read_text("utf-8-sig", errors="replace").splitlines()


# An ignore file's patterns: (directory as walked, prefix from the file's own
# directory down to it, spec). The prefix is empty for files inside the walk.
_Ignore = tuple[Path, str, _Spec]


def _ignores_above(root: Path) -> list[_Ignore]:
    """The ``.gitignore`` files between the repository's root and ``root``
    (the walk reads ``root``'s own), and ``.git/info/exclude``."""
    walk_root = root.resolve()
    repository = repository_root(walk_root)
    if repository is None:
        return []
    ignores = []
    sources = [(repository, _git_directory(repository) / "info" / "exclude")]
    directory = walk_root
    while directory != repository:
        directory = directory.parent
        sources.append((directory, directory / ".gitignore"))
    for base, path in sources:
        if path.is_file():
            try:
                spec = _spec(_read_patterns(path))
            except OSError:
                continue  # as git does: an unreadable ignore file ignores nothing
            prefix = walk_root.relative_to(base).as_posix() + "/" if base != walk_root else ""
            ignores.append((root, prefix, spec))
    return ignores


def _walk(
    root: Path, included: Callable[[Path], bool], excluded: Callable[[Path, bool], bool]
) -> Iterator[Found]:
    ignores = _ignores_above(root)
    unreadable: list[OSError] = []
    for directory, subdirectories, files in os.walk(root, onerror=unreadable.append):
        yield from _unreadable_notes(unreadable)
        here = Path(directory)
        ignores = [ignore for ignore in ignores if _relative(here, ignore[0]) is not None]
        gitignore = here / ".gitignore"
        if gitignore.is_file():
            try:
                ignores.append((here, "", _spec(_read_patterns(gitignore))))
            except OSError as error:
                note = f"{gitignore}: {_reason(error)}; its patterns are not applied"
                yield Found(str(gitignore), note=note, error=True)

        def ignored(path: Path, is_dir: bool, ignores: list[_Ignore] = ignores) -> bool:
            suffix = "/" if is_dir else ""
            return excluded(path, is_dir) or any(
                spec.match_file(prefix + _relative(path, base) + suffix) for base, prefix, spec in ignores
            )

        subdirectories[:] = sorted(
            d for d in subdirectories if d not in VCS_DIRECTORIES and not ignored(here / d, True)
        )
        for file_name in sorted(files):
            path = here / file_name
            if not included(path) or ignored(path, False):
                continue
            yield _found_file(path)
    yield from _unreadable_notes(unreadable)


def _found_file(path: Path) -> Found:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return Found(str(path))  # reading it will report the problem
    if not stat.S_ISREG(mode):
        # Opening a FIFO would wait for a writer forever; a device is no document.
        return Found(str(path), note=f"skipping {path}: not a regular file")
    if _looks_binary(str(path)):
        return Found(str(path), note=f"skipping binary file {path}")
    return Found(str(path))


def _unreadable_notes(errors: list[OSError]) -> Iterator[Found]:
    for error in errors:
        name = str(Path(error.filename))  # "docs", not "./docs", as file names are shown
        yield Found(name, note=f"{name}: {_reason(error)}; not searched", error=True)
    errors.clear()


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
