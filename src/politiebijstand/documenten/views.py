"""Serving a stored document as a download (issue #10 items 3 and 4, ADR 0032).

`documenten` sits below `verzoeken` (ADR 0015) and cannot look up a request or check access
itself: the request pages check need-to-know (`toegang.access_verzoek_or_404`) and then call
`document_response`.
"""

from __future__ import annotations

import hashlib
import io
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import FileResponse

from politiebijstand.audit.services import audit_record
from politiebijstand.documenten.constants import PDF_CONTENT_TYPE, Gebeurtenis
from politiebijstand.documenten.models import Document
from politiebijstand.documenten.services import document_pad

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker


class DocumentBeschadigd(Exception):
    """The file of a stored document is missing or its bytes do not match the stored sha256."""


def bestandsnaam(document: Document) -> str:
    """The download's file name: ``<soort>-<sleutel>-v<versie>.pdf`` (`Document.bestandsnaam`)."""
    return document.bestandsnaam


def document_response(document: Document, door: Gebruiker) -> FileResponse:
    """The document as a PDF attachment, with the view written to the audit trail.

    Call it ONLY after checking that `door` may see the document's request (need-to-know).
    The bytes are checked against the stored sha256 before they are served.

    Returns:
        A `FileResponse`: ``application/pdf``, ``Content-Disposition: attachment``,
        ``X-Content-Type-Options: nosniff``.

    Raises:
        DocumentBeschadigd: the file is missing or changed (nothing is served, nothing logged).
    """
    try:
        inhoud = document_pad(document).read_bytes()
    except (OSError, ValueError) as exc:
        raise DocumentBeschadigd(f"documenten: bestand van {document.uuid} ontbreekt") from exc
    if hashlib.sha256(inhoud).hexdigest() != document.sha256:
        raise DocumentBeschadigd(f"documenten: bestand van {document.uuid} is gewijzigd")
    with transaction.atomic():
        audit_record(
            gebeurtenis=Gebeurtenis.DOCUMENT_GEDOWNLOAD,
            actor=door,
            obj=document,
            na={
                "verzoek": str(document.verzoek_id),
                "titel": document.titel,
                "versie": document.versie,
                "sha256": document.sha256,
            },
        )
    response = FileResponse(
        io.BytesIO(inhoud),
        as_attachment=True,
        filename=bestandsnaam(document),
        content_type=PDF_CONTENT_TYPE,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
