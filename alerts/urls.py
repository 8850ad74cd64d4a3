from django.urls import path

from alerts import calendar_views, feeds, views
from alerts.models import LIST_PATHS
from letters.web.access import reader_required

# Each list's Atom feed under its page, but the register's beside its exports (/toezeggingenregister.csv):
# its detail pages take every path under /toezeggingenregister/ (commitments.register.urls, included first).
FEED_PATHS = {name: f"{list_path}/atom/" for name, list_path in LIST_PATHS.items()} | {
    "toezegging": "toezeggingenregister.atom"
}

urlpatterns = [
    path("meldingen/", views.monitor_list, name="monitor_list"),
    path("meldingen/nieuw/", views.monitor_create, name="monitor_create"),
    path("meldingen/<int:pk>/", views.monitor_update, name="monitor_update"),
    path("meldingen/<int:pk>/verwijderen/", views.monitor_delete, name="monitor_delete"),
    path("meldingen/<int:pk>/atom/", feeds.MonitorFeed(), name="monitor_atom"),
    path("meldingen/<int:pk>/feed-adres/", views.monitor_feed_renew, name="monitor_feed_renew"),
    path("meldingen/feed/<str:token>/", feeds.MonitorFeed(), name="monitor_feed"),
    path("meldingen/verzonden/", views.sent_list, name="sent_list"),
    path("meldingen/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("meldingen/agenda/vernieuwen/", views.calendar_renew, name="calendar_renew"),
    path("meldingen/agenda/<str:token>.ics", calendar_views.personal_calendar, name="personal_calendar"),
    path("toezeggingen.ics", calendar_views.commitments_ics, name="commitment_ics"),
    path("onderwerpen/<slug:slug>/atom/", reader_required(feeds.TopicFeed()), name="topic_atom"),
    path("dossiers/<str:key>/atom/", reader_required(feeds.DossierFeed()), name="dossier_atom"),
    *(
        path(feed_path, reader_required(feeds.ListFeed()), {"name": name}, name=f"{name}_atom")
        for name, feed_path in FEED_PATHS.items()
    ),
]
