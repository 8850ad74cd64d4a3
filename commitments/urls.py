from django.urls import path, re_path

from commitments import api, views

urlpatterns = [
    path("moties/", views.motion_list, name="motion_list"),
    path("moties/wachtrij/", views.motion_queue, name="motion_queue"),
    path("moties/<int:pk>/", views.motion_detail, name="motion_detail"),
    re_path(r"^moties/(?P<pk>\d+)/(?P<action>afdoen|afwijzen|heropenen)/$", views.motion_action, name="motion_action"),
    re_path(r"^moties/(?P<pk>\d+)/zaak/(?P<action>koppelen|ontkoppelen)/$", views.motion_zaak, name="motion_zaak"),
    path("api/motions/<int:pk>/", api.motion_detail, name="api_motion"),
    path("toezeggingen/", views.commitment_list, name="commitment_list"),
    path("toezeggingen/<int:pk>/", views.commitment_detail, name="commitment_detail"),
    path("toezeggingen/<int:pk>/status/", views.commitment_action, name="commitment_action"),
]
