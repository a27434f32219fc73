"""Org commands: allowed paths, denied paths that change nothing, and their events."""

from datetime import date

import pytest

from thidua.core.errors import ConcurrentChange, DomainError, PermissionDenied
from thidua.core.models import Event
from thidua.org import services
from thidua.org.access import clear_scope_cache, scope_for
from thidua.org.models import Cluster, LineageEvent, Person, Unit

pytestmark = pytest.mark.django_db


def state():
    """A fingerprint of everything the org commands can write."""
    return (
        list(
            Unit.objects.order_by("pk").values_list(
                "pk", "name", "parent_id", "path", "valid_to", "version"
            )
        ),
        list(
            Person.objects.order_by("pk").values_list("pk", "full_name", "national_id", "version")
        ),
        LineageEvent.objects.count(),
        Cluster.objects.count(),
        Event.objects.count(),
    )


def test_create_person_writes_person_membership_and_event(world, unit_a_clerk):
    # when
    person = services.create_person(
        unit_a_clerk,
        services.PersonData(
            full_name="  Lê  Thị   Hoa ",
            gender="female",
            date_of_birth=date(1985, 3, 2),
            national_id="042185000123",
        ),
        unit=world.unit_a,
        position="Công chức Văn hóa – Xã hội",
        since=date(2015, 1, 1),
    )
    # then the name is cleaned and split, keys are set, history starts
    assert person.full_name == "Lê Thị Hoa"
    assert (person.family_name, person.middle_name, person.given_name) == ("Lê", "Thị", "Hoa")
    assert person.search_key == "le thi hoa"
    assert person.memberships.get().valid_from == date(2015, 1, 1)
    event = Event.objects.get(action="org.create_person")
    assert event.actor == unit_a_clerk
    assert event.unit_path == world.unit_a.path


def test_invalid_cccd_is_refused_in_vietnamese_and_nothing_changes(world, unit_a_clerk):
    # given
    before = state()
    # when
    with pytest.raises(DomainError) as caught:
        services.create_person(
            unit_a_clerk,
            services.PersonData(full_name="Lê Văn Hùng", gender="male", national_id="12345"),
            unit=world.unit_a,
            since=date(2020, 1, 1),
        )
    # then
    assert caught.value.code == "CCCD_FORMAT"
    assert "12 chữ số" in caught.value.fields["national_id"]
    assert state() == before


def test_duplicate_cccd_is_refused(world, unit_a_clerk):
    data = services.PersonData(full_name="Lê Thị Hoa", gender="female", national_id="042185000123")
    services.create_person(unit_a_clerk, data, unit=world.unit_a, since=date(2020, 1, 1))
    before = state()
    with pytest.raises(DomainError) as caught:
        services.create_person(unit_a_clerk, data, unit=world.unit_a, since=date(2020, 1, 1))
    assert caught.value.code == "DUPLICATE_NATIONAL_ID"
    assert state() == before


def test_clerk_of_b_cannot_add_people_to_a(world, unit_b_clerk):
    before = state()
    with pytest.raises(PermissionDenied):
        services.create_person(
            unit_b_clerk,
            services.PersonData(full_name="Phạm Văn Cường", gender="male"),
            unit=world.unit_a,
            since=date(2020, 1, 1),
        )
    assert state() == before


def test_update_person_detects_a_concurrent_change(world, unit_a_clerk):
    # given two officers loaded the same version
    person = world.person_a
    loaded_version = person.version
    services.update_person(
        unit_a_clerk,
        person,
        services.PersonData(full_name="Nguyễn Văn Ân", gender="male"),
        expected_version=loaded_version,
    )
    before = state()
    # when the second one saves with the stale version
    stale = Person.objects.get(pk=person.pk)
    with pytest.raises(ConcurrentChange):
        services.update_person(
            unit_a_clerk,
            stale,
            services.PersonData(full_name="Nguyễn Văn Anh", gender="male"),
            expected_version=loaded_version,
        )
    # then the first change stands
    assert state() == before
    assert Person.objects.get(pk=person.pk).full_name == "Nguyễn Văn Ân"


