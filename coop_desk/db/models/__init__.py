"""All ORM models; importing this package registers every table on Base.metadata."""

from coop_desk.db.models.audit import AuditEvent
from coop_desk.db.models.cases import (
    CallDraft,
    CaseEvent,
    Category,
    HelpCase,
    IntakeCall,
    Referral,
    SelfRelianceScore,
)
from coop_desk.db.models.cooperative import Cooperative
from coop_desk.db.models.letters import LetterTemplate, SentLetter
from coop_desk.db.models.people import (
    ContactPerson,
    Household,
    Membership,
    Person,
    PersonRole,
    Phone,
)
from coop_desk.db.models.providers import (
    Contract,
    ContractAttachment,
    ContractHistory,
    ContractRate,
    Provider,
    ProviderContact,
    ProviderServiceKind,
)

__all__ = [
    "AuditEvent",
    "CallDraft",
    "CaseEvent",
    "Category",
    "HelpCase",
    "IntakeCall",
    "Referral",
    "SelfRelianceScore",
    "ContactPerson",
    "Cooperative",
    "Household",
    "LetterTemplate",
    "Membership",
    "Person",
    "PersonRole",
    "Phone",
    "SentLetter",
    "Contract",
    "ContractAttachment",
    "ContractHistory",
    "ContractRate",
    "Provider",
    "ProviderContact",
    "ProviderServiceKind",
]
