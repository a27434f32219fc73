"""Nomination pages: the permission matrix, forms refusing bad input, documents read back,
the public comment page, query counts."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from thidua.core.documents import docx_text
from thidua.core.testing.matrix import Case, check_case, login
from thidua.nominations import services
from thidua.nominations.models import Dossier, PublicComment
from thidua.nominations.tests.builders import PDF, award, build, make_dossier, rate_well

pytestmark = pytest.mark.django_db

ALL = (
    "outsider",
    "unit_a_clerk",
    "unit_b_clerk",
    "unit_a_viewer",
    "province_officer",
    "council_member",
    "admin",
    "cluster_leader",
    "council_secretary",
    "signer",
)
EVERYONE = dict.fromkeys(ALL, 200)
PUBLIC = EVERYONE | {"anonymous": 200}
# Commune A's dossier: A and the province levels see it; B's clerk and the outsider do not.
SEE = EVERYONE | {"outsider": 404, "unit_b_clerk": 404}
# Filing for commune A: its focal point, the province officer and the administrator.
FILE = dict.fromkeys(ALL, 403) | {
    "outsider": 404,
    "unit_b_clerk": 404,
    "unit_a_clerk": 200,
    "province_officer": 200,
    "admin": 200,
}
FILE_POST = FILE | {"unit_a_clerk": 302, "province_officer": 302, "admin": 302}
# Appraising at the province: its officer and the administrator.
APPRAISE = FILE | {"unit_a_clerk": 403}
APPRAISE_POST = APPRAISE | {"province_officer": 302, "admin": 302}
CREATE = dict.fromkeys(ALL, 403) | {
    "unit_a_clerk": 200,
    "unit_b_clerk": 200,
    "province_officer": 200,
    "admin": 200,
}
CHECK_POST = FILE_POST


def d(w):
    return [build(w).dossier.pk]


def n(w):
    return [build(w).nominee.pk]


def with_file(w):
    built = build(w)
    upload = SimpleUploadedFile("minh-chung.pdf", PDF)
    row = services.add_file(w.users["unit_a_clerk"], built.nominee, upload=upload, kind="evidence")
    return [row.pk]


def published(w):
    """A dossier proposing person A for CSTĐ toàn quốc, received and published today."""
    rate_well(w.person_a, 6)
    officer, clerk = w.users["province_officer"], w.users["unit_a_clerk"]
    dossier = make_dossier(w, title="Đề nghị Chiến sĩ thi đua toàn quốc")
    nominee = services.add_nominee(
        clerk,
        dossier,
        w.person_a,
        services.NomineeData(
            award("CSTDTQ"), achievement="Nhiều sáng kiến cấp tỉnh.", justification="Đặc biệt."
        ),
    )
    dossier.refresh_from_db()
    services.submit_dossier(clerk, dossier, expected_version=dossier.version)
    dossier.refresh_from_db()
    services.receive_dossier(officer, dossier, expected_version=dossier.version)
    dossier.refresh_from_db()
    services.publish_dossier(
        officer, dossier, expected_version=dossier.version, start=timezone.localdate()
    )
    nominee.refresh_from_db()
    return dossier, nominee


def complaint(w):
    _, nominee = published(w)
    comment = services.submit_comment(
        nominee,
        services.CommentData("complaint", "Kê khai thành tích chưa đúng.", "Lê Văn C", "0912"),
        address="1.1.1.1",
    )
    return [comment.pk]


CASES = [
    Case("nominations:list", expect=EVERYONE),
    Case("nominations:list", expect=EVERYONE, query="?box=sent&year=abc&status=nope"),
    Case("nominations:overdue", expect=EVERYONE),
    Case("nominations:create", expect=CREATE),
    Case("nominations:detail", d, SEE),
    Case("nominations:nominee_add", d, FILE),
    Case("nominations:submit", d, FILE_POST, method="post", data=lambda w: {"version": 999}),
    Case("nominations:recall", d, FILE_POST, method="post", data=lambda w: {"version": 1}),
    Case("nominations:recheck", d, CHECK_POST, method="post"),
    Case("nominations:receive", d, APPRAISE_POST, method="post", data=lambda w: {"version": 1}),
    Case("nominations:return", d, APPRAISE),
    Case("nominations:checklist", d, APPRAISE),
    Case("nominations:finish", d, APPRAISE_POST, method="post", data=lambda w: {"version": 1}),
    Case("nominations:forward", d, APPRAISE),
    Case("nominations:publish", d, APPRAISE),
    Case("nominations:letter", d, SEE),
    Case("nominations:list_docx", d, SEE),
    Case("nominations:nominee_edit", n, FILE),
    Case(
        "nominations:nominee_remove",
        lambda w: [build(w, submitted=True).nominee.pk],
        FILE_POST,
        method="post",
    ),
    Case("nominations:nominee_file", n, FILE),
    Case("nominations:nominee_withdraw", n, FILE),
    Case("nominations:appraise", n, APPRAISE),
    Case("nominations:report_template", n, SEE),
    Case("nominations:file", with_file, SEE),
    Case("nominations:resolve", complaint, APPRAISE),
    Case("public:nominations", expect=PUBLIC),
    Case("public:nomination_dossier", lambda w: [published(w)[0].pk], PUBLIC),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(case, world, client):
    check_case(client, world, case)


def test_unpublished_dossier_is_not_public(world, client):
    built = build(world, received=True)
    response = client.get(reverse("public:nomination_dossier", args=[built.dossier.pk]))
    assert response.status_code == 404


def test_dossier_list_query_count_is_pinned(world, client, django_assert_max_num_queries):
    for i in range(5):
        make_dossier(world, title=f"Hồ sơ {i}")
    login(client, world, "province_officer")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("nominations:list"))
    assert response.status_code == 200
    assert response.content.decode().count("Hồ sơ ") >= 5


def test_detail_query_count_does_not_grow_with_nominees(
    world, client, django_assert_max_num_queries
):
    from thidua.org.models import Person

    built = build(world)
    clerk = world.users["unit_a_clerk"]
    for i in range(6):
        person = Person.objects.create(
            full_name=f"Lê Văn Số {i}", unit=world.unit_a, search_key=f"le van so {i}"
        )
        nominee = services.add_nominee(
            clerk, built.dossier, person, services.NomineeData(award("LDTT"))
        )
        services.add_file(clerk, nominee, upload=SimpleUploadedFile("a.pdf", PDF), kind="evidence")
        built.dossier.refresh_from_db()
    login(client, world, "unit_a_clerk")
    with django_assert_max_num_queries(20):
        response = client.get(reverse("nominations:detail", args=[built.dossier.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("Lê Văn Số") >= 6


def test_detail_shows_the_status_line_and_reasons(world, client):
    built = build(world, submitted=True)
    login(client, world, "unit_a_clerk")
    page = client.get(reverse("nominations:detail", args=[built.dossier.pk])).content.decode()
    assert "Đã gửi" in page
    assert "chờ tiếp nhận, hạn" in page
    assert "Chưa đăng ký thi đua" in page  # the failed check's reason, with its basis
    assert built.nominee.justification in page


def test_create_form_refuses_a_receiver_below(world, client):
    login(client, world, "unit_a_clerk")
    response = client.post(
        reverse("nominations:create"),
        {
            "proposing_unit": world.unit_a.pk,
            "receiving_unit": world.unit_b.pk,
            "kind": "annual",
            "year": 2025,
            "title": "Hồ sơ sai nơi nhận",
        },
    )
    # B is not a choice for A's clerk to send to? It is a unit of the tree: the service refuses
    assert response.status_code == 200
    assert "Hồ sơ phải gửi lên cấp trên của đơn vị đề nghị." in response.content.decode()
    assert not Dossier.objects.exists()


def test_add_nominee_through_the_page_warns_when_not_eligible(world, client):
    dossier = make_dossier(world)
    login(client, world, "unit_a_clerk")
    response = client.post(
        reverse("nominations:nominee_add", args=[dossier.pk]),
        {
            "subject": f"p:{world.person_a.pk}",
            "award_type": award("LDTT").pk,
            "category": "CONG_TRANG",
            "year": dossier.year,
        },
        follow=True,
    )
    assert "Chưa đủ tiêu chuẩn" in response.content.decode() or "REGISTERED" in (
        response.content.decode()
    )
    assert dossier.nominees.count() == 1


def test_submit_without_justification_shows_the_refusal(world, client):
    rate_well(world.person_a)
    dossier = make_dossier(world)
    services.add_nominee(
        world.users["unit_a_clerk"], dossier, world.person_a, services.NomineeData(award("LDTT"))
    )
    dossier.refresh_from_db()
    login(client, world, "unit_a_clerk")
    response = client.post(
        reverse("nominations:submit", args=[dossier.pk]), {"version": dossier.version}, follow=True
    )
    assert "cần ghi rõ lý do vẫn đề nghị" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == "draft"


def test_upload_refuses_a_disguised_file(world, client):
    built = build(world)
    login(client, world, "unit_a_clerk")
    response = client.post(
        reverse("nominations:nominee_file", args=[built.nominee.pk]),
        {"kind": "evidence", "file": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00" * 10)},
    )
    assert response.status_code == 200
    assert "Chỉ nhận tệp PDF" in response.content.decode()
    assert not built.nominee.files.exists()


def test_generated_documents_read_back(world, client):
    built = build(world, submitted=True)
    login(client, world, "unit_a_clerk")
    letter = client.get(reverse("nominations:letter", args=[built.dossier.pk]))
    text = docx_text(letter.content)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "TỜ TRÌNH" in text
    assert "Kính gửi: Tỉnh Thử Nghiệm." in text
    assert "Lao động tiên tiến: 1 trường hợp." in text
    listing = docx_text(
        client.get(reverse("nominations:list_docx", args=[built.dossier.pk])).content
    )
    assert "DANH SÁCH" in listing
    assert "Nguyễn Văn An" in listing
    assert "Chưa đủ: REGISTERED" in listing
    report = docx_text(
        client.get(reverse("nominations:report_template", args=[built.nominee.pk])).content
    )
    assert "BÁO CÁO THÀNH TÍCH" in report
    assert "Họ và tên: Nguyễn Văn An" in report
    assert "Đơn vị công tác: Xã An Phú" in report


def test_public_page_shows_only_the_public_fields_and_takes_a_complaint(world):
    dossier, nominee = published(world)
    client = Client(enforce_csrf_checks=True)
    url = reverse("public:nomination_dossier", args=[dossier.pk])
    page = client.get(url)
    html = page.content.decode()
    assert "Nguyễn Văn An" in html
    assert "Chiến sĩ thi đua toàn quốc" in html
    assert "Đặc biệt." not in html  # the justification is for reviewers only
    # without the CSRF token the post is refused
    assert client.post(url, {"nominee": nominee.pk}).status_code == 403
    token = page.cookies["csrftoken"].value
    bad = client.post(
        url,
        {
            "nominee": nominee.pk,
            "kind": "complaint",
            "text": "Nội dung khiếu nại",
            "csrfmiddlewaretoken": token,
        },
    )
    assert bad.status_code == 400
    assert "cần ghi họ và tên người gửi" in bad.content.decode()
    good = client.post(
        url,
        {
            "nominee": nominee.pk,
            "kind": "complaint",
            "name": "Lê Văn C",
            "contact": "0912345678",
            "text": "Thành tích kê khai chưa đúng thực tế.",
            "csrfmiddlewaretoken": token,
        },
    )
    assert good.status_code == 302
    nominee.refresh_from_db()
    assert nominee.status == "blocked"
    assert PublicComment.objects.get().state == "open"


def test_file_is_served_only_to_those_who_see_the_dossier(world, client):
    [pk] = with_file(world)
    login(client, world, "unit_a_clerk")
    response = client.get(reverse("nominations:file", args=[pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["X-Content-Type-Options"] == "nosniff"
