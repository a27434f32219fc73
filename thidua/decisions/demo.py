"""Demo: the issuing bodies of Hà Tĩnh, and a signed decision of UBND tỉnh Hà Tĩnh for the
2025 nominees the council passed, with their certificates (idempotent).

Runs after the council's demo. When no nominee has passed the council yet, only the bodies
are set up and the message says so.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from thidua.accounts.models import User
from thidua.awards.queries import authorities_on
from thidua.decisions import services
from thidua.decisions.domain.rules import is_competent
from thidua.decisions.models import Decision, IssuingBody
from thidua.nominations.models import Nominee
from thidua.org.models import Unit

SUMMARY = "Về việc khen thưởng các cá nhân, tập thể có thành tích năm 2025"
DECIDED_ON = date(2026, 1, 20)


def _body(province: Unit) -> tuple[IssuingBody, bool]:
    body = IssuingBody.objects.filter(unit=province, symbol="UBND").first()
    if body is not None:
        return body, False
    return (
        IssuingBody.objects.create(
            unit=province,
            name="Ủy ban nhân dân tỉnh Hà Tĩnh",
            head_lines="ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH",
            symbol="UBND",
            place="Hà Tĩnh",
            authority="Chủ tịch Ủy ban nhân dân cấp tỉnh",
            signer_position="Chủ tịch",
            on_behalf="TM. Ủy ban nhân dân",
        ),
        True,
    )


@transaction.atomic
def load_demo() -> dict[str, Any]:
    province = Unit.objects.filter(code="HT").first()
    if province is None:
        return {"created": 0, "message": "Chưa có tỉnh Hà Tĩnh (chạy demo của org trước)."}
    body, created_body = _body(province)
    created = int(created_body)
    if Decision.objects.filter(body=body, summary=SUMMARY).exists():
        return {"created": created, "message": "Quyết định khen thưởng năm 2025 đã có."}
    officer = User.objects.filter(username="bantdkt.hatinh").first()
    signer = User.objects.filter(username="lanhdao").first()
    if officer is None or signer is None:
        return {"created": created, "message": "Thiếu tài khoản bantdkt.hatinh hoặc lanhdao."}
    passed = list(
        Nominee.objects.filter(
            status="council_passed",
            year=2025,
            dossier__receiving_unit__path__startswith=province.path,
        )
        .select_related("award_type")
        .order_by("dossier_id", "position", "id")
    )
    decided_on = min(DECIDED_ON, timezone.localdate())
    # Only what the provincial chair may decide; the rest belongs to another authority.
    nominees = [
        n
        for n in passed
        if is_competent(
            body.authority, [a.decider for a in authorities_on(n.award_type, decided_on)]
        )
    ]
    elsewhere = len(passed) - len(nominees)
    if not nominees:
        why = (
            f"{elsewhere} đề nghị được Hội đồng thông qua thuộc thẩm quyền cấp khác"
            if elsewhere
            else "chưa có đề nghị nào được Hội đồng thông qua năm 2025"
        )
        return {
            "created": created,
            "message": f"Có cơ quan ban hành; {why} nên chưa có quyết định.",
        }
    decision = services.draft_decision(
        officer,
        body,
        services.DecisionData(summary=SUMMARY, period="năm 2025"),
        nominees=nominees,
    )
    services.submit_decision(officer, decision, expected_version=decision.version)
    services.issue_decision(
        signer,
        decision,
        expected_version=decision.version,
        decided_on=decided_on,
        signer_name=signer.full_name,
    )
    return {
        "created": created + 1 + len(nominees),
        "message": f"Quyết định số {decision.number_text}: {len(nominees)} người, tập thể được "
        "khen, có bằng và mã QR tra cứu"
        + (f"; {elsewhere} đề nghị thuộc thẩm quyền cấp khác." if elsewhere else "."),
    }
