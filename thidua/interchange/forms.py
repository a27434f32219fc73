"""Forms of the import centre."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import StyledForm
from thidua.interchange.choices import ImportKind


class UploadForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind of data"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("Sheet (.xlsx or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: check every row without saving anything"), required=False, initial=True
    )


class VersionForm(forms.Form):
    version = forms.IntegerField(min_value=0, max_value=2**31 - 1)
