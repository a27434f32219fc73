"""The eligibility engine: does a subject meet the legal standard of a title or form?

Each standard is a small function returning a `Check` with a stable code, a Vietnamese message a
person can act on, and its legal basis. Legal figures come from `RuleParameters` (versioned
data), never from literals here. Sources: Luật TĐKT 2022 (Điều 21–24, 27–28, 43–44, 73–74),
Nghị định 98/2023/NĐ-CP and 152/2025/NĐ-CP Điều 4 (principles), Công văn 3385/BTĐKT-P.II (one
initiative supports one award). The public contract is `contracts/eligibility.md`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from thidua.awards.domain.catalogue import AwardDefinition
from thidua.awards.domain.parameters import (
    Figure,
    Figures,
    RuleParameters,
    ShareThreshold,
    select_rule_set,
)
from thidua.awards.domain.types import (
    AwardCategory,
    AwardRecord,
    Check,
    DisciplinePeriod,
    EligibilityQuery,
    EligibilityResult,
    Rating,
    RecognitionLevel,
    SubjectKind,
)

# Check codes fixed by the contract.
NO_DISCIPLINE = "NO_DISCIPLINE"
REGISTERED = "REGISTERED"
MANUAL_REVIEW = "MANUAL_REVIEW"

#: Annual titles that need an emulation registration (contract rule 3).
ANNUAL_TITLES = frozenset({"LDTT", "CSTT", "CSTDCS", "TTLDTT", "TTLDXS"})
#: Standards written for individuals only; other subjects get MANUAL_REVIEW.
INDIVIDUAL_ONLY_STANDARDS = frozenset({"BK_BT", "BK_TTG", "HCLD3", "HCLD2"})
#: Member counts each collective standard reads; the contract requires them in the input.
MEMBER_FIELDS_REQUIRED: Mapping[str, tuple[str, ...]] = {
    "TTLDTT": ("total", "ldtt", "disciplined_canh_cao_or_above"),
    "TTLDXS": ("total", "htnv_or_better", "ldtt", "cstdcs"),
}

# Categories that never count toward a công trạng prerequisite (NĐ 152/2025, Điều 4).
_NON_COUNTING_CATEGORIES = frozenset({AwardCategory.DOT_XUAT, AwardCategory.PHONG_TRAO})
_GOOD_RATINGS = frozenset({Rating.HTT, Rating.HTXS})

_RATING_TEXT = {
    Rating.HTXS: "hoàn thành xuất sắc nhiệm vụ",
    Rating.HTT: "hoàn thành tốt nhiệm vụ",
    Rating.HT: "hoàn thành nhiệm vụ",
    Rating.KHT: "không hoàn thành nhiệm vụ",
}
_LEVEL_TEXT = {
    RecognitionLevel.CO_SO: "cấp cơ sở",
    RecognitionLevel.BO_TINH: "cấp bộ, ban, ngành, tỉnh",
    RecognitionLevel.TOAN_QUOC: "cấp toàn quốc",
}
_DISCIPLINE_TEXT = {
    "KHIEN_TRACH": "khiển trách",
    "CANH_CAO": "cảnh cáo",
    "HA_BAC_LUONG": "hạ bậc lương",
    "GIANG_CHUC": "giáng chức",
    "CACH_CHUC": "cách chức",
    "BAI_NHIEM": "bãi nhiệm",
    "BUOC_THOI_VIEC": "buộc thôi việc",
}
_CATEGORY_TEXT = {
    AwardCategory.DOT_XUAT: "khen thưởng đột xuất",
    AwardCategory.PHONG_TRAO: "khen thưởng theo đợt (chuyên đề)",
}
_UNCONFIRMED = (
    "Lưu ý: con số/quy định áp dụng ở đây là tham số cấu hình, chưa được xác nhận với văn bản "
    "pháp luật hiện hành; cần đối chiếu khi thẩm định."
)
_COUNCIL_DECIDES = "Hội đồng Thi đua – Khen thưởng xem xét, quyết định."


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def check_eligibility(
    query: EligibilityQuery,
    catalogue: Mapping[str, AwardDefinition],
    parameters: RuleParameters | Sequence[RuleParameters],
) -> EligibilityResult:
    """Evaluate every standard of `query.award` for year `query.year` and give the reasons.

    `parameters` is either the rule set to apply or all versioned sets, in which case the one in
    force on `query.proposal_date` is chosen (Luật TĐKT 2022 from 01/01/2024, with NĐ 98/2023
    until 30/06/2025 and NĐ 152/2025 after). General rules applied to every machine-checked code:
    discipline and investigation block a proposal and restart the achievement period; đột xuất
    and theo đợt awards never count toward a công trạng prerequisite (NĐ 98/2023 and NĐ 152/2025,
    Điều 4); registration for annual titles (legal-rules §2.3.8, a parameter). Codes without a
    machine-checkable standard are answered with a single MANUAL_REVIEW check.

    Raises ValueError when the award code is not in the catalogue or does not apply to the
    subject's kind (the contract treats both as invalid input, caught before this call).
    """
    definition = catalogue.get(query.award)
    if definition is None:
        raise ValueError(f"award code {query.award!r} is not in the catalogue")
    if not definition.applies_to(query.record.kind):
        raise ValueError(f"award {query.award} does not apply to a {query.record.kind.value}")
    params = (
        parameters
        if isinstance(parameters, RuleParameters)
        else select_rule_set(parameters, query.proposal_date)
    )
    if params.figures is None:
        return _single(query, params, _regime_manual_review(query, definition, params))
    standard = _standard_for(query.award, query.record.kind)
    if standard is None:
        return _single(query, params, _manual_review(query, definition))
    figures = params.figures
    context = _Context(query, definition, catalogue, params, figures)
    checks = [_no_discipline(context)]
    if query.award in ANNUAL_TITLES and figures.registration_required.value:
        checks.append(_registered(context))
    checks.extend(standard(context))
    return EligibilityResult.from_checks(query.award, query.year, params.rule_set, tuple(checks))


def check_many(
    queries: Iterable[EligibilityQuery],
    catalogue: Mapping[str, AwardDefinition],
    parameters: RuleParameters | Sequence[RuleParameters],
) -> tuple[EligibilityResult, ...]:
    """`check_eligibility` for each query, results in the same order (the contract's batch
    input); same legal sources as `check_eligibility` (Luật TĐKT 2022, NĐ 98/2023, NĐ 152/2025)."""
    return tuple(check_eligibility(query, catalogue, parameters) for query in queries)


def is_machine_checkable(award: str, kind: SubjectKind) -> bool:
    """Whether the engine has a machine-checkable standard for this code and subject kind: the
    individual and collective ladders of Luật TĐKT 2022 (Điều 21–24, 27–28, 43–44, 73–74) as
    tabled in `contracts/eligibility.md`. Otherwise the council decides (MANUAL_REVIEW)."""
    return _standard_for(award, kind) is not None


# ---------------------------------------------------------------------------------------------
# Context and counting rules shared by the standards
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    query: EligibilityQuery
    definition: AwardDefinition
    catalogue: Mapping[str, AwardDefinition]
    params: RuleParameters
    figures: Figures

    @property
    def year(self) -> int:
        return self.query.year

    @property
    def last_blocked_year(self) -> int | None:
        """The latest year in which a discipline period ended: that year and every earlier one
        cannot count toward a chain or window (NĐ 152/2025, Điều 4: the achievement period
        restarts when discipline ends). Periods still in force are NO_DISCIPLINE's concern;
        periods starting after the proposal date did not exist when it was made."""
        day = self.query.proposal_date
        ended = [
            period.end.year
            for period in self.query.record.discipline
            if period.end is not None and period.start <= day
        ]
        return max(ended, default=None)

    def countable(self, year: int) -> bool:
        blocked = self.last_blocked_year
        return blocked is None or year > blocked

    def name_of(self, code: str) -> str:
        definition = self.catalogue.get(code)
        return definition.name_vi if definition else code


def _counts(award: AwardRecord, *, cong_trang_only: bool = False) -> bool:
    """Contract rule 1: only non-revoked awards count, and never đột xuất or theo đợt ones."""
    if award.revoked:
        return False
    if cong_trang_only:
        return award.category is AwardCategory.CONG_TRANG
    return award.category not in _NON_COUNTING_CATEGORIES


def _award_years(context: _Context, code: str, *, cong_trang_only: bool = False) -> set[int]:
    return {
        award.year
        for award in context.query.record.awards
        if award.code == code and _counts(award, cong_trang_only=cong_trang_only)
    }


def _window(context: _Context, years_back: int) -> list[int]:
    return list(range(context.year - years_back, context.year + 1))


def _rating(context: _Context, year: int) -> Rating | None:
    return context.query.record.ratings.get(year)


# ---------------------------------------------------------------------------------------------
# General checks: NO_DISCIPLINE, REGISTERED, MANUAL_REVIEW
# ---------------------------------------------------------------------------------------------


def _no_discipline(context: _Context) -> Check:
    """NĐ 152/2025 (and NĐ 98/2023), Điều 4: no proposal while disciplined or investigated."""
    record, day = context.query.record, context.query.proposal_date
    in_force = [
        period
        for period in record.discipline
        if period.start <= day and (period.end is None or period.end >= day)
    ]
    basis = context.params.principles_basis
    problems = [
        f"đang trong thời gian kỷ luật {_discipline_text(period)} tại ngày đề nghị "
        f"{_date_text(day)}"
        for period in in_force
    ]
    if record.under_investigation:
        problems.append(
            "đang bị điều tra, thanh tra, kiểm tra hoặc xác minh khiếu nại, tố cáo liên quan"
        )
    if problems:
        return Check(
            NO_DISCIPLINE,
            False,
            f"Chưa được đề nghị khen thưởng: {'; '.join(problems)}. Chỉ đề nghị lại khi đã hết "
            "thời hạn kỷ luật hoặc đã có kết luận; thời gian tính thành tích bắt đầu lại từ khi "
            "hết kỷ luật.",
            basis,
        )
    return Check(
        NO_DISCIPLINE,
        True,
        f"Không có kỷ luật còn hiệu lực và không đang bị điều tra, xác minh tại ngày đề nghị "
        f"{_date_text(day)}.",
        basis,
    )


def _registered(context: _Context) -> Check:
    """Registration for an annual title (legal-rules §2.3.8, ND 91/2017 [OLD]; a parameter)."""
    figure = context.figures.registration_required
    title = context.definition.name_vi
    if context.query.record.registered:
        message = f"Đã đăng ký thi đua năm {context.year} (danh hiệu {title})."
    else:
        message = (
            f"Chưa đăng ký thi đua năm {context.year}: cần có bản đăng ký danh hiệu {title} "
            "từ đầu năm (đăng ký thi đua) thì mới được xét."
        )
    return _figure_check(REGISTERED, context.query.record.registered, message, figure)


def _manual_review(query: EligibilityQuery, definition: AwardDefinition) -> Check:
    """No machine-checkable standard for this code (or for this kind of subject)."""
    note = _MANUAL_REVIEW_NOTES.get(query.award, "")
    if query.award in INDIVIDUAL_ONLY_STANDARDS and query.record.kind is not SubjectKind.INDIVIDUAL:
        note = (
            f"Tiêu chuẩn kiểm tra tự động của {definition.name_vi} chỉ áp dụng cho cá nhân; "
            "tiêu chuẩn đối với tập thể, hộ gia đình chưa được xác nhận."
        )
    message = (
        f"Chưa có tiêu chuẩn kiểm tra tự động cho {definition.name_vi} ({definition.code}) "
        f"đối với đối tượng này. {note + ' ' if note else ''}{_COUNCIL_DECIDES}"
    )
    return Check(MANUAL_REVIEW, False, message, definition.legal_basis)


_MANUAL_REVIEW_NOTES = {
    "DVTT": (
        "Tiêu chuẩn tính theo tỷ lệ 'Chiến sĩ tiên tiến' trong đơn vị, là số liệu không có trong "
        "dữ liệu đầu vào; tiêu chuẩn chưa được xác nhận."
    ),
    "DVQT": (
        "Tiêu chuẩn tính theo tỷ lệ 'Chiến sĩ tiên tiến' trong đơn vị, là số liệu không có trong "
        "dữ liệu đầu vào."
    ),
    "HCLD1": "Tiêu chuẩn Điều 42 Luật TĐKT 2022 chưa được xác nhận.",
}


def _regime_manual_review(
    query: EligibilityQuery, definition: AwardDefinition, params: RuleParameters
) -> Check:
    message = (
        f"{definition.name_vi} ({definition.code}): ngày đề nghị "
        f"{_date_text(query.proposal_date)} {params.manual_review_reason} {_COUNCIL_DECIDES}"
    )
    return Check(MANUAL_REVIEW, False, message, params.principles_basis)


def _single(query: EligibilityQuery, params: RuleParameters, check: Check) -> EligibilityResult:
    return EligibilityResult.from_checks(query.award, query.year, params.rule_set, (check,))


# ---------------------------------------------------------------------------------------------
# Lao động tiên tiến / Chiến sĩ tiên tiến (Luật TĐKT 2022, Điều 24)
# ---------------------------------------------------------------------------------------------


def _ldtt(context: _Context) -> list[Check]:
    checks = [_rating_in(context, _GOOD_RATINGS, context.definition.legal_basis)]
    if context.figures.ldtt_discipline_blocks.value:
        checks.append(_discipline_in_year(context))
    return checks


def _rating_in(context: _Context, accepted: frozenset[Rating], basis: str, note: str = "") -> Check:
    """RATING_Y: the year's rating is one of `accepted`."""
    year, rating = context.year, _rating(context, context.year)
    wanted = _accepted_text(accepted)
    if rating is None:
        message = (
            f"Chưa có kết quả đánh giá, xếp loại năm {year}; cần bổ sung kết quả đạt {wanted}."
        )
    elif rating in accepted:
        message = f"Năm {year} được đánh giá {_RATING_TEXT[rating]} (yêu cầu: {wanted})."
    else:
        message = (
            f"Năm {year} chỉ được đánh giá {_RATING_TEXT[rating]}; danh hiệu này cần {wanted}."
        )
    return Check("RATING_Y", rating in accepted, _join(message, note), basis)


