"""Grouping copies of one story: exact copies, near copies, and what must stay apart."""

from __future__ import annotations

import datetime as dt
import random

from datasketch import MinHashLSH

from pipelines.dedup.fingerprints import NUM_PERM, content_hash, lean_minhash, normalise, text_signature
from pipelines.dedup.near_duplicates import CANDIDATE_JACCARD, DedupItem, deduplicate, lsh_pairs

FLOOD = (
    "Heavy rain flooded the river valley on Monday, forcing hundreds of families to leave their homes "
    "as water rose above the old stone bridge. Emergency crews used boats to reach farms cut off by the "
    "water, and the regional governor asked the army for help with sandbags and drinking water. "
    "Forecasters expect more rain later in the week, and schools in three towns will stay closed until "
    "the roads are safe again. Officials said the damage to crops could take months to assess, while "
    "insurers opened a hotline for residents whose houses were damaged by the flood."
)
FLOOD_OTHER = (
    "Farmers in the river valley are counting the cost of this week's floods, which destroyed fields of "
    "wheat and barley just weeks before the harvest. A local cooperative estimated that a third of the "
    "crop was lost and called on the government for compensation. Aid groups handed out food parcels in "
    "the worst-hit villages, and volunteers cleared mud from the main street of the market town. The "
    "agriculture minister will visit the area on Friday to meet growers and discuss emergency support."
)
ELECTION = (
    "Voters in the northern province go to the polls on Sunday in a closely watched election for the "
    "regional assembly. The governing party hopes to keep its majority after a campaign dominated by "
    "rising prices, while the opposition has promised to cut fuel taxes and build new hospitals. "
    "Observers from neighbouring countries will monitor more than two thousand polling stations, and "
    "the first results are expected early on Monday morning."
)


def item(name: str, body: str, published: dt.date | None = None) -> DedupItem:
    return DedupItem(name, body, published)


def by_file(items: list[DedupItem]) -> dict[str, tuple[str, str, float]]:
    return {a.source_file: (a.article_id, a.relation, a.similarity) for a in deduplicate(items)}


def edit(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text


def test_normal_form_ignores_case_spacing_and_typography():
    assert normalise("  The  “Minister’s”\u00a0PLAN —  Ｆｕｌｌ text ") == 'the "minister\'s" plan - full text'
    assert content_hash("Rain ‘today’") == content_hash("rain   'TODAY'")
    assert content_hash("Rain today") != content_hash("Rain tomorrow")


def test_exact_copies_share_one_article():
    result = by_file([item("b.txt", FLOOD), item("a.txt", FLOOD.upper()), item("c.txt", ELECTION)])
    assert result["a.txt"] == ("art_" + content_hash(FLOOD)[:16], "canonical", 1.0)
    assert result["b.txt"] == (result["a.txt"][0], "exact_duplicate", 1.0)
    assert result["c.txt"][1] == "canonical" and result["c.txt"][0] != result["a.txt"][0]


def test_near_copy_with_other_furniture_and_small_edits_joins_the_story():
    copy = "Menu Search Subscribe\n" + edit(FLOOD, {"Monday": "Sunday", "hundreds": "scores"}) + "\nShare this page"
    result = by_file([item("wire.txt", FLOOD), item("site.html", copy)])
    assert result["site.html"][0] == result["wire.txt"][0]
    # The copy with more words (here the one with furniture) is the canonical.
    assert (result["site.html"][1], result["wire.txt"][1]) == ("canonical", "near_duplicate")
    assert 0.5 <= result["wire.txt"][2] < 1.0


def test_truncated_copy_joins_the_story():
    truncated = FLOOD[: FLOOD.index(" Officials said")]
    result = by_file([item("full.txt", FLOOD), item("short.txt", truncated)])
    assert result["short.txt"][0] == result["full.txt"][0]
    assert result["full.txt"][1] == "canonical"  # the longer text is the canonical


def test_unrelated_and_same_topic_stories_stay_apart():
    result = by_file([item("flood.txt", FLOOD), item("farms.txt", FLOOD_OTHER), item("vote.txt", ELECTION)])
    assert len({article for article, _, _ in result.values()}) == 3
    assert {relation for _, relation, _ in result.values()} == {"canonical"}


def test_canonical_prefers_more_words_then_earliest_date_then_name():
    early, late = dt.date(2024, 1, 1), dt.date(2024, 1, 2)
    result = by_file([item("b.txt", FLOOD, early), item("a.txt", FLOOD, late), item("c.txt", FLOOD)])
    assert [result[name][1] for name in ("a.txt", "b.txt", "c.txt")] == ["exact_duplicate", "canonical", "exact_duplicate"]
    result = by_file([item("a.txt", FLOOD, None), item("z.txt", FLOOD, None)])
    assert result["a.txt"][1] == "canonical"


def test_result_is_independent_of_input_order_and_ids_are_stable():
    items = [
        item("1.txt", FLOOD),
        item("2.txt", FLOOD),
        item("3.txt", FLOOD + " More to follow."),
        item("4.txt", edit(FLOOD, {"boats": "helicopters"})),
        item("5.txt", FLOOD_OTHER),
        item("6.txt", ELECTION),
        item("7.txt", edit(ELECTION, {"Sunday": "Saturday"}), dt.date(2020, 5, 1)),
    ]
    expected = deduplicate(items)
    for seed in range(5):
        shuffled = list(items)
        random.Random(seed).shuffle(shuffled)
        assert deduplicate(shuffled) == expected
    assert [a.source_file for a in expected] == sorted(a.source_file for a in expected)
    assert expected[2].article_id == "art_" + content_hash(FLOOD + " More to follow.")[:16]


def test_empty_bodies_only_match_exactly():
    result = by_file([item("a.txt", ""), item("b.txt", "  "), item("c.txt", FLOOD)])
    assert result["a.txt"][0] == result["b.txt"][0] != result["c.txt"][0]


def test_the_banding_pairs_exactly_the_texts_datasketch_s_index_pairs():
    # Copies edited in more and more places share fewer and fewer bands; unrelated stories none.
    words = (FLOOD + " " + ELECTION).split()
    texts = [" ".join(w if i % step else "changed" for i, w in enumerate(words)) for step in range(2, 40)]
    texts += [FLOOD_OTHER, ELECTION, FLOOD]
    minhashes = {signature.content_hash: lean_minhash(signature.minhash) for signature in map(text_signature, texts)}
    index = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    for key, minhash in minhashes.items():
        index.insert(key, minhash)
    expected = sorted((key, other) for key, minhash in minhashes.items() for other in index.query(minhash) if other > key)
    assert lsh_pairs(minhashes) == expected and 0 < len(expected) < len(texts) * (len(texts) - 1) / 2
