"""Article fields from a page's head lines, metadata and URL: title, byline, publisher, date.

Dates are taken only from metadata, the header/byline area or the URL path, never from the body;
when nothing states a date the field stays None rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from urllib.parse import urlsplit

import dateparser
from dateparser.languages.loader import default_loader

from pipelines.clean.furniture import line_features
from pipelines.clean.words import clean_words

TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
TITLE_BYLINE_WINDOW = 2  # a byline or date line this close after a line marks it as the headline
TITLE_MAX_UI = 1.0  # "World leaders meet" is a headline; "Breaking News" is not
DATE_LINE_MAX_WORDS = 14  # a header date line is mostly the date ("Published 14 Sep 2022, 10:02")
SUFFIX_MAX_WORDS = 6  # " | Site Name" suffix of a page title
MIN_SITE_KEY_CHARS = 4
BYLINE_MAX_WORDS = 12  # longer is a sentence that happens to start with "By"
OUTLET_MAX_WORDS = 4  # "By Jane Roe | Reuters", "| The Delta Times"
BOX_NAME_MAX_WORDS = 4  # an author box's name line is a name alone

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_ISO_DATE = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")  # 2022-09-14, 2022/9/14
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")  # 14/09/2022 or 09/14/2022
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|-|\b)")
# An ISO date, then perhaps a time: group 1 marks minutes, group 2 seconds.
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}(:\d{2})(:\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
# A dateline: a place (in capitals: `dateline_in` checks, for any script) and its region, perhaps a
# date ("March 5", "12 août") and an agency, then a dash.
_DATELINE = re.compile(
    r"^([^\W\d_][\w.'’\-]+(?: [^\W\d_][\w.'’\-]+){0,3})(?:, [^\W\d_][\w.]*(?: [^\W\d_][\w.]*)?)?"
    rf"(?:,? (?:{_MONTH} \d{{1,2}}|\d{{1,2}}\.? [^\W\d_]{{3,12}}\.?))?(?: \([^()]{{1,40}}\))? ?(?:--|[—–-]) ?\S"
)
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
}
# "Updated 09:20 GMT, 4 March 2021" up to a separator or the next label ("| Published ...", "first published ...").
_UPDATED = re.compile(r"\b(?:updated|modified|edited)\b.*?(?=[|•·;]|\b(?:first |originally )?(?:published|posted)\b|$)", re.I)

# A date or time as page headers stamp them in any language: 08.01.2024, 2024-01-08, 10:15,
# 18h20, 14 août 2023.
_STAMP = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b|\b\d{1,2}(?::|h)\d\d\b"
    r"|\b\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+(?:19|20)\d\d\b"
)
# A day-first dotted date, as most of Europe writes it: 10.01.2024.
_DOTTED_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b")
# A day, a month's name in any language and a year: "14 août 2023", "3 de marzo de 2024", "10. März 2024".
_WORD_DATE = re.compile(r"\b\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?\s+(?:de\s+)?(?:19|20)\d\d\b")
_CLOSING = "'\"”’)]»"
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|author|authors|posted by)\s*:?\s+(.+)$", re.I)
# "Posted on March 3, 2021 by Jane Roe": a blog's post line ends with the byline.
_POSTED_BY = re.compile(r"^(?:posted|published|written)\b.{0,40}?\bby\s+(.+)$", re.I)
# Where the names of a byline end: a bar, a date, "on <date>", "Updated ...".
_NAME_END = re.compile(r"\s*(?:[|•·]|\s[-–—]\s|\bon\b|\bupdated\b|\bpublished\b|\d).*$", re.I)
_NAME_LIST = re.compile(r"\s*(?:,|\band\b|&)\s*", re.I)
_AND = re.compile(r"\s(?:and|&)\s", re.I)
_PARENTHESES = re.compile(r"\([^()]*\)")
_LABEL = re.compile(r"^(?:publication|source|published|updated|posted|filed|date|volume|issue)\s*:", re.I)
_PUBLICATION = re.compile(
    r"^(?:publication|publisher|published by|source)\s*:\s*(.+?)(?:\s+(?:vol(?:ume)?|issue|no)\.?\s*:?\s*\d.*)?$", re.I
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)\d{2})?\s*)?([A-Z][\w&.'’ \-]{1,60}?)\s*(?:[.,|]|all rights|$)",
    re.I,
)
_COMPANY_SUFFIX = re.compile(r",?\s+(?:ltd|limited|inc|llc|plc|gmbh|pty)\.?$", re.I)  # the legal entity, not the title
_NAME = r"((?:The )?[A-Z][\w&.'’/-]*(?: [A-Z][\w&.'’/-]*){0,4})"  # a capitalised name of up to five words
# A site describing itself: "Euro Examiner is one of the best online newspapers in Europe".
_OUTLET_SELF = re.compile(
    rf"^{_NAME} (?:is|has been) (?:a|an|the|one of)\b[^.]{{0,80}}?"
    r"\b(?i:newspapers?|magazines?|publications?|websites?|news (?:sites?|portals?|agency|agencies|outlets?)|outlets?|broadcasters?)\b"
)
# The outlet in an author's bio: the one they joined, or the one they are a reporter for now.
_EMPLOYER = re.compile(
    rf"\b(?i:before|since|after) joining (?:the )?{_NAME}"
    rf"|\b(?:is|works as) an? (?:[\w-]+ ){{0,3}}?(?:journalist|reporter|correspondent|editor|writer|columnist|analyst|producer) (?:at|for|with) (?:the )?{_NAME}"
)
_SUFFIX_SEPARATOR = re.compile(r"\s+(?:\||[-–—]|::|»)\s+")
_NON_ALNUM = re.compile(r"[^a-z0-9]")
_HOST_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile|edition)\.")


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_in_text(text: str) -> dt.date | None:
    """First full date written out in `text` (ISO, "Sept. 14, 2022", "14 September 2022",
    "14/09/2022"); a numeric date whose day/month order is ambiguous is not taken."""
    found = []
    if m := _ISO_DATE.search(text):
        found.append((m.start(), make_date(int(m[1]), int(m[2]), int(m[3]))))
    if m := _MONTH_DAY_YEAR.search(text):
        found.append((m.start(), make_date(int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2]))))
    if m := _DAY_MONTH_YEAR.search(text):
        found.append((m.start(), make_date(int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1]))))
    if m := _NUMERIC_DATE.search(text):
        first, second = int(m[1]), int(m[2])
        if first > 12 or second > 12:  # day/month order is only known when one part exceeds 12
            day, month = (first, second) if first > 12 else (second, first)
            found.append((m.start(), make_date(int(m[3]), month, day)))
    dates = [d for _, d in sorted(found, key=lambda item: item[0]) if d]
    return dates[0] if dates else None


def parse_published(value: str | None) -> dt.date | None:
    """A date given by the source (JSONL field, HTML metadata); None when it is not a full date."""
    if not value or not value.strip():
        return None
    if found := date_in_text(value):
        return found
    # Slow, so only for unusual spellings; never relative dates ("yesterday") that would be guesses.
    parsed = dateparser.parse(value, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def is_iso_moment(value: str) -> bool:
    """ "2024-03-05", "2024-03-05T14:12", "2024-03-05T14:12:00+01:00": an ISO 8601 date, perhaps with its time."""
    return bool(_ISO_MOMENT.match(value.strip()))


def published_moment(published: dt.date | None, stated: Sequence[str | None]) -> tuple[str | None, str | None]:
    """(published_at, precision) for a publication date: the first ISO moment a source states for
    that day, with its time when it gives one ("2024-03-05T14:12:00Z", "second"), else the day
    itself ("2024-03-05", "day"); (None, None) without a date."""
    if published is None:
        return None, None
    moment = next((v.strip() for v in stated if v and is_iso_moment(v) and v.strip()[:10] == published.isoformat()), published.isoformat())
    time = _ISO_MOMENT.match(moment)
    return moment, "second" if time and time[2] else "minute" if time and time[1] else "day"


def dateline_in(paragraph: str) -> str | None:
    """The place a report is filed from, as the first paragraph prints it: "GENEVA, March 5
    (Meridian) - ...", "PORT MORESBY -- ...", "WASHINGTON (AP) — ..."."""
    m = _DATELINE.match(paragraph)
    return m[1] if m and m[1].isupper() and m[1][:1].isupper() else None  # capitals in any script: "MÜNCHEN --"


