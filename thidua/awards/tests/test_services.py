"""Award commands and reads: allowed paths with their events, denied paths that change nothing,
refusals with stable codes and Vietnamese messages, and the reference data from migration 0002."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone

from thidua.awards import queries, services
from thidua.awards.catalogue import (
    CATALOGUE_FILE,
    current_parameter_sets,
    load_catalogue,
    read_data,
)
from thidua.awards.domain.eligibility import check_eligibility
from thidua.awards.domain.types import AwardCategory, EligibilityQuery, SubjectKind
from thidua.awards.eligibility_io import evaluate_payload
from thidua.awards.models import (
    AnnualRating,
    AwardRecord,
    AwardType,
    BaseSalary,
    DisciplineRecord,
    Initiative,
    ParameterChange,
    PendingMatter,
    QuotaRule,
)
from thidua.core.errors import ConcurrentChange, DomainError, PermissionDenied
from thidua.core.models import Event
from thidua.org import services as org_services
from thidua.org.models import Person

pytestmark = pytest.mark.django_db

ND_152 = "LTDKT-2022/ND-152-2025"
CHAIN = "cstdbt_cstdcs_chain_length"
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


def state() -> tuple[object, ...]:
    """A fingerprint of everything the award commands can write."""
    return (
        list(AwardRecord.objects.order_by("pk").values_list("pk", "revoked", "version")),
        list(AnnualRating.objects.order_by("pk").values_list("pk", "rating", "version")),
        list(Initiative.objects.order_by("pk").values_list("pk", "used_for_id", "version")),
        DisciplineRecord.objects.count(),
        list(PendingMatter.objects.order_by("pk").values_list("pk", "closed", "version")),
        ParameterChange.objects.count(),
        BaseSalary.objects.count(),
        list(QuotaRule.objects.order_by("pk").values_list("pk", "max_percent", "version")),
        Event.objects.count(),
    )


def award_type(code: str) -> AwardType:
    return AwardType.objects.get(code=code)


def award_data(code: str = "LDTT", year: int = 2024, **kw: Any) -> services.AwardData:
    return services.AwardData(award_type(code), year, **kw)


def assert_vietnamese(text: str) -> None:
    assert VIETNAMESE.search(text.lower()), text


def refused(call: Callable[[], object]) -> DomainError:
    """Run a command that must be refused, check nothing changed, and return the error."""
    before = state()
    with pytest.raises(DomainError) as caught:
        call()
    assert not isinstance(caught.value, PermissionDenied)
    assert state() == before
    assert_vietnamese(caught.value.message)
    return caught.value


def add_person(world: Any, name: str, unit: Any = None, born: date | None = None) -> Person:
    return org_services.create_person(
        world.users["province_officer"],
        org_services.PersonData(full_name=name, gender="female", date_of_birth=born),
        unit=unit or world.unit_a,
        since=date(2020, 1, 1),
    )


@pytest.fixture
def history(world: Any, unit_a_clerk: Any) -> SimpleNamespace:
    """Person A's CSTĐCS 2024, an unused initiative of 2024 and an open inspection."""
    award = services.record_award(
        unit_a_clerk, world.person_a, award_data("CSTDCS", 2024, decision_date=date(2025, 1, 10))
    )
    initiative = services.record_initiative(
        unit_a_clerk,
        services.InitiativeData(kind="initiative", title="Sổ tay số", level="CO_SO", year=2024),
        authors=[world.person_a],
    )
    matter = services.open_matter(
        unit_a_clerk, world.person_a, kind="inspection", opened=date(2025, 3, 1)
    )
    return SimpleNamespace(award=award, initiative=initiative, matter=matter)


# -- the permission matrix of the history commands -----------------------------------------------

Command = Callable[[Any, Any, SimpleNamespace], object]

COMMANDS: dict[str, tuple[str, Command]] = {
    "record_award": (
        "awards.record_award",
        lambda actor, w, h: services.record_award(actor, w.person_a, award_data("LDTT", 2025)),
    ),
    "record_award_for_unit": (
        "awards.record_award",
        lambda actor, w, h: services.record_award(actor, w.unit_a, award_data("TTLDTT", 2025)),
    ),
    "revoke_award": (
        "awards.revoke_award",
        lambda actor, w, h: services.revoke_award(
            actor,
            h.award,
            expected_version=h.award.version,
            revoked_on=date(2025, 6, 1),
            reason="Khen nhầm đối tượng",
        ),
    ),
    "set_rating": (
        "awards.set_rating",
        lambda actor, w, h: services.set_rating(actor, w.person_a, 2025, "HTXS"),
    ),
    "set_rating_for_unit": (
        "awards.set_rating",
        lambda actor, w, h: services.set_rating(actor, w.unit_a, 2025, "HTT"),
    ),
    "record_initiative": (
        "awards.record_initiative",
        lambda actor, w, h: services.record_initiative(
            actor,
            services.InitiativeData(kind="research", title="Đề tài", level="BO_TINH", year=2025),
            authors=[w.person_a],
        ),
    ),
    "use_initiative": (
        "awards.use_initiative",
        lambda actor, w, h: services.use_initiative(
            actor, h.initiative, h.award, expected_version=h.initiative.version
        ),
    ),
    "record_discipline": (
        "awards.record_discipline",
        lambda actor, w, h: services.record_discipline(
            actor, w.person_a, level="KHIEN_TRACH", start=date(2025, 2, 1), end=date(2026, 2, 1)
        ),
    ),
    "open_matter": (
        "awards.open_matter",
        lambda actor, w, h: services.open_matter(
            actor, w.person_a, kind="complaint", opened=date(2025, 5, 1)
        ),
    ),
    "close_matter": (
        "awards.close_matter",
        lambda actor, w, h: services.close_matter(
            actor, h.matter, expected_version=h.matter.version, closed=date(2025, 9, 1)
        ),
    ),
}


