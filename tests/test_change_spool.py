"""The spool that keeps ``--report json``'s changes on disk, and the report
lines written from it."""

from __future__ import annotations

import io
import json
import os
import pickle
import tempfile

from cleaner import Cleaner
from cleaner.change_spool import ChangeSpool
from cleaner.jsonl import RecordChange
from cleaner.report import _write_record
from cleaner.runner import Outcome

TEXT = "Both sides swapped prisonersof war.\n\n\n\nThey said it.The end é.\n"


def changes():
    return Cleaner().explain(TEXT)


def test_items_are_each_changes_json_in_order_and_reading_empties_the_spool():
    spool = ChangeSpool()
    spool.extend(changes())
    assert len(spool) == len(changes()) >= 2
    assert list(spool.json_items()) == [json.dumps(c.as_dict(), ensure_ascii=False) for c in changes()]
    assert len(spool) == 0 and list(spool.json_items()) == []


def test_a_pickled_spool_travels_as_a_file_that_is_removed_once_read():
    spool = ChangeSpool()
    spool.extend(RecordChange(7, change) for change in changes())
    expected = [json.dumps({"record_line": 7, **c.as_dict()}, ensure_ascii=False) for c in changes()]
    received = pickle.loads(pickle.dumps(spool))
    path = received._path
    assert path is not None and os.path.exists(path)
    assert len(received) == len(expected)
    assert list(received.json_items()) == expected
    assert not os.path.exists(path)


def test_extending_with_a_received_spool_keeps_the_order():
    first, second = ChangeSpool(), ChangeSpool()
    first.append(changes()[0])
    second.extend(changes()[1:])
    first.extend(pickle.loads(pickle.dumps(second)))
    assert list(first.json_items()) == [json.dumps(c.as_dict(), ensure_ascii=False) for c in changes()]


def test_the_report_line_is_the_json_of_the_whole_record():
    spool = ChangeSpool()
    spool.extend(changes())
    report = io.StringIO()
    _write_record(report, Outcome("a “b”.txt", changed=True, changes=spool))
    record = {"file": "a “b”.txt", "changed": True, "error": None, "changes": [c.as_dict() for c in changes()]}
    assert report.getvalue() == json.dumps(record, ensure_ascii=False) + "\n"


def test_a_record_without_changes_has_an_empty_list():
    report = io.StringIO()
    _write_record(report, Outcome("x.txt", error="x.txt: unreadable"))
    assert json.loads(report.getvalue()) == {"file": "x.txt", "changed": False, "error": "x.txt: unreadable", "changes": []}


def test_no_spool_file_is_left_behind_by_a_report_with_workers(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from cleaner.cli import main

    spools = tmp_path / "tmp"
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))
    names = []
    for number in range(4):
        path = tmp_path / f"a{number}.txt"
        path.write_text(TEXT * 50)
        names.append(str(path))
    result = CliRunner().invoke(main, ["-j", "2", "--check", "--report", "json", *names])
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [line["file"] for line in lines] == names
    assert all(len(line["changes"]) == len(changes()) * 50 for line in lines)
    assert not [name for name in os.listdir(spools) if name.startswith("cleaner-changes-")]
