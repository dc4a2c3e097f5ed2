"""Separate an article body from page furniture in scraped plain text, line by line.

Evidence, not memorised phrases: each line gets cheap features (length, word count, terminal
punctuation, stop-word ratio, UI-vocabulary hits from seeds/reference/furniture_words.csv, URLs,
glued menu words, Title Case, address to the reader, repetition within the page and across pages
of the same source). The body is the densest run of prose lines (maximum-sum run: prose lines
score their word count, other lines a penalty that grows along a run of them, so that a menu
parts a notice from the story while a byline and a date do not; a table's rows inside the story
do not part it); what comes before it is the head (title, byline, date), what comes after it is
the tail. Inside the body, lines with strong furniture evidence are dropped (in any language a
"Label: headline" link and a notice on the page's top edge too), a comments heading and then a
trailing author bio cut the body, and a caption printed twice in a row is kept once. The lexicon
holds UI words of several languages; the evidence above needs none.

Live pages: a bare timestamp ("16:42", "10:45am GMT", "2 hours ago") is dropped but scores
neutrally, so that a timeline of short entries holds together as one body; the entries are kept
when they are prose or short sentences.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipelines.clean.language import ratio_scale, stop_words
from pipelines.clean.words import clean_words
from pipelines.reference import reference_rows

# How much one lexicon hit counts, by category: calls to action and ads are the strongest signal;
# navigation, section names, social and media words also occur in ordinary news prose.
CATEGORY_WEIGHT = {
    "cta": 1.0,
    "ad": 1.0,
    "legal": 0.7,
    "list": 0.7,
    "nav": 0.5,
    "section": 0.5,
    "social": 0.5,
    "media": 0.5,
    "comments": 0.5,
}
STRONG_CATEGORIES = frozenset({"cta", "ad"})
NOTICE_CATEGORIES = frozenset({"cta", "ad", "legal"})
LINK_LABEL_CATEGORIES = frozenset({"cta", "list", "media", "social"})

MIN_SENTENCE_WORDS = 3
PROSE_MIN_WORDS = 8  # a shorter line with a full stop is a short sentence, scored neutrally
LONG_LINE_WORDS = 20  # prose even without terminal punctuation (truncated or quoted paragraphs)
# UI words inside a long paragraph ("promoted", "register", "download") are usually news, not a
# prompt: past this length a line needs this density of call-to-action words to count as UI.
UI_WORDS_ANYWHERE_MAX_WORDS = 30
UI_MIN_DENSITY = 0.05
MIN_STOP_RATIO = 0.2  # English prose is ~40-50% stop words; menus and lists of names are not
# Other languages' prose has fewer stop words on spaCy's lists (inflected languages such as Russian
# or Turkish fold many function words into endings: ~20-30%); menus still have next to none.
MIN_OTHER_LANGUAGE_STOP_RATIO = 0.1
# A line of this many words with every content word capitalised is a headline (a "More from"
# list), not a sentence, even when it ends in a question mark.
TITLE_CASE_MIN_WORDS = 6
SHORT_SENTENCE_WEIGHT = 1.0  # "Observers left." holds a body together without extending it much
NON_PROSE_PENALTY = 2.0
FURNITURE_PENALTY = 8.0
# Each further plain line of a run of non-prose lines costs this much more than the one before: a
# menu, a masthead and a headline block (many short lines) part a cookie notice or a promo at the
# top of the page from the article below it, while the byline, date and caption between a
# standfirst and the story (two or three lines) cost little more than before. A list the story
# introduces ("The main measures:") does not grow, nor does furniture, which costs more already.
GAP_STEP = 2.0
# A table inside the story (rows of short cells) is no such gap: see _across_tables.
TABLE_MIN_LINES = 8
TABLE_CELL_MAX_WORDS = 3
TABLE_CELL_SHARE = 0.6
TABLE_JOIN_MIN_WORDS = 100  # a few paragraphs: a notice or a teaser above a menu is shorter
REPEATED_PROSE_MAX_UI = 1.0  # a repeated prose line with this much UI vocabulary is a promo
SHARED_QUOTE_MIN_PAGES = 3  # pages that must share a plain prose line inside their bodies to make it furniture
PAGE_EDGE_LINES = 3  # a page's first and last lines, where mastheads and footers sit
KEY_NORMALISE_MAX_CHARS = 80
WRAPPED_LINE_MIN_WORDS = 4  # a line of a hard-wrapped paragraph holds more words than this, bar its last
# A keyboard shortcut ("Ctrl+Enter") speaks to the reader's browser, in any language.
_SHORTCUT = re.compile(r"\b(?:ctrl|strg|cmd|alt|shift)\s*\+\s*\w", re.I)
MAX_PHRASE_WORDS = 4
BIO_MIN_BODY_SHARE = 0.6  # a bio-shaped line earlier than this is part of the story
# A comments section may be as long as the story it follows: a comments heading ends the body once
# a third of the run's prose comes before it (earlier, it may be a subheading of the story).
COMMENTS_MIN_BODY_SHARE = 0.3
# Pages that share more than this share of the shorter page's prose are versions of one story
# (syndicated, edited or truncated copies): their common lines are the story itself. Furniture
# recurs on unrelated stories, which share only a few lines. The overlap coefficient, unlike
# Jaccard, stays high for a truncated copy.
SHARED_PROSE_OVERLAP = 0.5
HEADER_LINES_IN_BODY = 3  # a byline or date line may follow the standfirst, which opens the body
LINK_LABEL_MAX_WORDS = 3  # "Read more:", "Mehr zum Thema:", "À lire aussi :"; a longer lead is a headline's
EDGE_NOTICE_GAP_LINES = 2  # non-prose lines after a paragraph on a page's top edge that mark it a notice
LINK_BLOCK_MIN_LINES = 2  # headline-like lines in a row inside a body are a block of links, one alone a subheading
LIST_ITEM_MAX_UI = 0.25  # UI-lexicon weight per word above which a short line is a link, not a list item
LIST_MAX_ITEMS = 20  # a list a story introduces ("The main measures:") is shorter; a menu may be longer

# A word, or one Han/kana/hangul character (those scripts do not separate words with spaces).
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]|\w+(?:['’]\w+)*")
_CLOSERS = "'\"”’)]"
_QUOTATION = re.compile(r"[\"“”«»„]")
_TERMINALS = (".", "!", "?", "…", ":", "。", "！", "？")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|org|net|info|co\.uk)\b", re.I)  # a cited source in prose is fine
_LIST_MARKER = re.compile(r"^(?:[-*•·–]|\d{1,2}[.)])\s")  # trafilatura writes "- " before a list item
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_GLUED = re.compile(r"[a-z][A-Z][a-z]+[A-Z]")  # "HomeWorldPolitics": menu items run together
# Photo credits are cut from captions.
# "(Jane Roe/Agency)" with capitalised names on both sides of the slash, or a credit word.
_CREDIT_PARENS = re.compile(
    r"\((?:[A-Z][\w.'’\-]* ?){1,4}/[A-Z][^()]*\)\.?$|\((?:[^()]*\b)?(?:photo|photograph|image|picture|credit|via|getty|file|supplied|handout)\b[^()]*\)\.?$",
    re.I,
)
_CREDIT_MARK = re.compile(
    r"(?i:\b(?:photo(?:graph)?s?|images?|pictures?|credits?|illustration|video)\s*(?:credit\s*)?:\s*\S"
    r"|\b(?:photo|image|picture)s?\s+(?:by|courtesy(?: of)?)\s+\S|\bgetty images\)?\.?$)"
    r"|\b[A-Z]{2,}/[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}\.?$"  # "REUTERS/Jane Roe" ending the line
)
CREDIT_TAIL_CHARS = 60  # credits close a caption: only the end of a line is searched
CAPTION_LINE_MAX_WORDS = 60  # even long wire captions are shorter
# Staff credits closing a report are furniture: "Reporting by X; Editing by Y", "X contributed to this report."
_STAFF_CREDIT = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing|edited|compiled|produced|graphics|research|translation|translated)\s+by\b"
    r"|;\s*(?:editing|edited|writing)\s+by\b|\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))\b",
    re.I,
)
_LEGAL_LINE = re.compile(r"^(?:©|\(c\)\s*(?:19|20)\d\d|copyright\s*(?:©\s*)?(?:19|20)\d\d)|\ball rights reserved\b", re.I)
LEGAL_LINE_MAX_WORDS = 40
# "Read more: <headline>", "Watch | <title>": a short label from the furniture lexicon, then a colon or bar.
_LABEL_LEAD = re.compile(r"^([^\W\d_](?:[^\W\d_]|['’ ]){0,24}?)\s*[:|»]\s*\S")
_TIMESTAMP = re.compile(
    r"^(?:(?:updated|posted|published)(?:\s+at)?\s*:?\s*)?(?:(?:\d{1,2}\s+[a-z]{3,9}\.?|[a-z]{3,9}\.?\s+\d{1,2})(?:,?\s+\d{4})?,?\s+)?"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
    r"|(?:\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)|an? (?:minute|hour|day|week)) ago|just now)$",
    re.I,
)
# Notes about the article rather than the story: "Editor's note: ...", "Correction: ...",
# "This story has been updated ...", "The views expressed are the author's own."
_EDITORIAL_NOTE = re.compile(
    r"^(?:editor['’]?s['’]? note|note to (?:our )?readers|correction|clarification)\s*[:.—–-]"
    r"|^(?:this (?:story|article|column|piece|post|report|interview|conversation|transcript) (?:has been|was) "
    r"(?:updated|corrected|amended|originally published|(?:lightly )?(?:edited|condensed))"
    r"|an earlier version of this (?:story|article|column|piece|post|report))\b"
    r"|\b(?:views|opinions) expressed\b.{0,80}\b(?:own|necessarily|those of)\b|\bdo(?:es)? not necessarily (?:reflect|represent)\b",
    re.I,
)
# The heading of a comments section: "123 Comments", "Comments (4)", "Leave a reply", "Join the conversation".
_COMMENTS_HEADING = re.compile(
    r"^(?:[\d,.]+k?\s+)?comments?(?:\s*\(\d+\))?$|^(?:leave|post|add|write) a (?:comment|reply)\b"
    r"|^join the (?:conversation|discussion|debate)\b|^(?:show|view|load|read) (?:all )?(?:[\d,]+ )?comments\b",
    re.I,
)
# Invisible format characters (zero-width spaces and joiners, word joiner, byte-order mark, soft
# hyphen): they split words and make blank lines look non-blank, and the stored body is better without.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_NORMALISE = re.compile(r"\W+")
_DIGITS = re.compile(r"\d")
# A bio starts with a short capitalised name, then "is/was a/an/one of ... <profession>".
_BIO = re.compile(
    r"^(?:[*—–-]\s*)?(?:[A-Z][\w.'’\-]*\s+){1,4}(?:is|was|has been)\s+(?:a|an|one of|the)\b[^.]{0,120}?\b"
    r"(?i:journalist|correspondent|reporter|editor|writer|analyst|fellow|columnist|contributor|author|researcher|producer|"
    r"photographer|professor|lecturer|scholar|economist|historian|director|founder|diplomat|ambassador|lawyer|attorney|consultant|"
    r"newspaper|magazine|publication|website|outlet|news\s+(?:site|portal|agency))s?\b"
)


@dataclass(frozen=True)
class LineFeatures:
    words: int
    prose: bool
    ui_score: float  # weighted furniture-lexicon hits
    strong_ui: bool  # call-to-action/ad vocabulary, URL, glued menu, lexicon-dense short line
    reader_address: bool  # speaks to the reader ("you ... your") outside a quotation
    bio: bool
    short_sentence: bool  # a few words ending like a sentence, not UI text
    timestamp: bool  # a bare time: dropped, but neutral between the entries of a live page
    comments_heading: bool


@dataclass(frozen=True)
class PageLayout:
    """Logical lines of a page split by position; `body` holds only the lines kept."""

    head: list[str]
    body: list[str]
    tail: list[str]


@lru_cache(maxsize=1)
def furniture_lexicon() -> dict[str, str]:
    """word or phrase (lower case) -> category, from the reference CSV."""
    return {row["word"].strip().lower(): row["category"].strip() for row in reference_rows("furniture_words.csv")}


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    return frozenset(term.split()[0] for term in furniture_lexicon() if " " in term)


def is_photo_caption(line: str) -> bool:
    """A caption carrying a photo credit ("(Jane Roe/Agency via AP)", "Photo: X", "REUTERS/Name",
    "Getty Images")."""
    if line.count(" ") >= CAPTION_LINE_MAX_WORDS:  # a paragraph, perhaps with a caption run into it
        return False
    return bool(_credit_mark(line) or (line.endswith((")", ").")) and _CREDIT_PARENS.search(line, max(0, line.rfind("(")))))


def _credit_mark(line: str) -> re.Match[str] | None:
    # A credit closes its caption, so only the end of a line is searched (it keeps long paragraphs cheap).
    return _CREDIT_MARK.search(line, max(0, len(line) - CREDIT_TAIL_CHARS))


def strip_photo_credit(line: str) -> str:
    """A caption without its credit ("" for a credit on its own line); other lines unchanged.

    The caption's words stay: they often report the event itself."""
    if not is_photo_caption(line):
        return line
    start = line.rfind("(")
    if start >= 0 and _CREDIT_PARENS.search(line, start):
        line = line[:start]
    elif m := _credit_mark(line):
        line = line[: m.start()]
    return line.rstrip(" ,;:|-–—")


