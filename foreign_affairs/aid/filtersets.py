import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.filters import ListFilter, RecordFilterSet

from .models import AidItem, ForeignNGO, NGOCertificate


class DaysFilter(django_filters.NumberFilter):
    """A number of days from today; the list page offers the usual ones (``presets``)."""

    presets = [(30, _("30 days")), (60, _("60 days")), (90, _("90 days")), (180, _("6 months")),
               (365, _("1 year"))]


class ForeignNGOFilterSet(RecordFilterSet):
    status = ListFilter(field_name="status", label=_("Status"))
    country = ListFilter(field_name="partner__country_id", label=_("Country"))
    partner = ListFilter(field_name="partner__ref", label=_("Partner (ref)"))
    fields = ListFilter(field_name="fields__code", label=_("Field"))
    counterpart_units = ListFilter(field_name="counterpart_units__ref", label=_("Vietnamese partner unit (ref)"))
    expires_within = DaysFilter(method="filter_expires_within", label=_("Certificate expiring within"))

    class Meta:
        model = ForeignNGO
        fields = ["search", "status", "country", "partner", "fields", "counterpart_units", "expires_within"]

    def filter_expires_within(self, qs, name, value):
        """NGOs with a certificate in force that expires in the next ``value`` days."""
        from .selectors import certificate_expiring_list

        if value in (None, ""):
            return qs
        expiring = certificate_expiring_list(today=timezone.localdate(), days=int(value))
        return qs.filter(pk__in=expiring.values("ngo"))


class NGOCertificateFilterSet(RecordFilterSet):
    year_field = "issued_on"

    ngo = ListFilter(field_name="ngo__ref", label=_("NGO (ref)"))
    kind = ListFilter(field_name="kind", label=_("Kind"))
    status = ListFilter(field_name="status", label=_("Status"))
    expires_within = DaysFilter(method="filter_expires_within", label=_("Expiring within"))

    class Meta:
        model = NGOCertificate
        fields = ["search", "ngo", "kind", "status", "expires_within", "year"]

    def filter_expires_within(self, qs, name, value):
        """Certificates in force that expire in the next ``value`` days (today included)."""
        from .selectors import certificate_expiring_list

        if value in (None, ""):
            return qs
        expiring = certificate_expiring_list(today=timezone.localdate(), days=int(value))
        return qs.filter(pk__in=expiring.values("pk"))


class AidItemFilterSet(RecordFilterSet):
    year_field = "approved_on"

    donor = ListFilter(field_name="donor__ref", label=_("Donor (ref)"))
    modality = ListFilter(field_name="modality", label=_("Modality"))
    status = ListFilter(field_name="status", label=_("Status"))
    managing_unit = ListFilter(field_name="managing_unit__ref", label=_("Managing agency (ref)"))
    beneficiary_units = ListFilter(field_name="beneficiary_units__ref", label=_("Beneficiary unit (ref)"))
    fields = ListFilter(field_name="fields__code", label=_("Field"))
    currency = ListFilter(field_name="currency", label=_("Currency"))
    start_overdue = django_filters.BooleanFilter(method="filter_start_overdue", label=_("Start overdue"))

    class Meta:
        model = AidItem
        fields = ["search", "donor", "modality", "status", "managing_unit", "beneficiary_units", "fields",
                  "currency", "start_overdue", "year"]

    def filter_start_overdue(self, qs, name, value):
        from .choices import AidStatus

        if value is None:
            return qs
        overdue = {"status": AidStatus.APPROVED, "start_deadline__lt": timezone.localdate()}
        return qs.filter(**overdue) if value else qs.exclude(**overdue)
