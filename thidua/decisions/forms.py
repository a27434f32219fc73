"""Forms of the decision pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.awards.choices import Category
from thidua.awards.models import AwardType
from thidua.core.forms import BoundedDateField, StyledForm
from thidua.decisions.choices import DecisionStatus, RevocationGround
from thidua.decisions.domain.layout import FIELDS, MAX_SIZE_PT, MIN_SIZE_PT, Position
from thidua.decisions.models import IssuingBody
from thidua.nominations.models import Nominee
from thidua.org.models import Person


class FilterForm(StyledForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + DecisionStatus.choices
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1945, max_value=2100)
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class DecisionForm(StyledForm):
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        initial="Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
    )
    period = forms.CharField(label=_("Achievement period"), max_length=255)
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    basis = forms.CharField(
        label=_("Legal basis lines"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One line per document; left empty, the standard lines are used."),
    )
    article_1 = forms.CharField(
        label=_("Article 1"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    article_2 = forms.CharField(
        label=_("Article 2"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    article_3 = forms.CharField(
        label=_("Article 3"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    recipients = forms.CharField(
        label=_("Recipients"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DraftForm(DecisionForm):
    body = forms.ModelChoiceField(label=_("Issuing body"), queryset=IssuingBody.objects.none())
    nominees = forms.ModelMultipleChoiceField(
        label=_("Nominees passed by the council"),
        queryset=Nominee.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    field_order = ["body", "summary", "period", "category", "nominees"]

    def __init__(self, *args: Any, bodies: Any, nominees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        body_field = self.fields["body"]
        nominee_field = self.fields["nominees"]
        assert isinstance(body_field, forms.ModelChoiceField)
        assert isinstance(nominee_field, forms.ModelMultipleChoiceField)
        body_field.queryset = bodies
        only = list(bodies[:2])
        if len(only) == 1:  # the usual case: one body, chosen already
            body_field.initial = only[0].pk
        nominee_field.queryset = nominees
        nominee_field.widget.attrs["class"] = ""
        nominee_field.label_from_instance = lambda n: (  # type: ignore[method-assign,assignment]
            f"{n.subject} – {n.award_type.name} {n.year} ({n.get_status_display()})"
        )


class ItemForm(StyledForm):
    nominee = forms.ModelChoiceField(
        label=_("Nominee"), queryset=Nominee.objects.none(), required=False
    )
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=Person.objects.none(), required=False
    )
    award_type = forms.ModelChoiceField(
        label=_("Award"), queryset=AwardType.objects.all(), required=False
    )
    year = forms.IntegerField(
        label=_("Achievement year"), required=False, min_value=1945, max_value=2100
    )
    achievement = forms.CharField(
        label=_("Achievement"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, nominees: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        nominee_field = self.fields["nominee"]
        person_field = self.fields["person"]
        assert isinstance(nominee_field, forms.ModelChoiceField)
        assert isinstance(person_field, forms.ModelChoiceField)
        nominee_field.queryset = nominees
        person_field.queryset = people

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("nominee") is None:
            if data.get("person") is None:
                raise forms.ValidationError(_("Choose a nominee, or a person and an award."))
            if data.get("award_type") is None or data.get("year") is None:
                raise forms.ValidationError(
                    _("A person entered directly needs an award and a year.")
                )
        return data


class IssueForm(StyledForm):
    decided_on = BoundedDateField(label=_("Signed on"))
    signer_name = forms.CharField(label=_("Signer's full name"), max_length=200)
    signer_position = forms.CharField(label=_("Signer's position"), max_length=100, required=False)
    on_behalf = forms.CharField(label=_("On-behalf line"), max_length=100, required=False)


class ReturnForm(StyledForm):
    note = forms.CharField(label=_("What to change"), widget=forms.Textarea(attrs={"rows": 3}))


class RevokeForm(StyledForm):
    ground = forms.ChoiceField(label=_("Ground (Law Art. 93.2)"), choices=RevocationGround.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    revoking_number = forms.CharField(label=_("Number of the revoking decision"), max_length=60)
    revoked_on = BoundedDateField(label=_("Revoked on"))
    recovery = forms.CharField(
        label=_("Items and money to recover"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BodyForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=255)
    head_lines = forms.CharField(
        label=_("Head lines"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The issuing body in the document head, one line per row, upper level first."),
    )
    symbol = forms.CharField(label=_("Symbol"), max_length=30, help_text=_("e.g. UBND, SNV"))
    place = forms.CharField(label=_("Place in the date line"), max_length=100)
    authority = forms.CharField(
        label=_("Competent authority"),
        max_length=255,
        initial="Chủ tịch Ủy ban nhân dân cấp tỉnh",
    )
    signer_position = forms.CharField(
        label=_("Signer's position"), max_length=100, initial="Chủ tịch"
    )
    on_behalf = forms.CharField(
        label=_("On-behalf line"), max_length=100, required=False, initial="TM. Ủy ban nhân dân"
    )


class LayoutForm(StyledForm):
    """x, y (mm) and size (pt) for every variable field of a certificate layout."""

    def __init__(self, *args: Any, positions: dict[str, Position], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in FIELDS:
            pos = positions[name]
            for key, value, lo, hi in (
                ("x", pos.x, 0, 297),
                ("y", pos.y, 0, 210),
                ("size", pos.size, MIN_SIZE_PT, MAX_SIZE_PT),
            ):
                field = forms.DecimalField(
                    label=f"{name} {key}",
                    initial=value,
                    min_value=lo,
                    max_value=hi,
                    max_digits=5,
                    decimal_places=1,
                )
                field.widget.attrs["class"] = "form-control form-control-sm"
                self.fields[f"{name}_{key}"] = field

    def positions(self) -> dict[str, Position]:
        data = self.cleaned_data
        return {
            name: Position(
                float(data[f"{name}_x"]), float(data[f"{name}_y"]), float(data[f"{name}_size"])
            )
            for name in FIELDS
        }