def _discipline_in_year(context: _Context) -> Check:
    """DISCIPLINE_IN_YEAR: no discipline (khiển trách or above) in force during Y [U]."""
    periods = _periods_during(context.query.record.discipline, context.year)
    if periods:
        listed = "; ".join(_discipline_text(period) for period in periods)
        message = (
            f"Bị kỷ luật trong năm {context.year} ({listed}), nên chưa đủ tiêu chuẩn năm này; "
            "có thể đề nghị cho năm sau khi đã hết thời hạn kỷ luật."
        )
    else:
        message = f"Không bị kỷ luật từ mức khiển trách trở lên trong năm {context.year}."
    return _figure_check(
        "DISCIPLINE_IN_YEAR", not periods, message, context.figures.ldtt_discipline_blocks
    )


def _periods_during(periods: Iterable[DisciplinePeriod], year: int) -> list[DisciplinePeriod]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    # Every disciplinary measure is at least khiển trách, the lightest form.
    return [p for p in periods if p.start <= last and (p.end is None or p.end >= first)]


# ---------------------------------------------------------------------------------------------
# Chiến sĩ thi đua cơ sở (Luật TĐKT 2022, Điều 23)
# ---------------------------------------------------------------------------------------------


def _cstdcs(context: _Context) -> list[Check]:
    return [_ldtt_standard(context), _cstdcs_achievement(context)]


