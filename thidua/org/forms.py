from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BoundedDateField, StyledForm
from thidua.org.choices import ClusterKind, Gender, UnitKind
from thidua.org.models import Unit


def field_of(form: forms.Form, name: str) -> Any:
    """A form field, typed loosely so model-choice attributes can be set."""
    return form.fields[name]


def unit_label(unit: Unit) -> str:
    """A unit in a select box: name and code, and when it ended."""
    label = f"{unit.name} ({unit.code})"
    if unit.valid_to is not None:
        label += " – " + _("ended %(d)s") % {"d": unit.valid_to.strftime("%d/%m/%Y")}
    return label


MAX_ID = 2**63 - 1  # the largest primary key a database column can hold


def _id_in_range(value: Any) -> bool:
    """Whether a posted id could be a primary key (a huge number would overflow the query)."""
    try:
        return 0 < int(str(value)) <= MAX_ID
    except ValueError:
        return False


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:  # type: ignore[override]
        return unit_label(obj)

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not _id_in_range(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Unit) -> str:  # type: ignore[override]
        return unit_label(obj)

    def clean(self, value: Any) -> Any:
        for item in value or []:
            if not _id_in_range(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super().clean(value)


def version_field() -> forms.IntegerField:
    """The hidden optimistic-locking version, bounded so a forged value cannot overflow."""
    return forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)


class UnitForm(StyledForm):
    code = forms.CharField(label=_("Code"), max_length=40)
    name = forms.CharField(label=_("Name"), max_length=255)
    short_name = forms.CharField(label=_("Short name"), max_length=120, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=UnitKind.choices)
    valid_from = BoundedDateField(label=_("Active from"), required=False)


class UnitEditForm(StyledForm):
    code = forms.CharField(label=_("Code"), max_length=40)
    short_name = forms.CharField(label=_("Short name"), max_length=120, required=False)
    version = version_field()


class RenameForm(StyledForm):
    new_name = forms.CharField(label=_("New name"), max_length=255)
    effective_date = BoundedDateField(label=_("Effective date"))
    legal_reference = forms.CharField(label=_("Legal reference"), max_length=255, required=False)


class MoveForm(StyledForm):
    new_parent = UnitChoiceField(label=_("New parent unit"), queryset=Unit.objects.none())
    effective_date = BoundedDateField(label=_("Effective date"))
    legal_reference = forms.CharField(label=_("Legal reference"), max_length=255, required=False)

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "new_parent").queryset = units if units is not None else Unit.objects.none()


class MergeForm(StyledForm):
    others = UnitMultipleChoiceField(
        label=_("Units merged with this one"),
        queryset=Unit.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    effective_date = BoundedDateField(label=_("Effective date"))
    keep_this = forms.BooleanField(
        label=_("This unit continues as the successor"), required=False, initial=True
    )
    new_code = forms.CharField(label=_("Code of the new unit"), max_length=40, required=False)
    new_name = forms.CharField(label=_("Name of the new unit"), max_length=255, required=False)
    legal_reference = forms.CharField(label=_("Legal reference"), max_length=255, required=False)
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "others").queryset = units if units is not None else Unit.objects.none()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("keep_this") and not (data.get("new_code") and data.get("new_name")):
            raise forms.ValidationError(
                _("Either keep this unit as the successor or give the new unit's code and name.")
            )
        return data


class DissolveForm(StyledForm):
    effective_date = BoundedDateField(label=_("Effective date"))
    successor = UnitChoiceField(
        label=_("Successor inheriting the history"), queryset=Unit.objects.none(), required=False
    )
    legal_reference = forms.CharField(label=_("Legal reference"), max_length=255, required=False)
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "successor").queryset = units if units is not None else Unit.objects.none()


class PersonForm(StyledForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices)
    date_of_birth = BoundedDateField(label=_("Date of birth"), required=False)
    ethnicity = forms.CharField(label=_("Ethnicity"), max_length=60, initial="Kinh")
    national_id = forms.CharField(label=_("Citizen ID (CCCD)"), max_length=20, required=False)
    civil_servant_code = forms.CharField(
        label=_("Civil servant code"), max_length=40, required=False
    )


class PersonCreateForm(PersonForm):
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    is_direct_worker = forms.BooleanField(
        label=_("Directly works in production or business"), required=False
    )
    since = BoundedDateField(label=_("In this unit since"))


class PersonEditForm(PersonForm):
    version = version_field()


class ClusterForm(StyledForm):
    code = forms.CharField(label=_("Code"), max_length=40)
    name = forms.CharField(label=_("Name"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=ClusterKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    organiser = UnitChoiceField(label=_("Organising unit"), queryset=Unit.objects.none())
    members = UnitMultipleChoiceField(
        label=_("Member units"),
        queryset=Unit.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    leader = UnitChoiceField(
        label=_("Cluster leader"), queryset=Unit.objects.none(), required=False
    )
    deputy = UnitChoiceField(label=_("Deputy leader"), queryset=Unit.objects.none(), required=False)

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = units if units is not None else Unit.objects.none()
        for name in ("organiser", "members", "leader", "deputy"):
            field_of(self, name).queryset = qs