def test_moving_a_unit_under_its_descendant_is_refused_and_nothing_changes(world, province_officer):
    before = state()
    with pytest.raises(DomainError) as caught:
        services.move_unit(
            province_officer,
            world.district,
            new_parent=world.village_a,
            effective_date=date(2024, 1, 1),
        )
    assert caught.value.code == "TREE_CYCLE"
    assert state() == before


def test_move_rewrites_the_subtree_paths(world, province_officer):
    # when commune A (with its village) moves from the district to the province
    services.move_unit(
        province_officer, world.unit_a, new_parent=world.province, effective_date=date(2025, 7, 1)
    )
    # then
    world.unit_a.refresh_from_db()
    world.village_a.refresh_from_db()
    assert world.unit_a.path == f"{world.province.path}{world.unit_a.pk:08d}/"
    assert world.village_a.path.startswith(world.unit_a.path)
    assert world.village_a.depth == 2
    event = LineageEvent.objects.get(kind="move")
    assert event.old_parent == world.district
    assert event.new_parent == world.province


def test_merge_dated_before_a_unit_existed_is_refused(world, province_officer):
    before = state()
    with pytest.raises(DomainError) as caught:
        services.merge_units(
            province_officer,
            [world.unit_a, world.unit_b],
            effective_date=date(2000, 1, 1),
            successor=world.unit_a,
        )
    assert caught.value.code == "BEFORE_UNIT_EXISTED"
    assert "01/01/2008" in caught.value.message
    assert state() == before


def test_merge_into_a_new_unit_ends_predecessors_and_keeps_their_history(world, province_officer):
    # when communes A and B merge into a new ward from 01/07/2025
    event = services.merge_units(
        province_officer,
        [world.unit_a, world.unit_b],
        effective_date=date(2025, 7, 1),
        new_unit=services.NewUnit(code="T.H.AB", name="Phường An Bình", kind="ward"),
        parent=world.province,
        legal_reference="Nghị quyết thử nghiệm",
    )
    # then
    successor = event.successors.get()
    world.unit_a.refresh_from_db()
    assert world.unit_a.valid_to == date(2025, 6, 30)
    assert successor.valid_from == date(2025, 7, 1)
    assert set(event.predecessors.all()) == {world.unit_a, world.unit_b}
    # and a focal point of the new ward sees the old communes' people
    from thidua.accounts.models import RoleAssignment

    clerk = world.users["unit_a_clerk"]
    RoleAssignment.objects.filter(user=clerk).update(unit=successor)
    clear_scope_cache(clerk)
    scope = scope_for(clerk)
    assert scope.contains(world.unit_a.path)
    assert scope.contains(world.unit_b.path)


def test_clerk_cannot_restructure_units(world, unit_a_clerk):
    before = state()
    with pytest.raises(PermissionDenied):
        services.rename_unit(
            unit_a_clerk, world.unit_a, new_name="Xã Mới", effective_date=date(2024, 1, 1)
        )
    assert state() == before


def test_rename_keeps_the_old_name_in_lineage(world, province_officer):
    services.rename_unit(
        province_officer, world.unit_a, new_name="Xã An Phú Mới", effective_date=date(2024, 1, 1)
    )
    event = LineageEvent.objects.get(kind="rename")
    assert (event.old_name, event.new_name) == ("Xã An Phú", "Xã An Phú Mới")
    assert Unit.objects.get(pk=world.unit_a.pk).name == "Xã An Phú Mới"


def test_cluster_leader_must_be_a_member_and_nothing_is_written(world, province_officer):
    before = state()
    with pytest.raises(DomainError) as caught:
        services.create_cluster(
            province_officer,
            code="C1",
            name="Cụm 1",
            kind="cluster",
            year=2024,
            organiser=world.province,
            members=[world.unit_a, world.unit_b],
            leader=world.district,
        )
    assert "Trưởng cụm phải là thành viên" in caught.value.message
    assert state() == before


