"""The JSON API of the bijstandsverzoek (issue #3), mounted by `politiebijstand.api.urls`."""
