"""cleaner.dask on a real two-process cluster gives what cleaning record by record gives."""

from __future__ import annotations

import json
import random

import pytest

pytest.importorskip("dask.distributed")
pytest.importorskip("pyarrow")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402
from dask.distributed import Client, LocalCluster, get_task_stream  # noqa: E402

from cleaner import clean  # noqa: E402
from cleaner.dask import (  # noqa: E402
    MalformedLinesWarning,
    clean_bag,
    clean_dataframe,
    clean_jsonl_files,
    clean_parquet,
)
from cleaner.jsonl import JsonlError, clean_jsonl_lines  # noqa: E402

WORDS = "the council said it would review plans for new housing near river station on monday".split()
DIRT = ["didnâ€™t", "Tom &amp; Jerry", "cafÃ©", "   ", "\n\n\n\n", "  \n", "“quoted”", "caf\u00e9"]
RECORDS = 3000
FILES = 4


def dirty_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 40)):
        parts.append(rng.choice(DIRT) if rng.random() < 0.15 else rng.choice(WORDS))
        parts.append(" " * rng.choice((1, 1, 1, 2, 3)))
    text = "".join(parts)
    return text + "\n" if rng.random() < 0.2 else text


def expected_field(text: str) -> str:
    """cleaner.clean on the value, without the final newline a field did not have."""
    cleaned = clean(text)
    return cleaned if text.endswith("\n") else cleaned.removesuffix("\n")


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


@pytest.fixture(scope="module")
def texts() -> list[str]:
    rng = random.Random(20240601)
    return [dirty_text(rng) for _ in range(RECORDS)]


def jsonl_line(index: int, text: str) -> bytes:
    body = json.dumps(text, ensure_ascii=index % 2 == 0)
    line = f'{{"id": {index}, "score": 1.50,  "meta": {{"lang": "en", "body": {body}}}, "tag": "caf\\u00e9"}}'
    return line.encode() + (b"\r\n" if index % 7 == 0 else b"\n")


def test_clean_jsonl_files_matches_single_process(client, texts, tmp_path):
    inputs = []
    per_file = RECORDS // FILES
    for number in range(FILES):
        chunk = range(number * per_file, (number + 1) * per_file)
        lines = [jsonl_line(i, texts[i]) for i in chunk]
        if number == 1:
            lines.insert(5, b"not json at all\n")
        path = tmp_path / f"crawl-{number}.jsonl"
        path.write_bytes(b"".join(lines))
        inputs.append(path)

    with get_task_stream(client) as tasks, pytest.warns(MalformedLinesWarning, match="^1 malformed line was"):
        outputs = clean_jsonl_files(str(tmp_path / "crawl-*.jsonl"), str(tmp_path / "out"), field="meta.body")
    assert tasks.data, "the work ran on the cluster"
    assert [p.rsplit("/", 1)[1] for p in outputs] == [p.name for p in inputs]

    for source, output in zip(inputs, outputs):
        source_lines = source.read_bytes().splitlines(keepends=True)
        with open(output, "rb") as cleaned_file:
            cleaned_lines = cleaned_file.read().splitlines(keepends=True)
        assert cleaned_lines == list(clean_jsonl_lines(source_lines, "meta.body", clean))
        for before, after in zip(source_lines, cleaned_lines):
            if before.startswith(b"{"):
                record = json.loads(before)
                record["meta"]["body"] = expected_field(record["meta"]["body"])
                assert json.loads(after) == record
                assert after.endswith(b"\r\n") == before.endswith(b"\r\n")
            else:
                assert after == before


def test_clean_jsonl_files_strict_names_file_and_line(client, tmp_path):
    (tmp_path / "bad.jsonl").write_bytes(b'{"text": "ok"}\n{"text": \n')
    with pytest.raises(JsonlError, match=r"line 2: .*bad\.jsonl"):
        clean_jsonl_files(str(tmp_path / "bad.jsonl"), str(tmp_path / "out"), field="text", strict=True)


def test_clean_parquet_matches_single_process(client, texts, tmp_path):
    frame = pd.DataFrame({"id": range(len(texts)), "text": texts, "score": [i / 4 for i in range(len(texts))]})
    dd.from_pandas(frame, npartitions=FILES).to_parquet(tmp_path / "in")
    clean_parquet(str(tmp_path / "in"), str(tmp_path / "out"), column="text")
    result = dd.read_parquet(tmp_path / "out").compute()
    assert result["id"].tolist() == frame["id"].tolist()
    assert result["score"].tolist() == frame["score"].tolist()
    assert result["text"].tolist() == [expected_field(text) for text in texts]


def test_clean_dataframe_keeps_meta_and_missing_values(client):
    frame = pd.DataFrame({"text": ["a  b", None, "Tom &amp; Jerry"], "n": [1, 2, 3]})
    df = dd.from_pandas(frame, npartitions=2)
    cleaned = clean_dataframe(df, "text")
    assert cleaned.dtypes.to_dict() == df.dtypes.to_dict()
    result = cleaned.compute()
    assert result["text"].iloc[0] == "a b" and result["text"].iloc[2] == "Tom & Jerry"
    assert pd.isna(result["text"].iloc[1])
    assert result["n"].tolist() == [1, 2, 3]


def test_clean_bag_of_documents_and_of_records(client, texts):
    documents = clean_bag(db.from_sequence(texts, npartitions=FILES)).compute()
    assert documents == [clean(text) for text in texts]

    records = [{"id": i, "meta": {"body": text}} for i, text in enumerate(texts)] + [{"id": -1}]
    cleaned = clean_bag(db.from_sequence(records, npartitions=FILES), field="meta.body").compute()
    assert cleaned == [{"id": i, "meta": {"body": expected_field(text)}} for i, text in enumerate(texts)] + [{"id": -1}]
    assert records[0]["meta"]["body"] == texts[0], "the input records are not modified"


