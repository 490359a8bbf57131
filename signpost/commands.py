"""Commands of the front-ends (website, bot, staff tools), registered on the `signpost` group.

Each front-end keeps its command in its own module and imports Flask or telegram only when run.
"""
