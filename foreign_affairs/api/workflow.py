"""Workflow actions as ``POST /api/v1/<group>/<id>/<action>/`` (DESIGN §4), for every record
type with a workflow (core.workflow): delegations, agreements, events.

Each action takes the inputs its step declares (one request serializer per action, so the
OpenAPI schema documents them). A refused action answers 409 (not allowed from the record's
status, or by the rules) or 403 (not for the user's role) with a message, and changes
nothing; bad input answers 400 naming the field. A record out of the user's reach is 404.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import api_settings

from foreign_affairs.core.workflow import INPUTS, Input, TransitionNotAllowed, Workflow
from foreign_affairs.delegations.choices import CostItemKind


class CostItemInputSerializer(serializers.Serializer):
    """One line of a trip's actual cost."""

    kind = serializers.ChoiceField(choices=CostItemKind.choices)
    description = serializers.CharField(required=False, allow_blank=True, default="", max_length=255)
    amount_vnd = serializers.IntegerField(min_value=0)


def input_field(spec: Input) -> serializers.Field:
    """The request field of one workflow input (optional: the service says what is required)."""
    kind = spec.kind
    common = {"required": False, "help_text": str(spec.help) if spec.help else None, "label": str(spec.label)}
    if kind in ("text", "line"):
        return serializers.CharField(allow_blank=True, allow_null=spec.default is None, default=spec.default,
                                     trim_whitespace=False, max_length=spec.max_length, **common)
    if kind == "date":
        return serializers.DateField(allow_null=True, default=None, **common)
    if kind == "int":
        return serializers.IntegerField(allow_null=True, default=None, min_value=0, **common)
    if kind == "id":
        return serializers.IntegerField(allow_null=True, default=None, **common)
    if kind == "bool":
        return serializers.BooleanField(default=bool(spec.default), **common)
    if kind == "choice":
        if spec.name == "rating":
            return serializers.IntegerField(allow_null=True, default=None, **common)
        return serializers.ChoiceField(choices=[("", "—"), *spec.choices()], allow_blank=True, default="", **common)
    if kind == "rows":
        return serializers.ListField(child=CostItemInputSerializer(), allow_null=True, default=None, **common)
    if kind == "files":
        return serializers.ListField(child=serializers.FileField(), allow_empty=True, default=list, **common)
    raise ValueError(kind)


_SERIALIZERS: dict[tuple[str, str], type[serializers.Serializer]] = {}


def input_serializer(workflow: Workflow, name: str) -> type[serializers.Serializer]:
    """The request serializer of one action (built once, named for the schema)."""
    key = (workflow.model._meta.label, name)
    if key not in _SERIALIZERS:
        spec = workflow.actions[name]
        title = "".join(part.capitalize() for part in name.split("_"))
        attrs = {field: input_field(INPUTS[field]) for field in spec.inputs}
        for _name, other in spec.fallbacks:
            attrs.setdefault(other, input_field(INPUTS[other]))
        attrs["__doc__"] = str(spec.help or spec.label or name)
        _SERIALIZERS[key] = type(f"{workflow.model.__name__}{title}Input", (serializers.Serializer,), attrs)
    return _SERIALIZERS[key]


def validation_detail(exc: DjangoValidationError) -> dict:
    """A service's ValidationError as a 400 body naming each field."""
    if hasattr(exc, "error_dict"):
        return {
            (api_settings.NON_FIELD_ERRORS_KEY if key == NON_FIELD_ERRORS else key): messages
            for key, messages in exc.message_dict.items()
        }
    return {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}


def _make_action(workflow: Workflow, name: str):
    request_serializer = input_serializer(workflow, name)
    spec = workflow.actions[name]

    def view(self, request, *args, **kwargs):
        record = self.get_object()
        payload = request_serializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            updated = workflow.run(name, record=record, actor=request.user, data=payload.validated_data)
        except TransitionNotAllowed as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        except DjangoPermissionDenied as exc:
            return Response({"detail": str(exc) or "Permission denied."}, status=status.HTTP_403_FORBIDDEN)
        except DjangoValidationError as exc:
            return Response(validation_detail(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(updated).data)

    # The router maps the HTTP method to the attribute name recorded at decoration time.
    view.__name__ = f"workflow_{name}"
    view.__doc__ = str(spec.help or spec.label or name)
    view = action(detail=True, methods=["post"], url_path=name, url_name=name,
                  parser_classes=[JSONParser, FormParser, MultiPartParser])(view)
    return extend_schema(request=request_serializer, summary=f"Workflow: {name}")(view)


class WorkflowMixin:
    """Adds one POST action per workflow step to a record viewset (``workflow`` names the
    record type's core.workflow.Workflow; ``workflow_actions`` attaches the actions)."""

    workflow: Workflow

    def _is_workflow(self) -> bool:
        return getattr(self, "action", None) in {f"workflow_{n}" for n in self.workflow.actions}

    def get_queryset(self):
        if self._is_workflow():
            # Steps check their own permission; being able to read the record is enough to
            # reach them (a record out of reach stays 404).
            return self.queryset.all().restrict(self.request.user, "view")
        return super().get_queryset()

    def get_permissions(self):
        if self._is_workflow():
            return [IsAuthenticated()]
        return super().get_permissions()


def workflow_actions(workflow: Workflow):
    """Class decorator: one ``workflow_<action>`` endpoint per step of ``workflow``."""

    def attach(cls):
        cls.workflow = workflow
        for name in workflow.actions:
            setattr(cls, f"workflow_{name}", _make_action(workflow, name))
        return cls

    return attach


def _delegations():
    from foreign_affairs.delegations.services import WORKFLOW

    return WORKFLOW


@workflow_actions(_delegations())
class DelegationWorkflowMixin(WorkflowMixin):
    """The delegation workflow's endpoints (submit, return, appraise, clear, approve, reject,
    withdraw, cancel, complete, report, evaluate)."""


def run_delegation_action(name: str, *, delegation, actor, data: dict):
    """Call the service of a delegation step with the inputs it takes (kept for callers of the
    first version; the generic form is ``WORKFLOW.run``)."""
    return _delegations().run(name, record=delegation, actor=actor, data=data)
