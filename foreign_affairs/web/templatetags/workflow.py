from django import template
from django.utils import timezone

from foreign_affairs.delegations.selectors import delegation_is_overdue
from foreign_affairs.delegations.services import allowed_actions

register = template.Library()


@register.simple_tag(takes_context=True)
def delegation_workflow(context, delegation):
    """The allowed actions (with labels), the steps taken and the overdue flag of a delegation."""
    from foreign_affairs.web.views.workflow import ACTION_LABELS

    user = context["request"].user
    return {
        "actions": [(name, ACTION_LABELS[name]) for name in allowed_actions(delegation=delegation, actor=user)],
        "steps": list(delegation.transitions.select_related("actor")),
        "overdue": delegation_is_overdue(delegation, timezone.localdate()),
    }
