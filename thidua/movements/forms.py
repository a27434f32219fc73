from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import BoundedDateField, StyledForm
from thidua.movements.choices import (
    COLLECTIVE_TITLES,
    INDIVIDUAL_TITLES,
    Aggregation,
    AwardCode,
    Direction,
    DocumentType,
    LaunchLevel,
    MovementKind,
    MovementState,
    ScopeKind,
    SubjectKind,
    WorkKind,
    WorkStatus,
)
from thidua.org.choices import UnitKind, UnitLevel
from thidua.org.forms import (
    UnitChoiceField,
    UnitMultipleChoiceField,
    _id_in_range,
    field_of,
    version_field,
)
from thidua.org.models import Cluster, Unit

FORM_AWARDS = ("GK", "BK_BT", "BK_TTG")  # forms that may go to collectives and individuals


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def planned_award_fields() -> list[tuple[str, str, str]]:
    """(field name, award code, subject) for every award a movement can plan."""
    out: list[tuple[str, str, str]] = []
    for code in AwardCode.values:
        if code in INDIVIDUAL_TITLES:
            out.append((f"plan_{code}_individual", code, SubjectKind.INDIVIDUAL))
        elif code in COLLECTIVE_TITLES:
            out.append((f"plan_{code}_collective", code, SubjectKind.COLLECTIVE))
        else:
            out.append((f"plan_{code}_collective", code, SubjectKind.COLLECTIVE))
            out.append((f"plan_{code}_individual", code, SubjectKind.INDIVIDUAL))
    return out


class ClusterChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Cluster) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.year})"

    def clean(self, value: Any) -> Any:
        for item in value or []:
            if not _id_in_range(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super().clean(value)


class SingleClusterField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Cluster) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.year})"

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not _id_in_range(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


def value_field(label: Any, **kw: Any) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=16, decimal_places=4, **kw)


def money_field(label: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, max_digits=18, decimal_places=0, min_value=0, required=False
    )


def lines_field(label: Any, help_text: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=help_text,
        max_length=50000,
    )


class SectionedForm(StyledForm):
    """A long form shown in numbered sections, so it can be filled in without training."""

    sections: tuple[tuple[Any, tuple[str, ...]], ...] = ()

    def section_list(self) -> Iterator[tuple[Any, list[Any]]]:
        for title, names in self.sections:
            yield title, [self[name] for name in names if name in self.fields]


