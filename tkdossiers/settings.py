"""One settings module; every knob is an environment variable with a safe demo default.

A bad value stops the start with a message that names the variable.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in TRUE_VALUES:
        return True
    if value.strip().lower() in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} moet 1 of 0 zijn (true/false), niet {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} moet een geheel getal zijn, niet {value!r}") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} moet minstens {minimum} zijn, niet {value!r}")
    return number


def env_meta_header(name: str) -> str | None:
    """The name of a request header as Django's request.META spells it (HTTP_X_FORWARDED_PROTO)."""
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    if not re.fullmatch(r"HTTP_[A-Z0-9_]+", value):
        raise ImproperlyConfigured(
            f"{name} moet een kop zijn zoals request.META hem noemt (HTTP_X_FORWARDED_PROTO), niet {value!r}"
        )
    return value


def env_origins(name: str) -> list[str]:
    origins = env_list(name, [])
    for origin in origins:
        if not re.fullmatch(r"https?://[^/\s]+", origin):
            raise ImproperlyConfigured(
                f"{name}: een oorsprong is schema en host, zoals https://tkdossiers.example.nl, niet {origin!r}"
            )
    return origins


def database_from_env() -> dict:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except (ValueError, KeyError) as exc:
        raise ImproperlyConfigured(
            f"DATABASE_URL is ongeldig ({exc}); voorbeeld: postgres://user@host:5432/naam"
        ) from None
    if config.get("ENGINE") == "django.db.backends.postgresql":
        # JIT compilation costs more than it saves on this site's short queries (bench/README.md).
        config.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    if config.get("ENGINE") not in ("django.db.backends.postgresql", "django.db.backends.sqlite3"):
        raise ImproperlyConfigured(
            f"DATABASE_URL: alleen PostgreSQL of SQLite wordt ondersteund, niet {url.split(':')[0]!r}"
        )
    return config


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY ontbreekt; zet SECRET_KEY, of DEBUG=1 voor de demo")
    SECRET_KEY = "demo-only-not-secret"  # noqa: S105 - used only with DEBUG=1
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_origins("CSRF_TRUSTED_ORIGINS")

# Reading needs a login unless the deployment chooses to publish (parliamentary
# material is public; some deployments will want that).
TKD_PUBLIC_READ = env_bool("TKD_PUBLIC_READ", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "csp",
    "axes",
    "tkdossiers",
    "kamer",
    "letters",
    "commitments",
    "alerts",
]

