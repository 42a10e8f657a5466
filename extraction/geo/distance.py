"""Distances between points on the Earth, for rules that tell near from far."""

from __future__ import annotations

import math

__all__ = ["EARTH_RADIUS_KM", "km_between"]

#: mean radius (IUGG), km
EARTH_RADIUS_KM = 6371.0


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
