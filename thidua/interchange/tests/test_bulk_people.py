"""Large people sheets take the bulk path (PersonBatch): checked row by row through the
service, written per chunk with one lock of the event chain — same rows, same events, same
all-or-nothing, and a number of queries that does not grow with the rows."""

from __future__ import annotations

import pytest

from thidua.core.events import verify_chain
from thidua.core.models import Event
from thidua.interchange import services
from thidua.interchange.choices import JobStatus
from thidua.interchange.tests.sheets import Upload, xlsx
from thidua.org.models import Membership, Person

pytestmark = pytest.mark.django_db

HEAD = ["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Mã đơn vị"]


def sheet(n: int, first: int = 0) -> list[list[object]]:
    return [HEAD] + [
        [f"Người Số {chr(65 + i % 26)}", "Nữ", "15/03/1985", f"001185{first + i:06d}", "T.H.A"]
        for i in range(n)
    ]


def commit(actor, rows):
    job = services.start_import(actor, kind="people", upload=Upload(xlsx(rows)), dry_run=False)
    return services.enqueue(job)


def test_a_bulk_import_writes_people_memberships_and_a_valid_event_chain(world):
    clerk = world.users["unit_a_clerk"]
    job = commit(clerk, sheet(60))
    assert job.status == JobStatus.DONE, job.errors
    people = Person.objects.filter(national_id__startswith="001185")
    assert people.count() == 60
    assert Membership.objects.filter(person__in=people, unit=world.unit_a).count() == 60
    created = Event.objects.filter(action="org.create_person")
    assert created.count() == 60
    assert set(created.values_list("object_id", flat=True)) == {str(p.pk) for p in people}
    assert verify_chain().ok


def test_the_query_count_does_not_grow_with_the_rows(world, django_assert_max_num_queries):
    clerk = world.users["unit_a_clerk"]
    with django_assert_max_num_queries(60):
        job = commit(clerk, sheet(150))
    assert job.status == JobStatus.DONE, job.errors
    assert Person.objects.filter(national_id__startswith="001185").count() == 150


def test_a_national_id_already_taken_rejects_the_whole_sheet(world):
    clerk = world.users["unit_a_clerk"]
    assert commit(clerk, sheet(1, first=59)).status == JobStatus.DONE
    before = (Person.objects.count(), Membership.objects.count(), Event.objects.count())
    job = commit(clerk, sheet(80))  # row 61 reuses the number imported above
    assert job.status == JobStatus.REJECTED
    assert [e["row"] for e in job.errors] == [61]
    assert "Trùng người" in job.errors[0]["message"]
    assert (Person.objects.count(), Membership.objects.count()) == before[:2]
    assert verify_chain().ok
