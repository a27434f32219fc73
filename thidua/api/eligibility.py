"""`POST /api/v1/eligibility/check`: the eligibility contract over HTTP.

Public and stateless (no authentication, no database): the body is the contract's input object
or an array of them; 200 returns the result (or array, same order); 422 lists every bad field
as `{"detail": [{"loc": [...], "msg": "..."}], "code": "INVALID_INPUT"}`. The body is read
here rather than by a schema so that errors follow the contract, in Vietnamese, all at once.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, JsonResponse
from ninja import Router

from thidua.awards.domain.types import (
    AwardCategory,
    Rating,
    RecognitionLevel,
    SubjectKind,
)
from thidua.awards.eligibility_io import FieldError, evaluate_payload

INVALID_INPUT = "INVALID_INPUT"

router = Router(tags=["eligibility"], auth=None)


def _enum(values: Any) -> list[str]:
    return [member.value for member in values]


_YEAR = {"type": "integer", "minimum": 1900, "maximum": 2100}
_NULLABLE_TEXT = {"type": ["string", "null"]}
_LEVEL = {"enum": _enum(RecognitionLevel)}

INPUT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "EligibilityInput",
    "required": ["award", "year", "proposal_date", "subject"],
    "properties": {
        "award": {"type": "string", "description": "Mã trong danh mục khen thưởng (awards.csv)."},
        "year": {**_YEAR, "description": "Năm thành tích được đề nghị (Y)."},
        "proposal_date": {
            "type": "string",
            "format": "date",
            "description": "Ngày đề nghị; chọn bộ quy tắc áp dụng.",
        },
        "subject": {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"enum": _enum(SubjectKind)}, "name": _NULLABLE_TEXT},
        },
        "registered": {"type": "boolean", "default": False},
        "ratings": {
            "type": "object",
            "description": "Kết quả đánh giá, xếp loại theo năm.",
            "patternProperties": {"^[0-9]{4}$": {"enum": _enum(Rating)}},
            "additionalProperties": False,
        },
        "awards": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "year"],
                "properties": {
                    "code": {"type": "string"},
                    "year": _YEAR,
                    "category": {"enum": _enum(AwardCategory), "default": "CONG_TRANG"},
                    "revoked": {"type": "boolean", "default": False},
                },
            },
        },
        "initiatives": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["level", "year"],
                "properties": {
                    "id": _NULLABLE_TEXT,
                    "level": _LEVEL,
                    "year": _YEAR,
                    "used_for": _NULLABLE_TEXT,
                },
            },
        },
        "research": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["level", "accepted_year"],
                "properties": {
                    "id": _NULLABLE_TEXT,
                    "level": _LEVEL,
                    "accepted_year": _YEAR,
                    "used_for": _NULLABLE_TEXT,
                },
            },
        },
        "discipline": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["level", "from"],
                "properties": {
                    "level": {"type": "string", "examples": ["KHIEN_TRACH", "CANH_CAO"]},
                    "from": {"type": "string", "format": "date"},
                    "to": {"type": ["string", "null"], "format": "date"},
                },
            },
        },
        "under_investigation": {"type": "boolean", "default": False},
        "members": {
            "type": ["object", "null"],
            "description": "Số liệu thành viên của tập thể; bắt buộc với TTLDTT và TTLDXS.",
            "properties": {
                name: {"type": "integer", "minimum": 0}
                for name in (
                    "total",
                    "htnv_or_better",
                    "ldtt",
                    "cstdcs",
                    "disciplined_canh_cao_or_above",
                )
            },
        },
    },
}

RESULT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "EligibilityResult",
    "required": ["award", "year", "eligible", "rule_set", "checks", "missing"],
    "properties": {
        "award": {"type": "string"},
        "year": {"type": "integer"},
        "eligible": {"type": "boolean"},
        "rule_set": {"type": "string"},
        "checks": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "passed", "message", "basis"],
                "properties": {
                    "code": {"type": "string"},
                    "passed": {"type": "boolean"},
                    "message": {"type": "string"},
                    "basis": {"type": "string"},
                },
            },
        },
        "missing": {"type": "array", "items": {"type": "string"}},
    },
}

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["detail", "code"],
    "properties": {
        "detail": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["loc", "msg"],
                "properties": {
                    "loc": {"type": "array", "items": {"type": ["string", "integer"]}},
                    "msg": {"type": "string"},
                    "field": {"type": "string", "examples": ["awards[1].year"]},
                },
            },
        },
        "code": {"const": INVALID_INPUT},
    },
}

_EXAMPLE = {
    "award": "CSTDBT",
    "year": 2025,
    "proposal_date": "2025-12-10",
    "subject": {"kind": "individual", "name": "Nguyễn Thị Hoa"},
    "registered": True,
    "ratings": {"2023": "HTT", "2024": "HTXS", "2025": "HTXS"},
    "awards": [{"code": "CSTDCS", "year": year} for year in (2023, 2024, 2025)],
    "initiatives": [{"id": "SK-17", "level": "BO_TINH", "year": 2025, "used_for": None}],
    "research": [],
    "discipline": [],
    "under_investigation": False,
}

_OPENAPI = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"oneOf": [INPUT_SCHEMA, {"type": "array", "items": INPUT_SCHEMA}]},
                "example": _EXAMPLE,
            }
        },
    },
    "responses": {
        200: {
            "description": "Kết quả kiểm tra (một đối tượng, hoặc một mảng cùng thứ tự đầu vào).",
            "content": {
                "application/json": {
                    "schema": {"oneOf": [RESULT_SCHEMA, {"type": "array", "items": RESULT_SCHEMA}]}
                }
            },
        },
        422: {
            "description": "Dữ liệu đầu vào không hợp lệ; liệt kê mọi trường sai.",
            "content": {"application/json": {"schema": ERROR_SCHEMA}},
        },
    },
}


@router.post(
    "/check",
    auth=None,
    summary="Kiểm tra điều kiện khen thưởng",
    description=(
        "Kiểm tra một đối tượng (cá nhân, tập thể, hộ gia đình) có đạt tiêu chuẩn danh hiệu "
        "hoặc hình thức khen thưởng cho năm thành tích hay không, kèm lý do và căn cứ pháp lý "
        "của từng tiêu chuẩn. Không cần xác thực; không lưu dữ liệu."
    ),
    operation_id="eligibility_check",
    openapi_extra=_OPENAPI,
)
def check(request: HttpRequest) -> JsonResponse:
    try:
        payload = json.loads(request.body.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _invalid([FieldError((), "Nội dung yêu cầu phải là văn bản UTF-8.")])
    except json.JSONDecodeError as exc:
        message = (
            f"Nội dung yêu cầu không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno}: "
            f"{exc.msg})."
        )
        return _invalid([FieldError((), message)])
    result, errors = evaluate_payload(payload)
    if errors:
        return _invalid(errors)
    return _json(result, status=200)


def _invalid(errors: list[FieldError]) -> JsonResponse:
    detail = [
        {"loc": ["body", *error.loc], "msg": error.message, "field": error.path} for error in errors
    ]
    return _json({"detail": detail, "code": INVALID_INPUT}, status=422)


def _json(data: object, *, status: int) -> JsonResponse:
    return JsonResponse(
        data,
        status=status,
        safe=False,
        json_dumps_params={"ensure_ascii": False},
        content_type="application/json; charset=utf-8",
    )
