"""Clean text at scale with Dask: Bags, DataFrames, JSON Lines and Parquet files.

Optional: install with ``pip install 'cleaner[dask]'``. Nothing else in
``cleaner`` imports this module. The same calls run on one machine (Dask's
default scheduler) and on a ``dask.distributed`` cluster: workers receive rule
names, never functions, and select the rules themselves, so only this module
and ``cleaner`` need to be importable on the workers.

Every function takes ``format`` (``"text"`` or ``"markdown"``), as
``cleaner.clean`` does, for documents or fields written in Markdown.

A field or column value is cleaned like a JSON Lines field: it does not gain
the final newline that the whitespace rule gives a whole document (see
``cleaner.jsonl.clean_field``). A Bag of plain strings is a Bag of documents
and is cleaned exactly as ``cleaner.clean`` does.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath
from typing import Any

import dask.bag as db
import dask.dataframe as dd
from fsspec.core import get_fs_token_paths

from cleaner.jsonl import JsonlError, clean_field, clean_jsonl_lines, split_field_path
from cleaner.pipeline import clean, select_rules
from cleaner.regions import FORMATS

# What workers receive: the chosen rules' names, comma-separated, and the format.
Settings = tuple[str, str]


def _settings(
    select: str | Iterable[str] | None, ignore: str | Iterable[str] | None, format: str = "text"
) -> Settings:
    """The chosen rules as one comma-separated string, and the format: cheap
    to ship to workers. Validates them here, on the client, so a typo fails
    before any work."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; valid formats: {', '.join(FORMATS)}")
    return ",".join(rule.name for rule in select_rules(select, ignore)), format


def _text_cleaner(settings: Settings) -> Callable[[str], str]:
    """``cleaner.clean`` with the named rules (``""`` names none) and format."""
    rule_names, format = settings
    return functools.partial(clean, select=rule_names, format=format)


def _clean_documents(texts: Iterable[str], settings: Settings) -> list[str]:
    clean_text = _text_cleaner(settings)
    return [clean_text(text) for text in texts]


def _clean_record(record: Any, path: tuple[str, ...], clean_text: Callable[[str], str]) -> Any:
    """A copy of ``record`` with the string at ``path`` cleaned; ``record``
    itself when the field is missing, not a string, or unchanged."""
    if not isinstance(record, dict) or path[0] not in record:
        return record
    value = record[path[0]]
    if len(path) > 1:
        cleaned = _clean_record(value, path[1:], clean_text)
    elif isinstance(value, str):
        cleaned = clean_field(value, clean_text)
    else:
        return record
    return record if cleaned is value or cleaned == value else {**record, path[0]: cleaned}


def _clean_records(records: Iterable[Any], path: tuple[str, ...], settings: Settings) -> list[Any]:
    clean_text = _text_cleaner(settings)
    return [_clean_record(record, path, clean_text) for record in records]


def clean_bag(
    bag: db.Bag,
    field: str | None = None,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    format: str = "text",
) -> db.Bag:
    """Clean a Bag of documents (``str``), or the dotted ``field`` of a Bag of dict records.

    Records come back as new dicts (the originals are not modified); a record
    without the field, or whose field is not a string, comes back as it was.

    >>> import dask.bag as db
    >>> docs = db.from_sequence(["Tom &amp; Jerry  met"], npartitions=1)
    >>> clean_bag(docs).compute()
    ['Tom & Jerry met\\n']
    >>> records = db.from_sequence([{"id": 1, "meta": {"body": "didnâ€™t"}}])
    >>> clean_bag(records, field="meta.body").compute()
    [{'id': 1, 'meta': {'body': 'didn’t'}}]
    """
    settings = _settings(select, ignore, format)
    if field is None:
        return bag.map_partitions(_clean_documents, settings)
    return bag.map_partitions(_clean_records, split_field_path(field), settings)


def _clean_frame(frame, column: str, settings: Settings):
    """One pandas partition with ``column`` cleaned; its dtype is kept."""
    clean_text = _text_cleaner(settings)
    series = frame[column]
    cleaned = series.map(lambda value: clean_field(value, clean_text) if isinstance(value, str) else value)
    frame = frame.copy()
    frame[column] = cleaned.astype(series.dtype)
    return frame


