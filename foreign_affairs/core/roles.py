"""The five roles of the contract as real Django permissions.

Each role is a Group whose permissions are derived from the rules below; a user's group follows
their role (see services.user_set_role). Re-run on every migrate so new models get their rights.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

from .choices import Role

# Models of the shared registry and records, by app label.
RECORD_MODELS = {
    "core": ["unit", "country", "field"],
    "partners": ["partner", "contact", "interaction", "partnerattachment"],
    "agreements": ["agreement", "agreementattachment"],
    "delegations": ["delegation", "delegationmember", "delegationattachment"],
    "events": ["event", "eventattachment"],
    "economy": ["fdiproject", "capitaladjustment", "odaprogramme", "odadisbursement", "indicator", "statistic",
                "investmentlead", "leadcontact", "aftercarevisit", "aftercareissue"],
    "aid": ["foreignngo", "ngocertificate", "aiditem", "aiddisbursement"],
    "plans": ["directive", "plan", "taskgroup", "task", "taskprogress", "tasklink", "programme", "programmeitem"],
    "people": ["journalistvisit", "honouraward", "overseascommunityfigure", "borderitem", "borderevent",
               "borderfigure"],
    "reports": ["report", "reportfile"],
}
# Records that are personal data as a whole (citizen-protection cases): only these roles read
# them at all (officers also write them); every read is logged. Viewers and unit officers get
# no permission on them, so the lists and the API answer 403 and search leaves them out.
RESTRICTED_MODELS = {
    "consular": ["consularcase", "consularcaseaction"],
    # Reporters' names and the experts' network (names and contacts).
    "people": ["journalistreporter", "expert"],
}
RESTRICTED_READERS = (Role.OFFICER, Role.APPROVER)
# Reference lists everyone reads and only admins edit.
REFERENCE_MODELS = {("core", "country"), ("core", "field"), ("economy", "indicator")}
# Models a unit officer may propose and record for its own unit.
UNIT_RECORDED = {
    "partners": ["contact", "interaction", "partnerattachment"],
    "agreements": ["agreement", "agreementattachment"],
    "delegations": ["delegation", "delegationmember", "delegationattachment"],
    "events": ["event", "eventattachment"],
    # A unit writes its own reports (finalising is the office's).
    "reports": ["report"],
    # Agencies report their figures and the projects they license; they follow their own
    # investment leads and aftercare, and the aid they manage.
    "economy": ["fdiproject", "capitaladjustment", "statistic", "investmentlead", "leadcontact", "aftercarevisit",
                "aftercareissue"],
    "aid": ["aiditem", "aiddisbursement"],
    # Each unit proposes the programme items it will lead, and records the press visits it
    # accompanies, the honours it proposes and the border items and events of its communes.
    "plans": ["programmeitem"],
    "people": ["journalistvisit", "honouraward", "borderitem", "borderevent"],
}
# Personal data (passport numbers, dates of birth): only these roles read it, and reads are logged.
PERSONAL_DATA_PERMISSION = ("delegations", "view_personal_data")
# The delegation workflow (delegations/services.py): units propose and report, the office
# appraises and evaluates, leaders decide.
SUBMIT, APPRAISE, DECIDE, EVALUATE = (
    ("delegations", f"{verb}_delegation") for verb in ("submit", "appraise", "decide", "evaluate")
)
FINALISE_REPORT = ("reports", "finalise_report")
# The agreement and event workflows (agreements/services.py, events/services.py): units and the
# office record the steps of their own agreements and apply for their events' permits, the
# office consults the bodies concerned, leaders decide.
AGREEMENT_SUBMIT, AGREEMENT_CONSULT, AGREEMENT_DECIDE = (
    ("agreements", f"{verb}_agreement") for verb in ("submit", "consult", "decide")
)
EVENT_SUBMIT, EVENT_CONSULT, EVENT_DECIDE = (("events", f"{verb}_event") for verb in ("submit", "consult", "decide"))
EXTRA_PERMISSIONS = {
    Role.OFFICER: [PERSONAL_DATA_PERMISSION, ("core", "import_records"), SUBMIT, APPRAISE, EVALUATE,
                   AGREEMENT_SUBMIT, AGREEMENT_CONSULT, EVENT_SUBMIT, EVENT_CONSULT, FINALISE_REPORT],
    Role.APPROVER: [PERSONAL_DATA_PERMISSION, DECIDE, EVALUATE, AGREEMENT_DECIDE, EVENT_DECIDE],
    Role.UNIT_OFFICER: [("core", "import_records"), SUBMIT, AGREEMENT_SUBMIT, EVENT_SUBMIT],
}


def _codenames_for(role: str) -> set[tuple[str, str]]:
    wanted: set[tuple[str, str]] = set()
    for app, models in RECORD_MODELS.items():
        for model in models:
            wanted.add((app, f"view_{model}"))
            if role == Role.OFFICER and (app, model) not in REFERENCE_MODELS:
                wanted |= {(app, f"{verb}_{model}") for verb in ("add", "change", "delete")}
    if role == Role.UNIT_OFFICER:
        for app, models in UNIT_RECORDED.items():
            for model in models:
                wanted |= {(app, f"add_{model}"), (app, f"change_{model}")}
    if role in RESTRICTED_READERS:
        for app, models in RESTRICTED_MODELS.items():
            for model in models:
                wanted.add((app, f"view_{model}"))
                if role == Role.OFFICER:
                    wanted |= {(app, f"{verb}_{model}") for verb in ("add", "change", "delete")}
    wanted |= set(EXTRA_PERMISSIONS.get(role, []))
    return wanted


def group_name(role: str) -> str:
    return f"role:{role}"


def sync_role_groups() -> None:
    """Create or update one Group per role with exactly the permissions the rules give it."""
    for role in Role.values:
        group, _ = Group.objects.get_or_create(name=group_name(role))
        if role == Role.ADMIN:
            # Admins are superusers; the group only marks them.
            group.permissions.clear()
            continue
        wanted = _codenames_for(role)
        perms = [
            p for p in Permission.objects.select_related("content_type")
            if (p.content_type.app_label, p.codename) in wanted
        ]
        group.permissions.set(perms)


def reference_data_after_migrate(sender, **kwargs) -> None:
    # Also after a test flush, which empties the tables but re-sends post_migrate.
    if sender.label != "core":
        return
    from .deadlines import default_rules_load
    from .routing import default_routing_load
    from .services import reference_data_load

    reference_data_load()
    default_rules_load()
    default_routing_load()


def sync_after_all_migrations(sender, **kwargs) -> None:
    # Permissions of later apps exist only once their own post_migrate has run, and
    # post_migrate is sent only for apps with models: sync after each of the record apps.
    if sender.label in RECORD_MODELS or sender.label in RESTRICTED_MODELS:
        sync_role_groups()