def _ldtt_standard(context: _Context) -> Check:
    """LDTT_STANDARD: meets the Lao động tiên tiến standard for Y, i.e. every LĐTT check passes
    (Luật TĐKT 2022, Điều 23 refers to Điều 24)."""
    parts = _ldtt(context)
    passed = all(part.passed for part in parts)
    verdict = "Đạt" if passed else "Chưa đạt"
    message = f"{verdict} tiêu chuẩn {context.name_of('LDTT')} năm {context.year}:"
    return Check(
        "LDTT_STANDARD",
        passed,
        _join(message, *(part.message for part in parts)),
        context.definition.legal_basis,
    )


def _cstdcs_achievement(context: _Context) -> Check:
    """CSTDCS_ACHIEVEMENT: rating HTXS in Y, or an unused initiative of Y, or unused research
    accepted in Y (Luật TĐKT 2022, Điều 23)."""
    year, record = context.year, context.query.record
    reasons: list[str] = []
    if _rating(context, year) is Rating.HTXS:
        reasons.append(f"năm {year} được đánh giá {_RATING_TEXT[Rating.HTXS]}")
    reasons.extend(
        f"có sáng kiến {_item_id(item.id)} ({_LEVEL_TEXT[item.level]}) năm {year} chưa dùng cho "
        "khen thưởng khác"
        for item in record.initiatives
        if item.year == year and item.used_for is None
    )
    reasons.extend(
        f"có đề tài {_item_id(item.id)} nghiệm thu năm {year} chưa dùng cho khen thưởng khác"
        for item in record.research
        if item.accepted_year == year and item.used_for is None
    )
    basis = context.definition.legal_basis
    if reasons:
        message = f"Đạt điều kiện thành tích: {'; '.join(reasons)}."
        return Check("CSTDCS_ACHIEVEMENT", True, message, basis)
    used = _used_evidence_notes(item for item in _evidence(context) if item.year == year)
    message = (
        f"Năm {year} chưa có một trong các thành tích: được đánh giá "
        f"{_RATING_TEXT[Rating.HTXS]}; sáng kiến được công nhận trong năm; hoặc đề tài nghiên cứu "
        "được nghiệm thu trong năm (sáng kiến, đề tài phải chưa dùng cho khen thưởng khác)."
    )
    return Check("CSTDCS_ACHIEVEMENT", False, _join(message, used), basis)


