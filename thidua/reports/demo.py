"""Demo: the final-review commendation of Hà Tĩnh's Chỉ thị 42-CT/TU movement (2020).

Runs after the org, movements, awards, nominations, council and decisions demos, and drives
the chain through the apps' own services, as those demos do:

1. two dossiers of kind "movement" (FK to the movement) reach the province: Thành phố Hà Tĩnh
   proposes two communes that completed their works and the vice-chair who led the 12 houses
   for poor households; Công ty Điện lực Hà Tĩnh proposes itself and one of its workers, for
   its two completed works. All for the provincial Bằng khen (BK_BT), category "theo đợt
   (chuyên đề)". The province officer files them on the units' behalf (the 2020 units have no
   accounts: most ended in the 2025 reform) and appraises them;
2. one session of the provincial council, held on 22/09/2020 with seats for 2020, votes by
   secret ballot: every nominee passes except Xã Thạch Bình (5 of 10 members agree, not more
   than half);
3. UBND tỉnh issues one decision for those who passed, dated 25/09/2020.

Law of 2020. The movement ran under Luật TĐKT 2003 (sửa đổi 2005, 2013) and Nghị định
91/2017/NĐ-CP, and the machinery is built for Luật TĐKT 2022. What that changes here:

* Eligibility. The services check eligibility on the day of entry (today, Luật TĐKT 2022);
  the engine does not check the old regime at all (rule set LTDKT-2003, figures null). Each
  nominee therefore carries a written justification saying so, and once the chain is recorded
  the stored result is re-computed by the engine for the historic proposal date, so that it
  names the regime in force then (manual review) rather than today's.
* Council. The packaged voting rules are in force from 01/01/2024, so a session held in 2020
  cannot be closed ("Chưa có quy định ngưỡng biểu quyết"). When no rule is in force on the
  meeting day, the default rule of the old regime (`data/demo_chi_thi_42.json`, unconfirmed,
  same figures as today's default) is added, the way the council app's migration loads its
  rules — there is no service that adds a rule.
* Dates. Services stamp today's date and time. As the council demo does with its session, the
  historic dates are set afterwards for display: dossiers sent, received and appraised in
  September 2020, the session's times on its meeting day. The decision is dated 25/09/2020
  by the service itself; bonuses stay empty (the bonus table starts in 2024; Article 2 points
  to Nghị định 91/2017).

Everything invented (the dossiers, achievements, votes, the council's 2020 seats, the decision
number and date) is marked "Số liệu minh họa". Idempotent: nothing is loaded when a dossier of
the movement exists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from thidua.accounts.choices import Role
from thidua.accounts.models import RoleAssignment, User
from thidua.awards.choices import Category
from thidua.awards.models import AwardType
from thidua.core.errors import DomainError
from thidua.core.events import record_event
from thidua.council import queries as council_queries
from thidua.council import services as council_services
from thidua.council.models import Council, CouncilMember, Session, VotingRule
from thidua.decisions import services as decision_services
from thidua.decisions.models import IssuingBody
from thidua.movements.models import Movement
from thidua.nominations import queries as nomination_queries
from thidua.nominations import services as nomination_services
from thidua.nominations.eligibility import evaluate
from thidua.nominations.models import Dossier, Nominee
from thidua.org.models import Person, Unit

DATA = Path(__file__).parent / "data" / "demo_chi_thi_42.json"
PROVINCE = "HT"
DOCUMENT_NUMBER = "42-CT/TU"
YEAR = 2020
AWARD = "BK_BT"
OFFICER, SECRETARY, SIGNER = "bantdkt.hatinh", "thuky", "lanhdao"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
ILLUSTRATIVE = "Số liệu minh họa (bài báo không nêu)"

# The chain's days (illustrative): the movement ended on 31/08/2020; its final review
# ("Tổng kết đợt thi đua cao điểm") was due on 30/09/2020.
SUBMITTED_ON = date(2020, 9, 7)
RECEIVED_ON = date(2020, 9, 8)
APPRAISED_ON = date(2020, 9, 15)
HELD_ON = date(2020, 9, 22)
DECIDED_ON = date(2020, 9, 25)
# The council's seats used for the 2020 session (the council demo's seats start in 2024).
SEATS_FROM, SEATS_TO = date(2020, 1, 1), date(2023, 12, 31)
ABSENT = "hd.ldld"  # on mission, does not vote

JUSTIFICATION = (
    "Khen thưởng theo đợt (chuyên đề) tổng kết đợt thi đua cao điểm theo Chỉ thị số 42-CT/TU "
    "ngày 28/02/2020 của Ban Thường vụ Tỉnh ủy; thành tích năm 2020 xét theo Luật Thi đua, "
    "khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013) và Nghị định số 91/2017/NĐ-CP. Hệ thống "
    "không tự kiểm tra tiêu chuẩn theo chế độ này; Ban Thi đua – Khen thưởng thẩm định theo "
    "hồ sơ."
)
APPRAISAL_NOTE = (
    "Đạt tiêu chuẩn Bằng khen theo đợt, chuyên đề (Nghị định số 91/2017/NĐ-CP). "
    f"{ILLUSTRATIVE}: hồ sơ, thành tích và kết quả thẩm định là dữ liệu mẫu."
)


@dataclass(frozen=True, slots=True)
class NomineeRow:
    unit_code: str
    achievement: str
    # for a person: the first (by name) of the unit's people whose position contains this;
    # empty for the collective itself
    person_position: str = ""
    passes: bool = True


@dataclass(frozen=True, slots=True)
class DossierRow:
    unit_code: str
    title: str
    nominees: tuple[NomineeRow, ...]


DOSSIERS = (
    DossierRow(
        "HT.TPHT",
        "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh tổng kết đợt thi đua cao điểm theo Chỉ "
        "thị số 42-CT/TU (Thành phố Hà Tĩnh)",
        (
            NomineeRow(
                "HT.TPHT.THACHHA",
                "Hoàn thành và khánh thành nhà văn hóa thôn Liên Hà (850 triệu đồng, ngân sách "
                "xã và nhân dân đóng góp) trước đại hội Đảng bộ xã; hoàn thành các nội dung "
                "đăng ký thi đua của đợt thi đua cao điểm.",
            ),
            NomineeRow(
                "HT.TPHT",
                "Trực tiếp chỉ đạo vận động xã hội hóa làm mới 12 nhà ở cho hộ nghèo (600 triệu "
                "đồng) và khánh thành Công viên Trung tâm thành phố trong đợt thi đua cao điểm.",
                person_position="Phó Chủ tịch",
            ),
            NomineeRow(
                "HT.TPHT.THACHBINH",
                "Hoàn thành đường giao thông nông thôn thôn Đồng Văn trong đợt thi đua cao điểm.",
                passes=False,
            ),
        ),
    ),
    DossierRow(
        "HT.DN.PCHT",
        "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh tổng kết đợt thi đua cao điểm theo Chỉ "
        "thị số 42-CT/TU (Công ty Điện lực Hà Tĩnh)",
        (
            NomineeRow(
                "HT.DN.PCHT",
                "Hoàn thành hai công trình chào mừng đại hội: cải tạo lưới điện nông thôn xã "
                "Cẩm Lĩnh và thắp sáng đường quê xã Cẩm Trung.",
            ),
            NomineeRow(
                "HT.DN.PCHT",
                "Trực tiếp thi công cải tạo lưới điện nông thôn xã Cẩm Lĩnh, bảo đảm tiến độ "
                "trước đại hội Đảng bộ các cấp.",
                person_position="Công nhân",
            ),
        ),
    ),
)

SESSION_TITLE = "Phiên họp xét khen thưởng tổng kết đợt thi đua cao điểm theo Chỉ thị số 42-CT/TU"
SESSION_NOTES = (
    "Hội đồng thống nhất đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho các tập thể, cá nhân "
    "được quá nửa tổng số thành viên Hội đồng đồng ý. "
    f"{ILLUSTRATIVE}: thành phần Hội đồng năm 2020 và kết quả biểu quyết là dữ liệu mẫu."
)
SUMMARY = (
    "Về việc tặng Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc trong đợt thi đua "
    "cao điểm lập thành tích chào mừng đại hội đảng bộ các cấp, Đại hội Đảng bộ tỉnh lần thứ "
    "XIX, tiến tới Đại hội lần thứ XIII của Đảng"
)
PERIOD = (
    "xuất sắc trong đợt thi đua cao điểm từ ngày 01/3/2020 đến ngày 31/8/2020 theo Chỉ thị số "
    "42-CT/TU"
)
BASIS = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
    "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 "
    "tháng 11 năm 2019;\n"
    "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số "
    "điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;\n"
    "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết "
    "thi hành một số điều của Luật Thi đua, khen thưởng;\n"
    "Căn cứ Chỉ thị số 42-CT/TU ngày 28 tháng 02 năm 2020 của Ban Thường vụ Tỉnh ủy về tổ chức "
    "phong trào thi đua lập thành tích chào mừng đại hội đảng bộ các cấp, Đại hội Đảng bộ tỉnh "
    "lần thứ XIX, tiến tới Đại hội lần thứ XIII của Đảng;\n"
    "Xét đề nghị của Giám đốc Sở Nội vụ và kết quả biểu quyết của Hội đồng Thi đua – Khen thưởng "
    "tỉnh;"
)
ARTICLE_2 = (
    "Các tập thể, cá nhân có tên tại Điều 1 được hưởng tiền thưởng theo quy định tại Nghị định "
    "số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ."
)


def load_demo() -> dict[str, Any]:
    movement = (
        Movement.objects.filter(organiser__code=PROVINCE, document_number=DOCUMENT_NUMBER)
        .select_related("organiser")
        .first()
    )
    if movement is None:
        return {
            "created": False,
            "message": "chưa có phong trào Chỉ thị 42-CT/TU của Hà Tĩnh; bỏ qua khen thưởng tổng kết.",
        }
    if Dossier.objects.filter(movement=movement).exists():
        return {"created": False, "message": ""}
    users = {u.username: u for u in User.objects.filter(username__in=[OFFICER, SECRETARY, SIGNER])}
    if len(users) < 3:
        return {
            "created": False,
            "message": "thiếu tài khoản bantdkt.hatinh, thuky hoặc lanhdao; bỏ qua.",
        }
    try:
        with transaction.atomic():
            summary = _load(movement, users)
            record_event(
                actor=None,
                action="demo.load",
                object_type="demo",
                object_id="reports",
                object_repr="Dữ liệu mẫu: khen thưởng tổng kết Chỉ thị 42-CT/TU (2020)",
                after=summary,
            )
    except DomainError as exc:
        return {"created": False, "message": f"không nạp được khen thưởng tổng kết: {exc.message}"}
    message = (
        f"khen thưởng tổng kết Chỉ thị 42-CT/TU năm {YEAR}: {summary['dossiers']} hồ sơ, "
        f"{summary['nominees']} đối tượng, Hội đồng {summary['passed']} đạt và "
        f"{summary['failed']} không đạt, Quyết định số {summary['decision']} ngày "
        f"{DECIDED_ON:%d/%m/%Y} khen {summary['awarded']} tập thể, cá nhân (số liệu minh họa)."
    )
    return {"created": True, "message": message, **summary}


def _load(movement: Movement, users: dict[str, User]) -> dict[str, Any]:
    province = movement.organiser
    officer = users[OFFICER]
    dossiers, failing = _file_and_appraise(movement, province, officer)
    nominees = [n for d in dossiers for n in d.nominees.select_related("award_type")]
    session = _council(province, users[SECRETARY], nominees, failing)
    passed = list(
        Nominee.objects.filter(dossier__in=dossiers, status="council_passed")
        .select_related("award_type")
        .order_by("dossier_id", "position", "id")
    )
    decision = _decide(province, officer, users[SIGNER], passed)
    _set_historic_dates(dossiers, session)
    return {
        "dossiers": len(dossiers),
        "nominees": len(nominees),
        "passed": len(passed),
        "failed": len(nominees) - len(passed),
        "awarded": decision.items.count(),
        "decision": decision.number_text,
    }


# ------------------------------------------------------------------------------ nominations


def _person(unit: Unit, position: str) -> Person:
    people = Person.objects.filter(unit=unit).order_by("sort_key", "id")
    found = people.filter(position__icontains=position).first() or people.first()
    if found is None:
        raise DomainError("DEMO_NO_PERSON", f"{unit.name} chưa có cá nhân nào trong dữ liệu mẫu.")
    return found


def _file_and_appraise(
    movement: Movement, province: Unit, officer: User
) -> tuple[list[Dossier], set[int]]:
    award = AwardType.objects.get(code=AWARD)
    codes = {r.unit_code for d in DOSSIERS for r in d.nominees} | {d.unit_code for d in DOSSIERS}
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    dossiers, failing = [], set()
    for row in DOSSIERS:
        dossier = nomination_services.create_dossier(
            officer,
            nomination_services.DossierData(
                units[row.unit_code], province, "movement", YEAR, row.title, movement=movement
            ),
        )
        for n in row.nominees:
            unit = units[n.unit_code]
            subject: Person | Unit = _person(unit, n.person_position) if n.person_position else unit
            nominee = nomination_services.add_nominee(
                officer,
                dossier,
                subject,
                nomination_services.NomineeData(
                    award,
                    category=Category.PHONG_TRAO,
                    achievement=n.achievement,
                    justification=JUSTIFICATION,
                ),
            )
            if not n.passes:
                failing.add(nominee.pk)
        dossier.refresh_from_db()
        nomination_services.submit_dossier(officer, dossier, expected_version=dossier.version)
        dossier.refresh_from_db()
        nomination_services.receive_dossier(officer, dossier, expected_version=dossier.version)
        dossier.refresh_from_db()
        items = nomination_queries.checklist_items(
            list(dossier.nominees.select_related("award_type"))
        )
        nomination_services.set_checklist(
            officer,
            dossier,
            expected_version=dossier.version,
            ticks={i.code: True for i in items},
            notes={},
        )
        for nominee in dossier.nominees.select_related("award_type", "person", "unit"):
            nomination_services.appraise_nominee(
                officer,
                nominee,
                expected_version=nominee.version,
                result="appraised",
                reason=APPRAISAL_NOTE,
            )
        dossier.refresh_from_db()
        nomination_services.finish_appraisal(officer, dossier, expected_version=dossier.version)
        dossier.refresh_from_db()
        dossiers.append(dossier)
    return dossiers, failing


# ---------------------------------------------------------------------------------- council


def _old_regime_rule(award: AwardType) -> None:
    """Without a voting rule in force on the meeting day the session cannot be closed: add the
    old regime's default rule (data file, unconfirmed) unless one is already in force."""
    if council_queries.rule_row_for(award, HELD_ON) is not None:
        return
    row = json.loads(DATA.read_text(encoding="utf-8"))["old_regime_voting_rule"]
    VotingRule.objects.create(
        award_code=row["award_code"],
        level=row["level"],
        base=row["base"],
        percent=Decimal(row["percent"]),
        comparison=row["comparison"],
        quorum_numerator=row["quorum_numerator"],
        quorum_denominator=row["quorum_denominator"],
        secret=row["secret"],
        effective_from=date.fromisoformat(row["effective_from"]),
        basis=row["basis"],
        confirmed=row["confirmed"],
    )


