"""Group copies of one story (exact and near) and pick one canonical article per group.

Method:
1. Exact copies share `content_hash` (same normal form); each such group is handled as one text.
2. Every distinct text gets a MinHash of its word 5-shingles (`fingerprints.text_signature`, the
   pass's per-text map, which the asset stores so a rerun computes only new texts'); LSH banding
   (the bands of datasketch's MinHashLSH tuned to a low Jaccard, CANDIDATE_JACCARD) proposes
   candidate pairs without comparing all pairs, so the pass grows about linearly with the corpus.
3. A candidate pair is a near copy when its estimated Jaccard >= NEAR_JACCARD (same story with
   different furniture or edited words; each edited word changes up to 5 shingles), or when the
   smaller text is almost entirely contained in the larger (estimated containment >=
   NEAR_CONTAINMENT, sizes within MIN_SIZE_RATIO): a truncated wire copy that kept at least about
   half the story.
4. Near pairs are joined into clusters with union-find (so matches chain transitively).
5. Canonical of a cluster: most words, then earliest published_date (unknown dates last), then
   smallest source_file. Its id is "art_" + the first 16 hex of its content_hash, so the id is
   stable across runs and independent of input order.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from pipelines.dedup.fingerprints import NUM_PERM, TextSignature, lean_minhash, text_signature

Relation = Literal["canonical", "exact_duplicate", "near_duplicate"]

CANDIDATE_JACCARD = 0.3  # LSH threshold: low, so truncated copies become candidates too
NEAR_JACCARD = 0.5  # unrelated stories, even on one topic, share < 0.1 of 5-shingles
NEAR_CONTAINMENT = 0.8  # a truncated copy keeps its shingles; below this the shorter text was rewritten
MIN_SIZE_RATIO = 0.4  # a short lede is not a copy of a long feature that quotes it
MIN_CONTAINMENT_SHINGLES = 30  # too few shingles to trust containment (boilerplate-sized texts)


@dataclass(frozen=True)
class DedupItem:
    source_file: str
    body: str
    published_date: dt.date | None


@dataclass(frozen=True)
class DedupDocument:
    """A document as the reduce sees it: its text only by the normal form's hash."""

    source_file: str
    content_hash: str
    published_date: dt.date | None


@dataclass(frozen=True)
class SourceAssignment:
    """Which article a source document belongs to, and how."""

    source_file: str
    article_id: str
    relation: Relation
    similarity: float  # 1.0 for canonical and exact copies, estimated Jaccard to the canonical for near
    content_hash: str


@dataclass
class _Text:
    """One distinct normal form and the documents that share it."""

    content_hash: str
    items: list[DedupDocument]
    n_words: int
    n_shingles: int
    minhash: LeanMinHash | None


# Candidate pairs of the distinct texts' MinHashes (content hash -> MinHash), each pair (a, b) with
# a < b: `lsh_pairs` in this process, or the Spark engine's banding of the same bands.
CandidatePairs = Callable[[Mapping[str, MinHash]], Iterable[tuple[str, str]]]


def deduplicate(items: Sequence[DedupItem], candidate_pairs: CandidatePairs | None = None) -> list[SourceAssignment]:
    """One assignment per item, sorted by source_file; the result does not depend on input order.
    The map (`text_signature`, once per distinct body) and the reduce (`assign`) in one call."""
    signatures = {body: text_signature(body) for body in {item.body for item in items}}
    documents = [DedupDocument(item.source_file, signatures[item.body].content_hash, item.published_date) for item in items]
    return assign(documents, {s.content_hash: s for s in signatures.values()}, candidate_pairs)


def assign(
    documents: Sequence[DedupDocument], signatures: Mapping[str, TextSignature], candidate_pairs: CandidatePairs | None = None
) -> list[SourceAssignment]:
    """The cross-document reduce over every document's text signature (content hash -> signature):
    candidate pairs, near-copy clusters and their canonical choice. It reads nothing but the
    signatures, so stored ones give what fresh ones give."""
    texts = _distinct_texts(documents, signatures)
    parent = {key: key for key in texts}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        """Join the clusters of a and b if they are near copies (not tested when already joined)."""
        root_a, root_b = find(a), find(b)
        if root_a != root_b and _is_near_copy(texts[a], texts[b]):
            parent[max(root_a, root_b)] = min(root_a, root_b)

    minhashes = {key: text.minhash for key, text in sorted(texts.items()) if text.minhash is not None}
    # Pairs already in one cluster are skipped without a similarity test, so big clusters of copies
    # cost about linear time; the clusters (connected components) do not depend on the pairs' order.
    for a, b in sorted((candidate_pairs or lsh_pairs)(minhashes)):
        union(a, b)

    clusters: dict[str, list[_Text]] = defaultdict(list)
    for key, text in texts.items():
        clusters[find(key)].append(text)
    assignments = [a for members in clusters.values() for a in _assign_cluster(members)]
    return sorted(assignments, key=lambda a: a.source_file)