# ---------------------------------------------------------------------------------------------
# Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh (Điều 22) and toàn quốc (Điều 21)
# ---------------------------------------------------------------------------------------------


def _cstdbt(context: _Context) -> list[Check]:
    figures = context.figures
    length = figures.cstdbt_cstdcs_chain_length
    years = list(range(context.year - length.value + 1, context.year + 1))
    return [
        _award_chain(context, "CSTDCS_CHAIN", "CSTDCS", years, length),
        _evidence_level(
            context,
            RecognitionLevel.BO_TINH,
            figures.cstdbt_evidence_years_back,
            extra_figures=(length,),
        ),
    ]


def _cstdtq(context: _Context) -> list[Check]:
    figures = context.figures
    count, interval = figures.cstdtq_cstdbt_chain_length, figures.cstdtq_cstdbt_interval_years
    years = sorted(context.year - step * interval.value for step in range(count.value))
    return [
        _award_chain(context, "CSTDBT_CHAIN", "CSTDBT", years, count, interval),
        _evidence_level(context, RecognitionLevel.TOAN_QUOC, figures.cstdtq_evidence_years_back),
    ]


def _award_chain(
    context: _Context, check_code: str, award_code: str, years: list[int], *figures: Figure[int]
) -> Check:
    """A chain: a counting `award_code` award for each of `years`, none of them blocked by an
    ended discipline period (Điều 21–22: "liên tục"; NĐ 152/2025, Điều 4)."""
    held = _award_years(context, award_code)
    counted = [year for year in years if year in held and context.countable(year)]
    missing = [year for year in years if year not in counted]
    name = context.name_of(award_code)
    needed = f"{name} {len(years)} lần liên tục (các năm {_years_text(years)})"
    if missing:
        message = f"Cần đạt {needed}; còn thiếu năm {_years_text(missing)}."
    else:
        message = f"Đã đạt {needed}."
    notes = _excluded_award_notes(context, award_code, years)
    return _figure_check(check_code, not missing, _join(message, notes), *figures)


