"""Throughput benchmark of ingest -> clean -> dedup on a corpus of real news stories.

    python -m pipelines.benchmark --articles 3000

The corpus is built from gensim's Lee corpus (a few hundred real Australian news stories, one per
line), replicated with invented page furniture, edited words, truncations and byte-for-byte
copies, so that the planted duplicates are known and detection can be scored. Each section is a
small function returning table rows, so later stages can add their own sections.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.clean.articles import clean_documents
from pipelines.dedup.fingerprints import shingles, words
from pipelines.dedup.near_duplicates import NEAR_CONTAINMENT, NEAR_JACCARD, DedupItem, SourceAssignment, deduplicate
from pipelines.ingest.reading import discover, read_files
from pipelines.records import CleanArticle, RawDocument, Rejection

# Invented furniture: navigation, share buttons and footers that differ between "sites".
SITES = ["The Harbour Gazette", "Northern Daily Post", "Valley Courier", "Metro Wire Online", "Coastal Herald"]
TOP_FURNITURE = [
    "Home | News | Politics | Business | Sport | Weather",
    "Skip to main content",
    "Menu  Search  Sign in",
    "Latest headlines from {site}",
    "Subscribe for unlimited access to {site}",
]
BOTTOM_FURNITURE = [
    "Share on Facebook  Share on Twitter  Email this story",
    "Copyright {year} {site}. All rights reserved.",
    "Read more: the stories our editors picked for you today",
    "Comments are closed for this story.",
    "Get the morning briefing from {site} in your inbox",
]
JSONL_BUNDLE = 25  # lines per JSONL file
REPLACEMENT_WORDS = ["officials", "reportedly", "earlier", "several", "major", "local", "new", "senior"]


@dataclass
class Corpus:
    folder: Path
    story_of: dict[str, int] = field(default_factory=dict)  # source_file -> planted story
    planted: Counter = field(default_factory=Counter)  # variant kind -> count


@dataclass
class StageTiming:
    name: str
    seconds: float
    items: int


def load_stories() -> list[str]:
    """Distinct real stories from the Lee corpus files (read directly, one story per line)."""
    from gensim.test.utils import datapath  # bench-only dependency

    stories: dict[str, None] = {}
    for name in ("lee_background.cor", "lee.cor"):
        with open(datapath(name), encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if len(line.split()) >= 40:
                    stories[line.strip()] = None
    return list(stories)


def source_near_copies(stories: Sequence[str]) -> dict[int, int]:
    """Story -> smallest story it is a near copy of, by exact shingle sets over all pairs.

    The Lee corpus itself holds a few near-identical stories; they count as one planted story.
    Exact sets (not MinHash) and all pairs make this an independent check of the LSH pass.
    """
    sets = [shingles(words(story)) for story in stories]
    group = list(range(len(stories)))

    def find(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i, j in itertools.combinations(range(len(stories)), 2):
        common = len(sets[i] & sets[j])
        jaccard = common / len(sets[i] | sets[j])
        containment = common / min(len(sets[i]), len(sets[j]))
        if jaccard >= NEAR_JACCARD or containment >= NEAR_CONTAINMENT:
            root_i, root_j = find(i), find(j)
            group[max(root_i, root_j)] = min(root_i, root_j)
    return {i: find(i) for i in range(len(stories))}


def _sentences(story: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", story)


def _page(sentences: Sequence[str], rng: random.Random) -> str:
    """A page: furniture, a headline, paragraphs of 1-3 sentences, furniture."""
    site = rng.choice(SITES)
    fill = {"site": site, "year": rng.randint(2001, 2024)}
    top = [line.format(**fill) for line in rng.sample(TOP_FURNITURE, 2)]
    bottom = [line.format(**fill) for line in rng.sample(BOTTOM_FURNITURE, 2)]
    headline = " ".join(sentences[0].split()[:9]).rstrip(",.;:")
    paragraphs, i = [], 0
    while i < len(sentences):
        step = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i:i + step]))
        i += step
    return "\n\n".join([*top, headline, *paragraphs, *bottom]) + "\n"


def _edited(sentences: list[str], rng: random.Random) -> list[str]:
    """Replace 1-3 words, as copy editors do between syndicated versions."""
    words = " ".join(sentences).split(" ")
    for position in rng.sample(range(len(words)), rng.randint(1, 3)):
        words[position] = rng.choice(REPLACEMENT_WORDS)
    return _sentences(" ".join(words))


def build_corpus(folder: Path, n_articles: int, seed: int = 7) -> Corpus:
    """Write `n_articles` documents: every story once, then planted exact, edited and truncated copies.

    Every 40th document goes into a JSONL bundle instead of its own .txt file.
    """
    rng = random.Random(seed)
    stories = load_stories()
    same_story = source_near_copies(stories)
    corpus = Corpus(folder)
    first_page: dict[int, str] = {}
    jsonl_lines: list[str] = []
    for i in range(n_articles):
        story_id = i % len(stories)
        sentences = _sentences(stories[story_id])
        if story_id not in first_page:
            kind, page = "original", _page(sentences, rng)
            first_page[story_id] = page
        else:
            kind = rng.choices(["exact", "edited", "truncated"], weights=[25, 40, 35])[0]
            if kind == "exact":
                page = first_page[story_id]
            elif kind == "edited":
                page = _page(_edited(sentences, rng), rng)
            else:
                keep = max(2, round(len(sentences) * rng.uniform(0.6, 0.85)))
                page = _page(sentences[:keep], rng)
        corpus.planted[kind] += 1
        if i % 40 == 39:
            jsonl_lines.append(json.dumps({"text": page, "url": f"https://example.org/{i}", "published": f"2001-12-{1 + i % 28:02d}"}))
            bundle, line = divmod(len(jsonl_lines) - 1, JSONL_BUNDLE)
            corpus.story_of[f"{folder.name}/bundle_{bundle:03d}.jsonl#L{line + 1}"] = same_story[story_id]
        else:
            subfolder = folder / f"batch_{i // 500:02d}"
            subfolder.mkdir(exist_ok=True)
            path = subfolder / f"story_{i:05d}.txt"
            path.write_text(page, encoding="utf-8")
            corpus.story_of[f"{folder.name}/{path.relative_to(folder).as_posix()}"] = same_story[story_id]
    for bundle, start in enumerate(range(0, len(jsonl_lines), JSONL_BUNDLE)):
        lines = jsonl_lines[start:start + JSONL_BUNDLE]
        (folder / f"bundle_{bundle:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


@dataclass
class PipelineRun:
    timings: list[StageTiming]
    rejected: list[Rejection]
    articles: list[CleanArticle]
    assignments: list[SourceAssignment]


def run_pipeline(corpus: Corpus, processes: int | None) -> PipelineRun:
    timings = []
    start = time.perf_counter()
    files = discover([corpus.folder])
    read = [record for records in read_files(files, processes) for record in records]
    timings.append(StageTiming("ingest (discover + read)", time.perf_counter() - start, len(files)))
    docs = [d for d in read if isinstance(d, RawDocument)]
    rejected = [d for d in read if isinstance(d, Rejection)]

    start = time.perf_counter()
    cleaned = clean_documents(docs, processes)
    timings.append(StageTiming("clean", time.perf_counter() - start, len(docs)))
    articles = [a for a in cleaned if isinstance(a, CleanArticle)]
    rejected += [a for a in cleaned if isinstance(a, Rejection)]

    start = time.perf_counter()
    items = [DedupItem(a.source_file, a.body, a.published_date) for a in articles]
    assignments = deduplicate(items)
    timings.append(StageTiming("dedup (exact + near)", time.perf_counter() - start, len(items)))
    return PipelineRun(timings, rejected, articles, assignments)


def timing_rows(timings: Sequence[StageTiming], n_articles: int) -> list[tuple[str, str]]:
    rows = [(t.name, f"{t.seconds:7.2f} s  {t.items / t.seconds:8.0f} items/s") for t in timings]
    total = sum(t.seconds for t in timings)
    rows.append(("total ingest+clean+dedup", f"{total:7.2f} s  {n_articles / total:8.0f} articles/s"))
    return rows


def detection_rows(corpus: Corpus, assignments: Sequence[SourceAssignment]) -> list[tuple[str, str]]:
    """Pairwise precision/recall of 'same article' against the planted stories."""
    by_article: dict[str, list[int]] = defaultdict(list)
    by_story: Counter = Counter()
    for a in assignments:
        by_article[a.article_id].append(corpus.story_of[a.source_file])
        by_story[corpus.story_of[a.source_file]] += 1
    predicted = sum(len(s) * (len(s) - 1) // 2 for s in by_article.values())
    correct = sum(n * (n - 1) // 2 for s in by_article.values() for n in Counter(s).values())
    planted = sum(n * (n - 1) // 2 for n in by_story.values())
    relations = Counter(a.relation for a in assignments)
    same_hash = sum(n - 1 for n in Counter(a.content_hash for a in assignments).values())
    return [
        ("articles (canonical)", f"{relations['canonical']} found / {len(by_story)} planted stories"),
        ("exact copies (same content_hash)", f"{same_hash} found / {corpus.planted['exact']} planted byte copies "
                                             "(more: pages differing only in furniture clean removed)"),
        ("relation to canonical", ", ".join(f"{relations[r]} {r}" for r in ("canonical", "exact_duplicate", "near_duplicate"))),
        ("near copies planted", f"{corpus.planted['edited']} edited, {corpus.planted['truncated']} truncated"),
        ("same-article pairs: precision", f"{correct / predicted:.3f}" if predicted else "n/a"),
        ("same-article pairs: recall", f"{correct / planted:.3f}" if planted else "n/a"),
    ]


def scaling_rows(articles: Sequence[CleanArticle], factors: Sequence[int] = (1, 2, 4)) -> list[tuple[str, str]]:
    """Dedup time on the corpus replicated k times; every third word is marked per replica, so
    replicas share no 5-shingle and behave like new stories with the same duplicate structure."""
    rows = []
    base = None
    for k in factors:
        items = []
        for replica in range(k):
            for a in articles:
                body = _mark_words(a.body, f"r{replica}") if replica else a.body
                items.append(DedupItem(f"{replica}/{a.source_file}", body, None))
        seconds = min(_cpu_seconds(deduplicate, items) for _ in range(2))  # best of 2: other jobs share the cores
        base = base or seconds
        rows.append((f"dedup at {k}x ({len(items)} items)", f"{seconds:7.2f} s CPU  ({seconds / base:.1f}x the 1x time)"))
    return rows


def _mark_words(text: str, mark: str) -> str:
    """Append `mark` to every third word (as the dedup stage tokenises), so no 5-shingle survives."""
    counter = itertools.count()
    return re.sub(r"\w+", lambda m: m.group() + mark if next(counter) % 3 == 0 else m.group(), text)


def _cpu_seconds(fn: Callable[..., object], *args: object) -> float:
    """CPU time of this process, which other jobs on the machine disturb less than wall time."""
    start = time.process_time()
    fn(*args)
    return time.process_time() - start


def memory_rows() -> list[tuple[str, str]]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return [("peak memory (max RSS)", f"{own:.0f} MB main process, {children:.0f} MB largest worker")]


def print_table(title: str, rows: Sequence[tuple[str, str]]) -> None:
    width = max(len(label) for label, _ in rows)
    print(f"\n{title}")
    print("-" * (width + 40))
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="documents to generate")
    parser.add_argument("--processes", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="news-bench-") as tmp:
        folder = Path(tmp, "corpus")
        folder.mkdir()
        corpus = build_corpus(folder, args.articles, args.seed)
        run = run_pipeline(corpus, args.processes)
        print_table(f"Corpus: {len(corpus.story_of)} documents in {len(discover([folder]))} files, "
                    f"{len(set(corpus.story_of.values()))} distinct real stories; {len(run.rejected)} rejected",
                    timing_rows(run.timings, len(corpus.story_of)))
        print_table("Duplicate detection vs planted copies", detection_rows(corpus, run.assignments))
        print_table("Near-duplicate pass scaling", scaling_rows(run.articles))
        print_table("Memory", memory_rows())
    return 0


if __name__ == "__main__":
    sys.exit(main())
