"""The wizards: connecting to Clio (``connection``) and linking clients to contacts
(``matching``)."""
