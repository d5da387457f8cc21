"""When an article in which no event was found reports another article's event."""

from extract.stories.match import StoryEvent, load_rules
from extract.stories.reports import ArticleEvidence, best_report_event, load_report_rules, report_points

RULES, REPORT_RULES = load_rules(), load_report_rules()

HANDOVER = StoryEvent(
    id=10,
    article_id="first",
    type="meeting",
    date="2025-02-17",
    precision="day",
    published="2025-02-17",
    region_code="35.24",
    region_name="Kabupaten Lamongan",
    officials=frozenset({"hendra wiratama"}),
)
FIRST = ArticleEvidence(
    article_id="first",
    published="2025-02-17",
    regions=frozenset({"35.24"}),
    region_names=frozenset({"Kabupaten Lamongan"}),
    officials=frozenset({"hendra wiratama", "rudi kurniawan"}),
    workers=frozenset({12875}),
    percentages=frozenset({62.15, 66.4}),
)


def report(**fields) -> ArticleEvidence:
    base = dict(article_id="second", regions=frozenset({"35.24"}), officials=frozenset({"hendra wiratama"}))
    return ArticleEvidence(**{**base, **{k: frozenset(v) if isinstance(v, set) else v for k, v in fields.items()}})


def points(r: ArticleEvidence, event: StoryEvent = HANDOVER, source: ArticleEvidence = FIRST) -> int | None:
    return report_points(r, event, source, RULES, REPORT_RULES)


def test_an_undated_report_with_the_same_count_official_and_regency_tells_of_the_event():
    assert points(report(workers={12875})) == 3


def test_the_same_bupati_in_the_same_regency_the_same_week_without_a_shared_figure_is_not_enough():
    # Two occasions of one regency share its Bupati and its week.
    assert points(report(published="2025-02-19", workers={3150})) is None
    assert points(report(published="2025-02-19")) is None


def test_a_small_count_recurs_too_often_to_tell_an_event():
    # Two heirs, five neighbourhood heads: every week's hand-overs have them.
    event = StoryEvent(**{**HANDOVER.__dict__, "workers": 2})
    assert points(report(workers={2}, published="2025-02-17"), event) is None


def test_an_undated_report_sharing_only_the_count_and_the_regency_is_not_enough():
    assert points(report(workers={12875}, officials=set())) is None


def test_a_report_published_the_same_day_joins_on_a_figure_and_the_official():
    assert points(report(published="2025-02-17", percentages={62.15, 66.4}, regions=set())) == 2


def test_one_shared_percentage_is_chance_and_a_standard_amount_tells_nothing():
    assert points(report(published="2025-02-17", percentages={62.15})) is None
    payout = StoryEvent(**{**HANDOVER.__dict__, "type": "benefit_payout", "amounts": frozenset({42_000_000})})
    assert points(report(published="2025-02-17", amounts={42_000_000}), payout) is None
    other = StoryEvent(**{**payout.__dict__, "amounts": frozenset({137_500_000})})
    assert points(report(published="2025-02-17", amounts={137_500_000}), other) == 3


def test_another_region_or_a_report_published_weeks_later_is_another_story():
    assert points(report(workers={12875}, regions={"35.25"})) is None
    assert points(report(workers={12875}, published="2025-03-20")) is None
    # A region within the event's (the province holds the regency) agrees.
    assert points(report(workers={12875}, regions={"35"}, published="2025-02-17")) == 2


def test_a_report_dated_by_its_statement_is_compared_on_that_day():
    assert points(report(workers={12875}, occasion="2025-02-18")) == 3
    assert points(report(workers={12875}, occasion="2025-02-25", published="2025-02-25")) is None


def test_the_report_joins_the_event_it_shares_most_with_whatever_the_order():
    weaker = StoryEvent(**{**HANDOVER.__dict__, "id": 20, "article_id": "third", "officials": frozenset()})
    third = ArticleEvidence(**{**FIRST.__dict__, "article_id": "third", "officials": frozenset()})
    r = report(workers={12875})
    for candidates in ([(HANDOVER, FIRST), (weaker, third)], [(weaker, third), (HANDOVER, FIRST)]):
        assert best_report_event(r, candidates) == (HANDOVER, 3)


def test_statements_and_the_reports_own_events_are_not_what_it_reports():
    statement = StoryEvent(**{**HANDOVER.__dict__, "type": "statement"})
    own = ArticleEvidence(**{**FIRST.__dict__, "article_id": "second"})
    mine = StoryEvent(**{**HANDOVER.__dict__, "article_id": "second"})
    assert best_report_event(report(workers={12875}), [(statement, FIRST), (mine, own)]) is None
