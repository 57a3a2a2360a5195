"""The Clio sandbox: a faithful Clio Manage v4 server on loopback for demo, tests, benches."""
