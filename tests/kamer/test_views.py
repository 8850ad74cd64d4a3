"""The sync page's button (kamer/views.sync_now): it queues the sync for the Celery worker,
and without a worker it says how to sync by hand instead of syncing inside the request."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from kamer.models import SyncState
from kamer.tasks import sync_feed

pytestmark = pytest.mark.django_db


def test_sync_now_with_a_broker_queues_the_sync_after_commit(
    client, admin_user, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # REDIS_URL set: a worker takes the task
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("sync_now"))

    assert response["Location"] == reverse("sync_state")
    assert callbacks == [sync_feed.delay]
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "De synchronisatie is gestart; ververs deze pagina over een ogenblik."
    ]


def test_sync_now_without_a_worker_explains_how_to_sync_by_hand(
    client, admin_user, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # no REDIS_URL: the demo
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("sync_now"), follow=True)

    assert response.redirect_chain == [(reverse("sync_state"), 302)]
    assert (callbacks, SyncState.objects.count()) == ([], 0)
    assert (
        "De synchronisatie is niet gestart: ze draait in de Celery-worker, en deze site heeft er geen "
        "(REDIS_URL is niet ingesteld). Synchroniseer met de hand: python manage.py sync_tk --once"
    ) in response.content.decode()
