"""Generic pages of a register record type (NetBox-style): list, detail, add/edit, delete,
export, attachments and the dependent rows edited inside a record's page.

Every view is parametrised by a ``registry.RecordType``; ``urls.py`` wires one set per type.
"""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from foreign_affairs.core.concurrency import EditConflict, record_version, record_version_check
from foreign_affairs.core.selectors import record_history
from foreign_affairs.core.services import (
    attachment_add,
    personal_data_access_log,
    personal_data_access_log_many,
    record_delete,
    record_save,
)

from .. import registry
from ..filter_controls import build_controls
from ..forms import AttachmentForm
from .base import PermissionView, RecordTypeView

PAGE_SIZE = 25


def add_validation_error(form, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form: per field where the form has the field."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def filtered_queryset(rt, request):
    """The list's rows: the user's scope, the FilterSet's filters and the requested sorting.

    Returns (filterset, queryset, sort key). The export uses the same function, so it exports
    exactly what the list shows (all pages).
    """
    filterset = rt.filterset(request.GET or None, queryset=rt.list_queryset(request.user), request=request)
    qs = filterset.qs
    sort = request.GET.get("sort") or rt.default_sort[0]
    key = sort.lstrip("-")
    try:
        column = rt.column(key)
    except KeyError:
        column = None
    if column is None or not column.sortable:
        sort = rt.default_sort[0]
        column = rt.column(sort.lstrip("-"))
    lang = get_language() or "vi"
    return filterset, qs.order_by(*column.orderings(lang, descending=sort.startswith("-"))), sort


def list_filters(rt, filterset) -> tuple[str, ...]:
    """The filters a list page offers: the record type's own, then whether a record is an
    illustrative demo record (every register record type has that filter)."""
    extra = ("illustrative",) if "illustrative" in filterset.filters and "illustrative" not in rt.filters else ()
    return (*rt.filters, *extra)


def _query_without(request, *names: str) -> str:
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def table_headers(rt, request, sort: str) -> list[dict]:
    base = _query_without(request, "sort", "page")
    headers = []
    for column in rt.columns:
        header = {"column": column, "label": column.label, "sortable": column.sortable, "aria_sort": None}
        if column.sortable:
            descending_now = sort == f"-{column.key}"
            ascending_now = sort == column.key
            target = f"-{column.key}" if ascending_now else column.key
            header["url"] = "?" + "&".join(p for p in (base, f"sort={target}") if p)
            if ascending_now:
                header["aria_sort"] = "ascending"
            elif descending_now:
                header["aria_sort"] = "descending"
        headers.append(header)
    return headers


class RecordListView(RecordTypeView):
    template_name = "web/list.html"
    results_template = "web/list_results.html"

    def get(self, request):
        rt = self.rt
        filterset, qs, sort = filtered_queryset(rt, request)
        paginator = Paginator(qs, PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        filter_query = _query_without(request, "page", "sort")
        user = request.user
        context = self.base_context(
            page_obj=page,
            page_range=list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)),
            rows=page.object_list,
            headers=table_headers(rt, request, sort),
            controls=build_controls(filterset, list_filters(rt, filterset), request.GET),
            search=request.GET.get("search", ""),
            filter_errors=filterset.form.errors if filterset.is_bound else {},
            sort=sort,
            page_query=_query_without(request, "page"),
            export_query=_query_without(request, "page", "fmt"),
            has_filters=bool(filter_query),
            can_import=rt.tabular and user.has_perm("core.import_records") and user.has_perm(rt.perm("add")),
        )
        if rt.personal_data:
            page.object_list = list(page.object_list)
            context["rows"] = page.object_list
            personal_data_access_log_many(actor=user, records=page.object_list, channel=request.path)
        partial = bool(request.htmx) and request.htmx.target == "results" and not request.htmx.history_restore_request
        context["partial"] = partial
        response = render(request, self.results_template if partial else self.template_name, context)
        patch_vary_headers(response, ["HX-Request", "HX-Target"])
        return response