def date_from_url(url: str | None) -> dt.date | None:
    """Date in a URL path such as /2022/09/14/ or /2022-09-14-slug."""
    if not url:
        return None
    m = _URL_DATE.search(urlsplit(url).path)
    return make_date(int(m[1]), int(m[2]), int(m[3])) if m else None


def header_date(lines: Sequence[str], language: str = "en") -> dt.date | None:
    """Date on a short header or byline line; a publication date beats an "Updated" one, also
    on one line ("Updated 4 March 2021 | Published 3 March 2021"). On a page in another language,
    also a day, a month's name and a year in that language ("Publié le 14 août 2023", "3 de
    marzo de 2024") or a dotted day-first date ("10.01.2024")."""
    candidates = [line for line in lines if len(line.split()) <= DATE_LINE_MAX_WORDS]
    for prefer_original in (True, False):
        for line in candidates:
            if found := date_in_text(_UPDATED.sub(" ", line) if prefer_original else line):
                return found
    if language == "en" or language not in _dateparser_languages():
        return None
    for line in candidates:
        if m := _DOTTED_DATE.search(line):
            return make_date(int(m[3]), int(m[2]), int(m[1]))
        if m := _WORD_DATE.search(line):
            # dateparser knows the month names of the page's language; only the matched words go in
            parsed = dateparser.parse(m[0], languages=[language], settings=_DATEPARSER_SETTINGS)
            if parsed:
                return parsed.date()
    return None


