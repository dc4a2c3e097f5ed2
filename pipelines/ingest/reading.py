"""Find input files and turn each into decoded documents, or into rejections that say why not.

Nothing here raises for bad input: an unreadable, empty, oversized, binary or undecodable file
becomes a `Rejection` with a machine-readable reason code and a sentence a person can act on.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

import ftfy
from charset_normalizer import from_bytes

from pipelines.parallel import map_chunks
from pipelines.records import DocumentKind, RawDocument, Rejection

MAX_BYTES = 10 * 1024 * 1024  # larger inputs are not news articles (dumps, archives, logs)
TEXT_SUFFIXES: dict[str, DocumentKind] = {".txt": "text", ".html": "html", ".htm": "html"}
JSONL_SUFFIX = ".jsonl"
JSONL_TEXT_FIELDS = ("text", "body", "content")
JSONL_DATE_FIELDS = ("published", "published_date", "date")

# Leading bytes of common binary formats that can slip through without NUL bytes early on.
BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"BZh",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",
    b"OggS",
    b"ID3",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"wOFF",
    b"wOF2",
)
BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Single-byte code pages for Latin-script languages, as charset-normalizer names them.
LATIN_CODEPAGES = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp437",
        "cp775",
        "cp850",
        "cp852",
        "cp858",
        "cp1258",
        "latin_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
    }
)
SNIFF_BYTES = 8192  # enough of a file's start to hold a <meta charset> or show binary bytes
HASH_BLOCK_BYTES = 1 << 20  # hash files in 1 MiB reads, so memory stays flat whatever the size
MAX_CONTROL_RATIO = 0.05  # text has tabs and newlines, almost never other C0 controls
CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Keep typographic quotes (the clean stage and readers want the original), but repair mojibake.
FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)


class _Undecodable(Exception):
    pass


def discover(input_dirs: Sequence[Path]) -> list[tuple[Path, str]]:
    """Every non-hidden entry under the folders as (absolute path, "<folder name>/<relative path>"):
    regular files, and also what cannot be read as one (links that lead nowhere or loop, links to
    folders, pipes, sockets, devices, folders that cannot be listed), so each ends in a row of its
    own (see `entry_problem`). Links to files are followed; links to folders are not walked.

    Hidden files and folders (name starting with ".") are skipped. Sorted by source_file.
    """
    names = [Path(d).resolve().name for d in input_dirs]
    if len(set(names)) != len(names):
        raise ValueError(f"input folders must have distinct names to keep source files apart: {names}")
    found: list[tuple[Path, str]] = []
    for folder, name in zip(input_dirs, names, strict=True):
        root = Path(folder).resolve()
        unlisted: list[OSError] = []
        for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted.append):
            links = [d for d in dirnames if Path(dirpath, d).is_symlink()]
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in links]
            for filename in [*filenames, *links]:
                if not filename.startswith("."):
                    path = Path(dirpath, filename)
                    found.append((path, f"{name}/{path.relative_to(root).as_posix()}"))
        for error in unlisted:
            path = Path(error.filename)
            if path != root and not path.name.startswith("."):
                found.append((path, f"{name}/{path.relative_to(root).as_posix()}"))
    return sorted(found, key=lambda item: item[1])


def entry_problem(path: Path, source_file: str) -> Rejection | None:
    """Why an entry cannot be read as a file, without opening it (a pipe would block): None for a
    regular file, or a link to one."""
    try:
        mode = path.stat().st_mode  # follows links
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Rejection(source_file, "symlink_loop", "The link points, through other links, back to itself.", 0)
        if path.is_symlink():
            return Rejection(source_file, "broken_link", f"The link points to {os.readlink(path)!r}, which does not exist.", 0)
        return Rejection(source_file, "unreadable", f"The entry could not be examined ({error.strerror}).", 0)
    if stat.S_ISDIR(mode):
        if path.is_symlink():
            return Rejection(
                source_file, "not_a_file", "A link to a folder; links to folders are not followed (add the folder as an input).", 0
            )
        return Rejection(source_file, "unreadable", "The folder could not be listed (permission denied).", 0)
    if not stat.S_ISREG(mode):
        return Rejection(source_file, "not_a_file", "Not a regular file (a pipe, socket or device).", 0)
    if not os.access(path, os.R_OK):
        return Rejection(source_file, "unreadable", "The file cannot be read (permission denied).", 0)
    return None


def file_sha256(path: Path) -> str:
    """sha256 hex of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(HASH_BLOCK_BYTES), b""):
            digest.update(block)
    return digest.hexdigest()


def read_file(path: Path, source_file: str) -> list[RawDocument | Rejection]:
    """Decode one input file: one document (.txt, .html, .htm) or one per JSONL line, or rejections."""
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as error:
        return [Rejection(source_file, "unreadable", f"The file could not be opened ({error.strerror}).", 0)]
    if suffix not in TEXT_SUFFIXES and suffix != JSONL_SUFFIX:
        return [
            Rejection(
                source_file,
                "unsupported_type",
                f"Files ending in '{suffix or '(none)'}' are not read; use .txt, .html, .htm or .jsonl.",
                size,
            )
        ]
    if size == 0:
        return [Rejection(source_file, "empty", "The file is empty (0 bytes).", 0)]
    if size > MAX_BYTES:
        return [
            Rejection(
                source_file,
                "too_large",
                f"The file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for one input; split it or drop it.",
                size,
            )
        ]
    try:
        data = path.read_bytes()
    except OSError as error:
        return [Rejection(source_file, "unreadable", f"The file could not be read ({error.strerror}).", size)]
    problem = _check_bytes(data, source_file)
    if problem:
        return [problem]
    if suffix == JSONL_SUFFIX:
        return _read_jsonl(data, source_file)
    kind = TEXT_SUFFIXES[suffix]
    try:
        text, encoding = decode_bytes(data, html=kind == "html")
    except _Undecodable:
        return [_undecodable(source_file, len(data))]
    if not text.strip():
        return [Rejection(source_file, "empty", "The file holds only whitespace.", size)]
    return [RawDocument(source_file, hashlib.sha256(data).hexdigest(), size, kind, fix_mojibake(text), encoding)]


