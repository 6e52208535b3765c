from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Contact, Interaction, Partner, PartnerAttachment


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class InteractionInline(admin.TabularInline):
    model = Interaction
    extra = 0
    autocomplete_fields = ("unit",)


class AttachmentInline(admin.TabularInline):
    model = PartnerAttachment
    extra = 0
    fields = ("file", "original_name", "description", "uploaded_by", "uploaded_at")
    readonly_fields = ("uploaded_by", "uploaded_at")


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ("name_en", "name_vi", "name_native", "kind", "country", "relationship", "since")
    list_filter = ("kind", "relationship", "country")
    search_fields = ("name_en", "name_vi", "name_native", "ref", "search_text")
    filter_horizontal = ("fields",)
    inlines = [ContactInline, InteractionInline, AttachmentInline]


@admin.register(Contact)
class ContactAdmin(SimpleHistoryAdmin):
    list_display = ("name", "position", "partner", "email", "phone")
    search_fields = ("name", "position", "partner__name_en")
    autocomplete_fields = ("partner",)


@admin.register(Interaction)
class InteractionAdmin(SimpleHistoryAdmin):
    list_display = ("date", "kind", "partner", "unit")
    list_filter = ("kind",)
    autocomplete_fields = ("partner", "unit")


@admin.register(PartnerAttachment)
class PartnerAttachmentAdmin(admin.ModelAdmin):
    list_display = ("original_name", "record", "size", "uploaded_by", "uploaded_at")
