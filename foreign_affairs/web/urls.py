"""URLs of the web app: one set of generic pages per registry record type, plus home, search
and countries."""

from django.urls import path

from . import registry
from .views import economy, imports, pages, records, workflow

app_name = "web"


def record_urls(rt) -> list:
    slug = rt.slug
    urls = [
        path(f"{slug}/", records.RecordListView.as_view(rt=rt), name=f"{slug}_list"),
        path(f"{slug}/add/", records.RecordEditView.as_view(rt=rt), name=f"{slug}_add"),
        path(f"{slug}/<int:pk>/", records.RecordDetailView.as_view(rt=rt), name=f"{slug}_detail"),
        path(f"{slug}/<int:pk>/edit/", records.RecordEditView.as_view(rt=rt), name=f"{slug}_edit"),
        path(f"{slug}/<int:pk>/delete/", records.RecordDeleteView.as_view(rt=rt), name=f"{slug}_delete"),
    ]
    if rt.tabular:
        # Spreadsheet export and import exist only for types the tabular layer has a section for.
        urls += [
            path(f"{slug}/export/", records.RecordExportView.as_view(rt=rt), name=f"{slug}_export"),
            path(f"{slug}/import/", imports.ImportView.as_view(rt=rt), name=f"{slug}_import"),
            path(
                f"{slug}/import/template.<str:fmt>",
                imports.ImportTemplateView.as_view(rt=rt),
                name=f"{slug}_import_template",
            ),
        ]
    if rt.attachment_model is not None:
        urls.append(
            path(
                f"{slug}/<int:pk>/attachments/add/",
                records.AttachmentAddView.as_view(rt=rt),
                name=f"{slug}_attachment_add",
            )
        )
    if rt.children:
        urls += [
            path(
                f"{slug}/<int:pk>/<slug:child>/add/",
                records.ChildEditView.as_view(rt=rt, mode="add"),
                name=f"{slug}_child_add",
            ),
            path(
                f"{slug}/<int:pk>/<slug:child>/<int:row_id>/edit/",
                records.ChildEditView.as_view(rt=rt, mode="edit"),
                name=f"{slug}_child_edit",
            ),
            path(
                f"{slug}/<int:pk>/<slug:child>/<int:row_id>/delete/",
                records.ChildEditView.as_view(rt=rt, mode="delete"),
                name=f"{slug}_child_delete",
            ),
        ]
    return urls


urlpatterns = [
    path("", pages.HomeView.as_view(), name="home"),
    path("search/", pages.SearchView.as_view(), name="search"),
    path(
        "delegations/<int:pk>/workflow/<slug:action>/",
        workflow.DelegationActionView.as_view(),
        name="delegation_action",
    ),
    path("investment-leads/<int:pk>/convert/", economy.LeadConvertView.as_view(), name="investment-leads_convert"),
    path("aid-items/<int:pk>/transition/", economy.AidTransitionView.as_view(), name="aid-items_transition"),
    path(
        "agreements/<int:pk>/workflow/<slug:action>/",
        workflow.RecordActionView.as_view(rt=registry.AGREEMENTS),
        name="agreement_action",
    ),
    path(
        "events/<int:pk>/workflow/<slug:action>/",
        workflow.RecordActionView.as_view(rt=registry.EVENTS),
        name="event_action",
    ),
    path(
        "delegations/<int:pk>/decision.docx",
        workflow.DelegationDecisionDocumentView.as_view(),
        name="delegation_decision_document",
    ),
    path("countries/", pages.CountryListView.as_view(), name="country_list"),
    path("countries/<str:code>/", pages.CountryDetailView.as_view(), name="country_detail"),
    path(
        "attachments/<slug:group>/<int:attachment_id>/",
        records.AttachmentDownloadView.as_view(),
        name="attachment_download",
    ),
]
for _rt in registry.REGISTRY.values():
    urlpatterns += record_urls(_rt)
