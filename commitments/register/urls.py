"""The Kamer's toezeggingen register beside the commitments found in letters."""

from django.urls import path, re_path

from commitments.register import api, views

urlpatterns = [
    path("toezeggingenregister/", views.toezegging_list, name="toezegging_list"),
    path("toezeggingenregister/<str:number>/", views.toezegging_detail, name="toezegging_detail"),
    re_path(
        r"^toezeggingenregister/koppelingen/(?P<pk>\d+)/(?P<decision>bevestigen|afwijzen)/$",
        views.match_decide,
        name="toezegging_match_decide",
    ),
    path("api/toezeggingen/<str:number>/", api.toezegging, name="api_toezegging"),
]
