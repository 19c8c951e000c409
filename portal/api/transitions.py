"""The workflow in the API: one POST …/{id}/<action>/ per declared action, from the declaration."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from ..limits import REASON
from ..workflow import SYSTEM, TransitionRefused


class TransitionInput(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=REASON)


def as_api_error(refused):
    """A refusal as the API answers it: 403 for the wrong role, otherwise 400 saying why."""
    if getattr(refused, "code", None) == "role":
        return exceptions.PermissionDenied(refused.messages[0])
    if hasattr(refused, "error_dict"):
        return exceptions.ValidationError(refused.message_dict)
    detail = {"non_field_errors": refused.messages}
    if refused.missing:
        detail["missing"] = refused.missing
    return exceptions.ValidationError(detail)


def transition_action(workflow, output):
    """A viewset action applying any of the workflow's actions a person can take.

    ``output`` is the serializer the changed object is returned with.
    """
    names = [t.action for t in workflow.transitions if t.offered and t.roles != (SYSTEM,)]

    @extend_schema(
        operation_id=f"{workflow.model.rsplit('.', 1)[-1].lower()}_transition",
        request=TransitionInput,
        responses=output,
        parameters=[
            OpenApiParameter("transition", OpenApiTypes.STR, OpenApiParameter.PATH, enum=names)
        ],
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=f"(?P<transition>{'|'.join(names)})",
        url_name="transition",
    )
    def transition(self, request, pk=None, transition=None):
        """Apply a workflow action; refused, it is a 400 saying why (403 for the wrong role)."""
        obj = self.get_object()
        data = TransitionInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            workflow.apply(obj, transition, request.user, reason=data.validated_data["reason"])
        except TransitionRefused as refused:
            raise as_api_error(refused) from refused
        obj.refresh_from_db()
        return Response(output(obj, context=self.get_serializer_context()).data)

    return transition
