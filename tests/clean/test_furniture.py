"""Furniture removal by line-level evidence on made-up pages."""

from pipelines.clean.furniture import (
    CATEGORY_WEIGHT,
    furniture_lexicon,
    is_photo_caption,
    line_features,
    logical_lines,
    shared_furniture,
    split_page,
    strip_photo_credit,
)

PROSE = [
    "The regional council voted on Tuesday to close three rural clinics, citing a shortage of doctors and nurses.",
    "Residents of the northern valley said the nearest hospital would now be more than two hours away by road.",
    "The council's chairman said the decision was painful but that the budget left no other option this year.",
    "Opposition members walked out of the session and promised to challenge the vote in the regional court.",
    "A spokesperson for the health ministry said the government would review the funding formula next spring.",
]

PAGE = "\n".join(
    [
        "Jump to content",
        "Home",
        "World Business Sport Culture Weather",
        "Council closes rural clinics",
        "By Maria Lopez",
        "",
        PROSE[0],
        "",
        "Nurses protest outside the council building in the capital on Tuesday.",
        "Nurses protest outside the council building in the capital on Tuesday.",
        "",
        PROSE[1],
        "Sign up for our morning newsletter and get the day's news in your inbox. Subscribe now.",
        PROSE[2],
        "ADVERTISEMENT",
        "What happens next",
        PROSE[3],
        "Share this article",
        PROSE[4],
        "Maria Lopez",
        "Maria Lopez is a health correspondent based in the capital. Before joining the paper she was a reporter for a radio station.",
        "Most popular",
        "Flooding hits coastal towns",
        "Election results in full",
        "We use cookies to improve your experience. By using this site you accept our privacy policy.",
        "© 2024 The Valley Herald. All rights reserved.",
    ]
)


def test_lexicon_is_loaded_from_reference_csv() -> None:
    lexicon = furniture_lexicon()
    assert lexicon["subscribe"] == "cta"
    assert lexicon["read more"] == "cta"
    assert lexicon["lire aussi"] == "list"  # UI words of other languages too
    assert set(lexicon.values()) == set(CATEGORY_WEIGHT)


def test_line_features_tell_prose_from_prompts() -> None:
    assert line_features(PROSE[0]).prose
    prompt = line_features("Enjoying this story? Click here to subscribe for full access.")
    assert prompt.strong_ui and not prompt.prose
    assert line_features("Follow us on social media").strong_ui
    assert line_features("HomeWorldPoliticsBusiness").strong_ui  # menu items glued together
    assert not line_features("What happens next").prose


def test_logical_lines_merge_hard_wraps_and_repeated_captions() -> None:
    text = "A caption line.\nA caption line.\n\nThe minister said the plan\nwould be announced soon.\n"
    assert logical_lines(text) == ["A caption line.", "The minister said the plan would be announced soon."]


def test_a_short_heading_is_not_joined_to_the_lower_case_line_below_it() -> None:
    assert logical_lines("Komentarze (24)\njanek_77 2 godz. temu\n") == ["Komentarze (24)", "janek_77 2 godz. temu"]


def test_a_keyboard_shortcut_speaks_to_the_reader_in_any_language() -> None:
    line = "Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo teksta fragmentu redaktoram!"
    assert line_features(line, "lv").strong_ui


def test_body_is_the_dense_prose_run_without_furniture() -> None:
    layout = split_page(logical_lines(PAGE))
    assert layout.body == [
        PROSE[0],
        "Nurses protest outside the council building in the capital on Tuesday.",  # kept once
        PROSE[1],
        PROSE[2],
        "What happens next",  # a subheading stays
        PROSE[3],
        PROSE[4],
    ]
    assert "Council closes rural clinics" in layout.head and "By Maria Lopez" in layout.head


def test_tail_author_bio_ends_the_body() -> None:
    layout = split_page(logical_lines(PAGE))
    assert not any("correspondent" in line for line in layout.body)
    assert layout.tail[0] == "Maria Lopez"


def test_bio_shaped_sentence_inside_the_body_is_kept() -> None:
    lines = [PROSE[0], PROSE[1], "Ana Ruiz is a former reporter who now advises the council on health policy.", PROSE[2]]
    assert split_page(lines).body == lines


