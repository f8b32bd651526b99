"""Storing documents: rendered PDFs and PDFs from outside (issue #10 items 3 and 4, ADR 0032).

Files live under `settings.DOCUMENTEN_DIR` (PB_DOCUMENTEN_DIR, default PB_DATA_DIR/documenten),
outside the static and media web roots: they are served only by `views.document_response`,
after the caller checked need-to-know. A file is written atomically (temporary file, fsync,
rename, fsync of the folder) before its row; the row and its audit event go into the caller's
transaction. If that transaction rolls back, the file stays behind without a row: harmless,
as nothing refers to it (ADR 0032).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Model
from django.utils import timezone

from politiebijstand.audit.services import audit_record
from politiebijstand.documenten.constants import Gebeurtenis, Soort
from politiebijstand.documenten.models import Document

if TYPE_CHECKING:
    from datetime import datetime

    from politiebijstand.accounts.models import Gebruiker

#: How far from the end of a PDF its last ``%%EOF`` marker may be (bytes; trailing whitespace
#: or a few bytes of garbage after it are common in PDFs that passed through mail programs).
_EOF_VENSTER = 1024


def documenten_dir() -> Path:
    """The folder of the stored documents (settings.DOCUMENTEN_DIR)."""
    return Path(settings.DOCUMENTEN_DIR)


def document_pad(document: Document) -> Path:
    """The file of a stored document.

    Raises:
        ValueError: the stored path leaves the documents folder (a tampered row).
    """
    basis = documenten_dir().resolve()
    pad = (basis / document.bestand).resolve()
    if not pad.is_relative_to(basis):
        raise ValueError(f"documenten: pad buiten de documentenmap: {document.bestand!r}")
    return pad


def _schrijf_atomair(pad: Path, inhoud: bytes) -> None:
    """Write `inhoud` to `pad` so that a reader sees the whole file or none (POSIX rename)."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    map_fd = os.open(pad.parent, os.O_RDONLY)
    try:
        os.fsync(map_fd)
    finally:
        os.close(map_fd)


def _volgende_versie(*, verzoek: Model, soort: str, sleutel: str) -> int:
    hoogste = Document.objects.filter(
        verzoek_id=verzoek.pk, soort=soort, sleutel=sleutel
    ).aggregate(m=Max("versie"))["m"]
    return (hoogste or 0) + 1


@transaction.atomic
def document_opslaan(
    *,
    verzoek: Model,
    soort: Soort | str,
    inhoud: bytes,
    titel: str,
    door: Gebruiker,
    sleutel: str = "",
    sjabloon_versie: str = "",
    extern: bool = False,
    afzender: str = "",
    ondertekend_door: Gebruiker | None = None,
    ondertekend_namens: str = "",
    ondertekend_op: datetime | None = None,
) -> Document:
    """Store a document as the next version of (verzoek, soort, sleutel), with its audit event.

    Args:
        verzoek: the `verzoeken.Bijstandsverzoek` the document belongs to.
        soort: a `Soort` value.
        inhoud: the PDF bytes.
        titel: the title shown in the list of documents.
        door: who made (or recorded) the document.
        sleutel: tells documents of the same kind apart, e.g. the municipality's code for a
            request form (one per municipality); versions count per (verzoek, soort, sleutel).
        sjabloon_versie: sha256 (hex) of the template (`renderen.sjabloon_versie`); empty for
            a document from outside.
        extern: received from a party without an account.
        afzender: who sent a document from outside.
        ondertekend_door: who signed a signed document (the form's signatory).
        ondertekend_namens: in which capacity, e.g. "namens de burgemeester van Amersfoort".
        ondertekend_op: when it was signed (aware, stored UTC).

    Returns:
        The stored `Document` (version 1, 2, ...).

    Raises:
        ValueError: an unknown `soort`, or empty `inhoud`.
        django.db.IntegrityError: another transaction stored the same version at the same time
            (the unique constraint on (verzoek, soort, sleutel, versie)); retry.
    """
    if soort not in Soort.values:
        raise ValueError(f"documenten: onbekende soort {soort!r}")
    if not inhoud:
        raise ValueError("documenten: leeg document")
    document_uuid = uuid.uuid4()
    bestand = f"{verzoek.pk}/{document_uuid}.pdf"
    document = Document(
        uuid=document_uuid,
        verzoek_id=verzoek.pk,
        soort=str(soort),
        sleutel=sleutel,
        titel=titel,
        versie=_volgende_versie(verzoek=verzoek, soort=str(soort), sleutel=sleutel),
        sjabloon_versie=sjabloon_versie,
        sha256=hashlib.sha256(inhoud).hexdigest(),
        grootte=len(inhoud),
        bestand=bestand,
        aangemaakt_door=door,
        aangemaakt_op=timezone.now(),
        extern=extern,
        afzender=afzender,
        ondertekend_door=ondertekend_door,
        ondertekend_namens=ondertekend_namens,
        ondertekend_op=ondertekend_op,
    )
    _schrijf_atomair(document_pad(document), inhoud)
    document.save()
    audit_record(
        gebeurtenis=Gebeurtenis.DOCUMENT_AANGEMAAKT,
        actor=door,
        obj=document,
        na={
            "verzoek": str(verzoek.pk),
            "soort": document.soort,
            "sleutel": sleutel,
            "versie": document.versie,
            "titel": titel,
            "sha256": document.sha256,
            "grootte": document.grootte,
            "sjabloon_versie": sjabloon_versie,
            "extern": extern,
            "afzender": afzender,
        },
    )
    return document


