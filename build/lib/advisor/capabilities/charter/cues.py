"""The language the charter rules look for: per element, heading words, weighted content cues and
concreteness markers; and, for every element, the markers of vague or placeholder text.

Cues are ordinary coalition-charter vocabulary (a decision rule talks of consensus, votes and
quorum; a dispute clause of mediation), not phrases lifted from any one charter. A heading only
tells the rules where to look: content decides whether an element is there at all, and the
concreteness markers (numbers, frequencies, deadlines, thresholds, named bodies and roles, a
procedure) decide whether it is usable or only gestured at.

The vocabulary is kept as data, one element per block, so it can be read and extended without
touching the rules. Each line is `key: regex` (matched as whole words, ignoring case); an indented
line continues the regex of the line above. Keys: `heading`; a weight such as `2.0` (a content cue
worth that much); `concrete` (a concreteness marker); `concrete/cs` (the same, case-sensitive).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Pattern = re.Pattern[str]


@dataclass(frozen=True)
class ElementCues:
    """What identifies one element in a charter, and what makes it concrete."""

    heading: Pattern
    cues: tuple[tuple[Pattern, float], ...]
    concrete: tuple[Pattern, ...] = ()


def words(regex: str, *, case: bool = False) -> Pattern:
    """`regex` (alternatives) matched as whole words (also when they start with `$`)."""
    return re.compile(r"(?<!\w)(?:" + regex + r")(?!\w)", 0 if case else re.IGNORECASE)


def parse_block(block: str, substitutions: dict[str, str]) -> list[tuple[str, str]]:
    """`key: regex` lines (indented lines continue) as (key, regex) pairs; `{NAME}` is substituted."""
    entries: list[tuple[str, str]] = []
    for raw in block.strip("\n").splitlines():
        line = raw.strip()
        if raw[:1].isspace() and entries:
            entries[-1] = (entries[-1][0], entries[-1][1] + line)
        elif line:
            key, _, regex = line.partition(": ")
            entries.append((key.strip(), regex.strip()))
    return [(key, regex.format(**substitutions)) for key, regex in entries]


def compile_element(block: str) -> ElementCues:
    heading = words("(?!)")
    cues: list[tuple[Pattern, float]] = []
    concrete: list[Pattern] = []
    for key, regex in parse_block(block, SUBSTITUTIONS):
        if key == "heading":
            heading = words(regex)
        elif key.startswith("concrete"):
            concrete.append(words(regex, case=key.endswith("/cs")))
        else:
            cues.append((words(regex), float(key)))
    return ElementCues(heading, tuple(cues), tuple(concrete))


SUBSTITUTIONS = {
    "MONTHS": "January|February|March|April|May|June|July|August|September|October|November|December",
    "NUMBER": "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    "|fifty|sixty|ninety|half|a third|a quarter|one-third|two-thirds|three-quarters|three-fourths",
    "PERIOD": r"days?|weeks?|months?|quarters?|years?|terms?|sessions?",
    "BODY": "committee|council|group|table|team|board|assembly|forum|cabinet|circle",
    "CAPBODY": "Committee|Council|Group|Table|Team|Board|Assembly|Forum|Cabinet|Circle",
    "CHARTER": "charter|agreement|compact|terms of reference|(?:these|its|our) terms|memorandum|mou|bylaws"
    "|by-laws|constitution|covenant|this document",
    "SEASON": "spring|summer|fall|autumn|winter",
}

GENERAL_CONCRETE = r"""
concrete: \d+
concrete: {NUMBER}
concrete: one (?:vote|seat|member|representative|person|staff|employer|resident|other|day|hour|week|month
  |year)
