"""Quality evaluation: the pipeline's mentions and events scored against our own gold annotation.

The gold (`tests/evaluation/gold/*.jsonl`, guideline in `tests/evaluation/GUIDELINE.md`) holds real
news stories (the Lee corpus of ABC stories that gensim ships) with every actor mention and every
event a careful reader codes, split into a dev half (tune on it) and a test half (report it).

Each story runs through the same functions the Dagster assets call (clean, parse, recognise,
resolve, extract, merge), in-process and without a warehouse, so a change to any rule is scored in
seconds. Two readings of the events:
- stories: every story as one article, its event reports matched to the gold events of the same
  sentence and CAMEO root (and, for the strict figure, the same source and target);
- sentences: every gold event's sentence handed in alone as a brief (a one-sentence wire report),
  scored by whether an event is found and whether a found event has the gold root.

`python -m pipelines evaluate` prints the figures, with the article-body figures of
`pipelines.body_evaluation`, and writes `docs/evaluation.md`; `tests/evaluation/figures.json`
records the test-half figures a test guards.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.body_evaluation import evaluate_bodies, guarded_body_figures, load_bodies, render_bodies
from pipelines.paths import PROJECT_ROOT

if TYPE_CHECKING:
    from pipelines.entities.resolve import ActorRow

GOLD_DIR = PROJECT_ROOT / "tests" / "evaluation" / "gold"
FIGURES_FILE = PROJECT_ROOT / "tests" / "evaluation" / "figures.json"
# The same scorer's figures for the pipeline as it was before this evaluation existed, on the same gold
# (kept so docs/evaluation.md shows before and after; regenerate by running this module on that commit).
BASELINE_FILE = PROJECT_ROOT / "tests" / "evaluation" / "baseline.json"
REPORT_FILE = PROJECT_ROOT / "docs" / "evaluation.md"
SPLITS = ("dev", "test")
GEOCODE_KM = 161.0  # the usual "within 100 miles" of toponym resolution
PLACE_TYPES = {"country", "location"}
# Roots whose dyad reads the same both ways (consult, cooperate, agree, fight): source and target may swap.
SYMMETRIC_ROOTS = {"03", "04", "05", "06", "19"}
_STOP = {"the", "a", "an", "of", "and", "s", "'s"}


@dataclass(frozen=True)
class GoldStory:
    story: str
    split: str
    text: str
    mentions: list[dict]
    events: list[dict]


@dataclass(frozen=True)
class Report:
    """One predicted event report, in story-text offsets."""

    sentence: tuple[int, int]
    root: str
    code: str
    source: frozenset[str]  # the words that name the source actor (its name, aliases, the mention)
    target: frozenset[str]


@dataclass
class Prediction:
    mentions: list[dict] = field(default_factory=list)  # start, end, type, country, lat, lon
    reports: list[Report] = field(default_factory=list)


def load_gold(folder: Path = GOLD_DIR) -> list[GoldStory]:
    stories = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                stories.append(GoldStory(r["story"], r["split"], r["text"], r.get("mentions", []), r.get("events", [])))
    return sorted(stories, key=lambda s: (s.story.split(":")[0], int(s.story.split(":")[1])))


def _words(text: str | None) -> frozenset[str]:
    if not text:
        return frozenset()
    tokens = "".join(ch.lower() if ch.isalnum() else " " for ch in text).split()
    return frozenset(t for t in tokens if t not in _STOP)


def _offset_map(body: str, text: str) -> list[int]:
    """body offset -> story text offset (the clean stage may normalise whitespace and quotes)."""
    if body == text:
        return list(range(len(body) + 1))
    mapping = [-1] * (len(body) + 1)
    for block in difflib.SequenceMatcher(None, body, text, autojunk=False).get_matching_blocks():
        for k in range(block.size + 1):
            if block.a + k <= len(body):
                mapping[block.a + k] = block.b + k
    last = 0
    for i, value in enumerate(mapping):  # unmatched characters take the position of the last matched one
        mapping[i] = last = value if value >= 0 else last
    return mapping


def run_pipeline(texts: Sequence[tuple[str, str]], processes: int = 1) -> dict[str, Prediction]:
    """Mentions and event reports of each (story id, text), each text handed in as one text article."""
    return run_stories(texts, processes)[0]


def run_stories(texts: Sequence[tuple[str, str]], processes: int = 1) -> tuple[dict[str, Prediction], list[ActorRow]]:
    """`run_pipeline`, and the actors the stories resolve to."""
    from pipelines.clean.articles import clean_documents
    from pipelines.entities.recognise import find_mentions
    from pipelines.entities.resolve import resolve_actors
    from pipelines.events.extract import ArticleContext
    from pipelines.events.stage import run_events
    from pipelines.nlp import load_pipeline, parse
    from pipelines.records import ActorMention, CleanArticle, RawDocument

    docs = [RawDocument(f"evaluation/{sid}.txt", sid, len(text), "text", text, "utf-8") for sid, text in texts]
    cleaned = clean_documents(docs, processes=1)
    articles = [(sid, text, c) for (sid, text), c in zip(texts, cleaned, strict=True) if isinstance(c, CleanArticle)]
    nlp = load_pipeline()
    parsed = list(parse(nlp, (c.body for _, _, c in articles), n_process=processes))
    sentences = {sid: [(f"{sid}#{i}", s, e) for i, (s, e) in enumerate(c.sentences)] for sid, _, c in articles}
    found = []
    for (sid, _, _), doc in zip(articles, parsed, strict=True):
        found.extend(find_mentions(doc, sid, sentences[sid]))
    actors, mentions = resolve_actors(found)
    actor_by_id = {a.actor_id: a for a in actors}
    by_article: dict[str, list[ActorMention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(
            ActorMention(
                m.mention_id, m.article_id, m.actor_id, actor_by_id[m.actor_id].actor_type, m.start_char, m.end_char, m.sentence_id
            )
        )
    contexts = (
        (doc, ArticleContext(sid, c.published_date, c.publisher, sentences[sid])) for (sid, _, c), doc in zip(articles, parsed, strict=True)
    )
    candidates, _, _ = run_events(contexts, by_article, {a.actor_id: (a.actor_type, a.country_code, a.role) for a in actors})
    predictions = {sid: Prediction() for sid, _ in texts}
    maps = {sid: _offset_map(c.body, text) for sid, text, c in articles}
    for m in mentions:
        if m.mention_kind in ("pronoun", "descriptor"):
            continue  # the gold marks names, not coreference
        actor, offsets = actor_by_id[m.actor_id], maps[m.article_id]
        predictions[m.article_id].mentions.append(
            {
                "start": offsets[m.start_char],
                "end": offsets[m.end_char - 1] + 1,  # past the last character: a space the clean stage collapsed is not in the span
                "type": actor.actor_type,
                "country": actor.country_code,
                "lat": actor.latitude,
                "lon": actor.longitude,
            }
        )
    mention_words: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        mention_words[(m.article_id, m.actor_id)] |= _words(m.mention_text)

    def names(article_id: str, actor_id: str | None) -> frozenset[str]:
        if actor_id is None:
            return frozenset()
        actor = actor_by_id[actor_id]
        return frozenset(_words(actor.name) | set().union(*map(_words, actor.aliases)) | mention_words[(article_id, actor_id)])

    for c in candidates:
        offsets = maps[c.article_id]
        predictions[c.article_id].reports.append(
            Report(
                (offsets[c.sentence_start], offsets[c.sentence_end - 1] + 1),
                c.event_code[:2],
                c.event_code,
                names(c.article_id, c.actor1_id),
                names(c.article_id, c.actor2_id),
            )
        )
    return predictions, actors


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "gold": gold}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _placed(gold: dict, predicted: dict) -> bool:
    """A country is placed right when it is the same country (its coordinates are a convention: a
    centroid, a capital); any other place when it lies within GEOCODE_KM of the gold's point."""
    if gold["type"] == "country" and predicted["type"] == "country" and gold.get("country"):
        return predicted.get("country") == gold["country"]
    return _km(gold["lat"], gold["lon"], predicted["lat"], predicted["lon"]) <= GEOCODE_KM


