"""Candidate suggestions from facts (pure, no DB): each with its reasons, thresholds as data."""

from __future__ import annotations

from thidua.exemplars import parameters
from thidua.exemplars.domain.suggest import (
    Facts,
    InitiativeFact,
    RankFact,
    Subject,
    Thresholds,
    TitleFact,
    streaks,
    suggest,
)

T = Thresholds(
    individual_award="CSTDCS",
    individual_years=3,
    collective_award="TTLDXS",
    collective_years=2,
    recent_years=2,
    top_rank=1,
    initiative_levels=frozenset({"BO_TINH", "TOAN_QUOC"}),
    basis="Lựa chọn của cơ quan",
)
AN = Subject(("person", 1), "Nguyễn Văn An", "an van nguyen", "Xã An Phú", True)
BINH = Subject(("person", 2), "Trần Thị Bình", "binh thi tran", "Xã Bình Minh", False)
XA = Subject(("unit", 7), "Xã An Phú", "an phu xa", "Huyện Thử Nghiệm")


def cstd(subject, *years):
    return [TitleFact(subject.key, "CSTDCS", "Chiến sĩ thi đua cơ sở", y) for y in years]


def test_streaks_group_consecutive_years():
    assert streaks([2024, 2021, 2022, 2019, 2022]) == [(2019, 2019), (2021, 2022), (2024, 2024)]


def test_three_titles_in_a_row_make_a_suggestion_with_the_years():
    found = suggest(Facts(2026, [AN], cstd(AN, 2022, 2023, 2024)), T)
    [s] = found
    assert s.subject == AN
    assert s.reasons[0].code == "SUSTAINED_TITLE"
    assert "3 năm liên tục (2022–2024)" in s.reasons[0].message
    assert s.reasons[0].basis == "Lựa chọn của cơ quan"


def test_a_broken_or_old_chain_is_not_enough():
    assert suggest(Facts(2026, [AN], cstd(AN, 2021, 2022, 2024)), T) == []
    # three in a row, but ending more than `recent_years` before the current year
    assert suggest(Facts(2026, [AN], cstd(AN, 2019, 2020, 2021)), T) == []


def test_a_collective_needs_its_own_title_and_length():
    titles = [TitleFact(XA.key, "TTLDXS", "Tập thể lao động xuất sắc", y) for y in (2024, 2025)]
    [s] = suggest(Facts(2026, [XA], titles), T)
    assert "Tập thể lao động xuất sắc 2 năm liên tục" in s.reasons[0].message
    # the individual title on a collective counts for nothing
    assert suggest(Facts(2026, [XA], cstd(XA, 2023, 2024, 2025)), T) == []


def test_top_rank_and_high_level_initiatives_are_reasons_low_ones_are_not():
    ranks = [
        RankFact(XA.key, 1, "95,5", "bảng xếp hạng Cụm 1", 2025),
        RankFact(("unit", 8), 2, "90", "bảng xếp hạng Cụm 1", 2025),
    ]
    initiatives = [
        InitiativeFact(10, BINH.key, "Số hóa hồ sơ", "BO_TINH", "cấp tỉnh", 2024),
        InitiativeFact(11, AN.key, "Sổ tay", "CO_SO", "cấp cơ sở", 2024),
    ]
    other = Subject(("unit", 8), "Xã Khác", "khac xa")
    found = suggest(Facts(2026, [AN, BINH, XA, other], (), ranks, initiatives), T)
    # one reason each: Vietnamese name order decides
    assert [s.subject for s in found] == [XA, BINH]
    binh = found[1]
    assert binh.reasons[0].code == "INITIATIVE"
    assert "Số hóa hồ sơ" in binh.reasons[0].message
    assert binh.initiative_ids == (10,)
    assert "Xếp thứ 1 (95,5 điểm)" in found[0].reasons[0].message


def test_direct_workers_come_first_and_say_why():
    facts = Facts(2026, [BINH, AN], cstd(AN, 2023, 2024, 2025) + cstd(BINH, 2023, 2024, 2025))
    found = suggest(facts, T)
    assert [s.subject for s in found] == [AN, BINH]
    assert found[0].reasons[-1].code == "DIRECT_WORKER"
    assert "Điều 5" in found[0].reasons[-1].basis
    assert all(r.code != "DIRECT_WORKER" for r in found[1].reasons)


def test_more_reasons_rank_higher_and_existing_models_are_left_out():
    facts = Facts(
        2026,
        [AN, BINH],
        cstd(AN, 2023, 2024, 2025) + cstd(BINH, 2023, 2024, 2025),
        initiatives=[InitiativeFact(10, BINH.key, "Số hóa", "TOAN_QUOC", "toàn quốc", 2025)],
    )
    assert [s.subject for s in suggest(facts, T)] == [BINH, AN]
    already = Facts(2026, [AN], cstd(AN, 2023, 2024, 2025), already_models=frozenset({AN.key}))
    assert suggest(already, T) == []


def test_the_packaged_thresholds_are_data_with_a_note_that_they_are_not_law():
    loaded = parameters.thresholds()
    assert loaded.individual_award == "CSTDCS"
    assert loaded.individual_years >= 2
    assert "BO_TINH" in loaded.initiative_levels
    assert "không phải quy định của pháp luật" in parameters.note()
