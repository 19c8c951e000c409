"""The public complaint form, the regulators' intake form and the handling forms."""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enterprises import uscc
from enterprises.industries import SERVICE_SECTIONS, section_choices
from enterprises.models import Enterprise
from portal import once, uploads
from portal.form_guard import GuardedForm
from portal.models import AdminDivision, ReportingUnit
from portal.scoping import scoped

from . import contacts
from .models import (
    AfterSalesRecord,
    CompensationCommitment,
    Complaint,
    Ground,
    MediationBody,
    MediationReferral,
    PublicationAction,
    TrustworthyCandidate,
)
from .services.publicity import quarter_days as publicity_quarter_days

MAX_ATTACHMENTS = 5
EVIDENCE = uploads.UploadKind(
    field=_("Evidence"),
    types=(uploads.PDF, uploads.PNG, uploads.JPEG),
    max_bytes=10 * 1024 * 1024,
    accepts=_("a PDF or an image (JPEG, PNG)"),
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Up to MAX_ATTACHMENTS files, each accepted by portal.uploads."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("Attach at most %(n)d files (%(given)d given).")
                % {"n": MAX_ATTACHMENTS, "given": len(files)}
            )
        return [
            uploads.accept(super(EvidenceField, self).clean(f, initial), EVIDENCE) for f in files
        ]


class AnywhereChoiceField(forms.ModelChoiceField):
    """A division anywhere in the country: a complaint may be about an operator in any
    jurisdiction and is routed there, whoever takes it first (first-inquiry duty)."""

    anywhere = True


def _sections():
    return [(code, label) for code, label in section_choices() if code in SERVICE_SECTIONS]


