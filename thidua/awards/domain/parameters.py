"""Versioned rule parameters: the legal figures the eligibility rules use, as data.

Each parameter set names a rule set (`LTDKT-2022/ND-152-2025`, ...) and the dates it is in
force. Figures whose legal text is not confirmed (tagged [U] in the legal reference) carry
`confirmed = false`; the engine evaluates them from the figure and says so in its message.
Legal source for the choice of rule set by date: Luật TĐKT 2022 (06/2022/QH15, in force
01/01/2024), Nghị định 98/2023/NĐ-CP (01/01/2024) and Nghị định 152/2025/NĐ-CP (01/07/2025).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from fractions import Fraction
from typing import Generic, TypeVar

# Covariant: a Figure[int] is a Figure[object]; sound because figures are frozen.
T_co = TypeVar("T_co", covariant=True)


@dataclass(frozen=True)
class Figure(Generic[T_co]):
    """A legal figure with the text it comes from and whether that text has been confirmed."""

    value: T_co
    basis: str
    confirmed: bool


@dataclass(frozen=True)
class ShareThreshold:
    """A minimum share of members: `share` as an exact fraction, inclusive (≥) or strict (>)."""

    share: Fraction
    inclusive: bool

    def is_met(self, part: int, total: int) -> bool:
        """Whether part/total reaches the threshold (exact arithmetic; total must be > 0)."""
        ratio = Fraction(part, total)
        return ratio >= self.share if self.inclusive else ratio > self.share


@dataclass(frozen=True)
class Figures:
    """The figures of one machine-checkable rule set.

    Naming: `*_chain_length` is a number of consecutive years ending at Y; `*_years_back` = k
    means the window Y−k..Y (or, for a prior award, a year ≤ Y−k); `*_count` is a minimum.
    """

    registration_required: Figure[bool]
    ldtt_discipline_blocks: Figure[bool]
    cstdbt_cstdcs_chain_length: Figure[int]
    cstdbt_evidence_years_back: Figure[int]
    cstdtq_cstdbt_chain_length: Figure[int]
    cstdtq_cstdbt_interval_years: Figure[int]
    cstdtq_evidence_years_back: Figure[int]
    bk_bt_cstdcs_chain_length: Figure[int]
    bk_bt_htxs_chain_length: Figure[int]
    bk_bt_evidence_count: Figure[int]
    bk_bt_evidence_years_back: Figure[int]
    bk_ttg_prior_award_years_back: Figure[int]
    bk_ttg_ratings_years_back: Figure[int]
    bk_ttg_cstdcs_count: Figure[int]
    hcld3_prior_award_years_back: Figure[int]
    hcld3_ratings_years_back: Figure[int]
    hcld3_htxs_count: Figure[int]
    hcld3_cstdcs_count: Figure[int]
    hcld2_prior_award_years_back: Figure[int]
    hcld2_ratings_years_back: Figure[int]
    hcld2_htxs_count: Figure[int]
    hcld2_cstdbt_count: Figure[int]
    ttldtt_ldtt_share: Figure[ShareThreshold]
    ttldtt_member_discipline_blocks: Figure[bool]
    ttldxs_htnv_share: Figure[ShareThreshold]
    ttldxs_ldtt_share: Figure[ShareThreshold]
    ttldxs_cstdcs_count: Figure[int]


@dataclass(frozen=True)
class RuleParameters:
    """One versioned rule set, in force from `effective_from` to `effective_to` (inclusive).

    `figures` is None for a regime the engine does not check by machine (the 2003 law): every
    code is then answered with MANUAL_REVIEW, explained by `manual_review_reason`.
    `principles_basis` is the text of the general principles (discipline and investigation
    block a proposal; đột xuất results do not count), e.g. "Nghị định 152/2025/NĐ-CP, Điều 4".
    """

    rule_set: str
    effective_from: date
    effective_to: date | None
    title: str
    principles_basis: str
    figures: Figures | None
    manual_review_reason: str = ""

    def covers(self, day: date) -> bool:
        """Whether this rule set is in force on `day`."""
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


class ParameterError(ValueError):
    """The parameter data is malformed; the message names the set and the figure."""


def select_rule_set(
    parameter_sets: Iterable[RuleParameters], proposal_date: date
) -> RuleParameters:
    """The rule set in force on `proposal_date` (Luật TĐKT 2022 from 01/01/2024; NĐ 98/2023
    until 30/06/2025; NĐ 152/2025 from 01/07/2025; the 2003 law before 2024).

    Raises LookupError when no set, or more than one, covers the date.
    """
    matching = [params for params in parameter_sets if params.covers(proposal_date)]
    if len(matching) != 1:
        raise LookupError(
            f"{len(matching)} rule sets are in force on {proposal_date.isoformat()}; expected 1"
        )
    return matching[0]


def parse_parameter_sets(data: object) -> tuple[RuleParameters, ...]:
    """Parameter sets from their JSON form (a list of objects; see `rule_parameters.json`).

    Checks every figure's presence and type and that no two sets overlap in time, so that a bad
    edit fails loudly at load time instead of silently changing an answer. The figures and their
    legal sources are those of legal-rules §4, §5, §9 and §11.
    """
    if not isinstance(data, list) or not data:
        raise ParameterError("rule parameters must be a non-empty JSON list of parameter sets")
    sets = tuple(_parse_set(index, item) for index, item in enumerate(data))
    ordered = sorted(sets, key=lambda params: params.effective_from)
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
            raise ParameterError(f"rule sets {earlier.rule_set} and {later.rule_set} overlap")
    names = [params.rule_set for params in sets]
    if len(set(names)) != len(names):
        raise ParameterError("rule set names must be unique")
    return sets


def _parse_set(index: int, item: object) -> RuleParameters:
    where = f"parameter set [{index}]"
    if not isinstance(item, Mapping):
        raise ParameterError(f"{where} must be an object")
    rule_set = _text(item, "rule_set", where)
    where = f"parameter set {rule_set}"
    effective_from = _date(item.get("effective_from"), f"{where}: effective_from")
    raw_to = item.get("effective_to")
    effective_to = None if raw_to is None else _date(raw_to, f"{where}: effective_to")
    if effective_to is not None and effective_to < effective_from:
        raise ParameterError(f"{where}: effective_to is before effective_from")
    raw_figures = item.get("figures")
    figures = None if raw_figures is None else _parse_figures(raw_figures, where)
    reason = item.get("manual_review_reason", "")
    if not isinstance(reason, str) or (figures is None and not reason):
        raise ParameterError(f"{where}: manual_review_reason is required without figures")
    return RuleParameters(
        rule_set=rule_set,
        effective_from=effective_from,
        effective_to=effective_to,
        title=_text(item, "title", where),
        principles_basis=_text(item, "principles_basis", where),
        figures=figures,
        manual_review_reason=reason,
    )


def _parse_figures(raw: object, where: str) -> Figures:
    if not isinstance(raw, Mapping):
        raise ParameterError(f"{where}: figures must be an object")
    names = [spec.name for spec in fields(Figures)]
    unknown = sorted(set(raw) - set(names))
    if unknown:
        raise ParameterError(f"{where}: unknown figures {', '.join(map(str, unknown))}")
    values: dict[str, Figure[object]] = {}
    for spec in fields(Figures):
        if spec.name not in raw:
            raise ParameterError(f"{where}: figure {spec.name} is missing")
        # With postponed annotations the field type is its source text, e.g. "Figure[int]".
        parse_value = _VALUE_PARSERS[str(spec.type)]
        values[spec.name] = _parse_figure(raw[spec.name], parse_value, f"{where}: {spec.name}")
    return Figures(**values)  # type: ignore[arg-type]


def _parse_figure(
    raw: object, parse_value: Callable[[object, str], object], where: str
) -> Figure[object]:
    if not isinstance(raw, Mapping):
        raise ParameterError(f"{where} must be an object with value, basis and confirmed")
    basis = _text(raw, "basis", where)
    confirmed = raw.get("confirmed")
    if not isinstance(confirmed, bool):
        raise ParameterError(f"{where}: confirmed must be true or false")
    return Figure(value=parse_value(raw.get("value"), where), basis=basis, confirmed=confirmed)


def _flag(value: object, where: str) -> object:
    if not isinstance(value, bool):
        raise ParameterError(f"{where}: value must be true or false")
    return value


def _count(value: object, where: str) -> object:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ParameterError(f"{where}: value must be a non-negative integer")
    return value


def _share(value: object, where: str) -> object:
    if not isinstance(value, Mapping):
        raise ParameterError(f"{where}: value must be an object with share and inclusive")
    share, inclusive = value.get("share"), value.get("inclusive")
    if not isinstance(share, str) or not isinstance(inclusive, bool):
        raise ParameterError(f"{where}: share must be a decimal string, inclusive a boolean")
    try:
        fraction = Fraction(share)
    except (ValueError, ZeroDivisionError) as exc:
        raise ParameterError(f"{where}: share {share!r} is not a number") from exc
    if not 0 <= fraction <= 1:
        raise ParameterError(f"{where}: share must be between 0 and 1")
    return ShareThreshold(share=fraction, inclusive=inclusive)


_VALUE_PARSERS: Mapping[str, Callable[[object, str], object]] = {
    "Figure[bool]": _flag,
    "Figure[int]": _count,
    "Figure[ShareThreshold]": _share,
}


def _text(mapping: Mapping[object, object], key: str, where: str) -> str:
    value = mapping.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(f"{where}: {key} must be a non-empty string")
    return value


def _date(value: object, where: str) -> date:
    if not isinstance(value, str):
        raise ParameterError(f"{where} must be an ISO date string")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ParameterError(f"{where}: {value!r} is not an ISO date") from exc


@dataclass(frozen=True)
class FigureOverride:
    """An administrator's value for one figure of one rule set (newest wins)."""

    rule_set: str
    figure: str
    value: object
    basis: str
    confirmed: bool


