"""Every page and API endpoint in the URL configuration, tried for every role and anonymously.

The URL list is generated from the URL resolver, so a new page or endpoint is tried
automatically; a URL whose name matches no rule below fails the suite until someone decides
who may open it. Invariants checked for each (URL, role):
- no response is a server error;
- anonymous users get nothing (a redirect to the login page, 401 or 403), except the public pages;
- a role without the view permission of the URL's model never gets 200;
- a role without the write permission never opens a write page (add, edit, delete, import,
  attachment or child forms);
- the foreign-affairs officer opens every list, detail and form of every record group.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ["admin", "officer", "unit_officer_a", "approver", "viewer"]
PUBLIC = {"login", "logout", "password_reset", "password_reset_done", "password_reset_confirm",
          "password_reset_complete", "set_language"}
# (name pattern, action the page needs on its model, whether it writes)
RULES = [
    (r"^web:home$|^web:search$|^web:country_list$|^web:country_detail$", None, False),
    (r"^web:attachment_download$", "view", False),
    (r"^web:delegation_action$", None, False),  # the services check the role (test_workflow)
    (r"^web:(?P<group>investment-leads)_convert$", "change", True),
    (r"^web:(?P<group>aid-items)_transition$", "change", True),
    (r"^web:(?P<group>[\w-]+)_(list|detail|export)$", "view", False),
    (r"^web:(?P<group>[\w-]+)_(add|import|import_template)$", "add", True),
    (r"^web:(?P<group>[\w-]+)_(edit|attachment_add|child_add|child_edit)$", "change", True),
    (r"^web:(?P<group>[\w-]+)_(delete|child_delete)$", "delete", True),
    (r"^api:(api-root|schema|docs|redoc)$", None, False),
    # Notifications and worklists: every signed-in role has its own (each sees only theirs, tested in
    # notifications/tests); the calendar feed answers only to a user's secret token (404 otherwise).
    (r"^notifications:(worklist|list|open|read|read_all|account|calendar_reset|calendar_disable|calendar_feed)$",
     None, False),
    (r"^api:(notification-(list|detail|read|read-all)|worklist)$", None, False),
    # Dashboards, effectiveness of trips, relationship health: reports.view_report and the unit scope
    # (reports/tests/test_dashboards.py opens them for every role).
    (r"^reports:(dashboard|dashboard_trends|dashboard_map|dashboard_calendar|effectiveness|effectiveness_trip"
     r"|relationships)$", None, False),
    (r"^api:(?P<basename>[\w-]+)-(list|detail|history)$", "view", False),
    # Workflow actions are POST only; the services check the role (tested in test_workflow).
    (r"^api:delegation-(submit|return|appraise|approve|reject|withdraw|cancel|complete|report|evaluate)$",
     None, False),
    # The agreement and event workflows and the delegation steps added later: POST only, the
    # services check the role (agreements/events/delegations tests, api/tests/test_workflows.py).
    (r"^api:(delegation|agreement|event)-(clear|consult|reply|pm_reply|approve|reject|sign|report_signing|copy_mofa"
     r"|take_effect|amend|extend|expire|terminate|submit|withdraw|cancel|hold|report)$", None, False),
    # The decision DOCX: the office and the leaders only, outgoing delegations only (tested in
    # web/tests/test_workflow_pages.py and api/tests/test_workflows.py).
    (r"^api:delegation-decision-document$|^web:delegation_decision_document$", None, False),
    (r"^web:(agreement|event)_action$", None, False),  # the services check the role (test_workflow_pages)
    (r"^api:reports?-[\w-]+$", None, False),
    # Report pages check reports.view_report and the unit scope themselves (reports/tests); finalise is POST only.
    (r"^reports:(preview|figure_records|download|finalise)$", None, False),
    # Steps are POST only; the services check the role (economy and aid tests).
    (r"^api:(investmentlead-convert|aiditem-transition)$", None, False),
    (r"^admin:", None, None),  # Django admin: staff only, checked by Django itself
    (r"^(password_change|password_change_done)$", None, False),
]


def _walk(resolver, prefix="", namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            yield from _walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern)


def all_urls():
    return sorted(set(_walk(get_resolver())))


def rule_for(name):
    for pattern, action, writes in RULES:
        match = re.match(pattern, name)
        if match:
            return match, action, writes
    return None


def test_every_url_has_a_rule():
    missing = [name for name, _route in all_urls() if name.split(":")[-1] not in PUBLIC and rule_for(name) is None]
    assert not missing, f"no permission rule for: {missing}"


def _model_for(match):
    from foreign_affairs.api.urls import router
    from foreign_affairs.web import registry

    if match is None:
        return None
    groups = match.groupdict()
    if groups.get("group") and groups["group"] in registry.REGISTRY:
        return registry.REGISTRY[groups["group"]].model
    if groups.get("basename"):
        for _prefix, viewset, basename in router.registry:
            if basename == groups["basename"]:
                return viewset.queryset.model
    return None


def _fill(route: str, model) -> str:
    """A concrete path for a route: pk of the first record of the model (or a missing one)."""
    path = route.lstrip("^").rstrip("$").replace("\\Z", "")
    obj = model._default_manager.order_by("pk").first() if model is not None else None
    key = "999999"
    if obj is not None:
        key = str(getattr(obj, "code", None) or obj.pk)
    values = {
        "pk": key,
        "code": key if model is not None and hasattr(model, "code") else "LA",
        "fmt": "csv",
        "group": "partners",
        "attachment_id": "999999",
        "row_id": "999999",
        "child": "members",
        "action": "approve",
        "uidb64": "x",
        "token": "x",
    }

    def replace(m):
        return values.get(m.group(2), "1")

    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values.get(m.group(1), "1"), path)
    path = re.sub(r"<(?:(\w+):)?(\w+)>", replace, path)
    return "/" + path.replace("^", "").replace("$", "")


@pytest.fixture
def demo(db):
    from foreign_affairs.core.bundle import import_bundle, load_bundle_file

    result = import_bundle(load_bundle_file(Path(__file__).resolve().parents[2] / "demo" / "nghe-an.yaml"))
    assert result.ok


@pytest.mark.django_db
def test_permission_matrix(demo, role_users, client):
    from rest_framework.authtoken.models import Token

    problems = []
    users = {name: role_users[name] for name in ROLES}
    for name, route in all_urls():
        short = name.split(":")[-1]
        found = rule_for(name)
        if short in PUBLIC or found is None or found[2] is None:
            continue
        match, action, writes = found
        model = _model_for(match)
        path = _fill(route, model)
        is_api = name.startswith("api:")

        client.logout()
        response = client.get(path)
        if response.status_code == 200 or response.status_code >= 500:
            problems.append(f"anonymous GET {path} ({name}): {response.status_code}")

        for role, user in users.items():
            if is_api:
                response = client.get(path, HTTP_AUTHORIZATION=f"Token {Token.objects.get(user=user).key}")
            else:
                client.force_login(user)
                response = client.get(path)
            status = response.status_code
            if status >= 500:
                problems.append(f"{role} GET {path} ({name}): {status}")
                continue
            if model is not None and action is not None:
                opts = model._meta
                allowed = user.has_perm(f"{opts.app_label}.{'view' if not writes else action}_{opts.model_name}")
                if writes and not user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"):
                    allowed = False
                if status == 200 and not allowed:
                    problems.append(f"{role} GET {path} ({name}): 200 without {action} permission")
                exists = model._default_manager.exists()
                if role == "officer" and allowed and exists and status != 200 and "child" not in name \
                        and "attachment" not in name and "template" not in short:
                    problems.append(f"officer GET {path} ({name}): {status}, expected 200")
            client.logout()
    assert not problems, "\n".join(problems)


def test_every_model_with_records_is_reachable():
    """Every app model that holds register records has a rule-covered API list."""
    from foreign_affairs.api.urls import router

    served = {viewset.queryset.model for _p, viewset, _b in router.registry}
    for model in apps.get_app_config("partners").get_models():
        if not model.__name__.startswith("Historical") and "Attachment" not in model.__name__:
            assert model in served, model
