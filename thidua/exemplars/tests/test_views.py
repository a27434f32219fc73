"""Exemplary-model pages: the permission matrix (every page, every persona), the public page
(no personal data, hostile text escaped), forms refusing bad input, pinned query counts."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.base import ContentFile

from thidua.core.testing.matrix import Case, check_case, login
from thidua.exemplars.models import ExemplaryModel, MediaFile
from thidua.exemplars.tests.builders import make_conference, make_model

pytestmark = pytest.mark.django_db

LOGGED_IN = (
    "outsider",
    "unit_a_clerk",
    "unit_b_clerk",
    "unit_a_viewer",
    "province_officer",
    "council_member",
    "admin",
)
EVERYONE = dict.fromkeys(LOGGED_IN, 200)
MANAGERS = ("province_officer", "admin")
# A model of person A (commune A): seen by whoever sees A.
SEE_A = EVERYONE | {"outsider": 404, "unit_b_clerk": 404}
MANAGE_A = (
    dict.fromkeys(LOGGED_IN, 403)
    | {"outsider": 404, "unit_b_clerk": 404}
    | dict.fromkeys(MANAGERS, 200)
)
# A unit's proposal: its focal point still edits it.
EDIT_PROPOSAL = MANAGE_A | {"unit_a_clerk": 200}
ONLY_MANAGERS = dict.fromkeys(LOGGED_IN, 403) | dict.fromkeys(MANAGERS, 200)
CREATORS = ONLY_MANAGERS | {"unit_a_clerk": 200, "unit_b_clerk": 200}
PUBLIC = EVERYONE | {"anonymous": 200}


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def model(w):
    return [make_model(w).pk]


def proposal(w):
    return [make_model(w, status="proposed").pk]


def published(w):
    return [make_model(w, published=True).pk]


def media(w):
    m = make_model(w)
    row = MediaFile(
        model=m, kind="photo", original_name="anh.png", content_type="image/png", size=9
    )
    row.file.save("x.png", ContentFile(b"\x89PNG\r\n\x1a\n0"), save=False)
    row.save()
    return [row.pk]


def conference(w):
    return [make_conference(w, make_model(w)).pk]


def province_conference(w):
    return [make_conference(w).pk]


def _version(w):
    return {"version": ExemplaryModel.objects.get().version}


CASES = [
    Case("exemplars:list", expect=EVERYONE),
    Case(
        "exemplars:list",
        expect=EVERYONE,
        query="?stage=summarise&status=active&published=yes&q=r%E1%BB%ABng",
    ),
    Case("exemplars:list", expect=EVERYONE, query="?stage=nope&published=x&page=abc"),
    Case("exemplars:create", expect=CREATORS),
    Case("exemplars:suggestions", expect=ONLY_MANAGERS),
    # Nobody is suggested in the bare world: the office is sent back with a message.
    Case(
        "exemplars:suggestion_add",
        expect=ONLY_MANAGERS | dict.fromkeys(MANAGERS, 302),
        method="post",
        data=lambda w: {"kind": "person", "subject": str(w.person_a.pk)},
    ),
    Case("exemplars:detail", model, SEE_A),
    Case("exemplars:edit", model, MANAGE_A),
    Case("exemplars:edit", proposal, EDIT_PROPOSAL),
    Case("exemplars:stage_add", model, MANAGE_A),
    Case("exemplars:media_add", model, MANAGE_A),
    Case("exemplars:media_add", proposal, EDIT_PROPOSAL),
    Case("exemplars:media", media, SEE_A),
    # The first of the office removes the file; after that it is gone (404).
    Case(
        "exemplars:media_remove",
        media,
        MANAGE_A | {"province_officer": 302, "council_member": 404, "admin": 404},
        method="post",
    ),
    Case("exemplars:replication_add", model, MANAGE_A),
    # Publishing twice: the second is refused with a message on the page (302 back to it).
    Case(
        "exemplars:publish",
        model,
        MANAGE_A | dict.fromkeys(MANAGERS, 302),
        method="post",
        data=_version,
    ),
    Case(
        "exemplars:unpublish",
        published,
        MANAGE_A | dict.fromkeys(MANAGERS, 302),
        method="post",
        data=_version,
    ),
    Case("exemplars:docx", model, SEE_A),
    Case("exemplars:conferences", expect=EVERYONE),
    Case("exemplars:conference_create", expect=ONLY_MANAGERS),
    # A conference is seen where it was organised, and where a model it honoured lives.
    Case("exemplars:conference_detail", conference, SEE_A),
    Case(
        "exemplars:conference_detail",
        province_conference,
        dict.fromkeys(LOGGED_IN, 404) | dict.fromkeys((*MANAGERS, "council_member"), 200),
    ),
    Case("exemplars_public:list", expect=PUBLIC),
    Case("exemplars_public:detail", published, PUBLIC),
    Case("exemplars_public:detail", model, dict.fromkeys(PUBLIC, 404)),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_the_public_page_shows_name_unit_title_story_and_no_personal_data(world, client):
    person = world.person_a
    person.national_id = "042090001234"
    person.date_of_birth = date(1980, 4, 30)
    person.save()
    m = make_model(world, published=True, achievements="Bí mật nội bộ")
    make_model(world, title="Chưa công bố", subject=world.person_b)
    for url in ("/models/", f"/models/{m.pk}/"):
        page = client.get(url).content.decode()
        assert "Trồng rừng gỗ lớn" in page
        assert "Nguyễn Văn An" in page
        assert "Xã An Phú" in page
        assert "042090001234" not in page
        assert "30/04/1980" not in page
        assert "1980" not in page
        assert "Chưa công bố" not in page
    detail = client.get(f"/models/{m.pk}/").content.decode()
    assert "Cả thôn học theo." in detail
    assert "Bí mật nội bộ" not in detail


def test_hostile_text_is_escaped_on_the_public_and_internal_pages(world, client):
    evil = '<script>alert("x")</script>'
    m = make_model(world, published=True, title=evil, story=evil + "\n<img src=x onerror=alert(1)>")
    for url in ("/models/", f"/models/{m.pk}/"):
        page = client.get(url).content.decode()
        assert evil not in page
        assert "<img src=x" not in page
        assert "&lt;script&gt;" in page
    login(client, world, "province_officer")
    page = client.get(f"/exemplars/{m.pk}/").content.decode()
    assert evil not in page
    assert "&lt;script&gt;" in page


def test_the_stage_form_refuses_a_skip_in_vietnamese_and_writes_nothing(world, client):
    m = make_model(world, stage="discover")
    login(client, world, "province_officer")
    response = client.post(
        f"/exemplars/{m.pk}/stages/new/",
        {
            "version": m.version,
            "stage": "replicate",
            "date": "2025-06-01",
            "responsible_unit": world.province.pk,
        },
    )
    assert response.status_code == 200
    assert "Chưa qua khâu bồi dưỡng, tổng kết" in response.content.decode()
    m.refresh_from_db()
    assert m.stage == "discover"
    assert m.stages.count() == 1


def test_a_focal_point_proposes_through_the_form(world, client):
    login(client, world, "unit_a_clerk")
    response = client.post(
        "/exemplars/new/",
        {"person": world.person_a.pk, "title": "Gương sáng", "sector": "health", "story": "Chuyện"},
    )
    m = ExemplaryModel.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/exemplars/{m.pk}/"
    assert m.status == "proposed"
    # choosing two subjects at once is refused on the form
    response = client.post(
        "/exemplars/new/",
        {
            "person": world.person_a.pk,
            "collective": world.unit_a.pk,
            "title": "X",
            "sector": "health",
        },
    )
    assert response.status_code == 200
    assert ExemplaryModel.objects.count() == 1


def test_the_list_finds_a_name_typed_without_accents(world, client):
    make_model(world)
    make_model(world, subject=world.person_b, title="Mô hình của chị Bình")
    login(client, world, "province_officer")
    page = client.get("/exemplars/?q=nguyen+van+an").content.decode()
    assert "Trồng rừng gỗ lớn" in page
    assert "Mô hình của chị Bình" not in page


def test_the_case_file_shows_stages_replication_and_conference(world, client):
    m = make_model(world, stage="replicate")
    make_conference(world, m)
    m.replications.create(unit=world.unit_b, adopted_on=date(2025, 9, 1), result="Áp dụng tốt")
    login(client, world, "province_officer")
    page = client.get(f"/exemplars/{m.pk}/").content.decode()
    assert "10/04/2025" in page  # the fourth stage's date
    assert "Xã Bình Minh" in page
    assert "Áp dụng tốt" in page
    assert "Hội nghị điển hình tiên tiến tỉnh" in page


def test_list_pages_have_a_pinned_query_count(world, client, django_assert_max_num_queries):
    for i in range(5):
        make_model(world, title=f"Mô hình {i}", published=True)
    make_model(world, subject=world.unit_a, title="Tập thể")
    make_conference(world, *ExemplaryModel.objects.all())
    login(client, world, "unit_a_viewer")
    client.get("/exemplars/")
    with django_assert_max_num_queries(9):
        assert client.get("/exemplars/").status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get("/exemplars/conferences/").status_code == 200
    client.logout()
    with django_assert_max_num_queries(3):
        assert client.get("/models/").status_code == 200


def test_the_suggestion_page_lists_reasons_and_adds_a_model(world, client):
    from django.utils import timezone

    from thidua.awards.models import AwardRecord, AwardType

    cstd = AwardType.objects.get(code="CSTDCS")
    year = timezone.localdate().year
    for y in (year - 3, year - 2, year - 1):
        AwardRecord.objects.create(person=world.person_a, award_type=cstd, year=y)
    login(client, world, "province_officer")
    page = client.get("/exemplars/suggestions/").content.decode()
    assert "Nguyễn Văn An" in page
    assert "3 năm liên tục" in page
    assert "không phải quy định của pháp luật" in page
    response = client.post(
        "/exemplars/suggestions/add/", {"kind": "person", "subject": world.person_a.pk}
    )
    m = ExemplaryModel.objects.get()
    assert response["Location"] == f"/exemplars/{m.pk}/edit/"
    assert m.source == "suggestion"
