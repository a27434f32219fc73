"""The API object: token or session auth, stable error codes, Vietnamese messages."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import HttpBearer, django_auth

from thidua.accounts.services import user_for_api_key
from thidua.core.errors import DomainError


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_api_key(token)
        if user is not None:
            request.user = user
            request.auth_via = "token"  # type: ignore[attr-defined]
        return user


api = NinjaAPI(
    title="thidua API",
    version="1",
    description=(
        "API của hệ thống thi đua, khen thưởng (thidua). Xác thực bằng Bearer token. "
        "Các thao tác ghi (POST, PUT, PATCH, DELETE) nhận header Idempotency-Key: gửi lại "
        "cùng khóa và cùng nội dung trả về đúng phản hồi lần đầu mà không thực hiện lại; "
        "cùng khóa với nội dung khác bị từ chối (422); khóa hết hạn sau 24 giờ."
    ),
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return api.create_response(
        request, {"code": exc.code, "message": exc.message, "fields": exc.fields}, status=exc.status
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request,
        {"code": "NOT_FOUND", "message": "Không tìm thấy đối tượng hoặc bạn không có quyền xem."},
        status=404,
    )


@api.exception_handler(AuthenticationError)
def unauthorised(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request,
        {"code": "UNAUTHORISED", "message": "Cần đăng nhập hoặc token API hợp lệ."},
        status=401,
    )


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(
        request,
        {"code": "INVALID_INPUT", "message": "Dữ liệu gửi lên không hợp lệ.", "detail": exc.errors},
        status=422,
    )
