"""Forms for service certificates."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import Certificate
from ..services import certificates as service


class CertificateForm(forms.ModelForm):
    """A certificate's details and its scan (checked by content, not by name)."""

    class Meta:
        model = Certificate
        fields = list(service.EDITABLE_FIELDS)
        widgets = {
            "issued_on": forms.DateInput(attrs={"type": "date"}),
            "expires_on": forms.DateInput(attrs={"type": "date"}),
            "scope_text": forms.Textarea(attrs={"rows": 3}),
            "scan": forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
        }

    def __init__(self, *args, enterprises=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scan"].allow_empty_file = True  # portal.uploads says which field is empty
        if enterprises is not None:
            self.fields = {
                "enterprise": forms.ModelChoiceField(
                    queryset=enterprises, label=_("Enterprise"), empty_label=None
                ),
                **self.fields,
            }

    def clean_scan(self):
        scan = self.cleaned_data.get("scan")
        if scan and hasattr(scan, "content_type"):  # a new upload, not the stored file
            try:
                return service.accept_scan(scan)
            except ValidationError as error:
                raise ValidationError(error.error_dict["scan"]) from error
        return scan

    def clean(self):
        data = super().clean()
        try:
            service.check_dates(data.get("issued_on"), data.get("expires_on"))
        except ValidationError as error:
            self.add_error(None, error)
        return data
