"""Atom feeds (django.contrib.syndication) of a topic, a dossier, any filtered list, and every monitor.

Each feed is readable where its page is (letters.web.access.reader_required); a monitor's feed
by its owner, logged in or at the feed's secret address. Letter text is escaped: Atom readers show a summary as HTML.
"""

from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from alerts.feed_tokens import hash_of
from alerts.models import LIST_PATHS, Monitor
from commitments.register.rows import toezegging_url
from kamer.models import Toezegging
from letters.models import Reference, Section, Topic
from letters.web.dossier_views import dossier_from_key
from letters.web.exports import invalid_filter
from letters.web.listing import listing
from letters.web.topic_views import passages_of

FEED_SIZE = 50


class AtomFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item):
        if isinstance(item, Section):
            letter = item.version.letter
            return f"{item.heading} · {letter.title}" if item.heading else letter.title
        if isinstance(item, Toezegging):
            return f"{item.number}: {item.text[:120]}"
        return str(getattr(item, "title", None) or item)

    def item_description(self, item):
        return escape(getattr(item, "text", "") or "")

    def item_link(self, item):
        if isinstance(item, Section):
            return item.version.passage_url(item)
        if isinstance(item, Reference):  # a citation: the passage that makes it, else its letter
            return item.version.passage_url(item.section) if item.section_id else item.version.letter.get_absolute_url()
        if isinstance(item, Toezegging):  # the register's entry (the kamer app knows no pages)
            return toezegging_url(item)
        return item.get_absolute_url()

    def item_pubdate(self, item):
        if isinstance(item, Section | Reference):
            return item.version.imported_at
        if isinstance(item, Toezegging):
            return item.created_on or item.updated_at
        return getattr(item, "created_at", None)

    def item_guid(self, item):
        return f"{item._meta.label_lower}:{item.pk}"

    item_guid_is_permalink = False


def sections(queryset):
    return queryset.order_by("-version__imported_at", "position")[:FEED_SIZE]


class TopicFeed(AtomFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic):
        return f"TK Dossiers · onderwerp {topic.name}"

    def link(self, topic):
        return topic.get_absolute_url()

    def items(self, topic):
        return sections(passages_of(topic))


def dossier_passages(dossier):
    cites = Reference.objects.filter(kamerstuk__dossier=dossier, section=OuterRef("pk"))
    return Section.objects.current().filter(Exists(cites) | Q(version__letter__dossier=dossier))


class DossierFeed(AtomFeed):
    def get_object(self, request, key):
        return dossier_from_key(key)

    def title(self, dossier):
        return f"TK Dossiers · dossier {dossier.display}"

    def link(self, dossier):
        return dossier.get_absolute_url()

    def items(self, dossier):
        return sections(dossier_passages(dossier))


def list_items(name: str, filters: QueryDict, request):
    """The first FEED_SIZE rows of a filtered list, newest first; None when a filter is invalid."""
    definition = listing(name)
    list_filter = definition.filterset(filters, queryset=definition.queryset(), request=request)
    if not list_filter.is_valid():
        return None, list_filter.errors
    rows = list_filter.qs
    newest = {
        "section": ("-version__imported_at", "position"),
        "reference": ("-version__imported_at", "position"),
        "letter": ("-updated_at", "-pk"),
        "toezegging": ("-created_on", "number"),  # as the register's page
    }.get(name, ("-created_at", "-pk"))
    return rows.order_by(*newest)[:FEED_SIZE], None


class ListFeed(AtomFeed):
    """/passages/atom/?q=C2000: the list as its page filters it."""

    def __call__(self, request, *args, name, **kwargs):
        definition = listing(name)
        list_filter = definition.filterset(request.GET, queryset=definition.queryset().none(), request=request)
        if not list_filter.is_valid():
            return invalid_filter(list_filter.errors)
        return super().__call__(request, *args, name=name, **kwargs)

    def get_object(self, request, name):
        found, _ = list_items(name, request.GET, request)
        return {"name": name, "query": request.GET.urlencode(), "found": found}

    def title(self, obj):
        query = f" ({obj['query']})" if obj["query"] else ""
        return f"TK Dossiers · {LIST_PATHS[obj['name']]}{query}"

    def link(self, obj):
        return f"/{LIST_PATHS[obj['name']]}/" + (f"?{obj['query']}" if obj["query"] else "")

    def items(self, obj):
        return obj["found"]


class MonitorFeed(AtomFeed):
    """A monitor's feed: the live list of what it follows (topic, dossier, saved search), or what
    was found for it (a motion's votes, a toezegging, deadlines). /meldingen/<pk>/atom/ for its
    owner's session; /meldingen/feed/<token>/ for a feed reader, which has no login: the secret
    address is the key to this one monitor, found by the token's hash (alerts.feed_tokens)."""

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"  # a personal feed: no proxy keeps it
        return response

    def get_object(self, request, pk=None, token=None):
        monitors = Monitor.objects.with_targets()
        if token is not None:
            found = monitors.filter(feed_token_hash=hash_of(token), user__is_active=True).first()
            if found is None:
                raise Http404("Onbekend feed-adres")
            return found
        if not request.user.is_authenticated:
            raise Http404("Log in om uw meldingen te lezen")
        return get_object_or_404(monitors, pk=pk, user=request.user)

    def title(self, monitor):
        return f"TK Dossiers · {monitor.label}"

    def link(self, monitor):
        return monitor.get_absolute_url()

    def items(self, monitor):
        if monitor.kind == Monitor.Kind.TOPIC:
            return sections(passages_of(monitor.topic))
        if monitor.kind == Monitor.Kind.DOSSIER:
            return sections(dossier_passages(monitor.dossier))
        if monitor.kind == Monitor.Kind.SEARCH:
            found, _ = list_items(monitor.listing, QueryDict(monitor.query), None)
            return found if found is not None else []
        return monitor.items.order_by("-happened_at", "-id")[:FEED_SIZE]

    def item_link(self, item):
        return item.url if hasattr(item, "reason") else super().item_link(item)

    def item_title(self, item):
        return f"{item.reason}: {item.title}" if hasattr(item, "reason") else super().item_title(item)

    def item_description(self, item):
        if hasattr(item, "reason"):
            return escape(item.snippet.replace("\x01", "").replace("\x02", ""))
        return super().item_description(item)

    def item_pubdate(self, item):
        return item.happened_at if hasattr(item, "reason") else super().item_pubdate(item)
