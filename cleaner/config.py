"""Project configuration: ``[tool.cleaner]`` in ``pyproject.toml``, or the top
level of a ``cleaner.toml``, found by walking up from the inputs as ruff and
black do. Command-line flags override it.

    [tool.cleaner]
    select = ["unicode", "whitespace", "boilerplate"]   # or ignore = [...]
    include = ["*.txt", "*.md"]                         # files taken from directories
    exclude = ["drafts/", "*.min.txt"]                  # gitignore-style patterns
    format = "auto"                                     # or "text", "markdown"

``include`` and ``exclude`` patterns are read relative to the file's directory.

    [tool.cleaner.rules.boilerplate]
    enable = ["reuters-credit"]
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.pipeline import Cleaner, UnknownRuleError

CONFIG_FILE = "cleaner.toml"
PYPROJECT = "pyproject.toml"
DEFAULT_INCLUDE = ("*.txt", "*.md")
JSONL_INCLUDE = ("*.jsonl",)
KEYS = ("select", "ignore", "include", "exclude", "rules", "format")
FORMAT_CHOICES = ("auto", "text", "markdown")  # auto: Markdown by file name (.md, .markdown, .mdown, .mkd)


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class Config:
    """Settings from one configuration file (or the defaults, with ``path`` None)."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    include: tuple[str, ...] | None = None  # None: DEFAULT_INCLUDE (or *.jsonl for JSON Lines)
    exclude: tuple[str, ...] = ()
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    format: str = "auto"

    @property
    def root(self) -> Path:
        """The directory relative to which ``include`` and ``exclude`` patterns are read."""
        return self.path.parent if self.path else Path.cwd()


# Where a pyproject.toml could hold a cleaner table: a `[tool.cleaner]` or
# `[tool."cleaner"...]` header, a dotted `tool.cleaner` key, or a `[tool]`
# table or `tool =` key that might name it. Without one, the file is not
# parsed (the TOML reader costs a few milliseconds of every start-up).
_MAY_NAME_CLEANER = re.compile(
    rb"""tool\s*\.\s*["']?cleaner|^\s*\[\s*tool\s*\]|^\s*tool\s*=""", re.MULTILINE
)


def _has_cleaner_table(pyproject: Path) -> bool:
    try:
        if not _MAY_NAME_CLEANER.search(pyproject.read_bytes()):
            return False
    except OSError as error:
        raise ConfigError(f"{pyproject}: {error.strerror or error}") from None
    return "cleaner" in _load(pyproject).get("tool", {})


def _toml() -> Any:
    """The TOML reader, imported only when a configuration file is read (a
    few milliseconds of every start-up otherwise)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


def _load(path: Path) -> dict[str, Any]:
    tomllib = _toml()
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: {error.strerror or error}") from None


def find_config(start: Path) -> Path | None:
    """The nearest ``cleaner.toml``, or ``pyproject.toml`` with a ``[tool.cleaner]``
    table, in ``start`` or a directory above it."""
    start = start.resolve()
    for directory in (start, *start.parents):
        if (directory / CONFIG_FILE).is_file():
            return directory / CONFIG_FILE
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _has_cleaner_table(pyproject):
            return pyproject
    return None


def _names(path: Path, table: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: {table} {key} must be a list of strings")
    return tuple(value)


# Rule options that name a file: read relative to the configuration file.
PATH_OPTIONS = ("catalog",)


def _resolve_paths(rules: dict[str, dict[str, Any]], base: Path) -> dict[str, dict[str, Any]]:
    return {
        rule: {
            key: str(base / value) if key in PATH_OPTIONS and isinstance(value, str) else value
            for key, value in options.items()
        }
        for rule, options in rules.items()
    }


def load_config(path: Path) -> Config:
    """Read and check the configuration in ``path``."""
    data = _load(path)
    is_pyproject = path.name == PYPROJECT
    settings = data.get("tool", {}).get("cleaner", {}) if is_pyproject else data
    table = "[tool.cleaner]" if is_pyproject else "top level:"
    unknown = [key for key in settings if key not in KEYS]
    if unknown:
        raise ConfigError(f"{path}: {table} unknown key {unknown[0]!r} (known: {', '.join(KEYS)})")
    values: dict[str, Any] = {key: _names(path, table, key, settings[key]) for key in KEYS[:4] if key in settings}
    rules = settings.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(options, dict) for options in rules.values()):
        raise ConfigError(f"{path}: {table} rules must be a table of tables, one per rule")
    format = settings.get("format", "auto")
    if format not in FORMAT_CHOICES:
        raise ConfigError(f"{path}: {table} format must be one of {', '.join(FORMAT_CHOICES)}, not {format!r}")
    config = Config(path=path, rule_options=_resolve_paths(rules, path.parent), format=format, **values)
    try:
        Cleaner(config.select, config.ignore, config.rule_options)
    except UnknownRuleError as error:
        raise ConfigError(f"{path}: {table} {error}") from None
    except (ValueError, TypeError) as error:
        raise ConfigError(f"{path}: {table} rules: {error}") from None
    return config


def resolve_config(inputs: Iterable[str], explicit: str | None = None, disabled: bool = False) -> Config:
    """The configuration for a run: ``explicit`` if given, none if ``disabled``,
    else the nearest one above the inputs' common directory (or the working
    directory for standard input)."""
    if disabled:
        return Config()
    if explicit is not None:
        return load_config(Path(explicit))
    paths = [os.path.abspath(name) for name in inputs if name != "-"]
    start = Path.cwd()
    if paths:
        common = Path(os.path.commonpath(paths))
        start = common if common.is_dir() else common.parent
    found = find_config(start)
    return load_config(found) if found else Config()