@cache
def _dateparser_languages() -> frozenset[str]:
    """The ISO 639-1 codes whose month names dateparser knows."""
    return frozenset(code for code in default_loader.get_locale_map() if len(code) == 2)


def _byline_match(line: str) -> re.Match[str] | None:
    """A byline line's label and names: "By Jane Roe", "Written by: X", or in another language a
    byline word (clean_words.csv byline_lead: "Von", "Par", "Por") before at least two capitalised
    words ("Von Anna Schmidt"; "Von Braun" alone is a name)."""
    line = line.strip()
    if m := _BYLINE.match(line):
        return m
    lead, _, rest = line.partition(" ")
    words = rest.split()
    if lead.lower().rstrip(":") in clean_words()["byline_lead"] and len(words) >= 2 and all(w[:1].isupper() for w in words[:2]):
        return re.match(r"^\S+\s+(.+)$", line)
    return None


def byline_in(line: str) -> str | None:
    """The name(s) of a byline line ("By Jane Roe and John Doe", "Written by: X", "Author: X",
    "Par Julien Mercier")."""
    m = _byline_match(line) or _POSTED_BY.match(line.strip())
    if not m:
        return None
    words = m[1].split()
    if not words or not words[0][:1].isupper():
        return None
    return byline_names(m[1])


def byline_outlet(line: str) -> str | None:
    """The outlet a byline line names after a bar: "By Jane Roe | Reuters" -> "Reuters"; not a
    role ("| Political Editor") nor a date. (After a comma it may be a second author's name.)"""
    m = _byline_match(line)
    if not m or "|" not in m[1]:
        return None
    outlet = m[1].rsplit("|", 1)[1].strip(" .")
    words = outlet.split()
    if not (1 <= len(words) <= OUTLET_MAX_WORDS) or not all(w[:1].isupper() for w in words) or any(c.isdigit() for c in outlet):
        return None
    if not clean_words()["byline_role"].isdisjoint(w.lower() for w in words) or _NAME_END.search(outlet):
        return None
    return outlet