@dataclass(frozen=True)
class _Evidence:
    """An initiative or a research result, seen the same way by the evidence rules."""

    kind: str  # "Sáng kiến" or "Đề tài", as shown in messages
    id: str | None
    level: RecognitionLevel
    year: int
    used_for: str | None


def _evidence(context: _Context) -> list[_Evidence]:
    record = context.query.record
    initiatives = [
        _Evidence("Sáng kiến", item.id, item.level, item.year, item.used_for)
        for item in record.initiatives
    ]
    research = [
        _Evidence("Đề tài", item.id, item.level, item.accepted_year, item.used_for)
        for item in record.research
    ]
    return initiatives + research


def _evidence_level(
    context: _Context,
    minimum: RecognitionLevel,
    years_back: Figure[int],
    extra_figures: tuple[Figure[int], ...] = (),
) -> Check:
    """INITIATIVE_LEVEL: an unused initiative or research result of level ≥ `minimum`
    recognised in Y−k..Y and after any ended discipline (Điều 21, 22; CV 3385/BTĐKT-P.II)."""
    window = _window(context, years_back.value)
    in_scope = [
        item
        for item in _evidence(context)
        if item.level.rank >= minimum.rank and item.year in window
    ]
    valid = [item for item in in_scope if item.used_for is None and context.countable(item.year)]
    level_text = _LEVEL_TEXT[minimum]
    if minimum is not RecognitionLevel.TOAN_QUOC:
        level_text += " trở lên"
    span = _span_text(window)
    if valid:
        first = valid[0]
        message = (
            f"{first.kind} {_item_id(first.id)} {_LEVEL_TEXT[first.level]} năm {first.year} chưa "
            f"dùng cho khen thưởng khác (yêu cầu: sáng kiến hoặc đề tài {level_text} trong {span})."
        )
    else:
        message = (
            f"Chưa có sáng kiến hoặc đề tài nghiên cứu {level_text} được công nhận, nghiệm thu "
            f"trong {span} mà chưa dùng cho khen thưởng khác."
        )
    notes = [_used_evidence_notes(in_scope)]
    blocked = sorted(
        {i.year for i in in_scope if i.used_for is None and not context.countable(i.year)}
    )
    if blocked and not valid:
        notes.append(_blocked_note(context, blocked))
    return _figure_check(
        "INITIATIVE_LEVEL", bool(valid), _join(message, *notes), years_back, *extra_figures
    )


# ---------------------------------------------------------------------------------------------
# Bằng khen cấp bộ, ban, ngành, tỉnh (Điều 74) — individuals
# ---------------------------------------------------------------------------------------------


def _bk_bt(context: _Context) -> list[Check]:
    """BK_BT_ROUTE: CSTDCS for Y−1 and Y; or HTXS in Y−1 and Y with two unused initiatives or
    two research results recognised in Y−1..Y (Luật TĐKT 2022, Điều 74, khoản 1, điểm d)."""
    figures = context.figures
    chain = figures.bk_bt_cstdcs_chain_length
    chain_years = list(range(context.year - chain.value + 1, context.year + 1))
    held = _award_years(context, "CSTDCS")
    missing_chain = [y for y in chain_years if not (y in held and context.countable(y))]

    htxs = figures.bk_bt_htxs_chain_length
    htxs_years = list(range(context.year - htxs.value + 1, context.year + 1))
    missing_htxs = [
        y for y in htxs_years if not (_rating(context, y) is Rating.HTXS and context.countable(y))
    ]
    window = _window(context, figures.bk_bt_evidence_years_back.value)
    record = context.query.record
    initiatives = [
        i
        for i in record.initiatives
        if i.used_for is None and i.year in window and context.countable(i.year)
    ]
    research = [
        r
        for r in record.research
        if r.used_for is None and r.accepted_year in window and context.countable(r.accepted_year)
    ]
    needed = figures.bk_bt_evidence_count.value
    evidence_ok = len(initiatives) >= needed or len(research) >= needed
    cstdcs = context.name_of("CSTDCS")
    route_a = f"đạt {cstdcs} {len(chain_years)} năm liên tục ({_years_text(chain_years)})"
    route_b = (
        f"được đánh giá {_RATING_TEXT[Rating.HTXS]} {len(htxs_years)} năm liên tục "
        f"({_years_text(htxs_years)}) và có {needed} sáng kiến hoặc {needed} đề tài được công "
        f"nhận, nghiệm thu trong {_span_text(window)} chưa dùng cho khen thưởng khác"
    )
    if not missing_chain:
        passed, message = True, f"Đạt tiêu chuẩn: {route_a}."
    elif not missing_htxs and evidence_ok:
        passed, message = True, f"Đạt tiêu chuẩn: {route_b}."
    else:
        passed = False
        message = (
            f"Chưa đạt tiêu chuẩn {context.definition.name_vi}. Cách 1: {route_a} — còn thiếu "
            f"năm {_years_text(missing_chain)}. Cách 2: {route_b} — "
            f"{_htxs_gap_text(missing_htxs)}hiện có {len(initiatives)} sáng kiến, "
            f"{len(research)} đề tài."
        )
    notes = "" if passed else _excluded_award_notes(context, "CSTDCS", chain_years)
    return [
        _figure_check(
            "BK_BT_ROUTE",
            passed,
            _join(message, notes),
            chain,
            htxs,
            figures.bk_bt_evidence_count,
            figures.bk_bt_evidence_years_back,
        )
    ]


