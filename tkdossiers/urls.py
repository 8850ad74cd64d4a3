from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path


def favicon(request):
    """Browsers ask /favicon.ico of every page, HTML or not; static() only at request time, when
    the manifest of collected files exists."""
    return redirect(static("favicon.ico"), permanent=True)


urlpatterns = [
    path("", include("letters.urls")),
    path("", include("kamer.urls")),
    path("", include("commitments.urls")),
    path("", include("commitments.register.urls")),
    path("", include("alerts.urls")),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    path("favicon.ico", favicon),
]