def logical_lines(text: str) -> list[str]:
    """Non-blank lines, stripped of photo credits; hard-wrapped lines of one paragraph are
    re-joined (a line of a few words before a lower-case one is a heading or a label: "Comments
    (24)", then a user name), and a line printed twice in a row (a repeated caption, with or without its
    credit) is kept once."""
    lines: list[str] = []
    previous_blank = True
    for raw in _INVISIBLE.sub("", text).splitlines():  # \r\n and \r too
        line = strip_photo_credit(" ".join(raw.split()))
        if not line:
            previous_blank = True
            continue
        if (
            lines
            and not previous_blank
            and line[0].islower()
            and lines[-1][-1] not in '.!?:”"'
            and lines[-1].count(" ") >= WRAPPED_LINE_MIN_WORDS - 1
        ):
            lines[-1] = f"{lines[-1]} {line}"
        elif not lines or line.rstrip(" .") != lines[-1].rstrip(" ."):
            lines.append(line)
        previous_blank = False
    return lines


@lru_cache(maxsize=65536)
def line_key(line: str) -> str:
    """Comparison key: case, punctuation and digits do not make two short furniture lines differ
    (long lines repeat verbatim, and normalising them is the costliest step of a page)."""
    if len(line) > KEY_NORMALISE_MAX_CHARS:
        return line.lower()
    return _DIGITS.sub("0", _NORMALISE.sub(" ", line.lower())).strip()


