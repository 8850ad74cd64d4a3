"""{% load alerts %}: the Volgen buttons other pages show, the menu link, and highlighted snippets.

{% follow_button "topic" topic %}      a topic, dossier, motion or toezegging (register)
{% follow_search_button %}             the filtered list this page shows, with its Atom feed
{% alerts_nav_link %}                  "Meldingen" in the menu
"""

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from alerts.models import LIST_PATHS, Monitor
from alerts.services import target_of
from letters.web import textmatch
from letters.web.listing import PAGE_PARAM

register = template.Library()
Kind = Monitor.Kind


# The form field (alerts.forms.MonitorForm) that names a thing of each kind, and its value.
TARGET_FIELDS = {
    Kind.TOPIC: ("topic", lambda topic: topic.slug),
    Kind.DOSSIER: ("dossier", lambda dossier: dossier.key),
    Kind.MOTION: ("motion", lambda motion: str(motion.pk)),
    Kind.TOEZEGGING: ("toezegging", lambda toezegging: toezegging.number or toezegging.guid),
    Kind.MINISTERIE: ("ministerie", lambda name: name),  # {% follow_button "ministerie" toezegging.ministerie %}
}


def _followed(user, key: str):
    if not user.is_authenticated:
        return None
    return Monitor.objects.filter(user=user, target=key).first()


@register.inclusion_tag("alerts/includes/follow_button.html", takes_context=True)
def follow_button(context, kind: str, thing):
    request = context["request"]
    field, value_of = TARGET_FIELDS[kind]
    return {
        "request": request,
        "can_follow": request.user.has_perm("alerts.add_monitor"),
        "csrf_token": context.get("csrf_token"),
        "kind": kind,
        "field": field,
        "value": value_of(thing),
        "monitor": _followed(request.user, target_of(kind=kind, **{kind: thing})),
    }


@register.inclusion_tag("alerts/includes/follow_search_button.html", takes_context=True)
def follow_search_button(context):
    request = context["request"]
    name = next((name for name, path in LIST_PATHS.items() if request.path == f"/{path}/"), None)
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    encoded = query.urlencode()
    return {
        "request": request,
        "can_follow": request.user.has_perm("alerts.add_monitor"),
        "csrf_token": context.get("csrf_token"),
        "name": name,
        "search": request.path + (f"?{encoded}" if encoded else ""),
        "atom": reverse(f"{name}_atom") + (f"?{encoded}" if encoded else "") if name else "",
    }


@register.inclusion_tag("alerts/includes/nav_link.html", takes_context=True)
def alerts_nav_link(context):
    return {"user": context["request"].user}


@register.filter
def highlight(snippet: str) -> str:
    """A snippet with its matched words (between textmatch's markers) in <mark>; the rest escaped."""
    text = escape(snippet or "")
    return mark_safe(text.replace(textmatch.START, "<mark>").replace(textmatch.STOP, "</mark>"))  # noqa: S308


@register.filter
def plain_highlight(snippet: str) -> str:
    """The same for the plain-text mail: matched words between asterisks."""
    return (snippet or "").replace(textmatch.START, "*").replace(textmatch.STOP, "*")
