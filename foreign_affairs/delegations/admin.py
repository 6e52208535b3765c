from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Delegation, DelegationAttachment, DelegationCostItem, DelegationMember


class MemberInline(admin.TabularInline):
    model = DelegationMember
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = DelegationAttachment
    extra = 0
    fields = ("file", "original_name", "description", "uploaded_by", "uploaded_at")
    readonly_fields = ("uploaded_by", "uploaded_at")


class CostItemInline(admin.TabularInline):
    model = DelegationCostItem
    extra = 0


@admin.register(Delegation)
class DelegationAdmin(SimpleHistoryAdmin):
    list_display = ("title", "direction", "pillar", "level", "start_on", "status", "host_unit")
    list_filter = ("direction", "pillar", "level", "status", "reception", "funding")
    search_fields = ("title", "head_name", "purpose", "ref")
    date_hierarchy = "start_on"
    autocomplete_fields = ("countries", "partners", "agreements", "events", "host_unit")
    filter_horizontal = ("fields",)
    inlines = [MemberInline, CostItemInline, AttachmentInline]

    def get_inlines(self, request, obj):
        # Members carry passport data: only for those allowed to see it.
        if request.user.has_perm("delegations.view_personal_data"):
            return self.inlines
        return [CostItemInline, AttachmentInline]


@admin.register(DelegationAttachment)
class DelegationAttachmentAdmin(admin.ModelAdmin):
    list_display = ("original_name", "record", "size", "uploaded_by", "uploaded_at")
