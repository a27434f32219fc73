"""Domain errors: a stable code and a Vietnamese message, mapped to HTTP in one place."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol


class DomainError(Exception):
    """A command was refused. Nothing was written.

    `code` is stable (API clients and tests match on it); `message` is for people
    (Vietnamese); `fields` maps form field names to messages where the error is about input.
    """

    status = 400

    def __init__(self, code: str, message: str, *, fields: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.fields = dict(fields or {})


class PermissionDenied(DomainError):
    """The actor may see the object but not do this to it (HTTP 403)."""

    status = 403

    def __init__(self, message: str = "Bạn không có quyền thực hiện thao tác này.") -> None:
        super().__init__("PERMISSION_DENIED", message)


class NotFound(DomainError):
    """The object does not exist or lies outside the actor's scope (HTTP 404)."""

    status = 404

    def __init__(
        self, message: str = "Không tìm thấy đối tượng hoặc bạn không có quyền xem."
    ) -> None:
        super().__init__("NOT_FOUND", message)


class ConcurrentChange(DomainError):
    """Someone else changed the record since it was loaded (optimistic locking)."""

    status = 409

    def __init__(self) -> None:
        super().__init__(
            "CONCURRENT_CHANGE",
            "Bản ghi đã được người khác thay đổi trong lúc bạn sửa. "
            "Hãy tải lại trang để xem nội dung mới nhất rồi sửa lại.",
        )


class ReasonLike(Protocol):
    """What a domain rule returns when it refuses (e.g. `org.domain.reasons.Reason`)."""

    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def field(self) -> str: ...


def refusal(reasons: Sequence[ReasonLike], code: str = "INVALID_INPUT") -> DomainError:
    """One DomainError for a list of domain reasons: the reasons' code when they share one
    (else `code`), all messages joined, and each message under its form field."""
    fields: dict[str, str] = {}
    for reason in reasons:
        key = reason.field or "__all__"
        fields[key] = (fields[key] + " " if key in fields else "") + reason.message
    distinct = {reason.code for reason in reasons}
    return DomainError(
        reasons[0].code if len(distinct) == 1 else code,
        " ".join(reason.message for reason in reasons),
        fields=fields,
    )