class ComplaintFields(forms.Form):
    """What a complaint says: who complains, about whom, what happened and what is asked."""

    kinds = forms.MultipleChoiceField(
        label=_("This is"),
        choices=Complaint.Kind.choices,
        initial=[Complaint.Kind.COMPLAINT],
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "A complaint asks for a dispute to be mediated; a report tells the regulator "
            "of a violation. Tick both and each follows its own procedure."
        ),
    )
    complainant_name = forms.CharField(label=_("Your name"), max_length=60)
    complainant_phone = forms.CharField(
        label=_("Your phone"), max_length=20, help_text=_("A mobile or a landline with area code.")
    )
    complainant_id_number = forms.CharField(
        label=_("Your ID number (optional)"), max_length=20, required=False
    )
    complainant_address = forms.CharField(label=_("Your address"), max_length=300)
    complainant_email = forms.EmailField(
        label=_("Your e-mail (optional)"),
        required=False,
        max_length=200,
        help_text=_("We write to you there when the complaint is decided, transferred or ended."),
    )
    contact_consent = forms.BooleanField(
        label=_("The enterprise may see my name and phone to settle this"), required=False
    )
    operator_uscc = forms.CharField(
        label=_("Operator's USCC (optional)"),
        max_length=30,
        required=False,
        help_text=_("The 18-character code on the business licence finds the registry record."),
    )
    operator_name = forms.CharField(label=_("Operator's name"), max_length=200)
    operator_address = forms.CharField(label=_("Operator's address"), max_length=300)
    division = AnywhereChoiceField(
        label=_("Where the operator is"),
        queryset=AdminDivision.objects.all(),
        help_text=_("The county or district of the shop, or of the platform for online sellers."),
    )
    platform_uscc = forms.CharField(
        label=_("Platform's USCC, if bought through a platform (optional)"),
        max_length=30,
        required=False,
    )
    service_section = forms.ChoiceField(label=_("Kind of service"), choices=_sections)
    happened_on = forms.DateField(
        label=_("When it happened"), widget=forms.DateInput(attrs={"type": "date"})
    )
    amount = forms.DecimalField(
        label=_("Amount involved (yuan, optional)"),
        required=False,
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    description = forms.CharField(
        label=_("What went wrong"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    request = forms.CharField(
        label=_("What you ask for"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = EvidenceField(
        label=_("Evidence (optional)"),
        required=False,
        help_text=_("Up to five PDFs or photos, 10 MB each."),
    )

    def clean_complainant_phone(self):
        return contacts.clean_phone(self.cleaned_data["complainant_phone"])

    def clean_complainant_id_number(self):
        value = self.cleaned_data["complainant_id_number"]
        return contacts.clean_id_number(value) if value.strip() else ""

    def clean_operator_uscc(self):
        return _registered(self.cleaned_data["operator_uscc"])

    def clean_platform_uscc(self):
        return _registered(self.cleaned_data["platform_uscc"])

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("This date lies in the future."))
        return day

    def submission(self):
        """The cleaned data as ``intake.file`` takes it, and the files."""
        data = dict(self.cleaned_data)
        for name in ("kinds", "evidence", "form_token", "website", once.FIELD):
            data.pop(name, None)
        data["operator"] = data.pop("operator_uscc")
        data["platform"] = data.pop("platform_uscc")
        if data["operator"] is not None:
            data["operator_uscc"] = data["operator"].uscc
        return data


def _registered(code):
    """The registry's enterprise with this USCC, None if none is given; errors say why."""
    if not code.strip():
        return None
    try:
        code = uscc.validate(code)
    except uscc.USCCError as error:
        raise forms.ValidationError(str(error.message), code="uscc") from error
    enterprise = Enterprise.objects.filter(uscc=code).first()
    if enterprise is None:
        raise forms.ValidationError(
            _(
                "No enterprise with this USCC is registered; "
                "leave the code empty and give its name."
            ),
            code="uscc_unknown",
        )
    return enterprise


class PublicComplaintForm(once.OnceForm, GuardedForm, ComplaintFields):
    """The public form: no login, guarded against robots, one complaint however often sent."""


class RecordedComplaintForm(ComplaintFields):
    """A complaint a regulator takes by phone, letter or in person."""

    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[c for c in Complaint.Channel.choices if c[0] != Complaint.Channel.ONLINE],
    )
    received_on = forms.DateField(
        label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    field_order = ["channel", "received_on"]

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date received cannot lie in the future."))
        return day


class TransferForm(forms.Form):
    """Send a complaint to the unit it belongs to."""

    to_division = AnywhereChoiceField(
        label=_("Send to the division"), queryset=AdminDivision.objects.all()
    )
    reason = forms.CharField(
        label=_("Why"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class TrackingForm(forms.Form):
    tracking_code = forms.CharField(label=_("Tracking code"), max_length=12, min_length=12)
    phone_last_four = forms.CharField(
        label=_("Last four digits of your phone"), max_length=4, min_length=4
    )


class GroundForm(forms.Form):
    """Not accepting a complaint, or ending its mediation, on a ground of its rule set."""

    ground = forms.ModelChoiceField(label=_("Ground"), queryset=Ground.objects.none())
    note = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, grounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].queryset = grounds


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How was your complaint handled?"),
        choices=[(n, n) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PartiesToldForm(forms.Form):
    """The day the handler told both parties that mediation ended."""

    day = forms.DateField(
        label=_("Both parties were told on"), widget=forms.DateInput(attrs={"type": "date"})
    )


class ExtensionForm(forms.Form):
    """Asking for more working days to verify a report."""

    days = forms.IntegerField(label=_("Working days more"), min_value=1, max_value=365)
    reason = forms.CharField(
        label=_("Why more time is needed"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PublicationDraftForm(forms.Form):
    """Which unit's quarter to draft a publicity table for."""

    reporting_unit = forms.ModelChoiceField(
        label=_("Reporting unit"), queryset=ReportingUnit.objects.none()
    )
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), choices=[(q, q) for q in range(1, 5)], coerce=int
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reporting_unit"].queryset = scoped(ReportingUnit.objects.all(), user)

    def clean(self):
        data = super().clean()
        if data.get("year") and data.get("quarter"):
            first, _last = publicity_quarter_days(data["year"], data["quarter"])
            if first > timezone.localdate():
                raise forms.ValidationError({"quarter": _("This quarter has not begun yet.")})
        return data


class PublicationActionForm(forms.ModelForm):
    class Meta:
        model = PublicationAction
        fields = ["operator_name", "kind", "description", "taken_on"]
        widgets = {"taken_on": forms.DateInput(attrs={"type": "date"})}

    def clean_taken_on(self):
        day = self.cleaned_data["taken_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The day an action was taken cannot lie in the future."))
        return day


class MediationBodyForm(forms.ModelForm):
    """A mediation body the unit refers complaints to."""

    class Meta:
        model = MediationBody
        fields = ["name", "kind", "contact"]


class ReferralForm(forms.Form):
    """Refer a complaint in mediation to one of the unit's bodies."""

    body = forms.ModelChoiceField(label=_("Mediation body"), queryset=MediationBody.objects.none())

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies


class ReferralOutcomeForm(forms.Form):
    """What the body reported back."""

    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[c for c in MediationReferral.Outcome.choices if c[0] != "pending"],
        widget=forms.RadioSelect,
    )
    day = forms.DateField(label=_("Outcome on"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("What the body reported"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CommitmentForm(forms.ModelForm):
    """An operator's advance compensation terms."""

    class Meta:
        model = CompensationCommitment
        fields = ["kind", "terms", "limit_per_case"]
        widgets = {"terms": forms.Textarea(attrs={"rows": 3})}


class CompensationCaseForm(forms.Form):
    """A payment made to a consumer first."""

    seller_name = forms.CharField(label=_("Seller"), max_length=200)
    paid_amount = forms.DecimalField(
        label=_("Paid to the consumer (yuan)"),
        min_value=Decimal("0.01"),
        max_digits=12,
        decimal_places=2,
    )
    paid_on = forms.DateField(label=_("Paid on"), widget=forms.DateInput(attrs={"type": "date"}))
    tracking_code = forms.CharField(
        label=_("Tracking code of the complaint (if any)"), max_length=12, required=False
    )


class RecoveryForm(forms.Form):
    """What the operator recovered from the seller."""

    recovered_amount = forms.DecimalField(
        label=_("Recovered from the seller (yuan)"),
        min_value=Decimal("0"),
        max_digits=12,
        decimal_places=2,
    )
    recovered_on = forms.DateField(
        label=_("Recovered on"), widget=forms.DateInput(attrs={"type": "date"})
    )


class TrustworthyApplicationForm(forms.ModelForm):
    """An operator's application to be a trustworthy-consumption model."""

    class Meta:
        model = TrustworthyCandidate
        fields = ["kind", "name", "commitments"]
        widgets = {"commitments": forms.Textarea(attrs={"rows": 3})}


class AfterSalesForm(forms.ModelForm):
    """An after-sales record: the operator (one's own, or by USCC for regulators) and the facts."""

    operator = forms.ModelChoiceField(label=_("Operator"), queryset=Enterprise.objects.none())
    tracking_code = forms.CharField(
        label=_("Tracking code of the complaint (if any)"), max_length=12, required=False
    )

    class Meta:
        model = AfterSalesRecord
        fields = ["kind", "title", "details", "starts_on", "ends_on", "quantity", "amount"]
        widgets = {
            "details": forms.Textarea(attrs={"rows": 3}),
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.is_enterprise_user:
            self.fields["operator"].queryset = scoped(Enterprise.objects.order_by("name"), user)
        else:
            self.fields["operator"] = forms.CharField(
                label=_("Operator's USCC"), max_length=18, min_length=18
            )

    def clean_operator(self):
        value = self.cleaned_data["operator"]
        if isinstance(value, Enterprise):
            return value
        found = scoped(Enterprise.objects, self.user).filter(uscc=value.strip().upper()).first()
        if found is None:
            raise forms.ValidationError(
                _("No enterprise of your jurisdiction has the USCC %(uscc)s.") % {"uscc": value}
            )
        return found

    def clean_tracking_code(self):
        code = self.cleaned_data["tracking_code"].strip().upper()
        if not code:
            return None
        found = scoped(Complaint.objects, self.user).filter(tracking_code=code).first()
        if found is None:
            raise forms.ValidationError(
                _("No complaint you may read has the code %(code)s.") % {"code": code}
            )
        return found


class FollowUpForm(forms.Form):
    """How the regulator followed a recall up."""

    note = forms.CharField(
        label=_("Follow-up"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