def _htxs_gap_text(missing: list[int]) -> str:
    if not missing:
        return ""
    return f"chưa đạt {_RATING_TEXT[Rating.HTXS]} năm {_years_text(missing)}; "


# ---------------------------------------------------------------------------------------------
# Bằng khen Thủ tướng (Điều 73), Huân chương Lao động hạng Ba (Điều 44), hạng Nhì (Điều 43)
# ---------------------------------------------------------------------------------------------


def _bk_ttg(context: _Context) -> list[Check]:
    figures = context.figures
    window = figures.bk_ttg_ratings_years_back
    return [
        _prior_award(context, "BK_BT", figures.bk_ttg_prior_award_years_back, cong_trang_only=True),
        _ratings_window(context, window),
        _award_count(context, "CSTDCS_COUNT", "CSTDCS", window, figures.bk_ttg_cstdcs_count),
    ]


def _hcld3(context: _Context) -> list[Check]:
    figures = context.figures
    window = figures.hcld3_ratings_years_back
    return [
        _prior_award(context, "BK_TTG", figures.hcld3_prior_award_years_back),
        _ratings_window(context, window),
        _htxs_count(context, window, figures.hcld3_htxs_count),
        _award_count(context, "CSTDCS_COUNT", "CSTDCS", window, figures.hcld3_cstdcs_count),
    ]


def _hcld2(context: _Context) -> list[Check]:
    figures = context.figures
    window = figures.hcld2_ratings_years_back
    return [
        _prior_award(context, "HCLD3", figures.hcld2_prior_award_years_back),
        _ratings_window(context, window),
        _htxs_count(context, window, figures.hcld2_htxs_count),
        _award_count(context, "CSTDBT_COUNT", "CSTDBT", window, figures.hcld2_cstdbt_count),
    ]


def _prior_award(
    context: _Context, code: str, years_back: Figure[int], *, cong_trang_only: bool = False
) -> Check:
    """PRIOR_AWARD: a counting `code` award with year ≤ Y−k (the ladder's previous rung)."""
    latest = context.year - years_back.value
    years = sorted(
        y for y in _award_years(context, code, cong_trang_only=cong_trang_only) if y <= latest
    )
    name = context.name_of(code)
    kind = " (khen thưởng theo công trạng)" if cong_trang_only else ""
    if years:
        message = (
            f"Đã được tặng {name}{kind} năm {years[-1]} (yêu cầu: từ năm {latest} trở về trước)."
        )
    else:
        later = sorted(y for y in _award_years(context, code, cong_trang_only=cong_trang_only))
        hint = f" {name} năm {_years_text(later)} chưa đủ thời gian." if later else ""
        message = f"Chưa có {name}{kind} từ năm {latest} trở về trước.{hint}"
    earlier = {award.year for award in context.query.record.awards if award.year <= latest}
    notes = _excluded_award_notes(context, code, earlier, cong_trang_only=cong_trang_only)
    return _figure_check("PRIOR_AWARD", bool(years), _join(message, notes), years_back)


def _ratings_window(context: _Context, years_back: Figure[int]) -> Check:
    """RATINGS_WINDOW: HTT or HTXS in every year of Y−k..Y, none blocked by discipline."""
    window = _window(context, years_back.value)
    gaps: list[str] = []
    for year in window:
        rating = _rating(context, year)
        if not context.countable(year):
            gaps.append(f"{year} (trong thời gian chưa được tính do kỷ luật)")
        elif rating is None:
            gaps.append(f"{year} (chưa có kết quả)")
        elif rating not in _GOOD_RATINGS:
            gaps.append(f"{year} ({_RATING_TEXT[rating]})")
    needed = f"{_accepted_text(_GOOD_RATINGS)} liên tục {_span_text(window)}"
    if gaps:
        message = f"Cần {needed}; chưa đạt năm: {', '.join(gaps)}."
    else:
        message = f"Đạt {needed}."
    return _figure_check("RATINGS_WINDOW", not gaps, message, years_back)


def _htxs_count(context: _Context, years_back: Figure[int], count: Figure[int]) -> Check:
    """HTXS_COUNT: at least n years rated HTXS within Y−k..Y (after any ended discipline)."""
    window = _window(context, years_back.value)
    years = [y for y in window if _rating(context, y) is Rating.HTXS and context.countable(y)]
    text = _RATING_TEXT[Rating.HTXS]
    message = (
        f"Cần ít nhất {count.value} năm {text} trong {_span_text(window)}; hiện có {len(years)}"
        f"{f' ({_years_text(years)})' if years else ''}."
    )
    return _figure_check("HTXS_COUNT", len(years) >= count.value, message, years_back, count)