MIDDLEWARE = [
    "tkdossiers.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads the body (CsrfViewMiddleware does, in process_view, later).
    "tkdossiers.middleware.RequestBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tkdossiers.urls"
WSGI_APPLICATION = "tkdossiers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_from_env()}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The demo: SQLite ignores the columns an index only carries (a PostgreSQL speed-up).
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "tkdossiers.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes watches every login and refuses one that is locked out; ModelBackend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After LOGIN_FAILURE_LIMIT wrong passwords for one user name from one address, that pair
# waits LOGIN_COOLOFF_MINUTES. The pair, not the name alone (anyone could then lock a clerk
# out by typing her name) nor the address alone (a ministry's staff share one address).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "tkdossiers.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "tkdossiers.lockout.client_ip"
# Behind a proxy every request comes from the proxy's address: name the header in which it
# passes on the client's (HTTP_X_FORWARDED_FOR), and the lock-out counts per real client.
CLIENT_IP_HEADER = env_meta_header("CLIENT_IP_HEADER")
LOGIN_URL = "login"
# A refused form (missing or old CSRF token) explained in Dutch, also to htmx (tkdossiers/csrf.py).
CSRF_FAILURE_VIEW = "tkdossiers.csrf.csrf_failure"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploads: a letter is well under 1 MB; refuse anything over the reader's own limit
# while it streams in, before it reaches the reader.
LETTER_UPLOAD_MAX_BYTES = env_int("LETTER_UPLOAD_MAX_BYTES", 25 * 1024 * 1024)
# A larger upload is imported by Celery (letters.tasks.import_upload), not inside the request:
# a 17.5 MB letter took 19 s and grew a web worker by 470 MB.
LETTER_INLINE_IMPORT_MAX_BYTES = env_int("LETTER_INLINE_IMPORT_MAX_BYTES", 2 * 1024 * 1024, minimum=0)
FILE_UPLOAD_HANDLERS = [
    "letters.web.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Limits on a whole request body, checked before anything reads it
# (tkdossiers.middleware.RequestBodyLimitMiddleware). Files go only to a view in
# FILE_UPLOAD_VIEWS (URL name: the permission it asks), from a user who holds that
# permission, in a body of the largest letter plus room for the other fields. Any other body
# is a form (the largest is a few kB): at most FORM_BODY_MAX_BYTES, below
# FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB), so a file sent along never reaches the disk.
FILE_UPLOAD_VIEWS = {"letter_upload": "letters.upload_letter"}
UPLOAD_BODY_MAX_BYTES = LETTER_UPLOAD_MAX_BYTES + 64 * 1024
FORM_BODY_MAX_BYTES = 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = FORM_BODY_MAX_BYTES
DATA_UPLOAD_MAX_NUMBER_FILES = 1  # one letter per upload

# Hooks through which a higher app extends a lower one, so that imports point one way
# (alerts -> commitments -> letters -> kamer -> tkdossiers). Dotted paths, like MIDDLEWARE.
# Analysers of a letter, in order: see letters/apps.py for what one may offer (describe,
# store inside the import's transaction, version_items, topic_figures, passage_prefetches).
LETTER_ANALYSERS = env_list("LETTER_ANALYSERS", ["commitments.analysis.analyser"])
# The filtered lists that have a page, CSV/JSON exports and an API list (letters.web.listing).
LISTINGS = [
    "letters.web.lists.LETTERS",
    "letters.web.lists.SECTIONS",
    "letters.web.lists.REFERENCES",
    "commitments.lists.MOTIONS",
    "commitments.lists.COMMITMENTS",
]
# Called with the SyncReport after each scheduled sync of the Kamer's open data.
KAMER_SYNC_HOOKS = ["letters.importing.fetching.after_sync", "letters.importing.counts.after_sync"]
# Called with the request; each returns HTML for the sync page (what was done with the mirror).
KAMER_SYNC_PANELS = ["letters.web.fetch_panel.sync_panel"]
# Detail endpoints of the API beyond the letter and the dossier, for the OpenAPI document
# (letters.web.openapi): dotted paths to letters.web.openapi.DetailEndpoint objects.
API_DETAILS = []


# Celery: without REDIS_URL tasks run eagerly in the web process (the demo).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "celery")
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery's Django fixup closes the database connection around every task unless this is set; with
# it, it closes them every 1,000 tasks, and tkdossiers.celery keeps CONN_MAX_AGE between tasks.
CELERY_DB_REUSE_MAX = 1000
# Task modules that are not an app's tasks.py (autodiscovery finds kamer.tasks itself).
CELERY_IMPORTS = ["letters.importing.tasks", "letters.topics.tasks"]
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"REDIS_URL moet met redis:// beginnen, niet {REDIS_URL!r}")
# Shared by the web processes and the workers (letters.topics.recount coalesces recounts through it).
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"tkd-{CELERY_TASK_DEFAULT_QUEUE}",
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# The Tweede Kamer open data (SyncFeed). The demo and the tests point this at a fake
# server (tests/kamer/fake_server.py); no machine here reaches the real one.
TK_BASE_URL = os.environ.get("TK_BASE_URL", "https://gegevensmagazijn.tweedekamer.nl").rstrip("/")
TK_TIMEOUT = float(env_int("TK_TIMEOUT_SECONDS", 20))
TK_RETRIES = env_int("TK_RETRIES", 3)
TK_PAGE_PAUSE = env_int("TK_PAGE_PAUSE_MS", 100) / 1000
TK_SYNC_MAX_PAGES = env_int("TK_SYNC_MAX_PAGES", 200)
TK_SYNC_INTERVAL_MINUTES = env_int("TK_SYNC_INTERVAL_MINUTES", 15)
# A worker's claim on a letter it downloads lapses after this long, so a worker that died
# leaves the letter to the next run; longer than a download with all its retries takes.
TK_FETCH_LEASE_SECONDS = env_int("TK_FETCH_LEASE_SECONDS", 600)
TK_USER_AGENT = os.environ.get("TK_USER_AGENT", "TKDossiers/0.1 (brieven regering volgen; contact via de beheerder)")
if not TK_BASE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"TK_BASE_URL moet met http:// of https:// beginnen, niet {TK_BASE_URL!r}")
CELERY_BEAT_SCHEDULE = {
    "sync-tweede-kamer": {"task": "letters.tasks.sync_feed", "schedule": TK_SYNC_INTERVAL_MINUTES * 60},
    # Topic figures are recounted after every change; this hourly run only repairs a lost one.
    "recount-topics": {"task": "letters.tasks.recount_topics", "schedule": 3600},
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
# Off in the demo (plain http); the README lists the values for a site behind https.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# The header in which the proxy that ends TLS says the request came over https.
_proxy_ssl_header = env_meta_header("SECURE_PROXY_SSL_HEADER")
SECURE_PROXY_SSL_HEADER = (_proxy_ssl_header, "https") if _proxy_ssl_header else None
# The templates hold no inline script or style, and htmx injects none (base.html's htmx-config).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Production (DEBUG=0): one JSON line per record on stderr, with the request it belongs to
# (tkdossiers/logs.py); the demo keeps a readable line.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").strip().upper()
if LOG_LEVEL not in ("DEBUG", "INFO", "WARNING", "ERROR"):
    raise ImproperlyConfigured(f"LOG_LEVEL moet DEBUG, INFO, WARNING of ERROR zijn, niet {os.environ['LOG_LEVEL']!r}")
APP_LOGGERS = ("tkdossiers", "kamer", "letters", "commitments", "alerts")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "tkdossiers.logs.RequestContextFilter"}},
    "formatters": {
        "json": {"()": "tkdossiers.logs.JsonFormatter"},
        "readable": {"()": "tkdossiers.logs.ReadableFormatter"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["request"],
            "formatter": "readable" if DEBUG else "json",
        }
    },
    "loggers": {
        # Errors (5xx) and warnings (4xx) of requests, refused hosts and CSRF tokens: here and
        # not on to Django's own handlers (mail_admins, which renders every traceback for no one).
        "django.request": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "django.security": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "axes": {"handlers": ["stderr"], "level": "WARNING"},  # lock-outs
        **{app: {"handlers": ["stderr"], "level": LOG_LEVEL} for app in APP_LOGGERS},
    },
}

