"""The ETag and If-Match rules of `api.versies` (issue #12 item 4)."""

from __future__ import annotations

from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from politiebijstand.api.versies import etag_van, if_match_controleren

DATA = {"b": 1, "a": "é"}
# sha256 of '{"a":"é","b":1}' in UTF-8.
TAG = '"aa58fba8483623bed37c1b02edfccbdd9a53123837c20bfa4cb4049993a2872e"'


def _request(**headers: str) -> Request:
    return Request(APIRequestFactory().post("/api/v1/x", headers=headers))


def test_etag_is_sha256_of_canonical_json() -> None:
    assert etag_van(DATA) == TAG
    assert etag_van({"a": "é", "b": 1}) == TAG


def test_missing_if_match_is_428() -> None:
    antwoord = if_match_controleren(_request(), DATA)
    assert antwoord is not None
    assert antwoord.status_code == 428
    assert antwoord.data["type"] == "urn:politiebijstand:probleem:if-match-vereist"


def test_stale_if_match_is_412_with_current_tag() -> None:
    antwoord = if_match_controleren(_request(**{"If-Match": '"oud"'}), DATA)
    assert antwoord is not None
    assert antwoord.status_code == 412
    assert antwoord["ETag"] == TAG


def test_weak_tag_never_matches() -> None:
    antwoord = if_match_controleren(_request(**{"If-Match": "W/" + TAG}), DATA)
    assert antwoord is not None and antwoord.status_code == 412


def test_matching_tag_in_list_passes() -> None:
    assert if_match_controleren(_request(**{"If-Match": f'"x", {TAG}'}), DATA) is None


def test_star_is_not_a_version_428() -> None:
    """`*` would let a blind change through (found by a fuzzer withdrawing requests)."""
    antwoord = if_match_controleren(_request(**{"If-Match": "*"}), DATA)
    assert antwoord is not None
    assert (antwoord.status_code, antwoord.data["type"]) == (
        428,
        "urn:politiebijstand:probleem:if-match-vereist",
    )