def decode_bytes(data: bytes, html: bool = False) -> tuple[str, str]:
    """Decode to text: BOM, then strict UTF-8, then a declared <meta charset>, then a detected guess.

    Valid UTF-8 wins over a declared charset because pages often keep a stale declaration after
    being re-saved as UTF-8, while non-ASCII cp1252 text is almost never valid UTF-8 by accident.
    Returns (text, encoding name); raises _Undecodable when nothing plausible fits.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        declared = META_CHARSET.search(data[:SNIFF_BYTES])
        if declared:
            try:
                encoding = codecs.lookup(declared.group(1).decode("ascii")).name
                return data.decode(encoding), encoding
            except (LookupError, UnicodeDecodeError):
                pass
    best = from_bytes(data).best()
    if best is None:
        raise _Undecodable
    # Short texts tie between Latin code pages, and the detector picks among them almost at random;
    # for English news the Windows Western page is by far the likeliest of that family.
    if best.encoding in LATIN_CODEPAGES:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


def fix_mojibake(text: str) -> str:
    """Repair text that was decoded with the wrong codec upstream (e.g. "â€™" -> "’", "Ã©" -> "é")."""
    return ftfy.fix_text(text, config=FTFY_CONFIG)


def _check_bytes(data: bytes, source_file: str) -> Rejection | None:
    """Reject binary content; text with a UTF-16/32 BOM legitimately contains NUL bytes."""
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    head = data[:SNIFF_BYTES]
    reason = None
    if head.startswith(BINARY_MAGIC):
        reason = "it starts with the signature of a binary format (image, archive, PDF or executable)"
    elif b"\x00" in data:
        reason = "it contains NUL bytes"
    elif sum(byte in CONTROL_BYTES for byte in head) > MAX_CONTROL_RATIO * len(head):
        reason = "too many of its bytes are control characters"
    if reason is None:
        return None
    return Rejection(source_file, "binary", f"The file looks binary, not text: {reason}.", len(data))


def _undecodable(source_file: str, size: int) -> Rejection:
    return Rejection(source_file, "undecodable", "No text encoding fits these bytes; re-save the file as UTF-8.", size)


def _read_jsonl(data: bytes, source_file: str) -> list[RawDocument | Rejection]:
    """One document per non-blank line; each bad line becomes its own rejection."""
    if not data.strip():
        return [Rejection(source_file, "empty", "The file holds only whitespace.", len(data))]
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    out: list[RawDocument | Rejection] = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        out.append(_read_jsonl_line(line.rstrip(b"\r"), f"{source_file}#L{number}"))
    return out


def _read_jsonl_line(line: bytes, source_file: str) -> RawDocument | Rejection:
    size = len(line)

    def malformed(why: str) -> Rejection:
        return Rejection(source_file, "malformed_jsonl", f"This JSONL line {why}.", size)

    try:
        decoded, encoding = decode_bytes(line)
    except _Undecodable:
        return _undecodable(source_file, size)
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as error:
        return malformed(f"is not valid JSON ({error.msg} at column {error.colno})")
    if not isinstance(record, dict):
        return malformed(f"is a JSON {type(record).__name__}, not an object")
    kind: DocumentKind = "text"
    text = _first_string(record, JSONL_TEXT_FIELDS)
    if text is None:
        kind, text = "html", _first_string(record, ("html",))
    if text is None:
        return malformed("has no non-empty string field 'text', 'body', 'content' or 'html'")
    if not text.strip():
        return Rejection(source_file, "empty", "The line's text field holds only whitespace.", size)
    return RawDocument(
        source_file=source_file,
        raw_sha256=hashlib.sha256(line).hexdigest(),
        size_bytes=size,
        kind=kind,
        text=fix_mojibake(text),
        encoding=encoding,
        url=_first_string(record, ("url",)),
        title=_optional_fixed(_first_string(record, ("title",))),
        published=_first_string(record, JSONL_DATE_FIELDS),
    )


def _first_string(record: dict, fields: Sequence[str]) -> str | None:
    """The first field holding a non-empty string (whitespace-only still counts, to be rejected as empty)."""
    for name in fields:
        value = record.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def _optional_fixed(value: str | None) -> str | None:
    return fix_mojibake(value) if value is not None else None


def _read_chunk(files: Sequence[tuple[Path, str]]) -> list[list[RawDocument | Rejection]]:
    return [read_file(path, source_file) for path, source_file in files]


def read_files(files: Sequence[tuple[Path, str]], processes: int | None = None) -> list[list[RawDocument | Rejection]]:
    """`read_file` over (path, source_file) pairs on `processes` cores: one result list per file, in order."""
    return map_chunks(_read_chunk, files, processes)
