"""Benchmark of the pipeline's stages on real news stories, printing figures (never asserting them).

    python -m pipelines bench [--sections ingest,nlp,incremental] [--articles 3000]

- ingest: ingest -> clean -> dedup throughput (articles/s), duplicate detection quality, the
  near-duplicate pass at 1x/2x/4x the corpus, peak memory.
- nlp: the entity stage (parse + rules + resolution) beside bare spaCy `nlp.pipe` on the same
  texts in the same run, and the event stage's cost per article (it reuses the parse).
- scale: the whole Dagster job on 1,000 (or `--scale 1000,5000`) distinct ~600-word articles beside
  bare spaCy on the same texts, then 10 articles added, then an unchanged rerun (`--engine spark`:
  the same on Spark in local mode).
- long: one 300 KB article beside ten 30 KB articles of the same text (cost linear in length).
- incremental: full Dagster builds of a corpus, then a rerun with nothing changed and one with a
  few new files: the cost of an incremental run.

The corpus is built from gensim's Lee corpus (a few hundred real Australian news stories, one per
line), replicated with invented page furniture, edited words, truncations and byte-for-byte
copies, so that the planted duplicates are known and detection can be scored. Each section is a
small function returning table rows, so later stages can add their own sections.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
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

from pipelines import nlp
from pipelines.clean.articles import clean_documents
from pipelines.clean.segment import split_paragraphs, split_sentences
from pipelines.dedup.fingerprints import shingles, words
from pipelines.dedup.near_duplicates import NEAR_CONTAINMENT, NEAR_JACCARD, DedupItem, SourceAssignment, deduplicate
from pipelines.entities.recognise import find_mentions
from pipelines.entities.resolve import resolve_actors
from pipelines.events.extract import ArticleContext
from pipelines.events.stage import run_events
from pipelines.ingest.reading import discover, read_files
from pipelines.nlp import DEFAULT_MODEL
from pipelines.records import ActorMention, CleanArticle, RawDocument, Rejection

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
    try:
        from gensim.test.utils import datapath  # the corpus ships with the bench dependency group
    except ImportError as error:
        raise SystemExit("the benchmark needs its corpus package: run `make bench` (uv sync --group bench)") from error

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
        paragraphs.append(" ".join(sentences[i : i + step]))
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
        lines = jsonl_lines[start : start + JSONL_BUNDLE]
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
        (
            "exact copies (same content_hash)",
            f"{same_hash} found / {corpus.planted['exact']} planted byte copies (more: pages differing only in furniture clean removed)",
        ),
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


def _wall_seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


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


def nlp_rows(stories: Sequence[str], processes: int, model_name: str = DEFAULT_MODEL) -> list[tuple[str, str]]:
    """The entity and event stages as the pipeline runs them, beside bare `nlp.pipe` on the same texts."""
    model = nlp.load_pipeline(model_name)
    texts = list(stories)
    n_words = sum(len(text.split()) for text in texts)
    list(model.pipe(texts[:8]))  # warm-up: first-call allocations belong to neither side

    def bare_pipe() -> None:
        for _ in model.pipe(texts, n_process=processes, batch_size=32, disable=[nlp.SENTENCE_COMPONENT]):
            pass

    def parse_and_store() -> list[bytes]:
        return [nlp.to_bytes(doc) for doc in nlp.parse(model, texts, n_process=processes)]

    # Best of three runs each, interleaved: load from other jobs on the machine hits both sides alike.
    bare, parse = float("inf"), float("inf")
    for _ in range(3):
        bare = min(bare, _wall_seconds(bare_pipe))
        start = time.perf_counter()
        stored = parse_and_store()
        parse = min(parse, time.perf_counter() - start)
    spans = [split_sentences(text, split_paragraphs(text)) for text in texts]
    sentences = [[(f"a{i}-s{k}", s, e) for k, (s, e) in enumerate(article)] for i, article in enumerate(spans)]
    resolve_actors(find_mentions(nlp.from_bytes(model, stored[0]), "a0", sentences[0]))  # warm-up: lexicons, gazetteer index
    start = time.perf_counter()
    docs = [nlp.from_bytes(model, data) for data in stored]
    found = [m for i, doc in enumerate(docs) for m in find_mentions(doc, f"a{i}", sentences[i])]
    actors, mentions = resolve_actors(found)
    rules = time.perf_counter() - start

    types = {a.actor_id: a for a in actors}
    by_article: dict[str, list[ActorMention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(
            ActorMention(m.mention_id, m.article_id, m.actor_id, types[m.actor_id].actor_type, m.start_char, m.end_char, m.sentence_id)
        )
    start = time.perf_counter()
    contexts = ((doc, ArticleContext(f"a{i}", None, None, sentences[i])) for i, doc in enumerate(docs))
    _, events, _ = run_events(contexts, by_article, {a.actor_id: (a.actor_type, a.country_code, a.role) for a in actors})
    event_seconds = time.perf_counter() - start

    entity = parse + rules
    per_article = lambda seconds: f"{1000 * seconds / len(texts):6.1f} ms/article"  # noqa: E731
    return [
        ("texts", f"{len(texts)} stories, {n_words} words, {processes} process(es)"),
        ("bare spaCy nlp.pipe (all pipes)", f"{bare:7.2f} s  {n_words / bare:8.0f} words/s"),
        ("entity stage: parse + store", f"{parse:7.2f} s  {n_words / parse:8.0f} words/s"),
        ("entity stage: load + rules + resolution", f"{rules:7.2f} s  {n_words / rules:8.0f} words/s"),
        ("entity stage total", f"{entity:7.2f} s  {n_words / entity:8.0f} words/s  = {entity / bare:.2f}x bare spaCy"),
        ("entity stage per article", per_article(entity)),
        (
            "event stage (extract + merge, reuses the parse)",
            f"{event_seconds:7.2f} s  {per_article(event_seconds)}  ({len(events)} events)",
        ),
        ("actors / mentions", f"{len(actors)} / {len(mentions)}"),
    ]


def incremental_rows(stories: Sequence[str], folder: Path, processes: int, new_files: int = 5) -> list[tuple[str, str]]:
    """Wall time of full Dagster builds: first, unchanged rerun, rerun with a few new files."""
    import dagster as dg

    from pipelines.definitions import defs

    inputs = folder / "incremental"
    inputs.mkdir()
    base, extra = stories[: len(stories) - new_files], stories[len(stories) - new_files :]
    for i, story in enumerate(base):
        (inputs / f"story_{i:04d}.txt").write_text(story + "\n", encoding="utf-8")
    config = {"input_dirs": [str(inputs)], "warehouse_path": str(folder / "warehouse" / "news.duckdb"), "processes": processes}
    job = defs.resolve_job_def("build_warehouse")
    rows = []
    with dg.DagsterInstance.ephemeral() as instance:
        for label in ("first build", "rerun, nothing changed", f"rerun, {new_files} new files"):
            if label.endswith("new files"):
                for i, story in enumerate(extra):
                    (inputs / f"new_{i:04d}.txt").write_text(story + "\n", encoding="utf-8")
            start = time.perf_counter()
            result = job.execute_in_process(run_config={"resources": {"settings": {"config": config}}}, instance=instance)
            seconds = time.perf_counter() - start
            parsed = next(
                e.materialization.metadata["parsed"].value
                for e in result.get_asset_materialization_events()
                if e.asset_key == dg.AssetKey(["staging", "parses"])
            )
            rows.append((label, f"{seconds:7.2f} s  ({parsed} articles parsed)"))
    return [("corpus", f"{len(base)} stories, then {new_files} more"), *rows]


SCALE_STORIES_PER_ARTICLE = 3  # Lee stories are ~200 words: three make an article of ~600


def scale_articles(stories: Sequence[str], n: int, seed: int = 7) -> list[str]:
    """`n` distinct articles of about 600 words, each three Lee stories in a row, no two sharing more
    than one story (two would make them near copies: Jaccard 0.5), so dedup keeps every one."""
    rng = random.Random(seed)
    used: set[tuple[int, int]] = set()
    articles: list[str] = []
    count = len(stories)
    while len(articles) < n:
        picks = sorted(rng.sample(range(count), SCALE_STORIES_PER_ARTICLE))
        pairs = set(itertools.combinations(picks, 2))
        if pairs & used:
            continue
        used |= pairs
        articles.append("\n\n".join(stories[k] for k in picks))
    return articles


def scale_rows(stories: Sequence[str], folder: Path, n: int, processes: int, engine: str = "duckdb") -> list[tuple[str, str]]:
    """The whole Dagster job on `n` distinct ~600-word articles, beside bare spaCy on the same texts
    in the same run; then 10 more articles, then an unchanged rerun. `engine` is the build's
    (`spark` runs in local mode on `processes` cores, docs/scale-out.md)."""
    import dagster as dg

    from pipelines.definitions import defs

    texts = scale_articles(stories, n + 10)
    base, extra = texts[:n], texts[n:]
    inputs = folder / f"scale_{n}"
    inputs.mkdir()
    # One folder per article, as from many sources: articles reuse Lee stories (each in about nine),
    # and prose recurring on three pages of one source is that source's furniture.
    for i, text in enumerate(base):
        (inputs / f"source_{i:05d}").mkdir()
        (inputs / f"source_{i:05d}" / "article.txt").write_text(text + "\n", encoding="utf-8")
    n_words = sum(len(t.split()) for t in base)
    model = nlp.load_pipeline()
    bare = _wall_seconds(lambda: [None for _ in model.pipe(base, n_process=processes, batch_size=32, disable=[nlp.SENTENCE_COMPONENT])])
    config = {"input_dirs": [str(inputs)], "warehouse_path": str(folder / f"warehouse_{n}" / "news.duckdb"), "processes": processes}
    config |= {"engine": engine, "spark_master": f"local[{processes}]"}
    job = defs.resolve_job_def("build_warehouse")
    runs, parsed, steps = {}, {}, {}
    with dg.DagsterInstance.ephemeral() as instance:
        for label in ("full build", "10 articles added", "unchanged rerun"):
            if label == "10 articles added":
                for i, text in enumerate(extra):
                    (inputs / f"added_{i:02d}").mkdir()
                    (inputs / f"added_{i:02d}" / "article.txt").write_text(text + "\n", encoding="utf-8")
            start = time.perf_counter()
            result = job.execute_in_process(run_config={"resources": {"settings": {"config": config}}}, instance=instance)
            runs[label] = time.perf_counter() - start
            steps[label] = step_seconds(instance, result.run_id)
            parsed[label] = next(
                e.materialization.metadata["parsed"].value
                for e in result.get_asset_materialization_events()
                if e.asset_key == dg.AssetKey(["staging", "parses"])
            )
    full = runs["full build"]
    return [
        ("corpus", f"{n} distinct articles, {n_words:,} words ({n_words // n} a story), {processes} process(es), engine {engine}"),
        ("bare spaCy nlp.pipe (all pipes)", f"{bare:8.1f} s  {n / bare:6.1f} articles/s  {n_words / bare:7.0f} words/s"),
        (
            "full build (whole Dagster job)",
            f"{full:8.1f} s  ({parsed['full build']} parsed)  {n / full:6.1f} articles/s  {n_words / full:7.0f} words/s  = {full / bare:.2f}x bare spaCy",
        ),
        (
            "10 articles added",
            f"{runs['10 articles added']:8.1f} s  ({parsed['10 articles added']} parsed) = {100 * runs['10 articles added'] / full:.1f}% of the full build",
        ),
        ("unchanged rerun", f"{runs['unchanged rerun']:8.1f} s"),
        *(
            (f"{label}: slowest steps", ", ".join(f"{key} {seconds:.1f} s" for key, seconds in steps[label].most_common(SLOWEST_STEPS)))
            for label in runs
        ),
    ]


SLOWEST_STEPS = 6


def step_seconds(instance: object, run_id: str) -> Counter:
    """Seconds from each step's start to its success, from the run's event log."""
    import dagster as dg

    started: dict[str, float] = {}
    seconds: Counter = Counter()
    for entry in instance.all_logs(run_id, of_type={dg.DagsterEventType.STEP_START, dg.DagsterEventType.STEP_SUCCESS}):
        key = entry.dagster_event.step_key
        if entry.dagster_event.event_type == dg.DagsterEventType.STEP_START:
            started[key] = entry.timestamp
        else:
            seconds[key] = entry.timestamp - started[key]
    return seconds


LONG_ARTICLE_CHARS = 300_000  # the long article; the short ones are a tenth of it


def long_article_rows(stories: Sequence[str]) -> list[tuple[str, str]]:
    """One 300 KB article beside ten 30 KB articles of the same text, through clean, parse, entities
    and events in one process: the cost of length alone (pieces keep it linear, see nlp.MAX_PIECE_CHARS)."""
    pieces, current = [], []
    for story in itertools.cycle(stories):
        current.append(story)
        if sum(map(len, current)) >= LONG_ARTICLE_CHARS // 10:
            pieces.append("\n\n".join(current))
            current = []
            if len(pieces) == 10:
                break
    whole = "\n\n".join(pieces)

    def run(texts: Sequence[str]) -> float:
        docs = [RawDocument(f"long/{i}.txt", str(i), len(t), "text", t, "utf-8") for i, t in enumerate(texts)]
        start = time.perf_counter()
        articles = [a for a in clean_documents(docs, processes=1) if isinstance(a, CleanArticle)]
        model = nlp.load_pipeline()
        parsed = list(nlp.parse(model, [a.body for a in articles]))
        sentences = [[(f"a{i}-s{k}", s, e) for k, (s, e) in enumerate(a.sentences)] for i, a in enumerate(articles)]
        found = [m for i, doc in enumerate(parsed) for m in find_mentions(doc, f"a{i}", sentences[i])]
        actors, mentions = resolve_actors(found)
        types = {a.actor_id: a for a in actors}
        by_article: dict[str, list[ActorMention]] = defaultdict(list)
        for m in mentions:
            by_article[m.article_id].append(
                ActorMention(m.mention_id, m.article_id, m.actor_id, types[m.actor_id].actor_type, m.start_char, m.end_char, m.sentence_id)
            )
        contexts = ((doc, ArticleContext(f"a{i}", None, None, sentences[i])) for i, doc in enumerate(parsed))
        run_events(contexts, by_article, {a.actor_id: (a.actor_type, a.country_code, a.role) for a in actors})
        return time.perf_counter() - start

    run(pieces[:1])  # warm-up: the model, lexicons and gazetteer load outside both timings
    short, long = run(pieces), run([whole])
    return [
        ("texts", f"one article of {len(whole):,} characters; the same text as ten articles of ~{len(whole) // 10:,}"),
        ("ten articles", f"{short:7.2f} s"),
        ("one long article", f"{long:7.2f} s  = {long / short:.2f}x the ten"),
    ]


SECTIONS = ("ingest", "nlp", "incremental", "long", "scale")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", default=",".join(SECTIONS), help="comma-separated: %(default)s")
    parser.add_argument("--articles", type=int, default=3000, help="documents to generate for the ingest section")
    parser.add_argument("--nlp-articles", type=int, default=300, help="stories for the nlp section")
    parser.add_argument("--incremental-articles", type=int, default=150, help="stories for the incremental section")
    parser.add_argument(
        "--scale",
        type=lambda v: [int(x) for x in v.split(",")],
        default=[1000],
        help="corpus sizes of the scale section, comma-separated (default: 1000)",
    )
    parser.add_argument("--processes", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument(
        "--engine", choices=["duckdb", "spark"], default="duckdb", help="the scale section's build engine (default: %(default)s)"
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    sections = set(args.sections.split(","))
    processes = args.processes or os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="news-bench-") as tmp:
        if "ingest" in sections:
            folder = Path(tmp, "corpus")
            folder.mkdir()
            corpus = build_corpus(folder, args.articles, args.seed)
            run = run_pipeline(corpus, processes)
            print_table(
                f"Corpus: {len(corpus.story_of)} documents in {len(discover([folder]))} files, "
                f"{len(set(corpus.story_of.values()))} distinct real stories; {len(run.rejected)} rejected",
                timing_rows(run.timings, len(corpus.story_of)),
            )
            print_table("Duplicate detection vs planted copies", detection_rows(corpus, run.assignments))
            print_table("Near-duplicate pass scaling", scaling_rows(run.articles))
        if "nlp" in sections:
            print_table("Entity and event stages vs bare spaCy", nlp_rows(load_stories()[: args.nlp_articles], processes))
        if "incremental" in sections:
            print_table(
                "Incremental runs (whole Dagster job)", incremental_rows(load_stories()[: args.incremental_articles], Path(tmp), processes)
            )
        if "scale" in sections:
            for n in args.scale:
                print_table(f"Scale: {n} articles end to end", scale_rows(load_stories(), Path(tmp), n, processes, args.engine))
        if "long" in sections:
            print_table("One long article vs ten short ones (one process)", long_article_rows(load_stories()))
        print_table("Memory", memory_rows())
    return 0


if __name__ == "__main__":
    sys.exit(main())
