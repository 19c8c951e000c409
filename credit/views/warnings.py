"""Consumer warnings (消费警示): the public page, its archive and Atom feed; regulators write,
publish and withdraw them."""

from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from portal.access import STAFF_ROLES, get_scoped_or_404, roles_required
from portal.scoping import public_rows
from portal.workflow_views import apply_posted, transition_buttons

from ..file_forms import WarningForm
from ..models import ConsumerWarning
from ..services import warnings

FEED_SIZE = 50


def _public():
    return public_rows(ConsumerWarning.objects.select_related("division", "reporting_unit"))


def current_warnings(request):
    page = Paginator(warnings.current(_public()), 50).get_page(request.GET.get("page"))
    return render(request, "credit/warnings/list.html", {"page": page, "archive": False})


def archive(request):
    page = Paginator(warnings.archived(_public()), 50).get_page(request.GET.get("page"))
    return render(request, "credit/warnings/list.html", {"page": page, "archive": True})


def public_warning(request, pk):
    """A published warning: public, so it opens for everyone, whoever is logged in."""
    warning = get_object_or_404(_public().prefetch_related("enterprises"), pk=pk)
    return render(request, "credit/warnings/detail.html", {"warning": warning})


class CurrentWarningsFeed(Feed):
    """The current consumer warnings as an Atom feed."""

    feed_type = Atom1Feed
    title = gettext_lazy("Consumer warnings")
    subtitle = gettext_lazy("Consumer warnings (消费警示) currently in force.")
    link = reverse_lazy("credit:warnings")

    def items(self):
        return warnings.current(_public()).order_by("-published_at", "-id")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.text

    def item_link(self, item):
        return reverse("credit:warning", args=[item.pk])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


@roles_required(*STAFF_ROLES)
def manage(request):
    """The warnings of the user's unit, drafts included."""
    rows = warnings.visible(request.user).order_by("-created_at", "-id")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "credit/warnings/manage.html", {"page": page})


@roles_required(*STAFF_ROLES)
def write(request):
    form = WarningForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "named"}
        try:
            warning = warnings.write(data, request.user, form.cleaned_data["named"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The warning is saved as a draft; publish it to show it."))
            return redirect("credit:warning_manage", pk=warning.pk)
    return render(request, "credit/warnings/form.html", {"form": form})


@roles_required(*STAFF_ROLES)
def manage_warning(request, pk):
    warning = get_scoped_or_404(ConsumerWarning.objects, request.user, pk=pk)
    url = reverse("credit:warning_act", args=[pk])
    context = {
        "warning": warning,
        **transition_buttons(warnings.WARNING, warning, request.user, url),
        "changes": warnings.WARNING.history(warning),
    }
    return render(request, "credit/warnings/manage_detail.html", context)


@roles_required(*STAFF_ROLES)
@require_POST
def warning_act(request, pk):
    warning = get_scoped_or_404(ConsumerWarning.objects, request.user, pk=pk)
    apply_posted(request, warnings.WARNING, warning)
    return redirect("credit:warning_manage", pk=pk)