concrete: daily|weekly|monthly|quarterly|annually|annual|yearly|biennially|twice a year
concrete: (?:each|every|every other)\s+(?:\w+\s+)?(?:{PERIOD}|{SEASON}|meeting)
concrete: (?:per|a|once a|twice a)\s+(?:day|week|month|quarter|year|term)
concrete: on the (?:first|second|third|fourth|last) \w+day
concrete/cs: {MONTHS}
concrete: within (?:\w+ ){{1,2}}(?:{PERIOD})|at least|no (?:later|more|fewer|less) than
concrete: majority|quorum|unanimous\w*
concrete/cs: Coordinator|Co-?[Cc]hairs?|Chair|Vice[- ]Chair|Director|Manager|Secretariat|Treasurer|Secretary
"""
# A named body or organisation: two or more capitalised words in the middle of a sentence.
NAMED_BODY: Pattern = re.compile(
    r"(?<=[a-z,;:] )(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:of\s+|and\s+|for\s+|on\s+)?[A-Z][\w'’-]+)+"
)
CONCRETE: tuple[Pattern, ...] = compile_element(GENERAL_CONCRETE).concrete

PLACEHOLDER: Pattern = re.compile(
    r"\bTB[DCA]\b|\bto be (?:determined|decided|discussed|confirmed|agreed|added|drafted)\b"
    r"|\b(?:still|yet) to (?:be )?(?:draft|decide|agree|write)\w*|\bmore to come\b|\bneed to decide\b"
    r"|\bpending\b|\bstill (?:working (?:it |this |that )?out|deciding|discussing)\b"
    r"|\bfigure (?:it |this |that )?out\b|\bcome back to (?:this|it|that)\b"
    r"|\bdid not (?:settle|decide|agree)\b"
    r"|\b(?:not yet|haven't|have not) (?:decided|agreed|settled)\b"
    r"|\?|\[[^\]]*\](?!\()|\bX{2,}\b|\bplaceholder\b",
    re.IGNORECASE,
)
VAGUE: Pattern = words(
    "|".join(
        regex
        for _, regex in parse_block(
            r"""
vague: strive\w*|as (?:needed|necessary|appropriate|required)|when (?:needed|necessary|appropriate)
  |where(?:ver)? possible|regularly|regular touch|from time to time|in due course|over time
  |(?:we|they) hope|hope to|(?:will|may) be revisited|living document|informal(?:ly)?
  |some (?:kind|sort|form) of|at some point|probably|perhaps|maybe|somehow|(?<!no )later
  |when (?:we are|it is|they are) ready|whatever (?:way|works)|what (?:they|we|it) can
  |as (?:the \w+|we|it) (?:grows?|unfolds?|develops?|evolves?)|in the future|collaboratively
  |(?:in a|in the) spirit of|mutual agreement|make (?:decisions|choices) together
  |(?:make|making) (?:every )?efforts?|efforts? to|(?:are|is|remain|stay) committed to|will work to
  |keep (?:\w+\s){{1,2}}(?:informed|posted|updated|in the loop)|in the loop|openly
  |share (?:its|our|their) stor(?:y|ies)|respectfully|(?:our|its|their) impact|celebrate\w*
  |how (?:we are|the \w+ is|it is|things are) (?:doing|going)|welcome(?:d)?(?: too)?|(?:we|they) want
  |fair(?:ly)? to all|look(?:ing)? for (?:\w+ )?(?:grants?|funding|funds|opportunities|money)
  |generosity|pitch in|help out|everyone will|plan for (?:these|this|that|it|them)
  |when (?:they|it|the time) (?:arises?|comes)|talk (?:together )?about|(?:may|will) be invited
""",
            SUBSTITUTIONS,
        )
    )
)

_ELEMENT_BLOCKS: dict[str, str] = {
    "purpose": r"""
