"""politiebijstand: request, route, decide and follow bijstand to the Dutch police."""

__version__ = "0.1.0"