def test_prompt_repeated_within_a_page_is_dropped_everywhere() -> None:
    promo = "Liked this story? Share it with a friend and subscribe to support independent reporting."
    lines = [PROSE[0], promo, PROSE[1], PROSE[2], promo, PROSE[3]]
    assert split_page(lines).body == [PROSE[0], PROSE[1], PROSE[2], PROSE[3]]


def test_repeated_prose_keeps_its_first_copy() -> None:
    lines = [PROSE[0], PROSE[1], PROSE[0], PROSE[2]]
    assert split_page(lines).body == [PROSE[0], PROSE[1], PROSE[2]]


def test_lines_shared_by_pages_with_different_bodies_are_furniture() -> None:
    footer = "The Valley Herald is published every weekday by the Valley Press Group in the northern valley."
    page_a = [PROSE[0], PROSE[1], footer]
    page_b = [PROSE[2], PROSE[3], footer]
    shared = shared_furniture([page_a, page_b])
    assert len(shared) == 1
    assert split_page(page_a + [PROSE[4]], shared).body == [PROSE[0], PROSE[1], PROSE[4]]


def test_syndicated_copies_do_not_mark_their_prose_as_furniture() -> None:
    copy_a = ["Wire headline here", PROSE[0], PROSE[1], PROSE[2]]
    copy_b = ["Wire headline here", PROSE[0], PROSE[1], PROSE[2], PROSE[3]]
    assert shared_furniture([copy_a, copy_b]) == frozenset()


def test_page_of_only_furniture_has_no_body() -> None:
    lines = ["Home", "News", "Sport", "Subscribe", "Loading...", "Privacy policy", "Terms of use"]
    assert split_page(lines).body == []


def test_photo_captions_are_told_by_their_credits() -> None:
    assert is_photo_caption("Smoke rises over the port. (Jane Roe/Example Agency via AP)")
    assert is_photo_caption("Crowds gather in the square (Photo: Example Agency)")
    assert is_photo_caption("Crowds gather in the square. Photo: Jane Roe/Example Agency")
    assert is_photo_caption("A girl waves a flag in the square. REUTERS/Jane Roe")
    assert is_photo_caption("Firefighters at the scene on Monday. Example Agency via Getty Images")
    assert is_photo_caption("FILE - A tanker truck leaves the refinery on May 2, 2021. (AP Photo/Tom Lee, File)")
    assert not is_photo_caption("In this aerial photo, water covers the fields near the river.")  # no credit: kept
    assert not is_photo_caption("The rebels seized the town, the agency said (Reuters).")
    assert not is_photo_caption("The deal (worth $3/share) was approved.")
    assert not is_photo_caption("In this town, the photo shop closed years ago.")
    assert not is_photo_caption("The AFP news agency said the talks were over.")


def test_credits_are_cut_and_a_caption_is_kept_once() -> None:
    text = "\n".join(
        [
            PROSE[0],
            "Nurses protest outside the council building.",
            "Nurses protest outside the council building. (Jane Roe/Example Agency via AP)",
            "",
            "Rescue boats on the flooded road.",
            "Photo: Tom Lee/Example Agency",
            "",
            "A man rests after the march. REUTERS/Ana Ruiz",
            "A man rests after the march.",
            PROSE[1],
        ]
    )
    assert logical_lines(text) == [
        PROSE[0],
        "Nurses protest outside the council building.",
        "Rescue boats on the flooded road.",
        "A man rests after the march.",
        PROSE[1],
    ]


def test_photo_credit_is_cut_from_a_caption() -> None:
    assert strip_photo_credit("Smoke rises over the port. (Jane Roe/Example Agency via AP)") == "Smoke rises over the port."
    assert strip_photo_credit("Crowds gather in the square (Photo: Example Agency)") == "Crowds gather in the square"
    assert strip_photo_credit("Photograph: Jane Roe/Example Pictures") == ""
    assert strip_photo_credit("The rebels seized the town (Reuters)") == "The rebels seized the town (Reuters)"