def test_cluster_with_rotating_leadership(world, province_officer):
    cluster = services.create_cluster(
        province_officer,
        code="c1",
        name="Cụm 1",
        kind="cluster",
        year=2024,
        organiser=world.province,
        members=[world.unit_a, world.unit_b],
        leader=world.unit_a,
        deputy=world.unit_b,
    )
    assert cluster.code == "C1"
    services.set_cluster_leadership(
        province_officer,
        cluster,
        leader=world.unit_b,
        deputy=world.unit_a,
        expected_version=cluster.version,
    )
    roles = dict(cluster.members.values_list("unit_id", "role"))
    assert roles == {world.unit_b.pk: "leader", world.unit_a.pk: "deputy"}
    assert Event.objects.filter(action="org.set_cluster_leadership").count() == 1


def test_dissolving_a_district_with_active_communes_is_refused(world, province_officer):
    before = state()
    with pytest.raises(DomainError) as caught:
        services.dissolve_unit(province_officer, world.district, effective_date=date(2025, 7, 1))
    assert caught.value.code == "HAS_ACTIVE_CHILDREN"
    assert state() == before


# ------------------------------------------------------------ commands not covered above


def test_create_unit_under_a_parent_sets_path_keys_and_event(world, province_officer):
    unit = services.create_unit(
        province_officer,
        code=" t.h.a.2 ",
        name="Thôn  Hai",
        kind="village",
        parent=world.unit_a,
        valid_from=date(2012, 1, 1),
    )
    assert unit.code == "T.H.A.2"
    assert unit.name == "Thôn Hai"
    assert unit.path == f"{world.unit_a.path}{unit.pk:08d}/"
    assert unit.level == "village"
    assert Event.objects.filter(action="org.create_unit", object_id=str(unit.pk)).exists()


def test_create_unit_refuses_a_used_code_and_a_start_before_the_parent(world, province_officer):
    before = state()
    with pytest.raises(DomainError) as duplicate:
        services.create_unit(
            province_officer, code="T.H.A", name="Trùng mã", kind="commune", parent=world.district
        )
    with pytest.raises(DomainError) as too_early:
        services.create_unit(
            province_officer,
            code="T.H.Z",
            name="Xã Sớm",
            kind="commune",
            parent=world.district,
            valid_from=date(1990, 1, 1),
        )
    assert duplicate.value.code == "DUPLICATE_CODE"
    assert too_early.value.code == "BEFORE_PARENT_EXISTED"
    assert state() == before


def test_update_unit_changes_short_name_and_detects_a_stale_version(world, province_officer):
    version = world.unit_a.version
    services.update_unit(
        province_officer, world.unit_a, expected_version=version, short_name="An Phú"
    )
    assert Unit.objects.get(pk=world.unit_a.pk).short_name == "An Phú"
    before = state()
    stale = Unit.objects.get(pk=world.unit_a.pk)
    with pytest.raises(ConcurrentChange):
        services.update_unit(province_officer, stale, expected_version=version, short_name="Khác")
    assert state() == before


def test_split_creates_successors_and_ends_the_unit(world, province_officer):
    event = services.split_unit(
        province_officer,
        world.unit_b,
        effective_date=date(2021, 1, 1),
        new_units=[
            services.NewUnit("T.H.B1", "Xã Bình Minh Đông"),
            services.NewUnit("T.H.B2", "Xã Bình Minh Tây"),
        ],
    )
    world.unit_b.refresh_from_db()
    assert world.unit_b.valid_to == date(2020, 12, 31)
    successors = sorted(event.successors.values_list("code", "valid_from"))
    assert successors == [("T.H.B1", date(2021, 1, 1)), ("T.H.B2", date(2021, 1, 1))]


