"""Incremental ingest: unchanged files are not read again, changed and new ones are."""

import polars as pl

from pipelines.ingest.incremental import ingest
from pipelines.records import RawDocument, Rejection


def fake_reader(calls):
    def read(path, source_file):
        calls.append(source_file)
        text = path.read_text()
        if not text:
            return [Rejection(source_file, "empty", "The file is empty.", 0)]
        return [RawDocument(source_file, "sha", len(text), "text", text, "utf-8")]

    return lambda files: [read(path, source_file) for path, source_file in files]


def run(files, previous, calls):
    return ingest(files, *previous, hash_file=lambda p: p.read_text(), read_files=fake_reader(calls))


def test_only_new_or_changed_files_are_read_and_rows_of_the_rest_are_kept(tmp_path):
    a, b, c = (tmp_path / name for name in ("a.txt", "b.txt", "c.txt"))
    a.write_text("first story")
    b.write_text("")
    files = [(a, "in/a.txt"), (b, "in/b.txt")]
    empty = (pl.DataFrame(), pl.DataFrame(), pl.DataFrame())

    calls = []
    first = run(files, empty, calls)
    assert calls == ["in/a.txt", "in/b.txt"]
    assert first.documents["source_file"].to_list() == ["in/a.txt"]
    assert first.rejections["reason"].to_list() == ["empty"]

    calls = []
    again = run(files, (first.input_files, first.documents, first.rejections), calls)
    assert calls == []
    assert again.documents.equals(first.documents) and again.rejections.equals(first.rejections)
    assert again.files_read == 0

    a.write_text("first story, corrected")
    c.write_text("another story")
    calls = []
    changed = run([*files, (c, "in/c.txt")], (again.input_files, again.documents, again.rejections), calls)
    assert calls == ["in/a.txt", "in/c.txt"]
    assert changed.documents["text"].to_list() == ["first story, corrected", "another story"]


def test_a_file_that_disappeared_leaves_no_rows(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("story")
    first = run([(a, "in/a.txt")], (pl.DataFrame(), pl.DataFrame(), pl.DataFrame()), [])
    gone = run([], (first.input_files, first.documents, first.rejections), [])
    assert gone.documents.is_empty() and gone.input_files.is_empty()