def is_terminal(line: str) -> bool:
    """Ends like a sentence (or introduces a quotation), closing quotes/brackets aside."""
    return line.rstrip(_CLOSERS).endswith(_TERMINALS)


@lru_cache(maxsize=65536)
def line_features(line: str, language: str = "en") -> LineFeatures:
    """A line's evidence; prose is judged by the stop words of the page's `language` (a language
    with no stop-word list passes that test, and is judged on the rest)."""
    stops = stop_words(language)
    min_stop_ratio = MIN_STOP_RATIO if language == "en" else MIN_OTHER_LANGUAGE_STOP_RATIO * ratio_scale(language)
    words = _WORD.findall(line)
    tokens = [w.lower() for w in words]
    n = len(tokens)
    lexicon = furniture_lexicon()
    categories = list(filter(None, map(lexicon.get, tokens)))
    if not _phrase_starts().isdisjoint(tokens):  # only then look for multi-word terms
        categories += _phrase_categories(tokens)
    score = sum(CATEGORY_WEIGHT[c] for c in categories)
    strong = sum(c in STRONG_CATEGORIES for c in categories)
    stop_ratio = (sum(map(stops.__contains__, tokens)) / n if n else 0.0) if stops else 1.0
    terminal = is_terminal(line)
    short = n < PROSE_MIN_WORDS
    timestamp = short and bool(_TIMESTAMP.match(line))
    second_person = sum(map(clean_words()["second_person"].__contains__, tokens))
    # A sentence of reported prose (a full sentence in the third person that opens with no UI word)
    # is news about subscriptions or a website, not a prompt: a prompt speaks to the reader or
    # opens with a call to action ("Sign up ...", "Subscribe now ..."). Such a line is UI only when
    # the lexicon is dense in it.
    opens_with_cta = _opens_with_cta(line, lexicon)
    reported = terminal and not short and stop_ratio >= min_stop_ratio and not second_person and not opens_with_cta
    # the site speaking ("Subscribe to our channel ...", "Abonnez-vous à notre lettre")
    site_voice = second_person or not clean_words()["first_person_plural"].isdisjoint(tokens)
    strong_ui = (
        (strong >= 2 and not reported and (n <= UI_WORDS_ANYWHERE_MAX_WORDS or strong >= UI_MIN_DENSITY * n))
        or (opens_with_cta and site_voice and n <= UI_WORDS_ANYWHERE_MAX_WORDS)
        or (not reported and ("://" in line or "www." in line))
        or (short and bool(_DOMAIN.search(line)))
        or (not terminal and bool(_GLUED.search(line)))
        or (score > 0 and score >= 0.25 * n)
        or bool(_STAFF_CREDIT.search(line))
        or (n <= LEGAL_LINE_MAX_WORDS and bool(_LEGAL_LINE.search(line)))
        or _labelled_link(line, lexicon)
        or timestamp
        or bool(_EDITORIAL_NOTE.search(line))
        or ("+" in line and bool(_SHORTCUT.search(line)))
    )
    content = [w for w, t in zip(words, tokens, strict=True) if t not in stops]
    title_case = n >= TITLE_CASE_MIN_WORDS and bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)
    prose = stop_ratio >= min_stop_ratio and not strong_ui and not title_case and ((terminal and not short) or n >= LONG_LINE_WORDS)
    reader = second_person >= 2 and '"' not in line and "“" not in line
    short_sentence = (
        # A UI word or two ("more", "follow") does not unmake a sentence; dense UI vocabulary does.
        short and terminal and n >= MIN_SENTENCE_WORDS and not strong_ui and stop_ratio >= min_stop_ratio
    )
    comments = n <= MAX_PHRASE_WORDS and (bool(_COMMENTS_HEADING.match(line)) or _comments_label(tokens, lexicon))
    return LineFeatures(n, prose, score, strong_ui, reader, bool(_BIO.match(line)), short_sentence, timestamp, comments)


