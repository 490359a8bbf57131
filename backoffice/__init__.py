"""Signpost's back office: records for staff, kept out of the search core and free of any web framework.

- `staff_accounts`, `staff_store`: staff accounts (hashed passwords) and the staff database file;
- `corrections`: the queue of corrections residents suggest;
- `analytics`, `need_words`, `search_log`: what residents needed (need words, never the message),
  recorded from the core's `on_search` callback;
- `editing`: saving an entry from the staff editor and committing it to Git;
- `freshness`: entries not checked for a while;
- `transcripts`: the web chat's conversations, kept for 30 minutes idle (the site stores them, and
  `signpost prune` sweeps them without loading the website).

It builds on `search_index` (entries, the vocabulary); the core never imports it.
"""
