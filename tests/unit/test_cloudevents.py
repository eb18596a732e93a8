from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from newsstream import cloudevents


def test_time_is_rfc3339_utc_with_z() -> None:
    moment = datetime(2025, 7, 19, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    assert cloudevents.format_time(moment) == "2025-07-19T12:00:00Z"


def test_binary_headers_carry_the_required_attributes() -> None:
    headers = dict(
        cloudevents.binary_headers(
            event_type="news.article.v1",
            event_id="abc",
            source="/newsstream/parse",
            time=datetime(2025, 7, 19, 12, tzinfo=UTC),
            subject="article-1",
        )
    )
    assert headers == {
        "ce_specversion": b"1.0",
        "ce_id": b"abc",
        "ce_source": b"/newsstream/parse",
        "ce_type": b"news.article.v1",
        "ce_time": b"2025-07-19T12:00:00Z",
        "content-type": b"application/json",
        "ce_subject": b"article-1",
    }


def test_structured_mode_wraps_the_data() -> None:
    event = cloudevents.structured(
        event_type="news.entity.v1",
        event_id="e1",
        source="/newsstream/enrich",
        time=datetime(2025, 7, 19, 12, tzinfo=UTC),
        subject=None,
        data={"name": "Syria"},
    )
    assert event == {
        "specversion": "1.0",
        "type": "news.entity.v1",
        "id": "e1",
        "source": "/newsstream/enrich",
        "time": "2025-07-19T12:00:00Z",
        "datacontenttype": "application/json",
        "data": {"name": "Syria"},
    }
