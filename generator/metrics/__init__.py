"""The metrics stage: ratios, per-capita figures, changes, peers and rankings (pandas), derived
from the read documents and the findings of the checks.

``compute`` is the stage; ``definitions`` says what each metric means, ``values`` derives one
document's figures and ratios, ``series`` the changes over years, ``peers`` the comparison
groups and rankings, ``types`` the plain data handed to the site.
"""

from __future__ import annotations

from generator.metrics.compute import compute, department_id, department_year_key
from generator.metrics.definitions import METRIC_DOCS
from generator.metrics.types import DocumentMetrics, Metrics, MetricValue

__all__ = [
    "METRIC_DOCS",
    "DocumentMetrics",
    "MetricValue",
    "Metrics",
    "compute",
    "department_id",
    "department_year_key",
]
