"""Forms of the exemplary-model pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import Initiative
from thidua.core.forms import BoundedDateField, StyledForm
from thidua.exemplars.choices import ConferenceLevel, MediaKind, ModelStatus, Sector, Stage
from thidua.exemplars.models import ExemplaryModel
from thidua.movements.models import Movement
from thidua.org.models import Household, Person, Unit


def _set_queryset(form: forms.Form, name: str, queryset: Any) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


class FilterForm(StyledForm):
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("All stages"))] + Stage.choices
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + ModelStatus.choices
    )
    published = forms.ChoiceField(
        label=_("Published"),
        required=False,
        choices=[("", _("Published or not")), ("yes", _("Published")), ("no", _("Not published"))],
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class CaseFileForm(StyledForm):
    title = forms.CharField(label=_("Title of the model"), max_length=300)
    sector = forms.ChoiceField(label=_("Field"), choices=Sector.choices)
    movement = forms.ModelChoiceField(
        label=_("Movement"), queryset=Movement.objects.none(), required=False
    )
    story = forms.CharField(
        label=_("Story"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text; an empty line starts a new paragraph."),
    )
    achievements = forms.CharField(
        label=_("Achievements"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    initiatives = forms.ModelMultipleChoiceField(
        label=_("Initiatives"), queryset=Initiative.objects.none(), required=False
    )

    def __init__(self, *args: Any, movements: Any, initiatives: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_queryset(self, "movement", movements)
        _set_queryset(self, "initiatives", initiatives)


class CreateForm(CaseFileForm):
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=Person.objects.none(), required=False
    )
    collective = forms.ModelChoiceField(
        label=_("Collective"), queryset=Unit.objects.none(), required=False
    )
    household = forms.ModelChoiceField(
        label=_("Household"), queryset=Household.objects.none(), required=False
    )
    discovered_on = BoundedDateField(
        label=_("Discovered on"),
        required=False,
        help_text=_("Left empty: today. Not used for a unit's proposal."),
    )
    responsible_unit = forms.ModelChoiceField(
        label=_("Unit responsible for the discovery"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("Left empty: the model's own unit."),
    )

    field_order = ["person", "collective", "household", "title", "sector", "movement"]

    def __init__(self, *args: Any, people: Any, units: Any, households: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_queryset(self, "person", people)
        _set_queryset(self, "collective", units)
        _set_queryset(self, "household", households)
        _set_queryset(self, "responsible_unit", units)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = [data.get(n) for n in ("person", "collective", "household") if data.get(n)]
        if len(chosen) != 1:
            raise forms.ValidationError(
                _("Choose exactly one: a person, a collective or a household.")
            )
        return data

    @property
    def subject(self) -> Person | Unit | Household:
        data = self.cleaned_data
        subject = data.get("person") or data.get("collective") or data.get("household")
        assert subject is not None
        return subject  # type: ignore[no-any-return]


class StageForm(StyledForm):
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)
    date = BoundedDateField(label=_("Date"))
    responsible_unit = forms.ModelChoiceField(
        label=_("Responsible unit"), queryset=Unit.objects.none()
    )
    note = forms.CharField(
        label=_("What was done"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_queryset(self, "responsible_unit", units)


class MediaForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=MediaKind.choices)
    file = forms.FileField(label=_("File"))
    caption = forms.CharField(label=_("Caption"), required=False, max_length=255)


class ReplicationForm(StyledForm):
    unit = forms.ModelChoiceField(label=_("Adopting unit"), queryset=Unit.objects.none())
    adopted_on = BoundedDateField(label=_("Adopted on"))
    result = forms.CharField(
        label=_("Result"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    measure = forms.CharField(
        label=_("Measured as"),
        required=False,
        max_length=100,
        help_text=_("What was counted, e.g. households out of poverty, km of road."),
    )
    measured_value = forms.DecimalField(
        label=_("Measured result"), required=False, max_digits=16, decimal_places=2
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_queryset(self, "unit", units)


class ConferenceForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=300)
    level = forms.ChoiceField(label=_("Level"), choices=ConferenceLevel.choices)
    held_on = BoundedDateField(label=_("Held on"))
    place = forms.CharField(label=_("Place"), required=False, max_length=255)
    organiser = forms.ModelChoiceField(label=_("Organising unit"), queryset=Unit.objects.none())
    attendees = forms.IntegerField(
        label=_("Attendees"), required=False, min_value=0, max_value=1_000_000
    )
    document_number = forms.CharField(label=_("Document number"), required=False, max_length=60)
    models = forms.ModelMultipleChoiceField(
        label=_("Models honoured"),
        queryset=ExemplaryModel.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, units: Any, models: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_queryset(self, "organiser", units)
        _set_queryset(self, "models", models)
        self.fields["models"].widget.attrs["class"] = ""
