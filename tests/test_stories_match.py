"""When two events are one story: the merger's decisions on plain data."""

import pytest

from extract.stories.match import (
    FAR,
    NEAR,
    SAME_DAY,
    UNKNOWN,
    StoryEvent,
    candidate_window,
    cluster,
    date_agreement,
    load_rules,
    officials_match,
    party_key,
    same_story,
)

RULES = load_rules()
_ids = iter(range(1, 10_000))


def event(**fields) -> StoryEvent:
    base = {"id": next(_ids), "article_id": f"a{next(_ids)}", "type": "agreement_signing"}
    for name in ("parties", "officials", "amounts"):
        if name in fields:
            fields[name] = frozenset(fields[name])
    return StoryEvent(**{**base, **fields})


SIGNING = dict(
    type="agreement_signing",
    date="2024-03-12",
    precision="day",
    published="2024-03-12",
    region_code="35.05",
    region_name="Kabupaten Blitar",
    parties={"Pemerintah Kabupaten Blitar", "BPJS Ketenagakerjaan Cabang Blitar"},
    workers=6400,
)


def test_two_outlets_reporting_one_signing_on_its_day_are_one_story():
    assert same_story(event(**SIGNING), event(**{**SIGNING, "published": "2024-03-13", "parties": {"Pemkab Blitar"}}))


def test_a_day_apart_is_still_one_signing_but_two_days_is_not():
    other_day = {**SIGNING, "date": "2024-03-13"}
    assert same_story(event(**SIGNING), event(**other_day))
    assert not same_story(event(**SIGNING), event(**{**SIGNING, "date": "2024-03-14"}))


def test_the_same_kind_of_event_in_the_same_regency_on_another_date_is_another_story():
    july = {**SIGNING, "date": "2024-07-02", "published": "2024-07-03", "parties": {"Dinas Koperasi Kabupaten Blitar"}}
    assert not same_story(event(**SIGNING), event(**july))


def test_the_same_parties_signing_a_year_later_is_another_story():
    renewal = {**SIGNING, "date": "2025-03-12", "published": "2025-03-12"}
    assert not same_story(event(**SIGNING), event(**renewal))


def test_another_type_or_another_region_is_never_the_same_story():
    assert not same_story(event(**SIGNING), event(**{**SIGNING, "type": "benefit_payout"}))
    assert not same_story(event(**SIGNING), event(**{**SIGNING, "region_code": "35.73", "region_name": "Kota Malang"}))


def test_an_undated_event_is_placed_at_its_article_which_comes_out_after_the_event():
    undated = {**SIGNING, "date": None, "precision": None, "published": "2024-03-15"}
    assert date_agreement(event(**SIGNING), event(**undated), RULES) == NEAR
    # Published before the event happened: not a report of it.
    before = {**undated, "published": "2024-03-01"}
    assert date_agreement(event(**SIGNING), event(**before), RULES) == FAR
    # A month later: too late to be the report of that day.
    assert date_agreement(event(**SIGNING), event(**{**undated, "published": "2024-04-20"}), RULES) == FAR


def test_near_dates_need_more_than_the_region():
    undated = dict(
        type="agreement_signing", published="2024-03-15", region_code="35.05", region_name="Kabupaten Blitar"
    )
    dated = dict(
        type="agreement_signing",
        date="2024-03-12",
        precision="day",
        region_code="35.05",
        region_name="Kabupaten Blitar",
    )
    assert not same_story(event(**dated), event(**undated))
    assert same_story(event(**dated, workers=6400), event(**undated, workers=6400))
    assert same_story(event(**dated, officials={"rini syarifah"}), event(**undated, officials={"rini syarifah"}))