def _sentence_span(story: GoldStory, sentence: str) -> tuple[int, int]:
    start = story.text.find(sentence)
    return (start, start + len(sentence)) if start >= 0 else (-1, -1)


def _names_match(gold: str | None, predicted: frozenset[str]) -> bool:
    return not gold or bool(_words(gold) & predicted)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match_events(story: GoldStory, reports: list[Report], strict: bool) -> tuple[int, list[tuple[dict, Report]]]:
    """Greedy one-to-one matches of gold events to reports of the same sentence and root."""
    used: set[int] = set()
    matched = []
    for event in story.events:
        span = _sentence_span(story, event["sentence"])
        for i, report in enumerate(reports):
            if i in used or report.root != event["root"] or not _overlaps(span, report.sentence):
                continue
            if strict:
                straight = _names_match(event.get("source"), report.source) and _names_match(event.get("target"), report.target)
                swapped = (
                    event["root"] in SYMMETRIC_ROOTS
                    and _names_match(event.get("source"), report.target)
                    and _names_match(event.get("target"), report.source)
                )
                if not (straight or swapped):
                    continue
            used.add(i)
            matched.append((event, report))
            break
    return len(matched), matched


def score(stories: Sequence[GoldStory], predictions: dict[str, Prediction], sentence_predictions: dict[str, Prediction]) -> dict:
    counts: Counter[str] = Counter()
    by_root: dict[str, Counter[str]] = defaultdict(Counter)
    for story in stories:
        pred = predictions[story.story]
        gold_spans = {(m["start"], m["end"]): m for m in story.mentions}
        pred_spans = {(m["start"], m["end"]): m for m in pred.mentions}
        counts["mention_gold"] += len(gold_spans)
        counts["mention_pred"] += len(pred_spans)
        for span, g in gold_spans.items():
            p = pred_spans.get(span)
            gold_type = "person" if g["type"] == "person" else g["type"]
            if g["type"] in PLACE_TYPES and g.get("lat") is not None:
                counts["geo_gold"] += 1
            if g.get("country"):
                counts["country_gold"] += 1
                counts["person_country_gold"] += g["type"] == "person"
            if p is None:
                continue
            counts["mention_ok"] += 1
            counts["type_ok"] += p["type"] == gold_type
            if p.get("country"):
                counts["country_pred"] += 1
                counts["country_ok"] += p["country"] == g.get("country")
                if g["type"] == "person":
                    counts["person_country_pred"] += 1
                    counts["person_country_ok"] += p["country"] == g.get("country")
            if g["type"] in PLACE_TYPES and g.get("lat") is not None and p.get("lat") is not None:
                counts["geo_pred"] += 1
                counts["geo_ok"] += _placed(g, p)
        counts["event_gold"] += len(story.events)
        counts["event_pred"] += len(pred.reports)
        counts["stories"] += 1
        counts["stories_with_event"] += bool(pred.reports)
        loose, _ = _match_events(story, pred.reports, strict=False)
        strict, _ = _match_events(story, pred.reports, strict=True)
        counts["event_ok"] += loose
        counts["event_strict_ok"] += strict
        for event in story.events:
            by_root[event["root"]]["gold"] += 1
        for report in pred.reports:
            by_root[report.root]["pred"] += 1
        for event, _ in _match_events(story, pred.reports, strict=False)[1]:
            by_root[event["root"]]["ok"] += 1
        for event in story.events:
            sentence = sentence_predictions.get(_sentence_key(story, event))
            counts["brief_gold"] += 1
            if sentence is not None and sentence.reports:
                counts["brief_found"] += 1
                counts["brief_root_ok"] += any(r.root == event["root"] for r in sentence.reports)
    n = counts["stories"] or 1
    return {
        "stories": counts["stories"],
        "mentions": _prf(counts["mention_ok"], counts["mention_pred"], counts["mention_gold"]),
        "actor_types": _prf(counts["type_ok"], counts["mention_pred"], counts["mention_gold"]),
        "countries": _prf(counts["country_ok"], counts["country_pred"], counts["country_gold"]),
        "person_countries": _prf(counts["person_country_ok"], counts["person_country_pred"], counts["person_country_gold"]),
        "geocodes": _prf(counts["geo_ok"], counts["geo_pred"], counts["geo_gold"]),
        "events_root": _prf(counts["event_ok"], counts["event_pred"], counts["event_gold"]),
        "events_root_dyad": _prf(counts["event_strict_ok"], counts["event_pred"], counts["event_gold"]),
        "stories_with_event": round(counts["stories_with_event"] / n, 3),
        "events_per_story": round(counts["event_pred"] / n, 2),
        "gold_events_per_story": round(counts["event_gold"] / n, 2),
        "briefs_with_event": round(counts["brief_found"] / (counts["brief_gold"] or 1), 3),
        "briefs_root_right": round(counts["brief_root_ok"] / (counts["brief_gold"] or 1), 3),
        "by_root": {root: _prf(c["ok"], c["pred"], c["gold"]) for root, c in sorted(by_root.items())},
    }


