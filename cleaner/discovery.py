"""Turning command-line inputs into files: directories are walked for text
files (``--include`` globs, in any case; ``.txt`` and ``.md`` by default), skipping what
``--exclude`` and ``.gitignore`` files exclude, VCS folders and binary files.
Files named on the command line are always taken as they are."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from cleaner.files import SNIFF_SIZE, binary_reason

VCS_DIRECTORIES = frozenset({".git", ".hg", ".svn", ".bzr"})


@dataclass(frozen=True)
class Found:
    """An input to clean, or (with ``note``) a file skipped and why."""

    path: str
    note: str | None = None


def _spec(patterns: Iterable[str]) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(list(patterns))


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
    include: Sequence[str],
    exclude: Sequence[str] = (),
    config_exclude: Sequence[str] = (),
    config_root: Path | None = None,
) -> Iterator[Found]:
    """Every file to clean, in a stable order; directories are walked.

    ``exclude`` patterns are read relative to each directory walked (as given
    on the command line); ``config_exclude`` relative to ``config_root``, the
    directory of the configuration file that lists them.
    """
    # Include globs match names in any case (notes.TXT is a .txt file on every
    # system, as on case-insensitive ones); excludes follow git, case-sensitive.
    include_spec = _spec(pattern.lower() for pattern in include)
    exclude_spec, config_spec = _spec(exclude), _spec(config_exclude)
    config_root = config_root.resolve() if config_root else None

    for name in names:
        if name == "-" or not os.path.isdir(name):
            yield Found(name)
            continue
        walk_root = Path(name).resolve()

        def excluded(path: Path, is_dir: bool, walk_root: Path = walk_root) -> bool:
            suffix = "/" if is_dir else ""
            path = path.resolve()
            relative = _relative(path, walk_root)
            if relative is not None and exclude_spec.match_file(relative + suffix):
                return True
            relative = _relative(path, config_root) if config_root else None
            return relative is not None and config_spec.match_file(relative + suffix)

        yield from _walk(Path(name), include_spec, excluded)


def _walk(root: Path, include_spec: pathspec.PathSpec, excluded) -> Iterator[Found]:
    ignores: list[tuple[Path, pathspec.PathSpec]] = []
    for directory, subdirectories, files in os.walk(root):
        here = Path(directory)
        ignores = [(base, spec) for base, spec in ignores if _relative(here, base) is not None]
        gitignore = here / ".gitignore"
        if gitignore.is_file():
            ignores.append((here, _spec(gitignore.read_text("utf-8", errors="replace").splitlines())))

        def ignored(path: Path, is_dir: bool, ignores: list = ignores) -> bool:
            suffix = "/" if is_dir else ""
            return excluded(path, is_dir) or any(
                spec.match_file(_relative(path, base) + suffix) for base, spec in ignores
            )

        subdirectories[:] = sorted(
            d for d in subdirectories if d not in VCS_DIRECTORIES and not ignored(here / d, True)
        )
        for file_name in sorted(files):
            path = here / file_name
            if not include_spec.match_file(path.relative_to(root).as_posix().lower()) or ignored(path, False):
                continue
            if _looks_binary(str(path)):
                yield Found(str(path), note=f"skipping binary file {path}")
            else:
                yield Found(str(path))
