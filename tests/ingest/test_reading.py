"""Reading input files: what becomes a document, what is rejected and why, and how bytes are decoded."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import polars as pl
import pytest

from pipelines.ingest.incremental import ingest
from pipelines.ingest.reading import MAX_BYTES, discover, entry_problem, file_sha256, read_file, read_files
from pipelines.records import RawDocument, Rejection

STORY = "The council approved the new budget on Tuesday after a long debate.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_one(path: Path) -> RawDocument | Rejection:
    (result,) = read_file(path, path.name)
    return result


def test_discover_walks_folders_sorted_skips_hidden_and_prefixes_folder_name(tmp_path):
    inbox, archive = tmp_path / "inbox", tmp_path / "archive"
    write(inbox, "b.txt", STORY)
    write(inbox, "sub/a.html", "<p>x</p>")
    write(inbox, ".hidden.txt", STORY)
    write(inbox, ".cache/c.txt", STORY)
    write(archive, "b.txt", STORY)
    found = discover([inbox, archive])
    assert [source for _, source in found] == ["archive/b.txt", "inbox/b.txt", "inbox/sub/a.html"]
    assert all(path.is_absolute() and path.is_file() for path, _ in found)


def test_file_sha256_matches_hashlib(tmp_path):
    path = write(tmp_path, "a.txt", STORY * 1000)
    assert file_sha256(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_text_and_html_files_become_documents(tmp_path):
    text = read_one(write(tmp_path, "story.txt", STORY))
    page = read_one(write(tmp_path, "page.HTM", "<html><body><p>Hello</p></body></html>"))
    assert isinstance(text, RawDocument) and text.kind == "text" and text.text == STORY
    assert text.encoding == "utf-8" and text.size_bytes == len(STORY)
    assert text.raw_sha256 == hashlib.sha256(STORY.encode()).hexdigest()
    assert isinstance(page, RawDocument) and page.kind == "html"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\r\n  ", "empty"),
        ("nul.txt", b"Some words\x00\x00 and more words", "binary"),
        ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
        ("controls.txt", bytes([1, 2, 3, 4, 5, 6, 14, 15, 16]) * 20 + b"text", "binary"),
        ("feed.jsonl", b"\x1f\x8b\x08\x00" + bytes(200), "binary"),
        ("report.pdf", b"%PDF-1.4", "unsupported_type"),
        ("notes", STORY.encode(), "unsupported_type"),
    ],
)
def test_bad_files_are_rejected_with_a_reason_and_a_sentence(tmp_path, name, data, reason):
    result = read_one(write(tmp_path, name, data))
    assert isinstance(result, Rejection)
    assert (result.reason, result.size_bytes, result.source_file) == (reason, len(data), name)
    assert result.detail.endswith(".") and len(result.detail) > 20


def test_bytes_that_fit_no_encoding_are_undecodable(tmp_path):
    data = bytes(range(128, 256)) * 3  # every high byte, no text structure at all
    result = read_one(write(tmp_path, "odd.txt", data))
    assert isinstance(result, Rejection) and result.reason == "undecodable"
    assert result.size_bytes == len(data)


def test_oversized_file_is_rejected_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: instant, and takes no disk space
        handle.truncate(50 * 1024 * 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a too-large file"))
    result = read_one(path)
    assert isinstance(result, Rejection) and result.reason == "too_large"
    assert result.size_bytes == 50 * 1024 * 1024 > MAX_BYTES


def test_cp1251_russian_text_decodes_to_cyrillic(tmp_path):
    text = "Президент заявил сегодня, что правительство продолжит экономические реформы в стране.\n"
    result = read_one(write(tmp_path, "ru.txt", text.encode("cp1251")))
    assert isinstance(result, RawDocument)
    assert result.text == text and result.encoding == "cp1251"


def test_cp1252_curly_quotes_and_accents_decode_right(tmp_path):
    text = "He said “it’s fine” — really, the café’s déjà vu.\n"
    result = read_one(write(tmp_path, "quotes.txt", text.encode("cp1252")))
    assert isinstance(result, RawDocument)
    assert result.text == text and result.encoding == "cp1252"


def test_utf8_bom_is_dropped(tmp_path):
    result = read_one(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + "Café news.".encode()))
    assert isinstance(result, RawDocument)
    assert result.text == "Café news." and result.encoding == "utf-8-sig"


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    result = read_one(write(tmp_path, "wide.txt", "Wide news story.".encode("utf-16")))
    assert isinstance(result, RawDocument) and result.text == "Wide news story."


def test_html_meta_charset_is_honoured(tmp_path):
    page = '<html><head><meta charset="windows-1251"></head><body><p>Новости дня</p></body></html>'
    result = read_one(write(tmp_path, "page.html", page.encode("cp1251")))
    assert isinstance(result, RawDocument)
    assert "Новости дня" in result.text and result.encoding == "cp1251"


def test_mojibake_is_repaired_but_typographic_quotes_are_kept(tmp_path):
    result = read_one(write(tmp_path, "mojibake.txt", "The minister’s café reopened.".encode().decode("cp1252").encode("utf-8")))
    assert isinstance(result, RawDocument)
    assert result.text == "The minister’s café reopened."


def test_jsonl_lines_become_documents_and_bad_lines_rejections(tmp_path):
    lines = [
        json.dumps({"text": "First story.", "url": "https://example.org/1", "title": "One", "published": "2024-03-01"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"html": "<p>Second story.</p>", "date": "2024-03-02"}),
        json.dumps({"title": "no body"}),
        json.dumps({"body": "Third story with the cafÃ© mojibake."}),
        json.dumps({"content": "   "}),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    results = read_file(path, "inbox/feed.jsonl")
    summary = [(r.source_file, r.reason if isinstance(r, Rejection) else r.kind) for r in results]
    assert summary == [
        ("inbox/feed.jsonl#L1", "text"),
        ("inbox/feed.jsonl#L3", "malformed_jsonl"),
        ("inbox/feed.jsonl#L4", "malformed_jsonl"),
        ("inbox/feed.jsonl#L5", "html"),
        ("inbox/feed.jsonl#L6", "malformed_jsonl"),
        ("inbox/feed.jsonl#L7", "text"),
        ("inbox/feed.jsonl#L8", "empty"),
    ]
    first, second, third = (r for r in results if isinstance(r, RawDocument))
    assert (first.text, first.url, first.title, first.published) == ("First story.", "https://example.org/1", "One", "2024-03-01")
    assert first.raw_sha256 == hashlib.sha256(lines[0].encode()).hexdigest()
    assert first.size_bytes == len(lines[0])
    assert (second.text, second.published, second.url) == ("<p>Second story.</p>", "2024-03-02", None)
    assert third.text == "Third story with the café mojibake."


def test_read_files_keeps_order_across_processes(tmp_path):
    for i in range(150):
        write(tmp_path / "in", f"{i:03d}.txt", f"Story number {i}.")
    files = discover([tmp_path / "in"])
    results = read_files(files, processes=2)
    assert [records[0].source_file for records in results] == [source for _, source in files]
    assert results == read_files(files, processes=1)


def test_every_entry_that_is_no_readable_file_is_found_and_named_without_being_opened(tmp_path):
    folder = tmp_path / "in"
    write(folder, "story.txt", "Rebels seized the town.")
    (folder / "sub").mkdir()
    (folder / "link.txt").symlink_to(folder / "story.txt")
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "loop_a").symlink_to(folder / "loop_b")
    (folder / "loop_b").symlink_to(folder / "loop_a")
    (folder / "folder_link").symlink_to(folder / "sub")
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block the build
    found = discover([folder])
    reasons = {source: (problem.reason if (problem := entry_problem(path, source)) else None) for path, source in found}
    assert reasons == {
        "in/dangling.txt": "broken_link",
        "in/folder_link": "not_a_file",
        "in/link.txt": None,  # a link to a file is read as the file
        "in/loop_a": "symlink_loop",
        "in/loop_b": "symlink_loop",
        "in/pipe.txt": "not_a_file",
        "in/story.txt": None,
    }


def test_ingest_rejects_what_cannot_be_read_and_keeps_the_rest(tmp_path):
    folder = tmp_path / "in"
    write(folder, "story.txt", "Rebels seized the town.")
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    os.mkfifo(folder / "pipe.txt")
    empty = pl.DataFrame()
    result = ingest(discover([folder]), empty, empty, empty, file_sha256, read_files)
    assert result.input_files["input_file"].to_list() == ["in/dangling.txt", "in/pipe.txt", "in/story.txt"]
    assert dict(zip(result.rejections["source_file"], result.rejections["reason"], strict=True)) == {
        "in/dangling.txt": "broken_link",
        "in/pipe.txt": "not_a_file",
    }
    assert result.documents["source_file"].to_list() == ["in/story.txt"]
