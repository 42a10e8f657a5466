"""crisis-stream's service: the faust app, its agents, tables, web views and commands.

Importing this package loads nothing heavy; ``streams.app`` builds the faust app.
"""

__all__: list[str] = []
