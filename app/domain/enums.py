# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The closed vocabularies of a case file, with values exactly as in interchange JSON (v1, and the
v2 additions).

The string values are a stored and exchanged contract (DESIGN.md section 9): never rename one,
only add. Labels are plain English for `tr()` in the UI layer; this module must never import Qt.
"""

from enum import StrEnum


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class Category(StrEnum):
    HUMAN_RIGHTS_LAWYER = "human_rights_lawyer"
    BOOKSELLER_PUBLISHER = "bookseller_publisher"
    ACTIVIST = "activist"
    LABOUR_ACTIVIST = "labour_activist"
    FEMINIST_ADVOCATE = "feminist_advocate"
    JOURNALIST = "journalist"
    SCHOLAR = "scholar"
    RELIGIOUS_PRACTITIONER = "religious_practitioner"
    FAMILY_MEMBER = "family_member"
    OTHER = "other"


class Status(StrEnum):
    UNKNOWN = "unknown"
    MISSING = "missing"
    DETAINED_INCOMMUNICADO = "detained_incommunicado"
    RSDL = "rsdl"
    CRIMINAL_DETENTION = "criminal_detention"
    FORMALLY_ARRESTED = "formally_arrested"
    INDICTED = "indicted"
    ON_TRIAL = "on_trial"
    SENTENCED = "sentenced"
    RELEASED_ON_BAIL = "released_on_bail"
    RELEASED_UNDER_SURVEILLANCE = "released_under_surveillance"
    EXIT_BANNED = "exit_banned"
    RELEASED = "released"
    DECEASED = "deceased"


# Deprived of liberty or whereabouts unknown: the statuses for which days in detention,
# legal time limits and anniversaries are counted.
DETAINED_STATUSES: frozenset[Status] = frozenset({
    Status.MISSING,
    Status.DETAINED_INCOMMUNICADO,
    Status.RSDL,
    Status.CRIMINAL_DETENTION,
    Status.FORMALLY_ARRESTED,
    Status.INDICTED,
    Status.ON_TRIAL,
    Status.SENTENCED,
})


class Access(StrEnum):
    UNKNOWN = "unknown"
    DENIED = "denied"
    GRANTED = "granted"
    PARTIAL = "partial"
    NOT_APPLICABLE = "not_applicable"


class Consent(StrEnum):
    PUBLIC = "public"
    PRIVATE_ONLY = "private_only"
    DO_NOT_RAISE = "do_not_raise"
    UNKNOWN = "unknown"


class Sensitivity(StrEnum):
    NORMAL = "normal"
    HIGH = "high"


class EventKind(StrEnum):
    ABDUCTED = "abducted"
    LAST_SEEN = "last_seen"
    DETAINED = "detained"
    RSDL_BEGAN = "rsdl_began"
    ARRESTED = "arrested"
    CHARGED = "charged"
    INDICTED = "indicted"
    TRIAL = "trial"
    VERDICT = "verdict"
    SENTENCED = "sentenced"
    TRANSFERRED = "transferred"
    CONFESSION_BROADCAST = "confession_broadcast"
    LAWYER_DENIED = "lawyer_denied"
    FAMILY_HARASSED = "family_harassed"
    RELEASED = "released"
    HEALTH_INCIDENT = "health_incident"
    OTHER = "other"


class SourceKind(StrEnum):
    NEWS = "news"
    NGO_REPORT = "ngo_report"
    COURT_DOCUMENT = "court_document"
    OFFICIAL_STATEMENT = "official_statement"
    INTERVIEW = "interview"
    FAMILY = "family"
    LAWYER = "lawyer"
    OTHER = "other"


class Reliability(StrEnum):
    CONFIRMED = "confirmed"
    PROBABLE = "probable"
    POSSIBLE = "possible"
    DOUBTFUL = "doubtful"
    UNKNOWN = "unknown"


class OrganisationKind(StrEnum):
    GOVERNMENT = "government"
    INTERGOVERNMENTAL = "intergovernmental"
    PARLIAMENT = "parliament"
    NGO = "ngo"
    DETAINING_AUTHORITY = "detaining_authority"
    OTHER = "other"


class Channel(StrEnum):
    BILATERAL_MEETING = "bilateral_meeting"
    DEMARCHE = "demarche"
    LETTER = "letter"
    PUBLIC_STATEMENT = "public_statement"
    JOINT_STATEMENT = "joint_statement"
    UN_HRC = "un_hrc"
    PRESS_CONFERENCE = "press_conference"
    SUMMIT_SIDELINE = "summit_sideline"
    PARLIAMENTARY_QUESTION = "parliamentary_question"
    OTHER = "other"


class Request(StrEnum):
    RELEASE = "release"
    WHEREABOUTS = "whereabouts"
    PROOF_OF_LIFE = "proof_of_life"
    LAWYER_ACCESS = "lawyer_access"
    FAMILY_ACCESS = "family_access"
    CONSULAR_ACCESS = "consular_access"
    MEDICAL_CARE = "medical_care"
    FAIR_TRIAL = "fair_trial"
    END_EXIT_BAN = "end_exit_ban"
    STOP_FAMILY_HARASSMENT = "stop_family_harassment"
    OTHER = "other"


class Response(StrEnum):
    NONE = "none"
    DENIED = "denied"
    INTERNAL_AFFAIR = "internal_affair"
    ACKNOWLEDGED = "acknowledged"
    INFORMATION_PROVIDED = "information_provided"
    PROMISE = "promise"
    RELEASED = "released"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class Level(StrEnum):
    """How senior an official is; an ask's level defaults to its raising official's."""

    HEAD_OF_STATE_OR_GOVERNMENT = "head_of_state_or_government"
    MINISTER = "minister"
    DEPUTY_MINISTER = "deputy_minister"
    AMBASSADOR = "ambassador"
    SENIOR_OFFICIAL = "senior_official"
    OFFICIAL = "official"
    PARLIAMENTARIAN = "parliamentarian"
    UN_MECHANISM = "un_mechanism"
    OTHER = "other"


# The levels the scorecard calls "high-level" and "senior" (DESIGN.md section 3).
HIGH_LEVELS: frozenset[Level] = frozenset({Level.HEAD_OF_STATE_OR_GOVERNMENT, Level.MINISTER})
SENIOR_LEVELS: frozenset[Level] = HIGH_LEVELS | {Level.DEPUTY_MINISTER, Level.AMBASSADOR,
                                                 Level.SENIOR_OFFICIAL}


class Role(StrEnum):
    """What an official of the detaining state did in a case (an involvement)."""

    ORDERED_DETENTION = "ordered_detention"
    ARRESTED = "arrested"
    INTERROGATED = "interrogated"
    ILL_TREATMENT = "ill_treatment"
    PROSECUTED = "prosecuted"
    JUDGED = "judged"
    PRISON_AUTHORITY = "prison_authority"
    DENIED_ACCESS = "denied_access"
    SURVEILLANCE_HARASSMENT = "surveillance_harassment"
    FORCED_CONFESSION = "forced_confession"
    OTHER = "other"


class Regime(StrEnum):
    """Sanctions regimes for serious human-rights violations."""

    US_GLOMAG = "us-glomag"
    UK_GHR = "uk-ghr"
    EU_GHRSR = "eu-ghrsr"
    CA_SEMA = "ca-sema"
    AU_MAGNITSKY = "au-magnitsky"


class EncounterKind(StrEnum):
    STATE_VISIT = "state_visit"
    SUMMIT = "summit"
    MINISTERIAL_MEETING = "ministerial_meeting"
    HUMAN_RIGHTS_DIALOGUE = "human_rights_dialogue"
    AMBASSADOR_SUMMONED = "ambassador_summoned"
    CIVIL_SOCIETY_MEETING = "civil_society_meeting"
    UN_SESSION = "un_session"
    UPR_REVIEW = "upr_review"
    OTHER = "other"


# Keyed by (enum class, value) because the same value string ("other", "released",
# "unknown") means different things in different vocabularies.
_LABELS: dict[type[StrEnum], dict[str, str]] = {
    Gender: {"female": "Female", "male": "Male", "other": "Other", "unknown": "Unknown"},
    Category: {
        "human_rights_lawyer": "Human-rights lawyer",
        "bookseller_publisher": "Bookseller or publisher",
        "activist": "Activist",
        "labour_activist": "Labour activist",
        "feminist_advocate": "Feminist advocate",
        "journalist": "Journalist",
        "scholar": "Scholar",
        "religious_practitioner": "Religious practitioner",
        "family_member": "Family member",
        "other": "Other",
    },
    Status: {
        "unknown": "Unknown",
        "missing": "Missing or forcibly disappeared",
        "detained_incommunicado": "Detained incommunicado",
        "rsdl": "Residential surveillance at a designated location (RSDL)",
        "criminal_detention": "Criminal detention",
        "formally_arrested": "Formally arrested",
        "indicted": "Indicted",
        "on_trial": "On trial",
        "sentenced": "Sentenced or imprisoned",
        "released_on_bail": "Released on bail",
        "released_under_surveillance": "Released under surveillance",
        "exit_banned": "Exit-banned",
        "released": "Released",
        "deceased": "Deceased",
    },
    Access: {
        "unknown": "Unknown",
        "denied": "Denied",
        "granted": "Granted",
        "partial": "Partial",
        "not_applicable": "Not applicable",
    },
    Consent: {
        "public": "Public advocacy",
        "private_only": "Private advocacy only",
        "do_not_raise": "Do not raise",
        "unknown": "Unknown",
    },
    Sensitivity: {"normal": "Normal", "high": "High"},
    EventKind: {
        "abducted": "Abducted",
        "last_seen": "Last seen",
        "detained": "Detained",
        "rsdl_began": "RSDL began",
        "arrested": "Formally arrested",
        "charged": "Charged",
        "indicted": "Indicted",
        "trial": "Trial",
        "verdict": "Verdict",
        "sentenced": "Sentenced",
        "transferred": "Transferred",
        "confession_broadcast": "Televised confession broadcast",
        "lawyer_denied": "Lawyer denied",
        "family_harassed": "Family harassed",
        "released": "Released",
        "health_incident": "Health incident",
        "other": "Other",
    },
    SourceKind: {
        "news": "News",
        "ngo_report": "NGO report",
        "court_document": "Court document",
        "official_statement": "Official statement",
        "interview": "Interview",
        "family": "Family",
        "lawyer": "Lawyer",
        "other": "Other",
    },
    Reliability: {
        "confirmed": "Confirmed",
        "probable": "Probable",
        "possible": "Possible",
        "doubtful": "Doubtful",
        "unknown": "Unknown",
    },
    OrganisationKind: {
        "government": "Government",
        "intergovernmental": "Intergovernmental body",
        "parliament": "Parliament",
        "ngo": "NGO",
        "detaining_authority": "Detaining authority",
        "other": "Other",
    },
    Channel: {
        "bilateral_meeting": "Bilateral meeting",
        "demarche": "Démarche or note verbale",
        "letter": "Letter",
        "public_statement": "Public statement",
        "joint_statement": "Joint statement",
        "un_hrc": "UN Human Rights Council",
        "press_conference": "Press conference",
        "summit_sideline": "Summit sideline",
        "parliamentary_question": "Parliamentary question",
        "other": "Other",
    },
    Request: {
        "release": "Release",
        "whereabouts": "Whereabouts",
        "proof_of_life": "Proof of life",
        "lawyer_access": "Lawyer access",
        "family_access": "Family access",
        "consular_access": "Consular access",
        "medical_care": "Medical care",
        "fair_trial": "Fair trial",
        "end_exit_ban": "End the exit ban",
        "stop_family_harassment": "Stop harassment of family",
        "other": "Other",
    },
    Response: {
        "none": "No response",
        "denied": "Denied",
        "internal_affair": "\u201cInternal affair\u201d",
        "acknowledged": "Acknowledged",
        "information_provided": "Information provided",
        "promise": "Promise",
        "released": "Released",
    },
    MeetingStatus: {"planned": "Planned", "held": "Held", "cancelled": "Cancelled"},
    Level: {
        "head_of_state_or_government": "Head of state or government",
        "minister": "Minister",
        "deputy_minister": "Deputy minister",
        "ambassador": "Ambassador",
        "senior_official": "Senior official",
        "official": "Official",
        "parliamentarian": "Parliamentarian",
        "un_mechanism": "UN mechanism",
        "other": "Other",
    },
    Role: {
        "ordered_detention": "Ordered the detention",
        "arrested": "Arrested",
        "interrogated": "Interrogated",
        "ill_treatment": "Ill-treatment",
        "prosecuted": "Prosecuted",
        "judged": "Judged",
        "prison_authority": "Prison authority",
        "denied_access": "Denied access",
        "surveillance_harassment": "Surveillance or harassment",
        "forced_confession": "Forced confession",
        "other": "Other",
    },
    Regime: {
        "us-glomag": "United States: Global Magnitsky",
        "uk-ghr": "United Kingdom: Global Human Rights sanctions",
        "eu-ghrsr": "European Union: Global Human Rights Sanctions Regime",
        "ca-sema": "Canada: Sergei Magnitsky Law",
        "au-magnitsky": "Australia: Magnitsky-style thematic sanctions",
    },
    EncounterKind: {
        "state_visit": "State visit",
        "summit": "Summit",
        "ministerial_meeting": "Ministerial meeting",
        "human_rights_dialogue": "Human-rights dialogue",
        "ambassador_summoned": "Ambassador summoned",
        "civil_society_meeting": "Meeting with civil society",
        "un_session": "UN session",
        "upr_review": "Universal Periodic Review",
        "other": "Other",
    },
}


def label(value: StrEnum) -> str:
    """The English label of an enum value, for display (the UI wraps it in `tr()`)."""
    return _LABELS[type(value)][value.value]
