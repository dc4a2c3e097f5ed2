"""Body evaluation: the article text the clean stage keeps, scored against hand-made gold bodies.

The pages (`tests/evaluation/pages/`) are real pages that installed packages ship as fixtures and
pages we wrote after the layouts of real news sites (bylines, related links, cookie banners,
comments, captions, pagination, script-rendered bodies, other languages); each one's gold body
(`tests/evaluation/gold/bodies/*.jsonl`, guideline in `tests/evaluation/GUIDELINE.md`) is what a
reader calls the article text. Each page is scored twice: as the HTML page, and as scraped text
(its visible text, as a scraper that saves a page's text hands it in). trafilatura's own output on
the same HTML, and the whole visible text for the scraped reading, are the baselines.

Score: word-shingle F1 on 4-word shingles (bags, so a paragraph kept twice counts twice). Single
words reward a body that holds the article's vocabulary in any order, and a menu shares many of
the article's words; shingles of four words only match where the text runs as in the article, so
a dropped paragraph, a kept link list or a sentence cut in two all cost, while one odd word at a
paragraph's edge costs at most four shingles. Four is what published extraction benchmarks use.
A page the stage rejects scores 0 (its body is empty).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import mean

from pipelines.paths import PROJECT_ROOT

BODY_GOLD_DIR = PROJECT_ROOT / "tests" / "evaluation" / "gold" / "bodies"
PAGES_DIR = PROJECT_ROOT / "tests" / "evaluation" / "pages"
SHINGLE_WORDS = 4
READINGS = ("html", "text")
# Han, kana and hangul characters are words of their own: those scripts do not space words.
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W_]+")


@dataclass(frozen=True)
class GoldBody:
    page: str
    split: str
    file: str  # in PAGES_DIR; a .gz file is gzip-compressed
    url: str | None
    language: str
    scraped: bool  # whether the visible text holds the article (a script-rendered page's does not)
    body: str
    written: bool  # written for this evaluation, not a real page a package ships


def load_bodies(folder=BODY_GOLD_DIR) -> list[GoldBody]:
    found = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                found.append(
                    GoldBody(
                        r["page"],
                        r["split"],
                        r["file"],
                        r.get("url"),
                        r["language"],
                        r.get("scraped", True),
                        r["body"],
                        r["source"].startswith("written"),
                    )
                )
    return sorted(found, key=lambda g: g.page)


def page_html(gold: GoldBody) -> str:
    path = PAGES_DIR / gold.file
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8")


def shingles(text: str, size: int = SHINGLE_WORDS) -> Counter[tuple[str, ...]]:
    """Word `size`-shingles of `text`, lower-cased; a text shorter than that is one shingle."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Shingle precision, recall and F1 of a predicted body against the gold one."""
    p, g = shingles(predicted), shingles(gold)
    common = sum((p & g).values())
    precision = common / sum(p.values()) if p else 0.0
    recall = common / sum(g.values()) if g else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def trafilatura_body(page: str, url: str | None) -> str:
    """trafilatura's own main text with its default settings: the baseline."""
    import trafilatura

    return trafilatura.extract(page, url=url) or ""


def pipeline_bodies(golds: Sequence[GoldBody], reading: str) -> dict[str, str]:
    """The body the clean stage keeps for each page read as `reading` ("" when it rejects it).

    Each page is cleaned alone: every page comes from another site, so there is no cross-page
    evidence to gather, and a batch would only let one page's lines count against another's."""
    from pipelines.clean.articles import clean_documents
    from pipelines.clean.html import strip_tags
    from pipelines.records import CleanArticle, RawDocument

    bodies = {}
    for gold in golds:
        html = page_html(gold)
        text = html if reading == "html" else strip_tags(html)
        doc = RawDocument(f"evaluation/{gold.file}", gold.page, len(text), reading, text, "utf-8", url=gold.url)
        (result,) = clean_documents([doc], processes=1)
        bodies[gold.page] = result.body if isinstance(result, CleanArticle) else ""
    return bodies


def _figures(golds: Sequence[GoldBody], bodies: dict[str, str]) -> dict:
    scores = {g.page: prf(bodies[g.page], g.body) for g in golds}
    return {
        "pages": len(golds),
        "precision": round(mean(s[0] for s in scores.values()), 3),
        "recall": round(mean(s[1] for s in scores.values()), 3),
        "f1": round(mean(s[2] for s in scores.values()), 3),
        "empty": sum(not bodies[g.page].strip() for g in golds),
        "by_page": {page: round(s[2], 3) for page, s in scores.items()},
    }


