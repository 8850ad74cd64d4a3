"""The Kamer's toezeggingen register beside the commitments found in letters."""

from django.urls import path, re_path

from commitments.register import api, views

# A nummer is the Kamer's text, not ours: <path:> so that one with a "/" still has a page.
urlpatterns = [
    path("toezeggingenregister/", views.toezegging_list, name="toezegging_list"),
    re_path(
        r"^toezeggingenregister/koppelingen/(?P<pk>\d+)/(?P<decision>bevestigen|afwijzen)/$",
        views.match_decide,
        name="toezegging_match_decide",
    ),
    path("toezeggingenregister/<path:number>/", views.toezegging_detail, name="toezegging_detail"),
    path("api/toezeggingen/<path:number>/", api.toezegging, name="api_toezegging"),
]