class RecordDetailView(RecordTypeView):
    template_name = "web/detail.html"

    def get(self, request, pk):
        rt = self.rt
        user = request.user
        obj = get_object_or_404(rt.detail_queryset(user), pk=pk)
        if rt.personal_data:
            personal_data_access_log(actor=user, record=obj, channel=request.path)
        context = self.base_context(
            object=obj,
            title=getattr(obj, rt.title_attr),
            field_groups=[
                (title, names)
                for title, names in rt.detail_groups
                if rt.detail_group_when.get(names[0], lambda _obj: True)(obj)
            ],
            related=self.related_sections(obj),
            children=self.child_sections(obj),
            attachments=self.attachment_section(obj),
            history=record_history(obj),
            can_change=user.has_perm(rt.perm("change")),
            can_delete=user.has_perm(rt.perm("delete")),
        )
        context.update(self.extra_context(obj))
        return render(request, self.template_name, context)

    def extra_context(self, obj) -> dict:
        if self.rt.detail_context is not None:
            return self.rt.detail_context(obj, self.request.user)
        if self.rt.slug == "units":
            from foreign_affairs.core.selectors import unit_ancestors

            return {"ancestors": unit_ancestors(obj)}
        if self.rt.detail_context is not None:
            return self.rt.detail_context(obj, self.request.user)
        return {}

    def related_sections(self, obj) -> list[dict]:
        return related_sections(self.rt.related, obj, self.request.user)

    def child_sections(self, obj) -> list[dict]:
        user = self.request.user
        sections = []
        for child in self.rt.children:
            opts = child.model._meta
            if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
                continue
            fk_fields = [c.accessor for c in child.columns if c.kind == "fk"]
            rows = list(child.model.objects.restrict(user, "view").filter(**{child.fk: obj}).select_related(
                *fk_fields, *child.select_related))
            columns = list(child.columns)
            if child.personal_data and rows:
                # Rows that are personal data as a whole (a press visit's reporters).
                personal_data_access_log(actor=user, record=obj, channel=self.request.path)
            personal = child.slug == "members" and user.has_perm("delegations.view_personal_data")
            if personal:
                columns += [
                    registry.Column("passport_number", _("Passport number")),
                    registry.Column("date_of_birth", _("Date of birth"), kind="date"),
                    registry.Column("passport_handed_on", _("Passport handed out"), kind="date"),
                    registry.Column("passport_returned_on", _("Passport returned"), kind="date"),
                ]
                if rows:
                    personal_data_access_log(actor=user, record=obj, channel=self.request.path)
            can_add = user.has_perm(f"{opts.app_label}.add_{opts.model_name}")
            form = None
            if can_add:
                form = child.form_class(prefix=child.slug, **({"user": user} if child.slug == "members" else {}))
            sections.append(
                {
                    "child": child,
                    "rows": rows,
                    "columns": columns,
                    "can_add": can_add,
                    "can_change": user.has_perm(f"{opts.app_label}.change_{opts.model_name}"),
                    "can_delete": user.has_perm(f"{opts.app_label}.delete_{opts.model_name}"),
                    "form": form,
                    "add_url": reverse(self.rt.url_name("child_add"), args=[obj.pk, child.slug]),
                }
            )
        return sections

    def attachment_section(self, obj) -> dict | None:
        model = self.rt.attachment_model
        if model is None:
            return None
        user = self.request.user
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            return None
        can_add = user.has_perm(f"{opts.app_label}.add_{opts.model_name}")
        return {
            "items": list(obj.attachments.select_related("uploaded_by")),
            "can_add": can_add,
            "form": AttachmentForm() if can_add else None,
            "add_url": reverse(self.rt.url_name("attachment_add"), args=[obj.pk]),
        }


def related_sections(related, obj, user) -> list[dict]:
    """The related-record tables of a detail page (used by records and countries)."""
    sections = []
    lang = get_language() or "vi"
    for rel in related:
        target = registry.get(rel.group)
        if not user.has_perm(target.perm("view")):
            continue
        qs = target.list_queryset(user).filter(**{rel.lookup: obj})
        default = target.default_sort[0]
        qs = qs.order_by(*target.column(default.lstrip("-")).orderings(lang, default.startswith("-")))
        rows = list(qs[: rel.limit])
        total = len(rows) if len(rows) < rel.limit else qs.count()
        see_all = None
        if rel.list_param:
            see_all = f"{target.list_url()}?{rel.list_param}={getattr(obj, rel.list_value)}"
        sections.append(
            {
                "title": rel.title,
                "rt": target,
                "rows": rows,
                "total": total,
                "columns": [target.column(key) for key in rel.columns],
                "see_all": see_all,
                "slug": f"{rel.group}-{rel.lookup}",
            }
        )
    return sections