# Areas of the application add their settings below, each in its own block.

# --- the Kamer's record (kamer mirror and sync) ---
# The SyncFeed categories the sync follows (kamer.tk.fields.CATEGORIES, which a test keeps equal
# to this list); e.g. TK_SYNC_CATEGORIES=Kamerstukdossier,Document for the letters alone.
TK_SYNC_ALL_CATEGORIES = [
    "Kamerstukdossier",
    "Document",
    "DocumentVersie",
    "Zaak",
    "ZaakActor",
    "Besluit",
    "Stemming",
    "Agendapunt",
    "Activiteit",
    "Toezegging",
    "Persoon",
    "Fractie",
]
TK_SYNC_CATEGORIES = env_list("TK_SYNC_CATEGORIES", TK_SYNC_ALL_CATEGORIES)
_unknown_categories = {c.lower() for c in TK_SYNC_CATEGORIES} - {c.lower() for c in TK_SYNC_ALL_CATEGORIES}
if _unknown_categories:
    raise ImproperlyConfigured(
        f"TK_SYNC_CATEGORIES noemt onbekende categorieën: {', '.join(sorted(_unknown_categories))}; "
        f"kies uit {', '.join(TK_SYNC_ALL_CATEGORIES)}"
    )

# --- motions and the ledger ---
# After each sync, motions with a kamerstuk are resolved to their Zaak (commitments.record.resolving).
KAMER_SYNC_HOOKS += ["commitments.record.resolving.after_sync"]
API_DETAILS += ["commitments.api.MOTION_DETAIL"]

# --- the toezeggingen register ---
# Its list (page, exports, /api/toezeggingen/), its detail in the OpenAPI document, and the
# suggestions of commitments to registered toezeggingen rescored after every sync.
LISTINGS += ["commitments.register.lists.TOEZEGGINGEN"]
API_DETAILS += ["commitments.register.api.TOEZEGGING_DETAIL"]
KAMER_SYNC_HOOKS += ["commitments.register.services.after_sync"]

# --- letters: identity and links ---

