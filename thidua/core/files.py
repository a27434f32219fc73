"""Serving a stored file to someone whose right to see it the view has already checked."""

from __future__ import annotations

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404


def stored_file_response(
    field: FieldFile, *, filename: str, content_type: str, inline: bool = False
) -> FileResponse:
    """The file under its original name and the type its content was checked as; a file
    missing from storage is a 404, never a 500; browsers are told not to guess the type."""
    try:
        handle = field.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, filename=filename, content_type=content_type, as_attachment=not inline
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
