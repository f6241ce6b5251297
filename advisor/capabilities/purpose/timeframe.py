"""The timeframe criterion of the purpose check: a deadline or a bounded period ("by 2030",
"within 18 months", "2030 targets:"), never a vague time ("soon") nor a date in a sentence that
only tells the past ("This group was formed in January 2025")."""

from __future__ import annotations

import re

from advisor.capabilities.purpose.models import Finding
from advisor.capabilities.purpose.vocabulary import LEXICON
from advisor.text.sentences import sentence_spans

NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|twenty-four|thirty|"
    r"thirty-six|a few|several"
)
_EXACT_NUMBER_WORDS = NUMBER_WORDS.removesuffix("|a few|several")
MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# a day of a month: "August 1,", "1 August", "the 31st of March"
_DAY = (
    rf"(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?)"
)
_FUNCTION_WORDS = r"is|are|was|to|and|or|we|with|the|will|as|at|when|so|through|in|on|of|by|our|it|this|for"
YEAR = r"(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?"
TIMEFRAME_PATTERNS = [
    # by 2030 / by the end of 2027 / by June 2029 / by fall 2028 / by the 2027-28 school year
    rf"\bby\s+(?:the\s+)?(?:(?:end|close|middle|start|spring|summer|fall|autumn|winter|early|mid|late)\b[\s-]*(?:of\s+)?)?"
    # "by June 30, 2029", "by 31 March 2026"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:Q[1-4]|H[12]|{MONTHS})\.?\s+(?:\d{{1,2}},?\s+)?)?(?:the\s+)?"
    # "by the end of CY 2025", "by SIGGRAPH 2025": a calendar label or a dated event before the year
    rf"(?-i:(?:[A-Z][A-Za-z]+\s+){{1,2}})?{YEAR}(?:\s+(?:school|fiscal|financial)\s+year)?"
    # ("Prompted by the 2022 war in Ukraine": a year naming an event, no deadline)
    rf"(?:(?<!the\s\d{{4}})|(?!\s+(?!(?:{_FUNCTION_WORDS})\b)(?!(?:school|fiscal|financial)\b)(?-i:[a-z])))",
    # "by April 12th", "by 30 June": a day of a month is a deadline even with no year written
    rf"\bby\s+(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS}))\b(?!,?\s+\d)",
    # within 18 months / over the next three years / in the next decade / during the first two years
    # (never "over the years", "in years": no bound)
    # (nor "in the coming years": with no number, one period only: "in the next decade")
    # (nor "in a few months", "over the next several years": no number, no bound, like "soon")
    rf"\b(?:within|over|in|during|across)\s+(?:the\s+)?(?:(?:(?:next|coming|first|following)\s*"
    rf"(?:\d+|{_EXACT_NUMBER_WORDS})|\d+|{_EXACT_NUMBER_WORDS})\s*(?:months?|years?|weeks?|decades?|days)"
    r"|(?:next|coming|first|following)\s+(?:month|year|week|decade))\b",
    # a phase's length in brackets: "Phase 1 -- Consolidate an initial set of standards (6 months)"
    # ("Milestone #2: (6 - 24 weeks) Educational materials": a range of weeks from the start)
    # ("the forthcoming performance period (spanning 6 months)")
    rf"\(\s*(?:(?:spanning|lasting)\s+)?(?:\d+\s*[-–]\s*)?(?:\d+|{NUMBER_WORDS})\s+(?:months?|years?|weeks?)\s*\)",
    # a phase named with its horizon: "Short-Term · 0-12 Months", "Medium term: 12-24 months"
    r"\b(?:short|medium|mid|long|near)[- ]term\s*[·:–—-]?\s*\d+\s*[-–]\s*\d+\s+(?:months|years)\b",
    # a response time: "within 48 hours", "within five working days"
    rf"\bwithin\s+(?:\d+|{NUMBER_WORDS})\s+(?:working\s+|business\s+)?(?:hours|days)\b",
    # through 2029 / until 2030 / before 2028 / no later than 2027 / not later than April 22, 2003
    # ("until June 30 2022", "until 30 June 2022")
    rf"\b(?:through|until|till|before|(?:no|not) later than|ending in)\s+"
    rf"(?:{_DAY}\s*|(?:{MONTHS})\.?\s+)?{YEAR}",
    # a deadline counted from an event: "not later than 180 days after the date of enactment"
    rf"\b(?:no|not)\s+later\s+than\s+(?:\d+|{NUMBER_WORDS})\s+(?:days|weeks|months|years)\s+after\b",
    # between now and the end of 2026 / from 2025 to 2028 / summers of 2026 through 2028
    rf"\bbetween\s+(?:now|today|{YEAR})\s+and\s+(?:the\s+end\s+of\s+)?{YEAR}",
    rf"\b{YEAR}\s+(?:to|through|until|-|–)\s+{YEAR}",
    # "from August 1, 2025, to January 31, 2027": a dated period
    rf"\bfrom\s+(?:{_DAY}\s+)?{YEAR},?\s+(?:to|through|until|till)\s+(?:{_DAY}\s+)?{YEAR}",
    r"\bby\s+(?:year[- ]end|the end of (?:the|this|next) (?:year|decade))",
    # "The OKRs guiding Impact Framework to the end of 2025": a bounded period
    rf"\b(?:to|until|through|till)\s+the\s+end\s+of\s+{YEAR}",
    # "2030 targets:", "the 2022-25 strategy", "the period 2011-2020", "for our first year"
    # ("Our 2020/2021 key metrics are:", "2024 priorities")
    rf"\b{YEAR}\s+(?:targets?|goals?|strategy|strategic plan|plan|objectives?|(?:key\s+)?metrics|priorities"
    r"|milestones|deliverables)\b",
    # "our plans for 2025 include": a year's plans bound what they list
    # ("Goals of 2022": the same, headed by the year)
    rf"\b(?:plans?|goals?|targets?|priorities|objectives?|milestones)\s+(?:for|of)\s+{YEAR}\b",
    # "in FY26", "by the end of FY2027", "for FY 26": a (US federal) fiscal year
    r"\b(?:in|by|for|during|through|before|until)\s+(?:the\s+(?:end\s+of\s+)?)?(?-i:FY)\s?(?:20)?\d{2}\b",
    rf"\bthe\s+period\s+{YEAR}",
    # "Primary Year 1 focus": the first year of a plan, like "for our first year" (never "Year 7 pupils")
    r"\b(?-i:Year)\s+(?:[1-5]|One|Two|Three)\b(?!\s+(?:students?|pupils?|groups?|olds?|children|classes)\b)",
    # "in year 3 the team will produce ...": a numbered year of the work, written in small letters
    r"\b(?:in|during)\s+(?-i:year)\s+[1-5]\b(?!\s+(?:students?|pupils?|groups?|olds?|children|classes)\b)",
    # "for the first three months of 2020" (never "for the next decade of data science")
    rf"\bfor\s+the\s+first\s+(?:\d+|{NUMBER_WORDS})\s+(?:months|years|weeks)\b",
    # "in the third quarter of the project": a part of a bounded term
    r"\b(?:in|during|by\s+the\s+end\s+of)\s+the\s+(?:first|second|third|fourth|final|last)\s+(?:quarter|half|year|month)\s+"
    r"of\s+(?:the|this|our)\s+(?:project|programme|program|grant|initiative|partnership)\b",
    # "for the Foundation's first year"
    r"\b(?:for|in|during)\s+(?:our|its|the|(?:the\s+)?[A-Z][\w-]*['’]s)\s+first\s+"
    r"(?:year|two years|three years|months?)\b",
    # "by the July release", "in the October release": a dated release the result is due in
    rf"\b(?:by|in|before|for)\s+the\s+(?:{MONTHS})\s+release\b",
    # "by the end of the Zed release": a named release cycle the result is due by
    r"\bby\s+the\s+end\s+of\s+the\s+(?-i:[A-Z][\w-]*)\s+(?:release|cycle)\b",
    # "during this parliament", "over the lifetime of this Parliament": a term of office bounds it
    r"\b(?:during|over\s+the\s+(?:lifetime|course)\s+of|by\s+the\s+end\s+of|within)\s+"
    r"(?:this|the\s+current|the\s+next)\s+(?:parliament|administration|legislature|council\s+term|term\s+of\s+office)\b",
    # "a 5 year journey", "a three-year programme", "over a period of ten years"
    # "a 3-year, multi-partner project"
    # "Our 3–5 year objective is": a range of years bounds it too
    # "the 36-month EuroScienceGateway project": a named project's term
    # (never a title: "the Ten-Year Network Development Plan" names a plan, GUIDE 7)
    rf"\b(?!(?-i:[A-Z][a-z]+-(?:Year|Month)\s+(?:[A-Z][\w-]*\s+){{1,3}}[A-Z]))"
    rf"(?:\d+\s*[-–]\s*)?(?:\d+|{NUMBER_WORDS})[- ](?:years?|months?)(?:,\s+[\w-]+){{0,2}}?"
    # ("A five year USAID funded project")
    r"(?:\s+(?:(?-i:[A-Z][\w-]*)|(?:[a-z]+-)?funded)){0,2}[\s-]+"
    r"(?:journey|plan|programme|program|project|initiative|effort|period|strategy|campaign|commitment|roadmap|mission|"
    r"incubator|accelerator|pilot|fellowship|residency|mandate|grant|"
    r"vision|phase-out|phase-in|transition|objectives?|goals?|targets?)\b",
    # "The purpose of this 3-hour workshop": the event's length bounds what it is for
    # (never "A 2-day event for builders": the length of an event to be held, no deadline for it)
    rf"\b(?:this|the)\s+(?:\d+|{NUMBER_WORDS})[- ](?:hours?|days?|weeks?)[\s-]+"
    r"(?:workshop|sprint|hackathon|datathon|meeting|session|course|bootcamp|retreat|summit|conference|event)\b",
    # "strategic directions for the next 10 years": a plan's period ("prepare X for the next decade" is not)
    rf"\b(?:directions?|plans?|strateg(?:y|ies)|roadmaps?|visions?|priorities|goals|objectives)\s+for\s+the\s+"
    rf"(?:next|coming)\s+(?:\d+|{NUMBER_WORDS})\s+(?:years|months|decades)\b",
    # "The PLANETAI months 1–6 work", "lock the deployment plan for months 4–12": numbered months
    # ("the agent's behaviour in weeks 2–4": numbered weeks of a course)
    r"\b(?:months|weeks)\s+\d{1,2}\s*[-–]\s*\d{1,2}\b",
    # "a planned year-3 critical-case-study deliverable": a result due in a numbered year of the programme
    r"\byear[- ][1-9]\b(?=[\s-]+(?:[\w-]+[\s-]+){0,3}"
    r"(?:deliverables?|milestones?|targets?|goals?|objectives?|reports?)\b)",
    # "Fab City Summit (27–31 July 2026)", "IIW #43 (3–5 November 2026)": the dated days of an event to come
    rf"\b\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+(?:{MONTHS})\.?\s+(?:19|20)\d{{2}}\b",
    # ("funding ... for a time frame of 5 months": the funded work's period)
    rf"\b(?:over|for)\s+a\s+(?:period|time\s*frame|timeframe)\s+of\s+(?:\d+|{NUMBER_WORDS})\s+(?:months|years|weeks)\b",
    # "planned for Q4 of 2026", "this year", "by COP28"
    # (never a baseline: "by 50% compared to Q4 2024")
    rf"(?<!compared to )(?<!compared with )(?<!relative to )(?<!than )(?<!since )"
    rf"\b(?:Q[1-4]|H[12]),?\s+(?:of\s+)?{YEAR}",
    # "2019 launch the policy tool v.1", "2020 10,000 patients": a list of goals labelled by year
    r"^(?:19|20)\d\d(?=:?\s+(?!(?:was|were|saw|marked|has|had|is|brought|began|started)\b)(?:[a-z]+\s|\d))",
    # ("keep the heat turned on this winter": the coming season bounds the result)
    r"\b(?:this|next|the\s+coming)\s+(?:year|decade|spring|summer|fall|autumn|winter)\b(?!\s+of\b)(?![\s-]+(?:term|semester|session|school|season|camp|program)\b)",
    # "by next summer", "before this fall", "by spring": a season ahead bounds the work
    r"\b(?:by|before|until)\s+(?:(?:next|this|the\s+coming)\s+)?(?:spring|summer|fall|autumn|winter)\b"
    r"(?!\s+(?:of\s+)?(?:19|20)\d\d)(?!\s+(?:term|semester|session|school|season|camp|program)\b)",
    r"\bby\s+COP\s?\d{1,2}\b",
    # a roadmap's milestone with its date: "Release Candidate 3 – WIP – 2026/06/20", "Milestone 2: 2027-03-31"
    r"\b(?:release|version|milestone|candidate|phase|sprint|due|deadline)\b(?:[^.;\n]|\.(?=\d)){0,30}?[–:-]\s*"
    r"(?P<date>(?:19|20)\d\d[-/](?:0?[1-9]|1[0-2])[-/](?:0?[1-9]|[12]\d|3[01]))\b",
    # "by the end of the project": the project's own term bounds the work
    r"\b(?:by|at)\s+the\s+end\s+of\s+(?:the|this|our)\s+(?:project|programme|program|grant|initiative|funding\s+period)\b",
    # "Timescale: Target W3C TPAC Meeting (Oct 2026 in Dublin)": a labelled date
    rf"\b(?:timescale|timeline|deadline|target\s+date|due\s+date)\s*:\s*[^.;\n]{{0,60}}?\b(?P<date>(?:(?:{MONTHS})\.?\s+)?{YEAR})\b",
    # "to be launched at eResearch Australasia 2019": a dated event the result is due at
    rf"\bto\s+be\s+(?:launched|held|presented|released|published|delivered|announced)\s+(?:at|during)\s+"
    rf"(?-i:(?:[A-Za-z]+\s+){{1,3}}){YEAR}",
]
# in 2025 / for Q4 2025 / during 2026: a year given as when the result is due, unless the sentence
# only tells what happened then ("the workshop in Amsterdam in December 2024").
DATED_PATTERN = (
    rf"(?<!since )"
    # "in early 2023", "During Fiscal Year 2023", "in FY 2024"
    # ("The goal for the first half of 2021")
    # ("over the course of 2023")
    rf"\b(?:in|for|during|throughout|over\s+the\s+course\s+of|from|proposed for|due|nearer|around"
    r"|towards?)\s+"
    r"(?:the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter)\s+of\s+)?"
    # ("in the Spring of 2021")
    # ("in early February 2016", "in Q1, 2025")
    # ("from 12 June 2026": a day before its month)
    rf"(?:(?:the\s+(?=(?:spring|summer|fall|autumn|winter)\b))?(?:Q[1-4]|H[12]|{MONTHS}|early|mid|late|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?(?=\s+(?:of\s+)?(?:{MONTHS})\b)|"
    r"spring|summer|fall|autumn|winter|(?:fiscal|financial|calendar|school)\s+year|FY)[\s.,-]*(?:of\s+)?){0,2}"
    rf"(?:the\s+)?{YEAR}\b(?:\s+(?:calendar|fiscal|financial|school|academic)\s+year\b)?"
    r"(?!\s*[-–]?\s*\w*\s*(?:session|meeting|levels?))"
    # "from 1984 to present": a record's span up to now, no deadline
    r"(?!\s*(?:[-–]|to|until|through)\s*(?:the\s+)?(?:present|today|now|date)\b)"
    # a year that names something ("in 2024 elections") is no deadline; "for 2024 is to", "in 2022 to" are
    # ("during the 2023 calendar year": the year bounds it)
    rf"(?!\s+(?!(?:{_FUNCTION_WORDS})\b)(?!\w+\s+season\b)(?!(?:calendar|fiscal|financial|school|academic)\s+year\b)"
    r"(?-i:[a-z]))"
    # "as highlighted in the 2025 MBRRACE-UK report": a year naming a publication, no deadline
    r"(?!\s+(?-i:(?:[A-Z][\w-]*\s+){1,3})(?:report|survey|census|study|review|index|edition|statistics)\b)"
)
# "launched in 2020", "founded in 2019": when the body began, no deadline (but "will be launched in 2023" is)
# ("founded by World Resources Institute and the Bezos Earth Fund in 2021", "Started in 1999", "which
# began in 2005": the founders may stand between the verb and the year)
_FOUNDED_BEFORE = re.compile(
    r"(?<!will be )(?<!to be )(?<!shall be )(?<!will )(?<!to )"
    r"\b(?:launched|founded|formed|created|established|began|begun|inaugurated|(?:^|(?<=[.;]\s)|(?:which|that|was|were|been)\s+)(?:started|initiated))"
    r"\s+(?:by\s+[^.;:]{3,80}?\s+)?$",
    re.IGNORECASE,
)
_TIMEFRAME = [re.compile(p, re.IGNORECASE) for p in TIMEFRAME_PATTERNS]
_DATED = re.compile(DATED_PATTERN, re.IGNORECASE)
_PAST = re.compile(LEXICON.past_cues, re.IGNORECASE)
_FUTURE = re.compile(LEXICON.future_cues, re.IGNORECASE)


