"""The monitors page (set and edit on one page), following from a Volgen button, what was sent,
the signed unsubscribe link, and the calendar's secret address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from alerts import services
from alerts.forms import FrequencyForm, MonitorForm
from alerts.mail import read_unsubscribe_token
from alerts.models import Digest, Monitor, SentItem

SENT_PAGE_SIZE = 20


def _monitors_context(request, form):
    monitors = list(Monitor.objects.filter(user=request.user).with_targets())
    for monitor in monitors:
        monitor.frequency_form = FrequencyForm(initial={"frequency": monitor.frequency}, prefix=f"m{monitor.pk}")
    token = services.feed_token(user=request.user)
    return {
        "monitors": monitors,
        "form": form,
        "calendar_url": request.build_absolute_uri(reverse("personal_calendar", args=[token.token])),
    }


@login_required
def monitor_list(request):
    return render(request, "alerts/monitor_list.html", _monitors_context(request, MonitorForm(user=request.user)))


@login_required
@require_POST
def monitor_create(request):
    form = MonitorForm(request.POST, user=request.user)
    back = _next(request)
    if not form.is_valid():
        if back:
            messages.error(
                request, "Volgen is niet gelukt: " + " ".join(e for errs in form.errors.values() for e in errs)
            )
            return redirect(back)
        return render(request, "alerts/monitor_list.html", _monitors_context(request, form), status=400)
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


@login_required
@require_POST
def calendar_renew(request):
    services.renew_feed_token(user=request.user)
    messages.success(request, "Uw agenda heeft een nieuw adres; het oude werkt niet meer.")
    return redirect(f"{reverse('monitor_list')}#agenda")