def test_transfer_person_ends_the_old_post_and_follows_the_person(world, province_officer):
    person = world.person_a
    services.transfer_person(
        province_officer,
        person,
        unit=world.unit_b,
        position="Phó Chủ tịch",
        is_direct_worker=False,
        since=date(2024, 3, 1),
    )
    person.refresh_from_db()
    assert (person.unit, person.position) == (world.unit_b, "Phó Chủ tịch")
    history = list(person.memberships.order_by("valid_from").values_list("unit_id", "valid_to"))
    assert history[-1] == (world.unit_b.pk, None)
    # a transfer dated before the current post began is refused
    before = state()
    with pytest.raises(DomainError):
        services.transfer_person(
            province_officer,
            person,
            unit=world.unit_a,
            position="x",
            is_direct_worker=False,
            since=date(2024, 1, 1),
        )
    assert state() == before


def test_moving_an_ended_unit_is_refused(world, province_officer):
    services.merge_units(
        province_officer,
        [world.unit_a, world.unit_b],
        effective_date=date(2025, 7, 1),
        successor=world.unit_a,
    )
    before = state()
    with pytest.raises(DomainError) as caught:
        services.move_unit(
            province_officer,
            world.unit_b,
            new_parent=world.province,
            effective_date=date(2026, 1, 1),
        )
    assert caught.value.code == "ALREADY_ENDED"
    assert state() == before


# B's clerk, A's viewer and the council member try every org command on commune A: each is
# refused and nothing changes.
DENIED_COMMANDS = {
    "create_unit": lambda w, u: services.create_unit(
        u, code="X1", name="Thôn X", kind="village", parent=w.unit_a
    ),
    "update_unit": lambda w, u: services.update_unit(
        u, w.unit_a, expected_version=w.unit_a.version, short_name="X"
    ),
    "rename_unit": lambda w, u: services.rename_unit(
        u, w.unit_a, new_name="X", effective_date=date(2024, 1, 1)
    ),
    "move_unit": lambda w, u: services.move_unit(
        u, w.village_a, new_parent=w.unit_b, effective_date=date(2024, 1, 1)
    ),
    "merge_units": lambda w, u: services.merge_units(
        u, [w.unit_a, w.unit_b], effective_date=date(2024, 1, 1), successor=w.unit_b
    ),
    "split_unit": lambda w, u: services.split_unit(
        u,
        w.unit_a,
        effective_date=date(2024, 1, 1),
        new_units=[services.NewUnit("S1", "Xã S1"), services.NewUnit("S2", "Xã S2")],
    ),
    "dissolve_unit": lambda w, u: services.dissolve_unit(
        u, w.village_a, effective_date=date(2024, 1, 1)
    ),
    "create_person": lambda w, u: services.create_person(
        u,
        services.PersonData(full_name="Lê Văn X", gender="male"),
        unit=w.unit_a,
        since=date(2024, 1, 1),
    ),
    "update_person": lambda w, u: services.update_person(
        u,
        w.person_a,
        services.PersonData(full_name="Lê Văn X", gender="male"),
        expected_version=w.person_a.version,
    ),
    "transfer_person": lambda w, u: services.transfer_person(
        u, w.person_a, unit=w.unit_b, position="x", is_direct_worker=False, since=date(2024, 1, 1)
    ),
    "create_cluster": lambda w, u: services.create_cluster(
        u,
        code="C9",
        name="Cụm 9",
        kind="cluster",
        year=2024,
        organiser=w.district,
        members=[w.unit_a, w.unit_b],
    ),
}


@pytest.mark.parametrize("persona", ["unit_b_clerk", "unit_a_viewer", "council_member"])
@pytest.mark.parametrize("command", sorted(DENIED_COMMANDS))
def test_every_org_command_is_refused_outside_the_actors_rights(world, persona, command):
    # given
    before = state()
    # when
    with pytest.raises(PermissionDenied):
        DENIED_COMMANDS[command](world, world.users[persona])
    # then
    assert state() == before


