"""The indexes of the `customers` collection, as the storage layer creates them.

Each entry is `(name, [(field, 1), ...])`. `docs/indexes.md` gives each
index's reason, the operators and default segments it serves, and the
compiled shapes that no index serves. Every index starts with
`workspaceId`, because every filter the service sends does.
"""

from __future__ import annotations

IndexKeys = list[tuple[str, int]]

CUSTOMER_INDEXES: list[tuple[str, IndexKeys]] = [
    ("workspace_id", [("workspaceId", 1), ("_id", 1)]),
    ("workspace_email", [("workspaceId", 1), ("email", 1)]),
    ("workspace_phone", [("workspaceId", 1), ("phone", 1)]),
    ("workspace_created_at", [("workspaceId", 1), ("createdAt", 1)]),
    ("workspace_norm_tags", [("workspaceId", 1), ("norm.tags", 1)]),
    ("workspace_month_day_birthday", [("workspaceId", 1), ("monthDay.birthday", 1)]),
    ("workspace_lunar_month_day_birthday", [("workspaceId", 1), ("lunarMonthDay.birthday", 1)]),
    ("workspace_norm_full_name", [("workspaceId", 1), ("norm.fullName", 1)]),
    ("workspace_norm_email", [("workspaceId", 1), ("norm.email", 1)]),
    ("workspace_norm_phone_digits", [("workspaceId", 1), ("norm.phoneDigits", 1)]),
    ("workspace_last_order_at", [("workspaceId", 1), ("lastOrderAt", 1)]),
    ("workspace_zalo_interacted_at", [("workspaceId", 1), ("zaloInteractedAt", 1)]),
    ("workspace_facebook_interacted_at", [("workspaceId", 1), ("facebookInteractedAt", 1)]),
    ("workspace_email_complained_at", [("workspaceId", 1), ("emailComplainedAt", 1)]),
]
