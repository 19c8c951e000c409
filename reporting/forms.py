"""Forms of the reporting pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal import limits, uploads

from .catalogue import ATTACHMENTS, configured_sections, default_sections
from .models import Measure, Round
from .services.reports import ATTACHMENT

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


DEFAULT_CHOICES = [(s["key"], s["title"]) for s in default_sections()]


class RoundForm(forms.ModelForm):
    """A new round and its report's sections; the model refuses a due date before the opening."""

    included = forms.MultipleChoiceField(
        label=_("Sections of the report"),
        choices=DEFAULT_CHOICES,
        initial=[key for key, _title in DEFAULT_CHOICES],
        widget=forms.CheckboxSelectMultiple,
    )
    extra = forms.CharField(
        label=_("Additional sections"),
        required=False,
        max_length=limits.REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One title per line; they come before the attachments and need text."),
    )

    class Meta:
        model = Round
        fields = ["title", "period_start", "period_end", "opens_on", "due_date"]
        widgets = {name: DATE for name in ("period_start", "period_end", "opens_on", "due_date")}

    def clean(self):
        data = super().clean()
        titles = [line.strip() for line in data.get("extra", "").splitlines() if line.strip()]
        self.instance.sections = configured_sections(data.get("included", []), titles)
        return data


class ReportTextsForm(forms.Form):
    """One text box per section of the round, and the version the editor loaded."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        for section in report.round.sections:
            if section["key"] == ATTACHMENTS:
                continue
            self.fields[section["key"]] = forms.CharField(
                label=section["title"],
                required=False,
                max_length=limits.REPORT_SECTION,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=_("Required before submission.") if section.get("required") else "",
            )

    def texts(self):
        """{section key: text} of the submitted form."""
        return {k: v for k, v in self.cleaned_data.items() if k != "lock_version"}


class MeasureForm(forms.ModelForm):
    """A measure for task 1, 9, 10 or 12, with its figures."""

    class Meta:
        model = Measure
        fields = [
            "task",
            "kind",
            "name",
            "description",
            "pilots",
            "platforms",
            "people_trained",
            "bodies",
            "started_on",
            "ended_on",
        ]
        widgets = {
            "started_on": DATE,
            "ended_on": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("started_on"), data.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", _("A measure cannot end before it starts."))
        return data


class AttachmentForm(forms.Form):
    """A file for the attachments section, checked by ``portal.uploads``."""

    file = forms.FileField(label=_("File"), allow_empty_file=True)

    def clean_file(self):
        return uploads.accept(self.cleaned_data["file"], ATTACHMENT)