def test_the_very_same_parties_within_the_report_lag_are_one_signing_but_not_a_year_later():
    pair = {"Pemkab Blitar", "BPJS Ketenagakerjaan"}  # generic on their own: BPJS and the region's government
    undated = dict(
        type="agreement_signing", published="2024-03-15", region_code="35.05", region_name="Kabupaten Blitar"
    )
    dated = dict(
        type="agreement_signing",
        date="2024-03-12",
        precision="day",
        region_code="35.05",
        region_name="Kabupaten Blitar",
    )
    assert same_story(event(**dated, parties=pair), event(**undated, parties=pair))
    assert not same_story(event(**dated, parties=pair), event(**undated, parties={"Pemkab Blitar", "Kejari Blitar"}))
    assert not same_story(
        event(**dated, parties={"BPJS Ketenagakerjaan"}), event(**undated, parties={"BPJS Ketenagakerjaan"})
    )
    a_year_later = dict(dated, date="2025-03-12")
    assert not same_story(event(**dated, parties=pair), event(**a_year_later, parties=pair))


def test_no_date_at_all_needs_strong_evidence():
    nothing = dict(type="agreement_signing", region_code="35.05", region_name="Kabupaten Blitar")
    assert date_agreement(event(**SIGNING), event(**nothing), RULES) == UNKNOWN
    assert not same_story(event(**SIGNING), event(**nothing, workers=6400))
    assert same_story(
        event(**SIGNING, officials={"rini syarifah"}), event(**nothing, workers=6400, officials={"rini syarifah"})
    )


def test_the_same_text_stored_twice_is_one_story_even_without_dates_or_places():
    sentence = "Bupati menyerahkan santunan kepada ahli waris di pendopo."
    a = event(type="benefit_payout", sentence=sentence)
    b = event(type="benefit_payout", sentence=sentence)
    assert same_story(a, b)
    assert not same_story(a, event(type="benefit_payout", sentence="Santunan lain diserahkan di tempat lain."))


def test_payouts_are_told_apart_by_their_amounts_but_not_by_standard_ones():
    base = dict(type="benefit_payout", published="2024-05-22", region_code="35.73", region_name="Kota Malang")
    dated = dict(
        type="benefit_payout", date="2024-05-20", precision="day", region_code="35.73", region_name="Kota Malang"
    )
    assert same_story(event(**dated, amounts={186_500_000}), event(**base, amounts={186_500_000}))
    # Rp 42 juta is the death benefit every heir receives: it does not identify a hand-over.
    assert not same_story(event(**dated, amounts={42_000_000}), event(**base, amounts={42_000_000}))


@pytest.mark.parametrize(
    "name, key",
    [
        ("BPJS Ketenagakerjaan", None),
        ("BPJS Ketenagakerjaan Cabang Blitar", None),
        ("Pemkab Blitar", None),
        ("Pemerintah Kabupaten Blitar", None),
        ("BPKAD Kabupaten Blitar", "bpkad"),
        ("Dinas Koperasi dan Usaha Mikro Kabupaten Blitar", "dinas koperasi usaha mikro"),
    ],
)
def test_parties_are_compared_on_the_words_that_tell_them_apart(name, key):
    assert party_key(name, RULES, frozenset({"blitar"})) == key


def test_officials_match_by_the_words_of_their_names():
    assert officials_match("moh. ramdhan pomanto", "moh ramdhan pomanto", RULES)
    assert officials_match("harisson", "harisson azroi", RULES)
    assert not officials_match("adi", "adi santoso", RULES)  # a short single name is too common
    assert not officials_match("budi santoso", "budi hartono", RULES)


def test_cluster_groups_reports_and_keeps_distractors_apart():
    a = event(**SIGNING)
    b = event(**{**SIGNING, "date": "2024-03-13"})
    c = event(**{**SIGNING, "date": None, "precision": None, "published": "2024-03-14", "officials": {"rini syarifah"}})
    later = event(**{**SIGNING, "date": "2025-03-12", "published": "2025-03-12"})
    groups = cluster([a, later, b, c])
    assert [[e.id for e in g] for g in groups] == [[a.id, b.id, c.id], [later.id]]


def test_candidate_window_reaches_the_report_lag_both_ways():
    assert candidate_window(event(**SIGNING)) == ("2024-03-04", "2024-03-20")
    assert candidate_window(event(type="meeting")) is None
    assert SAME_DAY == date_agreement(event(**SIGNING), event(**SIGNING), RULES)
