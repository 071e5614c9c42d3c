from django.urls import include, path

urlpatterns = [path("", include("custodes.web.urls"))]
