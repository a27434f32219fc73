"""Forms of the council pages (bounded like the columns they fill)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BoundedDateField, StyledForm
from thidua.council.choices import Base, Choice, Comparison, MemberRole
from thidua.council.models import Elector
from thidua.nominations.models import Nominee
from thidua.org.models import Person, Unit


class CouncilForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=255)
    body = forms.ModelChoiceField(label=_("Body"), queryset=Unit.objects.none())

    def __init__(self, *args: Any, bodies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies  # type: ignore[attr-defined]


class MemberForm(StyledForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    title = forms.CharField(label=_("Position"), max_length=255, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)
    user = forms.ModelChoiceField(
        label=_("User account (to vote)"),
        queryset=get_user_model().objects.none(),
        required=False,
    )
    person = forms.ModelChoiceField(
        label=_("Person (to detect conflicts of interest)"),
        queryset=Person.objects.none(),
        required=False,
    )
    valid_from = BoundedDateField(label=_("From"))
    valid_to = BoundedDateField(label=_("Until"), required=False)

    def __init__(self, *args: Any, users: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users  # type: ignore[attr-defined]
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class EndMemberForm(StyledForm):
    valid_to = BoundedDateField(label=_("Until"))


class SessionForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=255)
    held_on = BoundedDateField(label=_("Meeting date"))
    place = forms.CharField(label=_("Place"), max_length=255)
    chaired_by = forms.CharField(label=_("Chaired by"), max_length=200, required=False)
    ballot_opens_at = forms.DateTimeField(
        label=_("Voting opens at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    ballot_closes_at = forms.DateTimeField(
        label=_("Voting closes at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    notes = forms.CharField(label=_("Notes for the minutes"), widget=forms.Textarea, required=False)


class AgendaForm(StyledForm):
    nominee = forms.ModelChoiceField(label=_("Nominee"), queryset=Nominee.objects.none())

    def __init__(self, *args: Any, nominees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nominee"].queryset = nominees  # type: ignore[attr-defined]


class OpenForm(StyledForm):
    present = forms.MultipleChoiceField(
        label=_("Members present"), widget=forms.CheckboxSelectMultiple, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [  # type: ignore[attr-defined]
            (str(m.pk), f"{m.full_name} – {m.title}") for m in members
        ]
        self.fields["present"].widget.attrs["class"] = "form-check-input"


class VersionForm(StyledForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)


class RecusalForm(StyledForm):
    elector = forms.ModelChoiceField(label=_("Member"), queryset=Elector.objects.none())
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, electors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["elector"].queryset = electors  # type: ignore[attr-defined]


class WrittenBallotForm(StyledForm):
    elector = forms.ModelChoiceField(label=_("Absent member"), queryset=Elector.objects.none())
    choice = forms.ChoiceField(label=_("Ballot"), choices=Choice.choices, widget=forms.RadioSelect)

    def __init__(self, *args: Any, electors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["elector"].queryset = electors  # type: ignore[attr-defined]
        self.fields["choice"].widget.attrs["class"] = "form-check-input"


class BallotForm(StyledForm):
    """One radio group per agenda item the member may still vote on."""

    def __init__(self, *args: Any, items: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in items:
            field = forms.ChoiceField(
                label=str(item.nominee),
                choices=Choice.choices,
                widget=forms.RadioSelect,
                required=False,
            )
            field.widget.attrs["class"] = "form-check-input"
            self.fields[f"item_{item.pk}"] = field

    def choices(self) -> dict[int, str]:
        return {
            int(name.removeprefix("item_")): value
            for name, value in self.cleaned_data.items()
            if value
        }


class RuleForm(StyledForm):
    base = forms.ChoiceField(label=_("Base"), choices=Base.choices)
    comparison = forms.ChoiceField(label=_("Comparison"), choices=Comparison.choices)
    percent = forms.DecimalField(
        label=_("Percentage"), max_digits=5, decimal_places=2, min_value=0, max_value=100
    )
    quorum_numerator = forms.IntegerField(label=_("Quorum numerator"), min_value=0, max_value=100)
    quorum_denominator = forms.IntegerField(
        label=_("Quorum denominator"), min_value=1, max_value=100
    )
    secret = forms.BooleanField(label=_("Secret ballot"), required=False)
    confirmed = forms.BooleanField(label=_("Confirmed in the legal text"), required=False)
    basis = forms.CharField(label=_("Legal basis"), widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(
        label=_("Reason for the change"), widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)
