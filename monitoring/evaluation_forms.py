"""Forms of post-consumption evaluations: the public form, issuing codes, the reply."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.form_guard import GuardedForm

from .models.evaluations import COMMENT_LIMIT, REPLY_LIMIT
from .services import evaluations

SCORE_CHOICES = [(n, str(n)) for n in evaluations.SCORES]


def score_field(label):
    return forms.TypedChoiceField(
        label=label, choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
    )


class EvaluationForm(GuardedForm):
    """The public form: no login; the code on the receipt makes it authentic."""

    uscc = forms.CharField(
        label=_("Enterprise's USCC"),
        max_length=30,
        help_text=_("The 18-character code printed on the receipt or the business licence."),
    )
    code = forms.CharField(
        label=_("Evaluation code"),
        max_length=30,
        help_text=_("The one-time code printed on your receipt, e.g. ABCD-EFGH-JKMN."),
    )
    overall = score_field(_("Overall (1 poor – 5 excellent)"))
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Shown publicly with your scores, without your name. At most 1,000 characters."
        ),
    )
    consent = forms.BooleanField(
        label=_("I used this service and agree that my scores and comment are published"),
        error_messages={"required": _("Tick the box to agree: evaluations are public.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in evaluations.aspects():
            self.fields[f"aspect_{key}"] = score_field(label)
        order = ["uscc", "code", "overall", *(f"aspect_{k}" for k, _l in evaluations.aspects())]
        self.order_fields(order)

    def clean_uscc(self):
        return evaluations.find_enterprise(self.cleaned_data["uscc"], field=None)

    def aspect_scores(self):
        return {key: self.cleaned_data[f"aspect_{key}"] for key, _l in evaluations.aspects()}


class IssueCodesForm(forms.Form):
    """An enterprise issues a batch of codes to print on receipts."""

    FORMATS = [
        ("print", _("Receipts to print")),
        ("xlsx", _("Excel (.xlsx)")),
        ("csv", _("CSV")),
    ]

    enterprise = forms.ModelChoiceField(label=_("Enterprise"), queryset=None)
    size = forms.IntegerField(
        label=_("Number of codes"), min_value=1, max_value=settings.PORTAL_EVALUATION_BATCH_MAX
    )
    days = forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
        max_value=366,
        initial=settings.PORTAL_EVALUATION_CODE_DAYS,
    )
    note = forms.CharField(label=_("Note (optional)"), max_length=200, required=False)
    output = forms.ChoiceField(label=_("Get the codes as"), choices=FORMATS, initial="print")

    def __init__(self, *args, enterprises, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = enterprises
        self.fields["size"].help_text = _(
            "Codes are shown once, now: only a fingerprint of each is kept, so print or "
            "download them before leaving the page."
        )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your public reply"), max_length=REPLY_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
