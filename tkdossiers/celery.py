"""The Celery app; tasks live in each app's tasks.py and are found automatically."""

import os

from celery import Celery
from celery.signals import task_postrun, task_prerun
from django.db import close_old_connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")

app = Celery("tkdossiers")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
@task_postrun.connect
def keep_usable_connections(sender=None, **kwargs) -> None:
    """Around every task in a worker, what Django does around every request: close a database
    connection that is broken or older than CONN_MAX_AGE, keep the others.

    Celery's Django fixup (5.6 and later) closes every connection around every task unless
    CELERY_DB_REUSE_MAX is set (it is, in settings). A connection per task cost every letter
    fetched a connect in the worker and a new PostgreSQL backend with cold caches: 4.3 ms of CPU
    (2.3 in the worker, 2.0 in PostgreSQL; bench/fetch_cpu.py), a tenth of the whole fetch.
    """
    if not getattr(sender.request, "is_eager", False):  # an eager task runs inside its caller's transaction
        close_old_connections()