def _award_count(
    context: _Context, check_code: str, code: str, years_back: Figure[int], count: Figure[int]
) -> Check:
    """CSTDCS_COUNT / CSTDBT_COUNT: at least n counting awards (distinct years) in Y−k..Y."""
    window = _window(context, years_back.value)
    held = _award_years(context, code)
    years = [y for y in window if y in held and context.countable(y)]
    message = (
        f"Cần ít nhất {count.value} lần {context.name_of(code)} trong {_span_text(window)}; "
        f"hiện có {len(years)}{f' ({_years_text(years)})' if years else ''}."
    )
    notes = _excluded_award_notes(context, code, window)
    passed = len(years) >= count.value
    return _figure_check(check_code, passed, _join(message, notes), years_back, count)


# ---------------------------------------------------------------------------------------------
# Tập thể lao động tiên tiến (Điều 28 [U]) and xuất sắc (Điều 27)
# ---------------------------------------------------------------------------------------------


def _ttldtt(context: _Context) -> list[Check]:
    figures = context.figures
    unconfirmed = (
        "Lưu ý: nội dung Điều 28 Luật TĐKT 2022 về tiêu chuẩn này chưa được đối chiếu xác nhận."
    )
    checks = [
        _rating_in(context, _GOOD_RATINGS, context.definition.legal_basis, unconfirmed),
        _member_share(context, "ldtt", f"đạt {context.name_of('LDTT')}", figures.ttldtt_ldtt_share),
    ]
    if figures.ttldtt_member_discipline_blocks.value:
        checks.append(_members_not_disciplined(context))
    return checks


def _ttldxs(context: _Context) -> list[Check]:
    figures = context.figures
    return [
        _rating_in(context, frozenset({Rating.HTXS}), context.definition.legal_basis),
        _member_share(
            context,
            "htnv_or_better",
            f"được đánh giá {_RATING_TEXT[Rating.HT]} trở lên",
            figures.ttldxs_htnv_share,
        ),
        _member_share(context, "ldtt", f"đạt {context.name_of('LDTT')}", figures.ttldxs_ldtt_share),
        _member_cstdcs(context, figures.ttldxs_cstdcs_count),
    ]


_MEMBER_SHARE_CODES = {"ldtt": "MEMBERS_LDTT_SHARE", "htnv_or_better": "MEMBERS_HTNV_SHARE"}


def _member_share(
    context: _Context, field: str, what: str, threshold: Figure[ShareThreshold]
) -> Check:
    """MEMBERS_LDTT_SHARE / MEMBERS_HTNV_SHARE: share of members reaching `what`."""
    code = _MEMBER_SHARE_CODES[field]
    rule = threshold.value
    wanted = f"{'từ' if rule.inclusive else 'trên'} {_percent(rule.share)}"
    if rule.inclusive:
        wanted += " trở lên"
    members = context.query.record.members
    part = getattr(members, field) if members else None
    if members is None or part is None or members.total <= 0:
        message = (
            f"Thiếu số liệu thành viên (members.total, members.{field}) để tính tỷ lệ thành viên "
            f"{what} (cần {wanted})."
        )
        return _figure_check(code, False, message, threshold)
    passed = rule.is_met(part, members.total)
    ratio = f"{part}/{members.total} = {_percent(Fraction(part, members.total))}"
    if passed:
        message = f"Tỷ lệ thành viên {what}: {ratio}, đạt yêu cầu {wanted}."
    else:
        message = f"Tỷ lệ thành viên {what}: {ratio}, chưa đạt yêu cầu {wanted}."
    return _figure_check(code, passed, message, threshold)


def _member_cstdcs(context: _Context, count: Figure[int]) -> Check:
    """MEMBERS_CSTDCS_COUNT: at least n members are Chiến sĩ thi đua cơ sở in Y (Điều 27)."""
    members = context.query.record.members
    value = members.cstdcs if members else None
    name = context.name_of("CSTDCS")
    if value is None:
        message = f"Thiếu số liệu số thành viên đạt {name} (cần ít nhất {count.value})."
        return _figure_check("MEMBERS_CSTDCS_COUNT", False, message, count)
    message = (
        f"Có {value} thành viên đạt {name} năm {context.year} (yêu cầu ít nhất {count.value})."
    )
    return _figure_check("MEMBERS_CSTDCS_COUNT", value >= count.value, message, count)


