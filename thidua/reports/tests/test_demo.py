"""The Chỉ thị 42-CT/TU demo: the real demo loaders in INSTALLED_APPS order, then the movement
dashboard shows the chain the reports loader created (dossiers → council → decision, 2020);
a second load creates nothing.

The scoring demo is left out: it plays no part in this chain (no score sheets). The awards
demo takes a third of the time but stays: the 2025 nominations and council demos that run
before this loader need the award history (the council demo cannot vote on a round with a
single nominee whose member is recused)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.choices import Role
from thidua.accounts.models import RoleAssignment, User
from thidua.awards.demo import load_award_demo as load_awards
from thidua.awards.models import AwardRecord
from thidua.council.demo import load_demo as load_council
from thidua.council.models import AgendaItem, CouncilMember, Session, VotingRule
from thidua.decisions.demo import load_demo as load_decisions
from thidua.decisions.models import Decision
from thidua.movements.demo import load_demo as load_movements
from thidua.movements.models import Movement
from thidua.nominations.demo import load_demo as load_nominations
from thidua.nominations.models import Dossier, Nominee
from thidua.org.demo import load_demo as load_org
from thidua.reports.demo import load_demo

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (
            Dossier,
            Nominee,
            Session,
            AgendaItem,
            CouncilMember,
            Decision,
            AwardRecord,
            VotingRule,
        )
    )


def test_the_movement_dashboard_shows_the_2020_chain_once(client):
    # nothing to hang the chain on yet: a clear message, nothing written
    assert load_demo()["created"] is False
    assert not Dossier.objects.exists()

    # the apps' loaders in INSTALLED_APPS order, as `thidua demo` runs them (see the docstring)
    for load in (
        load_org,
        load_movements,
        load_awards,
        load_nominations,
        load_council,
        load_decisions,
    ):
        load()

    # a refused step (here the signer may not sign) leaves nothing behind, not even the seats
    # or the voting rule added on the way
    before = _counts()
    signer = RoleAssignment.objects.filter(user__username="lanhdao", role=Role.SIGNER)
    roles = list(signer.values_list("user_id", "unit_id"))
    signer.delete()
    refused = load_demo()
    assert refused["created"] is False
    assert "không nạp được" in refused["message"]
    assert _counts() == before
    RoleAssignment.objects.bulk_create(
        RoleAssignment(user_id=u, unit_id=n, role=Role.SIGNER) for u, n in roles
    )

    loaded = load_demo()
    assert loaded["created"] is True
    assert "42-CT/TU" in loaded["message"]

    movement = Movement.objects.get(organiser__code="HT", document_number="42-CT/TU")
    officer = User.objects.get(username="bantdkt.hatinh")
    client.force_login(officer)
    api = client.get(f"/api/v1/reports/movements/{movement.pk}/dashboard").json()
    # two dossiers, five nominees: four passed the council and were awarded, one failed
    assert Dossier.objects.filter(movement=movement, kind="movement").count() == 2
    assert api["nominees_by_status"] == {"decided": 4, "council_failed": 1}
    assert api["council_by_result"] == {"passed": 4, "failed": 1}
    assert api["awards_by_code"] == {"BK_BT": 4}
    assert (loaded["nominees"], loaded["passed"], loaded["failed"], loaded["awarded"]) == (
        5,
        4,
        1,
        4,
    )

    # the failing item: 5 of 10 members agree, which is not more than half
    failed = AgendaItem.objects.get(nominee__dossier__movement=movement, result="failed")
    assert (failed.members, failed.yes, failed.no, failed.abstain) == (10, 5, 3, 1)
    assert str(failed.nominee.subject) == "Xã Thạch Bình"
    # the council of 2020 voted under the old regime's rule the loader added (unconfirmed)
    assert "Luật Thi đua, khen thưởng 2003" in failed.rule["basis"]
    assert failed.rule["confirmed"] is False
    # dated in 2020, under the law in force then
    session = failed.session
    assert session.held_on == date(2020, 9, 22)
    assert session.closed_at is not None
    assert timezone.localtime(session.closed_at).date() == date(2020, 9, 22)
    assert "Số liệu minh họa" in session.notes
    decision = Decision.objects.filter(items__nominee__dossier__movement=movement).distinct().get()
    assert decision.decided_on == date(2020, 9, 25)
    assert decision.number_text == "01/QĐ-UBND"
    assert "Nghị định số 91/2017/NĐ-CP" in decision.basis
    records = AwardRecord.objects.filter(decision_item__decision=decision)
    assert {(r.year, r.category, r.decision_date) for r in records} == {
        (2020, "PHONG_TRAO", date(2020, 9, 25))
    }
    nominees = Nominee.objects.filter(dossier__movement=movement)
    assert {n.eligibility["rule_set"] for n in nominees} == {"LTDKT-2003"}
    assert all(n.justification and "Số liệu minh họa" in n.appraisal_note for n in nominees)
    assert set(
        Dossier.objects.filter(movement=movement).values_list("submitted_on", "appraised_on")
    ) == {(date(2020, 9, 7), date(2020, 9, 15))}
    # the 2025 demo chain is untouched: its council session and decision are still there
    assert Session.objects.filter(held_on__year=2025).count() == 1
    assert Decision.objects.filter(decided_on__year=2020).count() == 1

    # the page shows the chain instead of "no nominations yet"
    page = client.get(reverse("reports:movement_dashboard", args=[movement.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Hội đồng" in html
    assert "Bằng khen cấp bộ, ban, ngành, tỉnh: <strong>4</strong>" in html

    # a second load creates nothing
    before = _counts()
    assert load_demo() == {"created": False, "message": ""}
    assert _counts() == before
