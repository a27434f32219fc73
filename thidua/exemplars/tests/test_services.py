"""Commands on exemplary models: allowed paths write the row and an event; refused paths
(permission or rule) write nothing."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.awards.models import AwardRecord, AwardType, Initiative
from thidua.core.errors import ConcurrentChange, DomainError, PermissionDenied
from thidua.core.models import Event
from thidua.exemplars import services
from thidua.exemplars.models import (
    Conference,
    ExemplaryModel,
    MediaFile,
    Replication,
    StageRecord,
)
from thidua.exemplars.tests.builders import make_model

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
DATA = services.ModelData(title="  Trồng rừng gỗ lớn  ", sector="agriculture", story="Câu chuyện")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def events(action: str) -> int:
    return Event.objects.filter(action=f"exemplars.{action}").count()


def test_the_office_opens_a_case_file_at_the_discovery_stage(world):
    officer = world.users["province_officer"]
    model = services.create_model(officer, world.person_a, DATA, discovered_on=date(2025, 3, 1))
    assert model.status == "active"
    assert model.stage == "discover"
    assert model.title == "Trồng rừng gỗ lớn"  # cleaned
    assert model.home_unit == world.unit_a
    [stage] = model.stages.all()
    assert (stage.stage, stage.date, stage.responsible_unit) == (
        "discover",
        date(2025, 3, 1),
        world.unit_a,
    )
    assert events("create_model") == 1


def test_direct_worker_flag_comes_from_the_person(world):
    world.person_a.is_direct_worker = True
    world.person_a.save(update_fields=["is_direct_worker"])
    model = services.create_model(world.users["province_officer"], world.person_a, DATA)
    assert model.is_direct_worker is True


def test_a_unit_focal_point_proposes_a_model_of_their_own_unit(world):
    clerk = world.users["unit_a_clerk"]
    model = services.create_model(clerk, world.person_a, DATA, discovered_on=date(2025, 3, 1))
    assert (model.status, model.stage, model.source) == ("proposed", "", "proposal")
    assert not model.stages.exists()
    assert events("propose_model") == 1
    # ... and the office takes it up by recording the discovery
    officer = world.users["province_officer"]
    services.record_stage(
        officer,
        model,
        stage="discover",
        day=date(2025, 4, 1),
        responsible_unit=world.province,
        expected_version=model.version,
    )
    model.refresh_from_db()
    assert (model.status, model.stage) == ("active", "discover")


@pytest.mark.parametrize("persona", ["unit_b_clerk", "unit_a_viewer", "council_member", "outsider"])
def test_others_may_not_open_a_case_file_and_nothing_is_written(world, persona):
    with pytest.raises(PermissionDenied):
        services.create_model(world.users[persona], world.person_a, DATA)
    assert not ExemplaryModel.objects.exists()
    assert not Event.objects.filter(action__startswith="exemplars.").exists()


def test_bad_input_is_refused_in_vietnamese(world):
    officer = world.users["province_officer"]
    bad = services.ModelData(title="  ", sector="nope")
    with pytest.raises(DomainError) as exc:
        services.create_model(officer, world.person_a, bad)
    assert exc.value.fields["title"] == "Cần nhập tên điển hình."
    assert "Lĩnh vực" in exc.value.fields["sector"]
    with pytest.raises(DomainError) as exc:
        services.create_model(
            officer, world.person_a, DATA, discovered_on=timezone.localdate() + timedelta(days=1)
        )
    assert exc.value.code == "DATE_IN_FUTURE"
    assert not ExemplaryModel.objects.exists()


def test_stages_go_in_order_and_a_skip_changes_nothing(world):
    officer = world.users["province_officer"]
    model = make_model(world, stage="discover")
    version = model.version
    with pytest.raises(DomainError) as exc:
        services.record_stage(
            officer,
            model,
            stage="summarise",
            day=date(2025, 6, 1),
            responsible_unit=world.province,
            expected_version=version,
        )
    assert exc.value.code == "STAGE_SKIPPED"
    model.refresh_from_db()
    assert (model.stage, model.version, model.stages.count()) == ("discover", version, 1)
    row = services.record_stage(
        officer,
        model,
        stage="nurture",
        day=date(2025, 6, 1),
        responsible_unit=world.unit_a,
        note="Tập huấn",
        expected_version=version,
    )
    model.refresh_from_db()
    assert model.stage == "nurture"
    assert row.note == "Tập huấn"
    assert events("record_stage") == 1


def test_a_stale_version_is_refused(world):
    officer = world.users["province_officer"]
    model = make_model(world, stage="discover")
    with pytest.raises(ConcurrentChange):
        services.record_stage(
            officer,
            model,
            stage="nurture",
            day=date(2025, 6, 1),
            responsible_unit=world.province,
            expected_version=model.version + 1,
        )
    assert StageRecord.objects.filter(model=model).count() == 1


def test_focal_points_do_not_record_stages(world):
    model = make_model(world, stage="discover")
    with pytest.raises(PermissionDenied):
        services.record_stage(
            world.users["unit_a_clerk"],
            model,
            stage="nurture",
            day=date(2025, 6, 1),
            responsible_unit=world.unit_a,
            expected_version=model.version,
        )
    assert model.stages.count() == 1


def test_the_proposer_edits_until_the_office_takes_over(world):
    clerk = world.users["unit_a_clerk"]
    model = make_model(world, status="proposed")
    services.update_model(
        clerk,
        model,
        services.ModelData(title="Mới", sector="health", story="A\n\nB"),
        expected_version=model.version,
    )
    model.refresh_from_db()
    assert (model.title, model.sector, model.story) == ("Mới", "health", "A\n\nB")
    active = make_model(world, title="Đã tiếp nhận")
    with pytest.raises(PermissionDenied):
        services.update_model(clerk, active, DATA, expected_version=active.version)
    active.refresh_from_db()
    assert active.title == "Đã tiếp nhận"


def test_media_is_checked_by_content(world, django_capture_on_commit_callbacks):
    officer = world.users["province_officer"]
    model = make_model(world)
    photo = services.add_media(
        officer, model, upload=SimpleUploadedFile("anh.png", PNG, "image/png"), kind="photo"
    )
    assert photo.content_type == "image/png"
    assert photo.file.name.endswith(".png")
    fake = SimpleUploadedFile("anh.png", b"<script>alert(1)</script>", "image/png")
    with pytest.raises(DomainError) as exc:
        services.add_media(officer, model, upload=fake, kind="photo")
    assert exc.value.code == "FILE_TYPE"
    # a photo is not accepted as a document
    with pytest.raises(DomainError):
        services.add_media(
            officer,
            model,
            upload=SimpleUploadedFile("a.pdf", PNG, "application/pdf"),
            kind="document",
        )
    assert MediaFile.objects.count() == 1
    name = photo.file.name
    storage = photo.file.storage
    with pytest.raises(PermissionDenied):
        services.remove_media(world.users["unit_a_viewer"], photo)
    assert MediaFile.objects.count() == 1
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_media(officer, photo)
    assert not MediaFile.objects.exists()
    assert events("remove_media") == 1
    assert not storage.exists(name)  # the stored file goes once the removal is committed


def test_replication_after_summary_once_per_unit(world):
    officer = world.users["province_officer"]
    early = make_model(world, stage="nurture", title="Chưa tổng kết")
    data = services.ReplicationData(
        unit=world.unit_b,
        adopted_on=date(2025, 9, 1),
        result="Tốt",
        measure="hộ",
        measured_value=Decimal("12.5"),
    )
    with pytest.raises(DomainError) as exc:
        services.record_replication(officer, early, data)
    assert exc.value.code == "NOT_SUMMARISED"
    model = make_model(world)
    row = services.record_replication(officer, model, data)
    assert (row.unit, row.measured_value) == (world.unit_b, Decimal("12.50"))
    with pytest.raises(DomainError) as exc:
        services.record_replication(officer, model, data)
    assert exc.value.code == "ALREADY_ADOPTED"
    with pytest.raises(DomainError) as exc:
        services.record_replication(
            officer, model, services.ReplicationData(unit=world.unit_a, adopted_on=date(2025, 9, 1))
        )
    assert exc.value.code == "OWN_UNIT"
    assert Replication.objects.count() == 1


def test_publish_needs_a_summarised_model_with_a_story(world):
    officer = world.users["province_officer"]
    early = make_model(world, stage="nurture", title="Đang bồi dưỡng")
    with pytest.raises(DomainError) as exc:
        services.publish(officer, early, expected_version=early.version)
    assert exc.value.code == "NOT_SUMMARISED"
    silent = make_model(world, story="", title="Chưa có chuyện")
    with pytest.raises(DomainError) as exc:
        services.publish(officer, silent, expected_version=silent.version)
    assert exc.value.code == "STORY_REQUIRED"
    model = make_model(world)
    with pytest.raises(PermissionDenied):
        services.publish(world.users["unit_a_clerk"], model, expected_version=model.version)
    model.refresh_from_db()
    assert not model.published
    services.publish(officer, model, expected_version=model.version)
    model.refresh_from_db()
    assert model.published
    assert model.published_at is not None
    services.unpublish(officer, model, expected_version=model.version)
    model.refresh_from_db()
    assert not model.published
    assert model.published_at is None
    assert events("publish") == 1
    assert events("unpublish") == 1


def test_a_conference_honours_models_in_scope_only(world):
    officer = world.users["province_officer"]
    model = make_model(world)
    data = services.ConferenceData(
        name="Hội nghị điển hình tiên tiến tỉnh lần thứ V",
        level="province",
        held_on=date(2025, 6, 20),
        organiser=world.province,
        attendees=300,
        models=[model],
    )
    conference = services.record_conference(officer, data)
    assert list(conference.models_honoured.all()) == [model]
    assert events("record_conference") == 1
    proposal = make_model(world, status="proposed", title="Đề xuất")
    with pytest.raises(DomainError) as exc:
        services.record_conference(
            officer, services.ConferenceData(**{**data.__dict__, "models": [proposal]})
        )
    assert exc.value.code == "MODEL_NOT_ALLOWED"
    with pytest.raises(PermissionDenied):
        services.record_conference(world.users["unit_a_clerk"], data)
    assert Conference.objects.count() == 1


def test_a_suggested_person_is_added_with_the_reasons_and_initiatives(world):
    officer = world.users["province_officer"]
    this_year = timezone.localdate().year
    cstd = AwardType.objects.get(code="CSTDCS")
    for year in (this_year - 3, this_year - 2, this_year - 1):
        AwardRecord.objects.create(person=world.person_a, award_type=cstd, year=year)
    initiative = Initiative.objects.create(
        title="Máy tách hạt", level="BO_TINH", year=this_year - 1
    )
    initiative.authors.add(world.person_a)
    # person B holds the title two years only: not suggested
    for year in (this_year - 2, this_year - 1):
        AwardRecord.objects.create(person=world.person_b, award_type=cstd, year=year)
    with pytest.raises(DomainError) as exc:
        services.create_from_suggestion(officer, "person", world.person_b.pk)
    assert exc.value.code == "NOT_SUGGESTED"
    with pytest.raises(PermissionDenied):
        services.create_from_suggestion(world.users["unit_a_clerk"], "person", world.person_a.pk)
    assert not ExemplaryModel.objects.exists()
    model = services.create_from_suggestion(officer, "person", world.person_a.pk)
    assert model.source == "suggestion"
    assert model.stage == "discover"
    assert "Chiến sĩ thi đua cơ sở 3 năm liên tục" in model.suggested_because
    assert "Máy tách hạt" in model.suggested_because
    assert list(model.initiatives.all()) == [initiative]
    # once a model, no longer suggested
    with pytest.raises(DomainError):
        services.create_from_suggestion(officer, "person", world.person_a.pk)


@pytest.mark.parametrize("persona", ["unit_a_clerk", "unit_a_viewer", "unit_b_clerk"])
def test_only_the_office_attaches_media_records_replication_and_unpublishes(world, persona):
    actor = world.users[persona]
    model = make_model(world, published=True)
    before = Event.objects.count()
    with pytest.raises(PermissionDenied):
        services.add_media(
            actor, model, upload=SimpleUploadedFile("anh.png", PNG, "image/png"), kind="photo"
        )
    with pytest.raises(PermissionDenied):
        services.record_replication(
            actor, model, services.ReplicationData(unit=world.unit_b, adopted_on=date(2025, 9, 1))
        )
    with pytest.raises(PermissionDenied):
        services.unpublish(actor, model, expected_version=model.version)
    model.refresh_from_db()
    assert model.published
    assert not MediaFile.objects.exists()
    assert not Replication.objects.exists()
    assert Event.objects.count() == before
