"""Dialogs the main window opens: version conflicts and the safety guards. Each is
self-contained: it takes engine read models and a ``submit(command)`` callable, and has a public
slot for the engine's newer values."""
