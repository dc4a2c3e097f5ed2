"""The scorer counts what it says: a perfect prediction scores 1, a missing or wrong one less."""

from pipelines.evaluation import GoldStory, Prediction, Report, _words, score

TEXT = "Rebels attacked Gulu on Monday. Uganda condemned the rebels."
GOLD = GoldStory(
    "lee_background:1",
    "test",
    TEXT,
    [
        {"start": 0, "end": 6, "text": "Rebels", "type": "group", "country": None, "lat": None, "lon": None},
        {"start": 16, "end": 20, "text": "Gulu", "type": "location", "country": "UGA", "lat": 2.77, "lon": 32.3},
        {"start": 32, "end": 38, "text": "Uganda", "type": "country", "country": "UGA", "lat": 1.37, "lon": 32.29},
    ],
    [
        {"sentence": "Rebels attacked Gulu on Monday.", "source": "Rebels", "target": "Gulu", "code": "190", "root": "19"},
        {"sentence": "Uganda condemned the rebels.", "source": "Uganda", "target": "rebels", "code": "111", "root": "11"},
    ],
)


def _prediction(gulu_lat: float, condemn_root: str, source: str) -> Prediction:
    return Prediction(
        mentions=[
            {"start": 0, "end": 6, "type": "group", "country": None, "lat": None, "lon": None},
            {"start": 16, "end": 20, "type": "location", "country": "UGA", "lat": gulu_lat, "lon": 32.3},
            {"start": 32, "end": 38, "type": "country", "country": "UGA", "lat": 1.37, "lon": 32.29},
        ],
        reports=[
            Report((0, 31), "19", "190", _words("rebels"), _words("Gulu")),
            Report((32, 60), condemn_root, condemn_root + "0", _words(source), _words("rebels")),
        ],
    )


def test_a_perfect_prediction_scores_one() -> None:
    figures = score([GOLD], {GOLD.story: _prediction(2.77, "11", "Uganda")}, {})
    for table in ("mentions", "actor_types", "countries", "geocodes", "events_root", "events_root_dyad"):
        assert figures[table]["f1"] == 1.0, table
    assert figures["stories_with_event"] == 1.0


def test_a_wrong_root_a_wrong_source_and_a_far_place_count_against() -> None:
    wrong_root = score([GOLD], {GOLD.story: _prediction(2.77, "12", "Uganda")}, {})
    assert wrong_root["events_root"]["recall"] == 0.5
    wrong_source = score([GOLD], {GOLD.story: _prediction(2.77, "11", "Kenya")}, {})
    assert wrong_source["events_root"]["recall"] == 1.0 and wrong_source["events_root_dyad"]["recall"] == 0.5
    far = score([GOLD], {GOLD.story: _prediction(12.0, "11", "Uganda")}, {})  # about 1,000 km north
    assert far["geocodes"]["recall"] == 0.5


def test_briefs_count_sentences_handed_in_alone() -> None:
    brief = {"lee_background:1@0": Prediction(reports=[Report((0, 31), "19", "190", _words("rebels"), frozenset())])}
    figures = score([GOLD], {GOLD.story: Prediction()}, brief)
    assert figures["briefs_with_event"] == 0.5 and figures["briefs_root_right"] == 0.5
    assert figures["stories_with_event"] == 0.0


def test_corpus_figures_count_stories_with_events_and_reports_a_story() -> None:
    from pipelines.evaluation import corpus_figures

    figures = corpus_figures(
        [
            ("a", "France denounced Germany on Monday."),
            ("b", "It rained all day in the hills. Senator Ann Doyle and Mr Tarrant stayed home."),
        ]
    )
    assert figures == {"stories": 2, "stories_with_event": 0.5, "events_per_story": 0.5, "person_actors": 2, "one_word_people": 0.5}
