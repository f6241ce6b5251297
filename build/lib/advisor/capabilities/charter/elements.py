"""The thirteen elements of a coalition charter: ids (a stable contract), names, what each covers,
and the advice given when an element is weak or missing.

Advice is written to be acted on by someone holding the draft: what to add, with an example of
the level of detail that makes the element usable (a who, a how, a when).
"""

from __future__ import annotations

from dataclasses import dataclass

ELEMENTS: tuple[str, ...] = (
    "purpose",
    "principles",
    "membership",
    "governance",
    "decision_making",
    "roles",
    "resources",
    "communication",
    "conflict_resolution",
    "measurement",
    "equity",
    "renewal",
    "transition",
)


@dataclass(frozen=True)
class ElementInfo:
    """How an element is shown and what to do about it when it is weak or missing."""

    name: str
    description: str
    advice_weak: str
    advice_missing: str


ELEMENT_INFO: dict[str, ElementInfo] = {
    "purpose": ElementInfo(
        "Purpose",
        "A shared result the coalition exists to achieve: what changes, for whom, by when.",
        "Sharpen the purpose into one sentence with a measurable result, a defined group or place, "
        "and a deadline, e.g. 'cut evictions of Eastside renters by half by 2028'.",
        "Add a purpose statement near the top: the observable change the coalition exists to "
        "produce, for whom or where, and by when.",
    ),
    "principles": ElementInfo(
        "Principles",
        "Agreed norms for how members treat each other and the work.",
        "Turn value words into behaviours members can hold each other to, e.g. 'give partners 48 "
        "hours' notice before announcing anything that affects them' or 'raise concerns in the "
        "room before raising them in public'.",
        "Add three to six working principles stated as behaviours (how members share credit, "
        "information and bad news), not just values like 'respect' or 'trust'.",
    ),
    "membership": ElementInfo(
        "Membership",
        "Who can join, how they join, what members commit to, and how they leave.",
        "Spell out the joining steps and commitments: who is eligible, how to apply (e.g. a letter "
        "to the coordinator), who approves and within how long, what attendance is expected, and "
        "how a member leaves.",
        "Add a membership section: eligibility, how to join and who approves, what each member "
        "commits to (attendance, dues, work), and how a member withdraws or is moved to inactive.",
    ),
    "governance": ElementInfo(
        "Governance",
        "The bodies that lead the coalition, how they are made up, and what each may decide.",
        "Name the leading body and its make-up (e.g. a seven-seat steering committee elected each "
        "January) and list what it may decide on its own: budget, workplan, new members, urgent "
        "statements.",
        "Describe the structure: a full membership body, a steering committee with a set number of "
        "seats and how they are filled, any working groups, and what each body has authority over.",
    ),
    "decision_making": ElementInfo(
        "Decision making",
        "How decisions are made, by whom, and what happens when agreement fails.",
        "Say how a decision is made when consensus fails: a fallback vote (e.g. two-thirds of "
        "members present) and a quorum.",
        "Add a decision rule: which decisions go to which body, the method (consensus, consent or "
        "vote), the fallback when consensus fails (e.g. a two-thirds vote), and the quorum.",
    ),
    "roles": ElementInfo(
        "Roles",
        "Who does what: chairs, staff, backbone, fiscal agent, and what members give in time.",
        "Name each role and its duties, e.g. 'the Coordinator (half-time, employed by the lead "
        "agency) prepares agendas, keeps minutes and tracks the workplan', and how chairs are chosen.",
        "Add a roles section: chairs and how they are chosen, staff or backbone support and who "
        "employs them, the fiscal agent, and the time each member representative is expected to give.",
    ),
    "resources": ElementInfo(
        "Resources",
        "Where the money and in-kind support come from, who holds it, and who approves spending.",
        "Replace intentions with rules: dues or contributions (amounts or a sliding scale), who "
        "holds the funds (a fiscal agent), who approves the budget and when, and a spending limit "
        "that needs approval.",
        "Add a resources section: sources of funds (dues, grants, in-kind), the fiscal agent, who "
        "approves the annual budget and when, and who may approve spending outside it.",
    ),
    "communication": ElementInfo(
        "Communication",
        "How members stay informed (meetings, minutes, updates) and who speaks for the coalition.",
        "Make it concrete: when meetings happen (e.g. the second Tuesday of each month), when "
        "minutes go out (e.g. within five days), and who may speak to the press for the coalition "
        "and with whose sign-off.",
        "Add a communication section: the meeting schedule, how and when minutes and updates are "
        "shared, and who speaks for the coalition in public and with whose approval.",
    ),
    "conflict_resolution": ElementInfo(
        "Conflict resolution",
        "The steps members follow when they disagree, up to outside mediation.",
        "Write the steps: talk directly within a set time (e.g. 30 days), then a facilitated "
        "conversation with a neutral member, then a named mediation service, and who decides if "
        "mediation fails.",
        "Add a dispute process with escalating steps and deadlines: direct conversation, a "
        "facilitated meeting, then outside mediation (name the service and who pays).",
    ),
    "measurement": ElementInfo(
        "Measurement",
        "The indicators tracked, their data sources, who reports them and how often.",
        "Name the indicators and their data sources, who compiles them, and how often they are "
        "reviewed (e.g. a dashboard each quarter and a learning review each June).",
        "Add a measurement section: three to five indicators tied to the purpose, where the data "
        "come from, who reports them and how often, and when members review them to adjust the work.",
    ),
    "equity": ElementInfo(
        "Equity",
        "How people most affected hold real power: seats, pay for their time, language and access.",
        "Turn the commitment into practice: reserved seats for affected residents, stipends for "
        "their time (e.g. $40 a meeting), interpretation and translated materials, accessible "
        "meeting times and places.",
        "Add an equity section: how affected residents are represented (reserved seats, votes), "
        "paid for their time, and supported to take part (language access, childcare, transport).",
    ),
    "renewal": ElementInfo(
        "Renewal",
        "When and how the charter is reviewed and amended.",
        "Set a review date and an amendment rule: e.g. 'every two years at the January meeting the "
        "members review this charter; amendments circulate 21 days ahead and need a two-thirds vote'.",
        "Add a review clause: how often the charter and the purpose are reviewed, who may propose "
        "amendments, and the vote needed to adopt them.",
    ),
    "transition": ElementInfo(
        "Transition",
        "What happens when leaders leave or the coalition winds down.",
        "Make the plan specific: who steps in when a chair or staff lead leaves and how fast a "
        "replacement is chosen (e.g. within 60 days), and how the coalition decides to close and "
        "where its records, funds and open work go.",
        "Add a transition section: succession for chairs and staff (interim cover, a deadline to "
        "fill the post) and a wind-down plan (who decides, where records, funds and open cases go).",
    ),
}
