"""Follow the Tweede Kamer's SyncFeed from the command line, as the Celery jobs do: the mirror,
then every sync hook, but the letters are fetched here (only those of --dossier, if given)
instead of queued for the workers."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kamer import sync
from kamer.tk.client import TKError
from letters.importing import fetching
from letters.models import DocumentFetch
from tkdossiers.citations import parse_dossier

FETCH_HOOK = f"{fetching.after_sync.__module__}.{fetching.after_sync.__name__}"  # queues Celery fetches


class Command(BaseCommand):
    help = "Lees nieuwe documenten uit de SyncFeed van de Tweede Kamer en haal de brieven op."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="één ronde en dan stoppen")
        parser.add_argument("--dossier", help="alleen brieven in dit dossier ophalen, bijv. 29517 of 36600-VI")
        parser.add_argument("--max-pages", type=int, default=None, help="hoogstens zoveel pagina's per categorie")

    def handle(self, *args, **options):
        only = parse_dossier(options["dossier"]) if options["dossier"] else None
        if options["dossier"] and only is None:
            raise CommandError(f"geen dossiernummer: {options['dossier']!r}")
        only = (only[0], only[1] or "") if only else None
        client = sync.default_client()
        while True:
            self._round(client, only, options["max_pages"])
            if options["once"]:
                return
            time.sleep(settings.TK_SYNC_INTERVAL_MINUTES * 60)

    def _round(self, client, only, max_pages):
        self.stdout.write(f"synchroniseren met {settings.TK_BASE_URL}")
        try:
            report = sync.run(client=client, max_pages=max_pages, on_page=self._page)
        except sync.SyncError as exc:
            raise CommandError(f"synchronisatie gestopt: {exc}") from exc
        self.stderr.write("")
        sync.run_hooks(report, skip={FETCH_HOOK})
        waiting = fetching.queue_changed(only_dossier=only)
        counts = {}
        for index, fetch_id in enumerate(waiting, 1):
            self.stderr.write(f"\rophalen {index}/{len(waiting)}", ending="")
            try:
                status = fetching.fetch(fetch_id, client=client)
            except TKError as exc:
                status = "failed"
                fetching.mark_failed(fetch_id, f"de Tweede Kamer bleef onbereikbaar: {exc.reason}")
            counts[status] = counts.get(status, 0) + 1
        self.stderr.write("")
        labels = dict(DocumentFetch.Status.choices)
        summary = ", ".join(f"{labels.get(s, s)}: {n}" for s, n in sorted(counts.items())) or "niets op te halen"
        self.stdout.write(f"{report.pages} pagina's, {report.entries} items gelezen; {summary}")
        failed = DocumentFetch.objects.filter(pk__in=waiting, status=DocumentFetch.Status.FAILED)
        for fetch in failed.select_related("document"):
            document = fetch.document
            self.stdout.write(f"mislukt: {document.document_number or document.guid}: {fetch.status_reason}")

    def _page(self, category, report):
        self.stderr.write(f"\r{category}: {report.pages} pagina's, {report.entries} items", ending="")