def test_cluster_leadership_cannot_be_rotated_by_a_member_unit(
    world, province_officer, unit_a_clerk
):
    cluster = services.create_cluster(
        province_officer,
        code="C1",
        name="Cụm 1",
        kind="cluster",
        year=2024,
        organiser=world.province,
        members=[world.unit_a, world.unit_b],
        leader=world.unit_a,
    )
    before = (state(), sorted(cluster.members.values_list("unit_id", "role")))
    with pytest.raises(PermissionDenied):
        services.set_cluster_leadership(
            unit_a_clerk,
            cluster,
            leader=world.unit_b,
            deputy=None,
            expected_version=cluster.version,
        )
    assert (state(), sorted(cluster.members.values_list("unit_id", "role"))) == before


def test_a_person_with_no_current_unit_is_managed_only_by_those_who_reach_everything(world):
    # given someone whose current unit is unknown (e.g. imported without one)
    Person.objects.filter(pk=world.person_a.pk).update(unit=None)
    person = Person.objects.get(pk=world.person_a.pk)
    data = services.PersonData(full_name="Nguyễn Văn Ẩn", gender="male")
    before = state()
    # when B's clerk or the provincial officer tries to edit them, they are refused
    for persona in ("unit_b_clerk", "province_officer"):
        with pytest.raises(PermissionDenied):
            services.update_person(
                world.users[persona], person, data, expected_version=person.version
            )
    assert state() == before
    # and the administrator may
    services.update_person(world.users["admin"], person, data, expected_version=person.version)
    assert Person.objects.get(pk=person.pk).full_name == "Nguyễn Văn Ẩn"


def test_nobody_is_transferred_into_a_unit_that_has_ended(world, province_officer):
    services.merge_units(
        province_officer,
        [world.unit_a, world.unit_b],
        effective_date=date(2025, 7, 1),
        successor=world.unit_a,
    )
    world.unit_b.refresh_from_db()
    before = state()
    with pytest.raises(DomainError) as caught:
        services.transfer_person(
            province_officer,
            world.person_a,
            unit=world.unit_b,
            position="x",
            is_direct_worker=False,
            since=date(2025, 8, 1),
        )
    assert caught.value.code == "UNIT_ENDED"
    assert state() == before


def test_dissolve_refuses_an_ended_or_invisible_successor(world, province_officer, unit_a_clerk):
    other = services.create_unit(
        province_officer, code="T.X", name="Huyện Khác", kind="district", parent=world.province
    )
    services.dissolve_unit(province_officer, other, effective_date=date(2025, 7, 1))
    other.refresh_from_db()
    before = state()
    with pytest.raises(DomainError) as caught:
        services.dissolve_unit(
            province_officer, world.village_a, effective_date=date(2025, 7, 1), successor=other
        )
    assert caught.value.code == "SUCCESSOR_ENDED"
    assert state() == before


def test_a_unit_code_cannot_be_emptied(world, province_officer):
    before = state()
    with pytest.raises(DomainError) as caught:
        services.update_unit(
            province_officer,
            world.unit_a,
            expected_version=world.unit_a.version,
            short_name="An Phú",
            code="   ",
        )
    assert caught.value.fields == {"code": "Bắt buộc."}
    assert state() == before


def test_a_cccd_saved_concurrently_for_someone_else_is_refused_not_a_crash(
    world, province_officer, monkeypatch
):
    # given B's person already holds a CCCD, and the pre-check misses it (a concurrent save)
    Person.objects.filter(pk=world.person_b.pk).update(national_id="042185000123")
    monkeypatch.setattr(services, "_validate_person", lambda data, exclude_pk=None: [])
    before = state()
    # when A's person is saved with the same number
    with pytest.raises(DomainError) as caught:
        services.update_person(
            province_officer,
            world.person_a,
            services.PersonData(
                full_name="Nguyễn Văn An", gender="male", national_id="042185000123"
            ),
            expected_version=world.person_a.version,
        )
    # then the database constraint becomes the Vietnamese duplicate error
    assert caught.value.code == "DUPLICATE_NATIONAL_ID"
    assert state() == before