def byline_names(text: str) -> str | None:
    """Person names of a byline, without "By", roles or outlets, joined as "A, B and C".

    "Jane Roe, Reuters" and "Jane Roe and John Doe, Associated Press": a comma starts an
    affiliation unless the list goes on to an "and" (“A, B and C”); ";" separates names (as
    metadata joins several authors); an all-capitals byline ends where mixed case starts
    ("JANE ROE Associated Press")."""
    label = _BYLINE.match(text.strip())
    text = _NAME_END.sub("", _PARENTHESES.sub(" ", label[1] if label else text)).strip(" .:,")
    names: list[str] = []
    for group in text.split(";"):
        words = group.split()
        if words and words[0].isupper() and len(words[0]) > 1:
            cut = next((i for i, w in enumerate(words) if w.lower() not in {"and", "&"} and not w.isupper()), len(words))
            group = " ".join(words[:cut])
        parts = [part.strip() for part in group.split(",")]
        listed = next((i for i in range(len(parts) - 1, -1, -1) if _AND.search(f" {parts[i]} ")), 0)
        for name in _NAME_LIST.split(", ".join(parts[: listed + 1])):
            tokens = name.split()
            if tokens and tokens[0][:1].isupper() and clean_words()["byline_role"].isdisjoint(t.lower() for t in tokens):
                names.append(" ".join(t.title() if t.isupper() and len(t) > 1 else t for t in tokens))
    if not names or sum(len(n.split()) for n in names) > BYLINE_MAX_WORDS:
        return None
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def is_date_line(line: str) -> bool:
    return len(line.split()) <= DATE_LINE_MAX_WORDS and date_in_text(line) is not None


def is_header_line(line: str) -> bool:
    """A byline or a date stamp in any language, as a page's header sets them: a byline or date
    line as above; or a short line that does not end like a sentence and holds a numeric date, a
    clock time or a day, month and year ("Publié le 14 août 2023 à 18h20", "Анна Смирнова
    08.01.2024 10:15"), opens with a byline word ("Par Julien Mercier", "Von Katrin Vogel") or
    is a capitalised name and role ("Tom Hargreaves Local Democracy Reporter"). Layout evidence
    only: no field is read from it."""
    if byline_in(line) or is_date_line(line):
        return True
    words = line.split()
    if not words or len(words) > DATE_LINE_MAX_WORDS or line.rstrip(_CLOSING).endswith((".", "!", "?")):
        return False
    if _STAMP.search(line):
        return True
    lowered = [w.lower().strip(",:") for w in words]
    named = len(words) > 1 and all(w[:1].isupper() for w in words[1 : min(len(words), 3)])
    return (lowered[0] in clean_words()["byline_lead"] and named and len(words) <= BYLINE_MAX_WORDS) or (
        len(words) <= BOX_NAME_MAX_WORDS + 2 and all(w[:1].isupper() for w in words) and lowered[-1] in clean_words()["byline_role"]
    )


def title_in(head: Sequence[str]) -> str | None:
    """The headline among the head lines: a few words, no full stop, little UI vocabulary, not a
    label, byline, date or caption. A masthead or tagline may come first, so a line next to a
    byline or date line wins, then the longer line."""
    best, best_rank = None, (False, 0)
    for i, line in enumerate(head):
        features = line_features(line)
        if (
            TITLE_MIN_WORDS <= features.words <= TITLE_MAX_WORDS
            and features.ui_score < TITLE_MAX_UI
            and not features.strong_ui
            and not line.endswith((".", ")"))
            and not _LABEL.match(line)
            and byline_in(line) is None
            and not is_date_line(line)
        ):
            nearby = head[max(0, i - 1) : i] + head[i + 1 : i + 1 + TITLE_BYLINE_WINDOW]
            rank = (any(byline_in(n) or is_date_line(n) for n in nearby), features.words)
            if best is None or rank > best_rank:
                best, best_rank = line, rank
    return best


