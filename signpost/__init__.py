"""The `signpost` command line: one thin front-end over the core in `search_index`."""
