"""Evaluation models: every staff member reads them; headquarters defines and versions them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.access import HEADQUARTERS, STAFF_ROLES, roles_required

from ..models import EvaluationModel, ModelVersion
from ..sectors import sector_label
from ..services import versions
from ..survey_forms import ItemForm, ModelForm, NoteForm, WeightsForm


def _headquarters_only(request):
    if request.user.role != HEADQUARTERS:
        raise PermissionDenied


@roles_required(*STAFF_ROLES)
def model_list(request):
    """Every evaluation model with its versions."""
    rows = EvaluationModel.objects.prefetch_related("versions")
    for model in rows:
        model.sector_labels = [sector_label(s) for s in model.sectors]
    context = {"models": rows, "may_edit": request.user.role == HEADQUARTERS}
    return render(request, "monitoring/models/list.html", context)


@roles_required(HEADQUARTERS)
def model_create(request):
    """A new model, its version 1 filled from the SERVQUAL or ACSI template."""
    form = ModelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        model = versions.create_model(
            code=data["code"], name=data["name"], kind=data["kind"], sectors=data["sectors"],
            description=data["description"], scale=data["scale"],
        )  # fmt: skip
        messages.success(request, _("The model was created with its version 1."))
        return redirect("monitoring:version", model.versions.get().pk)
    return render(request, "monitoring/models/create.html", {"form": form})


@roles_required(*STAFF_ROLES)
def version_detail(request, pk):
    """A version: dimensions, indicators, items, weights; headquarters edits an unfrozen one."""
    version = get_object_or_404(ModelVersion.objects.select_related("model"), pk=pk)
    editing = request.user.role == HEADQUARTERS and not version.frozen
    return _render_version(request, version, editing)


def _render_version(request, version, editing, weights_form=None, item_form=None, status=200):
    context = {
        "version": version,
        "dimensions": version.dimensions.prefetch_related("indicators__items"),
        "problems": versions.weight_problems(version),
        "columns": versions.structure(version).columns(),
        "editing": editing,
        "may_version": request.user.role == HEADQUARTERS,
        "weights_form": weights_form or (WeightsForm(version) if editing else None),
        "item_form": item_form or (ItemForm(version) if editing else None),
        "note_form": NoteForm(),
        "published": versions.published(version),
    }
    return render(request, "monitoring/models/version.html", context, status=status)


def _editable_version(request, pk):
    _headquarters_only(request)
    version = get_object_or_404(ModelVersion.objects.select_related("model"), pk=pk)
    if version.frozen:
        messages.error(request, _("This version is frozen; make a new version to change it."))
        return None, redirect("monitoring:version", pk)
    return version, None


@require_POST
@roles_required(HEADQUARTERS)
def version_weights(request, pk):
    """Save the weights; refused, with the sums shown, unless each set sums to 1."""
    version, refused = _editable_version(request, pk)
    if refused:
        return refused
    form = WeightsForm(version, request.POST)
    if form.is_valid():
        try:
            versions.set_weights(version, *form.weights())
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The weights were saved."))
            return redirect("monitoring:version", pk)
    return _render_version(request, version, True, weights_form=form, status=400)


@require_POST
@roles_required(HEADQUARTERS)
def version_item(request, pk):
    """Add a question item to an indicator of an unfrozen version."""
    version, refused = _editable_version(request, pk)
    if refused:
        return refused
    form = ItemForm(version, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            versions.add_item(
                data["indicator"], code=data["code"], text=data["text"], scale=data["scale"],
                required=data["required"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_error("code", error.messages[0])
        else:
            messages.success(request, _("The item was added."))
            return redirect("monitoring:version", pk)
    return _render_version(request, version, True, item_form=form, status=400)


@require_POST
@roles_required(HEADQUARTERS)
def version_copy(request, pk):
    """Start the next version of a model from this one."""
    version = get_object_or_404(ModelVersion, pk=pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what changes in the new version."))
        return redirect("monitoring:version", pk)
    copy = versions.new_version(version, form.cleaned_data["note"])
    messages.success(request, _("Version %(n)d was made; change it here.") % {"n": copy.number})
    return redirect("monitoring:version", copy.pk)
