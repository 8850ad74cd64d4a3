"""Digests in this process: what a new version brings, grouped by monitor, sent once (mail.outbox)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from alerts import collect, digests
from alerts.models import Digest, SentItem
from letters.models import Section
from tests.alerts.helpers import NEW_SENTENCE, follow_topic, follower, import_seed

pytestmark = pytest.mark.django_db


def send_daily():
    collect.collect()
    return [digests.send_digest(user_id=user_id, frequency="daily") for user_id in digests.users_waiting("daily")]


def test_a_new_version_brings_only_its_changed_passage():
    import_seed(1)
    user = follower()
    monitor = follow_topic(user)
    import_seed(2)

    (digest,) = send_daily()

    (message,) = mail.outbox
    changed = Section.objects.get(version__number=2, heading="C2000")
    assert list(SentItem.objects.values_list("monitor", "key", "reason")) == [
        (monitor.pk, f"section:{changed.pk}", "gewijzigd in onderwerp C2000 en VMX (missiekritische communicatie)")
    ]
    assert (digest.item_count, message.to, message.subject) == (
        1,
        ["volger@example.nl"],
        "TK Dossiers: 1 nieuwe melding (dagelijks)",
    )
    assert "== onderwerp C2000 en VMX (missiekritische communicatie) ==" in message.body
    assert "gewijzigd in onderwerp C2000 en VMX (missiekritische communicatie): C2000 · " in message.body
    assert (
        f"http://127.0.0.1:8000/brieven/{changed.version.letter_id}/?sectie={changed.position}#sectie-" in message.body
    )
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    # the snippet shows the change, the topic's words and the words the change brought highlighted
    assert (
        "<mark>C2000</mark>, bijvoorbeeld door het bijplaatsen van <mark>zes</mark> <mark>extra</mark> masten" in html
    )
    assert "*C2000*, bijvoorbeeld door het bijplaatsen van *zes* *extra* masten" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://127.0.0.1:8000/meldingen/afmelden/")
    assert NEW_SENTENCE in changed.text


def test_a_second_run_sends_nothing():
    import_seed(1)
    follow_topic(follower())
    import_seed(2)
    send_daily()

    assert send_daily() == []
    assert digests.send_digest(user_id=1, frequency="daily") is None
    assert (len(mail.outbox), Digest.objects.count()) == (1, 1)


def test_a_whole_new_letter_is_new_in_the_topic():
    user = follower()
    follow_topic(user)
    import_seed(1)

    send_daily()

    reasons = set(SentItem.objects.values_list("reason", flat=True))
    assert reasons == {"nieuw in onderwerp C2000 en VMX (missiekritische communicatie)"}
    titles = sorted(title.split(" · ")[0] for title in SentItem.objects.values_list("title", flat=True))
    assert titles == [  # the passages the topic's rules tag in the seed; the opening has no heading
        "Beleidsreactie WODC evaluatie naar programma IVC",
        "Brief inspectie governance meldkamerdomein",
        "C2000",
        "Vernieuwing Missiekritische Communicatie (VMX)",
        "Verzamelbrief brandweer, crisisbeheersing en meldkamers",
    ]


def test_what_arrived_before_the_monitor_is_not_sent():
    import_seed(1)
    import_seed(2)
    follow_topic(follower())

    assert send_daily() == []


def test_a_failing_mail_keeps_the_items_waiting(settings):
    import_seed(1)
    user = follower()
    follow_topic(user)
    import_seed(2)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there

    collect.collect()
    with pytest.raises(OSError):
        digests.send_digest(user_id=user.pk, frequency="daily")

    assert (Digest.objects.count(), SentItem.objects.filter(digest__isnull=True).count()) == (0, 1)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert digests.send_digest(user_id=user.pk, frequency="daily").item_count == 1


def test_daily_items_wait_for_the_daily_digest_not_the_direct_one():
    import_seed(1)
    follow_topic(follower(), frequency="daily")
    import_seed(2)
    collect.collect()

    assert digests.users_waiting("direct") == []
    assert len(digests.users_waiting("daily")) == 1


def test_the_lookback_bounds_a_first_run():
    import_seed(1)
    follow_topic(follower())
    import_seed(2)
    later = timezone.now() + datetime.timedelta(days=30)

    assert collect.collect(now=later) == 0
