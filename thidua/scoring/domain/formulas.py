"""The registry of scoring formulas. A criterion names one formula and gives its parameters
(JSON); the equations and worked examples are in docs/scoring-formulas.md.

Every formula takes the unit's raw value (a measured figure, 1/0 for yes/no, a count of
occurrences, a signed count of bonus/penalty events), the criterion's maximum points and
the cluster context (the best value in the cluster, for "relative to the best unit"), and
returns the points with a one-line Vietnamese explanation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from thidua.org.domain.reasons import Reason

BASIS = "Quy chế chấm điểm thi đua của cụm, khối (tham số công thức do cấp tổ chức quy định)"
ZERO = Decimal(0)
ONE = Decimal(1)
POINTS = Decimal("0.01")

QUANTITATIVE = "quantitative"
YES_NO = "yes_no"
PER_OCCURRENCE = "per_occurrence"
BONUS_PENALTY = "bonus_penalty"
KINDS = (QUANTITATIVE, YES_NO, PER_OCCURRENCE, BONUS_PENALTY)


def quantize(value: Decimal) -> Decimal:
    """Points are kept to two decimals, half up (the one rounding rule of scoring)."""
    return value.quantize(POINTS, rounding=ROUND_HALF_UP)


def fmt(value: Decimal) -> str:
    """2 decimals at most, Vietnamese comma: 12.50 → "12,5"."""
    d = quantize(value).normalize()
    if d == d.to_integral_value():
        d = d.quantize(ONE)
    return f"{d:f}".replace(".", ",")


@dataclass(frozen=True)
class Context:
    """What a formula may know besides the unit's own value."""

    best: Decimal | None = (
        None  # the best value in the cluster (highest, or lowest if lower_is_better)
    )


@dataclass(frozen=True)
class Result:
    points: Decimal
    explanation: str


@dataclass(frozen=True)
class Param:
    name: str
    label: str  # Vietnamese
    required: bool = True
    default: Decimal | None = None
    minimum: Decimal | None = None


@dataclass(frozen=True)
class Formula:
    name: str
    kind: str
    title: str  # Vietnamese
    equation: str
    params: tuple[Param, ...]
    compute: Callable[[Decimal, Decimal, Mapping[str, Decimal], Context], Result]
    uses_best: bool = False


def _clamp(value: Decimal, low: Decimal, high: Decimal) -> Decimal:
    return max(low, min(high, value))


def _ratio_to_target(v: Decimal, mx: Decimal, p: Mapping[str, Decimal], c: Context) -> Result:
    target = p["target"]
    lower = p.get("lower_is_better", ZERO) > 0
    if lower:
        ratio = ONE if v <= target else (target / v if v > 0 else ONE)
    else:
        ratio = _clamp(v / target, ZERO, ONE) if target > 0 else ONE
    pts = quantize(mx * ratio)
    return Result(
        pts,
        "Đạt {r} % chỉ tiêu ({v}/{t}) → {p} điểm.".format(
            r=fmt(ratio * 100), v=fmt(v), t=fmt(target), p=fmt(pts)
        ),
    )


def _target_then_best(v: Decimal, mx: Decimal, p: Mapping[str, Decimal], c: Context) -> Result:
    """Below target: share × max × value/target. At or above target: share × max plus the
    rest in proportion to how far the unit went towards the best unit of the cluster."""
    target = p["target"]
    share = p.get("base_share", Decimal("0.8"))
    lower = p.get("lower_is_better", ZERO) > 0
    best = c.best
    if lower:
        reached = v <= target
        below = (target / v if v > 0 else ONE) if not reached else ONE
        span = (target - best) if best is not None else ZERO
        beyond = (target - v) / span if span > 0 else ONE
    else:
        reached = v >= target
        below = (v / target if target > 0 else ONE) if not reached else ONE
        span = (best - target) if best is not None else ZERO
        beyond = (v - target) / span if span > 0 else ONE
    if not reached:
        pts = quantize(share * mx * _clamp(below, ZERO, ONE))
        return Result(
            pts,
            "Chưa đạt chỉ tiêu ({v}/{t}) → {p} điểm.".format(v=fmt(v), t=fmt(target), p=fmt(pts)),
        )
    pts = quantize(share * mx + (ONE - share) * mx * _clamp(beyond, ZERO, ONE))
    return Result(
        pts,
        "Đạt/vượt chỉ tiêu ({v}/{t}; đơn vị cao nhất cụm {b}) → {p} điểm.".format(
            v=fmt(v), t=fmt(target), b=fmt(best if best is not None else v), p=fmt(pts)
        ),
    )


def _yes_no(v: Decimal, mx: Decimal, p: Mapping[str, Decimal], c: Context) -> Result:
    done = v > 0
    pts = mx if done else ZERO
    return Result(quantize(pts), ("Có" if done else "Không") + " → {p} điểm.".format(p=fmt(pts)))


def _per_occurrence(v: Decimal, mx: Decimal, p: Mapping[str, Decimal], c: Context) -> Result:
    each = p["points_each"]
    cap = min(p.get("cap", mx), mx)
    count = max(v, ZERO)
    pts = quantize(min(count * each, cap))
    return Result(
        pts,
        "{n} lần × {e} điểm, tối đa {c} → {p} điểm.".format(
            n=fmt(count), e=fmt(each), c=fmt(cap), p=fmt(pts)
        ),
    )


def _bonus_penalty(v: Decimal, mx: Decimal, p: Mapping[str, Decimal], c: Context) -> Result:
    each = p["points_each"]
    floor = p.get("floor", -mx)
    ceiling = min(p.get("ceiling", mx), mx)
    pts = quantize(_clamp(v * each, floor, ceiling))
    return Result(
        pts,
        "{n} × {e} điểm, trong khoảng [{f}; {c}] → {p} điểm.".format(
            n=fmt(v), e=fmt(each), f=fmt(floor), c=fmt(ceiling), p=fmt(pts)
        ),
    )


