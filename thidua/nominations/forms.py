"""Forms of the nomination pages (thin: the services validate)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.awards.choices import Category
from thidua.awards.models import AwardType
from thidua.core.forms import BoundedDateField, StyledForm
from thidua.core.text import name_sort_key
from thidua.nominations.choices import DossierKind, DossierStatus
from thidua.nominations.models import EvidenceFile, PublicComment
from thidua.org.models import Household, Person, Unit

MAX_SUBJECT_CHOICES = 2000


class VersionForm(StyledForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)


class FilterForm(StyledForm):
    box = forms.ChoiceField(
        label=_("Box"),
        required=False,
        choices=[("", _("All")), ("sent", _("Sent by my units")), ("received", _("Received"))],
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *DossierStatus.choices]
    )


class DossierForm(StyledForm):
    proposing_unit = forms.ModelChoiceField(label=_("Proposing unit"), queryset=Unit.objects.none())
    receiving_unit = forms.ModelChoiceField(label=_("Send to"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=DossierKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100)
    title = forms.CharField(label=_("Title"), max_length=500)

    def __init__(self, *args: Any, proposing: Any, receiving: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposing_unit"].queryset = proposing  # type: ignore[attr-defined]
        self.fields["receiving_unit"].queryset = receiving  # type: ignore[attr-defined]


def subject_choices(unit: Unit) -> list[tuple[str, str]]:
    """People, collectives and households of the proposing unit's subtree, for the picker."""
    people = sorted(
        Person.objects.filter(unit__path__startswith=unit.path)
        .select_related("unit")
        .only("pk", "full_name", "unit__name")[:MAX_SUBJECT_CHOICES],
        key=lambda p: name_sort_key(p.full_name),
    )
    units = Unit.objects.filter(path__startswith=unit.path, valid_to__isnull=True).order_by("path")
    households = Household.objects.filter(unit__path__startswith=unit.path).order_by("head_name")[
        :MAX_SUBJECT_CHOICES
    ]
    choices: list[tuple[str, str]] = [("", "---------")]
    choices += [(f"p:{p.pk}", f"{p.full_name} ({p.unit.name if p.unit else ''})") for p in people]
    choices += [(f"u:{u.pk}", f"{_('Collective')}: {u.name}") for u in units]
    choices += [(f"h:{h.pk}", f"{_('Household')}: {h.head_name}") for h in households]
    return choices


class NomineeForm(StyledForm):
    subject = forms.ChoiceField(label=_("Nominee"))
    award_type = forms.ModelChoiceField(label=_("Proposed award"), queryset=AwardType.objects.all())
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    year = forms.IntegerField(label=_("Achievement year"), min_value=1900, max_value=2100)
    achievement = forms.CharField(
        label=_("Achievement summary"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    justification = forms.CharField(
        label=_("Justification (required when not eligible)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = subject_choices(unit)  # type: ignore[attr-defined]


class NomineeEditForm(VersionForm):
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    achievement = forms.CharField(
        label=_("Achievement summary"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    justification = forms.CharField(
        label=_("Justification (required when not eligible)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FileForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=EvidenceFile.Kind.choices)
    file = forms.FileField(label=_("File (PDF, Word, JPEG or PNG; at most 20 MB)"))
    note = forms.CharField(label=_("Note"), required=False, max_length=255)


class ReturnForm(VersionForm):
    reason = forms.CharField(
        label=_("Reasons for returning"), widget=forms.Textarea(attrs={"rows": 4})
    )


class WithdrawForm(VersionForm):
    reason = forms.CharField(
        label=_("Reason for withdrawing"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AppraiseForm(VersionForm):
    result = forms.ChoiceField(
        label=_("Appraisal result"),
        choices=[("appraised", _("Passed appraisal")), ("not_approved", _("Not approved"))],
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ForwardForm(VersionForm):
    target = forms.ModelChoiceField(label=_("Send to"), queryset=Unit.objects.none())

    def __init__(self, *args: Any, targets: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets  # type: ignore[attr-defined]


class PublishForm(VersionForm):
    start = BoundedDateField(label=_("Public comment starts on"))


class ResolveForm(StyledForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (PublicComment.State.DISMISSED, _("Dismissed: the nominee is considered again")),
            (PublicComment.State.UPHELD, _("Upheld")),
        ],
    )
    handling = forms.CharField(label=_("Handling"), widget=forms.Textarea(attrs={"rows": 3}))


class ChecklistForm(VersionForm):
    def __init__(self, *args: Any, items: Any, current: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in items:
            state = current.get(item.code, {})
            self.fields[f"ok_{item.code}"] = forms.BooleanField(
                label=item.label,
                required=False,
                initial=state.get("ok", False),
                help_text=item.basis,
            )
            self.fields[f"note_{item.code}"] = forms.CharField(
                label=_("Note"), required=False, max_length=500, initial=state.get("note", "")
            )
        self.items = list(items)
        # StyledForm styled the fields that existed before; style the item fields too.
        for field in self.fields.values():
            widget = field.widget
            css = "form-check-input" if isinstance(widget, forms.CheckboxInput) else "form-control"
            if "class" not in widget.attrs:
                widget.attrs["class"] = css


class CommentForm(StyledForm):
    nominee = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    kind = forms.ChoiceField(label=_("Kind"), choices=PublicComment.Kind.choices)
    name = forms.CharField(label=_("Your full name"), required=False, max_length=200)
    contact = forms.CharField(
        label=_("Phone or e-mail (required for a complaint)"), required=False, max_length=200
    )
    text = forms.CharField(
        label=_("Content"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
