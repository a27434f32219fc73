"""Domain errors: a stable code and a Vietnamese message, mapped to HTTP in one place."""

from __future__ import annotations

from collections.abc import Mapping


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