def _canonical_key(item: DedupDocument, n_words: int) -> tuple[int, dt.date, str]:
    """Sorts the canonical first: most words, then earliest date (unknown last), then source_file."""
    return -n_words, item.published_date or dt.date.max, item.source_file


def _distinct_texts(documents: Sequence[DedupDocument], signatures: Mapping[str, TextSignature]) -> dict[str, _Text]:
    """content_hash -> the documents sharing that normal form, with its word and shingle counts and MinHash."""
    grouped: dict[str, list[DedupDocument]] = defaultdict(list)
    for document in documents:
        grouped[document.content_hash].append(document)
    texts = {}
    for key, members in grouped.items():
        signature = signatures[key]
        minhash = lean_minhash(signature.minhash) if signature.minhash is not None else None
        texts[key] = _Text(key, members, signature.n_words, signature.n_shingles, minhash)
    return texts


def lsh_bands() -> tuple[int, int]:
    """(bands, rows per band) of the LSH index at CANDIDATE_JACCARD: band i is hash values
    [i * rows, (i + 1) * rows); two texts are candidates when any band is equal."""
    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def lsh_pairs(signatures: Mapping[str, MinHash]) -> list[tuple[str, str]]:
    """Every LSH candidate pair of the signatures: the pairs datasketch's index over `lsh_bands`
    gives, found by grouping each band's values at once (numpy) rather than by inserting and
    querying every text, which took most of the pass over a stored corpus."""
    keys = sorted(signatures)
    if len(keys) < 2:
        return []
    bands, rows = lsh_bands()
    matrix = np.stack([signatures[key].hashvalues for key in keys])
    pairs: set[tuple[str, str]] = set()
    for band in range(bands):
        # A band's values as one opaque item per text, so equal bands are equal items.
        values = np.ascontiguousarray(matrix[:, band * rows : (band + 1) * rows]).view(np.dtype((np.void, rows * matrix.itemsize)))
        _, group = np.unique(values.ravel(), return_inverse=True)
        order = np.argsort(group, kind="stable")  # texts of one group together, in key order
        starts = np.flatnonzero(np.diff(group[order], prepend=-1, append=-1))
        for start, end in zip(starts[:-1], starts[1:], strict=True):
            if end - start > 1:
                pairs.update(itertools.combinations([keys[i] for i in order[start:end]], 2))
    return sorted(pairs)


def _is_near_copy(a: _Text, b: _Text) -> bool:
    jaccard = a.minhash.jaccard(b.minhash)
    if jaccard >= NEAR_JACCARD:
        return True
    small, large = sorted((a.n_shingles, b.n_shingles))
    if small < MIN_CONTAINMENT_SHINGLES or small < MIN_SIZE_RATIO * large:
        return False
    # |A∩B| = J(|A|+|B|)/(1+J), so the share of the smaller set found in the larger is:
    containment = jaccard * (small + large) / ((1 + jaccard) * small)
    return containment >= NEAR_CONTAINMENT


def _assign_cluster(members: list[_Text]) -> list[SourceAssignment]:
    """Every item of a cluster of texts: its canonical item, exact copies of it, and near copies."""
    canonical_text, canonical = min(
        ((text, item) for text in members for item in text.items),
        key=lambda pair: _canonical_key(pair[1], pair[0].n_words),
    )
    article_id = "art_" + canonical_text.content_hash[:16]
    out = []
    for text in members:
        if text is canonical_text:
            relation: Relation = "exact_duplicate"
            similarity = 1.0
        else:
            relation = "near_duplicate"
            similarity = round(float(text.minhash.jaccard(canonical_text.minhash)), 4)
        for item in text.items:
            out.append(
                SourceAssignment(
                    source_file=item.source_file,
                    article_id=article_id,
                    relation="canonical" if item is canonical else relation,
                    similarity=1.0 if item is canonical else similarity,
                    content_hash=text.content_hash,
                )
            )
    return out