# a capitalised word before "2030 objectives" makes the year part of a name ("Healthy People 2030
# objectives"), unless it is a determiner ("Our 2030 goals", "The 2022-25 strategy")
_NAME_BEFORE_YEAR = re.compile(
    r"\b(?!(?:The|Our|Its|This|Their|These|Your|A|An|In|By|For|Until|Through|Of)\b)[A-Z][\w-]*\s+$"
)
# "Publish template repos (Nov 2025)", "Short-Term Goals (March 2025 - June 2025)", "(25 June 2026)": an
# item's month in brackets dates it (a bare year in brackets, "the Abuja Treaty (1991)", only names it)
_BRACKETED_DATE = re.compile(
    # ("launch of the consensus process (winter 2025)": a season of a year dates it too)
    # (never "we are currently (spring 2025) designing a study": the time of writing)
    rf"(?<!currently\s)(?<!\bnow\s)\(\s*(?P<date>(?:\d{{1,2}}\s+)?(?:{MONTHS}|spring|summer|fall|autumn|winter)\.?\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d"
    rf"(?:\s*[-–]\s*(?:\d{{1,2}}\s+)?(?:(?:{MONTHS})\.?\s+)?(?:\d{{1,2}},?\s+)?(?:19|20)\d\d)?)\s*\)",
    re.IGNORECASE,
)
_YEAR_PLAN = _TIMEFRAME[next(i for i, p in enumerate(TIMEFRAME_PATTERNS) if "strategic plan" in p)]


def find_timeframe(statement: str) -> Finding:
    matches = [
        m
        for pattern in _TIMEFRAME
        for m in pattern.finditer(statement)
        if not (pattern is _YEAR_PLAN and _NAME_BEFORE_YEAR.search(statement, 0, m.start()))
    ]
    matches += [
        m
        for m in (*_DATED.finditer(statement), *_BRACKETED_DATE.finditer(statement))
        if not tells_the_past(statement, m.start()) and not _FOUNDED_BEFORE.search(statement, 0, m.start())
    ]
    if not matches:
        return Finding(False, None)
    best = max(matches, key=lambda m: len(m.group(0)))
    # a milestone's date is the deadline; the milestone's name belongs to the outcome
    return Finding(True, (best.groupdict().get("date") or best.group(0)).strip())


def tells_the_past(statement: str, at: int) -> bool:
    """Whether the sentence holding position `at` reports the past and plans nothing."""
    start, end = next(((s, e) for s, e in sentence_spans(statement) if s <= at < e), (0, len(statement)))
    sentence = statement[start:end]
    return bool(_PAST.search(sentence)) and not _FUTURE.search(sentence)
