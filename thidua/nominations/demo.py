"""Demo: the 2025 annual nomination round in Hà Tĩnh (idempotent; marker: any dossier).

Communes file their annual dossiers to the province (Tỉnh Hà Tĩnh, appraised by its Sở Nội
vụ). The nominees are real people and collectives of the awards demo, so the eligibility
results are the engine's own: the people proposed for the provincial Bằng khen are chosen
among those the engine finds eligible; one person the engine finds not eligible is proposed
anyway with a written justification. Most dossiers pass appraisal and wait for the council
(the council demo puts them on its agenda); Phường Thành Sen's dossier is returned with
reasons; a Prime Minister's certificate proposal is published for public comment and one
nominee is blocked by an open complaint.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from thidua.accounts.models import User
from thidua.awards.models import AwardRecord, AwardType
from thidua.core.events import record_event
from thidua.nominations import queries, services
from thidua.nominations.eligibility import evaluate
from thidua.nominations.models import Dossier, Nominee
from thidua.org.models import Person, Unit

YEAR = 2025
PROVINCE = "HT"
OFFICER = "bantdkt.hatinh"
# (unit code, focal account or "" for the province officer filing on the unit's behalf)
FILERS = {"HT.TRANPHU": "tranphu", "HT.THANHSEN": "thanhsen", "HT.MAIPHU": ""}
JUSTIFICATION = (
    "Phường đã đăng ký thi đua năm 2025 bằng văn bản số 12/ĐK-UBND ngày 15/01/2025; "
    "bản đăng ký chưa được nhập vào hệ thống, bản sao gửi kèm hồ sơ."
)
RETURN_REASON = (
    "Thiếu biên bản họp Hội đồng Thi đua – Khen thưởng cấp cơ sở; báo cáo thành tích của tập "
    "thể chưa có xác nhận của cấp trình. Đề nghị bổ sung và gửi lại."
)
COMPLAINT = (
    "Tôi phản ánh: số liệu thành tích trong báo cáo (tỷ lệ giải quyết hồ sơ đúng hạn 100 %) "
    "chưa đúng với thực tế năm 2025 tại bộ phận một cửa của phường."
)


def _eligible(people: list[Person], code: str, limit: int) -> list[Person]:
    now = timezone.now()
    found = []
    for person in people:
        if evaluate(person, code, YEAR, timezone.localdate(now), now).get("eligible") is True:
            found.append(person)
            if len(found) == limit:
                break
    return found


def _fresh(dossier: Dossier) -> Dossier:
    dossier.refresh_from_db()
    return dossier


def _file(
    user: User, unit: Unit, province: Unit, title: str, nominees: list[tuple[Any, str, str, str]]
) -> Dossier:
    dossier = services.create_dossier(
        user, services.DossierData(unit, province, "annual", YEAR, title)
    )
    types = {t.code: t for t in AwardType.objects.all()}
    for subject, code, achievement, justification in nominees:
        services.add_nominee(
            user,
            dossier,
            subject,
            services.NomineeData(types[code], achievement=achievement, justification=justification),
        )
    dossier = _fresh(dossier)
    services.submit_dossier(user, dossier, expected_version=dossier.version)
    return _fresh(dossier)


def _appraise(officer: User, dossier: Dossier, *, finish: bool) -> Dossier:
    services.receive_dossier(officer, dossier, expected_version=dossier.version)
    dossier = _fresh(dossier)
    items = queries.checklist_items(list(dossier.nominees.select_related("award_type")))
    services.set_checklist(
        officer,
        dossier,
        expected_version=dossier.version,
        ticks={i.code: True for i in items},
        notes={},
    )
    for nominee in dossier.nominees.all():
        if nominee.status == "submitted":
            services.appraise_nominee(
                officer, nominee, expected_version=nominee.version, result="appraised"
            )
    dossier = _fresh(dossier)
    if finish:
        services.finish_appraisal(officer, dossier, expected_version=dossier.version)
    return _fresh(dossier)


def load_demo() -> dict[str, Any]:
    if Dossier.objects.exists():
        return {"created": False}
    units = {u.code: u for u in Unit.objects.filter(code__in=[PROVINCE, *FILERS])}
    users = {u.username: u for u in User.objects.filter(username__in=[OFFICER, *FILERS.values()])}
    if len(units) < 1 + len(FILERS) or OFFICER not in users:
        return {"created": False, "message": "thiếu đơn vị hoặc tài khoản mẫu; bỏ qua."}
    with transaction.atomic():
        summary = _load(units, users)
        record_event(
            actor=None,
            action="demo.load",
            object_type="demo",
            object_id="nominations",
            object_repr="Dữ liệu mẫu: hồ sơ đề nghị khen thưởng 2025",
            after=summary,
        )
    message = (
        f"đã nạp {summary['dossiers']} hồ sơ đề nghị năm {YEAR} với {summary['nominees']} "
        f"đối tượng ({summary['appraised']} đã qua thẩm định, 1 hồ sơ bị trả lại, "
        "1 đối tượng bị tạm dừng vì khiếu nại)."
    )
    return {"created": True, "message": message, **summary}


def _load(units: dict[str, Unit], users: dict[str, User]) -> dict[str, Any]:
    province = units[PROVINCE]
    officer = users[OFFICER]

    def filer(code: str) -> User:
        return users.get(FILERS[code]) or officer

    tranphu = list(Person.objects.filter(unit=units["HT.TRANPHU"]).order_by("sort_key"))
    good = _eligible(tranphu, "BK_BT", 2)
    certificate = _eligible([p for p in tranphu if p not in good], "BK_TTG", 1)
    has_ldtt = set(
        AwardRecord.objects.filter(award_type__code="LDTT", year=YEAR).values_list(
            "person_id", flat=True
        )
    )
    chosen = {p.pk for p in good + certificate}
    weak = next((p for p in tranphu if p.pk not in chosen and p.pk not in has_ldtt), None)

    # 1. Phường Trần Phú: two eligible people for Bằng khen tỉnh, one not eligible (LĐTT)
    #    proposed with a justification; the collective itself for Tập thể lao động tiên tiến.
    rows: list[tuple[Any, str, str, str]] = [
        (
            p,
            "BK_BT",
            "Hoàn thành xuất sắc nhiệm vụ năm 2025; dẫn đầu phong trào chuyển đổi số của phường.",
            "",
        )
        for p in good
    ]
    if weak is not None:
        rows.append(
            (weak, "LDTT", "Hoàn thành tốt nhiệm vụ năm 2025 tại bộ phận một cửa.", JUSTIFICATION)
        )
    tp = _file(
        filer("HT.TRANPHU"),
        units["HT.TRANPHU"],
        province,
        "Đề nghị khen thưởng tổng kết năm 2025 của Phường Trần Phú",
        rows,
    )
    tp = _appraise(officer, tp, finish=True)

    # 2. Mai Phụ: the people the engine finds eligible for Bằng khen tỉnh; passes appraisal.
    maiphu = list(Person.objects.filter(unit=units["HT.MAIPHU"]).order_by("sort_key"))
    mp_rows = [
        (p, "BK_BT", "Có nhiều đóng góp trong xây dựng nông thôn mới nâng cao năm 2025.", "")
        for p in _eligible(maiphu, "BK_BT", 2)
    ]
    dossiers = 1
    if mp_rows:
        mp = _file(
            filer("HT.MAIPHU"),
            units["HT.MAIPHU"],
            province,
            "Đề nghị khen thưởng tổng kết năm 2025 của xã Mai Phụ",
            mp_rows,
        )
        _appraise(officer, mp, finish=True)
        dossiers += 1

    # 3. Phường Thành Sen: the collective, proposed without the council minutes: returned.
    ts = _file(
        filer("HT.THANHSEN"),
        units["HT.THANHSEN"],
        province,
        "Đề nghị khen thưởng tập thể năm 2025 của Phường Thành Sen",
        [
            (
                units["HT.THANHSEN"],
                "TTLDTT",
                "Tập thể hoàn thành tốt nhiệm vụ năm 2025.",
                "Phường đã đăng ký thi đua năm 2025 (văn bản số 05/ĐK-UBND ngày 10/01/2025).",
            )
        ],
    )
    services.receive_dossier(officer, ts, expected_version=ts.version)
    ts = _fresh(ts)
    services.return_dossier(officer, ts, expected_version=ts.version, reason=RETURN_REASON)
    dossiers += 1

    # 4. A Prime Minister's certificate (state level): published for public comment; a
    #    complaint blocks the nominee while the appraisal waits for its handling.
    blocked = 0
    if certificate:
        cert = _file(
            filer("HT.TRANPHU"),
            units["HT.TRANPHU"],
            province,
            "Đề nghị Bằng khen của Thủ tướng Chính phủ năm 2025 (Phường Trần Phú)",
            [
                (
                    certificate[0],
                    "BK_TTG",
                    "05 năm liên tục hoàn thành xuất sắc nhiệm vụ; 03 lần Chiến sĩ thi đua cơ sở.",
                    "",
                )
            ],
        )
        cert = _appraise(officer, cert, finish=False)
        cert = services.publish_dossier(
            officer, cert, expected_version=cert.version, start=timezone.localdate()
        )
        nominee = cert.nominees.get()
        services.submit_comment(
            nominee,
            services.CommentData("complaint", COMPLAINT, "Nguyễn Văn Bình", "0912 345 678"),
            address="demo",
        )
        blocked = 1
        dossiers += 1
    return {
        "dossiers": dossiers,
        "nominees": Nominee.objects.count(),
        "appraised": Nominee.objects.filter(status="appraised").count(),
        "blocked": blocked,
    }
