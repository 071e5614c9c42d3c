"""The benchmark's URLs: the whole app, plus a bare view that is the ceiling."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    return HttpResponse(b'{"ok": true}', content_type="application/json")


urlpatterns = [path("bare/", bare), path("", include("custodes.urls"))]