def _opens_with_cta(line: str, lexicon: dict[str, str]) -> bool:
    """Whether a sentence of the line opens with a call to action ("Want more? Subscribe now ...", "Sign up ...")."""
    for sentence in _SENTENCE_BREAK.split(line):
        opening = [w.lower() for w in _WORD.findall(sentence)[:2]]
        if opening and "cta" in (lexicon.get(opening[0]), lexicon.get(" ".join(opening))):
            return True
    return False


def _label_and_link(line: str, f: LineFeatures) -> bool:
    """A label of a few words in sentence case (or capitals), a colon and a headline, in any
    language ("Zobacz także: <headline>", "Baca juga: <headline>", "ALSO READ: <headline>"): a
    link, even when the lexicon does not know the label. A sentence (prose, or ending like one) is
    not, nor a subheading led by one word or a name ("Federal: Health care ...", "New York: ...")."""
    m = _LABEL_LEAD.match(line)
    if not m or f.prose or is_terminal(line):
        return False
    label = m[1].split()
    return 2 <= len(label) <= LINK_LABEL_MAX_WORDS and (m[1].isupper() or all(w.islower() for w in label[1:]))


def _edge_notice(lines: Sequence[str], features: Sequence[LineFeatures], i: int) -> bool:
    """A paragraph at the top edge of the page with the vocabulary of a notice (calls to action,
    ads, legal words: "cookies", "subscribe") that non-prose lines (buttons, masthead, menu) part
    from whatever follows: a notice, not the story."""
    following = features[i + 1 : i + 1 + EDGE_NOTICE_GAP_LINES]
    if not features[i].prose or len(following) < EDGE_NOTICE_GAP_LINES:
        return False
    if any(f.prose or f.short_sentence or f.timestamp for f in following):
        return False
    return _notice_words(lines[i])


