"""Kinds of documents and the audit events of the document store (issue #10, ADR 0032)."""

from __future__ import annotations

from django.db import models


class Soort(models.TextChoices):
    """What a stored document is: one template each, or a PDF received from outside."""

    AANVRAAGFORMULIER = "aanvraagformulier", "Aanvraagformulier"
    VERZOEK_DEFENSIE = "verzoek_defensie", "Verzoek aan Defensie (DJZ en DOPS-KMar)"
    BESLUIT = "besluit", "Besluit"
    AFWIJZING_KORPSCHEF = "afwijzing_korpschef", "Afwijzing door de korpschef"
    BEROEP = "beroep", "Beroep bij de minister"
    AANWIJZING_MINISTER = "aanwijzing_minister", "Aanwijzing van de minister"
    EVALUATIE = "evaluatie", "Evaluatie na de inzet"
    EXTERN = "extern", "Document van buiten"


class Gebeurtenis(models.TextChoices):
    """Audit event codes of this app (kebab-case, stable)."""

    DOCUMENT_AANGEMAAKT = "document-aangemaakt", "Document aangemaakt"
    DOCUMENT_GEDOWNLOAD = "document-gedownload", "Document bekeken/gedownload"


#: Content-Type of every stored document: rendered and received documents are PDF only.
PDF_CONTENT_TYPE = "application/pdf"
