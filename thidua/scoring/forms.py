"""Forms of scoring pages (Vietnamese labels through gettext)."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BoundedDateField, StyledForm
from thidua.org.models import Unit
from thidua.scoring.choices import CriterionKind, Frequency, ReviewKind
from thidua.scoring.domain.formulas import FORMULAS
from thidua.scoring.domain.tables import PROPOSABLE_AWARDS


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class ProgressForm(StyledForm):
    target = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Target"))
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Unit"))
    period = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Reporting period"))
    value = forms.DecimalField(
        label=_("Cumulative value at the end of the period"), max_digits=16, decimal_places=4
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = MultipleFileField(label=_("Evidence files"), required=False)

    def __init__(self, *args: Any, targets: Any, units: Any, periods: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets  # type: ignore[attr-defined]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["period"].queryset = periods  # type: ignore[attr-defined]


class ImportForm(StyledForm):
    period = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Reporting period"))
    file = forms.FileField(label=_("Excel file (.xlsx)"))
    dry_run = forms.BooleanField(label=_("Check only, save nothing"), required=False)

    def __init__(self, *args: Any, periods: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods  # type: ignore[attr-defined]


class PeriodsForm(StyledForm):
    frequency = forms.ChoiceField(label=_("Frequency"), choices=Frequency.choices)
    due_days = forms.IntegerField(
        label=_("Report due (days after the period ends)"), min_value=0, max_value=90, initial=10
    )


class PeriodForm(StyledForm):
    label = forms.CharField(label=_("Label"), max_length=120)
    start = BoundedDateField(label=_("From"))
    end = BoundedDateField(label=_("To"))
    due = BoundedDateField(label=_("Report due by"))


class TableForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=300)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100)
    organiser = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Organising unit"))
    movement = forms.ModelChoiceField(
        queryset=Unit.objects.none(), label=_("Movement"), required=False
    )
    cluster = forms.ModelChoiceField(
        queryset=Unit.objects.none(), label=_("Cluster or block"), required=False
    )
    max_total = forms.DecimalField(
        label=_("Maximum total"), initial=100, max_digits=8, decimal_places=2
    )
    leading_count = forms.IntegerField(
        label=_("Leading units"), min_value=1, max_value=50, initial=1
    )
    flag_award = forms.ChoiceField(
        label=_("Flag award"), choices=list(PROPOSABLE_AWARDS.items()), initial="CO_BT"
    )
    flag_count = forms.IntegerField(
        label=_("Units proposed for the flag"), min_value=0, max_value=50, initial=1
    )
    merit_award = forms.ChoiceField(
        label=_("Certificate award"), choices=list(PROPOSABLE_AWARDS.items()), initial="BK_BT"
    )
    merit_count = forms.IntegerField(
        label=_("Units proposed for the certificate"), min_value=0, max_value=50, initial=2
    )
    min_total = forms.DecimalField(
        label=_("Minimum total for a proposal"), initial=0, max_digits=8, decimal_places=2
    )
    vote_threshold = forms.DecimalField(
        label=_("Approval threshold of the cluster vote (%)"),
        initial=80,
        max_digits=5,
        decimal_places=2,
    )
    peer_scoring = forms.BooleanField(label=_("Members also score each other"), required=False)

    def __init__(
        self, *args: Any, organisers: Any, movements: Any, clusters: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisers  # type: ignore[attr-defined]
        self.fields["movement"].queryset = movements  # type: ignore[attr-defined]
        self.fields["cluster"].queryset = clusters  # type: ignore[attr-defined]


class GroupForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=500)
    max_points = forms.DecimalField(label=_("Maximum points"), max_digits=8, decimal_places=2)


class CriterionForm(StyledForm):
    group = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Group"))
    code = forms.CharField(label=_("Code"), max_length=20)
    title = forms.CharField(label=_("Title"), max_length=500)
    kind = forms.ChoiceField(label=_("Type"), choices=CriterionKind.choices)
    formula = forms.ChoiceField(
        label=_("Formula"), choices=[(k, f"{k} – {f.title}") for k, f in FORMULAS.items()]
    )
    params = forms.CharField(
        label=_("Parameters (JSON)"),
        required=False,
        initial="{}",
        help_text=_('For example {"target": 50, "base_share": 0.8}. See the formula reference.'),
    )
    max_points = forms.DecimalField(label=_("Maximum points"), max_digits=8, decimal_places=2)
    weight = forms.DecimalField(label=_("Weight"), initial=1, max_digits=6, decimal_places=2)
    target = forms.ModelChoiceField(
        queryset=Unit.objects.none(), label=_("Target it measures"), required=False
    )
    guidance = forms.CharField(
        label=_("Evidence required"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, groups: Any, targets: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]
        self.fields["target"].queryset = targets  # type: ignore[attr-defined]

    def clean_params(self) -> dict[str, Any]:
        raw = self.cleaned_data.get("params") or "{}"
        try:
            value = json.loads(raw)
        except ValueError as exc:
            raise forms.ValidationError(
                _('Write the parameters as JSON, e.g. {"points_each": 5}.')
            ) from exc
        if not isinstance(value, dict):
            raise forms.ValidationError(_('Write the parameters as JSON, e.g. {"points_each": 5}.'))
        return value


class ClusterChoiceForm(StyledForm):
    cluster = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Cluster or block"))

    def __init__(self, *args: Any, clusters: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = clusters  # type: ignore[attr-defined]


class SheetForm(StyledForm):
    """The score sheet: one value and one note per criterion, grouped on the page."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence = MultipleFileField(label=_("Evidence files"), required=False)

    def __init__(self, *args: Any, entries: Any, stage: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stage = stage
        for e in entries:
            self.fields[f"value_{e.criterion_id}"] = forms.DecimalField(
                label=e.criterion.title,
                required=False,
                max_digits=16,
                decimal_places=4,
                widget=forms.NumberInput(
                    attrs={"class": "form-control form-control-sm", "step": "any"}
                ),
            )
            self.fields[f"note_{e.criterion_id}"] = forms.CharField(
                label=_("Evidence or comment"),
                required=False,
                max_length=1000,
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            )


class TransitionForm(StyledForm):
    action = forms.ChoiceField(
        choices=[("submit", "submit"), ("return", "return"), ("explain", "explain")]
    )
    version = forms.IntegerField()
    text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Comment")
    )


class VoteForm(StyledForm):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Unit"))
    approve = forms.TypedChoiceField(
        label=_("Vote"),
        choices=[("1", _("Approve")), ("0", _("Reject"))],
        coerce=lambda v: v == "1",
    )
    comment = forms.CharField(label=_("Comment"), required=False, max_length=1000)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class ReviewForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=ReviewKind.choices)
    held_on = BoundedDateField(label=_("Held on"))
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    chaired_by = forms.CharField(label=_("Chaired by"), max_length=255, required=False)
    participants = forms.CharField(
        label=_("Participants"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    conclusions = forms.CharField(
        label=_("Conclusions"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class PeerForm(StyledForm):
    def __init__(self, *args: Any, units: Any, max_points: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for unit in units:
            self.fields[f"unit_{unit.pk}"] = forms.DecimalField(
                label=unit.name,
                required=False,
                min_value=0,
                max_value=max_points,
                max_digits=8,
                decimal_places=2,
            )
