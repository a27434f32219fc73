"""Optional OpenID Connect single sign-on (mozilla-django-oidc).

Enabled by settings only when THIDUA_OIDC_CLIENT_ID is set. The identity provider proves who
someone is; thidua decides what they may do. So a login maps to an **existing, active** thidua
user — by verified e-mail when exactly one user has it, otherwise by user name — and never
creates a user, a role or a role assignment. Anyone else is refused.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class ExistingUserOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get("email") or claims.get("preferred_username"))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[Any]:
        users = get_user_model()._default_manager.filter(is_active=True)
        email = str(claims.get("email") or "").strip()
        if email and claims.get("email_verified", True) is not False:
            by_email = users.filter(email__iexact=email)
            if by_email.count() == 1:
                return by_email
        username = str(claims.get("preferred_username") or "").strip()
        if username:
            return users.filter(username=username)
        return users.none()

    def create_user(self, claims: dict[str, Any]) -> None:
        """Never: accounts and roles are created in thidua by an administrator."""

    def update_user(self, user: Any, claims: dict[str, Any]) -> Any:
        """The provider's claims never change the thidua account (names, roles, flags)."""
        return user
