from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Country, DeadlineRule, Field, PersonalDataAccess, Province, RoutingRule, Unit, User
from .services import user_set_role


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ("name_vi", "name_en", "kind", "parent", "valid_from", "valid_until", "ref")
    list_filter = ("kind",)
    search_fields = ("name_vi", "name_en", "short_name", "ref")
    autocomplete_fields = ("parent", "successor")


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_vi", "name_en", "framework", "framework_since")
    list_filter = ("framework",)
    search_fields = ("code", "name_vi", "name_en")


@admin.register(Field)
class FieldAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_vi", "name_en", "position", "active")
    list_editable = ("position", "active")
    search_fields = ("code", "name_vi", "name_en")


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, BaseUserAdmin):
    list_display = ("username", "email", "role", "unit", "is_active", "last_login")
    list_filter = ("role", "is_active")
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Role"), {"fields": ("role", "unit")}))
    add_fieldsets = (*BaseUserAdmin.add_fieldsets, (_("Role"), {"fields": ("role", "unit")}))
    autocomplete_fields = ("unit",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The role decides the groups and staff/superuser flags.
        user_set_role(user=obj, role=obj.role, unit=obj.unit)


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ("accessed_at", "user", "record_type", "record_id", "channel")
    list_filter = ("record_type",)
    search_fields = ("user__username", "channel")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Province)
class ProvinceAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_vi", "name_en")


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_vi", "days", "day_count", "direction", "valid_from", "valid_until", "verified")
    list_filter = ("day_count", "verified")
    search_fields = ("code", "name_vi", "name_en", "legal_basis")


@admin.register(RoutingRule)
class RoutingRuleAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_vi", "outcome", "deadline_rule", "priority", "valid_from", "valid_until", "verified")
    list_filter = ("code", "verified")
    search_fields = ("code", "name_vi", "name_en", "legal_basis")
