"""Text fingerprints for duplicate detection: a normal form, its hash, word shingles and their MinHash.

Everything here is a function of one text and of this file (with the datasketch release that
permutes the hashes): `signature_version()` names it, so a stored signature is reused exactly while
both are unchanged (dedup/assets.py).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from datasketch import LeanMinHash, MinHash

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
NUM_PERM = 128  # estimate error ~0.04 at Jaccard 0.5; cheap to compute and to band
SEED = 1  # fixed, so MinHash signatures (and so the clusters) are the same on every run
SCHEME = "affine32"


@dataclass(frozen=True)
class TextSignature:
    """What the near-duplicate pass needs of one distinct normal form (the pass's per-text map)."""

    content_hash: str
    n_words: int
    n_shingles: int
    minhash: list[int] | None  # the MinHash's hash values; None for a text without words


def normalise(text: str) -> str:
    """NFKC, case-folded, quotes/dashes unified, invisible characters dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_UNIFY)
    return _WHITESPACE.sub(" ", text).strip()


def content_hash(text: str) -> str:
    """sha256 hex of the normal form: equal for copies that differ only in case, spacing or typography."""
    return _hash_of_normal(normalise(text))


def _hash_of_normal(normal: str) -> str:
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def words(text: str) -> list[str]:
    """The words of the normal form; punctuation is ignored so it cannot break shingles."""
    return _WORD.findall(normalise(text))


def shingles(tokens: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    """Distinct runs of `size` consecutive words (the whole text if shorter), UTF-8 encoded."""
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def text_signature(text: str) -> TextSignature:
    """The content hash, word and shingle counts and MinHash of one text (normalised once)."""
    normal = normalise(text)
    tokens = _WORD.findall(normal)
    grams = shingles(tokens)
    hashvalues = None
    if grams:
        # crc32 is fast and the same in every process; MinHash mixes it before permuting.
        minhash = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32, permutations=_permutations(), scheme=SCHEME)
        minhash.update_batch(grams)
        hashvalues = minhash.hashvalues.tolist()
    return TextSignature(_hash_of_normal(normal), len(tokens), len(grams), hashvalues)


def lean_minhash(hashvalues: list[int]) -> LeanMinHash:
    """A stored signature's MinHash, for comparing and banding (a fresh one goes through this too,
    so every MinHash of a pass holds its values in one form)."""
    return LeanMinHash(seed=SEED, hashvalues=hashvalues, scheme=SCHEME)


@cache
def signature_version() -> str:
    """This file's source and the datasketch release: what a signature is a function of besides its text."""
    return hashlib.sha256(Path(__file__).read_bytes() + f"datasketch {version('datasketch')}".encode()).hexdigest()


@cache
def _permutations() -> tuple:
    """The permutations of SEED, built once and shared by every MinHash."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
