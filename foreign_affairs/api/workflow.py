"""Workflow actions as ``POST /api/v1/<group>/<id>/<action>/`` (DESIGN §4).

A refused action answers 409 (not allowed from the record's status) or 403 (not for the
user's role) with a message, and changes nothing; bad input answers 400 naming the field.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from foreign_affairs.delegations import services
from foreign_affairs.delegations.services import ACTIONS, TransitionNotAllowed


class TransitionInputSerializer(serializers.Serializer):
    """Everything an action may take; each action uses its own part."""

    comment = serializers.CharField(required=False, allow_blank=True, default="")
    opinion = serializers.CharField(required=False, allow_blank=True, default="")
    decision_no = serializers.CharField(required=False, allow_blank=True, default="")
    decision_on = serializers.DateField(required=False, allow_null=True, default=None)
    signer = serializers.CharField(required=False, allow_blank=True, default="")
    returned_on = serializers.DateField(required=False, allow_null=True, default=None)
    report = serializers.CharField(required=False, allow_blank=True, default="")
    cost_vnd = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=0)
    outcomes = serializers.CharField(required=False, allow_null=True, default=None)
    reported_on = serializers.DateField(required=False, allow_null=True, default=None)
    rating = serializers.IntegerField(required=False, allow_null=True, default=None)
    evaluation = serializers.CharField(required=False, allow_blank=True, default="")


def run_delegation_action(name: str, *, delegation, actor, data: dict):
    """Call the service of the action with the arguments it takes (shared with the web views)."""
    common = {"delegation": delegation, "actor": actor}
    calls = {
        "submit": lambda: services.delegation_submit(**common, comment=data["comment"]),
        "return": lambda: services.delegation_return(**common, comment=data["comment"]),
        "appraise": lambda: services.delegation_appraise(**common, opinion=data["opinion"] or data["comment"]),
        "approve": lambda: services.delegation_approve(
            **common, decision_no=data["decision_no"], decision_on=data["decision_on"], signer=data["signer"],
            comment=data["comment"]),
        "reject": lambda: services.delegation_reject(
            **common, decision_no=data["decision_no"], decision_on=data["decision_on"], signer=data["signer"],
            comment=data["comment"]),
        "withdraw": lambda: services.delegation_withdraw(**common, comment=data["comment"]),
        "cancel": lambda: services.delegation_cancel(**common, comment=data["comment"]),
        "complete": lambda: services.delegation_complete(**common, returned_on=data["returned_on"]),
        "report": lambda: services.delegation_report(
            **common, report=data["report"], cost_vnd=data["cost_vnd"], outcomes=data["outcomes"],
            reported_on=data["reported_on"]),
        "evaluate": lambda: services.delegation_evaluate(
            **common, rating=data["rating"], evaluation=data["evaluation"] or data["comment"]),
    }
    return calls[name]()


def _make_action(name: str):
    def view(self, request, *args, **kwargs):
        delegation = self.get_object()
        payload = TransitionInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            updated = run_delegation_action(name, delegation=delegation, actor=request.user,
                                            data=payload.validated_data)
        except TransitionNotAllowed as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        except DjangoPermissionDenied as exc:
            return Response({"detail": str(exc) or "Permission denied."}, status=status.HTTP_403_FORBIDDEN)
        except DjangoValidationError as exc:
            detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
            return Response(detail, status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(updated).data)

    # The router maps the HTTP method to the attribute name recorded at decoration time.
    view.__name__ = f"workflow_{name}"
    view = action(detail=True, methods=["post"], url_path=name, url_name=name)(view)
    return extend_schema(request=TransitionInputSerializer, summary=f"Workflow: {name}")(view)


class DelegationWorkflowMixin:
    """Adds one POST action per workflow step to the delegations viewset."""

    def _is_workflow(self) -> bool:
        return getattr(self, "action", None) in {f"workflow_{n}" for n in ACTIONS}

    def get_queryset(self):
        if self._is_workflow():
            # Actions check their own permission; being able to read the record is enough to
            # reach them (a record out of reach stays 404).
            return self.queryset.all().restrict(self.request.user, "view")
        return super().get_queryset()

    def get_permissions(self):
        if self._is_workflow():
            from rest_framework.permissions import IsAuthenticated

            return [IsAuthenticated()]
        return super().get_permissions()


for _name in ACTIONS:
    setattr(DelegationWorkflowMixin, f"workflow_{_name}", _make_action(_name))
