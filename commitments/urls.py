from django.urls import path, re_path

from commitments import views

urlpatterns = [
    path("moties/", views.motion_list, name="motion_list"),
    path("moties/wachtrij/", views.motion_queue, name="motion_queue"),
    path("moties/<int:pk>/", views.motion_detail, name="motion_detail"),
    re_path(r"^moties/(?P<pk>\d+)/(?P<action>afdoen|afwijzen|heropenen)/$", views.motion_action, name="motion_action"),
    path("toezeggingen/", views.commitment_list, name="commitment_list"),
    path("toezeggingen/<int:pk>/", views.commitment_detail, name="commitment_detail"),
    path("toezeggingen/<int:pk>/status/", views.commitment_action, name="commitment_action"),
]
