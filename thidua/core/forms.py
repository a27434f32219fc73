"""Show a refused command's reasons on the form that asked for it."""

from __future__ import annotations

from django import forms

from thidua.core.errors import DomainError


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    placed = False
    for field, message in error.fields.items():
        if field in form.fields:
            form.add_error(field, message)
            placed = True
    if not placed:
        form.add_error(None, error.message)
