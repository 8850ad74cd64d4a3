"""The sync page (kamer/views.sync_state): each category's state and what is stored of it; its button
(sync_now) queues the sync for the Celery worker, and without a worker it says how to sync by hand."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from kamer.models import Fractie, SyncState, Zaak
from kamer.tasks import sync_feed
from kamer.tk import fields as tk_fields

pytestmark = pytest.mark.django_db
QUERIES_OF_THE_SYNC_PAGE = 14  # session, user, permissions, states, changes waiting, counts, documents, letters


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


def text_of(response) -> str:
    """The text of the page's main part."""
    html = response.content.decode()
    html = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def table_of(response, table_id: str) -> str:
    html = response.content.decode()
    start = html.index(f'id="{table_id}"')
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[start : html.index("</table>", start)])).strip()


def mirror_zaken(n: int, deleted: int = 0) -> None:
    for index in range(n):
        Zaak.objects.create(guid=f"zaak-{index}", number=f"2024Z1000{index}", deleted=index < deleted)


def test_sync_page_counts_what_is_stored_of_every_category(clerk_client, settings):
    settings.TK_SYNC_CATEGORIES = [c for c in tk_fields.CATEGORIES if c not in ("Persoon", "Fractie")]
    mirror_zaken(3, deleted=1)
    Fractie.objects.create(guid="fractie-cda", afkorting="CDA")

    table = table_of(clerk_client.get(reverse("sync_state")), "categorieen")

    assert table == (
        'id="categorieen"> Categorie Gevolgd Vastgelegd Waarvan verwijderd '
        "Kamerstukdossier ja 0 0 Document ja 0 0 DocumentVersie ja 0 0 Zaak ja 3 1 ZaakActor ja 0 0 "
        "Besluit ja 0 0 Stemming ja 0 0 Agendapunt ja 0 0 Activiteit ja 0 0 Toezegging ja 0 0 "
        "Persoon nee 0 0 Fractie nee 1 0"
    )


def test_sync_page_needs_a_login_and_the_right_to_read_the_mirror(client, django_user_model):
    assert client.get(reverse("sync_state"))["Location"].startswith(reverse("login"))
    client.force_login(django_user_model.objects.create_user("buiten", password="x"))

    assert client.get(reverse("sync_state")).status_code == 403


@pytest.mark.parametrize("categories", [1, 3])
def test_sync_page_queries_do_not_grow_with_categories_or_rows(clerk_client, django_assert_num_queries, categories):
    for category in tk_fields.CATEGORIES[:categories]:
        SyncState.objects.create(category=category, skiptoken=7, entries_seen=categories)
    mirror_zaken(categories)
    clerk_client.get(reverse("sync_state"))  # the session and permissions are cached from here on

    with django_assert_num_queries(QUERIES_OF_THE_SYNC_PAGE):
        response = clerk_client.get(reverse("sync_state"))

    assert f"Zaak ja {categories} 0" in text_of(response).split("Vastgelegd per categorie")[1]
