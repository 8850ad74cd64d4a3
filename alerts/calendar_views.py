"""/toezeggingen.ics?<filters>, readable where the list is, and the per-user calendar at its secret address."""

from django.http import Http404

from alerts.calendar import calendar, calendar_response, open_commitments, open_toezeggingen
from alerts.feed_tokens import hash_of
from alerts.models import FeedToken
from kamer.models import Toezegging
from letters.web.access import reader_required
from letters.web.exports import invalid_filter
from letters.web.listing import export_filename, listing


@reader_required
def commitments_ics(request):
    """The filtered commitments' due dates; without filters the register's open toezeggingen too
    (the commitments' filters do not apply to them)."""
    definition = listing("commitment")
    list_filter = definition.filter(request)
    if not list_filter.is_valid():
        return invalid_filter(list_filter.errors)
    filtered = any(value not in (None, "", [], ()) for value in list_filter.form.cleaned_data.values())
    toezeggingen = Toezegging.objects.none() if filtered else open_toezeggingen()
    cal = calendar(
        name="TK Dossiers: toezeggingen",
        commitments=list_filter.qs,
        toezeggingen=toezeggingen,
        absolute=request.build_absolute_uri,
    )
    return calendar_response(cal, export_filename(definition, list_filter))


def personal_calendar(request, token):
    """No login (a calendar program has none): the secret address is the key; renewing it ends this one.
    Found by the token's hash, the only thing stored of it (alerts.feed_tokens)."""
    found = FeedToken.objects.select_related("user").filter(token_hash=hash_of(token), user__is_active=True).first()
    if found is None:
        raise Http404("Onbekend agenda-adres")
    cal = calendar(
        name=f"TK Dossiers: termijnen ({found.user.get_username()})",
        commitments=open_commitments(),
        toezeggingen=open_toezeggingen(),
        absolute=request.build_absolute_uri,
    )
    return calendar_response(cal, "toezeggingen")