def clean_dataframe(
    df: dd.DataFrame,
    column: str,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    format: str = "text",
) -> dd.DataFrame:
    """A Dask DataFrame with the string values of ``column`` cleaned.

    Missing values and non-string values are kept; columns, index and dtypes
    (the DataFrame's meta) are unchanged.

    >>> import pandas as pd, dask.dataframe as dd
    >>> df = dd.from_pandas(pd.DataFrame({"id": [1, 2], "text": ["a  b", "didnâ€™t"]}), npartitions=1)
    >>> clean_dataframe(df, "text").compute()["text"].tolist()
    ['a b', 'didn’t']
    """
    if column not in df.columns:
        raise KeyError(f"no column {column!r}; columns: {', '.join(map(str, df.columns))}")
    return df.map_partitions(_clean_frame, column, _settings(select, ignore, format), meta=df._meta)


def _clean_jsonl_partition(
    lines: Iterable[tuple[str, str]], field: str, settings: Settings, strict: bool
) -> list[bytes]:
    """One partition of ``(line, path)`` pairs, cleaned and joined into one output blob."""
    lines = iter(lines)
    first = next(lines, None)
    if first is None:
        return [b""]
    path = first[1]
    raw_lines = (line.encode("utf-8", "surrogateescape") for line, _ in itertools.chain([first], lines))
    try:
        cleaned = b"".join(clean_jsonl_lines(raw_lines, field, _text_cleaner(settings), strict=strict))
    except JsonlError as error:
        raise JsonlError(error.line_number, f"{error.message} (in {path})") from None
    return [cleaned]


def clean_jsonl_files(
    inputs: str | list[str],
    output_dir: str,
    field: str,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    strict: bool = False,
    blocksize: int | str | None = None,
    storage_options: dict | None = None,
    format: str = "text",
) -> list[str]:
    """Clean the dotted ``field`` of every record in JSON Lines files; return the output paths.

    ``inputs`` is a glob or a list of paths (any fsspec URL). Lines are read
    with ``dask.bag.read_text`` and cleaned exactly as ``cleaner.jsonl`` does:
    other fields, line endings and unchanged lines are kept byte for byte, and
    malformed lines pass through (``strict=True`` raises ``JsonlError`` on the
    worker instead, naming file and line; with a ``blocksize`` the line
    number counts from the start of the block). With the default
    ``blocksize=None`` each input file is one partition and its output has the
    same file name in ``output_dir`` (``part-NNNNN.jsonl`` if two inputs share
    a name); with a ``blocksize`` such as ``"64MiB"`` large files are split,
    one ``part-NNNNN.jsonl`` per block, in input order.

    >>> clean_jsonl_files("crawl/*.jsonl", "cleaned/", field="meta.body")  # doctest: +SKIP
    ['cleaned/crawl-000.jsonl', 'cleaned/crawl-001.jsonl']
    """
    split_field_path(field)  # fail early on a bad path
    settings = _settings(select, ignore, format)
    # The same expansion read_text does, to name the outputs after the inputs.
    _, _, paths = get_fs_token_paths(inputs, mode="rb", storage_options=storage_options)
    if not paths:
        raise FileNotFoundError(f"no input files match {inputs!r}")
    lines = db.read_text(
        inputs,
        blocksize=blocksize,
        encoding="utf-8",
        errors="surrogateescape",  # invalid bytes reach clean_jsonl_lines intact
        linedelimiter="\n",  # split on LF only and keep "\r\n" as it is
        include_path=True,
        storage_options=storage_options,
    )
    cleaned = lines.map_partitions(_clean_jsonl_partition, field, settings, strict)
    names = [PurePosixPath(path).name for path in paths]
    if blocksize is not None or len(set(names)) != len(names):
        names = [f"part-{index:05d}.jsonl" for index in range(cleaned.npartitions)]
    output = str(output_dir).rstrip("/") + "/*"
    return cleaned.to_textfiles(output, name_function=names.__getitem__, encoding=None, storage_options=storage_options)


def clean_parquet(
    input_path: str,
    output_path: str,
    column: str,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    format: str = "text",
    **to_parquet_options: Any,
) -> None:
    """Read Parquet with ``dask.dataframe.read_parquet``, clean ``column``, write Parquet.

    Extra keyword arguments go to ``to_parquet`` (``compression=``,
    ``write_index=``, ``storage_options=``...).

    >>> clean_parquet("articles/", "articles-clean/", column="body")  # doctest: +SKIP
    """
    df = dd.read_parquet(input_path, storage_options=to_parquet_options.get("storage_options"))
    clean_dataframe(df, column, select, ignore, format).to_parquet(output_path, **to_parquet_options)
