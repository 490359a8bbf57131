"""Commands of the front-ends (website, bot, staff tools), registered on the `signpost` group.

Each front-end keeps its command in its own module and imports Flask or telegram only when run.
"""

from . import (
    cmd_bot,  # noqa: F401  (signpost bot and signpost chat: the Telegram bot and a terminal chat)
    cmd_oruk,  # noqa: F401  (signpost export and signpost import oruk: Open Referral UK out and in)
    cmd_serve,  # noqa: F401  (signpost serve: the website)
    cmd_staff,  # noqa: F401  (signpost staff/stale/report/prune: staff accounts and reports)
)