class RecordEditView(RecordTypeView):
    """Add (no pk) or change a record; saving goes through ``record_save``."""

    template_name = "web/form.html"

    @property
    def action(self):
        return "change" if "pk" in self.kwargs else "add"

    def get_object(self):
        if "pk" in self.kwargs:
            return get_object_or_404(self.rt.model.objects.restrict(self.request.user, "change"), pk=self.kwargs["pk"])
        return self.rt.model()

    def render_form(self, form, obj, *, version: str | None = None, conflict: EditConflict | None = None):
        if self.rt.personal_data and obj.pk:
            # The form shows the stored case (the citizen's name): a read of personal data.
            personal_data_access_log(actor=self.request.user, record=obj, channel=self.request.path)
        return render(
            self.request,
            self.template_name,
            self.base_context(
                form=form,
                object=obj if obj.pk else None,
                layout=self.layout(form),
                # The version the form was opened at, sent back on save (core/concurrency.py).
                version=version if version is not None else (record_version(obj) if obj.pk else ""),
                conflict=conflict,
            ),
            status=409 if conflict else 200,
        )

    def layout(self, form):
        placed = set()
        sections = []
        for legend, names in self.rt.form_layout:
            fields = [form[name] for name in names if name in form.fields]
            placed.update(names)
            if fields:
                sections.append(
                    {
                        "legend": legend,
                        "fields": fields,
                        "incoming_only": all(f.field.widget.attrs.get("data-incoming-only") for f in fields),
                    }
                )
        rest = [form[name] for name in form.fields if name not in placed]
        if rest:
            sections.append({"legend": _("Other"), "fields": rest, "incoming_only": False})
        return sections

    def get(self, request, pk=None):
        obj = self.get_object()
        return self.render_form(self.rt.form_class(instance=obj, user=request.user), obj)

    def post(self, request, pk=None):
        obj = self.get_object()
        form = self.rt.form_class(request.POST, instance=obj, user=request.user)
        version = request.POST.get("_version")
        if form.is_valid():
            instance = form.save(commit=False)
            try:
                with transaction.atomic():
                    if instance.pk:
                        record_version_check(instance=instance, version=version)
                    record_save(instance=instance, actor=request.user, m2m=form.m2m_data())
            except EditConflict as conflict:
                # What the user typed is kept; saving again (at the version now) keeps it.
                conflict.record = self.get_object()  # named as it is now, not as typed
                return self.render_form(form, conflict.record, version=conflict.version,
                                        conflict=conflict.only(form.fields))
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                message = _("%(type)s “%(name)s” saved.") % {
                    "type": capfirst(self.rt.verbose_name),
                    "name": getattr(instance, self.rt.title_attr),
                }
                messages.success(request, message)
                return redirect(self.rt.detail_url(instance))
        return self.render_form(form, obj, version=version)


def protected_message(error: ProtectedError | RestrictedError) -> str:
    """ "It is used by 3 delegations and 1 event." from the objects that block a deletion."""
    objects = getattr(error, "protected_objects", None) or getattr(error, "restricted_objects", ())
    counts = Counter(type(o) for o in objects)
    parts = [
        f"{count} {(model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural)}"
        for model, count in counts.most_common()
    ]
    return _("It cannot be deleted: it is used by %(records)s.") % {"records": ", ".join(parts)}


class RecordDeleteView(RecordTypeView):
    action = "delete"
    template_name = "web/delete.html"

    def get_object(self, pk):
        return get_object_or_404(self.rt.model.objects.restrict(self.request.user, "delete"), pk=pk)

    def get(self, request, pk):
        obj = self.get_object(pk)
        return render(
            request, self.template_name, self.base_context(object=obj, title=getattr(obj, self.rt.title_attr))
        )

    def post(self, request, pk):
        obj = self.get_object(pk)
        name = getattr(obj, self.rt.title_attr)
        try:
            record_delete(instance=obj, actor=request.user)
        except (ProtectedError, RestrictedError) as error:
            messages.error(request, f"“{name}”: {protected_message(error)}")
            return redirect(self.rt.detail_url(obj))
        except ValidationError as error:
            messages.error(request, f"“{name}”: {' '.join(error.messages)}")
            return redirect(self.rt.detail_url(obj))
        messages.success(
            request,
            _("%(type)s “%(name)s” deleted.") % {"type": capfirst(self.rt.verbose_name), "name": name},
        )
        return redirect(self.rt.list_url())


class RecordExportView(RecordTypeView):
    """The filtered list (all pages) as CSV or XLSX, in the bundle's tabular columns."""

    CONTENT_TYPES = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }

    def get(self, request):
        fmt = request.GET.get("fmt", "csv")
        if fmt not in self.CONTENT_TYPES:
            return HttpResponseBadRequest(_("Unknown format; use csv or xlsx."))
        from foreign_affairs.core.bundle import tabular

        _filterset, qs, _sort = filtered_queryset(self.rt, request)
        if self.rt.personal_data:
            personal_data_access_log_many(actor=request.user, records=list(qs), channel=request.path)
        section = self.rt.bundle_section
        data = tabular.write_table(section, tabular.export_rows(section, qs), fmt)
        response = HttpResponse(data, content_type=self.CONTENT_TYPES[fmt])
        stamp = timezone.localdate().strftime("%Y%m%d")
        response["Content-Disposition"] = f'attachment; filename="{self.rt.slug}-{stamp}.{fmt}"'
        return response


