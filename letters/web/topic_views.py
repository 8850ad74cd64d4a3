"""Topics across letters: the index, a topic's timeline, following, hand corrections, rules."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.forms import inlineformset_factory
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from letters.apps import analyser_hooks
from letters.models import (
    SHOWN_SOURCES,
    LetterVersion,
    Reference,
    RetagJob,
    Section,
    Topic,
    TopicFollow,
    TopicRule,
    TopicTag,
)
from letters.topics.tagging import set_section_topics, start_retag
from letters.web.access import reader_required
from letters.web.filters import SectionFilter
from letters.web.forms import SectionTopicsForm
from letters.web.fragments import fragment
from letters.web.listing import page_context

PAGE_SIZE = 20


@reader_required
def topic_index(request):
    return render(request, "letters/topic_index.html", {"topics": Topic.objects.order_by("name")})


def passages_of(topic):
    """Current sections tagged with the topic, newest letters first, with what they cite."""
    tagged = TopicTag.objects.filter(section=OuterRef("pk"), topic=topic, source__in=SHOWN_SOURCES)
    related = [
        Prefetch(
            "references",
            queryset=Reference.objects.filter(kamerstuk__isnull=False).select_related("kamerstuk__dossier"),
            to_attr="kamerstuk_references",
        )
    ]
    for prefetches in analyser_hooks("passage_prefetches"):
        related += prefetches()
    return Section.objects.current().filter(Exists(tagged)).prefetch_related(*related)


@reader_required
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    list_filter = SectionFilter(request.GET, queryset=passages_of(topic))

    def timeline():
        context = page_context(request, list_filter, page_size=PAGE_SIZE) | {"topic": topic}
        return render_to_string("letters/includes/topic_timeline.html", context, request)

    context = {
        "topic": topic,
        "follow": _seen(request.user, topic),
        "filter": list_filter,
        "timeline": fragment(request, "topic", (topic.pk, request.GET.urlencode()), timeline),
    }
    return render(request, "letters/topic_detail.html", context)


def _seen(user, topic):
    """The user's follow of this topic, marked as seen now (the start page counts what is newer).

    Only when a letter was imported since the last visit: otherwise the start page's count is the
    same either way, and a page view that writes nothing leaves every cached page valid (the
    fragments are keyed on the database's snapshot, which any write changes)."""
    if not user.is_authenticated:
        return None
    follow = TopicFollow.objects.filter(user=user, topic=topic).first()
    if follow:
        imported_since = LetterVersion.objects.filter(imported_at__gt=OuterRef("last_seen_at"))
        TopicFollow.objects.filter(Exists(imported_since), pk=follow.pk).update(last_seen_at=timezone.now())
    return follow


def followed_topics(user):
    """The user's followed topics with the number of passages imported since the last visit."""
    if not user.is_authenticated:
        return []
    new = Section.objects.filter(
        version__is_current=True,
        version__imported_at__gt=OuterRef("last_seen_at"),
        topic_tags__topic=OuterRef("topic"),
        topic_tags__source__in=SHOWN_SOURCES,
    )
    return (
        TopicFollow.objects.filter(user=user)
        .select_related("topic")
        .annotate(
            new_passages=Coalesce(
                Subquery(
                    new.order_by().values("topic_tags__topic").annotate(n=Count("pk")).values("n")[:1],
                    output_field=IntegerField(),
                ),
                0,
            )
        )
        .order_by("topic__name")
    )


@login_required
@permission_required("letters.add_topicfollow", raise_exception=True)
@require_POST
def topic_follow(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    if toggle_follow(user=request.user, topic=topic):
        messages.success(request, f"U volgt nu “{topic.name}”; nieuwe passages ziet u op de startpagina.")
    else:
        messages.success(request, f"U volgt “{topic.name}” niet meer.")
    return redirect(topic.get_absolute_url())


@transaction.atomic
def toggle_follow(*, user, topic) -> bool:
    """Follow the topic, or stop following it; True when the user follows it now.

    A double click sends two toggles at once: the user's row is locked first, so they run one
    after the other (followed, then not) instead of both inserting into the unique (user, topic).
    """
    get_user_model().objects.select_for_update(no_key=True).get(pk=user.pk)
    deleted, _ = TopicFollow.objects.filter(user=user, topic=topic).delete()
    if deleted:
        return False
    TopicFollow.objects.create(user=user, topic=topic, last_seen_at=timezone.now())
    return True


@login_required
@permission_required("letters.tag_section", raise_exception=True)
@require_POST
def section_topics(request, pk):
    section = get_object_or_404(Section.objects.select_related("version__letter"), pk=pk)
    form = SectionTopicsForm(request.POST)
    if form.is_valid():
        set_section_topics(section=section, topics=list(form.cleaned_data["topics"]), user=request.user)
    if request.headers.get("HX-Request"):
        # htmx swaps only a 2xx answer: a refused choice comes back as the form with its error.
        return render(request, "letters/includes/section_topics.html", _topic_form_context(section, form))
    if form.is_valid():
        messages.success(request, "De onderwerpen van de passage zijn aangepast.")
    else:
        messages.error(request, f"De onderwerpen zijn niet aangepast. {' '.join(form.errors['topics'])}")
    return redirect(f"{section.version.get_absolute_url()}#{section.anchor}")


def _topic_form_context(section, form):
    shown = set(section.topic_tags.filter(source__in=SHOWN_SOURCES).values_list("topic_id", flat=True))
    return {
        "section": section,
        "all_topics": Topic.objects.all(),
        "shown_topic_ids": shown,
        "saved": form.is_valid(),
        "errors": form.errors.get("topics", []),
    }


RuleFormSet = inlineformset_factory(
    Topic, TopicRule, fields=["term", "weight", "names_topic"], extra=3, can_delete=True
)


@login_required
@permission_required("letters.change_topic", raise_exception=True)
def topic_rules(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    formset = RuleFormSet(request.POST or None, instance=topic)
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():  # new rules and the job that applies them, or neither
            formset.save()
            job = start_retag(user=request.user)
        messages.success(request, "De regels zijn opgeslagen; alle passages worden opnieuw getagd.")
        return redirect(job.get_absolute_url())
    return render(request, "letters/topic_rules.html", {"topic": topic, "formset": formset})


@login_required
@permission_required("letters.view_retagjob", raise_exception=True)
def retag_job(request, pk):
    job = get_object_or_404(RetagJob, pk=pk)
    template = "letters/includes/retag_progress.html" if request.headers.get("HX-Request") else "letters/retag_job.html"
    return render(request, template, {"job": job})
