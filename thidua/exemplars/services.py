"""Commands on exemplary models: one function per command.

Who does what (see docs/exemplars.md): the emulation office (MANAGE_EXEMPLARS over the model's
unit: the provincial officer, the administrator) keeps the case files, records the stages,
replication and conferences and publishes; a unit's focal point (FILE_NOMINATIONS over their
unit) may *propose* a model of their own unit and complete its case file until the office takes
it up by recording the discovery stage. Each command checks the permission, validates with the
pure rules in `exemplars/domain/`, saves in one transaction and writes an event; a refused
command raises `DomainError` (or `PermissionDenied`) and writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from thidua.accounts.permissions import Permission
from thidua.awards.models import Initiative
from thidua.core import uploads
from thidua.core.concurrency import save_versioned
from thidua.core.errors import PermissionDenied, refusal
from thidua.core.events import record_event, snapshot
from thidua.core.reasons import Reason
from thidua.core.text import clean_text
from thidua.exemplars import queries
from thidua.exemplars.choices import MediaKind, ModelStatus, Sector, Source
from thidua.exemplars.domain import stages as rules
from thidua.exemplars.models import (
    Conference,
    ExemplaryModel,
    MediaFile,
    Replication,
    StageRecord,
)
from thidua.movements.models import Movement
from thidua.org.access import has_permission, scope_for
from thidua.org.models import Household, Person, Unit

Subject = Person | Unit | Household

# A sanity bound on uploads, not a legal figure.
MAX_MEDIA_BYTES = 20 * 1024 * 1024
ACCEPTED = {
    MediaKind.PHOTO: uploads.PHOTO,
    MediaKind.DOCUMENT: uploads.DOCUMENT,
}
TYPE_MESSAGES = {
    MediaKind.PHOTO: "Ảnh chỉ nhận tệp JPEG, PNG hoặc WebP.",
    MediaKind.DOCUMENT: "Tài liệu chỉ nhận tệp PDF hoặc Word (.docx, .doc).",
}
MAX_TITLE = 300


def _today() -> date:
    return timezone.localdate()


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def _require(actor: Any, permission: Permission, unit: Unit) -> None:
    if not has_permission(actor, permission, unit):
        raise PermissionDenied()


def _require_edit(actor: Any, model: ExemplaryModel) -> None:
    if not queries.can_edit(actor, model):
        raise PermissionDenied()


def _event(actor: Any, action: str, obj: Any, unit: Unit, before: Any, after: Any) -> None:
    record_event(
        actor=actor,
        action=f"exemplars.{action}",
        obj=obj,
        unit_path=unit.path,
        before=before,
        after=after,
    )


def home_unit_of(subject: Subject) -> Unit:
    if isinstance(subject, Unit):
        return subject
    if subject.unit is None:
        raise refusal([Reason("NO_UNIT", "Đối tượng chưa thuộc đơn vị nào.", "", "")])
    return subject.unit


# --------------------------------------------------------------------------------------------
# The case file
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelData:
    title: str
    sector: str
    story: str = ""
    achievements: str = ""
    movement: Movement | None = None
    initiatives: Sequence[Initiative] = ()


def _clean(data: ModelData) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": clean_text(data.title),
        "sector": data.sector,
        "story": clean_text(data.story, multiline=True),
        "achievements": clean_text(data.achievements, multiline=True),
        "movement": data.movement,
    }
    reasons: list[Reason] = []
    if not values["title"]:
        reasons.append(Reason("TITLE_REQUIRED", "Cần nhập tên điển hình.", "", "title"))
    elif len(values["title"]) > MAX_TITLE:
        reasons.append(Reason("TITLE_TOO_LONG", "Tên điển hình quá dài.", "", "title"))
    if data.sector not in Sector.values:
        reasons.append(Reason("INVALID_SECTOR", "Lĩnh vực không hợp lệ.", "", "sector"))
    if reasons:
        raise refusal(reasons)
    return values


def _check_initiatives(actor: Any, initiatives: Sequence[Initiative]) -> None:
    visible = set(
        queries.visible_initiatives(actor)
        .filter(pk__in=[i.pk for i in initiatives])
        .values_list("pk", flat=True)
    )
    if any(i.pk not in visible for i in initiatives):
        raise refusal(
            [
                Reason(
                    "INITIATIVE_NOT_VISIBLE",
                    "Có sáng kiến không thuộc phạm vi của bạn.",
                    "",
                    "initiatives",
                )
            ]
        )


def _check_movement(actor: Any, movement: Movement | None) -> None:
    if (
        movement is not None
        and not queries.visible_movements(actor).filter(pk=movement.pk).exists()
    ):
        raise refusal(
            [
                Reason(
                    "MOVEMENT_NOT_VISIBLE",
                    "Phong trào không thuộc phạm vi của bạn.",
                    "",
                    "movement",
                )
            ]
        )


def create_model(
    actor: Any,
    subject: Subject,
    data: ModelData,
    *,
    discovered_on: date | None = None,
    responsible_unit: Unit | None = None,
    source: str = Source.HAND,
    suggested_because: str = "",
) -> ExemplaryModel:
    """Open the case file of a model. The office's model starts at the discovery stage; a unit's
    focal point proposes one of their own unit (no stage until the office takes it up)."""
    home = home_unit_of(subject)
    manager = has_permission(actor, Permission.MANAGE_EXEMPLARS, home)
    if not manager:
        _require(actor, Permission.FILE_NOMINATIONS, home)
    values = _clean(data)
    _check_movement(actor, data.movement)
    _check_initiatives(actor, data.initiatives)
    day = discovered_on or _today()
    responsible = responsible_unit or home
    if manager:
        reasons = rules.stage_reasons(
            rules.StageFacts(None, None, rules.Stage.DISCOVER, day, _today())
        )
        if not scope_for(actor).contains(responsible.path):
            reasons.append(_responsible_refusal())
        if reasons:
            raise refusal(reasons)
    with transaction.atomic():
        model = ExemplaryModel.objects.create(
            person=subject if isinstance(subject, Person) else None,
            unit=subject if isinstance(subject, Unit) else None,
            household=subject if isinstance(subject, Household) else None,
            home_unit=home,
            is_direct_worker=bool(getattr(subject, "is_direct_worker", False))
            if isinstance(subject, Person)
            else False,
            status=ModelStatus.ACTIVE if manager else ModelStatus.PROPOSED,
            stage=rules.Stage.DISCOVER.value if manager else "",
            source=source if manager else Source.PROPOSAL,
            suggested_because=clean_text(suggested_because, multiline=True),
            created_by=_user(actor),
            **values,
        )
        model.initiatives.set(data.initiatives)
        if manager:
            StageRecord.objects.create(
                model=model,
                stage=rules.Stage.DISCOVER.value,
                date=day,
                responsible_unit=responsible,
                note="",
                recorded_by=_user(actor),
            )
        _event(
            actor,
            "create_model" if manager else "propose_model",
            model,
            home,
            None,
            {**snapshot(model), "initiatives": [i.pk for i in data.initiatives]},
        )
    return model


def create_from_suggestion(actor: Any, kind: str, subject_id: int) -> ExemplaryModel:
    """Add a suggested subject as a model: the reasons are kept in the case file, the
    initiatives behind them are linked; the office then completes the story."""
    if not has_permission(actor, Permission.MANAGE_EXEMPLARS):
        raise PermissionDenied()
    suggestion = queries.suggestion_for(actor, kind, subject_id)
    if suggestion is None:
        raise refusal(
            [
                Reason(
                    "NOT_SUGGESTED",
                    "Đối tượng này không (còn) trong danh sách gợi ý: có thể đã là điển hình "
                    "hoặc không còn đáp ứng ngưỡng gợi ý.",
                )
            ]
        )
    subject = queries.subject_object(kind, subject_id)
    name = suggestion.subject.name
    initiatives = list(Initiative.objects.filter(pk__in=suggestion.initiative_ids))
    because = "\n".join(r.message for r in suggestion.reasons)
    return create_model(
        actor,
        subject,
        ModelData(title=name, sector=Sector.OTHER, achievements=because, initiatives=initiatives),
        source=Source.SUGGESTION,
        suggested_because=because,
    )


def update_model(
    actor: Any, model: ExemplaryModel, data: ModelData, *, expected_version: int
) -> ExemplaryModel:
    """Correct or complete the case file (story, achievements, movement, initiatives)."""
    _require_edit(actor, model)
    values = _clean(data)
    _check_movement(actor, data.movement)
    _check_initiatives(actor, data.initiatives)
    with transaction.atomic():
        before = {
            **snapshot(model),
            "initiatives": sorted(model.initiatives.values_list("pk", flat=True)),
        }
        for name, value in values.items():
            setattr(model, name, value)
        save_versioned(model, expected_version, list(values))
        model.initiatives.set(data.initiatives)
        _event(
            actor,
            "update_model",
            model,
            model.home_unit,
            before,
            {**snapshot(model), "initiatives": sorted(i.pk for i in data.initiatives)},
        )
    return model


# --------------------------------------------------------------------------------------------
# Stages
# --------------------------------------------------------------------------------------------


def _responsible_refusal() -> Reason:
    return Reason(
        "RESPONSIBLE_NOT_VISIBLE",
        "Đơn vị phụ trách không thuộc phạm vi của bạn.",
        "",
        "responsible_unit",
    )


def record_stage(
    actor: Any,
    model: ExemplaryModel,
    *,
    stage: str,
    day: date,
    responsible_unit: Unit,
    note: str = "",
    expected_version: int,
) -> StageRecord:
    """Record a step of the model through the four stages (in order, none skipped). Recording
    the discovery of a unit's proposal takes it up."""
    _require(actor, Permission.MANAGE_EXEMPLARS, model.home_unit)
    try:
        new = rules.Stage(stage)
    except ValueError:
        raise refusal([Reason("INVALID_STAGE", "Khâu không hợp lệ.", "", "stage")]) from None
    last = model.stages.order_by("-date", "-id").first()
    current = rules.Stage(model.stage) if model.stage else None
    reasons = rules.stage_reasons(
        rules.StageFacts(current, last.date if last else None, new, day, _today())
    )
    if not scope_for(actor).contains(responsible_unit.path):
        reasons.append(_responsible_refusal())
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(model)
        model.stage = new.value
        model.status = ModelStatus.ACTIVE
        save_versioned(model, expected_version, ["stage", "status"])
        row = StageRecord.objects.create(
            model=model,
            stage=new.value,
            date=day,
            responsible_unit=responsible_unit,
            note=clean_text(note, multiline=True),
            recorded_by=_user(actor),
        )
        _event(
            actor,
            "record_stage",
            model,
            model.home_unit,
            before,
            {**snapshot(model), "record": snapshot(row)},
        )
    return row


