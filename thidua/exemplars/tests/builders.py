"""Test data for exemplary models: built directly (fast), through the same tables the
services write."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from thidua.core.testing.personas import World
from thidua.exemplars.choices import ModelStatus, Sector, Source, Stage
from thidua.exemplars.models import Conference, ExemplaryModel, StageRecord
from thidua.org.models import Person, Unit

ORDER = [s.value for s in Stage]
STORY = "Anh An trồng rừng gỗ lớn.\nCả thôn học theo."


def make_model(
    w: World,
    *,
    subject: Person | Unit | None = None,
    stage: str = "summarise",
    status: str = ModelStatus.ACTIVE,
    published: bool = False,
    title: str = "Trồng rừng gỗ lớn",
    story: str = STORY,
    **extra: Any,
) -> ExemplaryModel:
    subject = subject or w.person_a
    is_person = isinstance(subject, Person)
    home = subject.unit if is_person else subject
    assert home is not None
    model = ExemplaryModel.objects.create(
        person=subject if is_person else None,
        unit=None if is_person else subject,
        home_unit=home,
        title=title,
        sector=Sector.AGRICULTURE,
        story=story,
        status=status,
        stage="" if status == ModelStatus.PROPOSED else stage,
        source=Source.HAND,
        published=published,
        published_at=datetime(2026, 1, 5, 3, 0, tzinfo=UTC) if published else None,
        **{"achievements": "Chiến sĩ thi đua cơ sở 3 năm liền.", **extra},
    )
    if status != ModelStatus.PROPOSED:
        for i, value in enumerate(ORDER[: ORDER.index(stage) + 1]):
            StageRecord.objects.create(
                model=model, stage=value, date=date(2025, 1 + i, 10), responsible_unit=w.province
            )
    return model


def make_conference(w: World, *models: ExemplaryModel) -> Conference:
    conference = Conference.objects.create(
        name="Hội nghị điển hình tiên tiến tỉnh",
        level="province",
        held_on=date(2025, 6, 20),
        organiser=w.province,
        attendees=300,
    )
    conference.models_honoured.set(models)
    return conference