def _notice_words(line: str) -> bool:
    """Whether the line holds words of a notice or a prompt: calls to action, ads, legal words
    (navigation and section words are also a subheading's: "What happens next")."""
    tokens = [w.lower() for w in _WORD.findall(line)]
    lexicon = furniture_lexicon()
    return not NOTICE_CATEGORIES.isdisjoint([*map(lexicon.get, tokens), *_phrase_categories(tokens)])


def _comments_label(tokens: list[str], lexicon: dict[str, str]) -> bool:
    """A comments heading in any language the lexicon knows: its words (numbers aside) are the
    lexicon's comments words ("Kommentare (12)", "Réactions", "Комментарии")."""
    words = [t for t in tokens if not t.isdigit()]
    return bool(words) and (lexicon.get(" ".join(words)) == "comments" or all(lexicon.get(t) == "comments" for t in words))


def _labelled_link(line: str, lexicon: dict[str, str]) -> bool:
    """ "Read more: <headline>", "Related | <title>": a furniture label introducing a link."""
    m = _LABEL_LEAD.match(line)
    return bool(m) and lexicon.get(m[1].strip().lower()) in LINK_LABEL_CATEGORIES


def _phrase_categories(tokens: list[str]) -> list[str]:
    lexicon, starts = furniture_lexicon(), _phrase_starts()
    found = []
    for i, token in enumerate(tokens):
        if token in starts:
            for length in range(2, min(MAX_PHRASE_WORDS, len(tokens) - i) + 1):  # a slice past the end would repeat a word
                category = lexicon.get(" ".join(tokens[i : i + length]))
                if category:
                    found.append(category)
    return found