def _sentence_key(story: GoldStory, event: dict) -> str:
    return f"{story.story}@{_sentence_span(story, event['sentence'])[0]}"


def evaluate(stories: Sequence[GoldStory], processes: int = 1) -> dict[str, dict]:
    """Figures per split for the given gold stories."""
    predictions = run_pipeline([(s.story, s.text) for s in stories], processes)
    briefs = {_sentence_key(s, e): e["sentence"] for s in stories for e in s.events}
    sentence_predictions = run_pipeline(sorted(briefs.items()), processes)
    return {
        split: score([s for s in stories if s.split == split], predictions, sentence_predictions)
        for split in SPLITS
        if any(s.split == split for s in stories)
    }


def lee_stories() -> list[tuple[str, str]]:
    """All 300 stories of the Lee background corpus (`gensim`'s test data, one story a line), or
    none when gensim is not installed (it comes with the `bench` dependency group)."""
    try:
        from gensim.test.utils import datapath
    except ImportError:
        return []
    with open(datapath("lee_background.cor"), encoding="latin-1") as corpus:
        return [(f"lee_background:{i}", line.strip()) for i, line in enumerate(corpus) if line.strip()]


def corpus_figures(stories: Sequence[tuple[str, str]], processes: int = 1) -> dict[str, float]:
    """How many stories of a whole corpus yield an event, how many event reports a story, and how
    many of the named people it resolves to are known by one word only ("Howard" left apart from
    "John Howard"; title holders the text never names, "President", are not counted)."""
    predictions, actors = run_stories(stories, processes)
    n = len(predictions) or 1
    named = [a for a in actors if a.actor_type == "person" and a.aliases]
    return {
        "stories": len(predictions),
        "stories_with_event": round(sum(bool(p.reports) for p in predictions.values()) / n, 3),
        "events_per_story": round(sum(len(p.reports) for p in predictions.values()) / n, 2),
        "person_actors": len(named),
        "one_word_people": round(sum(len(a.name.split()) == 1 for a in named) / (len(named) or 1), 3),
    }


