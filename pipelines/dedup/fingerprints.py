"""Text fingerprints for duplicate detection: a normal form, its hash, and word shingles."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Typographic variants that copies of one story differ in depending on the site's CMS.
_UNIFY = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)
_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
SHINGLE_WORDS = 5


def normalise(text: str) -> str:
    """NFKC, case-folded, quotes/dashes unified, invisible characters dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_UNIFY)
    return _WHITESPACE.sub(" ", text).strip()


def content_hash(text: str) -> str:
    """sha256 hex of the normal form: equal for copies that differ only in case, spacing or typography."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def words(text: str) -> list[str]:
    """The words of the normal form; punctuation is ignored so it cannot break shingles."""
    return _WORD.findall(normalise(text))


def shingles(tokens: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    """Distinct runs of `size` consecutive words (the whole text if shorter), UTF-8 encoded."""
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}
