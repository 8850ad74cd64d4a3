"""gunicorn's settings for the image and docker-compose: `gunicorn -c gunicorn.conf.py tkdossiers.wsgi`.

Each knob is an environment variable with a default for a small server; a bad value stops
gunicorn with a message saying which.
"""

import os


def env_int(name: str, default: int, *, minimum: int = 1) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise SystemExit(f"{name} moet een geheel getal zijn, niet {value!r}") from None
    if number < minimum:
        raise SystemExit(f"{name} moet minstens {minimum} zijn, niet {value!r}")
    return number


def cores() -> int:
    """The cores this process may use: a container's CPU set, not the host's count."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


bind = [os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")]
# Sync workers, one request at a time each: gunicorn's 2 per core plus one, but at most 8, since
# every worker holds its own Django and a long letter's page costs it tens of MB while it renders.
# The pages are CPU-bound (Django rendering; PostgreSQL is about a third of a page's time), so
# more workers than that only queue requests inside the processes instead of in the backlog, and
# threads would wait for each other on the GIL (bench/README.md, load test). Each worker keeps one
# persistent database connection (settings: DB_CONN_MAX_AGE), so the database sees at most
# `workers` connections from the web, well under PostgreSQL's 100.
workers = env_int("WEB_CONCURRENCY", min(2 * cores() + 1, 8))
# Django and the apps are imported once, in the arbiter, before the workers fork: they start in
# a fraction of the time and share those pages of memory. No connection is opened at import.
preload_app = True
# A worker that grew is replaced after about this many requests; the jitter keeps the workers
# from restarting all at once.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 1000, minimum=0)
max_requests_jitter = 100
# A request taking longer is killed (large uploads are imported by Celery, not in a request);
# on a restart, requests under way get graceful_timeout seconds to finish.
timeout = env_int("GUNICORN_TIMEOUT", 60)
graceful_timeout = 30
keepalive = 5
# The workers' heartbeat files on tmpfs: on a container's overlay disk a slow write makes the
# arbiter kill healthy workers. gunicorn makes them with mkstemp, unguessable.
SHARED_MEMORY = "/dev/shm"  # noqa: S108
worker_tmp_dir = SHARED_MEMORY if os.path.isdir(SHARED_MEMORY) else None
accesslog = "-"
# Addresses that carry a secret token (personal calendar and feeds) are logged without it.
logger_class = "tkdossiers.access_log.RedactingLogger"
# The common log format, the time taken in ms and the request id the site sends back (- if none).
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms %({x-request-id}o)s'


def when_ready(server):
    """After preload_app has loaded the site in the arbiter, before the workers fork: what every
    worker would do on its first requests, done once and shared (letters.web.warm)."""
    if not server.cfg.preload_app:  # each worker loads the site itself: nothing here to share
        return
    from letters.web.warm import warm_up

    server.log.info("%s sjablonen voorbereid", warm_up())