_TARGET = Param("target", "Chỉ tiêu", minimum=ZERO)
_LOWER = Param("lower_is_better", "Càng thấp càng tốt (1 = có)", required=False, default=ZERO)

FORMULAS: dict[str, Formula] = {
    f.name: f
    for f in (
        Formula(
            "ratio_to_target",
            QUANTITATIVE,
            "Tỷ lệ so với chỉ tiêu",
            "điểm = tối đa × min(giá trị / chỉ tiêu, 1)",
            (_TARGET, _LOWER),
            _ratio_to_target,
        ),
        Formula(
            "target_then_best",
            QUANTITATIVE,
            "Đạt chỉ tiêu, vượt thì so với đơn vị cao nhất",
            "chưa đạt: tỷ phần × tối đa × giá trị/chỉ tiêu; đạt trở lên: tỷ phần × tối đa + "
            "(1 − tỷ phần) × tối đa × (giá trị − chỉ tiêu)/(cao nhất − chỉ tiêu)",
            (
                _TARGET,
                Param("base_share", "Tỷ phần điểm khi vừa đạt (0–1)", False, Decimal("0.8"), ZERO),
                _LOWER,
            ),
            _target_then_best,
            uses_best=True,
        ),
        Formula("yes_no", YES_NO, "Có/không", "điểm = tối đa nếu có, 0 nếu không", (), _yes_no),
        Formula(
            "per_occurrence",
            PER_OCCURRENCE,
            "Điểm mỗi lần, có mức trần",
            "điểm = min(số lần × điểm mỗi lần, trần)",
            (
                Param("points_each", "Điểm mỗi lần", minimum=ZERO),
                Param("cap", "Mức trần", required=False, minimum=ZERO),
            ),
            _per_occurrence,
        ),
        Formula(
            "bonus_penalty",
            BONUS_PENALTY,
            "Cộng/trừ điểm, có sàn và trần",
            "điểm = max(sàn, min(trần, số lần × điểm mỗi lần))",
            (
                Param("points_each", "Điểm mỗi lần (âm để trừ)"),
                Param("floor", "Mức sàn", required=False),
                Param("ceiling", "Mức trần", required=False),
            ),
            _bonus_penalty,
        ),
    )
}


def _dec(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def check_criterion(
    formula: str, kind: str, params: Mapping[str, Any], max_points: Decimal
) -> tuple[dict[str, Decimal], list[Reason]]:
    """Validate a criterion's formula and parameters; return the parameters as Decimals."""
    spec = FORMULAS.get(formula)
    if spec is None:
        names = ", ".join(sorted(FORMULAS))
        return {}, [
            Reason(
                "UNKNOWN_FORMULA",
                f"Công thức “{formula}” không có; dùng một trong: {names}.",
                BASIS,
                "formula",
            )
        ]
    reasons: list[Reason] = []
    if spec.kind != kind:
        reasons.append(
            Reason(
                "FORMULA_KIND",
                f"Công thức “{spec.title}” không dùng cho loại tiêu chí này.",
                BASIS,
                "formula",
            )
        )
    if max_points < 0:
        reasons.append(Reason("INVALID_INPUT", "Điểm tối đa không được âm.", BASIS, "max_points"))
    known = {p.name for p in spec.params}
    extra = sorted(set(params) - known)
    if extra:
        reasons.append(
            Reason(
                "UNKNOWN_PARAMETER",
                "Tham số không dùng cho công thức này: {e}.".format(e=", ".join(extra)),
                BASIS,
                "params",
            )
        )
    values: dict[str, Decimal] = {}
    for param in spec.params:
        raw = params.get(param.name)
        if raw is None or raw == "":
            if param.required:
                reasons.append(
                    Reason("MISSING_PARAMETER", f"Thiếu tham số “{param.label}”.", BASIS, "params")
                )
            elif param.default is not None:
                values[param.name] = param.default
            continue
        d = _dec(raw)
        if d is None or abs(d) >= Decimal(10) ** 12:
            reasons.append(
                Reason(
                    "INVALID_PARAMETER", f"Tham số “{param.label}” phải là một số.", BASIS, "params"
                )
            )
            continue
        if param.minimum is not None and d < param.minimum:
            reasons.append(
                Reason(
                    "INVALID_PARAMETER",
                    f"Tham số “{param.label}” không được nhỏ hơn {fmt(param.minimum)}.",
                    BASIS,
                    "params",
                )
            )
            continue
        values[param.name] = d
    if "base_share" in values and values["base_share"] > ONE:
        reasons.append(
            Reason(
                "INVALID_PARAMETER", "Tỷ phần điểm khi vừa đạt phải từ 0 đến 1.", BASIS, "params"
            )
        )
    if "floor" in values and "ceiling" in values and values["floor"] > values["ceiling"]:
        reasons.append(Reason("INVALID_PARAMETER", "Mức sàn lớn hơn mức trần.", BASIS, "params"))
    return values, reasons


def evaluate(
    formula: str,
    value: Decimal,
    max_points: Decimal,
    params: Mapping[str, Decimal],
    context: Context = Context(),
) -> Result:
    """Points for one raw value (parameters already checked by `check_criterion`)."""
    return FORMULAS[formula].compute(value, max_points, params, context)


def best_value(values: list[Decimal], params: Mapping[str, Decimal]) -> Decimal | None:
    """The best raw value in the cluster for "relative to the best unit" formulas."""
    if not values:
        return None
    return min(values) if params.get("lower_is_better", ZERO) > 0 else max(values)
