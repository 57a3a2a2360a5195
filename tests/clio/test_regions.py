"""Regions, base URLs and the loopback-only rule for plain http."""

from __future__ import annotations

import pytest

from desktop.clio.regions import ClioTarget, Region, TargetError, is_loopback_host


def test_default_region_is_canada() -> None:
    t = ClioTarget.resolve()
    assert t.region is Region.CA
    assert t.api_base == "https://ca.app.clio.com/api/v4"
    assert t.authorize_url == "https://ca.app.clio.com/oauth/authorize"
    assert t.token_url == "https://ca.app.clio.com/oauth/token"
    assert t.deauthorize_url == "https://ca.app.clio.com/oauth/deauthorize"


@pytest.mark.parametrize(("code", "host"), [("us", "app.clio.com"), ("eu", "eu.app.clio.com"),
                                            ("AU", "au.app.clio.com"), ("ca", "ca.app.clio.com")])
def test_each_region_has_its_host(code: str, host: str) -> None:
    t = ClioTarget.for_region(code)
    assert t.host == host
    assert t.base_url == f"https://{host}"
    assert not t.is_loopback


def test_unknown_region_is_refused_with_the_choices() -> None:
    with pytest.raises(TargetError, match="ca, us, eu, au"):
        ClioTarget.for_region("uk")


def test_loopback_url_may_use_http_and_loses_api_suffix() -> None:
    t = ClioTarget.for_url("http://127.0.0.1:53100/api/v4/")
    assert t.base_url == "http://127.0.0.1:53100"
    assert t.region is None
    assert t.is_loopback
    assert t.api_base == "http://127.0.0.1:53100/api/v4"
    assert t.label == "http://127.0.0.1:53100"


@pytest.mark.parametrize("url", ["http://example.com", "http://10.0.0.5:8080",
                                 "http://ca.app.clio.com"])
def test_plain_http_elsewhere_is_refused(url: str) -> None:
    with pytest.raises(TargetError, match="https"):
        ClioTarget.for_url(url)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1", "127.0.0.1:5000", "https://",
                                 "https://host/?x=1", "https://user:pw@host"])
def test_malformed_urls_are_refused(url: str) -> None:
    with pytest.raises(TargetError):
        ClioTarget.for_url(url)


def test_region_url_is_recognised_as_the_region() -> None:
    assert ClioTarget.for_url("https://eu.app.clio.com/").region is Region.EU


def test_clio_url_wins_over_region() -> None:
    assert ClioTarget.resolve("us", "http://localhost:9000").base_url == "http://localhost:9000"


@pytest.mark.parametrize(("host", "expected"), [("127.0.0.1", True), ("127.8.9.10", True),
                                                ("::1", True), ("[::1]", True),
                                                ("localhost", True), ("::ffff:127.0.0.1", True),
                                                ("10.0.0.1", False), ("example.com", False)])
def test_loopback_hosts(host: str, expected: bool) -> None:
    assert is_loopback_host(host) is expected


def test_same_origin_compares_scheme_host_and_port() -> None:
    t = ClioTarget.for_url("http://127.0.0.1:53100")
    assert t.same_origin("http://127.0.0.1:53100/api/v4/contacts.json?page_token=x")
    assert not t.same_origin("http://127.0.0.1:53101/api/v4/contacts.json")
    assert not t.same_origin("https://127.0.0.1:53100/api/v4/contacts.json")