# --------------------------------------------------------------------------------------------
# Media
# --------------------------------------------------------------------------------------------


def add_media(
    actor: Any, model: ExemplaryModel, *, upload: UploadedFile, kind: str, caption: str = ""
) -> MediaFile:
    """Attach a photo or a document; its type is read from its first bytes."""
    _require_edit(actor, model)
    if kind not in MediaKind.values:
        raise refusal([Reason("INVALID_KIND", "Loại tệp không hợp lệ.", "", "kind")])
    media_kind = MediaKind(kind)
    size = upload.size or 0
    head = uploads.read_head(upload)
    declared = getattr(upload, "content_type", "") or ""
    reasons = uploads.upload_reasons(
        head,
        size,
        accepted=ACCEPTED[media_kind],
        field="file",
        max_bytes=MAX_MEDIA_BYTES,
        type_message=TYPE_MESSAGES[media_kind],
        declared=declared,
    )
    if reasons:
        raise refusal(reasons)
    content_type = uploads.sniff(head, ACCEPTED[media_kind], declared)
    original = clean_text(upload.name or "tep")[:255] or "tep"
    with transaction.atomic():
        row = MediaFile(
            model=model,
            kind=media_kind.value,
            original_name=original,
            content_type=content_type,
            size=size,
            caption=clean_text(caption)[:255],
            uploaded_by=_user(actor),
        )
        row.file.save(
            "x" + uploads.EXTENSIONS[content_type], ContentFile(upload.read()), save=False
        )
        row.save()
        _event(
            actor, "add_media", row, model.home_unit, None, snapshot(row) | {"file": row.file.name}
        )
    return row