def test_staff_credits_copyright_labelled_links_and_timestamps_are_furniture() -> None:
    for line in [
        "Reporting by Ana Ruiz in Lima; Additional reporting by Tom Lee; Editing by Sam Hart and Kim Orr",
        "Writing by Ana Ruiz; Editing by Sam Hart",
        "Associated Press writer Tom Lee contributed to this report from the capital.",
        "Copyright 2022 Example Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "© 2024 Example Media Ltd",
        "Read more: Flooding hits coastal towns",
        "Related: Election results in full",
        "10:45am",
        "Updated 3:45 PM EDT",
    ]:
        assert line_features(line).strong_ui, line
    assert not line_features("Copyright lawyers said the ruling would change how songs are licensed.").strong_ui
    assert not line_features("Officials said: the vote will be held on Friday as planned.").strong_ui


def test_short_sentences_do_not_break_the_body() -> None:
    lines = ["Menu", PROSE[0], "Nobody objected.", "The vote was close.", PROSE[1], "Newsletter sign up"]
    assert split_page(lines).body == [PROSE[0], "Nobody objected.", "The vote was close.", PROSE[1]]


def test_a_story_and_its_truncated_or_edited_copy_share_prose_that_is_not_furniture() -> None:
    story = PROSE[:5]
    truncated = PROSE[:3]
    edited = [PROSE[0].replace("Tuesday", "Wednesday"), *PROSE[1:5]]
    assert shared_furniture([story, truncated, edited]) == frozenset()


def test_slashes_and_agency_names_in_prose_are_not_credits() -> None:
    assert not is_photo_caption("Talks on NATO/EU cooperation resumed in the capital on Monday.")
    assert not is_photo_caption("Getty Images said it had removed the picture from its archive on Friday.")


def test_a_caption_run_into_a_long_paragraph_does_not_take_the_paragraph() -> None:
    assert not is_photo_caption("In this photo taken on Monday, nurses march. " + " ".join(PROSE[:4]))


def test_a_long_paragraph_that_happens_to_use_ui_words_is_prose() -> None:
    paragraph = (
        "The minister said voters who wanted to register could collect the forms at any post office, and that "
        "officials who were promoted last year would explain the new rules at regional offices before the vote. "
        "Critics said the changes came too late for many rural communities, where offices had already closed and "
        "the nearest counter was now a day's drive away. The electoral commission said it would publish turnout "
        "figures for every district within a week of the count, as it has done since the last general election."
    )
    features = line_features(paragraph)
    assert features.prose and not features.strong_ui


def test_title_case_headline_lists_are_not_prose() -> None:
    assert not line_features("Is the Town Ready for Another Summer of Traffic Jams on the Coast Road?").prose
    assert not line_features("Police Appeal for Witnesses After Shop Window Smashed in High Street").prose
    assert line_features("President Ana Ruiz met Prime Minister Tom Lee in the capital on Monday.").prose


def test_editorial_notes_and_disclaimers_are_furniture() -> None:
    for line in [
        "Editor's note: This story has been updated to include a response from the ministry.",
        "Correction: An earlier version of this article misstated the date of the vote.",
        "This article was originally published by a partner site.",
        "The views expressed in this article are the author's own.",
        "Opinions expressed are those of the writer and do not necessarily reflect the views of this site.",
    ]:
        assert line_features(line).strong_ui, line
    assert not line_features("The report was updated in 2019 to include the new flood maps.").strong_ui


def test_short_sentences_with_a_weak_ui_word_are_sentences() -> None:
    # "more" and "follow" are navigation and social words; two weak hits in a sentence are not a prompt.
    assert line_features("Police said more arrests could follow.").short_sentence
    assert not line_features("Share this story.").short_sentence


def test_column_bio_closing_the_body_is_cut() -> None:
    bio = "Ana Ruiz is a professor of public health at the Valley Institute and a former council adviser."
    lines = [*PROSE, bio, "The views expressed are the author's own."]
    assert split_page(lines).body == PROSE


def test_comments_section_ends_the_body() -> None:
    comment = "This is exactly what everyone in the valley said would happen when they cut the budget last year."
    lines = [*PROSE, "48 Comments", "valleyreader", "2 hours ago", comment, "Reply"]
    assert split_page(lines).body == PROSE


