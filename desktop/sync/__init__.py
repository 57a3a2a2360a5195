"""The sync engine (no Qt): state store, reconcile rules, document mirror, records, matching."""
