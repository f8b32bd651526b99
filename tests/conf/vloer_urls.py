"""The root URLs with the load benchmark's floor mounted, as ``PB_BENCH_VLOER=1`` mounts it."""

from typing import Any

from django.urls import include, path

from politiebijstand.conf.urls import handler500
from politiebijstand.conf.urls import urlpatterns as product

urlpatterns: list[Any] = [*product, path("bench/vloer/", include("politiebijstand.conf.vloer"))]

__all__ = ["handler500", "urlpatterns"]
