"""The monitors page (what is followed, and step one of following something new), step two (the
kind's form), following from a Volgen button, what was sent, the signed unsubscribe link, and the
secret addresses of the calendar and of each monitor's feed, shown once when made.

Reading is for every logged-in user; following, changing and unfollowing, and making a secret
address, each ask their permission (alerts.migrations.0004_monitor_roles hands them to the roles),
as following a topic does (letters.add_topicfollow)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from alerts import services
from alerts.forms import FrequencyForm, KindForm, MonitorForm
from alerts.mail import read_unsubscribe_token
from alerts.models import Digest, FeedToken, Monitor, SentItem

SENT_PAGE_SIZE = 20


def _monitor_list(request, kind_form, status=200):
    monitors = list(Monitor.objects.filter(user=request.user).with_targets())
    for monitor in monitors:
        monitor.frequency_form = FrequencyForm(initial={"frequency": monitor.frequency}, prefix=f"m{monitor.pk}")
    context = {
        "monitors": monitors,
        "kind_form": kind_form,
        "calendar": FeedToken.objects.filter(user=request.user).first(),
    }
    return render(request, "alerts/monitor_list.html", context, status=status)


@login_required
def monitor_list(request):
    return _monitor_list(request, KindForm(user=request.user))


def _monitor_form(request, form, status=200):
    """Step two; a kind the user cannot follow goes back to step one, saying so beside the choice."""
    if form.kind is None:
        kind = request.POST.get("kind") if request.method == "POST" else request.GET.get("soort")
        return _monitor_list(request, KindForm({"soort": kind}, user=request.user), status=400)
    label = Monitor.Kind(form.kind).label
    return render(request, "alerts/monitor_form.html", {"form": form, "kind_label": label}, status=status)


@login_required
@permission_required("alerts.add_monitor", raise_exception=True)
@require_http_methods(["GET", "POST"])
def monitor_create(request):
    """GET ?soort=<kind>: the form of that kind. POST: follow (from that form or a Volgen button)."""
    if request.method == "GET":
        return _monitor_form(request, MonitorForm(user=request.user, kind=request.GET.get("soort")))
    form = MonitorForm(request.POST, user=request.user, kind=request.POST.get("kind"))
    back = _next(request)
    if not form.is_valid():
        if back:
            messages.error(
                request, "Volgen is niet gelukt: " + " ".join(e for errs in form.errors.values() for e in errs)
            )
            return redirect(back)
        return _monitor_form(request, form, status=400)
    monitor, created = services.follow(
        user=request.user,
        kind=form.cleaned_data["kind"],
        frequency=form.cleaned_data["frequency"],
        **form.cleaned_data["target"],
    )
    how = monitor.get_frequency_display()
    messages.success(request, f"U volgt nu {monitor.label} ({how})." if created else f"{monitor.label}: nu {how}.")
    return redirect(back or monitor.get_absolute_url())


def _next(request) -> str:
    back = request.POST.get("next", "")
    return back if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()) else ""


@login_required
@permission_required("alerts.change_monitor", raise_exception=True)
@require_POST
def monitor_update(request, pk):
    monitor = get_object_or_404(Monitor.objects.with_targets(), pk=pk, user=request.user)
    form = FrequencyForm(request.POST, prefix=f"m{monitor.pk}")
    if form.is_valid():
        services.set_frequency(monitor=monitor, frequency=form.cleaned_data["frequency"])
        messages.success(request, f"{monitor.label}: nu {monitor.get_frequency_display()}.")
    else:
        messages.error(request, "Kies direct, dagelijks of wekelijks.")
    return redirect(monitor.get_absolute_url())


@login_required
@permission_required("alerts.delete_monitor", raise_exception=True)
@require_POST
def monitor_delete(request, pk):
    monitor = get_object_or_404(Monitor.objects.with_targets(), pk=pk, user=request.user)
    label = monitor.label
    services.unfollow(monitor=monitor)
    messages.success(request, f"U volgt {label} niet meer.")
    return redirect("monitor_list")


@login_required
def sent_list(request):
    items = SentItem.objects.select_related(
        "monitor",
        "monitor__topic",
        "monitor__dossier",
        "monitor__team",
        "monitor__motion__kamerstuk__dossier",
        "monitor__toezegging",
    )
    digests = Digest.objects.filter(user=request.user).prefetch_related(
        Prefetch("items", queryset=items.order_by("monitor_id", "-happened_at", "id"))
    )
    page = Paginator(digests, SENT_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "alerts/sent_list.html", {"page": page})


def unsubscribe(request, token):
    """The link in a mail: a page with one button (a GET changes nothing: mail scanners open links)."""
    signed = read_unsubscribe_token(token)
    monitor = signed and Monitor.objects.with_targets().filter(pk=signed["monitor"], user_id=signed["user"]).first()
    if request.method == "POST" and monitor:
        label = monitor.label
        services.unfollow(monitor=monitor)
        return render(request, "alerts/unsubscribe.html", {"done": label})
    return render(
        request,
        "alerts/unsubscribe.html",
        {"monitor": monitor, "invalid": signed is None},
        status=200 if monitor or signed else 400,
    )


def _new_address(request, *, address: str, what: str, replaced: bool):
    """The one time a secret address is shown: only its token's hash is kept (alerts.feed_tokens)."""
    context = {"address": request.build_absolute_uri(address), "what": what, "replaced": replaced}
    response = render(request, "alerts/new_address.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@permission_required("alerts.change_feedtoken", raise_exception=True)
@require_POST
def calendar_renew(request):
    replaced = FeedToken.objects.filter(user=request.user).exists()
    token = services.renew_feed_token(user=request.user)
    address = reverse("personal_calendar", args=[token])
    return _new_address(request, address=address, what="uw agenda met termijnen", replaced=replaced)


@login_required
@permission_required("alerts.change_monitor", raise_exception=True)
@require_POST
def monitor_feed_renew(request, pk):
    monitor = get_object_or_404(Monitor.objects.with_targets(), pk=pk, user=request.user)
    replaced = monitor.feed_token_hash is not None
    token = services.renew_monitor_feed_token(monitor=monitor)
    address = reverse("monitor_feed", args=[token])
    return _new_address(request, address=address, what=f"de Atom-feed van {monitor.label}", replaced=replaced)
