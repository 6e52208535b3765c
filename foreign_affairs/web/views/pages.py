"""Pages that are not one record type's: home, global search, countries."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from foreign_affairs.core.choices import Framework
from foreign_affairs.core.models import Country
from foreign_affairs.core.services import personal_data_access_log_many
from foreign_affairs.core.text import fold
from foreign_affairs.delegations.models import Delegation
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Partner
from foreign_affairs.reports.dashboards import opening_year

from .. import registry, selectors
from ..ordering import localized
from .base import PermissionView
from .records import PAGE_SIZE, related_sections

SEARCH_LIMIT = 10
# Consular cases appear only for users with consular.view_consularcase (the view-permission check
# below); the rows shown are logged as personal-data reads.
SEARCH_ORDER = ("partners", "agreements", "delegations", "events", "units", "plans", "consular-cases")
# Plan tasks, programmes and people's records (experts, like consular cases, only with the
# permission, and logged).
SEARCH_ORDER = (*SEARCH_ORDER, "plan-tasks", "programmes", "programme-items", "journalist-visits", "honours",
                "experts", "border-items", "border-events")


class HomeView(PermissionView):
    def get(self, request):
        today = timezone.localdate()
        user = request.user
        years = selectors.record_years(user=user, around=today.year)
        # Without a year asked for: this year once it has activity, else the latest that has.
        opening = opening_year(user, today=today)
        try:
            year = int(request.GET.get("year", opening))
        except ValueError:
            year = opening
        if year not in years:
            year = opening if opening in years else today.year
        until = today if year == today.year else None
        return render(
            request,
            "web/home.html",
            {
                "today": today,
                "years": years,
                "figures": selectors.year_figures(year=year, until=until, user=user),
                "figures_complete": until is None,
                "upcoming": selectors.upcoming(today=today, user=user),
                "changes": selectors.recent_changes(user=user),
            },
        )


class SearchView(PermissionView):
    """Every record type the user may view, searched with the folded ``search_text`` per word."""

    def get(self, request):
        query = request.GET.get("q", "").strip()
        words = fold(query).split()
        groups = []
        if words:
            for slug in SEARCH_ORDER:
                rt = registry.get(slug)
                if not request.user.has_perm(rt.perm("view")):
                    continue
                qs = rt.list_queryset(request.user)
                for word in words:
                    qs = qs.filter(search_text__contains=word)
                default = rt.default_sort[0]
                qs = qs.order_by(
                    *rt.column(default.lstrip("-")).orderings(get_language() or "vi", default.startswith("-"))
                )
                total = qs.count()
                rows = list(qs[:SEARCH_LIMIT]) if total else []
                if rt.personal_data and rows:
                    personal_data_access_log_many(actor=request.user, records=rows, channel=request.path)
                groups.append(
                    {
                        "rt": rt,
                        "rows": rows,
                        "total": total,
                        "columns": [rt.column(key) for key in rt.search_columns],
                        "see_all": f"{rt.list_url()}?{urlencode({'search': query})}",
                    }
                )
        return render(
            request,
            "web/search.html",
            {
                "query": query,
                "groups": groups,
                "total": sum(g["total"] for g in groups),
            },
        )


def _count(model, lookup: str):
    sub = (
        model.objects.filter(**{lookup: OuterRef("pk")})
        .order_by()
        .values(lookup)
        .annotate(n=Count("pk", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(sub, output_field=IntegerField()), 0)


class CountryListView(PermissionView):
    """Countries with Vietnam's framework with each and how many partners, delegations and
    events of the province concern them. Read-only: reference data."""

    SORTS = {
        "name": None,
        "framework": ("framework", "framework_since"),
        "partners": ("-n_partners",),
        "delegations": ("-n_delegations",),
        "events": ("-n_events",),
    }

    def required_perms(self):
        return ["core.view_country"]

    def get(self, request):
        lang = get_language() or "vi"
        qs = Country.objects.restrict(request.user, "view").annotate(
            n_partners=_count(Partner, "country"),
            n_delegations=_count(Delegation, "countries"),
            n_events=_count(Event, "country"),
        )
        framework = request.GET.get("framework", "")
        if framework == "any":
            qs = qs.exclude(framework="")
        elif framework in Framework.values:
            qs = qs.filter(framework=framework)
        active = request.GET.get("active") == "1"
        if active:
            qs = qs.filter(Q(n_partners__gt=0) | Q(n_delegations__gt=0) | Q(n_events__gt=0))
        sort = request.GET.get("sort", "name")
        if sort not in self.SORTS:
            sort = "name"
        qs = qs.order_by(*(self.SORTS[sort] or ()), localized("name", lang))
        search = request.GET.get("search", "").strip()
        if search:
            # 250 rows at most: fold in Python so "viet nam" finds "Việt Nam" on any database.
            needle = fold(search)
            qs = [c for c in qs if needle in fold(f"{c.code} {c.name_vi} {c.name_en}")]
        paginator = Paginator(qs, PAGE_SIZE * 2)
        page = paginator.get_page(request.GET.get("page"))
        params = request.GET.copy()
        params.pop("page", None)
        sort_params = params.copy()
        sort_params.pop("sort", None)
        return render(
            request,
            "web/country_list.html",
            {
                "page_obj": page,
                "rows": page.object_list,
                "search": search,
                "framework": framework,
                "frameworks": Framework.choices,
                "active": active,
                "sort": sort,
                "sort_options": [
                    ("name", _("Name")),
                    ("framework", _("Framework")),
                    ("partners", _("Partners")),
                    ("delegations", _("Delegations")),
                    ("events", _("Events")),
                ],
                "page_query": params.urlencode(),
            },
        )


COUNTRY_RELATED = (
    registry.RelatedList(_("Partners"), "partners", "country", ("name", "kind", "relationship"), "country", "code"),
    registry.RelatedList(
        _("Delegations"),
        "delegations",
        "countries",
        ("title", "direction", "start_on", "status"),
        "country",
        "code",
    ),
    registry.RelatedList(_("Events"), "events", "country", ("title", "kind", "start_on"), "country", "code"),
)


class CountryDetailView(PermissionView):
    def required_perms(self):
        return ["core.view_country"]

    def get(self, request, code):
        country = get_object_or_404(Country.objects.restrict(request.user, "view"), code=code.upper())
        return render(
            request,
            "web/country_detail.html",
            {
                "object": country,
                "related": related_sections(COUNTRY_RELATED, country, request.user),
            },
        )
