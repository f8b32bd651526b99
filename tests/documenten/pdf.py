"""Reading PDFs in the tests: text, PDF/A identification and fonts (pypdf)."""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader


def lezer(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def tekst(pdf: bytes) -> str:
    """All text, with typst's hyphenation undone and white space made single spaces."""
    ruw = "\n".join(p.extract_text() for p in lezer(pdf).pages)
    ruw = re.sub(r"[\u00ad-]\n", "", ruw)  # a word broken at the end of a line
    return re.sub(r"\s+", " ", ruw)


def xmp(pdf: bytes) -> str:
    root: Any = lezer(pdf).trailer["/Root"]
    metadata = root["/Metadata"].get_object()
    return str(metadata.get_data().decode("utf-8"))


def _fonts(resources: Any, gezien: set[int]) -> list[Any]:
    gevonden: list[Any] = []
    if resources is None:
        return gevonden
    resources = resources.get_object()
    gevonden.extend(font.get_object() for font in (resources.get("/Font") or {}).values())
    for xobject in (resources.get("/XObject") or {}).values():
        obj = xobject.get_object()
        if id(obj) not in gezien and "/Resources" in obj:
            gezien.add(id(obj))
            gevonden.extend(_fonts(obj["/Resources"], gezien))
    return gevonden


def fonts(pdf: bytes) -> list[Any]:
    """Every font dictionary used on the pages (and in their form XObjects)."""
    gevonden: list[Any] = []
    for pagina in lezer(pdf).pages:
        gevonden.extend(_fonts(pagina.get("/Resources"), set()))
    return gevonden


def is_ingebed(font: Any) -> bool:
    """Whether the font program is in the PDF (FontFile, FontFile2 or FontFile3)."""
    descendants = font.get("/DescendantFonts")
    doel = descendants[0].get_object() if descendants else font
    descriptor = doel.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
