"""The records half of the engine: clients ⇄ contacts, matters, time entries and expenses."""
