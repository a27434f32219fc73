"""Two-factor enforcement: administrators, council members and signers must verify a TOTP
code before they can use anything but the two-factor pages and logout."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

_ALLOWED_PREFIXES = (
    "/static/",
    "/verify/",
    "/public/",
    "/models/",
    "/healthz",
    "/metrics",
    "/api/v1/eligibility/",
)


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            settings.REQUIRE_TWO_FACTOR
            and user is not None
            and user.is_authenticated
            and not user.is_verified()  # type: ignore[union-attr]
            and getattr(request, "auth_via", "") != "token"
            and not request.path.startswith(_ALLOWED_PREFIXES)
            and request.path
            not in {
                reverse("accounts:two_factor"),
                reverse("accounts:two_factor_setup"),
                reverse("accounts:logout"),
            }
            and user.needs_two_factor()  # type: ignore[union-attr]
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"code": "TWO_FACTOR_REQUIRED", "message": "Cần xác thực hai lớp."}, status=403
                )
            return redirect(f"{reverse('accounts:two_factor')}?next={request.path}")
        return self.get_response(request)
