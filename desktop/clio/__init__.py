"""Clio Manage API v4 client: OAuth, requests, paging, rate budget, upload and download."""
