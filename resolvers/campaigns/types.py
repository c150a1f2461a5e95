"""GraphQL types of campaigns: channels, statuses, the rule snapshot, recipients, payloads."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers.common import PageInfo, UserError
from resolvers.segments.types import ConditionGroup

if TYPE_CHECKING:
    from resolvers.campaigns.campaign import Campaign


@strawberry.enum(
    description="Where a campaign is sent; decides who is reachable and the contact value."
)
class Channel(Enum):
    EMAIL = strawberry.enum_value(
        "EMAIL", description="Customers with an email who never complained; contact is the email."
    )
    SMS = strawberry.enum_value(
        "SMS", description="Customers with a valid phone number; contact is the E.164 number."
    )
    ZALO = strawberry.enum_value(
        "ZALO", description="Customers who interacted on Zalo; contact is the customer id."
    )
    FACEBOOK = strawberry.enum_value(
        "FACEBOOK",
        description="Customers who interacted on the Facebook page; contact is the customer id.",
    )


@strawberry.enum(description="Where a campaign is in its single run.")
class CampaignStatus(Enum):
    DRAFT = strawberry.enum_value("DRAFT", description="Created, not run yet.")
    RUNNING = strawberry.enum_value("RUNNING", description="Its audience is being written now.")
    COMPLETED = strawberry.enum_value(
        "COMPLETED", description="Its audience is stored and never changes again."
    )
    FAILED = strawberry.enum_value(
        "FAILED",
        description="The run failed and its recipients were discarded; it may be run again.",
    )


@strawberry.input
class CreateCampaignInput:
    name: str = strawberry.field(description="1 to 100 characters after trimming.")
    segment_id: strawberry.ID
    channel: Channel


@strawberry.type(description="The rule of a segment that an IN_SEGMENT condition inlined.")
class ReferencedRule:
    segment_id: strawberry.ID
    condition_groups: list[ConditionGroup]


@strawberry.type(
    description="The segment as it was when the campaign ran; never changes afterwards."
)
class RuleSnapshot:
    segment_name: str
    segment_version: int
    condition_groups: list[ConditionGroup]
    referenced_rules: list[ReferencedRule] = strawberry.field(
        description="Rules of the segments that IN_SEGMENT and NOT_IN_SEGMENT conditions named."
    )
    resolved_at: dt.datetime = strawberry.field(
        description="The time used as now for relative conditions such as IN_LAST."
    )


@strawberry.type(description="Why a run failed.")
class CampaignRunError:
    code: str = strawberry.field(description="Stable upper-case code, e.g. RUN_FAILED.")
    message: str = strawberry.field(description="Message in the language of Accept-Language.")
    request_id: str = strawberry.field(
        description="Request id under which the server logged the cause."
    )


@strawberry.type(description="One customer of a campaign's stored audience.")
class CampaignRecipient:
    seq: int = strawberry.field(description="Position in the audience, from 1; pages follow it.")
    customer_id: strawberry.ID = strawberry.field(
        description="Id of the customer; the customer may have been changed or deleted since."
    )
    contact: str = strawberry.field(
        description="Contact value when the campaign ran: the email for EMAIL, the E.164 phone "
        "for SMS, and the customer id for ZALO and FACEBOOK, because the service stores no "
        "Zalo or Facebook user ids."
    )


@strawberry.type
class CampaignRecipientEdge:
    cursor: str
    node: CampaignRecipient


@strawberry.type
class CampaignRecipientConnection:
    edges: list[CampaignRecipientEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class CampaignEdge:
    cursor: str
    node: Annotated[Campaign, strawberry.lazy("resolvers.campaigns.campaign")]


@strawberry.type
class CampaignConnection:
    edges: list[CampaignEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class CampaignPayload:
    campaign: Annotated[Campaign, strawberry.lazy("resolvers.campaigns.campaign")] | None
    user_errors: list[UserError]
