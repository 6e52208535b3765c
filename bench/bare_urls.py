"""The product's URLs plus one bare Django JSON view, for the bench only (never in the product):
the API list endpoint's cost is compared with a view that returns the same number of rows
straight from ``.values()``, without DRF, filters, serializers or permission checks."""

from django.http import JsonResponse
from django.urls import path

from foreign_affairs.delegations.models import Delegation
from foreign_affairs.urls import urlpatterns as product_urlpatterns

FIELDS = ("id", "ref", "direction", "pillar", "level", "title", "start_on", "end_on", "host_unit_id",
          "head_name", "head_position", "members", "foreign_visitors", "reception", "permit_on", "status")


def bare_delegations(request):
    """The first ``page_size`` delegations in the API's order, as plain JSON rows."""
    size = min(int(request.GET.get("page_size", 100)), 1000)
    rows = list(Delegation.objects.order_by("-start_on", "title").values(*FIELDS)[:size])
    return JsonResponse({"results": rows})


urlpatterns = [path("bench/bare/delegations/", bare_delegations), *product_urlpatterns]
