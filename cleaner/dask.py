"""Clean text at scale with Dask: Bags, DataFrames, JSON Lines and Parquet files.

Optional: install with ``pip install 'cleaner-text[dask]'`` (from a checkout,
``pip install '.[dask]'``). Nothing else in ``cleaner`` imports this module.
The same calls run on one machine (Dask's default scheduler) and on a
``dask.distributed`` cluster. Every call builds one ``cleaner.Cleaner`` from
``select``, ``ignore`` and ``options`` (a rule's options, as in
``[tool.cleaner.rules.NAME]``) on the client, so a typo fails before any
work, and ships it to the workers, where ``cleaner`` must be importable.

Every call takes ``format`` (``"text"``, the default, or ``"markdown"``), as
``cleaner.clean`` does, for documents or fields written in Markdown.

A field or column value is cleaned like a JSON Lines field: it does not gain
the final newline that the whitespace rule gives a whole document (see
``cleaner.jsonl.clean_field``). A Bag of plain strings is a Bag of documents
and is cleaned exactly as ``cleaner.clean`` does.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import PurePosixPath
from typing import Any

import dask
import dask.bag as db
import dask.dataframe as dd
from dask.base import get_scheduler
from fsspec.core import get_fs_token_paths, open_files

from cleaner.jsonl import JsonlError, clean_field, clean_jsonl_lines, split_field_path
from cleaner.pipeline import Cleaner

Names = str | Iterable[str] | None
Options = Mapping[str, Mapping[str, Any]] | None


class MalformedLinesWarning(UserWarning):
    """``clean_jsonl_files`` passed lines that are not JSON objects through unchanged."""


def _clean_documents(texts: Iterable[str], cleaner: Cleaner) -> list[str]:
    return [cleaner.clean(text) for text in texts]


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


def _clean_records(records: Iterable[Any], path: tuple[str, ...], cleaner: Cleaner) -> list[Any]:
    return [_clean_record(record, path, cleaner.clean) for record in records]


def clean_bag(
    bag: db.Bag,
    field: str | None = None,
    select: Names = None,
    ignore: Names = None,
    options: Options = None,
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
    cleaner = Cleaner(select, ignore, options, format)
    if field is None:
        return bag.map_partitions(_clean_documents, cleaner)
    return bag.map_partitions(_clean_records, split_field_path(field), cleaner)


def _clean_frame(frame, column: str, cleaner: Cleaner):
    """One pandas partition with ``column`` cleaned; its dtype is kept."""
    clean_text = cleaner.clean
    series = frame[column]
    cleaned = series.map(lambda value: clean_field(value, clean_text) if isinstance(value, str) else value)
    frame = frame.copy()
    frame[column] = cleaned.astype(series.dtype)
    return frame


def clean_dataframe(
    df: dd.DataFrame,
    column: str,
    select: Names = None,
    ignore: Names = None,
    options: Options = None,
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
    return df.map_partitions(_clean_frame, column, Cleaner(select, ignore, options, format), meta=df._meta)


def _clean_jsonl_partition(
    lines: Iterable[tuple[str, str]], field: str, cleaner: Cleaner, strict: bool
) -> list[tuple[bytes, int, str]]:
    """One partition of ``(line, path)`` pairs, cleaned and joined into one
    output blob, with how many lines were malformed and what the first was."""
    lines = iter(lines)
    first = next(lines, None)
    if first is None:
        return [(b"", 0, "")]
    path = first[1]
    malformed: list[str] = []

    def note(line_number: int, message: str) -> None:
        if not malformed:
            malformed.append(f"{path}: line {line_number}: {message}")
        else:
            malformed.append("")  # counted, not kept: there may be millions

    raw_lines = (line.encode("utf-8", "surrogateescape") for line, _ in itertools.chain([first], lines))
    try:
        cleaned = b"".join(clean_jsonl_lines(raw_lines, field, cleaner.clean, strict, note))
    except JsonlError as error:
        raise JsonlError(error.line_number, f"{error.message} (in {path})") from None
    return [(cleaned, len(malformed), malformed[0] if malformed else "")]


def _write_partition(results: list[tuple[bytes, int, str]], file: Any) -> tuple[int, str]:
    """Write one cleaned partition (``_clean_jsonl_partition``'s blob) to
    ``file`` (an fsspec ``OpenFile``); return its malformed count and first."""
    [(blob, malformed, first)] = results
    with file as out:
        out.write(blob)
    return malformed, first


def _refuse_existing(fs: Any, path: str, what: str) -> None:
    """One clear error instead of overwriting, or failing deep inside fsspec."""
    if fs.exists(path) and (not fs.isdir(path) or fs.ls(path)):
        raise FileExistsError(f"{path}: {what} already exists; remove it, choose another, or pass overwrite=True")


def clean_jsonl_files(
    inputs: str | list[str],
    output_dir: str,
    field: str,
    select: Names = None,
    ignore: Names = None,
    strict: bool = False,
    blocksize: int | str | None = None,
    storage_options: dict | None = None,
    options: Options = None,
    overwrite: bool = False,
    format: str = "text",
) -> list[str]:
    """Clean the dotted ``field`` of every record in JSON Lines files; return the output paths.

    ``inputs`` is a glob or a list of paths (any fsspec URL). Lines are read
    with ``dask.bag.read_text`` and cleaned exactly as ``cleaner.jsonl`` does:
    other fields, line endings and unchanged lines are kept byte for byte.
    Malformed lines pass through, and are counted: a ``MalformedLinesWarning``
    says how many and names the first (``strict=True`` raises ``JsonlError``
    on the worker instead, naming file and line; with a ``blocksize`` the line
    number counts from the start of the block). With the default
    ``blocksize=None`` each input file is one partition and its output has the
    same file name in ``output_dir`` (``part-NNNNN.jsonl`` if two inputs share
    a name); with a ``blocksize`` such as ``"64MiB"`` large files are split,
    one ``part-NNNNN.jsonl`` per block, in input order. An ``output_dir``
    that exists and is not empty is refused unless ``overwrite=True``.

    >>> clean_jsonl_files("crawl/*.jsonl", "cleaned/", field="meta.body")  # doctest: +SKIP
    ['cleaned/crawl-000.jsonl', 'cleaned/crawl-001.jsonl']
    """
    split_field_path(field)  # fail early on a bad path
    cleaner = Cleaner(select, ignore, options, format)
    # The same expansion read_text does, to name the outputs after the inputs.
    _, _, paths = get_fs_token_paths(inputs, mode="rb", storage_options=storage_options)
    if not paths:
        raise FileNotFoundError(f"no input files match {inputs!r}")
    output = str(output_dir).rstrip("/")
    output_fs, _, _ = get_fs_token_paths(output, mode="rb", storage_options=storage_options)
    if not overwrite:
        _refuse_existing(output_fs, output, "the output folder")
    lines = db.read_text(
        inputs,
        blocksize=blocksize,
        encoding="utf-8",
        errors="surrogateescape",  # invalid bytes reach clean_jsonl_lines intact
        linedelimiter="\n",  # split on LF only and keep "\r\n" as it is
        include_path=True,
        storage_options=storage_options,
    )
    cleaned = lines.map_partitions(_clean_jsonl_partition, field, cleaner, strict)
    names = [PurePosixPath(path).name for path in paths]
    if blocksize is not None or len(set(names)) != len(names):
        names = [f"part-{index:05d}.jsonl" for index in range(cleaned.npartitions)]
    pattern = output + "/*"
    files = open_files(
        pattern, mode="wb", name_function=names.__getitem__, num=cleaned.npartitions, **(storage_options or {})
    )
    # Each partition's blob is written by the task that takes it, which returns
    # the counts: one consumer per partition, so each is cleaned once (a Bag
    # written with to_textfiles and also counted is fused into both, and
    # cleaned twice). On the scheduler a Bag would use.
    written_parts = [dask.delayed(_write_partition)(part, file) for part, file in zip(cleaned.to_delayed(), files)]
    malformed = dask.compute(*written_parts, scheduler=get_scheduler(collections=[cleaned]))
    _warn_malformed(list(malformed))
    _, _, written = get_fs_token_paths(
        pattern, mode="wb", num=cleaned.npartitions, name_function=names.__getitem__, storage_options=storage_options
    )
    return written


def _warn_malformed(per_partition: list[tuple[int, str]]) -> None:
    total = sum(count for count, _ in per_partition)
    if total:
        first = next(message for count, message in per_partition if count)
        lines = "line was" if total == 1 else "lines were"
        warnings.warn(
            f"{total} malformed {lines} passed through unchanged; the first: {first}",
            MalformedLinesWarning,
            stacklevel=3,
        )


def clean_parquet(
    input_path: str,
    output_path: str,
    column: str,
    select: Names = None,
    ignore: Names = None,
    options: Options = None,
    format: str = "text",
    **to_parquet_options: Any,
) -> None:
    """Read Parquet with ``dask.dataframe.read_parquet``, clean ``column``, write Parquet.

    Extra keyword arguments go to ``to_parquet`` (``compression=``,
    ``write_index=``, ``storage_options=``, ``overwrite=``...). The index is
    written only if the input had one (a named index), so the output has the
    input's columns and no ``__null_dask_index__``. An ``output_path`` that
    exists and is not empty is refused unless ``overwrite=True``.

    >>> clean_parquet("articles/", "articles-clean/", column="body")  # doctest: +SKIP
    """
    storage_options = to_parquet_options.get("storage_options")
    df = dd.read_parquet(input_path, storage_options=storage_options)
    if not to_parquet_options.get("overwrite"):
        fs, _, _ = get_fs_token_paths(output_path, mode="rb", storage_options=storage_options)
        _refuse_existing(fs, str(output_path).rstrip("/"), "the output")
    to_parquet_options.setdefault("write_index", df.index.name is not None)
    clean_dataframe(df, column, select, ignore, options, format).to_parquet(output_path, **to_parquet_options)
