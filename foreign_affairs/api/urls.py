from django.urls import include, path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework import routers
from rest_framework.permissions import IsAuthenticated

from . import views, views_people


@extend_schema(exclude=True)
class APIRootView(routers.APIRootView):
    """The register's API: one endpoint per record group."""

    permission_classes = [IsAuthenticated]


class Router(routers.DefaultRouter):
    APIRootView = APIRootView
    include_format_suffixes = False


router = Router()
router.register("units", views.UnitViewSet)
router.register("countries", views.CountryViewSet)
router.register("fields", views.FieldViewSet)
router.register("partners", views.PartnerViewSet)
router.register("contacts", views.ContactViewSet)
router.register("interactions", views.InteractionViewSet)
router.register("agreements", views.AgreementViewSet)
router.register("events", views.EventViewSet)
router.register("delegations", views.DelegationViewSet)
router.register("delegation-members", views.DelegationMemberViewSet)
router.register("fdi-projects", views.FDIProjectViewSet)
router.register("oda-programmes", views.ODAProgrammeViewSet)
router.register("statistics", views.StatisticViewSet)
router.register("indicators", views.IndicatorViewSet)
router.register("plans", views.PlanViewSet)
router.register("plan-tasks", views.TaskViewSet)
router.register("consular-cases", views.ConsularCaseViewSet)
# Annual programmes and people's records (issue 4, items 5–7).
router.register("programmes", views_people.ProgrammeViewSet)
router.register("programme-items", views_people.ProgrammeItemViewSet)
router.register("journalist-visits", views_people.JournalistVisitViewSet)
router.register("honours", views_people.HonourAwardViewSet)
router.register("overseas-community", views_people.OverseasCommunityFigureViewSet)
router.register("experts", views_people.ExpertViewSet)
router.register("border-items", views_people.BorderItemViewSet)
router.register("border-events", views_people.BorderEventViewSet)
router.register("border-figures", views_people.BorderFigureViewSet)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("", include(router.urls)),
]
