"""Every command refused for the wrong persona, with nothing changed afterwards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.core.errors import PermissionDenied
from thidua.core.models import Event
from thidua.nominations import services
from thidua.nominations.models import Dossier, EvidenceFile, Nominee, PublicComment
from thidua.nominations.tests.builders import PDF, award, build
from thidua.nominations.tests.test_views import complaint

pytestmark = pytest.mark.django_db

FILERS_WRONG = ("unit_b_clerk", "unit_a_viewer", "council_member", "council_secretary", "signer")
APPRAISERS_WRONG = ("unit_a_clerk", "unit_b_clerk", "unit_a_viewer", "council_member", "signer")


def state() -> tuple[Any, ...]:
    return (
        list(Dossier.objects.order_by("pk").values()),
        list(Nominee.objects.order_by("pk").values()),
        EvidenceFile.objects.count(),
        list(PublicComment.objects.order_by("pk").values()),
        Event.objects.count(),
    )


def assert_refused(run: Callable[[], Any]) -> None:
    before = state()
    with pytest.raises(PermissionDenied):
        run()
    assert state() == before


def data(w):
    return services.DossierData(w.unit_a, w.province, "annual", 2025, "Hồ sơ không được phép")


FILING: dict[str, Callable[[Any, Any, Any], Any]] = {
    "create_dossier": lambda w, u, b: services.create_dossier(u, data(w)),
    "add_nominee": lambda w, u, b: services.add_nominee(
        u, b.dossier, w.unit_a, services.NomineeData(award("TTLDTT"))
    ),
    "update_nominee": lambda w, u, b: services.update_nominee(
        u,
        b.nominee,
        expected_version=b.nominee.version,
        category="CONG_TRANG",
        achievement="Sửa trái phép",
        justification="",
    ),
    "remove_nominee": lambda w, u, b: services.remove_nominee(u, b.nominee),
    "withdraw_nominee": lambda w, u, b: services.withdraw_nominee(
        u, b.nominee, expected_version=b.nominee.version, reason="Rút trái phép"
    ),
    "add_file": lambda w, u, b: services.add_file(
        u, b.nominee, upload=SimpleUploadedFile("a.pdf", PDF), kind="evidence"
    ),
    "submit_dossier": lambda w, u, b: services.submit_dossier(
        u, b.dossier, expected_version=b.dossier.version
    ),
    "recheck_dossier": lambda w, u, b: services.recheck_dossier(u, b.dossier),
}


@pytest.mark.parametrize("persona", FILERS_WRONG)
@pytest.mark.parametrize("command", FILING)
def test_filing_commands_refused(world, persona, command):
    built = build(world)
    user = world.users[persona]
    assert_refused(lambda: FILING[command](world, user, built))


def test_recall_refused_for_another_unit(world):
    built = build(world, submitted=True)
    assert_refused(
        lambda: services.recall_dossier(
            world.users["unit_b_clerk"], built.dossier, expected_version=built.dossier.version
        )
    )


APPRAISING: dict[str, Callable[[Any, Any, Any], Any]] = {
    "receive_dossier": lambda w, u, b: services.receive_dossier(
        u, b.dossier, expected_version=b.dossier.version
    ),
    "return_dossier": lambda w, u, b: services.return_dossier(
        u, b.dossier, expected_version=b.dossier.version, reason="Trả lại trái phép"
    ),
    "set_checklist": lambda w, u, b: services.set_checklist(
        u, b.dossier, expected_version=b.dossier.version, ticks={"to_trinh": True}, notes={}
    ),
    "appraise_nominee": lambda w, u, b: services.appraise_nominee(
        u, b.nominee, expected_version=b.nominee.version, result="appraised"
    ),
    "finish_appraisal": lambda w, u, b: services.finish_appraisal(
        u, b.dossier, expected_version=b.dossier.version
    ),
    "forward_dossier": lambda w, u, b: services.forward_dossier(
        u, b.dossier, expected_version=b.dossier.version, target=w.province
    ),
    "publish_dossier": lambda w, u, b: services.publish_dossier(
        u, b.dossier, expected_version=b.dossier.version, start=timezone.localdate()
    ),
}


@pytest.mark.parametrize("persona", APPRAISERS_WRONG)
@pytest.mark.parametrize("command", APPRAISING)
def test_appraising_commands_refused(world, persona, command):
    built = build(world, submitted=True)
    user = world.users[persona]
    assert_refused(lambda: APPRAISING[command](world, user, built))


@pytest.mark.parametrize("persona", APPRAISERS_WRONG)
def test_resolving_a_complaint_refused(world, persona):
    [pk] = complaint(world)
    comment = PublicComment.objects.get(pk=pk)
    assert_refused(
        lambda: services.resolve_comment(
            world.users[persona], comment, outcome="dismissed", handling="Không có quyền"
        )
    )
    assert Nominee.objects.get(pk=comment.nominee_id).status == "blocked"