GUARDED = [
    ("mentions", "f1"),
    ("actor_types", "f1"),
    ("countries", "f1"),
    ("person_countries", "f1"),
    ("geocodes", "f1"),
    ("events_root", "f1"),
    ("events_root_dyad", "f1"),
]


def guarded_figures(figures: dict) -> dict[str, float]:
    """The test-half figures a test keeps from dropping."""
    flat = {f"{table}.{key}": figures[table][key] for table, key in GUARDED}
    flat.update({k: figures[k] for k in ("stories_with_event", "briefs_with_event", "briefs_root_right")})
    return flat


def _table(rows: Iterable[tuple[str, dict]]) -> list[str]:
    lines = ["| measure | precision | recall | F1 | gold |", "|---|---|---|---|---|"]
    lines += [f"| {name} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['gold']} |" for name, v in rows]
    return lines


HEADLINE = [
    ("mentions F1", "mentions", "f1"),
    ("countries F1", "countries", "f1"),
    ("geocodes F1", "geocodes", "f1"),
    ("events by root F1", "events_root", "f1"),
    ("events by root and dyad F1", "events_root_dyad", "f1"),
    ("stories with an event", "stories_with_event", None),
    ("event reports a story", "events_per_story", None),
    ("briefs with an event", "briefs_with_event", None),
    ("briefs with the gold root", "briefs_root_right", None),
]


def _headline(figures: dict, table: str, key: str | None) -> float:
    return figures[table][key] if key else figures[table]