def _line_weight(f: LineFeatures) -> float:
    if f.timestamp:
        return 0.0
    if f.strong_ui or f.reader_address:
        return -FURNITURE_PENALTY
    if f.prose:
        return float(f.words)
    if f.short_sentence:
        return SHORT_SENTENCE_WEIGHT
    return -NON_PROSE_PENALTY


def _growing_gaps(lines: Sequence[str], weights: Sequence[float]) -> list[float]:
    """The weights with each plain non-prose line of a run of negative lines costing GAP_STEP
    more per line before it (see GAP_STEP); a line of furniture keeps its own, already higher,
    cost (a newsletter box of a few lines inside the story does not outweigh its first paragraph),
    a neutral line (a timestamp) neither extends nor ends a run, and the items after a line that
    introduces a list cost their own weight."""
    grown, run, listing = [], 0, False
    for line, weight in zip(lines, weights, strict=True):
        if weight > 0:
            run, listing = 0, line.rstrip().endswith(":")
        elif weight < 0:
            grown.append(weight - GAP_STEP * run if weight == -NON_PROSE_PENALTY and not listing else weight)
            run += 1
            continue
        grown.append(weight)
    return grown


def _across_tables(
    weights: Sequence[float], features: Sequence[LineFeatures], furniture: Sequence[bool], first: int, last: int
) -> tuple[int, int]:
    """The run [first, last) joined with a substantial run of prose on the far side of a table: a
    gap of TABLE_MIN_LINES or more plain lines (no UI words, none of the site's template; cells
    repeat, so repetition within the page does not count), most of them cells of a few words. A menu carries UI words, a list of teasers longer lines; a table's rows, which
    the story introduces and goes on after, would otherwise part the story in two."""

    def table(gap: range) -> bool:
        plain = all(not furniture[i] and features[i].ui_score == 0 and weights[i] <= 0 for i in gap)
        cells = sum(features[i].words <= TABLE_CELL_MAX_WORDS for i in gap)
        return len(gap) >= TABLE_MIN_LINES and plain and cells >= TABLE_CELL_SHARE * len(gap)

    def prose_words(run: range) -> int:
        return sum(features[i].words for i in run if features[i].prose)

    gap_start = first
    while gap_start > 0 and weights[gap_start - 1] <= 0 and not furniture[gap_start - 1]:
        gap_start -= 1
    if gap_start and table(range(gap_start, first)):
        start = _best_end(weights, range(gap_start - 1, -1, -1))
        if prose_words(range(start, gap_start)) >= TABLE_JOIN_MIN_WORDS:
            first = start
    gap_end = last
    while gap_end < len(weights) and weights[gap_end] <= 0 and not furniture[gap_end]:
        gap_end += 1
    if gap_end < len(weights) and table(range(last, gap_end)):
        end = _best_end(weights, range(gap_end, len(weights))) + 1
        if prose_words(range(gap_end, end)) >= TABLE_JOIN_MIN_WORDS:
            last = end
    return first, last


def _best_end(weights: Sequence[float], order: range) -> int:
    """The line where the sum of weights taken in `order` from its start is highest."""
    best, best_at, total = float("-inf"), order.start, 0.0
    for i in order:
        total += weights[i]
        if total > best:
            best, best_at = total, i
    return best_at


def _densest_run(weights: Sequence[float], start: int, end: int) -> tuple[int, int]:
    """[first, last) of the maximum-sum run of weights[start:end] (empty run when none is positive)."""
    best, best_span = 0.0, (start, start)
    total, run_start = 0.0, start
    for i in range(start, end):
        if total <= 0:
            total, run_start = 0.0, i
        total += weights[i]
        if total > best:
            best, best_span = total, (run_start, i + 1)
    return best_span


