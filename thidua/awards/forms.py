"""Forms of the award pages: they only parse input; the services decide."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.awards.choices import (
    AwardKind,
    AwardLevel,
    Category,
    DisciplineLevel,
    InitiativeKind,
    MatterKind,
    RatingChoice,
    RecognitionLevelChoice,
)
from thidua.awards.models import AwardRecord, AwardType
from thidua.core.forms import BoundedDateField, StyledForm
from thidua.org.forms import UnitChoiceField, field_of, version_field
from thidua.org.models import Person, Unit

MAX_ID = 2**63 - 1  # the largest primary key a database column can hold


ACHIEVEMENT_YEAR = _("Achievement year")
NOTE = _("Note")


def year_field(label: Any = ACHIEVEMENT_YEAR, **kwargs: Any) -> forms.IntegerField:
    """A year, bounded so that a typing mistake is refused in the form (the service then
    applies the legal range: from 1945 up to the current year)."""
    return forms.IntegerField(label=label, min_value=1900, max_value=2100, **kwargs)


def _id_in_range(value: Any) -> bool:
    try:
        return 0 < int(str(value)) <= MAX_ID
    except ValueError:
        return False


class BoundedChoiceField(forms.ModelChoiceField):
    """A model choice whose posted id cannot overflow the query."""

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not _id_in_range(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class AwardTypeChoiceField(BoundedChoiceField):
    def label_from_instance(self, obj: AwardType) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.code})"


class AwardChoiceField(BoundedChoiceField):
    def label_from_instance(self, obj: AwardRecord) -> str:  # type: ignore[override]
        subject = obj.person or obj.unit or obj.household
        return f"{obj.award_type.name} {obj.year} – {subject}"


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Person) -> str:  # type: ignore[override]
        return f"{obj.full_name} – {obj.position}" if obj.position else obj.full_name

    def clean(self, value: Any) -> Any:
        for item in value or []:
            if not _id_in_range(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super().clean(value)


def text_field(label: Any, *, max_length: int = 255, required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, required=required)


def note_field(label: Any = NOTE, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=4000,
        required=required,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AwardForm(StyledForm):
    award_type = AwardTypeChoiceField(label=_("Award"), queryset=AwardType.objects.none())
    year = year_field()
    category = forms.ChoiceField(
        label=_("Category"), choices=Category.choices, initial=Category.CONG_TRANG
    )
    decision_number = text_field(_("Decision number"), max_length=60)
    decision_date = BoundedDateField(label=_("Decision date"), required=False)
    issuer = text_field(_("Issued by"))
    note = note_field()

    def __init__(self, *args: Any, award_types: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "award_type").queryset = (
            award_types if award_types is not None else AwardType.objects.none()
        )
        self.fields["year"].help_text = _(
            "The year the achievement was made in, not the year of the decision."
        )


class RevokeForm(StyledForm):
    revoked_on = BoundedDateField(label=_("Revoked on"))
    reason = note_field(_("Reason for revocation"), required=True)
    version = version_field()


class RatingForm(StyledForm):
    year = year_field(_("Year"))
    rating = forms.ChoiceField(label=_("Rating"), choices=RatingChoice.choices)


class InitiativeForm(StyledForm):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=InitiativeKind.choices, initial=InitiativeKind.INITIATIVE
    )
    title = text_field(_("Name of the initiative or research"), max_length=500, required=True)
    level = forms.ChoiceField(label=_("Recognition level"), choices=RecognitionLevelChoice.choices)
    year = year_field(_("Year recognised"))
    recognised_by = text_field(_("Recognised by"))
    decision_number = text_field(_("Decision number"), max_length=60)
    authors = PeopleChoiceField(
        label=_("Authors"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "authors").queryset = people if people is not None else Person.objects.none()


class InitiativeUseForm(StyledForm):
    award = AwardChoiceField(label=_("Award it supported"), queryset=AwardRecord.objects.none())
    version = version_field()

    def __init__(self, *args: Any, awards: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "award").queryset = (
            awards if awards is not None else AwardRecord.objects.none()
        )


class DisciplineForm(StyledForm):
    level = forms.ChoiceField(label=_("Measure"), choices=DisciplineLevel.choices)
    start = BoundedDateField(label=_("In force from"))
    end = BoundedDateField(label=_("In force until"), required=False)
    decision_number = text_field(_("Decision number"), max_length=60)
    note = note_field()


class MatterOpenForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=MatterKind.choices)
    opened = BoundedDateField(label=_("Opened on"))
    note = note_field()


class MatterCloseForm(StyledForm):
    closed = BoundedDateField(label=_("Concluded on"))
    version = version_field()


# ------------------------------------------------------------------ catalogue terms (admin)


def basis_field() -> forms.CharField:
    return text_field(_("Legal basis"), required=True)


class ParameterForm(StyledForm):
    """One figure's new value; which value field is shown depends on the figure's kind."""

    basis = basis_field()
    confirmed = forms.BooleanField(label=_("Confirmed in the legal text"), required=False)
    reason = note_field(_("Reason for the change"), required=True)

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        value: forms.Field
        if kind == "bool":
            value = forms.BooleanField(label=_("Applies (yes)"), required=False)
        elif kind == "int":
            value = forms.IntegerField(label=_("Value"), min_value=0, max_value=1000)
        else:
            value = forms.DecimalField(
                label=_("Share (from 0 to 1)"),
                min_value=Decimal(0),
                max_value=Decimal(1),
                max_digits=7,
                decimal_places=6,
            )
        fields: dict[str, forms.Field] = {"value": value}
        if kind == "share":
            fields["inclusive"] = forms.BooleanField(
                label=_("Inclusive (at least the share; otherwise more than it)"),
                required=False,
            )
        self.fields = {**fields, **self.fields}
        for name in fields:  # StyledForm styled only the fields declared on the class
            widget = self.fields[name].widget
            css = "form-check-input" if isinstance(widget, forms.CheckboxInput) else "form-control"
            widget.attrs["class"] = css

    def json_value(self) -> object:
        """The value in the JSON form of `rule_parameters.json`."""
        value = self.cleaned_data["value"]
        if self.kind == "bool":
            return bool(value)
        if self.kind == "int":
            return int(value)
        share = value.normalize()
        return {"share": f"{share:f}", "inclusive": bool(self.cleaned_data.get("inclusive"))}


class BaseSalaryForm(StyledForm):
    amount = forms.IntegerField(label=_("Amount (VND per month)"), min_value=1, max_value=10**12)
    effective_from = BoundedDateField(label=_("In force from"))
    legal_basis = basis_field()


class QuotaRuleForm(StyledForm):
    issuer = UnitChoiceField(label=_("Issuer"), queryset=Unit.objects.none())
    year = year_field(_("Year"))
    award_type = AwardTypeChoiceField(label=_("Capped award"), queryset=AwardType.objects.none())
    base_award_type = AwardTypeChoiceField(
        label=_("Share of holders of"),
        queryset=AwardType.objects.none(),
        required=False,
        help_text=_("Leave empty to count the unit's people."),
    )
    max_percent = forms.DecimalField(
        label=_("At most (%)"),
        min_value=Decimal("0.01"),
        max_value=Decimal(100),
        max_digits=5,
        decimal_places=2,
    )
    legal_basis = basis_field()

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "issuer").queryset = units if units is not None else Unit.objects.none()
        types = AwardType.objects.all()
        field_of(self, "award_type").queryset = types
        field_of(self, "base_award_type").queryset = types


class RecordSearchForm(StyledForm):
    """Filters of the award-history search (GET). Bad values are simply not applied."""

    unit = forms.IntegerField(
        label=_("Unit (with the units it succeeded)"), required=False, min_value=1
    )
    year = year_field(required=False)
    award = forms.ModelChoiceField(
        label=_("Award"),
        queryset=AwardType.objects.all(),
        to_field_name="code",
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", "—"), *AwardKind.choices], required=False
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=[("", "—"), *AwardLevel.choices], required=False
    )
