"""The mails: a digest grouped by monitor, and the griffie's deadline reminders; text and HTML, in Dutch."""

from itertools import groupby

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

UNSUBSCRIBE_SALT = "alerts.unsubscribe"


def absolute(path: str) -> str:
    return f"{settings.ALERTS_SITE_URL}{path}"


def unsubscribe_token(monitor) -> str:
    """A signed link that stops one monitor, without logging in; bound to its owner too."""
    # No expiry, on purpose. An unsubscribe link has to keep working in a mail of months ago (RFC
    # 8058's one-click unsubscribe asks as much of List-Unsubscribe addresses), and what it can do
    # is harmless: stop this one monitor of this one user, after a button on the page (a GET, as
    # mail scanners send, changes nothing). It reads no data and cannot be pointed at another
    # monitor (the signature covers the ids; a monitor's id is never used again, so a link of a
    # monitor that was stopped and followed anew says "already unsubscribed"). Making it expire
    # would only turn an old mail's link into an error page; rotating SECRET_KEY still ends them all.
    return signing.dumps({"monitor": monitor.pk, "user": monitor.user_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def count_text(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def digest_message(*, user, items, frequency_label: str) -> EmailMultiAlternatives:
    """items: SentItems with their monitor, in monitor order."""
    groups = [
        {
            "monitor": monitor,
            "items": list(group),
            "unsubscribe": absolute(reverse("unsubscribe", args=[unsubscribe_token(monitor)])),
        }
        for monitor, group in groupby(items, key=lambda item: item.monitor)
    ]
    subject = f"TK Dossiers: {count_text(len(items), 'nieuwe melding', 'nieuwe meldingen')} ({frequency_label})"
    context = {
        "user": user,
        "groups": groups,
        "subject": subject,
        "site": settings.ALERTS_SITE_URL,
        "settings_url": absolute(reverse("monitor_list")),
    }
    headers = {"List-Unsubscribe": f"<{groups[0]['unsubscribe'] if len(groups) == 1 else context['settings_url']}>"}
    return _message(user, subject, "alerts/email/digest", context, headers)


def reminder_message(*, user, reminders) -> EmailMultiAlternatives:
    subject = f"TK Dossiers: {count_text(len(reminders), 'termijn', 'termijnen')} verstreken zonder nakoming"
    context = {"user": user, "reminders": reminders, "subject": subject, "site": settings.ALERTS_SITE_URL}
    return _message(user, subject, "alerts/email/reminder", context, {})


def _message(user, subject, template, context, headers) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers=headers,
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message
