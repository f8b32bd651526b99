"""Web pages of the bijstandsverzoek: list, creation, request page and task forms (issue #4)."""
