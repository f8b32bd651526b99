"""Need-to-know access: who may see a request, complete a task, decide, manage accounts.

Predicates (`regels`) use the `rules` library over small protocols (`protocollen`), so that the
request model of issue #4 plugs in by implementing them; `toegang` helpers answer 404 for an
object outside a user's scope, so its existence does not leak (issue #3, item 4).
"""