def test_labelled_links_and_comments_headings_in_other_languages_are_furniture() -> None:
    for line in ["Lire aussi : Incendies dans le Var", "Читайте также: Как защитить дом", "Mehr zum Thema: Was jetzt gilt"]:
        assert line_features(line, "fr").strong_ui, line
    for heading in ["Kommentare (12)", "Réactions", "Комментарии", "12 comentarios"]:
        assert line_features(heading).comments_heading, heading
    comment = "Das war doch absehbar, die Stadt hat seit Jahren nichts gegen das Hochwasser unternommen."
    lines = [*PROSE, "Kommentare (3)", comment]
    assert split_page(lines).body == PROSE


def test_a_comments_section_as_long_as_the_story_still_ends_it() -> None:
    comment = "This is exactly what everyone in the valley said would happen when they cut the budget last year."
    lines = [*PROSE, "Comments", *[comment.replace("valley", f"valley {i}") for i in range(5)]]
    assert split_page(lines).body == PROSE


def test_the_site_asking_for_subscriptions_or_support_is_furniture_in_any_language() -> None:
    for line in [
        "Подписывайтесь на наш канал, чтобы первыми узнавать главные новости.",
        "Subscribe to our channel to get the news first.",
        "Millions of readers rely on us for fair reporting. If you can, please consider supporting us today.",
        "This interview has been edited for length and clarity.",
        "Теги: погода морозы Сибирь",
    ]:
        assert line_features(line, "ru").strong_ui, line
    reported = "Download speeds fell by half in rural areas after the outage, the regulator said on Monday."
    assert line_features(reported).prose


def test_a_label_and_a_headline_is_a_link_in_any_language_but_a_subheading_may_have_a_lead() -> None:
    lines = [PROSE[0], "Zobacz także: Alerty pogodowe dla czterech województw", PROSE[1], "Baca juga: Jakarta Siaga Banjir", PROSE[2]]
    assert split_page(lines).body == PROSE[:3]
    lines = [PROSE[0], "Federal: Health care, of course, and vending machines", PROSE[1], "New York: Guns and family leave", PROSE[2]]
    assert split_page(lines).body == lines


def test_a_line_of_prompt_words_next_to_a_prompt_goes_with_it_but_a_subheading_stays() -> None:
    lines = [PROSE[0], "Get the latest headlines straight to your inbox", "Sign up to our free daily newsletter.", PROSE[1]]
    assert split_page(lines).body == [PROSE[0], PROSE[1]]
    lines = [PROSE[0], "Advertisement", "What happens next", PROSE[1]]
    assert split_page(lines).body == [PROSE[0], "What happens next", PROSE[1]]


def test_a_notice_on_the_top_edge_of_a_page_is_not_the_story() -> None:
    notice = "Ten serwis wykorzystuje pliki cookies zgodnie z ustawieniami przeglądarki, a administratorem danych jest wydawca."
    lines = [notice, "Przejdź do serwisu", "Wiadomości Regionu", "Council closes rural clinics", *PROSE]
    assert split_page(lines).body == PROSE


def test_a_notice_parted_from_the_story_by_a_long_menu_is_not_the_body() -> None:
    notice = "The Valley Herald and its partners store information on devices to measure the audience of the site."
    menu = ["Valley Herald", "News", "Politics", "Business", "Culture", "Weather", "Council closes rural clinics"]
    assert split_page([notice, *menu, *PROSE]).body == PROSE
    # nor a newsletter box of a few lines after the story's first paragraph
    box = ["Newsletter", "Sign up to our free daily newsletter.", "Subscribe"]
    lede = f"{PROSE[0]} {PROSE[1]}"
    assert split_page(["Council closes rural clinics", lede, *box, *PROSE[2:]]).body == [lede, *PROSE[2:]]
    # a list the story introduces is not such a gap, however long
    items = ["A new clinic in the north", "Two mobile units", "A night bus to the hospital", "Extra nurses", "A phone line"]
    lines = [PROSE[0], "The council promised five measures:", *items, *PROSE[1:]]
    assert split_page(lines).body == lines