heading: purpose|mission|vision|goals?|aims?|objectives?|why we exist|what we(?:'re|’re| are) for|our story
  |(?:shared|common) (?:result|agenda)|north star
2.0: (?:our|the|its|shared) (?:purpose|mission|goal|aim|target|vision|objective)
2.0: exists? to|we aim|aims? to|seeks? to|was formed to|(?:is|are) forming|we intend that
  |(?:covenant|pledge|resolve|unite|came together) (?:together )?to
1.0: purpose|mission|goal|(?:work|come|join) together (?:to|on|for)|better place
""",
    "principles": r"""
heading: principles?|values|ground rules|norms|how we work(?: together)?|commitments|code of conduct|guiding
  |working agreements?
2.0: ground rules|(?:operating|guiding|shared) principles|code of conduct|norms
2.0: we (?:value|believe|hold to|honou?r|treat)|our values|hold to (?:a few|these|the following) commitments
1.0: good faith|mutual respect|integrity|transparen\w+|(?-i:trust)|respect|honest\w*|accountab\w+|no surprises
  |assume good intent|share credit
1.5: treat\w* (?:\w+ ){{0,3}}with (?:dignity|respect|care)|we (?:promise|pledge)|confidential\w*|dignity
1.0: we (?:do not|don't|never|keep our word|say (?:early|what))|no (?:partner|member|party) (?:shares|will
  |may)
concrete: without|never|before|no (?:partner|member|party|one)|do not|don't|not in the|notice|disclose\w*
  |consent|promptly|first
""",
    "membership": r"""
heading: members(?:hip)?|who can (?:join|be a member)|joining|eligibility|becoming a (?:member|partner)
  |^(?:our |the )?(?:partners|participants|members|parties)$
2.0: join(?:s|ing)?|to join|membership|new members?|becomes? a (?:member|partner)
1.0: eligible (?:members?|partners?|organi[sz]ations?|to join)|eligib\w+ for membership|open to (?:any|all)
  |appl(?:y|ies|ication)s?|applicants?|admit(?:s|ted)?
1.0: withdraw\w*|resign\w*|leave (?:at any time|by)|inactive
  |(?:members?|partners?|parties)\b[^.;]{{0,30}}\b(?:agrees?|commits?) to
1.0: (?:voting|resident|associate|founding|full|new|prospective) members?|drawn from|appointments?
1.0: nominat\w+|appointed
0.5: take part in|sign(?:s|ing)? (?:this|the) (?:charter|agreement|compact|commitment)
concrete: by (?:sending|signing|completing|attending|applying|submitting|writing|notifying|giving)
concrete: sends?|signs?|attends?|fills? (?:in|out)|completes?|submits?|letter|form|application|approved
  |accepted|appointed|written notice
""",
    "governance": r"""
heading: governance|structure|leadership|how we(?:'re|’re| are) organi[sz]ed|organi[sz]ation|authority
  |steering
1.0: (?:steering|executive|coordinating|leadership|advisory|management|partner|governing)\s+(?:{BODY})
1.5: (?:governed|guided|overseen) by|(?:is|are|will be|shall be) (?:led|run) by|lead agency|convener
  |advisory body
  |general assembly|full (?:coalition|membership)|advis(?:es|ory)|gives advice
1.0: (?-i:Board)|(?:has|of|with) (?:up to |at least |no more than )?(?:\d+|{NUMBER}|one) (?:voting )?
  (?:members|seats|representatives|directors|delegates)
  |lead(?:s|ing)? the (?:group|coalition|network|alliance|collaborative|partnership|council|table|initiative)
  |who (?:will|would|should) lead
1.5: (?:approves?|adopts?) (?:the|its|an?) (?:annual )?(?:work\s?plan|action plan|strategy|priorities
  |operations plan)|sets? (?:the )?(?:agendas?|annual priorities|priorities)|oversees?
1.0: subcommittees?|working groups?|work teams?|action teams?|sector tables?|task forces?|seats|structure
  |organi[sz]e itself|layers|reports? to (?:it|the)
concrete: approves?|adopts?|sets?|oversees?|elect\w*|admits?|appoints?|seats|gives advice|not binding
concrete/cs: [A-Z]\w+ (?:{CAPBODY})
""",
    "decision_making": r"""
heading: decisions?|decision[- ]making|how we decide|voting|making decisions
2.0: two-thirds|three-quarters|\d+ percent of (?:the )?(?:members|votes|delegates)|agreement of
  |consensus|consent-based|quorum|majority|vote[sd]?|voting(?! members?\b)|unanimous\w*|straw poll
  |show of hands
1.0: decisions?|decide[sd]?|proposals?|objections?|agreement on|reach agreement
concrete: quorum|majority|vote[sd]?|two-thirds|three-quarters|consensus|consent
""",
    "roles": r"""
heading: roles?|responsibilities|who does what|staff(?:ing)?|officers|backbone
1.5: co-?chairs?|chair|vice[- ]chair|coordinator|director|secretariat|backbone|staff|liaisons?|treasurer
  |secretary
1.0: responsibilit\w+|(?:will|shall) (?:serve|act) as|acts? as|serves? as|facilitat\w+|keeps? minutes
  |prepar\w+ agendas
1.0: (?:half|full|part)[- ]time|hours (?:a|per) (?:week|month)|days? (?:a|per) month|employ\w*
1.0: pitch in|help out|share the work|who does what|(?:a|the) lead|specific part of the work|take on
concrete: (?:half|full|part)[- ]time|employ\w*|hours|prepar\w+|keeps?|maintains?|runs?|coordinates?
  |facilitates?|chairs?|manages?
""",
    "resources": r"""
heading: resources|funding|budget|money|financ\w+|dues|fiscal|contributions
1.5: dues|budget|fiscal (?:agent|sponsor)|in-kind|sponsorships?|grants?|funds|pooled fund|contribution
  |expenditures?|spending|expenses?|fees?
1.5: pays? (?:\$|annual|dues|a fee)|collected by|staff time|meeting (?:space|rooms?)|(?:provides?|hosts?
  |donates?|lends?|offers?)
  (?:\w+ ){{0,2}}(?:space|printing|staff|equipment|materials|food)
1.0: \$\s?\d[\d,.]*
0.5: fund(?:ed|ing)?|contribute|pays?|financ\w+|money|account|allocat\w+|subcontract\w*
concrete: \$\s?\d[\d,.]*|fiscal (?:agent|sponsor)|approves? the (?:annual )?budget|in-kind|restricted account
  |no (?:membership )?dues|sliding scale
""",
    "communication": r"""
heading: communicat\w+|meetings|media|press|information|updates|outreach
1.5: meets|(?:we|they|members|partners) meet|meet (?:about |roughly )?(?:on|every|each|at least|monthly|weekly
  |quarterly|twice|once)|send(?:s)? (?:out )?(?:notes|minutes|updates|agendas)
  |meetings? (?:are|is) held|minutes|agendas?|newsletters?|e-?mail\w*|digest|shared (?:drive|folder)
  |portal|extranet
1.5: speaks? (?:for|to|on behalf)|spokes\w+|media|press|news releases?|public statements?|sign-on letters?
  |testimony|social media
1.0: communicat\w+|informed|(?:share|send|circulate|give|email)\w* (?:\w+ )?updates|updates? (?:to
  |for) (?:all )?members
  |in the loop|in (?:\w+ )?touch|publicly|in public|to the public
  |circulat\w+ (?:\w+ )?(?:agendas?|minutes|notes|materials)|notes (?:are|is) (?:posted|emailed|circulated
  |shared)
concrete: only the|sign-off|written approval|approved by|posted|circulat\w+|emailed|speaks?
""",
    "conflict_resolution": r"""
heading: conflicts?|disputes?|disagree\w*|grievances?|when we disagree|resolving
2.0: disputes?|mediat(?:ion|or|ors|e|ed)|grievances?|arbitrat\w+
1.0: disagree\w*|conflicts?(?! of interest)|resol(?:ve|ved|ution)|unresolved|unsettled|escalat\w+
  |facilitated conversation
concrete: first|second|third|mediat\w+|facilitat\w+|steps?|within
""",
    "measurement": r"""
heading: measur\w+|progress|metrics|indicators|data|results|tracking|learning|accountability|evaluation|impact
2.0: indicators?|metrics?|dashboards?|baseline|benchmarks?|progress reports?|learning (?:review|session
  |retreat)s?
1.5: track(?:s|ed|ing)?|measur\w+|monitor\w*|evaluat\w+ (?:of )?(?:our|the|its) (?:progress|work|results
  |impact)
  |keep track
1.5: (?:publish|report|share|present|compile)\w* (?:\w+ ){{0,3}}(?:results|data|figures|rates|numbers|scores)
  |(?:review|look at|discuss)\w* (?:the )?(?:results|data|figures|numbers|indicators)
1.0: figures|statistics|rates?|averages?|inventor(?:y|ies)|surveys?|scorecards?|report cards?
  |decide what to change|(?:adjust|update|revise)s? (?:the|our|its) (?:work|plan|strategy|workplan)
0.5: data|results|outcomes|progress|report (?:every|each)|reports? (?:quarterly|annually|monthly)
  |number of|percentage of|share of
concrete: indicators?|dashboards?|compiles?|updates?|presents?|publish\w*|data|percentage|number of|share of
""",
    "equity": r"""
heading: equity|inclusion|diversity|justice|access|community voice|family voice|fairness|^community$
  |lived experience
2.0: equit\w+|inclusi\w+|lived experience|most affected|communities of colou?r|low-income|lower-income|racial
  |race|language access|interpret(?:ation|er|ers)|translat\w+|stipends?|honorari(?:um|a)
1.5: paid (?:\$|for their)|reimburs\w+|childcare|wheelchair|accessible|disabilit\w+|fair-chance|broken out by
  |disaggregat\w+|residents? (?:members|seats|leaders)
1.5: (?:resident|community)-led|led by (?:residents|people|those|families)
1.5: (?:seats?|places)\b[^.;]{{0,40}}\b(?:reserved|held|go|set aside|filled)\b[^.;]{{0,12}}\b(?:for|by|to)
0.5: fair(?:ly|ness)?|voices?|power|affected|underserved|marginali[sz]ed|tenants|residents aged
concrete: \$\s?\d[\d,.]*|reserved|paid|stipends?|interpretation|translated|reimburs\w+|seats
concrete/cs: English|Spanish|Chinese|Cantonese|Mandarin|Vietnamese|Arabic|Somali|Hmong|Russian|Korean|Tagalog
  |French|Haitian|Dari|Portuguese
""",
    "renewal": r"""
heading: ^(?:annual |charter )?review$|(?:review|reviewing|amend\w*|renewal|revis\w+|changes? to)(?: (?:and
  |or) \w+)?(?: (?:of )?(?:this|the))?
  \s(?:{CHARTER})|charter review|amendments?|renewal
2.0: (?:review|revisit|amend|update|revise|reaffirm|renew|chang|modif|alter|reconsider|look(?:s
  |ed)? at)\w*\b[^.;]{{0,80}}\b(?:{CHARTER})
2.0: (?:{CHARTER})\b[^.;]{{0,80}}\b(?:amended|revised|updated|reviewed|revisited|renewed|changed|modified
  |altered)
1.0: amendments?|living document
concrete: proposals?|propose|circulated|vote|adopted|adoption
""",
    "transition": r"""
heading: transitions?|succession|continuity|closing|dissolution|wind[- ]?down|exit|sunset
  |leadership (?:changes?|transitions?|succession)|ending
2.0: dissol\w+|wind(?:s|ing)? down|wind-down|sunset\w*|succession|successor|interim|hand(?:s|ed)? off|handoff
2.0: laps(?:e|es|ed)|expires?|terminat\w+|(?:stops?|ceases?) (?:meeting|operating|to exist)
2.0: (?:coalition|partnership|network|collaborative|council|alliance|initiative|compact|table) ends
  |decides? to (?:close|end|dissolve)|close it|ceases?
1.5: carry (?:\w+ ){{0,2}}work (?:forward|on)|draws? to a close|comes? to an end|leadership (?:will )?changes?
  |transitions?
1.0: vacan\w+|steps? down|replacement|remaining funds|unspent|archive\w*
concrete: transferred|given to|returned to|donated|interim|within|elects?|names?|appoints?|archive\w*|records
""",
}
ELEMENT_CUES: dict[str, ElementCues] = {
    element: compile_element(block) for element, block in _ELEMENT_BLOCKS.items()
}