def figure_kind(name: str) -> str:
    """ "bool", "int" or "share": the kind of value figure `name` holds (KeyError if unknown)."""
    kinds = {spec.name: str(spec.type) for spec in fields(Figures)}
    return {"Figure[bool]": "bool", "Figure[int]": "int", "Figure[ShareThreshold]": "share"}[
        kinds[name]
    ]


def with_overrides(data: object, overrides: Iterable[FigureOverride]) -> object:
    """The JSON form of the parameter sets with `overrides` applied (input left unchanged).

    An override naming a rule set or figure that does not exist raises ParameterError, as does
    one for a rule set without figures; parse the result with `parse_parameter_sets`.
    """
    if not isinstance(data, list):
        raise ParameterError("rule parameters must be a JSON list of parameter sets")
    result = [dict(item) if isinstance(item, Mapping) else item for item in data]
    by_name = {item.get("rule_set"): item for item in result if isinstance(item, dict)}
    for override in overrides:
        item = by_name.get(override.rule_set)
        if item is None:
            raise ParameterError(f"unknown rule set {override.rule_set}")
        figures = item.get("figures")
        if not isinstance(figures, Mapping) or override.figure not in figures:
            raise ParameterError(f"{override.rule_set} has no figure {override.figure}")
        figures = dict(figures)
        previous = figures[override.figure]
        entry = dict(previous) if isinstance(previous, Mapping) else {}
        entry.update(value=override.value, basis=override.basis, confirmed=override.confirmed)
        figures[override.figure] = entry
        item["figures"] = figures
    return result
