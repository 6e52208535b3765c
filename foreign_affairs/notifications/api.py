"""The notifications app's API: ``/api/v1/notifications/`` (mine, newest first; ``?unread=true``),
``POST /api/v1/notifications/<id>/read/``, ``POST /api/v1/notifications/read-all/`` and
``GET /api/v1/worklist/``. Every signed-in role may use them; each user sees only their own."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors, services
from .models import Notification


class NotificationRecordSerializer(serializers.Serializer):
    """The record a notification is about."""

    app_label = serializers.CharField()
    model = serializers.CharField(source="model_name")
    id = serializers.IntegerField(source="object_id", allow_null=True)
    label = serializers.CharField(source="record_label")


class NotificationSerializer(serializers.ModelSerializer):
    message = serializers.CharField(read_only=True)
    read = serializers.BooleanField(source="is_read", read_only=True)
    actor = serializers.SlugRelatedField(slug_field="username", read_only=True)
    record = NotificationRecordSerializer(source="*", read_only=True)

    class Meta:
        model = Notification
        fields = ["id", "verb", "message", "actor", "record", "url", "params", "read", "read_at", "created_at"]
        read_only_fields = fields


class NotificationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """My notifications (a user never sees another's: theirs are 404)."""

    serializer_class = NotificationSerializer
    permission_classes = [IsAuthenticated]
    queryset = Notification.objects.all()
    filter_backends = []

    def get_queryset(self):
        unread = self.request.query_params.get("unread", "").lower() in {"1", "true", "yes"}
        return selectors.notification_list(user=self.request.user, unread_only=unread)

    @extend_schema(parameters=[OpenApiParameter("unread", bool, description="Only unread notifications")])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=None, summary="Mark the notification as read")
    @action(detail=True, methods=["post"], url_path="read", url_name="read")
    def read(self, request, pk=None):
        notification = services.notification_mark_read(notification=self.get_object(), actor=request.user)
        return Response(self.get_serializer(notification).data)

    @extend_schema(request=None, summary="Mark all my notifications as read",
                   responses=inline_serializer("ReadAll", {"marked": serializers.IntegerField()}))
    @action(detail=False, methods=["post"], url_path="read-all", url_name="read-all")
    def read_all(self, request):
        return Response({"marked": services.notifications_mark_all_read(actor=request.user)})


class WorkItemSerializer(serializers.Serializer):
    type = serializers.SerializerMethodField()
    id = serializers.IntegerField(source="record.pk")
    title = serializers.CharField()
    url = serializers.CharField()
    status = serializers.CharField()
    status_display = serializers.CharField()
    start_on = serializers.DateField(source="on", allow_null=True)
    end_on = serializers.DateField(source="until", allow_null=True)
    due_on = serializers.DateField(source="due", allow_null=True)
    unit = serializers.CharField()
    actions = serializers.SerializerMethodField()

    def get_type(self, item) -> str:
        return item.record._meta.label_lower

    def get_actions(self, item) -> list[str]:
        return [name for name, _label in item.actions]


class WorkSectionSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = WorkItemSerializer(source="items", many=True)


class WorklistSerializer(serializers.Serializer):
    today = serializers.DateField()
    upcoming_until = serializers.DateField()
    needs_action = WorkSectionSerializer()
    overdue = WorkSectionSerializer()
    upcoming = WorkSectionSerializer()


class WorklistAPIView(APIView):
    """What needs my action (with the workflow steps I can take), the overdue post-trip reports
    in my scope, and my delegations and events of the next 30 days; each section gives its
    ``count`` and up to 50 ``results``."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=WorklistSerializer, summary="My worklist")
    def get(self, request):
        work = selectors.worklist(user=request.user, today=timezone.localdate())
        return Response(WorklistSerializer(work).data)
