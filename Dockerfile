# Production image: gunicorn serves the site, the same image runs the Celery worker and beat.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

WORKDIR /app

# The app user owns only its home (gunicorn keeps its control socket in ~/.gunicorn) and staticfiles/.
RUN groupadd --system app && useradd --system --gid app --create-home --home-dir /home/app app

# Dependencies first, read from pyproject.toml, so that a code change does not reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The project itself. PYTHONPATH keeps /app first, so settings find templates/ and static/
# next to the code. /app stays root-owned; the app user may write only to /app/staticfiles.
COPY . .
RUN pip install . \
    && rm -rf build ./*.egg-info \
    && mkdir -p staticfiles \
    && chown app:app staticfiles

USER app

EXPOSE 8000

# Workers, recycling, timeouts and the access log: gunicorn.conf.py (WEB_CONCURRENCY sets the workers).
CMD ["gunicorn", "--config", "gunicorn.conf.py", "tkdossiers.wsgi:application"]
