"""Concurrent edits in the API: every record's detail carries its version as an ``ETag``; a
``PUT``, ``PATCH`` or ``DELETE`` with ``If-Match`` is applied only if the record is still at that
version (checked with the row locked), otherwise answered ``412 Precondition Failed`` with who
changed what, and when. Requests without ``If-Match`` work as before (last write wins)."""

from __future__ import annotations

from django.db import transaction
from django.utils.http import parse_etags, quote_etag
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response

from foreign_affairs.core.concurrency import EditConflict, record_version, record_version_check


def etag(instance) -> str:
    return quote_etag(record_version(instance))


def _versions(header: str) -> list[str] | None:
    """The versions an If-Match header names (None for ``*``: any version will do)."""
    tags = parse_etags(header)
    if "*" in tags:
        return None
    return [tag.removeprefix("W/").strip('"') for tag in tags]


class VersionedMixin:
    """For RecordViewSet: ETag on detail responses, If-Match honoured on writes."""

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        tag = etag(instance)
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match and (tag in parse_etags(if_none_match) or "*" in parse_etags(if_none_match)):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": tag})
        return Response(self.get_serializer(instance).data, headers={"ETag": tag})

    def perform_update(self, serializer):
        super().perform_update(serializer)
        self.saved_instance = serializer.instance

    def update(self, request, *args, **kwargs):
        header = request.headers.get("If-Match")
        self.saved_instance = None
        if not header:
            response = super().update(request, *args, **kwargs)
        else:
            with transaction.atomic():
                refused = self._check_version(header)
                if refused is not None:
                    return refused
                response = super().update(request, *args, **kwargs)
        if self.saved_instance is not None and response.status_code < 300:
            response["ETag"] = etag(self.saved_instance)
        return response

    def destroy(self, request, *args, **kwargs):
        header = request.headers.get("If-Match")
        if not header:
            return super().destroy(request, *args, **kwargs)
        with transaction.atomic():
            refused = self._check_version(header)
            if refused is not None:
                return refused
            return super().destroy(request, *args, **kwargs)

    def _check_version(self, header: str) -> Response | None:
        """Inside the transaction: lock the record and compare; a 412 answer if it moved on."""
        instance = self.get_object()
        versions = _versions(header)
        try:
            if versions is None:
                record_version_check(instance=instance, version=None)
            elif record_version(instance) in versions:
                record_version_check(instance=instance, version=record_version(instance))
            else:
                record_version_check(instance=instance, version=versions[0])
        except EditConflict as conflict:
            return self._precondition_failed(instance, conflict)
        return None

    def _precondition_failed(self, instance, conflict: EditConflict) -> Response:
        serializer = self.get_serializer(instance)
        readable = {name for name, f in serializer.fields.items() if not f.write_only}
        conflict.only(readable)
        personal = set(getattr(serializer, "personal_fields", ()))
        if personal & {change.field for change in conflict.changes}:
            from foreign_affairs.core.services import personal_data_access_log

            personal_data_access_log(actor=self.request.user, record=instance, channel=self.request.path)
        advice = _("Nothing was changed: read the record again and apply your change to it.")
        detail = f"{conflict.message} {advice}"
        return Response(
            {
                "detail": detail,
                "current_etag": quote_etag(conflict.version),
                "changed_by": conflict.changed_by,
                "changed_at": conflict.changed_at,
                "changes": [{"field": c.field, "label": c.label, "old": c.old, "new": c.new} for c in conflict.changes],
            },
            status=status.HTTP_412_PRECONDITION_FAILED,
            headers={"ETag": quote_etag(conflict.version)},
        )