def _members_not_disciplined(context: _Context) -> Check:
    """MEMBERS_NO_DISCIPLINE: no member disciplined at cảnh cáo or above [U] (Điều 28)."""
    figure = context.figures.ttldtt_member_discipline_blocks
    members = context.query.record.members
    value = members.disciplined_canh_cao_or_above if members else None
    if value is None:
        message = "Thiếu số liệu số thành viên bị kỷ luật từ mức cảnh cáo trở lên."
        return _figure_check("MEMBERS_NO_DISCIPLINE", False, message, figure)
    if value:
        message = (
            f"Có {value} thành viên bị kỷ luật từ mức cảnh cáo trở lên; tập thể chưa đủ tiêu "
            f"chuẩn {context.definition.name_vi}."
        )
    else:
        message = "Không có thành viên nào bị kỷ luật từ mức cảnh cáo trở lên."
    return _figure_check("MEMBERS_NO_DISCIPLINE", value == 0, message, figure)


# ---------------------------------------------------------------------------------------------
# The table of standards
# ---------------------------------------------------------------------------------------------

_Standard = Callable[[_Context], list[Check]]

_STANDARDS: Mapping[str, _Standard] = {
    "LDTT": _ldtt,
    "CSTT": _ldtt,  # Chiến sĩ tiên tiến: the armed-forces twin of LĐTT (Điều 24)
    "CSTDCS": _cstdcs,
    "CSTDBT": _cstdbt,
    "CSTDTQ": _cstdtq,
    "BK_BT": _bk_bt,
    "BK_TTG": _bk_ttg,
    "HCLD3": _hcld3,
    "HCLD2": _hcld2,
    "TTLDTT": _ttldtt,
    "TTLDXS": _ttldxs,
}


def _standard_for(award: str, kind: SubjectKind) -> _Standard | None:
    if award in INDIVIDUAL_ONLY_STANDARDS and kind is not SubjectKind.INDIVIDUAL:
        return None
    return _STANDARDS.get(award)


# ---------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------


def _figure_check(code: str, passed: bool, message: str, *figures: Figure[object]) -> Check:
    """A check whose basis is its first figure's; unconfirmed figures are flagged in the text."""
    if any(not figure.confirmed for figure in figures):
        message = _join(message, _UNCONFIRMED)
    return Check(code, passed, message, figures[0].basis)


def _excluded_award_notes(
    context: _Context, code: str, years: Iterable[int], *, cong_trang_only: bool = False
) -> str:
    """Why awards the subject holds for these years were not counted (actionable detail)."""
    year_set = set(years)
    name = context.name_of(code)
    notes: list[str] = []
    blocked: set[int] = set()
    for award in sorted(context.query.record.awards, key=lambda a: a.year):
        if award.code != code or award.year not in year_set:
            continue
        if award.revoked:
            notes.append(f"{name} năm {award.year} đã bị hủy bỏ nên không được tính")
        elif award.category in _NON_COUNTING_CATEGORIES:
            notes.append(
                f"{name} năm {award.year} là {_CATEGORY_TEXT[award.category]}, không tính cho "
                "khen thưởng theo công trạng"
            )
        elif cong_trang_only and award.category is not AwardCategory.CONG_TRANG:
            notes.append(f"{name} năm {award.year} không phải khen thưởng theo công trạng")
        elif not context.countable(award.year):
            blocked.add(award.year)
    text = "; ".join(notes) + "." if notes else ""
    if blocked:
        text = _join(text, _blocked_note(context, sorted(blocked)))
    return text


def _blocked_note(context: _Context, years: list[int]) -> str:
    return (
        f"Năm {_years_text(years)} không được tính vì thời gian kỷ luật kết thúc năm "
        f"{context.last_blocked_year}; thành tích chỉ được tính từ sau khi hết kỷ luật."
    )


def _used_evidence_notes(items: Iterable[_Evidence]) -> str:
    used = [
        f"{item.kind} {_item_id(item.id)} đã dùng cho {item.used_for}"
        for item in items
        if item.used_for is not None
    ]
    if not used:
        return ""
    return f"{'; '.join(used)} nên không được tính lại (mỗi sáng kiến, đề tài chỉ dùng một lần)."


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _item_id(item_id: str | None) -> str:
    return item_id or "(không có mã)"


def _accepted_text(accepted: frozenset[Rating]) -> str:
    if accepted == frozenset({Rating.HTXS}):
        return _RATING_TEXT[Rating.HTXS]
    if accepted == _GOOD_RATINGS:
        return f"{_RATING_TEXT[Rating.HTT]} trở lên"
    return f"{_RATING_TEXT[Rating.HT]} trở lên"


def _discipline_text(period: DisciplinePeriod) -> str:
    level = _DISCIPLINE_TEXT.get(period.level, period.level)
    until = f" đến {_date_text(period.end)}" if period.end else ", chưa hết hiệu lực"
    return f"{level} từ {_date_text(period.start)}{until}"


def _date_text(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _years_text(years: Iterable[int]) -> str:
    return ", ".join(str(year) for year in years)


def _span_text(years: Sequence[int]) -> str:
    if len(years) == 1:
        return f"năm {years[0]}"
    return f"các năm {years[0]}–{years[-1]}"


def _percent(share: Fraction) -> str:
    value = (Decimal(share.numerator) * 100 / Decimal(share.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    text = f"{value:f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} %"