class AttachmentAddView(RecordTypeView):
    template_name = "web/attachment_form.html"

    def required_perms(self):
        opts = self.rt.attachment_model._meta
        return [self.rt.perm("view"), f"{opts.app_label}.add_{opts.model_name}"]

    def get_record(self, pk):
        return get_object_or_404(self.rt.model.objects.restrict(self.request.user, "view"), pk=pk)

    def get(self, request, pk):
        obj = self.get_record(pk)
        return render(request, self.template_name, self.base_context(object=obj, form=AttachmentForm()))

    def post(self, request, pk):
        obj = self.get_record(pk)
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                attachment = attachment_add(
                    record=obj,
                    upload=form.cleaned_data["file"],
                    actor=request.user,
                    description=form.cleaned_data["description"],
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, _("File “%(name)s” attached.") % {"name": attachment.original_name})
                return redirect(self.rt.detail_url(obj) + "#attachments")
        return render(request, self.template_name, self.base_context(object=obj, form=form))


class AttachmentDownloadView(PermissionView):
    """Serve an attachment to a user who may view its record; never from a public URL."""

    def get(self, request, group, attachment_id):
        rt = registry.REGISTRY.get(group)
        if rt is None or rt.attachment_model is None:
            raise Http404
        opts = rt.attachment_model._meta
        if not (
            request.user.has_perm(rt.perm("view")) and request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
        ):
            raise PermissionDenied
        attachment = get_object_or_404(
            rt.attachment_model.objects.filter(record__in=rt.model.objects.restrict(request.user, "view")),
            pk=attachment_id,
        )
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        return FileResponse(
            handle,
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type or "application/octet-stream",
        )


class ChildEditView(RecordTypeView):
    """Add, change or delete a dependent row (contact, interaction, member) of a record."""

    template_name = "web/child_form.html"
    mode = "edit"  # add, edit, delete

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        try:
            self.child = self.rt.child(kwargs["child"])
        except KeyError as error:
            raise Http404 from error

    def required_perms(self):
        opts = self.child.model._meta
        verb = {"add": "add", "edit": "change", "delete": "delete"}[self.mode]
        return [self.rt.perm("view"), f"{opts.app_label}.{verb}_{opts.model_name}"]

    def get_objects(self, pk, row_id=None):
        record = get_object_or_404(self.rt.model.objects.restrict(self.request.user, "view"), pk=pk)
        if row_id is None:
            return record, self.child.model(**{self.child.fk: record})
        action = "delete" if self.mode == "delete" else "change"
        row = get_object_or_404(
            self.child.model.objects.restrict(self.request.user, action).filter(**{self.child.fk: record}),
            pk=row_id,
        )
        return record, row

    def make_form(self, row, data=None):
        kwargs = {"instance": row, "prefix": self.child.slug}
        if self.child.slug == "members":
            kwargs["user"] = self.request.user
        return self.child.form_class(data, **kwargs)

    def back_url(self, record):
        return self.rt.detail_url(record) + f"#{self.child.slug}"

    def render_page(self, record, row, form=None, status=200, *, version: str | None = None,
                    conflict: EditConflict | None = None):
        return render(
            self.request,
            self.template_name,
            self.base_context(
                object=record,
                row=row if row.pk else None,
                child=self.child,
                form=form,
                mode=self.mode,
                back_url=self.back_url(record),
                version=version if version is not None else (record_version(row) if row.pk else ""),
                conflict=conflict,
            ),
            status=409 if conflict else status,
        )

    def get(self, request, pk, child, row_id=None):
        record, row = self.get_objects(pk, row_id)
        form = None if self.mode == "delete" else self.make_form(row)
        if form is not None and row.pk and getattr(form, "shows_personal_data", False):
            personal_data_access_log(actor=request.user, record=record, channel=request.path)
        return self.render_page(record, row, form)

    def post(self, request, pk, child, row_id=None):
        record, row = self.get_objects(pk, row_id)
        if self.mode == "delete":
            record_delete(instance=row, actor=request.user)
            messages.success(request, _("“%(name)s” removed.") % {"name": row})
            return redirect(self.back_url(record))
        form = self.make_form(row, request.POST)
        version = request.POST.get("_version")
        if form.is_valid():
            instance = form.save(commit=False)
            if self.mode == "add" and hasattr(instance, "recorded_by_id"):
                instance.recorded_by = request.user
            try:
                with transaction.atomic():
                    if instance.pk:
                        record_version_check(instance=instance, version=version)
                    record_save(instance=instance, actor=request.user)
            except EditConflict as conflict:
                conflict.only(form.fields)
                if getattr(form, "shows_personal_data", False) and conflict.changes:
                    personal_data_access_log(actor=request.user, record=record, channel=request.path)
                return self.render_page(record, row, form, version=conflict.version, conflict=conflict)
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, _("“%(name)s” saved.") % {"name": instance})
                return redirect(self.back_url(record))
        return self.render_page(record, row, form, version=version)
