"""What readers see: pages, search, version compare, exports and the JSON API. Every list is one
`listing.Listing` shared by its page, its exports and its API list."""
