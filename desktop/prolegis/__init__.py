"""The Prolegis side: the workspace folder, its ``prolegis.json`` manifest and record events."""
