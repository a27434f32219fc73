"""Pure eligibility rules for titles and forms (no Django, no I/O, no clock).

The public contract these rules implement is `contracts/eligibility.md`; the law is Luật Thi
đua, khen thưởng 2022 with Nghị định 98/2023/NĐ-CP and 152/2025/NĐ-CP.
"""

from thidua.awards.domain.catalogue import AwardDefinition, parse_catalogue
from thidua.awards.domain.contract import FieldError, parse_query, result_to_json
from thidua.awards.domain.eligibility import check_eligibility, check_many, is_machine_checkable
from thidua.awards.domain.parameters import RuleParameters, parse_parameter_sets, select_rule_set
from thidua.awards.domain.types import (
    AwardCategory,
    AwardRecord,
    Check,
    DisciplinePeriod,
    EligibilityQuery,
    EligibilityResult,
    Initiative,
    MemberStats,
    Rating,
    RecognitionLevel,
    ResearchResult,
    SubjectKind,
    SubjectRecord,
)

__all__ = [
    "AwardCategory",
    "AwardDefinition",
    "AwardRecord",
    "Check",
    "DisciplinePeriod",
    "EligibilityQuery",
    "EligibilityResult",
    "FieldError",
    "Initiative",
    "MemberStats",
    "Rating",
    "RecognitionLevel",
    "ResearchResult",
    "RuleParameters",
    "SubjectKind",
    "SubjectRecord",
    "check_eligibility",
    "check_many",
    "is_machine_checkable",
    "parse_catalogue",
    "parse_parameter_sets",
    "parse_query",
    "result_to_json",
    "select_rule_set",
]