def _seats(council: Council, secretary: User) -> list[CouncilMember]:
    """The seats in force on the meeting day; when there are none, the council demo's members
    get seats for 2020–2023 (illustrative: the real 2020 composition is not modelled)."""
    from thidua.council.demo import MEMBERS, _user

    seats = list(council_queries.members_on(council, HELD_ON).order_by("id"))
    if seats:
        return seats
    for username, full_name, position, role in MEMBERS:
        user = _user(username, full_name)
        RoleAssignment.objects.get_or_create(user=user, role=Role.COUNCIL_MEMBER, unit=council.body)
        seats.append(
            council_services.add_member(
                secretary,
                council,
                council_services.MemberData(
                    full_name, position, role, SEATS_FROM, valid_to=SEATS_TO, user=user
                ),
            )
        )
    return seats


def _council(
    province: Unit, secretary: User, nominees: list[Nominee], failing: set[int]
) -> Session:
    from thidua.council.demo import COUNCIL_NAME

    council = Council.objects.filter(body=province).order_by("id").first()
    if council is None:
        council = council_services.create_council(secretary, province, COUNCIL_NAME)
    _old_regime_rule(nominees[0].award_type)
    seats = _seats(council, secretary)
    now = timezone.now()
    session = council_services.create_session(
        secretary,
        council,
        council_services.SessionData(
            title=SESSION_TITLE,
            held_on=HELD_ON,
            place="Phòng họp số 1, UBND tỉnh Hà Tĩnh",
            # the services accept ballots only inside the window: around now, moved afterwards
            ballot_opens_at=now - timedelta(minutes=5),
            ballot_closes_at=now + timedelta(hours=1),
            chaired_by=f"{seats[0].full_name}, {seats[0].title}",
            notes=SESSION_NOTES,
        ),
    )
    items = [council_services.add_agenda_item(secretary, session, n) for n in nominees]
    session.refresh_from_db()
    present = [s for s in seats if s.user is not None and s.user.username != ABSENT]
    session = council_services.open_session(
        secretary, session, [s.pk for s in present], session.version
    )
    # Every present member agrees, except on the failing item: 5 agree, 3 disagree, 1
    # abstains — 5 of 10 members is not more than half.
    against = {len(present) - 4: "no", len(present) - 3: "no", len(present) - 2: "no"}
    against[len(present) - 1] = "abstain"
    for index, seat in enumerate(present):
        choices = {
            item.pk: against.get(index, "yes") if item.nominee_id in failing else "yes"
            for item in items
        }
        council_services.cast_ballots(seat.user, session, choices)
    session.refresh_from_db()
    return council_services.close_session(secretary, session, session.version)