def test_a_table_inside_the_story_does_not_part_it_but_a_menu_does() -> None:
    rows = [cell for year in range(2015, 2023) for cell in ("North ward", "Labour", str(year))]
    before = [f"{PROSE[i]} {PROSE[i + 1]}" for i in range(3)]  # a few paragraphs on each side
    after = [f"{PROSE[i + 1]} {PROSE[i]}" for i in range(3)]
    layout = split_page([*before, "Results since 2015", "Ward", "Party", "Year", *rows, *after])
    assert [line for line in layout.body if line not in rows] in ([*before, *after], [*before, "Results since 2015", *after])
    assert not set(rows) & set(layout.body)  # the table's cells are not kept
    menu = ["News", "Sport", "Business", "Weather", "Culture", "Opinion", "Travel", "Video"]
    assert split_page([PROSE[0], *menu, *PROSE[1:]]).body == PROSE[1:]


def test_bare_timestamps_are_dropped_but_hold_a_live_timeline_together() -> None:
    entries = ["Roads remain closed.", "A second fire has started.", "Crews are on the way.", "Schools will stay shut."]
    lines = [PROSE[0]]
    for time, entry in zip(["16:42", "4:42 p.m. ET", "3 Mar 16:05", "Posted at 15:55 GMT"], entries, strict=True):
        lines += [time, entry]
    assert split_page([*lines, PROSE[1]]).body == [PROSE[0], *entries, PROSE[1]]


def test_line_endings_and_invisible_characters_do_not_break_lines() -> None:
    text = "Fuel de\u00adliveries stopped\u00a0today.\r\n\u200b\r\nThe\u200b depot\ufeff closed.\rOfficials left.\r\n"
    assert logical_lines(text) == ["Fuel deliveries stopped today.", "The depot closed.", "Officials left."]


def test_a_statement_two_stories_quote_verbatim_is_news_not_furniture() -> None:
    quote = '"We will not accept any settlement that divides the city," the mayor said in a statement on Friday.'
    other = [
        "Talks between the two parties broke down late on Thursday after a dispute over the water rights.",
        "Hundreds of residents gathered outside the town hall on Friday morning to hear the announcement.",
        "The regional governor has called for calm and promised an inquiry into the events of the week.",
        "Shops in the old quarter stayed closed as police patrolled the main square through the afternoon.",
        "Opposition members walked out of the chamber before the vote, calling the motion a betrayal.",
        "The mayor's office said a new round of talks could begin as early as the middle of next month.",
    ]
    page_a = [PROSE[0], PROSE[1], PROSE[2], quote, PROSE[3], PROSE[4], PROSE[0] + " It was the third such vote."]
    page_b = [other[0], other[1], other[2], quote, other[3], other[4], other[5]]
    shared = shared_furniture([page_a, page_b])
    assert quote in split_page(page_a, shared).body and quote in split_page(page_b, shared).body
    # Short stories (every line near an edge) that open or close on the quote keep it too.
    short_a, short_b = [PROSE[0], PROSE[1], quote], [quote, other[0], other[1]]
    shared = shared_furniture([short_a, short_b])
    assert quote in split_page(short_a, shared).body and quote in split_page(short_b, shared).body


def test_a_reported_sentence_about_subscriptions_or_a_website_is_news_not_a_prompt() -> None:
    news = "Print subscribers will be able to read the websites at no extra cost once they register for a free trial."
    assert line_features(news).prose and not line_features(news).strong_ui
    cited = "Consumer groups said customers could compare the cost of plans at https://www.example.org/compare before renewing."
    assert line_features(cited).prose
    # a prompt speaks to the reader or opens a sentence with a call to action
    assert line_features("Want to read more? Subscribe now for unlimited access to the Gazette from just £1 a week.").strong_ui
    assert line_features("Sign up for our free newsletter and get unlimited access to every story on the site.").strong_ui
    assert line_features("For more information visit www.example.com.").strong_ui


def test_a_list_the_story_introduces_is_kept_and_runs_of_link_headlines_are_dropped() -> None:
    lines = [
        *PROSE[:2],
        "Related coverage",
        "Rights groups urge access to border camps",
        "Government rejects detention reports as fabricated",
        PROSE[2],
        "What happens next",
        *PROSE[3:],
        "The main measures in the bill:",
        "- An end to no-fault evictions",
        "- A national register of private landlords",
        "- A cap on deposits",
        "Most read",
    ]
    body = split_page(lines).body
    assert "Rights groups urge access to border camps" not in body and "Related coverage" not in body
    assert "What happens next" in body  # one headline-like line alone between paragraphs is a subheading
    assert body[-4:] == lines[-5:-1]