class MovementForm(SectionedForm):
    name = forms.CharField(label=_("Name of the movement"), max_length=500)
    theme = forms.CharField(label=_("Theme"), max_length=500, required=False)
    slogan = forms.CharField(label=_("Slogan or motto"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Form of emulation"), choices=MovementKind.choices)
    launch_level = forms.ChoiceField(label=_("Launching level"), choices=LaunchLevel.choices)
    organiser = UnitChoiceField(label=_("Organising unit"), queryset=Unit.objects.none())
    launched_by = forms.CharField(
        label=_("Launched by (body)"),
        max_length=255,
        required=False,
        help_text=_("e.g. Ban Thường vụ Tỉnh ủy, UBND tỉnh"),
    )
    launcher_name = forms.CharField(label=_("Launching person"), max_length=200, required=False)
    launcher_title = forms.CharField(label=_("Their title"), max_length=255, required=False)
    document_type = forms.ChoiceField(label=_("Launch document"), choices=DocumentType.choices)
    document_number = forms.CharField(
        label=_("Number and symbol"),
        max_length=60,
        required=False,
        help_text=_("e.g. 42-CT/TU"),
    )
    document_date = BoundedDateField(label=_("Date of the document"), required=False)
    document_issuer = forms.CharField(label=_("Issuing body"), max_length=255, required=False)
    document_file = forms.FileField(label=_("Document file (PDF or Word)"), required=False)
    start_date = BoundedDateField(label=_("From"))
    end_date = BoundedDateField(label=_("To"))
    registration_deadline = BoundedDateField(label=_("Registration deadline"), required=False)
    results_due = BoundedDateField(label=_("Content to be completed by"), required=False)
    interim_review = BoundedDateField(label=_("Interim review (sơ kết) on"), required=False)
    final_review = BoundedDateField(label=_("Final review (tổng kết) on"), required=False)
    objectives = forms.CharField(
        label=_("Objectives"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=50000,
    )
    key_programmes = lines_field(_("Key programmes"), _("One per line."))
    content_items = lines_field(_("Content items"), _("One per line."))
    task_groups = lines_field(_("Task groups"), _("One per line."))
    budget = money_field(_("Budget (VND)"))
    budget_note = forms.CharField(label=_("Budget sources"), max_length=500, required=False)
    lead_unit = UnitChoiceField(label=_("Lead unit"), queryset=Unit.objects.none(), required=False)
    cooperating_units = UnitMultipleChoiceField(
        label=_("Cooperating units"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1, required=False
    )

    def __init__(
        self, *args: Any, units: Any = None, organisers: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        qs = units if units is not None else Unit.objects.none()
        field_of(self, "organiser").queryset = organisers if organisers is not None else qs
        field_of(self, "lead_unit").queryset = qs
        field_of(self, "cooperating_units").queryset = qs
        for name, code, subject in planned_award_fields():
            label: Any = AwardCode(code).label
            if code in FORM_AWARDS:
                label = "{award} – {subject}".format(
                    award=label, subject=SubjectKind(subject).label
                )
            self.fields[name] = forms.IntegerField(
                label=label, required=False, min_value=0, max_value=1_000_000
            )
            self.fields[name].widget.attrs["class"] = "form-control"
        self.sections = (
            (_("1. Name and theme"), ("name", "theme", "slogan", "kind")),
            (
                _("2. Launch document"),
                (
                    "launch_level",
                    "organiser",
                    "launched_by",
                    "launcher_name",
                    "launcher_title",
                    "document_type",
                    "document_number",
                    "document_date",
                    "document_issuer",
                    "document_file",
                ),
            ),
            (
                _("3. Period and milestones"),
                (
                    "start_date",
                    "end_date",
                    "registration_deadline",
                    "results_due",
                    "interim_review",
                    "final_review",
                ),
            ),
            (
                _("4. Objectives and content"),
                ("objectives", "key_programmes", "content_items", "task_groups"),
            ),
            (
                _("5. Units, budget and planned rewards"),
                (
                    "lead_unit",
                    "cooperating_units",
                    "budget",
                    "budget_note",
                    *(n for n, _c, _s in planned_award_fields()),
                    "note",
                ),
            ),
        )


class ParticipantsForm(StyledForm):
    scope_kind = forms.ChoiceField(
        label=_("Who takes part"), choices=ScopeKind.choices, widget=forms.RadioSelect
    )
    levels = forms.MultipleChoiceField(
        label=_("Levels (for every unit under the organiser)"),
        choices=UnitLevel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    units = UnitMultipleChoiceField(
        label=_("Chosen units"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    clusters = ClusterChoiceField(
        label=_("Clusters or blocks"),
        queryset=Cluster.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    version = version_field()

    def __init__(self, *args: Any, units: Any = None, clusters: Any = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        field_of(self, "units").queryset = units if units is not None else Unit.objects.none()
        field_of(self, "clusters").queryset = (
            clusters if clusters is not None else Cluster.objects.none()
        )  # type: ignore[attr-defined]
        for name in ("scope_kind", "levels"):
            self.fields[name].widget.attrs["class"] = ""


class TransitionForm(StyledForm):
    to = forms.ChoiceField(choices=[])
    version = version_field()

    def __init__(self, *args: Any, states: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        field_of(self, "to").choices = list(states)


class TargetForm(StyledForm):
    indicator = forms.CharField(label=_("Indicator"), max_length=500)
    unit_of_measure = forms.CharField(
        label=_("Unit of measure"), max_length=60, required=False, help_text=_("e.g. nhà, xã, %")
    )
    direction = forms.ChoiceField(label=_("Target"), choices=Direction.choices)
    low = value_field(_("Value (from)"), required=False)
    high = value_field(_("Value (to)"), required=False)
    aggregation = forms.ChoiceField(label=_("Progress computed as"), choices=Aggregation.choices)
    unit_goal = value_field(
        _("Value each unit must reach"),
        required=False,
        help_text=_("Only for “number of units meeting it”, e.g. 100 (%) or 1 (đạt)."),
    )
    weight = forms.DecimalField(
        label=_("Weight"), max_digits=8, decimal_places=2, required=False, min_value=0
    )
    applies_level = forms.ChoiceField(
        label=_("Applies to level"),
        choices=[("", _("Every participant"))] + list(UnitLevel.choices),
        required=False,
    )
    label = forms.CharField(
        label=_("How the target reads (optional)"),
        max_length=120,
        required=False,
        help_text=_("e.g. “49/49 xã”; empty: worked out from the values."),
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class TargetReportForm(StyledForm):
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    value = value_field(_("Value"))
    reported_on = BoundedDateField(label=_("As of"))
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args: Any, units: Any = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        field_of(self, "unit").queryset = units if units is not None else Unit.objects.none()


class QuotaRuleForm(StyledForm):
    unit_level = forms.ChoiceField(
        label=_("Unit level"),
        choices=[("", _("Any level"))] + list(UnitLevel.choices),
        required=False,
    )
    unit_kind = forms.ChoiceField(
        label=_("Unit kind"), choices=[("", _("Any kind"))] + list(UnitKind.choices), required=False
    )
    work_kinds = forms.MultipleChoiceField(
        label=_("Kinds of work counted (none ticked: every kind)"),
        choices=WorkKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    min_count = forms.IntegerField(label=_("At least"), min_value=0, max_value=1000)
    max_count = forms.IntegerField(
        label=_("At most (empty: no upper limit)"), min_value=0, max_value=1000, required=False
    )
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["work_kinds"].widget.attrs["class"] = ""


class RegistrationForm(StyledForm):
    unit = UnitChoiceField(label=_("Registering unit"), queryset=Unit.objects.none())
    collective_title = forms.ChoiceField(
        label=_("Title the unit aims for"),
        choices=[("", "—")] + [(c, AwardCode(c).label) for c in COLLECTIVE_TITLES],
        required=False,
    )
    commitments = forms.CharField(
        label=_("Commitments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=20000,
    )
    other_indicators = lines_field(
        _("Other indicators the unit commits to"),
        _("One per line, e.g. “Làm mới nhà cho hộ nghèo: 3 nhà”."),
    )

    def __init__(self, *args: Any, units: Any = None, targets: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        field_of(self, "unit").queryset = units if units is not None else Unit.objects.none()
        self.target_fields = []
        for t in targets:
            name = f"target_{t.pk}"
            label = str(t.indicator)
            if t.unit_of_measure:
                label += f" ({t.unit_of_measure})"
            self.fields[name] = value_field(label, required=False)
            self.fields[name].widget.attrs["class"] = "form-control"
            self.target_fields.append((name, t))


class RegistrationEditForm(StyledForm):
    collective_title = RegistrationForm.base_fields["collective_title"]
    commitments = RegistrationForm.base_fields["commitments"]
    version = version_field()


class ImportForm(StyledForm):
    file = forms.FileField(label=_("Excel sheet (.xlsx)"))
    dry_run = forms.BooleanField(
        label=_("Only check, do not save (dry run)"), required=False, initial=True
    )


class WorkForm(StyledForm):
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Name of the work"), max_length=500)
    kind = forms.ChoiceField(label=_("Kind"), choices=WorkKind.choices)
    quantity = forms.IntegerField(
        label=_("Quantity (e.g. houses)"), min_value=0, max_value=1_000_000, required=False
    )
    budget = money_field(_("Budget (VND)"))
    funding_sources = forms.CharField(label=_("Funding sources"), max_length=500, required=False)
    start_date = BoundedDateField(label=_("Start (groundbreaking) date"), required=False)
    end_date = BoundedDateField(label=_("Planned completion"), required=False)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=20000,
    )

    def __init__(self, *args: Any, units: Any = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        field_of(self, "unit").queryset = units if units is not None else Unit.objects.none()


class WorkStatusForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), choices=WorkStatus.choices)
    version = version_field()


class PhotoForm(StyledForm):
    image = forms.FileField(label=_("Photo (JPEG, PNG or WebP)"))
    caption = forms.CharField(label=_("Caption"), max_length=255, required=False)


class PledgeForm(StyledForm):
    cluster = SingleClusterField(label=_("Cluster or block"), queryset=Cluster.objects.none())
    title = forms.CharField(label=_("Title"), max_length=500)
    criteria = forms.CharField(
        label=_("Content and criteria"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=50000,
        help_text=_("One criterion per line."),
    )
    ceremony_date = BoundedDateField(label=_("Signing ceremony date"), required=False)
    ceremony_place = forms.CharField(label=_("Place"), max_length=255, required=False)
    witnesses = forms.CharField(
        label=_("Witnessed by"),
        max_length=500,
        required=False,
        help_text=_("e.g. Hội đồng Thi đua – Khen thưởng tỉnh"),
    )

    def __init__(self, *args: Any, clusters: Any = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        field_of(self, "cluster").queryset = (
            clusters if clusters is not None else Cluster.objects.none()
        )  # type: ignore[attr-defined]


class SignForm(StyledForm):
    unit = UnitChoiceField(label=_("Signing unit"), queryset=Unit.objects.none())
    signer_name = forms.CharField(label=_("Signed by"), max_length=200)
    signer_title = forms.CharField(label=_("Title"), max_length=255, required=False)
    signed_on = BoundedDateField(label=_("Signed on"))

    def __init__(self, *args: Any, units: Any = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        field_of(self, "unit").queryset = units if units is not None else Unit.objects.none()


class ListFilterForm(forms.Form):
    """The list page's filters (invalid values are ignored, never an error page)."""

    q = forms.CharField(required=False, max_length=200)
    level = forms.ChoiceField(choices=[("", "")] + list(LaunchLevel.choices), required=False)
    kind = forms.ChoiceField(choices=[("", "")] + list(MovementKind.choices), required=False)
    state = forms.ChoiceField(
        choices=[("", "")] + list(MovementState.choices),
        required=False,
    )
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    after = forms.CharField(required=False, max_length=100)