def shared_furniture(pages: Sequence[Sequence[str]]) -> frozenset[str]:
    """Line keys that recur across pages of one source whose bodies otherwise differ.

    Syndicated copies of one story share their prose, so a line only counts when two pages that
    share it have dissimilar prose (overlap below SHARED_PROSE_OVERLAP). A prose line with little UI
    vocabulary may be news two stories share (a statement quoted verbatim): it counts only when
    SHARED_QUOTE_MIN_PAGES pages hold it, or every page that holds it has it at an edge (within
    its first or last PAGE_EDGE_LINES lines), where a site's footer or masthead sits, and it
    quotes no one (quoted speech is a quote wherever it stands)."""
    page_keys = [{line_key(line) for line in page} for page in pages]
    prose_keys = [frozenset(line_key(line) for line in page if line_features(line).prose) for page in pages]
    holders: dict[str, list[int]] = defaultdict(list)
    quotable: set[str] = set()
    inside: set[str] = set()  # keys some page holds away from its edges
    for index, page in enumerate(pages):
        for position, line in enumerate(page):
            key = line_key(line)
            if _quotable(line_features(line)):
                quotable.add(key)
                # quoted speech is news wherever it stands; a footer or masthead quotes no one
                if PAGE_EDGE_LINES <= position < len(page) - PAGE_EDGE_LINES or _QUOTATION.search(line):
                    inside.add(key)
        for key in page_keys[index]:
            holders[key].append(index)
    shared = set()
    for key, docs in holders.items():
        if len(docs) < 2 or not key:
            continue
        if key in quotable and key in inside and len(docs) < SHARED_QUOTE_MIN_PAGES:
            continue
        if any(_dissimilar(prose_keys[a], prose_keys[b]) for i, a in enumerate(docs[:10]) for b in docs[i + 1 : 10]):
            shared.add(key)
    return frozenset(shared)


def _quotable(f: LineFeatures) -> bool:
    """A line of prose a story may share with another: a quote, a statement, a standfirst."""
    return f.prose and f.ui_score < REPEATED_PROSE_MAX_UI and not f.strong_ui


def _dissimilar(a: frozenset[str], b: frozenset[str]) -> bool:
    smaller = min(len(a), len(b))
    return smaller == 0 or len(a & b) / smaller < SHARED_PROSE_OVERLAP


def split_page(lines: Sequence[str], shared: frozenset[str] = frozenset(), language: str = "en") -> PageLayout:
    """Head, kept body lines and tail of a page's logical lines (see module docstring), in `language`."""
    keys = [line_key(line) for line in lines]
    counts: dict[str, int] = defaultdict(int)
    for key in keys:
        counts[key] += 1
    features = [line_features(line, language) for line in lines]
    # A line repeated on the page (not in a row: those are merged) or across pages is furniture,
    # unless it is prose with little UI vocabulary (a standfirst repeated as the lede), in which
    # case its first copy stays.
    furniture = [
        f.strong_ui
        or keys[i] in shared
        or (counts[keys[i]] > 1 and (not f.prose or f.ui_score >= REPEATED_PROSE_MAX_UI))
        or _label_and_link(lines[i], f)
        or (i < PAGE_EDGE_LINES and _edge_notice(lines, features, i))
        for i, f in enumerate(features)
    ]
    # A line with a prompt's words next to a prompt or an ad belongs to it ("Get the latest
    # headlines straight to your inbox" over "Sign up to our newsletter."); a subheading has none.
    furniture = [
        bad
        or (
            f.ui_score > 0
            and not (f.prose or f.short_sentence)
            and any(features[j].strong_ui for j in (i - 1, i + 1) if 0 <= j < len(lines))
            and _notice_words(lines[i])
        )
        for i, (bad, f) in enumerate(zip(furniture, features, strict=True))
    ]
    seen: set[str] = set()
    weights = []
    for i, f in enumerate(features):
        repeated_prose = keys[i] in seen
        seen.add(keys[i])
        if furniture[i] or repeated_prose:
            furniture[i] = True
            weights.append(0.0 if f.timestamp else -FURNITURE_PENALTY)
        else:
            weights.append(_line_weight(f))
    weights = _growing_gaps(lines, weights)
    template = [f.strong_ui or key in shared for f, key in zip(features, keys, strict=True)]  # not just repeated
    first, last = _across_tables(weights, features, template, *_densest_run(weights, 0, len(lines)))
    # After a share of the body, a comments heading ends it; then, after most of what is left, so
    # does an author bio that follows a non-prose line (name, photo) or is the last sentence standing.
    first, last = _cut_at(weights, features, first, last, COMMENTS_MIN_BODY_SHARE, lambda i: features[i].comments_heading)
    story = [i for i in range(first, last) if not furniture[i] and (features[i].prose or features[i].short_sentence)]
    first, last = _cut_at(
        weights, features, first, last, BIO_MIN_BODY_SHARE, lambda i: features[i].bio and (not features[i - 1].prose or story[-1:] == [i])
    )
    list_start = last
    last = _introduced_list_end(lines, features, furniture, last)
    kept = [i for i in range(first, last) if not furniture[i] and (features[i].words > 1 or is_terminal(lines[i]))]
    links = _link_blocks(lines, features, [i for i in kept if i < list_start])
    body = [lines[i] for i in kept if i not in links]
    return PageLayout(head=list(lines[:first]), body=body, tail=list(lines[last:]))