# -------------------------------------------------------------------------------- decision


def _body(province: Unit, officer: User) -> IssuingBody:
    body = IssuingBody.objects.filter(unit=province, symbol="UBND").first()
    if body is not None:
        return body
    return decision_services.save_issuing_body(
        officer,
        decision_services.BodyData(
            unit=province,
            name="Ủy ban nhân dân tỉnh Hà Tĩnh",
            head_lines="ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH",
            symbol="UBND",
            place="Hà Tĩnh",
            authority="Chủ tịch Ủy ban nhân dân cấp tỉnh",
            signer_position="Chủ tịch",
            on_behalf="TM. Ủy ban nhân dân",
        ),
    )


def _decide(province: Unit, officer: User, signer: User, passed: list[Nominee]) -> Any:
    body = _body(province, officer)
    collectives = sum(1 for n in passed if n.unit_id is not None)
    article_1 = (
        f"Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho {collectives:02d} tập thể và "
        f"{len(passed) - collectives:02d} cá nhân đã có thành tích {PERIOD} "
        "(có danh sách kèm theo)."
    )
    decision = decision_services.draft_decision(
        officer,
        body,
        decision_services.DecisionData(
            summary=SUMMARY,
            period=PERIOD,
            category=Category.PHONG_TRAO,
            basis=BASIS,
            article_1=article_1,
            article_2=ARTICLE_2,
        ),
        nominees=passed,
    )
    decision_services.submit_decision(officer, decision, expected_version=decision.version)
    decision.refresh_from_db()
    return decision_services.issue_decision(
        signer,
        decision,
        expected_version=decision.version,
        decided_on=DECIDED_ON,
        signer_name=signer.full_name,
    )


