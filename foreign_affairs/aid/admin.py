from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AidDisbursement, AidItem, ForeignNGO, NGOCertificate


class NGOCertificateInline(admin.TabularInline):
    model = NGOCertificate
    extra = 0
    fields = ("kind", "number", "issued_on", "expires_on", "status")


class AidDisbursementInline(admin.TabularInline):
    model = AidDisbursement
    extra = 0


@admin.register(ForeignNGO)
class ForeignNGOAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "status", "representative")
    list_filter = ("status",)
    search_fields = ("ref", "search_text")
    autocomplete_fields = ("partner",)
    inlines = [NGOCertificateInline]


@admin.register(NGOCertificate)
class NGOCertificateAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "ngo", "issued_on", "expires_on", "status")
    list_filter = ("kind", "status")
    search_fields = ("ref", "number", "search_text")
    autocomplete_fields = ("ngo",)


@admin.register(AidItem)
class AidItemAdmin(SimpleHistoryAdmin):
    list_display = ("title", "donor", "modality", "managing_unit", "committed_usd", "approved_on", "start_deadline",
                    "status")
    list_filter = ("modality", "status")
    search_fields = ("ref", "title", "approval_no", "search_text")
    autocomplete_fields = ("donor",)
    readonly_fields = ("start_deadline",)
    inlines = [AidDisbursementInline]