@pytest.mark.parametrize("persona", ["unit_b_clerk", "outsider", "unit_a_viewer", "council_member"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_who_may_not_manage_unit_a_changes_nothing(
    world: Any, history: SimpleNamespace, persona: str, command: str
) -> None:
    # given
    _, run = COMMANDS[command]
    before = state()
    # when
    with pytest.raises(PermissionDenied):
        run(world.users[persona], world, history)
    # then
    assert state() == before


@pytest.mark.parametrize("persona", ["unit_a_clerk", "province_officer", "admin"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_who_manages_unit_a_writes_exactly_one_event(
    world: Any, history: SimpleNamespace, persona: str, command: str
) -> None:
    # given
    action, run = COMMANDS[command]
    actor = world.users[persona]
    events = Event.objects.count()
    # when
    run(actor, world, history)
    # then
    assert Event.objects.count() == events + 1
    event = Event.objects.order_by("-id").first()
    assert event is not None
    assert event.action == action
    assert event.actor == actor
    assert event.unit_path == world.unit_a.path


def test_clerk_of_a_can_record_in_the_village_below_a(world: Any, unit_a_clerk: Any) -> None:
    # given a person in the village inside commune A
    villager = add_person(world, "Đỗ Thị Mai", world.village_a)
    # when
    record = services.record_award(unit_a_clerk, villager, award_data("LDTT", 2024))
    # then
    assert record.person == villager


def test_a_person_without_a_unit_is_managed_only_by_who_reaches_every_unit(
    world: Any, unit_a_clerk: Any, admin_user: Any
) -> None:
    # given
    Person.objects.filter(pk=world.person_a.pk).update(unit=None)
    world.person_a.refresh_from_db()
    before = state()
    # when the clerk of A tries
    with pytest.raises(PermissionDenied):
        services.set_rating(unit_a_clerk, world.person_a, 2024, "HTT")
    # then nothing changed, while the administrator may
    assert state() == before
    services.set_rating(admin_user, world.person_a, 2024, "HTT")
    assert AnnualRating.objects.get(person=world.person_a).rating == "HTT"


# -- record_award ----------------------------------------------------------------------------------


def test_record_award_writes_the_record_with_cleaned_text_and_its_event(
    world: Any, unit_a_clerk: Any
) -> None:
    # when
    record = services.record_award(
        unit_a_clerk,
        world.person_a,
        award_data(
            "CSTDCS",
            2024,
            decision_number="  12/QĐ-UBND ",
            decision_date=date(2025, 1, 10),
            issuer=" UBND  xã An Phú ",
        ),
    )
    # then
    record.refresh_from_db()
    assert (record.person, record.award_type.code, record.year) == (world.person_a, "CSTDCS", 2024)
    assert record.category == "CONG_TRANG"
    assert record.decision_number == "12/QĐ-UBND"
    assert record.issuer == "UBND xã An Phú"
    assert record.recorded_by == unit_a_clerk
    event = Event.objects.get(action="awards.record_award")
    assert event.object_id == str(record.pk)
    assert event.after is not None
    assert event.after["year"] == 2024


def test_the_same_award_for_the_same_year_is_refused(world: Any, history: Any) -> None:
    # given CSTĐCS 2024 is already in person A's history
    clerk = world.users["unit_a_clerk"]
    # when
    error = refused(
        lambda: services.record_award(clerk, world.person_a, award_data("CSTDCS", 2024))
    )
    # then
    assert error.code == "DUPLICATE_AWARD"
    assert "một thành tích chỉ khen một lần" in error.message
    assert "award_type" in error.fields


def test_the_same_award_for_another_year_or_person_is_accepted(world: Any, history: Any) -> None:
    # given
    clerk = world.users["province_officer"]
    # when
    services.record_award(clerk, world.person_a, award_data("CSTDCS", 2023))
    services.record_award(clerk, world.person_b, award_data("CSTDCS", 2024))
    # then
    assert AwardRecord.objects.filter(award_type__code="CSTDCS").count() == 3


def test_a_revoked_award_no_longer_blocks_recording_it_again(
    world: Any, unit_a_clerk: Any, history: Any
) -> None:
    # given the CSTĐCS 2024 was revoked
    services.revoke_award(
        unit_a_clerk,
        history.award,
        expected_version=history.award.version,
        revoked_on=date(2025, 6, 1),
        reason="Sai thủ tục",
    )
    # when it is recorded again
    again = services.record_award(unit_a_clerk, world.person_a, award_data("CSTDCS", 2024))
    # then both rows stand, one revoked
    rows = AwardRecord.objects.filter(person=world.person_a, award_type__code="CSTDCS", year=2024)
    assert sorted(rows.values_list("revoked", flat=True)) == [False, True]
    assert again.pk != history.award.pk


@pytest.mark.parametrize(
    ("subject", "code", "words"),
    [
        ("person_a", "TTLDTT", "không dùng để khen cá nhân"),
        ("unit_a", "CSTDCS", "không dùng để khen tập thể"),
    ],
)
def test_an_award_for_another_kind_of_subject_is_refused(
    world: Any, unit_a_clerk: Any, subject: str, code: str, words: str
) -> None:
    # given
    # when
    error = refused(
        lambda: services.record_award(unit_a_clerk, getattr(world, subject), award_data(code))
    )
    # then
    assert error.code == "AWARD_NOT_FOR_SUBJECT"
    assert words in error.message
    assert "award_type" in error.fields


def test_an_achievement_year_after_this_year_is_refused(world: Any, unit_a_clerk: Any) -> None:
    # given
    next_year = timezone.localdate().year + 1
    # when
    error = refused(
        lambda: services.record_award(unit_a_clerk, world.person_a, award_data("LDTT", next_year))
    )
    # then
    assert error.code == "YEAR_IN_FUTURE"
    assert f"Năm {next_year} chưa đến" in error.fields["year"]


def test_this_year_is_accepted(world: Any, unit_a_clerk: Any) -> None:
    # given
    this_year = timezone.localdate().year
    # when
    record = services.record_award(unit_a_clerk, world.person_a, award_data("LDTT", this_year))
    # then
    assert record.year == this_year


def test_a_decision_before_the_achievement_year_is_refused(world: Any, unit_a_clerk: Any) -> None:
    # given
    data = award_data("LDTT", 2024, decision_date=date(2023, 12, 30))
    # when
    error = refused(lambda: services.record_award(unit_a_clerk, world.person_a, data))
    # then
    assert error.code == "DECISION_BEFORE_ACHIEVEMENT"
    assert "30/12/2023" in error.fields["decision_date"]


def test_an_unknown_category_is_refused(world: Any, unit_a_clerk: Any) -> None:
    # given
    data = award_data("LDTT", 2024, category="BAT_KY")
    # when
    error = refused(lambda: services.record_award(unit_a_clerk, world.person_a, data))
    # then
    assert error.code == "INVALID_CATEGORY"


def test_several_problems_are_reported_together(world: Any, unit_a_clerk: Any) -> None:
    # given a collective title for a person, for next year
    next_year = timezone.localdate().year + 1
    # when
    error = refused(
        lambda: services.record_award(unit_a_clerk, world.person_a, award_data("TTLDTT", next_year))
    )
    # then
    assert error.code == "INVALID_INPUT"
    assert set(error.fields) == {"award_type", "year"}


def test_an_award_decided_after_a_merged_unit_ended_is_refused(
    world: Any, province_officer: Any
) -> None:
    # given communes A and B merged into a new ward from 01/07/2025
    org_services.merge_units(
        province_officer,
        [world.unit_a, world.unit_b],
        effective_date=date(2025, 7, 1),
        new_unit=org_services.NewUnit(code="T.H.AB", name="Phường An Bình", kind="ward"),
        parent=world.province,
    )
    world.unit_a.refresh_from_db()
    # when an award for commune A's 2024 achievement is decided after its end
    late = award_data("TTLDTT", 2024, decision_date=date(2025, 7, 2))
    error = refused(lambda: services.record_award(province_officer, world.unit_a, late))
    # then
    assert error.code == "SUBJECT_ENDED"
    assert "30/06/2025" in error.message
    # while one decided on its last day is accepted
    services.record_award(
        province_officer, world.unit_a, award_data("TTLDTT", 2024, decision_date=date(2025, 6, 30))
    )


# -- revoke_award --------------------------------------------------------------------------------


def test_revoke_marks_the_award_and_records_before_and_after(
    world: Any, unit_a_clerk: Any, history: Any
) -> None:
    # given
    loaded = history.award.version
    # when
    record = services.revoke_award(
        unit_a_clerk,
        history.award,
        expected_version=loaded,
        revoked_on=date(2025, 6, 1),
        reason="  Khai man   thành tích ",
    )
    # then
    stored = AwardRecord.objects.get(pk=record.pk)
    assert stored.revoked
    assert stored.revoked_on == date(2025, 6, 1)
    assert stored.revocation_reason == "Khai man thành tích"
    assert stored.version == loaded + 1
    event = Event.objects.get(action="awards.revoke_award")
    assert event.before is not None
    assert event.after is not None
    assert (event.before["revoked"], event.after["revoked"]) == (False, True)
    assert event.comment == "Khai man thành tích"


def test_revoking_twice_is_refused(world: Any, unit_a_clerk: Any, history: Any) -> None:
    # given
    record = services.revoke_award(
        unit_a_clerk,
        history.award,
        expected_version=history.award.version,
        revoked_on=date(2025, 6, 1),
        reason="Sai",
    )
    # when
    error = refused(
        lambda: services.revoke_award(
            unit_a_clerk,
            record,
            expected_version=record.version,
            revoked_on=date(2025, 6, 2),
            reason="Lần hai",
        )
    )
    # then
    assert error.code == "ALREADY_REVOKED"


def test_revoking_needs_a_reason(world: Any, unit_a_clerk: Any, history: Any) -> None:
    # given
    # when
    error = refused(
        lambda: services.revoke_award(
            unit_a_clerk,
            history.award,
            expected_version=history.award.version,
            revoked_on=date(2025, 6, 1),
            reason="   ",
        )
    )
    # then
    assert error.code == "REASON_REQUIRED"
    assert "Điều 93" in error.fields["reason"]


@pytest.mark.parametrize(
    ("revoked_on", "code"),
    [(date(2025, 1, 9), "REVOKED_BEFORE_DECISION"), (None, "DATE_IN_FUTURE")],
)
def test_revocation_date_must_lie_between_the_decision_and_today(
    world: Any, unit_a_clerk: Any, history: Any, revoked_on: date | None, code: str
) -> None:
    # given the decision of 10/01/2025
    day = revoked_on or date.fromordinal(timezone.localdate().toordinal() + 1)
    # when
    error = refused(
        lambda: services.revoke_award(
            unit_a_clerk,
            history.award,
            expected_version=history.award.version,
            revoked_on=day,
            reason="Sai",
        )
    )
    # then
    assert error.code == code
    assert "revoked_on" in error.fields


def test_revoking_with_a_stale_version_is_a_concurrent_change(
    world: Any, unit_a_clerk: Any, province_officer: Any, history: Any
) -> None:
    # given two officers loaded the same award and the first one revoked it
    loaded = history.award.version
    stale = AwardRecord.objects.get(pk=history.award.pk)
    services.revoke_award(
        province_officer,
        history.award,
        expected_version=loaded,
        revoked_on=date(2025, 6, 1),
        reason="Sai",
    )
    before = state()
    # when the second one saves with the old version
    with pytest.raises(ConcurrentChange):
        services.revoke_award(
            unit_a_clerk, stale, expected_version=loaded, revoked_on=date(2025, 6, 2), reason="X"
        )
    # then the first revocation stands and nothing else was written
    assert state() == before
    assert AwardRecord.objects.get(pk=history.award.pk).revocation_reason == "Sai"


# -- ratings -------------------------------------------------------------------------------------


def test_set_rating_creates_then_corrects_and_a_same_value_writes_nothing(
    world: Any, unit_a_clerk: Any
) -> None:
    # given
    first = services.set_rating(unit_a_clerk, world.person_a, 2024, "HTT")
    # when corrected
    second = services.set_rating(unit_a_clerk, world.person_a, 2024, "HTXS")
    # then one row, its version bumped, two events (the second with the old value)
    assert second.pk == first.pk
    row = AnnualRating.objects.get(person=world.person_a, year=2024)
    assert (row.rating, row.version) == ("HTXS", first.version + 1)
    events = list(Event.objects.filter(action="awards.set_rating").order_by("id"))
    assert len(events) == 2
    assert events[1].before is not None
    assert events[1].before["rating"] == "HTT"
    # and setting the same value again writes nothing
    before = state()
    services.set_rating(unit_a_clerk, world.person_a, 2024, "HTXS")
    assert state() == before


@pytest.mark.parametrize(
    ("year", "rating", "code"),
    [
        (2024, "XUAT_SAC", "INVALID_RATING"),
        (1944, "HTT", "YEAR_TOO_EARLY"),
        (None, "HTT", "YEAR_IN_FUTURE"),
        (1944, "XUAT_SAC", "INVALID_INPUT"),
    ],
)
def test_bad_ratings_are_refused(
    world: Any, unit_a_clerk: Any, year: int | None, rating: str, code: str
) -> None:
    # given
    when = year or timezone.localdate().year + 1
    # when
    error = refused(lambda: services.set_rating(unit_a_clerk, world.person_a, when, rating))
    # then
    assert error.code == code


# -- initiatives ---------------------------------------------------------------------------------


def test_record_initiative_stores_the_authors_and_the_unit(world: Any, unit_a_clerk: Any) -> None:
    # given a second author in commune A
    colleague = add_person(world, "Phạm Thị Lan")
    # when
    initiative = services.record_initiative(
        unit_a_clerk,
        services.InitiativeData(
            kind="initiative", title="  Quy trình  một cửa ", level="BO_TINH", year=2025
        ),
        authors=[world.person_a, colleague],
        unit=world.unit_a,
    )
    # then
    assert initiative.title == "Quy trình một cửa"
    assert set(initiative.authors.all()) == {world.person_a, colleague}
    assert initiative.unit == world.unit_a
    event = Event.objects.get(action="awards.record_initiative")
    assert event.after is not None
    assert sorted(event.after["authors"]) == sorted([world.person_a.pk, colleague.pk])


def test_an_initiative_with_an_author_outside_the_scope_is_refused(
    world: Any, unit_a_clerk: Any
) -> None:
    # given
    before = state()
    # when person B of commune B is named as co-author by the clerk of A
    with pytest.raises(PermissionDenied):
        services.record_initiative(
            unit_a_clerk,
            services.InitiativeData(kind="initiative", title="Chung", level="CO_SO", year=2025),
            authors=[world.person_a, world.person_b],
        )
    # then
    assert state() == before


@pytest.mark.parametrize(
    ("change", "authors", "code"),
    [
        ({"title": "   "}, True, "TITLE_REQUIRED"),
        ({"year": 1944}, True, "YEAR_TOO_EARLY"),
        ({}, False, "AUTHORS_REQUIRED"),
        ({"level": "CAP_HUYEN"}, True, "INVALID_LEVEL"),
        ({"kind": "poem"}, True, "INVALID_KIND"),
    ],
)
def test_bad_initiatives_are_refused(
    world: Any, unit_a_clerk: Any, change: dict[str, Any], authors: bool, code: str
) -> None:
    # given
    values: dict[str, Any] = {"kind": "initiative", "title": "Sáng kiến", "level": "CO_SO"}
    values["year"] = 2025
    values.update(change)
    people = [world.person_a] if authors else []
    # when
    error = refused(
        lambda: services.record_initiative(
            unit_a_clerk, services.InitiativeData(**values), authors=people
        )
    )
    # then
    assert error.code == code


def test_use_initiative_locks_it_to_the_award(world: Any, unit_a_clerk: Any, history: Any) -> None:
    # when
    services.use_initiative(
        unit_a_clerk, history.initiative, history.award, expected_version=history.initiative.version
    )
    # then
    stored = Initiative.objects.get(pk=history.initiative.pk)
    assert stored.used_for == history.award
    # and the engine sees it as used
    [initiative] = queries.person_record(world.person_a).initiatives
    assert initiative.used_for == "CSTDCS"


def test_an_initiative_used_for_one_award_cannot_support_another(
    world: Any, unit_a_clerk: Any, history: Any
) -> None:
    # given it already supports the CSTĐCS 2024
    services.use_initiative(
        unit_a_clerk, history.initiative, history.award, expected_version=history.initiative.version
    )
    other = services.record_award(unit_a_clerk, world.person_a, award_data("LDTT", 2024))
    # when
    error = refused(
        lambda: services.use_initiative(
            unit_a_clerk, history.initiative, other, expected_version=history.initiative.version
        )
    )
    # then
    assert error.code == "INITIATIVE_USED"
    assert "mỗi sáng kiến chỉ làm căn cứ cho một khen thưởng" in error.message
    assert Initiative.objects.get(pk=history.initiative.pk).used_for == history.award


def test_an_initiative_cannot_support_the_award_of_someone_who_is_not_its_author(
    world: Any, province_officer: Any, history: Any
) -> None:
    # given person B's award and person A's initiative
    award_b = services.record_award(province_officer, world.person_b, award_data("CSTDCS", 2024))
    # when
    error = refused(
        lambda: services.use_initiative(
            province_officer,
            history.initiative,
            award_b,
            expected_version=history.initiative.version,
        )
    )
    # then
    assert error.code == "INITIATIVE_NOT_OF_SUBJECT"


def test_clerk_of_a_cannot_lock_an_initiative_of_b_to_an_award_of_a(
    world: Any, unit_a_clerk: Any, unit_b_clerk: Any, history: Any
) -> None:
    # given an initiative of person B, recorded by the clerk of B
    initiative_b = services.record_initiative(
        unit_b_clerk,
        services.InitiativeData(kind="initiative", title="Của B", level="BO_TINH", year=2024),
        authors=[world.person_b],
    )
    before = state()
    # when the clerk of A ties it to person A's award
    with pytest.raises(DomainError):
        services.use_initiative(
            unit_a_clerk, initiative_b, history.award, expected_version=initiative_b.version
        )
    # then
    assert state() == before
    assert Initiative.objects.get(pk=initiative_b.pk).used_for is None


def test_use_initiative_with_a_stale_version_is_a_concurrent_change(
    world: Any, unit_a_clerk: Any, history: Any
) -> None:
    # given someone else touched the initiative since it was loaded
    loaded = history.initiative.version
    Initiative.objects.filter(pk=history.initiative.pk).update(version=loaded + 1)
    before = state()
    # when
    with pytest.raises(ConcurrentChange):
        services.use_initiative(
            unit_a_clerk, history.initiative, history.award, expected_version=loaded
        )
    # then
    assert state() == before


# -- discipline and pending matters --------------------------------------------------------------


def test_record_discipline_writes_the_period(world: Any, unit_a_clerk: Any) -> None:
    # when
    row = services.record_discipline(
        unit_a_clerk,
        world.person_a,
        level="CANH_CAO",
        start=date(2025, 2, 1),
        end=None,
        decision_number=" 5/QĐ-KL ",
    )
    # then
    stored = DisciplineRecord.objects.get(pk=row.pk)
    assert (stored.person, stored.level, stored.end) == (world.person_a, "CANH_CAO", None)
    assert stored.decision_number == "5/QĐ-KL"
    assert Event.objects.filter(action="awards.record_discipline").count() == 1


@pytest.mark.parametrize(
    ("level", "start", "end", "code"),
    [
        ("KHIEN_TRACH", date(2025, 2, 1), date(2025, 1, 31), "END_BEFORE_START"),
        ("NHAC_NHO", date(2025, 2, 1), None, "INVALID_LEVEL"),
        ("KHIEN_TRACH", None, None, "DATE_IN_FUTURE"),
    ],
)
def test_bad_discipline_is_refused(
    world: Any, unit_a_clerk: Any, level: str, start: date | None, end: date | None, code: str
) -> None:
    # given
    day = start or date.fromordinal(timezone.localdate().toordinal() + 1)
    # when
    error = refused(
        lambda: services.record_discipline(
            unit_a_clerk, world.person_a, level=level, start=day, end=end
        )
    )
    # then
    assert error.code == code


def test_a_discipline_ending_on_its_first_day_is_accepted(world: Any, unit_a_clerk: Any) -> None:
    # given
    # when
    row = services.record_discipline(
        unit_a_clerk,
        world.person_a,
        level="KHIEN_TRACH",
        start=date(2025, 2, 1),
        end=date(2025, 2, 1),
    )
    # then
    assert row.end == row.start


def test_open_then_close_a_matter(world: Any, unit_a_clerk: Any, history: Any) -> None:
    # given an open inspection blocks proposals
    assert queries.person_record(world.person_a).under_investigation
    # when
    services.close_matter(
        unit_a_clerk,
        history.matter,
        expected_version=history.matter.version,
        closed=date(2025, 9, 1),
    )
    # then
    assert PendingMatter.objects.get(pk=history.matter.pk).closed == date(2025, 9, 1)
    assert not queries.person_record(world.person_a).under_investigation
    assert Event.objects.filter(action="awards.close_matter").count() == 1


def test_open_matter_for_a_unit(world: Any, unit_a_clerk: Any) -> None:
    # when
    services.open_matter(unit_a_clerk, world.unit_a, kind="denunciation", opened=date(2025, 1, 1))
    # then
    assert queries.unit_record(world.unit_a, 2025).under_investigation


@pytest.mark.parametrize(
    ("kind", "opened", "code"),
    [("rumour", date(2025, 1, 1), "INVALID_KIND"), ("inspection", None, "DATE_IN_FUTURE")],
)
def test_bad_matters_are_refused(
    world: Any, unit_a_clerk: Any, kind: str, opened: date | None, code: str
) -> None:
    # given
    day = opened or date.fromordinal(timezone.localdate().toordinal() + 1)
    # when
    error = refused(
        lambda: services.open_matter(unit_a_clerk, world.person_a, kind=kind, opened=day)
    )
    # then
    assert error.code == code


def test_a_matter_cannot_close_before_it_opened(
    world: Any, unit_a_clerk: Any, history: Any
) -> None:
    # given the inspection opened on 01/03/2025
    # when
    error = refused(
        lambda: services.close_matter(
            unit_a_clerk,
            history.matter,
            expected_version=history.matter.version,
            closed=date(2025, 2, 28),
        )
    )
    # then
    assert error.code == "END_BEFORE_START"
    assert "closed" in error.fields


def test_a_matter_closes_once(world: Any, unit_a_clerk: Any, history: Any) -> None:
    # given
    matter = services.close_matter(
        unit_a_clerk,
        history.matter,
        expected_version=history.matter.version,
        closed=date(2025, 9, 1),
    )
    # when
    error = refused(
        lambda: services.close_matter(
            unit_a_clerk, matter, expected_version=matter.version, closed=date(2025, 9, 2)
        )
    )
    # then
    assert error.code == "ALREADY_CLOSED"


def test_closing_a_matter_with_a_stale_version_is_a_concurrent_change(
    world: Any, unit_a_clerk: Any, history: Any
) -> None:
    # given
    loaded = history.matter.version
    stale = PendingMatter.objects.get(pk=history.matter.pk)
    services.close_matter(
        unit_a_clerk, history.matter, expected_version=loaded, closed=date(2025, 9, 1)
    )
    before = state()
    # when
    with pytest.raises(ConcurrentChange):
        services.close_matter(
            unit_a_clerk, stale, expected_version=loaded, closed=date(2025, 10, 1)
        )
    # then
    assert state() == before
    assert PendingMatter.objects.get(pk=history.matter.pk).closed == date(2025, 9, 1)


# -- catalogue terms: parameters, base salary, quotas ----------------------------------------------


def change_chain(actor: Any, value: object = 2, **kw: Any) -> ParameterChange:
    values: dict[str, Any] = {
        "rule_set": ND_152,
        "figure": CHAIN,
        "value": value,
        "basis": "Quyết định thử nghiệm 1/2026",
        "confirmed": False,
        "reason": "Thử chuỗi hai năm",
    }
    values.update(kw)
    return services.change_parameter(actor, **values)


def chain_length() -> int:
    params = {p.rule_set: p for p in current_parameter_sets()}[ND_152]
    assert params.figures is not None
    return params.figures.cstdbt_cstdcs_chain_length.value


TWO_YEAR_CHAIN = {
    "award": "CSTDBT",
    "year": 2025,
    "proposal_date": "2025-12-10",
    "subject": {"kind": "individual", "name": "Nguyễn Văn An"},
    "registered": True,
    "ratings": {"2024": "HTXS", "2025": "HTXS"},
    "awards": [{"code": "CSTDCS", "year": 2024}, {"code": "CSTDCS", "year": 2025}],
    "initiatives": [{"id": "SK-1", "level": "BO_TINH", "year": 2025, "used_for": None}],
}


def test_admin_changes_a_figure_and_the_engine_applies_it_at_once(admin_user: Any) -> None:
    # given a two-year CSTĐCS chain is not enough under the packaged three-year rule
    result, errors = evaluate_payload(TWO_YEAR_CHAIN)
    assert errors == []
    assert isinstance(result, dict)
    assert not result["eligible"]
    assert chain_length() == 3
    # when the administrator sets the chain to two years
    change = change_chain(admin_user, 2)
    # then
    assert chain_length() == 2
    result, errors = evaluate_payload(TWO_YEAR_CHAIN)
    assert errors == []
    assert isinstance(result, dict)
    assert result["eligible"]
    assert change.changed_by == admin_user
    event = Event.objects.get(action="awards.change_parameter")
    assert event.before is not None
    assert event.after is not None
    assert (event.before["value"], event.after["value"]) == (3, 2)
    assert event.comment == "Thử chuỗi hai năm"
    # and the other rule set is untouched
    other = {p.rule_set: p for p in current_parameter_sets()}["LTDKT-2022/ND-98-2023"]
    assert other.figures is not None
    assert other.figures.cstdbt_cstdcs_chain_length.value == 3


def test_the_newest_change_of_a_figure_wins(admin_user: Any) -> None:
    # given
    change_chain(admin_user, 2)
    # when
    change_chain(admin_user, 4)
    # then
    assert chain_length() == 4
    assert [c.value for c in queries.parameter_history(ND_152, CHAIN)] == [4, 2]


@pytest.mark.parametrize(
    "persona", ["province_officer", "unit_a_clerk", "council_member", "outsider"]
)
def test_only_administrators_change_figures(world: Any, persona: str) -> None:
    # given
    before = state()
    # when
    with pytest.raises(PermissionDenied):
        change_chain(world.users[persona], 2)
    # then
    assert state() == before
    assert chain_length() == 3


@pytest.mark.parametrize(
    ("change", "code", "field", "words"),
    [
        ({"figure": "no_such_figure"}, "UNKNOWN_FIGURE", "figure", "Không có tham số"),
        ({"value": -1}, "INVALID_VALUE", "value", "số nguyên không âm"),
        ({"value": "hai"}, "INVALID_VALUE", "value", "số nguyên không âm"),
        (
            {"figure": "registration_required", "value": 1},
            "INVALID_VALUE",
            "value",
            "đúng hoặc sai",
        ),
        (
            {"figure": "ttldtt_ldtt_share", "value": {"share": "2", "inclusive": True}},
            "INVALID_VALUE",
            "value",
            "tỷ lệ từ 0 đến 1",
        ),
        ({"rule_set": "LTDKT-2099"}, "UNKNOWN_RULE_SET", "rule_set", "Không có bộ quy tắc"),
        ({"rule_set": "LTDKT-2003"}, "UNKNOWN_RULE_SET", "rule_set", "Không có bộ quy tắc"),
        ({"basis": "  "}, "BASIS_REQUIRED", "basis", "căn cứ pháp lý"),
        ({"reason": ""}, "REASON_REQUIRED", "reason", "lý do"),
    ],
)
def test_bad_figure_changes_are_refused(
    admin_user: Any, change: dict[str, Any], code: str, field: str, words: str
) -> None:
    # given
    values: dict[str, Any] = {"value": 2}
    values.update(change)
    # when
    error = refused(lambda: change_chain(admin_user, **values))
    # then the reason is in Vietnamese only, on the right field
    assert error.code == code
    assert words in error.fields[field]
    assert "must" not in error.message
    assert chain_length() == 3


def test_a_share_figure_can_be_changed(admin_user: Any) -> None:
    # given
    value = {"share": "0.6", "inclusive": True}
    # when
    change_chain(admin_user, figure="ttldtt_ldtt_share", value=value)
    # then
    params = {p.rule_set: p for p in current_parameter_sets()}[ND_152]
    assert params.figures is not None
    assert params.figures.ttldtt_ldtt_share.value.inclusive
    assert str(params.figures.ttldtt_ldtt_share.value.share) == "3/5"


def test_add_base_salary(admin_user: Any) -> None:
    # when
    row = services.add_base_salary(
        admin_user, amount=2_530_000, effective_from=date(2026, 7, 1), legal_basis=" NĐ thử "
    )
    # then
    assert row.legal_basis == "NĐ thử"
    assert queries.base_salary_on(date(2026, 7, 1)) == row
    assert queries.base_salary_on(date(2026, 6, 30)).amount == 2_340_000  # type: ignore[union-attr]
    assert Event.objects.filter(action="awards.add_base_salary").count() == 1


@pytest.mark.parametrize(
    ("amount", "day", "basis", "code"),
    [
        (2_340_000, date(2024, 7, 1), "NĐ 73/2024", "DUPLICATE_DATE"),
        (0, date(2026, 7, 1), "NĐ thử", "INVALID_AMOUNT"),
        (2_530_000, date(2026, 7, 1), " ", "BASIS_REQUIRED"),
    ],
)
def test_bad_base_salaries_are_refused(
    admin_user: Any, amount: int, day: date, basis: str, code: str
) -> None:
    # given
    # when
    error = refused(
        lambda: services.add_base_salary(
            admin_user, amount=amount, effective_from=day, legal_basis=basis
        )
    )
    # then
    assert error.code == code


@pytest.mark.parametrize("persona", ["province_officer", "unit_a_clerk", "outsider"])
def test_only_administrators_add_base_salaries(world: Any, persona: str) -> None:
    # given
    before = state()
    # when
    with pytest.raises(PermissionDenied):
        services.add_base_salary(
            world.users[persona], amount=1, effective_from=date(2026, 7, 1), legal_basis="X"
        )
    # then
    assert state() == before


def set_quota(actor: Any, world: Any, percent: str = "15", **kw: Any) -> QuotaRule:
    values: dict[str, Any] = {
        "issuer": world.province,
        "year": 2025,
        "award_type": award_type("CSTDCS"),
        "base_award_type": award_type("LDTT"),
        "max_percent": Decimal(percent),
        "legal_basis": "Quyết định thử nghiệm của UBND tỉnh",
    }
    values.update(kw)
    return services.set_quota_rule(actor, **values)


def test_set_quota_rule_creates_then_replaces(world: Any, province_officer: Any) -> None:
    # given
    rule = set_quota(province_officer, world, "15")
    # when
    again = set_quota(province_officer, world, "12.5")
    # then
    assert again.pk == rule.pk
    stored = QuotaRule.objects.get()
    assert (stored.max_percent, stored.version) == (Decimal("12.50"), rule.version + 1)
    events = list(Event.objects.filter(action="awards.set_quota_rule").order_by("id"))
    assert len(events) == 2
    assert events[0].before is None
    assert events[1].before is not None
    assert events[1].unit_path == world.province.path


@pytest.mark.parametrize(
    ("percent", "code"),
    [("0", "INVALID_PERCENT"), ("100.01", "INVALID_PERCENT"), ("-5", "INVALID_PERCENT")],
)
def test_a_quota_percent_must_lie_in_0_to_100(
    world: Any, province_officer: Any, percent: str, code: str
) -> None:
    # given
    # when
    error = refused(lambda: set_quota(province_officer, world, percent))
    # then
    assert error.code == code
    assert "100 %" in error.message


def test_a_quota_of_exactly_100_percent_is_accepted(world: Any, province_officer: Any) -> None:
    # given
    # when
    rule = set_quota(province_officer, world, "100")
    # then
    assert rule.max_percent == Decimal("100")


def test_a_quota_cannot_be_a_share_of_itself(world: Any, province_officer: Any) -> None:
    # given
    # when
    error = refused(
        lambda: set_quota(province_officer, world, base_award_type=award_type("CSTDCS"))
    )
    # then
    assert error.code == "SAME_BASE"


@pytest.mark.parametrize(
    "persona", ["unit_a_clerk", "unit_b_clerk", "unit_a_viewer", "council_member", "outsider"]
)
def test_only_who_runs_movements_over_the_issuer_sets_quotas(world: Any, persona: str) -> None:
    # given
    before = state()
    # when
    with pytest.raises(PermissionDenied):
        set_quota(world.users[persona], world)
    # then
    assert state() == before


# -- reference data (migration 0002) -------------------------------------------------------------


def test_every_catalogue_row_is_installed() -> None:
    # given
    rows = list(csv.DictReader(read_data(CATALOGUE_FILE).splitlines()))
    # when
    # then
    assert AwardType.objects.count() == len(rows)
    assert list(AwardType.objects.order_by("position").values_list("code", flat=True)) == [
        row["code"] for row in rows
    ]


@pytest.mark.parametrize(
    ("day", "amount"),
    [
        (date(2019, 7, 1), 1_490_000),
        (date(2023, 6, 30), 1_490_000),
        (date(2023, 7, 1), 1_800_000),
        (date(2024, 6, 30), 1_800_000),
        (date(2024, 7, 1), 2_340_000),
        (date(2026, 1, 1), 2_340_000),
    ],
)
def test_base_salary_in_force(day: date, amount: int) -> None:
    # given
    # when
    salary = queries.base_salary_on(day)
    # then
    assert salary is not None
    assert salary.amount == amount


def test_no_base_salary_before_the_first_one() -> None:
    # given
    # when
    # then
    assert queries.base_salary_on(date(2019, 6, 30)) is None


def test_bonus_amounts() -> None:
    # given
    cstdcs, cstdbt, ldtt = award_type("CSTDCS"), award_type("CSTDBT"), award_type("LDTT")
    # when
    # then
    assert queries.bonus_amount(cstdcs, "individual", date(2025, 8, 1)) == Decimal(2_340_000)
    assert queries.bonus_amount(cstdbt, "individual", date(2025, 8, 1)) == Decimal(7_020_000)
    assert queries.bonus_amount(ldtt, "individual", date(2024, 6, 30)) == Decimal(540_000)
    # before the first bonus rule (2024) there is none
    assert queries.bonus_amount(cstdcs, "individual", date(2023, 12, 31)) is None


def test_awarding_authorities_change_on_01_07_2025() -> None:
    # given
    ldtt = award_type("LDTT")
    # when
    before = [row.decider for row in queries.authorities_on(ldtt, date(2025, 6, 30))]
    after = [row.decider for row in queries.authorities_on(ldtt, date(2025, 7, 1))]
    # then
    assert "Chủ tịch Ủy ban nhân dân cấp huyện" in before
    assert "Chủ tịch Ủy ban nhân dân cấp xã" in before
    assert "Chủ tịch Ủy ban nhân dân cấp huyện" not in after
    assert "Chủ tịch Ủy ban nhân dân cấp xã" in after
    assert len(after) == len(set(after))
    assert queries.authorities_on(ldtt, date(2023, 12, 31)) == []


# -- reads: the engine's view of a person and a collective -----------------------------------------


def test_person_record_carries_every_fact_the_engine_needs(
    world: Any, unit_a_clerk: Any, history: Any
) -> None:
    # given
    services.revoke_award(
        unit_a_clerk,
        history.award,
        expected_version=history.award.version,
        revoked_on=date(2025, 6, 1),
        reason="Sai",
    )
    services.record_award(
        unit_a_clerk, world.person_a, award_data("LDTT", 2025, category="DOT_XUAT")
    )
    services.set_rating(unit_a_clerk, world.person_a, 2024, "HTXS")
    services.set_rating(unit_a_clerk, world.person_a, 2025, "HTT")
    services.record_initiative(
        unit_a_clerk,
        services.InitiativeData(kind="research", title="Đề tài", level="TOAN_QUOC", year=2025),
        authors=[world.person_a],
    )
    services.record_discipline(
        unit_a_clerk, world.person_a, level="KHIEN_TRACH", start=date(2023, 1, 1), end=None
    )
    # when
    record = queries.person_record(world.person_a, registered=True)
    # then
    assert record.kind is SubjectKind.INDIVIDUAL
    assert record.name == "Nguyễn Văn An"
    assert record.registered
    assert sorted((a.code, a.year, a.category, a.revoked) for a in record.awards) == [
        ("CSTDCS", 2024, AwardCategory.CONG_TRANG, True),
        ("LDTT", 2025, AwardCategory.DOT_XUAT, False),
    ]
    assert {year: rating.value for year, rating in record.ratings.items()} == {
        2024: "HTXS",
        2025: "HTT",
    }
    assert [(i.level.value, i.year) for i in record.initiatives] == [("CO_SO", 2024)]
    assert [(r.level.value, r.accepted_year) for r in record.research] == [("TOAN_QUOC", 2025)]
    assert [(d.level, d.start, d.end) for d in record.discipline] == [
        ("KHIEN_TRACH", date(2023, 1, 1), None)
    ]
    assert record.under_investigation


def test_a_revoked_award_no_longer_counts_for_the_engine(world: Any, unit_a_clerk: Any) -> None:
    # given CSTĐCS 2023–2025 and a provincial initiative: eligible for CSTĐBT
    for year in (2023, 2024, 2025):
        services.record_award(unit_a_clerk, world.person_a, award_data("CSTDCS", year))
    services.record_initiative(
        unit_a_clerk,
        services.InitiativeData(kind="initiative", title="SK", level="BO_TINH", year=2025),
        authors=[world.person_a],
    )

    def eligible() -> bool:
        record = queries.person_record(world.person_a, registered=True)
        query = EligibilityQuery("CSTDBT", 2025, date(2025, 12, 10), record)
        return check_eligibility(query, load_catalogue(), current_parameter_sets()).eligible

    assert eligible()
    # when the 2024 link is revoked
    link = AwardRecord.objects.get(person=world.person_a, year=2024)
    services.revoke_award(
        unit_a_clerk, link, expected_version=link.version, revoked_on=date(2025, 6, 1), reason="X"
    )
    # then
    assert not eligible()


def test_member_stats_count_the_units_people_for_the_year(
    world: Any, province_officer: Any
) -> None:
    # given four people in commune A (person A and three more) and one in commune B
    a = world.person_a
    b, c, d = (add_person(world, name) for name in ("Lý Thị Ba", "Lý Thị Ca", "Lý Thị Đa"))
    for person, rating in ((a, "HTXS"), (b, "HTT"), (c, "HT"), (d, "KHT")):
        services.set_rating(province_officer, person, 2025, rating)
    services.set_rating(province_officer, world.person_b, 2025, "HTXS")
    services.record_award(province_officer, a, award_data("LDTT", 2025))
    services.record_award(province_officer, a, award_data("CSTDCS", 2025))
    revoked = services.record_award(province_officer, b, award_data("LDTT", 2025))
    services.revoke_award(
        province_officer,
        revoked,
        expected_version=revoked.version,
        revoked_on=date(2026, 1, 5),
        reason="Sai",
    )
    services.record_award(province_officer, c, award_data("LDTT", 2025))
    services.record_award(province_officer, c, award_data("LDTT", 2024))
    services.record_award(province_officer, world.person_b, award_data("LDTT", 2025))
    # cảnh cáo overlapping 2025 counts; khiển trách and a cảnh cáo that ended in 2024 do not
    services.record_discipline(
        province_officer, b, level="CANH_CAO", start=date(2024, 6, 1), end=date(2025, 1, 1)
    )
    services.record_discipline(
        province_officer, c, level="KHIEN_TRACH", start=date(2025, 3, 1), end=None
    )
    services.record_discipline(
        province_officer, d, level="CANH_CAO", start=date(2023, 6, 1), end=date(2024, 12, 31)
    )
    # when
    stats = queries.member_stats(world.unit_a, 2025)
    # then
    assert stats.total == 4
    assert stats.htnv_or_better == 3
    assert stats.ldtt == 2
    assert stats.cstdcs == 1
    assert stats.disciplined_canh_cao_or_above == 1


def test_unit_record_is_the_collectives_own_history_and_member_counts(
    world: Any, province_officer: Any
) -> None:
    # given
    services.set_rating(province_officer, world.unit_a, 2025, "HTXS")
    services.record_award(province_officer, world.unit_a, award_data("TTLDTT", 2024))
    services.record_award(province_officer, world.unit_b, award_data("TTLDTT", 2024))
    services.record_award(province_officer, world.person_a, award_data("LDTT", 2025))
    # when
    record = queries.unit_record(world.unit_a, 2025)
    # then
    assert record.kind is SubjectKind.COLLECTIVE
    assert [(a.code, a.year) for a in record.awards] == [("TTLDTT", 2024)]
    assert {y: r.value for y, r in record.ratings.items()} == {2025: "HTXS"}
    assert record.members is not None
    assert (record.members.total, record.members.ldtt) == (1, 1)
    assert not record.under_investigation


def test_person_timeline_groups_by_year_newest_first(world: Any, unit_a_clerk: Any) -> None:
    # given
    services.record_award(unit_a_clerk, world.person_a, award_data("LDTT", 2023))
    services.record_award(unit_a_clerk, world.person_a, award_data("CSTDCS", 2025))
    services.record_award(unit_a_clerk, world.person_a, award_data("LDTT", 2025))
    services.set_rating(unit_a_clerk, world.person_a, 2024, "HTT")
    # when
    timeline = queries.person_timeline(world.person_a)
    # then
    assert [year.year for year in timeline] == [2025, 2024, 2023]
    assert [r.award_type.code for r in timeline[0].awards] == ["LDTT", "CSTDCS"]
    assert timeline[1].awards == []
    assert timeline[1].rating


def test_unit_timeline_includes_predecessors_awards_after_a_merge(
    world: Any, province_officer: Any
) -> None:
    # given each commune's 2024 title, then a merger into a new ward from 01/07/2025
    own_a = services.record_award(province_officer, world.unit_a, award_data("TTLDTT", 2024))
    own_b = services.record_award(province_officer, world.unit_b, award_data("TTLDXS", 2024))
    event = org_services.merge_units(
        province_officer,
        [world.unit_a, world.unit_b],
        effective_date=date(2025, 7, 1),
        new_unit=org_services.NewUnit(code="T.H.AB", name="Phường An Bình", kind="ward"),
        parent=world.province,
    )
    ward = event.successors.get()
    own_ward = services.record_award(province_officer, ward, award_data("TTLDTT", 2025))
    # when
    timeline = queries.unit_timeline(ward)
    # then the ward shows its own award and both predecessors', flagged as inherited
    assert {(row.record.pk, row.inherited) for row in timeline} == {
        (own_ward.pk, False),
        (own_a.pk, True),
        (own_b.pk, True),
    }
    assert timeline[0].record == own_ward
    # and a predecessor's own timeline is not widened by its sibling
    assert [(row.record.pk, row.inherited) for row in queries.unit_timeline(world.unit_a)] == [
        (own_a.pk, False)
    ]
    # while the engine judges the ward as a new collective
    assert [(a.code, a.year) for a in queries.unit_record(ward, 2025).awards] == [("TTLDTT", 2025)]


# -- reads: scoping and integrity ----------------------------------------------------------------


def test_visible_records_are_scoped_to_the_users_units(world: Any, province_officer: Any) -> None:
    # given
    in_a = services.record_award(province_officer, world.person_a, award_data("LDTT", 2024))
    unit_a = services.record_award(province_officer, world.unit_a, award_data("TTLDTT", 2024))
    in_b = services.record_award(province_officer, world.person_b, award_data("LDTT", 2024))
    unit_b = services.record_award(province_officer, world.unit_b, award_data("TTLDTT", 2024))

    def seen(persona: str) -> set[int]:
        return set(queries.visible_records(world.users[persona]).values_list("pk", flat=True))

    # when
    # then
    assert seen("unit_a_clerk") == {in_a.pk, unit_a.pk}
    assert seen("unit_a_viewer") == {in_a.pk, unit_a.pk}
    assert seen("unit_b_clerk") == {in_b.pk, unit_b.pk}
    assert seen("province_officer") == {in_a.pk, unit_a.pk, in_b.pk, unit_b.pk}
    assert seen("admin") == {in_a.pk, unit_a.pk, in_b.pk, unit_b.pk}
    assert seen("outsider") == set()


def test_duplicate_people_in_scope(world: Any) -> None:
    # given two records of one woman in commune A, and a namesake in commune B
    born = date(1985, 3, 2)
    first = add_person(world, "Lê Thị Hoa", born=born)
    second = add_person(world, "LÊ  THỊ HOA", born=born)
    namesake = add_person(world, "Lê Thị Hoa", world.unit_b, born=born)
    add_person(world, "Lê Thị Hoa", born=date(1986, 3, 2))
    add_person(world, "Lê Thị Hoa")

    def groups(persona: str) -> list[set[int]]:
        return [{p.id for p in g.people} for g in queries.duplicate_people(world.users[persona])]

    # when
    # then
    assert groups("unit_a_clerk") == [{first.pk, second.pk}]
    assert groups("province_officer") == [{first.pk, second.pk, namesake.pk}]
    assert groups("unit_b_clerk") == []
    assert groups("outsider") == []
    [group] = queries.duplicate_people(world.users["unit_a_clerk"])
    assert group.code == "SAME_NAME_AND_BIRTH_DATE"
    assert "02/03/1985" in group.message


def test_double_awards_in_scope(world: Any, province_officer: Any) -> None:
    # given two forms for person A's 2024 achievement (BK tỉnh and BK Thủ tướng)
    services.record_award(province_officer, world.person_a, award_data("BK_BT", 2024))
    services.record_award(province_officer, world.person_a, award_data("BK_TTG", 2024))
    services.record_award(province_officer, world.person_b, award_data("BK_BT", 2024))
    # when
    # then
    found = queries.double_awards(world.users["unit_a_clerk"])
    assert [d.code for d in found] == ["TWO_FORMS_ONE_ACHIEVEMENT"]
    assert queries.double_awards(world.users["unit_b_clerk"]) == []
    assert queries.double_awards(world.users["unit_a_clerk"], year=2023) == []


def test_quota_usage_counts_each_units_holders(world: Any, province_officer: Any) -> None:
    # given a provincial cap: CSTĐCS ≤ 15 % of LĐTT holders in 2025
    rule = set_quota(province_officer, world, "15")
    people_a = [world.person_a] + [add_person(world, f"Vũ Thị Số {i}") for i in range(6)]
    for person in people_a:
        services.record_award(province_officer, person, award_data("LDTT", 2025))
    services.record_award(province_officer, world.person_b, award_data("LDTT", 2025))
    services.record_award(province_officer, people_a[0], award_data("CSTDCS", 2025))
    revoked = services.record_award(province_officer, people_a[1], award_data("CSTDCS", 2025))
    services.revoke_award(
        province_officer,
        revoked,
        expected_version=revoked.version,
        revoked_on=date(2026, 1, 5),
        reason="Sai",
    )
    services.record_award(province_officer, people_a[2], award_data("CSTDCS", 2024))
    # when
    usage = queries.quota_usage(province_officer, 2025)
    # then commune A: 7 LĐTT → at most 1 CSTĐCS, 1 used; commune B: 1 LĐTT → 0 allowed
    assert [(row.unit, row.rule) for row in usage] == [(world.unit_a, rule), (world.unit_b, rule)]
    a, b = usage[0].status, usage[1].status
    assert (a.base, a.limit, a.used, a.exceeded) == (7, 1, 1, False)
    assert (b.base, b.limit, b.used, b.exceeded) == (1, 0, 0, False)
    assert "15 % của 7" in a.message
    # when a second CSTĐCS is recorded in commune A
    services.record_award(province_officer, people_a[3], award_data("CSTDCS", 2025))
    a = queries.quota_usage(province_officer, 2025)[0].status
    # then
    assert (a.used, a.exceeded) == (2, True)
    assert "vượt 1" in a.message
    assert queries.quota_usage(province_officer, 2024) == []


def test_quota_of_people_when_no_base_title(world: Any, province_officer: Any) -> None:
    # given a cap of 50 % of the unit's people, and four people in commune A
    set_quota(province_officer, world, "50", base_award_type=None)
    for i in range(3):
        add_person(world, f"Hà Văn Số {i}")
    # when
    usage = {row.unit: row.status for row in queries.quota_usage(province_officer, 2025)}
    # then
    assert (usage[world.unit_a].base, usage[world.unit_a].limit) == (4, 2)
    assert (usage[world.unit_b].base, usage[world.unit_b].limit) == (1, 0)
