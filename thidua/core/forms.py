"""Show a refused command's reasons on the form that asked for it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.utils.translation import gettext_lazy as _

from thidua.core.errors import DomainError, PermissionDenied


@contextmanager
def refusals_shown_on(form: forms.Form) -> Iterator[None]:
    """Run a service command for a form page: a permission refusal becomes the 403 page, any
    other refusal is shown on the form (and the code after the command is skipped)."""
    try:
        yield
    except PermissionDenied as exc:
        raise DjangoPermissionDenied from exc
    except DomainError as exc:
        add_domain_error(form, exc)


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a refused command on the form: each message on its field when the form has it,
    otherwise at the top, so no reason is lost."""
    if not error.fields:
        form.add_error(None, error.message)
        return
    for field, message in error.fields.items():
        form.add_error(field if field in form.fields else None, message)


class StyledForm(forms.Form):
    """A form whose widgets carry Bootstrap's classes, so templates render `{{ field }}`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()


# Dates outside these bounds are typing mistakes (a year 0001 or 9999), and the day before
# 01/01/0001 cannot even be computed. Not a legal figure: a sanity bound on input.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)


class BoundedDateField(forms.DateField):
    """A date typed as dd/mm/yyyy or picked in the browser, within 1900–2100."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def validate(self, value: date | None) -> None:
        super().validate(value)
        if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
            raise forms.ValidationError(
                _("Enter a date between %(start)s and %(end)s."),
                code="out_of_range",
                params={
                    "start": EARLIEST_DATE.strftime("%d/%m/%Y"),
                    "end": LATEST_DATE.strftime("%d/%m/%Y"),
                },
            )