# --- alerts ---
# Mail: SMTP when EMAIL_HOST is set (production; the compose stack's mail catcher), else the demo's
# console backend (mails are printed; EMAIL_FILE_PATH: written to files there), so `make run` needs
# nothing more.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "").strip()
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT_SECONDS", 30, minimum=1)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", "").strip()
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Zet EMAIL_USE_TLS (STARTTLS, poort 587) of EMAIL_USE_SSL (poort 465), niet allebei")
EMAIL_BACKEND = "django.core.mail.backends." + (
    "smtp.EmailBackend" if EMAIL_HOST else "filebased.EmailBackend" if EMAIL_FILE_PATH else "console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "TK Dossiers <meldingen@tkdossiers.invalid>")
# Links in mails and feeds lead here (a worker has no request to take the host from).
ALERTS_SITE_URL = os.environ.get("ALERTS_SITE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
if not re.fullmatch(r"https?://[^/\s]+(/[^\s]*)?", ALERTS_SITE_URL):
    raise ImproperlyConfigured(f"ALERTS_SITE_URL moet met http:// of https:// beginnen, niet {ALERTS_SITE_URL!r}")
ALERTS_LOOKBACK_DAYS = env_int("ALERTS_LOOKBACK_DAYS", 8, minimum=1)  # how far back a lost run is made up
ALERTS_DIRECT_MINUTES = env_int("ALERTS_DIRECT_MINUTES", 5, minimum=1)  # "direct": at most this late
ALERTS_DIGEST_HOUR = env_int("ALERTS_DIGEST_HOUR", 7, minimum=0)  # daily digests and reminders, local time
if ALERTS_DIGEST_HOUR > 23:
    raise ImproperlyConfigured(f"ALERTS_DIGEST_HOUR moet 0 tot en met 23 zijn, niet {ALERTS_DIGEST_HOUR}")
# Deadline reminders go to this group the day after a due date, then every so many days until marked.
ALERTS_REMINDER_TEAM = os.environ.get("ALERTS_REMINDER_TEAM", "Griffie")
ALERTS_REMINDER_INTERVAL_DAYS = env_int("ALERTS_REMINDER_INTERVAL_DAYS", 7, minimum=1)
# A refused mail is tried again after this many seconds, doubling, so many times; then the next digest has it.
ALERTS_MAIL_RETRY_SECONDS = env_int("ALERTS_MAIL_RETRY_SECONDS", 60, minimum=1)
ALERTS_MAIL_RETRIES = env_int("ALERTS_MAIL_RETRIES", 5, minimum=0)
CELERY_TIMEZONE = TIME_ZONE  # the digest hour is the users' (Amsterdam) hour
CELERY_BEAT_SCHEDULE |= {
    "alerts-direct": {"task": "alerts.tasks.send_digests", "schedule": ALERTS_DIRECT_MINUTES * 60, "args": ("direct",)},
    "alerts-daily": {
        "task": "alerts.tasks.send_digests",
        "schedule": crontab(hour=ALERTS_DIGEST_HOUR, minute=0),
        "args": ("daily",),
    },
    "alerts-weekly": {
        "task": "alerts.tasks.send_digests",
        "schedule": crontab(day_of_week="monday", hour=ALERTS_DIGEST_HOUR, minute=0),
        "args": ("weekly",),
    },
    "alerts-reminders": {
        "task": "alerts.tasks.send_deadline_reminders",
        "schedule": crontab(hour=ALERTS_DIGEST_HOUR, minute=15),
    },
}

# --- speed ---
# Persistent database connections: a gunicorn worker or Celery process keeps its connection
# for DB_CONN_MAX_AGE seconds instead of connecting per request (a few ms each on PostgreSQL),
# and checks it before reuse, so a restarted database costs one check, not a failed request.
# Sync gunicorn workers serve one request at a time: one connection each, no pool needed
# (bench/README.md, load test).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 600, minimum=0)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# With Redis (shared by every process) sessions are read from the cache, the database only
# written: one query less on every page of a logged-in user. Not with the demo's per-process
# memory cache, where a logout in one process would not end the session in the others.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Parts of the busiest pages are kept in the cache while the database has not changed
# (letters.web.fragments: keyed on PostgreSQL's snapshot, so a committed change is seen at once);
# this long at most, to bound the cache's memory. 0 renders everything on every request.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 300, minimum=0)

# --- jobs that stop half-way ---
# A large upload's import is stopped after this long (a soft limit: its transaction rolls back and
# the job says why), then killed a minute later if it ignores that; the biggest letter the reader's
# caps let in takes a few seconds.
UPLOAD_TIME_LIMIT_SECONDS = env_int("UPLOAD_TIME_LIMIT_SECONDS", 300, minimum=10)
# An upload still "running" this long after it started lost its worker (killed half-way: Celery
# acks its message anyway) and is marked failed (letters.importing.stale), by this beat task.
UPLOAD_STOPPED_AFTER_SECONDS = UPLOAD_TIME_LIMIT_SECONDS + 300
CELERY_BEAT_SCHEDULE |= {
    "expire-stopped-uploads": {"task": "letters.tasks.expire_stopped_uploads", "schedule": 300},
}