# -------------------------------------------------------------------------- historic dates


def _set_historic_dates(dossiers: list[Dossier], session: Session) -> None:
    """Move what the services stamped with today to the days of 2020 (for display, as the
    council demo does with its session), and store the engine's result for the historic
    proposal date: the rule set of the regime in force then."""
    Dossier.objects.filter(pk__in=[d.pk for d in dossiers]).update(
        submitted_on=SUBMITTED_ON, received_on=RECEIVED_ON, appraised_on=APPRAISED_ON, due_on=None
    )
    now = timezone.now()
    for nominee in Nominee.objects.filter(dossier__in=dossiers).select_related(
        "award_type", "person", "unit", "household"
    ):
        result = evaluate(nominee.subject, nominee.award_type.code, nominee.year, SUBMITTED_ON, now)
        eligible = result.get("eligible")
        Nominee.objects.filter(pk=nominee.pk).update(
            eligibility=result,
            eligible=eligible if isinstance(eligible, bool) else None,
            eligibility_checked_at=now,
        )
    meeting = datetime(HELD_ON.year, HELD_ON.month, HELD_ON.day, 8, 0, tzinfo=TZ)
    Session.objects.filter(pk=session.pk).update(
        ballot_opens_at=meeting + timedelta(hours=1),
        ballot_closes_at=meeting + timedelta(hours=2),
        opened_at=meeting,
        closed_at=meeting + timedelta(hours=2, minutes=30),
    )
