"""The demo: a seeded firm in a private home, against the embedded Clio sandbox."""
