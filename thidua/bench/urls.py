"""The application's URLs plus the HTTP benchmark's floor view (used only by
`thidua.bench.server_settings`)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from thidua.urls import urlpatterns as app_urlpatterns


def floor(request: HttpRequest) -> HttpResponse:
    """The least a Django view can do: the floor of `http_throughput`."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("_bench/floor/", floor, name="bench_floor"), *app_urlpatterns]
