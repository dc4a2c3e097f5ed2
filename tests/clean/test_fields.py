"""Title, byline, publisher and date from head lines, metadata and URLs."""

import datetime as dt

from pipelines.clean.fields import (
    author_box,
    byline_in,
    byline_names,
    byline_outlet,
    date_from_url,
    date_in_text,
    dateline_in,
    employer_in,
    header_date,
    is_header_line,
    parse_published,
    published_moment,
    publisher_from_url,
    publisher_in,
    site_in_title,
    strip_site_suffix,
    title_in,
)


def test_title_is_first_headline_like_head_line() -> None:
    head = ["Skip to content", "Menu", "Breaking News", "HomeWorldAsia", "Flood waters rise across the delta", "By Ana Ruiz"]
    assert title_in(head) == "Flood waters rise across the delta"


def test_title_skips_labels_captions_bylines_and_dates() -> None:
    head = [
        "Publication: Weekly Review Volume: 3 Issue: 12",
        "By Ana Ruiz and Tom Lee",
        "September 14, 2022",
        "The minister (left) and the envoy (Source: Example Agency)",
        "Why the delta flooded again",
    ]
    assert title_in(head) == "Why the delta flooded again"
    assert title_in(["Home", "Subscribe"]) is None


def test_site_suffix_is_stripped() -> None:
    assert strip_site_suffix("Flood waters rise | The Delta Times") == "Flood waters rise"
    assert strip_site_suffix("Flood waters rise - The Delta Times", ["deltatimes.com"]) == "Flood waters rise"
    assert strip_site_suffix("Flood waters rise - The Delta Times") == "Flood waters rise - The Delta Times"
    assert strip_site_suffix("Rebels - and the army - regroup", ["deltatimes.com"]) == "Rebels - and the army - regroup"


def test_bylines_in_common_shapes() -> None:
    assert byline_in("By Ana Ruiz") == "Ana Ruiz"
    assert byline_in("BY ANA RUIZ AND TOM LEE") == "Ana Ruiz and Tom Lee"
    assert byline_in("By ANA RUIZ and TOM LEE Associated Press") == "Ana Ruiz and Tom Lee"
    assert byline_in("By Ana Ruiz and Tom Lee, Associated Press") == "Ana Ruiz and Tom Lee"
    assert byline_in("By Ana Ruiz, Tom Lee and Kim Orr | Staff writers") == "Ana Ruiz, Tom Lee and Kim Orr"
    assert byline_in("Written by: Tom Lee") == "Tom Lee"
    assert byline_in("Author: Tom Lee | Sept. 14, 2022") == "Tom Lee"
    assert byline_in("By Ana Ruiz, Reuters") == "Ana Ruiz"
    assert byline_in("By the time the rain stopped, the river had risen.") is None
    assert byline_in("Bystanders fled the scene") is None


def test_metadata_authors_are_joined_like_a_byline() -> None:
    assert byline_names("Ana Ruiz; Tom Lee; Kim Orr") == "Ana Ruiz, Tom Lee and Kim Orr"
    assert byline_names("Author ANA RUIZ; TOM LEE") == "Ana Ruiz and Tom Lee"
    assert byline_names("Tom Lee, Transport correspondent") == "Tom Lee"
    assert byline_names("Staff Reporter") is None


def test_site_name_is_what_the_page_title_adds_to_the_headline() -> None:
    assert site_in_title("Flood waters rise - Channel 9 News", "Flood waters rise") == "Channel 9 News"
    assert site_in_title("Flood waters rise | The Delta Times", "Flood waters rise") == "The Delta Times"
    assert site_in_title("Flood waters rise", "Flood waters rise") is None
    assert site_in_title("Other page", "Flood waters rise") is None


def test_dates_in_text() -> None:
    assert date_in_text("Published Sept. 14, 2022 10:02 GMT") == dt.date(2022, 9, 14)
    assert date_in_text("14 September 2022") == dt.date(2022, 9, 14)
    assert date_in_text("2022-09-14T08:00:00Z") == dt.date(2022, 9, 14)
    assert date_in_text("February 30, 2022") is None
    assert date_in_text("on September 14") is None  # no year: not a full date


def test_header_date_prefers_publication_over_update() -> None:
    head = ["Updated: 15 September 2022", "Published: 14 September 2022"]
    assert header_date(head) == dt.date(2022, 9, 14)
    long_line = "The talks on September 14, 2022 were the first in years and lasted well into the evening hours."
    assert header_date([long_line]) is None  # body-like lines are not a header date


def test_header_date_on_one_line_with_an_update_is_the_publication_date() -> None:
    assert header_date(["Published 23:05 GMT, 3 March 2021 | Updated 09:20 GMT, 4 March 2021"]) == dt.date(2021, 3, 3)
    assert header_date(["Updated 09:20 GMT, 4 March 2021 | Published 23:05 GMT, 3 March 2021"]) == dt.date(2021, 3, 3)
    assert header_date(["Updated March 4, 2021, first published March 3, 2021"]) == dt.date(2021, 3, 3)
    assert header_date(["Updated 3:45 PM EDT, Tue September 13, 2022"]) == dt.date(2022, 9, 13)  # the only date there is


def test_date_from_url_path() -> None:
    assert date_from_url("https://news.example.com/2022/09/14/xi-visit/") == dt.date(2022, 9, 14)
    assert date_from_url("https://news.example.com/world/2022-09-14-xi-visit") == dt.date(2022, 9, 14)
    assert date_from_url("https://news.example.com/world/article-123456") is None
    assert date_from_url(None) is None


