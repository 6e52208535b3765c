"""Spreadsheet import of one record type: upload → preview (nothing written) → confirm.

The uploaded file is kept between the two steps under ``VAR_DIR/tmp`` (never MEDIA_ROOT), named
by a random token that only the uploading session knows; the confirm step re-reads and
re-validates the same bytes and the import writes all or nothing (``tabular.import_rows``).
"""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..forms import ImportForm
from .base import RecordTypeView

SESSION_KEY = "web_imports"
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
STALE_AFTER = 24 * 3600
TEMPLATE_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def upload_dir() -> Path:
    path = Path(settings.VAR_DIR) / "tmp" / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _clear_stale(directory: Path) -> None:
    cutoff = time.time() - STALE_AFTER
    for item in directory.glob("*.upload"):
        try:
            if item.stat().st_mtime < cutoff:
                item.unlink()
        except OSError:
            pass


class ImportPermissionMixin:
    def required_perms(self):
        return ["core.import_records", self.rt.perm("add")]


class ImportTemplateView(ImportPermissionMixin, RecordTypeView):
    def get(self, request, fmt):
        from foreign_affairs.core.bundle import tabular

        if fmt not in TEMPLATE_TYPES:
            raise Http404
        response = HttpResponse(tabular.template_bytes(self.rt.bundle_section, fmt), content_type=TEMPLATE_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{self.rt.slug}-template.{fmt}"'
        return response


class ImportView(ImportPermissionMixin, RecordTypeView):
    template_name = "web/import.html"

    def page(self, form, **extra):
        from foreign_affairs.core.bundle import tabular

        return render(
            self.request,
            self.template_name,
            self.base_context(form=form, columns=tabular.columns(self.rt.bundle_section), **extra),
        )

    def get(self, request):
        return self.page(ImportForm())

    def post(self, request):
        if request.POST.get("action") == "confirm":
            return self.confirm(request)
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.page(form)
        upload = form.cleaned_data["file"]
        return self.preview(form, upload.name, upload.read())

    def keep_upload(self, filename: str, data: bytes) -> str:
        """Store a checked upload for the confirm step and return its token."""
        token = secrets.token_urlsafe(24)
        directory = upload_dir()
        _clear_stale(directory)
        (directory / f"{token}.upload").write_bytes(data)
        stored = self.request.session.get(SESSION_KEY, {})
        stored[token] = {"group": self.rt.slug, "filename": filename}
        self.request.session[SESSION_KEY] = stored
        return token

    def run(self, data: bytes, filename: str, dry_run: bool):
        """(rows, result or None, file errors) of reading and checking or importing the file."""
        from foreign_affairs.core.bundle import tabular
        from foreign_affairs.core.bundle.errors import BundleError

        try:
            rows = tabular.read_rows(data, filename)
        except BundleError as error:
            return [], None, [str(error)]
        result = tabular.import_rows(self.rt.bundle_section, rows, dry_run=dry_run, actor=self.request.user)
        return rows, result, [str(error) for error in result.errors]

    def preview(self, form, filename, data):
        from foreign_affairs.core.bundle import tabular

        rows, result, errors = self.run(data, filename, dry_run=True)
        section = self.rt.bundle_section
        refs = [str(row.get("ref") or "").strip() for row in rows]
        existing = set(self.rt.model.objects.filter(ref__in=[r for r in refs if r]).values_list("ref", flat=True))
        failed_rows = {
            int(str(e.index).split()[-1])
            for e in (result.errors if result else [])
            if isinstance(e.index, str) and e.index.startswith("row ")
        }
        columns = tabular.columns(section)
        preview_rows = []
        for number, (row, ref) in enumerate(zip(rows, refs, strict=True), start=2):
            if not any(value not in (None, "") for value in row.values()):
                continue
            action = _("update") if ref and ref in existing else _("create")
            preview_rows.append(
                {
                    "number": number,
                    "action": action,
                    "failed": number in failed_rows,
                    "cells": ["" if row.get(c) is None else row.get(c) for c in columns],
                }
            )
        return self.page(
            form,
            token=self.keep_upload(filename, data) if result is not None and result.ok else None,
            filename=filename,
            preview_rows=preview_rows,
            errors=errors,
            created=(result.created.get(section, 0) if result else 0),
            updated=(result.updated.get(section, 0) if result else 0),
            unchanged=(result.unchanged.get(section, 0) if result else 0),
            previewed=True,
        )

    def confirm(self, request):
        token = request.POST.get("token", "")
        stored = request.session.get(SESSION_KEY, {})
        entry = stored.get(token)
        path = upload_dir() / f"{token}.upload"
        if not TOKEN_RE.match(token) or entry is None or entry.get("group") != self.rt.slug or not path.exists():
            messages.error(request, _("The uploaded file has expired; upload it again."))
            return redirect(request.path)
        data = path.read_bytes()
        rows, result, errors = self.run(data, entry["filename"], dry_run=False)
        if result is None or not result.ok:
            form = ImportForm()
            return self.page(
                form,
                errors=errors,
                filename=entry["filename"],
                previewed=True,
                preview_rows=[],
                token=None,
                created=0,
                updated=0,
                unchanged=0,
            )
        path.unlink(missing_ok=True)
        stored.pop(token, None)
        request.session[SESSION_KEY] = stored
        section = self.rt.bundle_section
        messages.success(
            request,
            _("Import done: %(created)d created, %(updated)d updated.")
            % {"created": result.created.get(section, 0), "updated": result.updated.get(section, 0)},
        )
        return redirect(self.rt.list_url())
