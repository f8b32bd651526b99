"""Request parsers of the API: JSON decoded as strictly as the CLI decodes a file."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from politiebijstand.rules.situatie import OngeldigeJson, json_laden


class OngeldigeBody(ParseError):
    """A body that `json_laden` refuses.

    Attributes:
        reden: its Dutch message, for `invalid-params` (name ``body``).
        leeg: the body is empty or only whitespace.
    """

    def __init__(self, reden: str, *, leeg: bool = False) -> None:
        super().__init__(detail=reden)
        self.reden = reden
        self.leeg = leeg


#: The reason given for an empty body (no bytes, or only whitespace).
LEEG = "leeg: de body bevat geen JSON"


class StrikteJsonParser(JSONParser):
    """`application/json` through `rules.situatie.json_laden`, the CLI's decoder.

    UTF-8 (a BOM allowed); no duplicate keys, no NaN, at most `MAX_JSON_DIEPTE` levels. A
    subclass of DRF's JSONParser, so DRF reads the body through `request.body`, which enforces
    DATA_UPLOAD_MAX_MEMORY_SIZE (see `problemen.probleem_exception_handler`: 413).
    """

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        """The decoded JSON value.

        Raises:
            OngeldigeBody: the body is not UTF-8, empty, not JSON, repeats a key or nests too
                deep; its `reden` says which.
        """
        try:
            return json_laden(stream.read())
        except OngeldigeJson as fout:
            if fout.code == "leeg":
                raise OngeldigeBody(LEEG, leeg=True) from None
            raise OngeldigeBody(fout.melding) from None