def test_published_field_is_parsed_or_left_none() -> None:
    assert parse_published("2022-09-14") == dt.date(2022, 9, 14)
    assert parse_published("Wed, 14 Sep 2022 08:00:00 GMT") == dt.date(2022, 9, 14)
    assert parse_published("14/09/2022") == dt.date(2022, 9, 14)
    assert parse_published("September") is None
    assert parse_published("") is None


def test_publisher_from_url_and_page_lines() -> None:
    assert publisher_from_url("https://www.deltatimes.com/world/x") == "deltatimes.com"
    assert publisher_from_url("https://m.deltatimes.co.uk/x") == "deltatimes.co.uk"
    assert publisher_from_url(None) is None
    assert publisher_in(["Publication: Weekly Review Volume: 3 Issue: 12"]) == "Weekly Review"
    assert publisher_in(["© 2024 The Delta Times. All rights reserved."]) == "The Delta Times"
    assert publisher_in(["Copyright 2019-2024 Delta Media Group"]) == "Delta Media Group"
    assert publisher_in(["Nothing here"]) is None


def test_author_box_names_the_author_and_their_bio_the_outlet() -> None:
    lines = ["Image", "Jane Roe", "Jane Roe is a journalist based in Lagos. Before joining Example News she worked for a radio station."]
    assert author_box(lines) == ("Jane Roe", lines[2])
    assert employer_in(lines[2]) == "Example News"
    assert employer_in("Sam Lee is a senior reporter for The Harbour Times, covering courts.") == "The Harbour Times"
    # a bio without its name line above it may describe someone the story quotes
    assert author_box(["Dr Hannah Okoye is a professor of politics at the University of Eastbridge."]) is None
    assert author_box(["Editorial Staff", "Editorial Staff is a team of writers."]) is None


def test_a_site_describing_itself_names_its_publisher() -> None:
    assert publisher_in(["Euro Examiner is one of the best online Newspapers in Europe, We provide news."]) == "Euro Examiner"
    assert publisher_in(["The council is one of the largest employers in the region."]) is None


def test_published_moment_keeps_the_time_a_source_states_for_the_day() -> None:
    day = dt.date(2024, 3, 5)
    assert published_moment(day, [None, "2024-03-05T14:12:00Z"]) == ("2024-03-05T14:12:00Z", "second")
    assert published_moment(day, ["2024-03-05T14:12"]) == ("2024-03-05T14:12", "minute")
    assert published_moment(day, ["5 March 2024", "2024-03-04T23:00:00Z"]) == ("2024-03-05", "day")  # another day: not this date's time
    assert published_moment(None, ["2024-03-05"]) == (None, None)


def test_datelines_name_the_place_a_report_is_filed_from() -> None:
    assert dateline_in("GENEVA, March 5 (Meridian) - The council voted.") == "GENEVA"
    assert dateline_in("NUR-SULTAN -- A rare papal visit.") == "NUR-SULTAN"
    assert dateline_in("WASHINGTON (AP) — Lawmakers agreed.") == "WASHINGTON"
    assert dateline_in("LOS ANGELES, California – Fires spread.") == "LOS ANGELES"
    assert dateline_in("The UN said on Tuesday - in a statement - that it would act.") is None
    assert dateline_in("NATO allies met in Brussels.") is None


def test_a_byline_names_its_outlet_after_a_bar() -> None:
    assert byline_outlet("By Jane Roe | Reuters") == "Reuters"
    assert byline_outlet("By Jane Roe and John Doe | The Delta Times") == "The Delta Times"
    assert byline_outlet("By Jane Roe | Political Editor") is None
    assert byline_outlet("By Jane Roe | Updated 4 March 2021") is None
    assert byline_outlet("By Jane Roe, Sam Lee") is None


def test_header_lines_are_told_in_any_language() -> None:
    for line in [
        "By Jane Roe | Reuters",
        "Publié le 14 août 2023 à 18h20, modifié à 21h05",
        "Von Katrin Vogel · 10.01.2024, 07:45 Uhr",
        "Анна Смирнова 08.01.2024 10:15",
        "Par Julien Mercier (Toulon, correspondant)",
        "Tom Hargreaves Local Democracy Reporter",
    ]:
        assert is_header_line(line), line
    for line in [
        "What happens next",
        "Der Streik soll bis Freitagabend dauern, am 10.01.2024 fuhr nur jeder fünfte Zug.",
        "Par ailleurs, les pompiers restent mobilisés",
    ]:
        assert not is_header_line(line), line


def test_bylines_and_datelines_in_other_languages() -> None:
    assert byline_in("Von Anna Schmidt | Deutsche Presse-Agentur") == "Anna Schmidt"
    assert byline_outlet("Von Anna Schmidt | Deutsche Presse-Agentur") == "Deutsche Presse-Agentur"
    assert byline_in("Par Julien Mercier") == "Julien Mercier"
    assert byline_in("Von Braun") is None  # a name, not a byline word and a name
    assert dateline_in("MÜNCHEN -- Nach tagelangen Regenfällen stieg der Pegel.") == "MÜNCHEN"
    assert dateline_in("TOULON, 12 août (AFP) - Des milliers de personnes ont été évacuées.") == "TOULON"
    assert dateline_in("Über die Lage - so der Sprecher - wurde beraten.") is None


def test_header_dates_in_the_pages_language() -> None:
    assert header_date(["Publié le 14 août 2023 à 18h20, modifié à 21h05"], "fr") == dt.date(2023, 8, 14)
    assert header_date(["Publicado el 3 de marzo de 2024"], "es") == dt.date(2024, 3, 3)
    assert header_date(["Von Katrin Vogel · 10.01.2024, 07:45 Uhr"], "de") == dt.date(2024, 1, 10)
    assert header_date(["10.01.2024"], "en") is None  # on an English page the order is unknown
