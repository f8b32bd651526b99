"""Small rules for Dutch text on the pages, shared by templates and views."""

from __future__ import annotations


def foutregel(label: str, melding: str) -> str:
    """A form error as a sentence: the field's label, then the message.

    A label that is a question already ends the sentence: ``"Is het spoedeisend?"`` and
    ``"Geef aan of het spoedeisend is."`` give ``"Is het spoedeisend? Geef aan of het
    spoedeisend is."``; other labels get a colon: ``"Titel: Dit veld is vereist."``.
    """
    return f"{label}{scheiding(label)}{melding}"


def scheiding(label: str) -> str:
    """What comes between a field's label and its error: ``" "`` after a question, else ``": "``."""
    return " " if label.rstrip().endswith(("?", ".", "!")) else ": "
