from django import template
from django.utils import timezone

register = template.Library()


@register.simple_tag(takes_context=True)
def record_workflow(context, record):
    """The Workflow box of a record with a workflow (delegation, agreement, event): the steps the
    user may take now with their labels and URLs, badges, recorded documents and the steps taken."""
    from foreign_affairs.web.registry import for_model
    from foreign_affairs.web.workflow_panels import workflow_panel

    return workflow_panel(record, context["request"].user, for_model(record), timezone.localdate())


@register.simple_tag(takes_context=True)
def delegation_workflow(context, delegation):
    """The Workflow box of a delegation (the first name of ``record_workflow``)."""
    return record_workflow(context, delegation)
