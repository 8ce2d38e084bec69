"""The build's last line of defence against figures no budget can hold.

The reader drops such figures where it reads them; a Document from another reader (tests,
tools, an older cache) may still carry one, and an amount of 28+ digits breaks money
formatting (``decimal.InvalidOperation``) on every page that shows it. So before anything
downstream sees a document, its indicator readings are checked once: an absurd one is
removed and becomes a problem naming its line.
"""

from __future__ import annotations

from decimal import Decimal

from generator.model import Document, Problem

MAX_ADJUSTED = 14  # below 10^15 in the unit printed: China's whole budget is ~3 × 10^13 元


def _absurd(value: object) -> bool:
    if not isinstance(value, Decimal):
        return False
    return not value.is_finite() or value.adjusted() > MAX_ADJUSTED


def drop_absurd_readings(doc: Document) -> Document:
    for indicator, reading in sorted(doc.indicators.items()):
        if not _absurd(reading.value):
            continue
        del doc.indicators[indicator]
        line = reading.source.line if reading.source else None
        doc.problems.append(
            Problem(
                "warning",
                f"the figure {reading.raw!r} for {indicator} is larger than any budget figure "
                "can be; it was not used",
                doc.source,
                line=line,
                message_zh=f"“{reading.raw}”超出任何预算数字可能的大小，未使用",
            )
        )
    return doc