def strip_site_suffix(title: str, site_names: Sequence[str] = ()) -> str:
    """Drop a trailing " | Site" (always, when short) or " - Site" (when it names the site)."""
    parts = _SUFFIX_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    last = parts[-1].strip()
    separator = _SUFFIX_SEPARATOR.findall(title)[-1].strip()
    suffix = _site_key(last)
    names = [key for key in map(_site_key, site_names) if len(key) >= MIN_SITE_KEY_CHARS]
    names_site = len(suffix) >= MIN_SITE_KEY_CHARS and any(key in suffix or suffix in key for key in names)
    if len(last.split()) <= SUFFIX_MAX_WORDS and (separator in {"|", "::", "»"} or names_site):
        return title[: title.rfind(last)].rstrip(" |-–—:»")
    return title


def site_in_title(page_title: str, headline: str) -> str | None:
    """The site name a page <title> adds to the headline ("Headline - Site Name"); None when what
    it adds is longer than the headline, which makes that the headline and the first part the site
    ("Island Gazette - Assembly passes budget after all-night sitting", see `headline_in_title`)."""
    if not page_title.startswith(headline):
        return None
    rest = page_title[len(headline) :]
    m = _SUFFIX_SEPARATOR.match(rest)
    name = rest[m.end() :].strip() if m else ""
    return name if name and len(name.split()) <= min(SUFFIX_MAX_WORDS, len(headline.split())) else None


def headline_in_title(page_title: str, first_part: str) -> str | None:
    """The headline of a <title> that puts the site first: what follows `first_part` when it is
    longer than it ("Site Name - Headline")."""
    if not page_title.startswith(first_part):
        return None
    m = _SUFFIX_SEPARATOR.match(page_title[len(first_part) :])
    rest = page_title[len(first_part) + m.end() :].strip() if m else ""
    return rest if len(rest.split()) > len(first_part.split()) else None


def _site_key(name: str) -> str:
    """ "The Delta Times" -> "deltatimes"; a host "www.deltatimes.co.uk" -> "deltatimes"."""
    name = name.strip().lower()
    if "." in name and " " not in name:
        labels = [label for label in name.split(".") if label not in clean_words()["host_word"]]
        name = max(labels, key=len, default="")
    return _NON_ALNUM.sub("", re.sub(r"^the\s+", "", name))


def is_host_name(name: str) -> bool:
    """ "example.com" is a host name, "Example News" or "Example.com News" a site's own name."""
    return "." in name and " " not in name.strip()


def publisher_from_url(url: str | None) -> str | None:
    """The site's host name without www./m. ("rferl.org")."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    return _HOST_PREFIX.sub("", host) if host else None


def publisher_in(lines: Sequence[str]) -> str | None:
    """Publisher stated on the page: "Publication: X", a copyright line "© 2022 X", or the site
    describing itself ("X is one of the best online newspapers in Europe")."""
    for line in lines:
        if m := _PUBLICATION.match(line):
            return m[1].strip()
    for line in lines:
        if m := _COPYRIGHT.search(line):
            return _COMPANY_SUFFIX.sub("", m[1].strip())
    for line in lines:
        if m := _OUTLET_SELF.match(line):
            return m[1]
    return None


def author_box(lines: Sequence[str]) -> tuple[str, str] | None:
    """(name, bio) of an author box: a line that is a person's name, then a bio opening with that
    name ("Jane Roe" / "Jane Roe is a journalist living in Lisbon. ...")."""
    for name_line, bio in zip(lines, lines[1:], strict=False):
        name = name_line.strip()
        if len(name.split()) <= BOX_NAME_MAX_WORDS and bio.startswith(f"{name} ") and line_features(bio).bio:
            found = byline_names(name)
            if found and found == name:
                return name, bio
    return None


def employer_in(bio: str) -> str | None:
    """The outlet an author's bio says they work for: "Before joining X he was ...", "is a reporter for X"."""
    m = _EMPLOYER.search(bio)
    return (m[1] or m[2]) if m else None