def _before_after(results: dict[str, dict], baseline: dict[str, dict]) -> list[str]:
    splits = [s for s in results if s in baseline]
    lines = ["| measure | " + " | ".join(f"{s} before | {s} now" for s in splits) + " |", "|---|" + "---|---|" * len(splits)]
    for name, table, key in HEADLINE:
        cells = [f"{_headline(baseline[s], table, key):.3g} | {_headline(results[s], table, key):.3g}" for s in splits]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def render(
    results: dict[str, dict], baseline: dict[str, dict] | None = None, corpus: dict[str, float] | None = None, bodies: Sequence[str] = ()
) -> str:
    out = [
        "# Evaluation",
        "",
        "Generated by `python -m pipelines evaluate` (also `make eval`); do not edit by hand.",
        "",
        "The gold is our own annotation of real news, the Lee corpus of ABC stories that `gensim` ships,",
        "following [the guideline](../tests/evaluation/GUIDELINE.md): every actor mention and every event a",
        "careful reader codes. Even-numbered stories form the dev half (rules are tuned on it), odd ones the",
        "test half (reported, never tuned on). A test (`tests/evaluation/test_figures.py`) fails when a",
        "test-half figure drops below the one recorded in `tests/evaluation/figures.json`.",
        "",
        "How each figure is counted:",
        "- mentions: exact character spans of names (pronouns and descriptors are not in the gold);",
        "  actor types: span and type right; countries: among matched mentions, the actor's country",
        "  (countries of people: the same for the people whose country the text states);",
        f"  geocodes: matched places whose coordinates lie within {GEOCODE_KM:.0f} km of the gold's (a country: the same",
        "  country, since its point is a convention).",
        "- events by root: a report in the gold event's sentence with its CAMEO root; by root and dyad:",
        "  also its source and target name the gold's (either way round for symmetric roots).",
        "- briefs: each gold event's sentence handed in alone, as a one-sentence wire report: the share",
        "  with an event found, and with an event of the gold root.",
        "",
    ]
    if baseline:
        out += ["## Before and after", "", "The pipeline before this evaluation existed, scored the same way on the same gold:", ""]
        out += [*_before_after(results, baseline), ""]
    if corpus:
        out += [
            "## The whole Lee corpus",
            "",
            f"All {corpus['stories']} stories of `lee_background.cor`, annotated or not: {corpus['stories_with_event']:.1%} yield",
            f"an event report; {corpus['events_per_story']} event reports a story. Of the {corpus['person_actors']} named people",
            f"they resolve to, {corpus['one_word_people']:.1%} are known by one word only.",
            "",
        ]
    for split, figures in results.items():
        out += [f"## {split} half ({figures['stories']} stories)", ""]
        out += _table(
            [
                ("mentions", figures["mentions"]),
                ("actor types", figures["actor_types"]),
                ("countries", figures["countries"]),
                ("countries of people", figures["person_countries"]),
                ("geocodes (161 km)", figures["geocodes"]),
                ("events by root", figures["events_root"]),
                ("events by root and dyad", figures["events_root_dyad"]),
            ]
        )
        out += [
            "",
            f"- stories with an event: {figures['stories_with_event']:.1%}; event reports a story: "
            f"{figures['events_per_story']} (gold: {figures['gold_events_per_story']})",
            f"- briefs with an event: {figures['briefs_with_event']:.1%}; with the gold root: {figures['briefs_root_right']:.1%}",
            "",
            "Events by CAMEO root:",
            "",
        ]
        out += _table((f"root {root}", v) for root, v in figures["by_root"].items())
        out.append("")
    return "\n".join([*out, *bodies])


def _write_body_figures(section: Sequence[str], figures: dict[str, float]) -> None:
    """Replace the bodies section of docs/evaluation.md (its last) and the body figures of
    figures.json, leaving the entity and event figures as the last full run wrote them."""
    report = REPORT_FILE.read_text(encoding="utf-8")
    heading = section[0]
    kept = report[: report.index(heading)] if heading in report else report.rstrip("\n") + "\n\n"
    REPORT_FILE.write_text(kept + "\n".join(section) + "\n", encoding="utf-8")
    recorded = json.loads(FIGURES_FILE.read_text(encoding="utf-8")) if FIGURES_FILE.exists() else {}
    FIGURES_FILE.write_text(json.dumps(recorded | figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="folder of gold JSONL files")
    parser.add_argument("--split", choices=SPLITS, help="score one half only")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/evaluation.md and figures.json alone")
    parser.add_argument(
        "--bodies",
        action="store_true",
        help="score the article bodies only (seconds); rewrites only the bodies section and figures",
    )
    args = parser.parse_args(argv)
    golds = load_bodies()
    bodies = evaluate_bodies(golds)
    if args.bodies:
        section = render_bodies(bodies, golds)
        print("\n".join(section))
        if not args.no_write:
            _write_body_figures(section, guarded_body_figures(bodies))
        return 0
    stories = [s for s in load_gold(args.gold) if args.split in (None, s.split)]
    if not stories:
        print(f"error: no gold stories in {args.gold}", file=sys.stderr)
        return 2
    results = evaluate(stories)
    baseline = json.loads(BASELINE_FILE.read_text(encoding="utf-8")) if BASELINE_FILE.exists() and args.gold == GOLD_DIR else None
    whole = lee_stories() if args.split is None else []
    report = render(results, baseline, corpus_figures(whole) if whole else None, render_bodies(bodies, golds))
    print(report)
    if not args.no_write and args.split is None:
        REPORT_FILE.write_text(report + "\n", encoding="utf-8")
        figures = guarded_figures(results["test"]) | guarded_body_figures(bodies)
        FIGURES_FILE.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0
