"""Filter forms of the reports pages (the same filters serve the page, the .xlsx and the API)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.awards.choices import AwardKind, AwardLevel, SubjectScope
from thidua.org.choices import Gender

EARLIEST_YEAR = 1945  # the first commendations of the Republic; a sanity bound on input
MAX_SPAN = 30  # years in one query; a sanity bound, not a legal figure
DEFAULT_COMPARED_YEARS = 4  # earlier years shown beside the last one when none is chosen

ANY = [("", _("All"))]


class StatisticsForm(forms.Form):
    year_from = forms.IntegerField(label=_("From year"), required=False)
    year_to = forms.IntegerField(label=_("To year"), required=False)
    unit = forms.IntegerField(label=_("Unit"), required=False, widget=forms.Select)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=ANY + AwardLevel.choices)
    kind = forms.ChoiceField(label=_("Award form"), required=False, choices=ANY + AwardKind.choices)
    subject = forms.ChoiceField(
        label=_("Subject"),
        required=False,
        choices=ANY + [c for c in SubjectScope.choices if c[0] != SubjectScope.ANY],
    )
    gender = forms.ChoiceField(label=_("Gender"), required=False, choices=ANY + Gender.choices)
    ethnicity = forms.ChoiceField(
        label=_("Ethnicity"),
        required=False,
        choices=ANY + [("majority", _("Kinh")), ("minority", _("Ethnic minorities"))],
    )
    direct = forms.ChoiceField(
        label=_("Directly works and produces"),
        required=False,
        choices=ANY + [("yes", _("Yes")), ("no", _("No"))],
    )

    def __init__(self, *args: Any, units: list[tuple[int, str]] | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self.fields["unit"].widget.choices = [("", _("Everything I may see")), *(units or [])]
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs.setdefault("class", "form-select form-select-sm")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        this_year = timezone.localdate().year
        # By default the last complete year, compared with the four before it.
        year_to = data.get("year_to") or this_year - 1
        year_from = data.get("year_from") or year_to - DEFAULT_COMPARED_YEARS
        for name, value in (("year_from", year_from), ("year_to", year_to)):
            if not EARLIEST_YEAR <= value <= this_year + 1:
                self.add_error(
                    name,
                    _("The year must be between %(low)s and %(high)s.")
                    % {"low": EARLIEST_YEAR, "high": this_year + 1},
                )
        if year_from > year_to:
            self.add_error("year_from", _("The first year must not be after the last year."))
        elif year_to - year_from >= MAX_SPAN:
            self.add_error(
                "year_from", _("Choose at most %(n)s years at a time.") % {"n": MAX_SPAN}
            )
        data["year_from"], data["year_to"] = year_from, year_to
        return data


class StatutoryForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False)
    form = forms.ChoiceField(label=_("Form"), required=False)
    unit = forms.IntegerField(label=_("Unit"), required=False, widget=forms.Select)

    def __init__(
        self,
        *args: Any,
        codes: list[tuple[str, str]] | None = None,
        units: list[tuple[int, str]] | None = None,
        **kw: Any,
    ):
        super().__init__(*args, **kw)
        choice_field: Any = self.fields["form"]
        choice_field.choices = [("", _("All forms")), *(codes or [])]
        self.fields["unit"].widget.choices = [("", _("Everything I may see")), *(units or [])]
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs.setdefault("class", "form-select form-select-sm")

    def clean_year(self) -> int:
        value = self.cleaned_data.get("year") or timezone.localdate().year - 1
        if not EARLIEST_YEAR <= value <= timezone.localdate().year + 1:
            raise forms.ValidationError(
                _("The year must be between %(low)s and %(high)s."),
                params={"low": EARLIEST_YEAR, "high": timezone.localdate().year + 1},
            )
        return int(value)