def evaluate_bodies(golds: Sequence[GoldBody]) -> dict[str, dict[str, dict]]:
    """split -> reading -> {"pipeline": figures, "baseline": figures}; figures are page means."""
    from pipelines.clean.html import strip_tags

    results: dict[str, dict[str, dict]] = {}
    for split in ("dev", "test"):
        half = [g for g in golds if g.split == split]
        if not half:
            continue
        scraped = [g for g in half if g.scraped]
        results[split] = {
            "html": {
                "pipeline": _figures(half, pipeline_bodies(half, "html")),
                "baseline": _figures(half, {g.page: trafilatura_body(page_html(g), g.url) for g in half}),
            },
            "text": {
                "pipeline": _figures(scraped, pipeline_bodies(scraped, "text")),
                "baseline": _figures(scraped, {g.page: strip_tags(page_html(g)) for g in scraped}),
            },
        }
    return results


def guarded_body_figures(results: dict[str, dict[str, dict]]) -> dict[str, float]:
    """The test half's body F1s that a test keeps from dropping."""
    return {f"bodies_{reading}.f1": results["test"][reading]["pipeline"]["f1"] for reading in READINGS}


def render_bodies(results: dict[str, dict[str, dict]], golds: Sequence[GoldBody]) -> list[str]:
    languages = Counter(g.language for g in golds)
    written = sum(g.written for g in golds)
    out = [
        "## Article bodies",
        "",
        f"{len(golds)} pages ({', '.join(f'{n} {lang}' for lang, n in sorted(languages.items()))}): {len(golds) - written} real page(s) that",
        f"packages ship as test fixtures and {written} pages we wrote after the layouts of real news sites (so likely",
        "cleaner than pages in the wild), each with a hand-made gold body (`tests/evaluation/gold/bodies/`,",
        "`source` says where each page comes from). Each page is read as HTML and as scraped",
        "text (its visible text); a script-rendered page, whose visible text lacks the article, only as HTML.",
        f"Figures are page means of word {SHINGLE_WORDS}-shingle precision, recall and F1 (see `pipelines/body_evaluation.py`",
        "for why four); a rejected page scores 0. Baselines: trafilatura's own `extract` with its defaults",
        "on the HTML; the whole visible text for scraped text.",
        "",
        "| half | reading | pages | pipeline P | pipeline R | pipeline F1 | baseline P | baseline R | baseline F1 | rejected |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for split, readings in results.items():
        for reading, pair in readings.items():
            ours, base = pair["pipeline"], pair["baseline"]
            out.append(
                f"| {split} | {reading} | {ours['pages']} | {ours['precision']:.3f} | {ours['recall']:.3f} | {ours['f1']:.3f} | "
                f"{base['precision']:.3f} | {base['recall']:.3f} | {base['f1']:.3f} | {ours['empty']} |"
            )
    out += ["", "F1 by language, both halves (pipeline / baseline):", "", "| language | pages | HTML | text |", "|---|---|---|---|"]
    for language in sorted(languages):
        cells = []
        for reading in READINGS:
            pairs = [
                (pair["pipeline"]["by_page"][g.page], pair["baseline"]["by_page"][g.page])
                for g in golds
                if g.language == language and g.page in (pair := results[g.split][reading])["pipeline"]["by_page"]
            ]
            cells.append(f"{mean(p for p, _ in pairs):.3f} / {mean(b for _, b in pairs):.3f}" if pairs else "-")
        out.append(f"| {language} | {languages[language]} | {' | '.join(cells)} |")
    out += ["", "F1 by page (pipeline / baseline):", "", "| page | half | HTML | text |", "|---|---|---|---|"]
    for split, readings in results.items():
        html, text = readings["html"], readings["text"]
        for page in html["pipeline"]["by_page"]:
            cells = [f"{html['pipeline']['by_page'][page]:.3f} / {html['baseline']['by_page'][page]:.3f}"]
            cells.append(
                f"{text['pipeline']['by_page'][page]:.3f} / {text['baseline']['by_page'][page]:.3f}"
                if page in text["pipeline"]["by_page"]
                else "-"
            )
            out.append(f"| {page} | {split} | {' | '.join(cells)} |")
    return [*out, ""]
