"""An eager task (the demo, the tests) runs inside its caller's transaction: the worker's
connection handling around tasks (tkdossiers.celery) must leave that transaction alone."""

import pytest
from django.db import connection, transaction

from letters.importing.tasks import expire_stopped_uploads
from letters.models import WatchedDossier

pytestmark = pytest.mark.django_db


def test_an_eager_task_keeps_its_callers_transaction_open():
    with transaction.atomic():
        WatchedDossier.objects.create(number="29517")

        assert expire_stopped_uploads.delay().get() == 0

        assert connection.in_atomic_block
        assert list(WatchedDossier.objects.values_list("number", flat=True)) == ["29517"]