def _cut_at(
    weights: Sequence[float], features: Sequence[LineFeatures], first: int, last: int, share: float, ends: Callable[[int], bool]
) -> tuple[int, int]:
    """The run [first, last), or the densest run before its first line (past the first) that
    `ends` the body once `share` of the run's prose words come before it."""
    body_words = sum(features[i].words for i in range(first, last) if features[i].prose)
    words_so_far = 0
    for i in range(first, last):
        if i > first and words_so_far >= share * body_words and ends(i):
            return _densest_run(weights, first, i)
        if features[i].prose:
            words_so_far += features[i].words
    return first, last


def _introduced_list_end(lines: Sequence[str], features: Sequence[LineFeatures], furniture: Sequence[bool], last: int) -> int:
    """Where the body ends when its last line introduces a list ("The main measures:"): the list's
    items are the story's, though short and unpunctuated like a menu. Items run on while UI
    vocabulary is sparse in them (a word in four at most: "A national register of landlords", not
    "Most read") and, when the first has one, they carry its list marker; LIST_MAX_ITEMS at most."""
    if not last or not lines[last - 1].rstrip().endswith(":"):
        return last
    marker = _LIST_MARKER.match(lines[last]) if last < len(lines) else None
    end = last
    while end < min(len(lines), last + LIST_MAX_ITEMS):
        f = features[end]
        if (
            furniture[end]
            or f.ui_score >= LIST_ITEM_MAX_UI * f.words
            or f.reader_address
            or (marker and not lines[end].startswith(marker[0]))
        ):
            break
        end += 1
    return end


def _link_blocks(lines: Sequence[str], features: Sequence[LineFeatures], kept: Sequence[int]) -> set[int]:
    """Lines of the body that form a block of links: two or more lines in a row that are neither
    prose nor sentences ("Related coverage", then headlines; the cells of a table), with the short
    sentences among them (a linked headline may end in "?"). One such line alone between
    paragraphs is a subheading or a caption and stays; so do the items of a list a line introduces
    ("The main measures:"), and the lines opening the body, where a byline and a date line sit."""
    blocks: list[list[int]] = []
    items = 0  # items of the list the last line ending in a colon introduced, while they run on
    for position, i in enumerate(kept):
        f = features[i]
        introduced = position and lines[kept[position - 1]].rstrip().endswith(":")
        items = 1 if introduced else items + 1 if items and not f.prose else 0
        if items > LIST_MAX_ITEMS or f.ui_score >= LIST_ITEM_MAX_UI * f.words:
            items = 0
        if f.prose or items:
            blocks.append([])
        elif blocks and blocks[-1] and blocks[-1][-1] == kept[position - 1]:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    # The body's first lines may hold its byline and date lines, after the standfirst and before the
    # story's first paragraph: the clean stage moves them to the header.
    prose = [i for i in kept if features[i].prose]
    opening = {i for i in kept[:HEADER_LINES_IN_BODY] if len(prose) < 2 or i < prose[1]}
    return {
        i
        for block in blocks
        if sum(not features[j].short_sentence for j in block) >= LINK_BLOCK_MIN_LINES and block[0] not in opening
        for i in block
    }
