"""The monitor forms, in two steps without JavaScript: the kind to follow (KindForm, a GET), then
that kind's one field and how often (MonitorForm, a POST); the Volgen buttons post the second."""

import re
from urllib.parse import urlsplit

from django import forms
from django.http import QueryDict

from alerts.models import LIST_PATHS, Frequency, Monitor
from commitments.models import Motion
from kamer.models import Toezegging
from letters.models import Topic
from letters.web.listing import PAGE_PARAM, listings
from tkdossiers.citations import parse_dossier
from tkdossiers.models import Dossier

Kind = Monitor.Kind
LIST_OF_PATH = {f"/{path}/": name for name, path in LIST_PATHS.items()}
MOTION_PATH = re.compile(r"^/moties/(\d+)/?$")
# The field that names what a monitor of each kind follows (the team is the user's own).
KIND_FIELDS = {
    Kind.TOPIC: ["topic"],
    Kind.DOSSIER: ["dossier"],
    Kind.SEARCH: ["search"],
    Kind.MOTION: ["motion"],
    Kind.TOEZEGGING: ["toezegging"],
    Kind.MINISTERIE: ["ministerie"],
    Kind.TEAM_DUE: [],
}


def kind_choices(user) -> list[tuple[str, str]]:
    """The kinds this user may follow: the team's deadlines only with the permission."""
    return [c for c in Kind.choices if c[0] != Kind.TEAM_DUE or user.has_perm("alerts.follow_team")]


class KindForm(forms.Form):
    """Step one: what kind of thing to follow (?soort=dossier)."""

    soort = forms.ChoiceField(label="Wat wilt u volgen?", widget=forms.RadioSelect)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = kind_choices(user)


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label="Hoe vaak", choices=Frequency.choices)


class MonitorForm(FrequencyForm):
    """Step two: only the field of the kind (kind=, the first step's choice, or a Volgen button's);
    a kind the user may not follow keeps no field and fails on kind."""

    kind = forms.ChoiceField(label="Wat volgt u", choices=Kind.choices, widget=forms.HiddenInput)
    topic = forms.ModelChoiceField(
        Topic.objects.all(), label="Onderwerp", required=False, to_field_name="slug", empty_label="Kies een onderwerp"
    )
    dossier = forms.CharField(label="Dossier", required=False, max_length=40, help_text="bijv. 29517 of 36600-VI")
    search = forms.CharField(
        label="Zoekopdracht",
        required=False,
        max_length=2000,
        help_text="het adres van een gefilterde lijst, bijv. /passages/?q=C2000",
    )
    motion = forms.CharField(
        label="Motie", required=False, max_length=200, help_text="het adres van de motie, bijv. /moties/12/"
    )
    toezegging = forms.CharField(
        label="Toezegging", required=False, max_length=64, help_text="nummer in het register, bijv. TZ202401-123"
    )
    ministerie = forms.CharField(label="Ministerie", required=False, max_length=200)

    field_order = ["kind", "topic", "dossier", "search", "motion", "toezegging", "ministerie", "frequency"]

    def __init__(self, *args, user, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["frequency"].initial = Frequency.DAILY
        self.fields["kind"].choices = kind_choices(user)
        self.fields["kind"].initial = kind
        self.kind = kind if kind in dict(self.fields["kind"].choices) else None
        kept = KIND_FIELDS.get(self.kind, [])
        for name in [f for fields in KIND_FIELDS.values() for f in fields if f not in kept]:
            del self.fields[name]

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind:
            data["target"] = getattr(self, f"_target_{kind}")(data)
        return data

    def _required(self, field, message):
        self.add_error(field, message)
        raise forms.ValidationError("Kies wat u wilt volgen.")

    def _target_topic(self, data):
        if not data.get("topic"):
            self._required("topic", "Kies een onderwerp.")
        return {"topic": data["topic"]}

    def _target_dossier(self, data):
        parsed = parse_dossier(data.get("dossier") or "")
        dossier = parsed and Dossier.objects.filter(number=parsed[0], toevoeging=parsed[1] or "").first()
        if not dossier:
            self._required("dossier", "Dit dossier kennen we niet; schrijf bijvoorbeeld 29517 of 36600-VI.")
        return {"dossier": dossier}

    def _target_search(self, data):
        address = urlsplit((data.get("search") or "").strip())
        name = LIST_OF_PATH.get(address.path if address.path.endswith("/") else f"{address.path}/")
        if not name:
            self._required(
                "search",
                "Plak het adres van een lijst: brieven, passages, verwijzingen, moties, toezeggingen of het "
                "toezeggingenregister.",
            )
        filters = QueryDict(address.query, mutable=True)
        filters.pop(PAGE_PARAM, None)
        list_filter = listings()[name].filterset(filters, queryset=listings()[name].queryset().none())
        if not list_filter.is_valid():
            self._required("search", " ".join(m for messages in list_filter.errors.values() for m in messages))
        kept = QueryDict(mutable=True)
        for key in sorted(filters):
            if key in list_filter.filters and any(filters.getlist(key)):
                kept.setlist(key, filters.getlist(key))
        return {"listing": name, "query": kept.urlencode()}

    def _target_motion(self, data):
        text = (data.get("motion") or "").strip()
        match = MOTION_PATH.match(urlsplit(text).path) if not text.isdigit() else None
        motion = Motion.objects.filter(pk=int(text) if text.isdigit() else int(match.group(1)) if match else 0).first()
        if not motion:
            self._required("motion", "Deze motie kennen we niet; plak het adres van de motie.")
        return {"motion": motion}

    def _target_toezegging(self, data):
        text = (data.get("toezegging") or "").strip()
        toezegging = Toezegging.objects.current().filter(number__iexact=text).first() or (
            Toezegging.objects.current().filter(guid=text).first() if text else None
        )
        if not toezegging:
            self._required("toezegging", "Deze toezegging staat niet in het register.")
        return {"toezegging": toezegging}

    def _target_ministerie(self, data):
        name = (data.get("ministerie") or "").strip()
        if not name:
            self._required("ministerie", "Noem het ministerie.")
        return {"ministerie": name}

    def _target_team_due(self, data):
        team = self.user.groups.order_by("name").first()
        if team is None or not self.user.has_perm("alerts.follow_team"):
            self._required("kind", "Alleen wie bij een team hoort dat termijnen bewaakt, kan die volgen.")
        return {"team": team}
