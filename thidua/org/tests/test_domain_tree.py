"""Unit tree and lineage rules (pure, no database)."""

from datetime import date

from thidua.org.domain.tree import UnitFacts, check_dissolve, check_merge, check_parent, check_split

PROVINCE = UnitFacts(1, "Tỉnh A", "00000001/", date(2008, 1, 1), None)
DISTRICT = UnitFacts(2, "Huyện B", "00000001/00000002/", date(2008, 1, 1), None)
COMMUNE = UnitFacts(3, "Xã C", "00000001/00000002/00000003/", date(2010, 1, 1), None)
OTHER = UnitFacts(4, "Xã D", "00000001/00000002/00000004/", date(2010, 1, 1), None)
ENDED = UnitFacts(5, "Huyện E", "00000001/00000005/", date(2008, 1, 1), date(2025, 6, 30))


def codes(reasons):
    return [r.code for r in reasons]


def test_moving_a_unit_under_its_own_descendant_is_a_cycle():
    # when the district is put under its own commune
    reasons = check_parent(DISTRICT, COMMUNE)
    # then
    assert codes(reasons) == ["TREE_CYCLE"]
    assert "vòng lặp" in reasons[0].message


def test_moving_a_unit_under_itself_is_a_cycle():
    assert codes(check_parent(COMMUNE, COMMUNE)) == ["TREE_CYCLE"]


def test_moving_under_a_sibling_branch_is_allowed():
    assert check_parent(COMMUNE, PROVINCE) == []


def test_a_parent_that_has_ended_is_refused():
    assert codes(check_parent(COMMUNE, ENDED)) == ["PARENT_ENDED"]


def test_merge_dated_before_a_unit_existed_is_refused():
    # given commune C began on 01/01/2010; when merged with an effective date in 2009
    reasons = check_merge([COMMUNE, OTHER], None, date(2009, 12, 31))
    # then both communes are named, with the date they began
    assert codes(reasons) == ["BEFORE_UNIT_EXISTED", "BEFORE_UNIT_EXISTED"]
    assert "01/01/2010" in reasons[0].message


def test_merge_on_the_first_day_is_refused_and_the_next_day_allowed():
    assert codes(check_merge([COMMUNE, OTHER], None, date(2010, 1, 1))) == [
        "BEFORE_UNIT_EXISTED",
        "BEFORE_UNIT_EXISTED",
    ]
    assert check_merge([COMMUNE, OTHER], None, date(2010, 1, 2)) == []


def test_merge_needs_two_units_unless_absorbed_by_another():
    assert codes(check_merge([COMMUNE], None, date(2025, 7, 1))) == ["MERGE_TOO_FEW"]
    assert codes(check_merge([COMMUNE], COMMUNE, date(2025, 7, 1))) == ["MERGE_TOO_FEW"]
    assert check_merge([COMMUNE], OTHER, date(2025, 7, 1)) == []


def test_an_ended_unit_cannot_be_merged_again():
    assert codes(check_merge([ENDED, DISTRICT], DISTRICT, date(2025, 8, 1))) == ["ALREADY_ENDED"]


def test_split_needs_two_new_units():
    assert codes(check_split(COMMUNE, ["Xã C1", "  "], date(2020, 1, 1))) == ["SPLIT_TOO_FEW"]
    assert check_split(COMMUNE, ["Xã C1", "Xã C2"], date(2020, 1, 1)) == []


def test_dissolve_refused_while_children_are_active():
    assert codes(check_dissolve(DISTRICT, date(2025, 7, 1), has_active_children=True)) == [
        "HAS_ACTIVE_CHILDREN"
    ]
    assert check_dissolve(DISTRICT, date(2025, 7, 1), has_active_children=False) == []


def test_moving_an_ended_unit_is_refused_whatever_the_date():
    from thidua.org.domain.tree import check_move

    assert codes(check_move(ENDED, PROVINCE, date(2026, 1, 1))) == ["ALREADY_ENDED"]


def test_a_move_dated_before_the_unit_began_is_refused():
    from thidua.org.domain.tree import check_move

    assert codes(check_move(COMMUNE, PROVINCE, date(2009, 1, 1))) == ["BEFORE_UNIT_EXISTED"]
    assert check_move(COMMUNE, PROVINCE, date(2025, 7, 1)) == []