def test_clean_bag_honours_select(client):
    bag = db.from_sequence(["Tom &amp; Jerry  met"], npartitions=1)
    assert clean_bag(bag, select="whitespace").compute() == ["Tom &amp; Jerry met\n"]


def test_clean_jsonl_files_counts_malformed_lines_and_names_the_first(client, tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b'{"text": "a  b"}\nnot json\n[1]\n')
    (tmp_path / "b.jsonl").write_bytes(b'{"text": \n')
    with pytest.warns(MalformedLinesWarning) as caught:
        clean_jsonl_files(str(tmp_path / "*.jsonl"), str(tmp_path / "out"), field="text")
    (warning,) = caught
    message = str(warning.message)
    first = f"{tmp_path / 'a.jsonl'}: line 2: expected a JSON object"
    assert message.startswith(f"3 malformed lines were passed through unchanged; the first: {first}")
    assert (tmp_path / "out" / "a.jsonl").read_bytes() == b'{"text": "a b"}\nnot json\n[1]\n'


def test_writing_over_an_existing_output_is_one_clear_error(client, tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b'{"text": "a  b"}\n')
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.jsonl").write_bytes(b"{}\n")
    with pytest.raises(FileExistsError, match="the output folder already exists; .* overwrite=True"):
        clean_jsonl_files(str(tmp_path / "a.jsonl"), str(tmp_path / "out"), field="text")
    clean_jsonl_files(str(tmp_path / "a.jsonl"), str(tmp_path / "out"), field="text", overwrite=True)
    assert (tmp_path / "out" / "a.jsonl").read_bytes() == b'{"text": "a b"}\n'

    pd.DataFrame({"text": ["a  b"]}).to_parquet(tmp_path / "in.parquet", index=False)
    clean_parquet(str(tmp_path / "in.parquet"), str(tmp_path / "pq"), column="text")
    with pytest.raises(FileExistsError, match="the output already exists"):
        clean_parquet(str(tmp_path / "in.parquet"), str(tmp_path / "pq"), column="text")
    clean_parquet(str(tmp_path / "in.parquet"), str(tmp_path / "pq"), column="text", overwrite=True)


def test_clean_parquet_adds_no_index_column(client, tmp_path):
    import pyarrow.parquet as pq

    pd.DataFrame({"id": [1, 2], "text": ["a  b", "c"]}).to_parquet(tmp_path / "in.parquet", index=False)
    clean_parquet(str(tmp_path / "in.parquet"), str(tmp_path / "out"), column="text")
    table = pq.read_table(tmp_path / "out")
    assert table.schema.names == ["id", "text"]
    assert table.column("text").to_pylist() == ["a b", "c"]


REUTERS = "Body.\n(Reporting by Jane Doe; Editing by John Roe)\n"
OPTIONS = {"boilerplate": {"enable": ["reuters-credit"]}}


def test_rule_options_reach_the_workers(client, tmp_path):
    assert clean_bag(db.from_sequence([REUTERS]), options=OPTIONS).compute() == ["Body.\n"]
    assert clean_bag(db.from_sequence([REUTERS])).compute() == [REUTERS]
    df = dd.from_pandas(pd.DataFrame({"text": [REUTERS]}), npartitions=1)
    assert clean_dataframe(df, "text", options=OPTIONS).compute()["text"].tolist() == ["Body.\n"]
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": REUTERS}) + "\n")
    (output,) = clean_jsonl_files(str(tmp_path / "a.jsonl"), str(tmp_path / "out"), field="text", options=OPTIONS)
    with open(output) as handle:
        assert json.loads(handle.read()) == {"text": "Body.\n"}


def test_bag_of_markdown_documents_keeps_code():
    docs = db.from_sequence(["Run `x  = 1`  now.\n"], npartitions=1)
    assert clean_bag(docs, format="markdown").compute() == ["Run `x  = 1` now.\n"]
    assert clean_bag(docs).compute() == ["Run `x = 1` now.\n"]


def test_unknown_format_fails_on_the_client():
    with pytest.raises(ValueError, match="unknown format 'rst'"):
        clean_bag(db.from_sequence(["a"]), format="rst")


def test_clean_jsonl_files_cleans_each_partition_once(texts, tmp_path, monkeypatch):
    import dask

    import cleaner.dask as cleaner_dask

    cleaned_partitions = []
    clean_partition = cleaner_dask._clean_jsonl_partition

    def counted(lines, *args):
        lines = list(lines)
        cleaned_partitions.append(lines[0][1] if lines else None)
        return clean_partition(lines, *args)

    monkeypatch.setattr(cleaner_dask, "_clean_jsonl_partition", counted)
    for number in range(3):
        (tmp_path / f"part-{number}.jsonl").write_bytes(b"".join(jsonl_line(i, texts[i]) for i in range(number, 90, 3)))
    with dask.config.set(scheduler="sync"):
        outputs = clean_jsonl_files(str(tmp_path / "part-*.jsonl"), str(tmp_path / "out"), field="meta.body")
    assert len(cleaned_partitions) == len(set(cleaned_partitions)) == 3
    for number, output in enumerate(outputs):
        source_lines = (tmp_path / f"part-{number}.jsonl").read_bytes().splitlines(keepends=True)
        with open(output, "rb") as cleaned_file:
            assert cleaned_file.read().splitlines(keepends=True) == list(clean_jsonl_lines(source_lines, "meta.body", clean))