def _pdf_inhoud_lezen(bestand: UploadedFile[bytes], maximum: int) -> bytes:
    """The bytes of an uploaded PDF, checked by size and content; errors name `bestand`."""
    if bestand.size is not None and bestand.size > maximum:
        raise ValidationError({"bestand": _te_groot(maximum)})
    delen: list[bytes] = []
    gelezen = 0
    for deel in bestand.chunks():
        gelezen += len(deel)
        if gelezen > maximum:
            raise ValidationError({"bestand": _te_groot(maximum)})
        delen.append(deel)
    inhoud = b"".join(delen)
    if not inhoud:
        raise ValidationError(
            {"bestand": ValidationError("Het bestand is leeg.", code="bestand-leeg")}
        )
    if not inhoud.startswith(b"%PDF-") or b"%%EOF" not in inhoud[-_EOF_VENSTER:]:
        raise ValidationError(
            {
                "bestand": ValidationError(
                    "Het bestand is geen PDF. Alleen PDF-bestanden kunnen worden opgeslagen.",
                    code="bestand-geen-pdf",
                )
            }
        )
    return inhoud


def _te_groot(maximum: int) -> ValidationError:
    mib = maximum / (1024 * 1024)
    return ValidationError(
        f"Het bestand is te groot: ten hoogste {mib:g} MiB.", code="bestand-te-groot"
    )


def extern_document_opslaan(
    *,
    verzoek: Model,
    bestand: UploadedFile[bytes],
    afzender: str,
    door: Gebruiker,
    titel: str = "",
) -> Document:
    """Store a PDF received from a party without an account (issue #10 item 4).

    The coordinator records an answer by letter or e-mail (Defence's DJZ, DOC, a foreign police
    service) on its behalf, with the received PDF. Checked by content, not by name or the
    browser's Content-Type: it must start with ``%PDF-`` and end with ``%%EOF``, and be at
    most PB_DOCUMENT_MAX_BYTES bytes.

    Args:
        verzoek: the `verzoeken.Bijstandsverzoek` the answer belongs to.
        bestand: the uploaded file.
        afzender: the party that sent it, e.g. "Directie Juridische Zaken (Defensie)".
        door: who recorded it.
        titel: shown in the list of documents (default "Document van <afzender>").

    Returns:
        The stored `Document` (extern, soort "extern", versions per afzender).

    Raises:
        ValidationError: keyed by field: ``bestand`` (codes ``bestand-leeg``,
            ``bestand-te-groot``, ``bestand-geen-pdf``) or ``afzender`` (``afzender-ontbreekt``);
            nothing is stored.
    """
    afzender = afzender.strip()
    if not afzender:
        raise ValidationError(
            {
                "afzender": ValidationError(
                    "Vul in van wie het document komt.", code="afzender-ontbreekt"
                )
            }
        )
    inhoud = _pdf_inhoud_lezen(bestand, int(settings.DOCUMENT_MAX_BYTES))
    return document_opslaan(
        verzoek=verzoek,
        soort=Soort.EXTERN,
        inhoud=inhoud,
        titel=(titel.strip() or f"Document van {afzender}")[:200],
        door=door,
        sleutel=afzender[:100],
        extern=True,
        afzender=afzender[:200],
    )