def remove_media(actor: Any, media: MediaFile) -> None:
    """Remove a photo or document from the case file (the stored file goes after commit)."""
    model = media.model
    _require_edit(actor, model)
    name = media.file.name or ""
    with transaction.atomic():
        before = snapshot(media) | {"file": name}
        media.delete()
        _event(actor, "remove_media", model, model.home_unit, before, None)
        transaction.on_commit(lambda: _delete_stored(name))


def _delete_stored(name: str) -> None:
    from django.core.files.storage import default_storage

    try:
        default_storage.delete(name)
    except OSError:
        pass


# --------------------------------------------------------------------------------------------
# Replication
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReplicationData:
    unit: Unit
    adopted_on: date
    result: str = ""
    measure: str = ""
    measured_value: Decimal | None = None


def record_replication(actor: Any, model: ExemplaryModel, data: ReplicationData) -> Replication:
    """Record that a unit adopted the model, when, and with what result."""
    _require(actor, Permission.MANAGE_EXEMPLARS, model.home_unit)
    current = rules.Stage(model.stage) if model.stage else None
    reasons = rules.replication_reasons(current, data.adopted_on, _today())
    if not scope_for(actor).contains(data.unit.path):
        reasons.append(
            Reason("UNIT_NOT_VISIBLE", "Đơn vị áp dụng không thuộc phạm vi của bạn.", "", "unit")
        )
    if data.unit.pk == model.home_unit_id:
        reasons.append(
            Reason(
                "OWN_UNIT",
                "Đơn vị áp dụng phải là đơn vị khác với đơn vị của điển hình.",
                "",
                "unit",
            )
        )
    value = data.measured_value
    if value is not None:
        try:
            if not value.is_finite() or abs(value) >= Decimal("1e14"):
                raise InvalidOperation
        except InvalidOperation:
            reasons.append(
                Reason("INVALID_VALUE", "Kết quả đo được không hợp lệ.", "", "measured_value")
            )
    if Replication.objects.filter(model=model, unit=data.unit).exists():
        reasons.append(
            Reason("ALREADY_ADOPTED", "Đơn vị này đã được ghi nhận áp dụng điển hình.", "", "unit")
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        row = Replication.objects.create(
            model=model,
            unit=data.unit,
            adopted_on=data.adopted_on,
            result=clean_text(data.result, multiline=True),
            measure=clean_text(data.measure)[:100],
            measured_value=value,
            recorded_by=_user(actor),
        )
        _event(actor, "record_replication", row, model.home_unit, None, snapshot(row))
    return row


# --------------------------------------------------------------------------------------------
# Publication
# --------------------------------------------------------------------------------------------


def publish(actor: Any, model: ExemplaryModel, *, expected_version: int) -> ExemplaryModel:
    """Show the model on the public page /models/ (name, unit, title, field and story only)."""
    _require(actor, Permission.MANAGE_EXEMPLARS, model.home_unit)
    current = rules.Stage(model.stage) if model.stage else None
    reasons = rules.publish_reasons(current, accepted=model.status == ModelStatus.ACTIVE)
    if model.published:
        reasons.append(Reason("ALREADY_PUBLISHED", "Điển hình đã được công bố.", ""))
    if not model.story.strip():
        reasons.append(
            Reason("STORY_REQUIRED", "Cần viết câu chuyện điển hình trước khi công bố.", "")
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        before = snapshot(model)
        model.published = True
        model.published_at = timezone.now()
        save_versioned(model, expected_version, ["published", "published_at"])
        _event(actor, "publish", model, model.home_unit, before, snapshot(model))
    return model


def unpublish(actor: Any, model: ExemplaryModel, *, expected_version: int) -> ExemplaryModel:
    """Take the model off the public page."""
    _require(actor, Permission.MANAGE_EXEMPLARS, model.home_unit)
    if not model.published:
        raise refusal([Reason("NOT_PUBLISHED", "Điển hình chưa được công bố.", "")])
    with transaction.atomic():
        before = snapshot(model)
        model.published = False
        model.published_at = None
        save_versioned(model, expected_version, ["published", "published_at"])
        _event(actor, "unpublish", model, model.home_unit, before, snapshot(model))
    return model


# --------------------------------------------------------------------------------------------
# Conferences
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConferenceData:
    name: str
    level: str
    held_on: date
    organiser: Unit
    place: str = ""
    attendees: int | None = None
    document_number: str = ""
    note: str = ""
    models: Sequence[ExemplaryModel] = ()


def record_conference(actor: Any, data: ConferenceData) -> Conference:
    """Record a conference of exemplary models (Hội nghị điển hình tiên tiến) and the models
    it honoured."""
    from thidua.exemplars.choices import ConferenceLevel

    _require(actor, Permission.MANAGE_EXEMPLARS, data.organiser)
    name = clean_text(data.name)
    reasons: list[Reason] = []
    if not name or len(name) > 300:
        reasons.append(Reason("NAME_REQUIRED", "Cần nhập tên hội nghị (ngắn gọn).", "", "name"))
    if data.level not in ConferenceLevel.values:
        reasons.append(Reason("INVALID_LEVEL", "Cấp hội nghị không hợp lệ.", "", "level"))
    if data.held_on > _today():
        reasons.append(
            Reason(
                "DATE_IN_FUTURE",
                "Chỉ ghi nhận hội nghị đã tổ chức (ngày họp chưa đến).",
                "",
                "held_on",
            )
        )
    if data.attendees is not None and not 0 <= data.attendees <= 1_000_000:
        reasons.append(Reason("INVALID_ATTENDEES", "Số đại biểu không hợp lệ.", "", "attendees"))
    ids = {m.pk for m in data.models}
    allowed = set(
        queries.visible_models(actor)
        .filter(pk__in=ids, status=ModelStatus.ACTIVE)
        .values_list("pk", flat=True)
    )
    if ids - allowed:
        reasons.append(
            Reason(
                "MODEL_NOT_ALLOWED",
                "Chỉ tôn vinh được điển hình đã được tiếp nhận và thuộc phạm vi của bạn.",
                "",
                "models",
            )
        )
    if reasons:
        raise refusal(reasons)
    with transaction.atomic():
        conference = Conference.objects.create(
            name=name,
            level=data.level,
            held_on=data.held_on,
            organiser=data.organiser,
            place=clean_text(data.place)[:255],
            attendees=data.attendees,
            document_number=clean_text(data.document_number)[:60],
            note=clean_text(data.note, multiline=True),
        )
        conference.models_honoured.set(list(data.models))
        _event(
            actor,
            "record_conference",
            conference,
            data.organiser,
            None,
            {**snapshot(conference), "models": sorted(ids)},
        )
    return conference
