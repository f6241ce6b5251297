"""Purpose statements built from a user's own words: the goal clause of a sentence, completed with
[slots] only where a fact is missing, and the re-orderings the drafts offer.

Shared by the check's rewrite and the drafts, so both keep the user's numbers, places and dates
verbatim: a clause is never cut inside, only its lead-in ("Our goal is to", "2030 targets:") is
dropped and the missing criteria are appended.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from advisor.capabilities.purpose.models import Finding
from advisor.capabilities.purpose.rules import (
    CONCRETE_VERBS,
    VAGUE_GROUPS,
    VAGUE_VERBS,
    find_outcome,
    find_place,
    find_population,
    is_determiner,
)
from advisor.capabilities.purpose.timeframe import find_timeframe, tells_the_past
from advisor.capabilities.purpose.vocabulary import LEXICON, alternatives
from advisor.text.sentences import split_sentences

# The result to count, as a noun phrase: "..., reaching [...] by 2030"; "Reach [...] in Accra by [year]"
# when no sentence of the goal says what should change.
RESULT_SLOT = "[a result you can count, e.g. 30% fewer X]"
NO_GOAL_SLOT = f"Reach {RESULT_SLOT}"
TARGET_SLOT = "[by how much, e.g. by 30% or to 500]"
POPULATION_SLOT = "[a defined group or place]"
TIMEFRAME_SLOT = "by [year]"

# Verbs a purpose clause can open with, in the base form ("develop", "keep"), besides the lexicon's.
_MORE_VERBS = (
    "make keep steward help give create develop maintain defend serve connect build produce publish lead "
    "advise buy purchase send relocate warn "
    "facilitate share offer run establish grow become organise organize set stop put see turn bring "
    "transform shift secure guarantee protect cut halve deploy launch adopt pass win recruit release "
    "complete implement scan triage notify review propose drive double triple green electrify end "
    "solve combat fight coordinate accelerate advocate align amplify assess bridge catalyse catalyze "
    "champion "
    "collaborate collect convene coordinate curate define design disseminate document educate enable "
    "equip evaluate extend form foster identify improve inform integrate invest involve mobilise mobilize "
    "monitor nurture outline link partner prepare preserve prioritise prioritize raise reform reinforce "
    "represent "
    "research restore scale sustain teach test track transition translate unite unlock advance inspire "
    "use act acquire retain gather compare manage store pursue maximize maximise standardize standardise "
    "join enforce supply contribute invite encourage empower strengthen evolve maintain sponsor fund host "
    "steward govern publish organize organise offer pool archive assist coach compost counsel cure "
    "diagnose digitize digitise distribute elect employ finance heal honor honour immunize immunise "
    "insulate lend litigate mentor narrow negotiate nourish operate rebuild recycle reforest repair "
    "rescue resettle rewild safeguard sue tutor uphold weatherize welcome clean volunteer generate dignify "
    "guard valorize valorise celebrate investigate nurture relieve further educate conserve enhance "
    "leverage focus transform pioneer perform add aid fulfil fulfill finalize finalise take "
    "initiate shape transmit oversee streamline elevate specify detail recommend apply"
)
# verbs that end a list of doings but never open a goal ("The network includes 40 clinics" is no aim):
# "provides a PGAS API and includes X" -> "Provide a PGAS API and include X"
_LISTED_ONLY_VERBS = frozenset({"include", "contain"})
BASE_VERBS = frozenset({v.split()[0] for v in (*CONCRETE_VERBS, *VAGUE_VERBS)} | set(_MORE_VERBS.split()))
# "Our goal is to", "The mission and goals of this Community Group are to", "We want to", "X exists to".
_PURPOSE_LEAD = re.compile(
    r"^(?!(?:if|when|unless|whether|in\s+the\s+event|in\s+case|provided|should\s+the|since|because|although"
    r"|though|whereas)\b)"
    # "In the spirit of faith, service, and community, we strive to", "In an era when X, the initiative
    # also aims to": a setting before the subject
    r"(?:(?:in\s+the\s+spirit\s+of|in\s+an?\s+(?:era|time|world)|together|as\s+an?)\b[^;:]{0,160}?,\s+)?"
    r"(?:[^,;:]{0,80}?\b(?:mission|goals?|purposes?|aims?|vision|objects?|objectives?|role|task|intent|impact|ambition"
    r"|targets?|aspirations?|priorit(?:y|ies)|commitments?"
    r"|project|scope"
    r"|(?:(?:primary|main|core)\s+)?focus)"
    r"(?:\s+and\s+\w+)?(?:\s*\([^()]{1,40}\))?(?:\s+(?:for|in)\s+(?:19|20)\d{2}|\s+this\s+year)?(?:\s+(?:of|for)\s+(?:[^,;:]|,\s*(?:Inc|Ltd|LLC|e\.V)\b\.?){1,80}?)?"
    r"\s+(?:is|are|will\s+be|shall\s+be|remains?|was\s+and\s+is)\s*:?\s+(?:therefore\s+|thus\s+|simply\s+)?"
    r"(?:to|that)\s*:?\s+"
    # "It's our goal to provide ...", "It is our mission to ..."
    r"|(?:[^,;:]{0,60},\s+)?(?:it\s+is|it['’]s)\s+(?:our|the|its|their)\s+(?:mission|goal|aim|purpose|ambition|objective)"
    r"(?:\s+of\s+[^,;:]{1,60}?)?\s+to\s+"
    # "It is vital for ERS to ensure that ...": what the body must do
    r"|(?:it\s+is|it['’]s)\s+(?:vital|essential|crucial|critical|important)\s+for\s+[^,;:]{1,60}?\s+to\s+"
    # "The Earth BioGenome Project (EBP), a moonshot for biology, aims to": an apposition, then the lead-in
    # "CSA Network Ireland is the national network for CSA farms, and aims to": a description, then the aim
    r"|(?:[^,;:]{1,80},\s+[^,;:]{1,60},\s+|[^,;:]{1,140},\s+(?=and\s+(?:also\s+)?(?:aims?|seeks?|exists?|strives?|works?|intends?|wants?)\s+to\b))?[^,;:]{0,140}?\b(?:exists?|aims?|aiming|wants?|hopes?|plans?|intends?|seeks?|seeking|strives?|commits?|pledges?|"
    r"endeavou?rs?|attempts?|pledged|aspires?|(?:focused|centred|centered)\s+on\s+(?:efforts?|work)|(?<=we\s)would\s+like|(?<=we)['’]d\s+like|"
    r"is\s+committed|are\s+committed|(?<=\s)resolved?|agreed|will\s+work|works?|working\s+with\s+[^,;:]{1,80}?|(?<!the\s)(?<!a\s)need|on\s+a\s+mission|up\s+to\s+us|"
    r"continues?|(?:have|are)\s+planning|(?<!to\s)come\s+together|join\s+forces|unite|(?:is|are)\s+working(?:\s+(?:at|on|in|across)\s+[^,;:]{1,50}?)?)"
    r"\s+to\s+"
    r"|[^,;:]{0,80}?\b(?:agreed|decided|resolved)\s+that\s+[^,;:]{0,60}?\b(?:should|will|must|shall)\s+"
    # "can be summed up in a quest to X", "encapsulates a mission to X"
    r"|[^;:]{0,160}?\b(?:a|the|our|its)\s+(?:quest|bid|drive|mission|calling)\s+to\s+(?=[a-z])"
    # "What the Friends can do, and are helping to do, is to strengthen X"
    r"|what\b[^;:]{0,200}?\b(?:do|achieve|want)\b[^;:]{0,120}?\bis\s+to\s+"
    r"|let['’]s\s+|let\s+us\s+"
    # "The project is helping create X": what it helps do
    r"|[^,;:]{0,140}?\b(?:is|are)\s+helping\s+(?:to\s+)?(?=[a-z])"
    # "The association will operate exclusively in an effort to maintain X"
    r"|[^,;:]{0,140}?\bin\s+an\s+effort\s+to\s+"
    # "The ESSnet aims at fostering the reuse of X": the doing it aims at
    r"|[^,;:]{0,140}?\b(?:aims?|aiming|aimed)\s+at\s+(?=[a-z]+ing\s)"
    # "The Society's objects increasing the understanding of X": an aim stated as a doing, "are" left out
    r"|[^,;:]{0,80}?['’]s\s+(?:mission|goals?|purposes?|aims?|objects?|objectives?)(?:\s+(?:is|are))?\s+"
    r"(?=(?!(?:including|regarding|concerning|following|being|having|during)\b)[a-z]+ing\s))",
    re.IGNORECASE,
)
# "2030 targets: Deploy…", "The purposes of this chapter are to: Defend…": a label before a colon.
_LABEL = re.compile(r"^(?P<label>[^:;]{1,70}):\s+(?=\S)")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# the end of a clause: stops, a closing quote after a full stop, markdown emphasis left open ("serve.*")
_END = re.compile(r"(?:[\s.;:,!?]|(?<=[.!?])[”\"’'*_]|\*+|(?<=\s)_+)+$")
# "Los Angeles County", "England, Scotland and Wales", "Indore (India), Jakarta (Indonesia) and Nairobi"
_PLACE_PHRASE = re.compile(
    r"^[A-ZÀ-Þ][\w’'.-]*(?:(?:\s+|,\s+)(?:of|the|and|or|[A-ZÀ-Þ][\w’'.-]*|\([A-ZÀ-Þ][\w’' .-]*\)))*"
    r"(?:\s+(?:area|region))?$"  # "the San Diego area"
)
VAGUE_TIME = re.compile(
    # ("as soon as possible" whole: never "as by [year] as possible")
    r"\b(?:(?:as\s+)?soon(?:\s+as\s+(?:possible|practicable|feasible))?|eventually"
    r"|in the (?:near |long )?(?:future|term)|over time|long[- ]term|one day|someday"
    r"|over the (?:next|coming) (?:few|several|many) years|in the (?:coming|next few) years)\b",
    re.I,
)
# Verbs that change a level: only these take "[by how much]" after their object ("Cut X [by how
# much]"); any other verb ("Serve the citizens of Kent", "Create X", "Achieve justice") gets a result to
# count (", reaching [...]").
_MADE_MORE = re.compile(  # (the comparative ends the goal: never "make Calgary a more affordable city")
    r"(?i)make\s+[^,;]{1,60}?\b(?:safer|healthier|cheaper|faster|easier|better|stronger|cleaner|greener|"
    r"(?:more|less|fewer)\s+[\w-]+)(?:\s+(?:for|to|in)\s+[^,;]{1,40})?\s*$"
)
_LEVEL_VERBS = frozenset(
    ["cut", "decrease", "reduce", "lower", "shorten", "increase", "raise", "lift", "grow", "expand", "boost"]
)
# "Launched in 2013, ...", "Founded by three clinics, ...": history before the subject, not the goal.
_HISTORY = re.compile(
    r"^(?:(?:launched|founded|established|formed|created|started|incorporated|convened|set\s+up"
    r"|(?:co-)?funded\s+by|supported\s+by|sponsored\s+by|financed\s+by|backed\s+by|hosted\s+by)\b"
    r"|since\s+(?:our|its|their)\s+(?:founding|creation|launch|start)\b)[^,;:]{0,80},\s+",
    re.IGNORECASE,
)
# "... working towards a common goal of creating accessible map data": the goal is the doing named.
_GOAL_OF = re.compile(
    r"^[^;]{0,300}?\b(?:a|the|our|their|its)\s+(?:common\s+|shared\s+|main\s+|overall\s+|core\s+|collective\s+)?"
    r"(?:goal|aim|mission|purpose|objective|focus)\s+(?:of|on)\s+(?=\w+ing\b)",
    re.IGNORECASE,
)
_GERUND_SUBJECT = re.compile(
    r"\b(?:is|are|was|were|has|have|had|means|remains|can|could|will|would|should|must|may|matters|helps)\b"
)
# "To achieve this, we ...", "To cut X, we will ...", "To become a member, countries must ...": an
# infinitive of purpose before the subject (its aim is the goal only when "we" follow).
_PURPOSE_ADJUNCT = re.compile(
    # "To achieve this, we": the comma tells it from "To empower them to be leaders"
    # "To support and accelerate these efforts, President Biden will ...": the aim points back, the
    # main clause is the goal
    # ("To achieve this we run ...": the comma left out before "we")
    r"^to\s+(?P<anaphor>(?:this|that)\s+end\b,?|\w+\s+(?:this|these|that|it|them)(?:,|(?=\s+we\b))"
    r"|[^,;]{0,60}?\b(?:this|these|those)\s+(?:efforts?|aims?|goals?|objectives?|ends?|vision|mission|work),)\s+"
    # "To retain the creek, PANIL is working with X": the aim, then a named body at work on it
    r"|^to\s+(?P<aim>[a-z][^,;]{2,160}),\s+(?:(?=we\b)|(?-i:(?=(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,8}?\s+"
    r"(?:is|are|was|were|will|works?|aims?|plans?|created|launched|helps?)\b))|(?P<rule>(?:\w+\s+){1,3}(?:must|shall|should|may|need\s+to)\b))",
    re.IGNORECASE,
)
# "By working collectively, we aim to ...", "Through our partners, the coalition will ...": the means
# before the subject; dropped only when a lead-in or subject follows it.
_MEANS = re.compile(
    r"^(?:(?:by\s+\w+ing\b|using\s|through\s|via\s|in\s+(?:one|a)\s+(?:sentence|word)\b|simply\s+put\b|in\s+short\b"
    r"|ultimately\b|together\b|(?:more\s+)?specifically\b|in\s+particular\b|concretely\b)[^,;:]{0,120}"
    # "Through adaptations that experiment with poetry, drama and visual media, we aim to ...": a list inside
    r"|(?:through|using|via)\s[^;:]{0,160}?"
    # "By collecting, managing and preserving X, the Center ...": a list of means, commas and all
    r"|by\s+\w+ing,\s+(?:\w+ing,?\s+(?:and\s+)?)+[^;:]{0,160}?),\s+"
    # then the subject: "we", "the X", or a name and its verb ("Using X, ALfA unlocks Y")
    r"(?=(?:we|our|the)\b|(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+[a-z]+s\b))",
    re.IGNORECASE,
)
# "Code.org is a non-profit dedicated to expanding ...", "X is a network working towards ...": a
# description of who does the work; the goal is what follows.
_BODY_NOUNS = (
    r"(?:organi[sz]ation|network|coalition|alliance|group|body|initiative|project|programme|program|"
    r"partnership|charity|foundation|consortium|institute|collaborative|agency|association|society|"
    r"federation|union|community|company|corporation|campaign|movement|platform|fund|trust|nonprofit|"
    r"non-profit|not-for-profit|org|NGO)"
)
# "We promote…", "Our alliance promotes…", "The organization develops…": the subject before the verb of
# a purpose.
_SUBJECT = re.compile(rf"^(?:we|our|they|the\s+(?:partners|collaborative|{_BODY_NOUNS}))\b", re.I)
_DESCRIBED = re.compile(
    r"^[^;:]{0,80}?\b(?:is|are)\s+(?:an?\s+|the\s+)?[^;:]{0,100}?\b"
    r"(?:(?:dedicated|committed|devoted)\s+to\s+(?P<gerund>\w+ing)\b|(?:focused\s+(?:\w+ly\s+)?on|responsible\s+for)\s+(?P<focus>\w+ing)\b|"
    r"aimed\s+at\s+(?P<aimed>\w+ing)\b|"
    + _BODY_NOUNS
    + r"(?:\s+of\s+(?:the\s+)?[A-Z][\w ]{0,40}?)?(?:\s+(?:that\s+(?!is\b|has\b|was\b|does\b)(?P<runs>[a-z]+s)"
    r"|(?P<doing>[a-z]+ing))|,\s+(?P<doing2>[a-z]+ing))\b|(?P<working>working)\s+(?=to(?:wards?)?\s))",
    re.IGNORECASE,
)
# A headline with no verb of its own: "A nonprofit organization promoting X", "Oregon Housing Alliance —
# Coalition advocating for X": the doing after the body is the goal.
_HEADLINE_DOING = re.compile(
    r"^(?:[^;:.]{0,60}?\s[–—-]\s+)?(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?"
    + _BODY_NOUNS
    # (a lower-case doing: "Collaborative Housing provides" is a name, never "House")
    + r"(?:\s+|,\s+(?:focused\s+on|dedicated\s+to|committed\s+to)\s+)(?P<doing>(?-i:[a-z]+ing))\b",
    re.IGNORECASE,
)
# "ESA's ambitious vision includes increasing European autonomy ...": the aim is the gerund.
_VISION_GERUND = re.compile(
    r"^[^;:]{0,80}?\b(?:(?:vision|mission|goal|aim|purpose|focus)s?\s+(?:includes?|involves?|is|are|means)"
    r"|(?:is|are)\s+(?:all\s+)?about|envisions?|envisages?"
    # "our River Guardians initiative focuses on monitoring X"
    r"|focus(?:es)?\s+(?:\w+ly\s+)?on)\s+(?P<gerund>\w+ing)\b",
    re.IGNORECASE,
)
# "The purposes for which the Company is formed ... include maintaining X": the doings listed.
_PURPOSES_INCLUDE = re.compile(
    r"^[^;:]{0,40}?\b(?:purposes?|goals)\b[^;:]{0,120}?\binclude\s+(?P<gerund>\w+ing)\b", re.IGNORECASE
)
# "We envision a just world where ...", "The vision is a Dallas where ...": the picture to build.
_ENVISION = re.compile(
    r"^(?:[^,;:]{0,80}?\s)?(?:envisions?|envisages?)\s+(?=(?:a|an|the)\s)"
    r"|^[^,;:]{0,80}?\bvision\s+(?:is|remains)\s+(?:of\s+)?(?=(?:a|an)\s)",
    re.IGNORECASE,
)
# "... individuals and organizations who advocate together for X": what the members do.
_RELATIVE_DOES = re.compile(
    r"\b(?:individuals|organi[sz]ations|groups|members|volunteers|partners|people|folks|residents|advocates|"
    r"leaders|citizens|neighbou?rs|agencies|activists|professionals)\s+(?:who|that)\s+(?P<verb>[a-z]+)\s+(?=[a-z])"
)
# "Sets federal minimum standards ...", "Fosters inclusion ...": a listed item whose subject is above it.
_ITEM_VERB = re.compile(r"^(?P<verb>[A-Z][a-z]+s)\s+(?=[a-z]|[A-Z]{2,})")  # "Provides APIs for X"
# "We want New York's governments to work ...": what the subject wants others to do.
_WANT_OTHERS = re.compile(
    r"^(?:we|the\s+\w+)(?:[’']re|\s+are|\s+is)?\s+(?:wants?|calling\s+on|calls?\s+on|urging|urges?|asking|asks?)\s+"
    r"(?P<who>[^,;:]{1,60}?)\s+to\s+(?=[a-z])",
    re.IGNORECASE,
)
# "In concert with over 120 groups, as the Bikeways Coalition, we're ...", "Moved by the plight of
# refugees, members of X ...": the setting before the subject (history and means are their own)
_SETTING = re.compile(
    r"^(?:in\s+concert\s+with|in\s+partnership\s+with|alongside|moved\s+by|inspired\s+by|driven\s+by"
    r"|(?:proudly\s+)?(?:based|headquartered|located)\s+in"  # "Based in the East Midlands, we ..."
    r"|with\s+(?:a|an|the|our|support|help)\b"
    r"|guided\s+by|as\s+(?:an?|the)\s)[^;:]{0,200}?,\s+(?=(?:we|our|members)\b)",
    re.IGNORECASE,
)
# "In close collaboration with SERCOM, lead ...", "During the five year period, the Consortium will aim
# to ...", "As quickly as possible, we'd like to ...": a setting dropped only when a verb or a lead-in
# follows it.
_WORK_SETTING = re.compile(
    r"^(?:in\s+(?:close\s+)?(?:collaboration|cooperation|consultation|coordination)\s+with|during|over\s+the"
    r"\s+(?:next|coming)|beyond\s+(?:that|this)|as\s+(?:quickly|soon)\s+as\s+possible|in\s+the\s+(?:coming|next)"
    r"|under\s+the|as|with|this\s+year|[a-z]{4,}ly(?=,)"
    # "For the public benefit, build and support a community ...": a charity's object, for whose good
    r"|for\s+the\s+(?:public|common|wider)\s+(?:benefit|good))\b[^;:]{0,120}?,\s+"
    # (never inside a list: "As part of X we work to learn, share, and organize ...")
    r"(?![a-z]+,\s)(?!and\s|or\s)",
    re.IGNORECASE,
)
_FOCUS_ON = re.compile(
    r"^(?:our|the|its|their)\s+(?:(?:primary|main|core|key)\s+)?focus\s+(?:is|are)\s+on\s+", re.I
)
# "Rocky Mountain Farmers Union is an advocate for family farmers": the role the body takes
_ROLE_FOR = re.compile(
    r"^[^;:,]{0,80}?\b(?:is|are)\s+(?P<role>(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:advocate|voice|champion|catalyst|hub|leading\s+voice)\s+(?:for|of)\s+)",
    re.IGNORECASE,
)
# A charity's objects as nouns: "The objects of the CIO are the relief of poverty in X", "Provision of
# basic education to orphans": the noun of the doing, then what it is done to.
_NOMINAL_VERBS = {
    "advancement": "advance", "promotion": "promote", "relief": "relieve", "prevention": "prevent",
    "protection": "protect", "preservation": "preserve", "provision": "provide", "conservation": "conserve",
    "development": "develop", "improvement": "improve", "creation": "create", "establishment": "establish",
    "reduction": "reduce", "elimination": "eliminate", "encouragement": "encourage",
    "maintenance": "maintain", "furtherance": "further", "facilitation": "facilitate",
    "enhancement": "enhance", "strengthening": "strengthen", "education": "educate", "support": "support",
}  # fmt: skip
_NOUN_VERB = {**_NOMINAL_VERBS, "growth": "grow", "strengthening": "strengthen", "support": "support"}
_NOMINAL_AIM = re.compile(
    r"^(?:[^,;:]{0,80}?\b(?:objects?|objectives?|purposes?|mission|aims?|goals?)\b[^,;:]{0,60}?\b"
    r"(?:is|are|shall\s+be|includes?)\s+(?:for\s+)?)?(?:the\s+)?(?P<noun>"
    + "|".join(_NOMINAL_VERBS)
    + r"|furthering|promoting|advancing|fostering|encouraging|supporting)"
    # "Promotion and development of Python in India": two doings of one object
    + r"(?:\s+and\s+(?P<noun2>"
    + "|".join(_NOMINAL_VERBS)
    + r"))?\s+of\s+(?=\S)",
    re.IGNORECASE,
)
_GERUND_HELPS = re.compile(
    r"^(?P<doing>[A-Za-z]+ing)\s+(?P<what>[^;:]{3,200}?)\s+(?:helps?|will\s+help)\s+(?:to\s+)?(?P<verb>[a-z]+)\b"
)
# 'Objective 5.1 of the Plan calls for "Developing and strengthening partnerships"': the doing asked for
_CALLS_FOR = re.compile(r"\bcalls?\s+for\s+[\"“]?(?P<doing>[A-Za-z]+ing)\b")
# "Providing direct funding to X, and ensuring Y, is core to what we do": the doing is the aim.
_GERUND_IS_CORE = re.compile(
    r"^(?P<doing>[A-Za-z]+ing)\s+(?P<what>[^;:]{3,300}?),?\s+(?:is|are)\s+(?:core|central|key|fundamental|"
    r"at\s+the\s+(?:heart|core))\s+(?:to|of)\s+(?:what\s+we\s+do|our\s+(?:work|mission|approach|purpose))\b.*$"
)
# "We want every child in Accra reading by age 8": a group, then what they should be doing.
_WANT_DOING = re.compile(
    r"^(?:we|the\s+\w+)\s+wants?\s+(?P<who>(?:every|all|each|more|our)\s[^,;:]{1,60}?)\s+(?=[a-z]+ing\b)",
    re.IGNORECASE,
)
# "The Council shall establish ...", "FPC will halve ...": a named subject and a modal, then the verb.
_MODAL_SUBJECT = re.compile(
    r"^(?:the\s+|this\s+)?[A-Z](?:(?!\s(?:that|which|who|to)\s)[^,;:]){0,80}?"
    # "EPA, in close collaboration with states, will reduce ...": an aside between subject and verb
    r"(?:,\s+(?:in|with|together|working|through|alongside|jointly)\b[^,;:]{1,80},)?\s+(?:will|shall|must)\s+"
    r"(?:also\s+)?(?!be\b|have\b|not\b|also\b)(?=[a-z])"
)
# A deadline before the goal: "By 2030, ...", "Not later than 90 days after enactment, ...".
_FRONTED_TIME = re.compile(
    # ("By September 30, 2019, EPA will ...": the comma of a date is no end)
    r"^(?P<when>(?:by|before|until|within|no\s+later\s+than|not\s+later\s+than)\s"
    r"(?:[^,;:]|,\s*(?=(?:19|20)\d\d\b)){1,90}"
    r"|(?i:for)\s+(?:the\s+next\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+years"
    # "This year, remove X", "For our first year, save X"
    r"|(?:this|next)\s+year|(?:for|in|during)\s+(?:our|its|the)\s+first\s+(?:year|two\s+years|three\s+years)"
    r"|in\s+20\d\d),\s+",  # "In 2030, every child will ..."
    re.I,
)
# "the long-term goal (LTAG) for international aviation to reach net zero", "the goal is for all data to
# have X": what others should do, as "Get X to ..."
_GOAL_FOR_OTHERS = re.compile(
    r"\b(?:goal|aim|target|ambition|aspiration|vision)s?\s*(?:\([^()]{1,20}\)\s*)?(?:is\s+)?for\s+"
    r"(?P<who>(?:(?!\b(?:is|are|was|were|that|which|who)\b)[^,;:()]){1,60}?)\s+to\s+(?=[a-z])",
    re.IGNORECASE,
)
# "(one stands out:) for the Government of Canada to make all services available online"
_FOR_OTHERS = re.compile(r"^for\s+(?P<who>(?:the\s+)?[A-Z][^,;:]{0,60}?)\s+to\s+(?=[a-z])")
_AND_GERUND = re.compile(r"([,;]\s*(?:and\s+)?|^and\s+|\s+and\s+)(?:to\s+)?(\w+ing)\b")
# A clause goes on past these only to explain itself; a statement stops before them.
_TAIL = re.compile(
    r";|\s[–—]\s|,\s+(?:while|which|including|in particular|so that|because|but)\b|\s+if\s+|\s+including:"
    # ", bridging X, mitigating Y, ...": what the aim brings, listed (never inside a list of doings:
    # "for directly educating, growing and rewarding contributors")
    r"|(?<!ing),\s+(?=[a-z]+ing\s)(?!including\b)"
    r"|\s+(?:through|by)\s+(?=[a-z]+ing\s)"  # "... through strengthening capacity of A, B, C, ...": the means
)


# "..., hence, its activities are focused on": what follows from the aim, not the aim.
_SO_THAT_AFTER = re.compile(
    r",\s+(?:hence|thus|therefore)\b"
    # "... medical care with the understanding that every life matters": the belief behind the aim
    r"|,?\s+(?:with|under)\s+the\s+(?:understanding|belief|conviction|knowledge|recognition)\s+that\b"
    r"|,\s+without\s+(?:distinction|regard|discrimination)\b"  # a charity's condition, not its aim
    r"|\s+if\s+(?:one|you|they|someone|anyone)\s+(?:chooses?|decides?|wants?)\b",
    re.IGNORECASE,
)
# "..., and they do this not only by providing funding ...": the means, after the aim.
_HOW_THEY_DO_IT = re.compile(
    r",?\s+and\s+(?:they|we|it|the\s+\w+)\s+(?:do|does|achieves?|accomplish(?:es)?|will\s+do)\s+"
    r"(?:this|so|that|it)\b"
    # "Engage in X and shall not carry on activities ...": a rule joined to the aim
    r"|,?\s+and\s+(?:shall|must|will|may)\s+not\b"
    # "Define Exchange Patterns for EEHRxF Data: How existing profiles can be used ...": a heading's
    # subtitle, a question the work answers, not more of the aim
    r"|:\s+(?-i:How|What|Why|Which|Where|When|Who)\s"
    # "... of women and rebranded in January 2017 to ...": what happened next, told after the aim
    r"|,?\s+and\s+(?:was\s+|were\s+)?[a-z]+ed\s+(?:in|on)\s+(?:(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+)?(?:19|20)\d\d\b"
    # "... families in the Antelope Valley, the long-term goal is to help ...": a second sentence spliced on
    r"|,\s+(?:the|our|its|their)\s+(?:[\w-]+\s+){0,2}(?:goal|aim|mission|purpose|vision|objective)s?\s+(?:is|are)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Facts:
    """A statement's criteria as the rules find them in it."""

    outcome: Finding
    population: Finding
    timeframe: Finding


def facts_of(text: str) -> Facts:
    timeframe = find_timeframe(text)
    population = find_population(text)
    return Facts(find_outcome(text, timeframe, population), population, timeframe)


def goal_clauses(text: str) -> list[str]:
    """The clauses of `text` a purpose statement can be made of, lead-ins dropped: one per
    sentence (or per part of a sentence split by ';', per line, per list item), in order."""
    return [clause for clause, _ in goal_clauses_with_sources(text)]


def goal_clauses_with_sources(text: str) -> list[tuple[str, str]]:
    """`goal_clauses` with the sentence (or item) each clause comes from."""
    clauses = []
    for sentence in goal_sentences(text, lone_lead_in=True):
        for part in re.split(r";\s+", sentence):
            clause = strip_lead(part)
            balanced = clause.count("(") == clause.count(")") and not clause[:1].isdigit()
            if len(clause.split()) >= 2 and balanced:
                clauses.append((clause, part))
    return clauses


# Markup a pasted goal carries: tags, links (their text kept), citation keys, footnote marks.
_GOAL_MARKUP = re.compile(
    r"<sup>[^<]{0,12}</sup>|<[^>]{1,200}>|\[@[^\]]{1,200}\]|\[\^?\d+\]|\*\*|__|`"
    # a web address cited in brackets after a sentence: "... impact. \[www.godan.info\]"
    r"|\s?\\?\[\s*(?:https?://|www\.)[^\]\s]{1,200}\s*\\?\]"
    r"|\s?<[a-zA-Z/][^<>]{0,200}$"  # a tag cut off by the clause's end ('<ol type="a" style="m')
    r"|\s?(?<![\w:]):[a-z][a-z0-9_+-]{1,30}:(?![\w:])"  # an emoji's short code, ":muscle:"
    r"|\s?[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+"  # an emoji itself
)
# "_their_", "*Project Trademarks*": emphasis marks around words (the words kept)
_EMPHASIS = re.compile(r"(?<![\w*_])[*_](?=[^\s*_])([^*_\n]{1,300}?)(?<=[^\s*_])[*_](?![\w*_])")
_LINK = re.compile(r"\[([^\]]{1,200})\]\([^)]{1,300}\)")
# An item of a list: "(a) to ...", "(2) increase ...", "- Halve ...", "1. Cut ...".
_ITEM = re.compile(
    r"(?:^|\s)(?:\(\s*(?:[a-h]|[ivx]{1,4}|\d{1,2})\s*\)|\d{1,2}[.)]|(?:[a-n]|[ivx]{1,4})\))\s+(?=\S)"
)
# "... (Tax Number: 82-0779546) Our mission: to help ...": a label that starts a sentence of its own.
_MISSION_LABEL = re.compile(
    r"(?<=[\w)\]])\s+(?:our|the)\s+(?:mission|vision|goal|purpose|aim)s?\s*:", re.IGNORECASE
)
# "Our vision is to see X, and our mission is to act as Y": two statements, one sentence each.
_AND_MISSION = re.compile(
    r",?\s+and\s+(our|its|their|the)(?=\s+(?:mission|vision|goal|purpose|aim)s?\s+(?:is|are)\s+to\b)", re.I
)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]{2,40},\s+[A-Z][\w .]{1,30}?\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*(?:--|[–—-])\s*"
)
_MEANS_LABEL = re.compile(
    r"^(?:we|they|it|the\s+\w+)\s+(?:do|does|achieves?|accomplish(?:es)?|will\s+do)\s+(?:this|so|that|it)\s+"
    r"(?:by|through|via)\s*:\s*$",
    re.I,
)
# "(SDG #5, #10)", "(http://www.osgeo.org)": tags and addresses, no words of the goal
_ASIDE = re.compile(
    r"\s?\((?:SDGs?\b[^()]{0,40}|https?://[^()\s]{1,200}|[^()]{1,120},\s*(?:n\.d\.|\d{4}[a-z]?\b)[^()]{0,60})\)",
    re.IGNORECASE,
)  # a tag, an address or a citation ("(CAEPA, n.d., Mission Statement)")
_NUMBER_IN_FIGURES = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+\(\d{1,2}\)", re.I
)
_CAMEL_NAME = re.compile(r"(?<=[a-z]{2}[.!?])\s+(?=[a-z]+[A-Z]\w*\b)")
# "- X", "2. X", "a. X", "iv) X": a list item's marker
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)]|[a-zA-Z][.)]|[ivx]{2,4}[.)])\s+")


# a hard-wrapped paragraph: every line but its last this long, none a list item or a heading
_WRAPPED_WIDTH = range(55, 101)


def _unwrapped(text: str) -> str:
    """A paragraph wrapped at a fixed width ("... education of Chinese\nEarth Sciences and ...") as one
    line, so the break is no sentence end; lists and short lines stay as they are."""
    paragraphs = re.split(r"\n\s*\n", text)
    joined = []
    for paragraph in paragraphs:
        lines = paragraph.splitlines()
        wrapped = len(lines) > 1 and all(
            len(line.rstrip()) in _WRAPPED_WIDTH
            and not _BULLET.match(line)
            and not line.lstrip().startswith("#")
            for line in lines[:-1]
        )
        joined.append(" ".join(line.strip() for line in lines) if wrapped else paragraph)
    return "\n\n".join(joined)


# "This IG was developed by the Gravity Project, which aims to build X": the aim in a relative clause
_WHICH_AIMS_TO = re.compile(
    r"^[^;:]{0,160}?,\s+(?:which|who|that)\s+(?:aims?|seeks?|strives?|exists?|works?|wants?|intends?|"
    r"hopes?|plans?)\s+to\s+(?=[a-z])"
)
# "... through the following activities: reviewing X; developing Y": the means listed, cut from the aim
_FOLLOWING_MEANS = re.compile(
    r",?\s+(?:through|by|via|with|including|in)\s+the\s+following\s+(?:\w+\s+){0,2}?\w+\s*:.*$", re.I
)
# A line that only introduces its list: "The purposes of the corporation shall be:", "X will: "
_INTRODUCES_ONLY = re.compile(
    r"\b(?:be|are|is|include|includes|including|to|the\s+following|as\s+follows|these|will|shall|must|by|"
    r"through|are\s+to|such\s+as|namely)$",
    re.I,
)


# a small word typed twice ("has has"; never "had had", which is English)
_DOUBLED_WORD = re.compile(
    r"\b(the|a|an|to|of|and|or|has|have|is|are|in|for|on|with|be|will|we|our)\s+\1\b", re.IGNORECASE
)


def goal_sentences(text: str, *, lone_lead_in: bool = False) -> list[str]:
    """The sentences of a goal as a user pastes it: markup dropped, each line and each list item
    ("(a) ...", "(2) ...") on its own, so items never run together. With `lone_lead_in`, a text that
    is only a line ending in ":" (its list cut off) is that line, unless it merely introduces a list."""
    text = re.sub(r"\\([\[\]*_()#])", r"\1", text)  # escaped markdown: "\[2]" is "[2]"
    text = html.unescape(text)  # "entity.**&#x20;", "Food &amp; Farming": the characters meant
    text = _LINK.sub(r"\1", text)
    text = _GOAL_MARKUP.sub("", text)
    text = _NUMBER_IN_FIGURES.sub(r"\1", text)  # "three (3) members": no list item "(3)"
    text = _DOUBLED_WORD.sub(r"\1", text)  # a typo: "a country that has has 11 official languages"
    text = re.sub(r"(?m)^[ \t]*>[ \t]?", "", text)  # a quoted block's mark: "> _Delivering X._"
    text = re.sub(r"[ \t]+([,;])", r"\1", text)  # "health education , entrepreneurship"
    text = re.sub(r",(?=[A-Za-z])", ", ", text)  # "among the public,we initiated", "Children,Young People"
    text = re.sub(r"(?<=\bto )[\"“]([^\"“”\n]{1,80})[\"”]", r"\1", text)  # 'is to "restore the bush"'
    text = re.sub(r"\.[ \t]+(?=to\s+[a-z])", ".\n", text)  # "X for biomass. to provide Y": two aims
    text = _ASIDE.sub("", text)
    # "an organization within the meaning of Section 501(c)(3) of the Internal Revenue Code that ...": law
    text = re.sub(
        r",?\s+within\s+the\s+meaning\s+of\s+[^,;.]{0,80}?\b(?:Code|Act)(?:\s+of\s+\d{4})?", "", text
    )
    text = re.sub(r"\s+[•·▪]\s+", "\n", text)  # "X. • To recognise Y. • To develop Z": items in one line
    text = _EMPHASIS.sub(r"\1", text)
    if text.count('"') % 2:  # a quotation cut off where the goal was copied: its mark goes
        text = text.replace('"', "")
    text = _DATELINE.sub("", text)  # "MOUNTAIN VIEW, California November 12, 2019 -- The Alliance ..."
    text = _MISSION_LABEL.sub(lambda m: "\n" + m.group(0).lstrip(), text)
    text = _CAMEL_NAME.sub("\n", text)  # "... software. rOpenSci is ...": a name opens the sentence
    text = _AND_MISSION.sub(lambda m: ".\n" + m.group(1).capitalize(), text)
    text = _unwrapped(text)
    sentences: list[str] = []
    lead_ins: list[str] = []  # lines that introduce a list ("... shall be:")
    lines: list[str] = []
    means = ""  # "We do this by:" above a list: its items are means, not goals
    for raw in text.splitlines():
        line = raw.strip()
        listed = bool(_BULLET.match(raw))
        wrapped = line[:1].islower() and not lines[-1].endswith((".", "!", "?")) if lines else False
        if lines and line and not listed and (wrapped or lines[-1].endswith(",")):
            lines[-1] = f"{lines[-1]} {line}"  # a line wrapped mid-sentence ("to raise,\nbudget ...")
        elif line:
            item = _BULLET.sub("", line).strip()
            means = means if listed else (line.rstrip(" :") if _MEANS_LABEL.match(line) else "")
            lines.append(f"{means} {_lower_first(item)}" if listed and means else item)
    for line in _under_goal_headings(lines):
        items = [i.strip(" ,;") for i in _ITEM.split(line)]
        for item in items:
            item = re.sub(r"^(?:and|or)\s+", "", item)
            # a sentence that ran into a list: "... a software stack that is" (then the items)
            item = re.sub(
                r"(?:\s+(?:that|which)(?:\s+(?:is|are))?|\s+(?:such as|including|to|and|or|by|for))\s*:?$",
                "",
                item,
            )
            if item.endswith(":"):  # "The purposes of this corporation shall be:" introduces the items;
                # the sentences before such a lead-in on its line still count
                sentences.extend(split_sentences(" ".join(item.split()))[:-1])
                lead_ins.append(" ".join(item.rstrip(" :").split()))
                continue
            if not item:
                continue
            sentences.extend(split_sentences(" ".join(item.split())))
    if lone_lead_in and not any(s.strip() for s in sentences):  # "Maintain X to meet the needs of
        # Members:" with its list cut off
        sentences = [lead for lead in lead_ins if lead and not _INTRODUCES_ONLY.search(lead)][-1:]
    return [_unquoted(_ATTRIBUTION.sub("", s)) for s in sentences if s.strip()]


# "..., ” Cr Law said.": who said a quoted goal, not part of it
_ATTRIBUTION = re.compile(
    r"[,.]?\s*[”\"]\s*,?\s*(?:[A-Z][\w.’'-]*\s+){1,4}(?:said|says|explained|added|noted|told\s+\w+)\.?\s*$"
)


def _unquoted(sentence: str) -> str:
    """ "“We partner to end X.”" -> "We partner to end X.": a quoted statement is the statement."""
    quoted = re.fullmatch(r"\s*([^“”\":]{1,30}:\s*)?[“\"]([^“”\"]+)[”\"]?\s*", sentence)
    # 'Vision: “To empower X.”': the label stays, the marks go
    return (quoted.group(1) or "") + quoted.group(2) if quoted else sentence


_GOAL_HEADING = re.compile(
    r"^#*\s*(?:our\s+|the\s+)?(?P<word>mission|purpose|goals?|aims?)(?:\s+statement)?\s*:?\s*#*$", re.I
)
_STATED = re.compile(r"^[^:;]{0,60}\b(?:mission|purpose|goals?|aims?)\b[^:;]{0,30}:\s+", re.I)


def _under_goal_headings(lines: list[str]) -> list[str]:
    """A line under a heading "Mission" / "## Our purpose" labelled as such ("Mission: ...")."""
    out: list[str] = []
    for line in lines:
        heading = _GOAL_HEADING.match(out[-1]) if out else None
        if heading and not _GOAL_HEADING.match(line):
            out[-1] = f"{heading.group('word').capitalize()}: {line}"
        else:
            out.append(line)
    return out


def is_stated_goal(source: str) -> bool:
    """Whether a sentence states itself as the goal: "Our mission is to ...", "Mission: ..."."""
    return bool(_PURPOSE_LEAD.match(source) or _STATED.match(source))


# "Our mission is to ..." names the aim; "X also aims to ..." adds a second one to it.
_NAMES_MISSION = re.compile(r"^[^,;:]{0,80}?\b(?:mission|purpose)\b", re.IGNORECASE)
_SECONDARY_AIM = re.compile(
    r"^[^,;:]{0,80}?\b(?:also|additionally|furthermore|in\s+addition)\b", re.IGNORECASE
)


def stated_rank(source: str) -> int:
    """How plainly a sentence states the text's main goal: 3 for its mission or purpose ("Our mission
    is to ..."), 2 for another stated aim ("X aims to ..."), 1 for a further aim ("X also aims to
    ..."), 0 for a sentence that does not state itself as a goal."""
    if not is_stated_goal(source):
        return 0
    if _SECONDARY_AIM.match(source):
        return 1
    return 3 if _NAMES_MISSION.match(source) else 2


# A phrase whose object was cut off by the list that follows it: "... homelessness with a focus on;"
_DANGLING_TAIL = re.compile(
    r"\s*,?\s+(?:with\s+(?:a|an|the|special|particular)\s+(?:\w+\s+){0,2}(?:on|of|to|in)"
    r"|including(?:\s+but\s+not\s+limited\s+to)?|such\s+as|namely|especially|particularly|focusing\s+on"
    r"|either|whether|both"
    r"|and\s+to\s+(?:that|this)\s+end)$",  # "... and to that end:" (the means listed after it)
    re.IGNORECASE,
)


# "... for users and contributors to come together for:": a lead-in's preposition whose objects are
# the list after it (only before a colon: "the projects the world relies on" keeps its "on")
_LEAD_IN_PREPOSITION = re.compile(r"\s+(?:for|of|with|on|about|into|towards?)\s*:\s*$", re.IGNORECASE)


# a time phrase a label gives, to keep before the clause: "for our first year", "within two years"
_TIME_PHRASE = re.compile(r"(?i)(?:for|in|during|within|over|this|next|by)\b")


def strip_lead(clause: str) -> str:
    """`clause` without its lead-in, so that it opens with its verb where it has one; a label's year
    ("2030 targets:") is kept as "By 2030," when the clause names no other time."""
    clause = _DANGLING_TAIL.sub("", _END.sub("", _LEAD_IN_PREPOSITION.sub("", clause.strip())))
    clause = _FOLLOWING_MEANS.sub("", clause)
    clause = _CAPS_LABEL.sub("", clause)  # "OUR MISSION Green Streets Initiative helps ...": a heading run in
    label = _LABEL.match(clause)
    if label and len(label.group("label").split()) <= 12:
        rest = clause[label.end() :]
        year = _YEAR.search(label.group("label"))
        lead = f"By {year.group(0)}, " if year and not find_timeframe(rest).met else ""
        when = find_timeframe(label.group("label")).evidence or ""
        if not lead and _TIME_PHRASE.match(when) and not find_timeframe(rest).met:
            # "For our first year, X focus on: Y" -> "For our first year, Y"
            lead = f"{when[0].upper()}{when[1:]}, "
        if rest.lower().startswith("to ") and rest[3:4].islower() and rest.split()[1] not in _FUNCTION_WORDS:
            # "Goal: To aid X by working with groups to Y": the infinitive after the label is the aim
            aim = rest[3:]
            return lead + (aim if lead else aim[0].upper() + aim[1:])
        inner = strip_lead(rest)
        # "Purposes: The Cooperative shall strive to perform X": what follows the lead-in, any verb
        if _opens_with_verb(inner) or lead or (inner != rest and _PURPOSE_LEAD.match(rest)):
            return lead + (_lower_first(inner) if lead else inner)
    listed = _ITEM_VERB.match(clause)
    if listed:  # "Sets federal minimum standards ..." -> "Set federal minimum standards ..."
        base, rest = third_person_base(listed.group("verb").lower()), clause[listed.end() :]
        first = rest.split()[0].rstrip(",;") if rest.split() else ""
        finite = _finite_verb_follows(rest) or _GERUND_SUBJECT.search(" ".join(rest.split()[:6]))
        if base in BASE_VERBS and first not in BASE_VERBS and not finite:
            return f"{base.capitalize()} {_listed_verbs(rest)}"
    adjunct = _PURPOSE_ADJUNCT.match(clause)
    if adjunct and adjunct.group("anaphor"):  # "To achieve this, we maintain ...": the main clause
        return strip_lead(clause[adjunct.end() :])
    if adjunct and adjunct.group("rule"):  # "To become a member, countries must ...": a rule
        return clause
    if adjunct:  # "To cut child poverty in half, we will ...": the aim, not the means after it
        aim = adjunct.group("aim")
        return aim[0].upper() + aim[1:]
    bare = re.match(r"^to\s+(?=[a-z])", clause, re.IGNORECASE)
    if bare and clause[bare.end() :].split()[0] not in _FUNCTION_WORDS:
        rest = clause[bare.end() :]
        return rest[0].upper() + rest[1:]
    fronted = _FRONTED_TIME.match(clause)
    if fronted and (find_timeframe(fronted.group("when")).met or re.search(r"\d", fronted.group("when"))):
        inner = strip_lead(clause[fronted.end() :])
        # "By 2030, cut ...", "By the end of 2019, our aim is to have ...": the date stays
        if _opens_with_verb(inner) or _PURPOSE_LEAD.match(clause[fronted.end() :]):
            return f"{fronted.group('when')}, {_lower_first(inner)}"
    for opening in (_HISTORY, _MEANS, _SETTING, _SETTING):
        opened = opening.match(clause)
        if opened and len(clause[opened.end() :].split()) >= 3:
            clause = clause[opened.end() :]
    setting = _WORK_SETTING.match(clause)
    after = clause[setting.end() :] if setting else ""
    if after and (_opens_with_verb(after) or _PURPOSE_LEAD.match(after) or _MODAL_SUBJECT.match(after)):
        clause = after
    # (never "The purpose of working groups is to X": there the lead-in says the aim)
    goal_of = _GOAL_OF.match(clause)
    stated = _PURPOSE_LEAD.match(clause)
    goal_of = None if goal_of and stated and stated.end() > goal_of.end() else goal_of
    doing = clause[goal_of.end() :].split(maxsplit=1) if goal_of else []
    if doing and gerund_base(doing[0], guess=True):  # "working towards a common goal of creating X"
        # "of evolving and maintaining X" -> "Evolve and maintain X"
        rest = _coordinated_verbs(" ".join(doing[1:]))
        return f"{str(gerund_base(doing[0], guess=True)).capitalize()} {rest}".strip()
    focus = _FOCUS_ON.match(clause)
    if focus:  # "Our primary focus is on player welfare" -> "Focus on player welfare"
        return f"Focus on {clause[focus.end() :]}"
    role = _ROLE_FOR.match(clause)
    if role and not _opens_with_verb(
        clause
    ):  # "X is an advocate for farmers" -> "Be an advocate for farmers"
        return f"Be {clause[role.start('role') :]}"
    nominal = _NOMINAL_AIM.match(clause)
    if nominal:  # "The object of the CIO is the advancement of X", "Provision of X to Y": the doing
        noun = nominal.group("noun").lower()
        noun_verb = _NOMINAL_VERBS.get(noun) or str(gerund_base(noun, guess=True))
        if nominal.group("noun2"):
            noun_verb += f" and {_NOMINAL_VERBS[nominal.group('noun2').lower()]}"
        return f"{noun_verb.capitalize()} {clause[nominal.end() :]}"
    relative = _WHICH_AIMS_TO.match(clause)
    # (never when the clause is a goal of its own: "Drive growth, including by launching X, which aims to")
    if relative and _opens_with_verb(clause[relative.end() :]) and not _opens_with_verb(clause):
        aim = clause[relative.end() :]  # "developed by the Gravity Project, which aims to build X"
        return aim[0].upper() + aim[1:]
    lead_in = _PURPOSE_LEAD.match(clause)
    if lead_in and _NO_AIM_OF_OURS.search(lead_in.group(0)):
        return clause  # "The OCI does not intend to be a marketing organization": no aim
    if lead_in:
        # "We hope to also provide X": the aim is "Provide X"
        rest = re.sub(r"^(?:also|further|additionally)\s+(?=[a-z])", "", clause[lead_in.end() :])
        # "committed to being part of X and their aim is to encourage Y": the aim they state
        their_aim = _AND_AIM.search(rest)
        if their_aim:
            return rest[their_aim.end()].upper() + rest[their_aim.end() + 1 :]
        # after "aims to", "exists to", "is to": an infinitive, whatever the verb ("coordinate")
        infinitive = lead_in.group(0).rstrip().lower().endswith(" to") and rest[:1].islower()
        first = rest.split()[0].rstrip(",;") if rest.split() else ""
        if first.endswith("ing") and gerund_base(first):
            # "to supporting and strengthening X" -> "Support and strengthen X"
            rest = f"{gerund_base(first)}{_coordinated_verbs(rest[len(first) :])}"
            first = rest.split()[0]
        words = rest.split(maxsplit=2)
        if len(words) > 1 and first.lower().endswith("ly") and gerund_base(words[1]):
            # "committed to collectively building ..." -> "Collectively build ..."
            return " ".join([first.capitalize(), str(gerund_base(words[1])), *words[2:]])
        that = lead_in.group(0).rstrip().endswith("that")
        said = re.match(r"(?:it|we)\s+([a-z]+s?)\s+(?=\w)", rest) if that else None
        if said and third_person_base(said.group(1)) in BASE_VERBS - _SAYING_VERBS:
            # "Our vision is that it helps UK funders to share X" -> "Help UK funders to share X"
            return f"{third_person_base(said.group(1)).capitalize()} {rest[said.end() :]}"
        pronoun = first.lower() in {"them", "it", "this", "that", "these", "those", "us", "him", "her", "me"}
        if _opens_with_verb(rest) or (
            infinitive and first.replace("-", "").isalpha() and first not in _FUNCTION_WORDS and not pronoun
        ):  # "... and agreed to them in an email": no goal
            # "Our goal for 2024 is to improve X" -> "By the end of 2024, improve X": the year stays
            year = re.search(r"\b(?:for|in)\s+((?:19|20)\d{2})\s+(?:is|are)\b", lead_in.group(0))
            if year and not find_timeframe(rest).met:
                return f"By the end of {year.group(1)}, {rest}"
            if re.search(r"\bthis\s+year\b", lead_in.group(0), re.I) and not find_timeframe(rest).met:
                return f"This year, {rest}"  # "The goal this year is to remove X" -> "This year, remove X"
            return rest[0].upper() + rest[1:]
    envisioned = _ENVISION.match(clause)
    if envisioned:  # "We envision a just world where ..." -> "Build a just world where ..."
        return f"Build {clause[envisioned.end() :]}"
    described = _described_goal(clause)
    if described:
        return described
    called = _CALLS_FOR.search(clause)
    if called and gerund_base(called.group("doing"), guess=True):  # 'X calls for "Developing Y"'
        rest = _coordinated_verbs(clause[called.end() :].strip(' "”'))
        return f"{str(gerund_base(called.group('doing'), guess=True)).capitalize()} {rest}"
    core = _GERUND_IS_CORE.match(clause)
    if core and gerund_base(core.group("doing"), guess=True):
        base = str(gerund_base(core.group("doing"), guess=True)).capitalize()
        return f"{base} {_coordinated_verbs(core.group('what'))}"
    helps = _GERUND_HELPS.match(clause)
    if helps and gerund_base(helps.group("doing")):
        # "Providing spaces for gardening helps to make cities livable" -> "Provide spaces for gardening
        # to make cities livable": the doing, and what it helps to bring about
        verb = helps.group("verb")
        verb = (
            third_person_base(verb) if verb.endswith("s") and third_person_base(verb) in BASE_VERBS else verb
        )
        helper = str(gerund_base(helps.group("doing"))).capitalize()
        return f"{helper} {helps.group('what')} to {verb}{clause[helps.end() :]}"
    head = clause.split(maxsplit=1)
    if (
        len(head) == 2
        and gerund_base(head[0])
        and not head[1][:1].isupper()  # "Housing Opportunities Corporation": a name
        and not _ADJECTIVAL_GERUND.match(clause)  # "Enabling environment for ...": a thing, not a doing
        # "Housing is a right", "Sharing X should be simple" (not a verb in a relative clause further on)
        and not _GERUND_SUBJECT.search(" ".join(head[1].split()[:6]))
        and not re.search(r"\b(?:will|shall|must)\b", head[1])  # "Building on X, the Commission will"
        and not _finite_verb_follows(head[1])  # "Funding comes from ...": a subject, no doing
        and not _plural_subject_verb(head[0], head[1])  # "Giving circles pool resources": a subject
        and not re.search(r",\s+(?:we|our|the|they|it)\b", clause)
    ):
        # a headline that opens with its doing: "Partnering with maintainers to find ..." -> "Partner
        # ...", "Maintaining and developing X" -> "Maintain and develop X", "building of commitments" ->
        # "Build commitments"
        rest = _coordinated_verbs(head[1].removeprefix("of "))
        return f"{str(gerund_base(head[0])).capitalize()} {rest}"
    wants = _WANT_OTHERS.match(clause) or _FOR_OTHERS.match(clause) or _GOAL_FOR_OTHERS.search(clause)
    if wants:
        return f"Get {wants.group('who')} to {clause[wants.end() :]}"
    wants = _WANT_DOING.match(clause)
    if wants:
        return f"Get {wants.group('who')} {clause[wants.end() :]}"
    subject = _SUBJECT.match(clause)
    words = clause.split()
    if subject:
        # "We cut…", "We will cut…", "Our alliance promotes…": the verb after the subject
        plural = subject.group(0).lower() in {"we", "they"}
        # after "our" comes the noun, never the verb: "Our partners represent ..."
        # ("The alliance will cut ...": a two-word subject, then its verb)
        start = 2 if subject.group(0).lower() == "our" else len(subject.group(0).split())
        for length in range(start, min(start + 3, len(words))):
            word = words[length].rstrip(",;:")  # "We monitor, investigate and help solve X"
            modal_words = [w.lower() for w in words[max(0, length - 2) : length]]
            after_modal = modal_words[-1:] in (["will"], ["shall"]) or modal_words in (
                ["will", "also"],
                ["shall", "also"],
            )
            verb = _base_form(word) if plural or after_modal or word.endswith("s") else None
            before = [w.lower() for w in words[max(0, length - 2) : length] if not w.lower().endswith("ly")]
            if (
                word.endswith("ing")
                and before
                and before[-1] in {"are", "we’re", "we're", "they're", "they’re"}
            ):
                # "We're building a platform ..." -> "Build a platform ...", "They are currently advocating"
                verb = gerund_base(word)
            if verb and not word[0].isupper() and word.lower() not in {"will", "shall"}:
                mark = words[length][len(word) :]  # the comma after "monitor," stays
                # "The community shares X, identifies Y and collaborates" -> "Share X, identify Y and
                # collaborate"
                rest = " ".join(words[length + 1 :])
                rest = _listed_verbs(rest) if word.endswith("s") and not plural else rest
                return " ".join([verb.capitalize() + mark, rest]).strip()
            passable = word.lower() in _AUXILIARIES | {"also"} or word.endswith("ly") or word[:1].isupper()
            if not passable:
                break  # "We leverage open data": "open" is no verb of ours once "leverage" is passed
    modal = _MODAL_SUBJECT.match(clause)
    # "Every household will live ..." keeps its subject: the group is the point
    if (
        modal
        and not _SUBJECT.match(clause)
        and not re.match(r"(?i)(?:every|all|each|no|most|many)\b", clause)
    ):
        rest = clause[modal.end() :]
        first = rest.split()[0].rstrip(",;") if rest.split() else ""
        included = re.match(r"includes?\s+(\w+ing)\b", rest)
        if included and gerund_base(included.group(1), guess=True):  # "shall include creating X"
            return f"{str(gerund_base(included.group(1), guess=True)).capitalize()}{rest[included.end() :]}"
        if first.isalpha() and first not in _FUNCTION_WORDS:
            return rest[0].upper() + rest[1:]
    named = _NAMED_PRESENT.match(clause)
    if (
        named
        and named.group("verb") not in _NOT_VERBS
        and third_person_base(named.group("verb")) in BASE_VERBS  # never "The Fund comes" -> "Fund come"
        # "Green Streets Initiative helps ...": a name of two capitalised words or more, whatever its first
        and (
            not _opens_with_verb(clause) or len(re.findall(r"\b[A-ZÀ-Þ]", clause[: named.start("verb")])) >= 2
        )
    ):
        # "represents and supports Residents" -> "Represent and support Residents"
        rest = _listed_verbs(_PAIRED_VERB.sub(_paired_verb, clause[named.end() :].lstrip(), count=1))
        base = third_person_base(named.group("verb")).capitalize()
        return f"{base}{'' if rest.startswith(',') else ' '}{rest.lstrip()}".strip()
    agents = _PLURAL_AGENTS.match(clause)
    if (
        agents
        # "Our members see the benefits" is no doing; "members volunteer with X" is
        and agents.group("verb") in BASE_VERBS - {"see", "become", "use", "act"}
        and agents.group("verb") not in _NOT_VERBS
    ):
        # "Member organizations share data to X", "Giving circles pool resources": what they do
        rest = _listed_verbs(clause[agents.end() :])
        return f"{agents.group('verb').capitalize()} {rest.lstrip()}".strip()
    stated = _INNER_PURPOSE.search(clause)
    conditional = re.match(r"(?i)(?:if|when|unless|whether|since|because|although|though|whereas)\b", clause)
    if stated and not conditional and clause[stated.end() :][:1].islower():
        rest = clause[stated.end() :]
        verb = gerund_base(rest.split()[0]) if rest.split()[0].endswith("ing") else None
        rest = f"{verb} {rest.split(maxsplit=1)[1]}" if verb and len(rest.split()) > 1 else rest
        return rest[0].upper() + rest[1:]
    relative = _RELATIVE_AIM.search(clause)
    if relative and gerund_base(relative.group("doing"), guess=True):
        rest = clause[relative.end() :]
        return f"{str(gerund_base(relative.group('doing'), guess=True)).capitalize()}{rest}"
    founded = _FOUNDED_TO.search(clause)
    if founded and not _opens_with_verb(clause):  # never "Collaborate with X to design Y" -> "Design Y"
        rest = clause[founded.end() :]
        first = rest.split()[0].rstrip(",;") if rest.split() else ""
        if first.endswith("ing") and first.lower() not in BASE_VERBS:  # "... dedicated to improving X"
            stem = gerund_base(first, guess=True) or ""
            rest, first = (f"{stem}{rest[len(first) :]}" if stem else ""), stem
        if first.isalpha() and first not in _FUNCTION_WORDS:
            return rest[0].upper() + rest[1:]
    body_to = _BODY_TO.search(clause)
    if body_to and _opens_with_verb(clause[body_to.end() :]):  # "X is a partnership to accelerate Y"
        rest = clause[body_to.end() :]
        return rest[0].upper() + rest[1:]
    for pattern in (_PURPOSE_OF, _BODY_DEDICATED):
        purpose = pattern.search(clause)
        verb = gerund_base(purpose.group("doing"), guess=True) if purpose else None
        # never "a coalition dedicated to advancing X was central to ...": the phrase is a subject
        subject = purpose and _GERUND_SUBJECT.search(" ".join(clause[purpose.end() :].split()[:6]))
        if purpose and verb and not _opens_with_verb(clause) and not subject:
            return f"{verb.capitalize()}{_coordinated_verbs(clause[purpose.end() :])}"
    state = _nominal_state(clause)
    if state:
        return state
    nouns = _DEDICATED_TO_NOUNS.search(clause)
    verbs = (
        [_NOUN_VERB.get(n.lower()) for n in (nouns.group("noun"), nouns.group("noun2")) if n] if nouns else []
    )
    if nouns and verbs and all(verbs):
        return f"{' and '.join(str(v) for v in verbs).capitalize()} {clause[nouns.end() :]}"
    dated = _DATED_STATE.match(clause)
    if dated:  # "In 2030 there is X" -> "By 2030, achieve X"
        return f"By {dated.group('year')}, achieve {clause[dated.end() :]}"
    does = _RELATIVE_DOES.search(clause)
    if (
        does
        and does.group("verb") in BASE_VERBS
        and not _opens_with_verb(clause)
        and not _GERUND_SUBJECT.search(clause[does.end() :])  # "... that place X first, are needed"
    ):
        return f"{does.group('verb').capitalize()} {clause[does.end() :]}"  # "... who advocate for X"
    dash = _DASH_DOING.search(clause)
    if dash and not _opens_with_verb(clause) and gerund_base(dash.group("doing")):
        # "The Library is part of the Book Alliance – bringing books to every child by 2030"
        rest = _coordinated_verbs(clause[dash.end() :])
        return f"{str(gerund_base(dash.group('doing'))).capitalize()} {rest}"
    return clause[0].upper() + clause[1:] if clause else clause


# "The Lansing Promise provides scholarships ...": a name, then what it does (present tense).
_NAMED_PRESENT = re.compile(
    r"^(?!(?i:these|those|this|that|it|its|they|their|our|some|many|most|all|each|such|other)\b)"
    r"(?:the\s+)?(?:[A-ZÀ-Þ]|[a-z]+[A-Z])[\w’'.&-]*(?:\s+(?:(?:of|for|at|on|and|with|&)\s+)?[A-ZÀ-Þ(][\w’'.&()-]*){0,6}"
    r"(?:,\s*[A-Z]{2,}[\w&]*\s*,)?"  # "The Colorado Adult Education Association, CAEPA, provides"
    r"\s+(?P<verb>[a-z]+s)\b"
)
# "Member organizations share ...", "Our partners convene ...", "Giving circles pool ...": people or
# bodies (plural), then what they do in the base form.
_PLURAL_AGENTS = re.compile(
    r"^(?!(?:as|when|if|while|because|since|although|though|where|once|until|unless|whether)\b)"
    r"(?:(?:our|the|its|their|all|local|participating)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:partners|members|organi[sz]ations|agencies|groups|circles|volunteers|residents|coalitions"
    r"|stakeholders|funders|leaders|parties|institutions|networks|nonprofits|non-profits|businesses"
    r"|churches|congregations|providers|advocates|neighbo(?:u)?rs|citizens|people|youth|students"
    r"|families|communities|cities|counties|municipalities|governments|companies|employers|unions"
    r"|researchers|scientists|teachers|schools|clinics|hospitals|libraries|maintainers|contributors"
    r"|programs|programmes|projects|services|initiatives|campaigns)"
    r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}))?"  # "members of the SVP"
    r"\s+(?:(?:together|jointly|collectively)\s+)?(?P<verb>[a-z]+)\s+(?=\S)",
    re.IGNORECASE,
)
_AUXILIARIES = frozenset(
    ["will", "shall", "also", "can", "must", "are", "we’re", "we're", "do", "should", "would", "could", "may"]
)
# "protects, stewards, and enhances ...", "works to hold ... and allows ...": the verbs that follow.
_THIRD_PERSON_LIST = re.compile(
    r"([,;]\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)([a-z]+(?:s|es))\b(?=[\s,]+[A-Za-z(]|\s+\d)"
)
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those", "our", "its", "their"])
# Words after a name that end in -s and are no verbs ("The Gates Foundation's ...", "is", "has").
_NOT_VERBS = frozenset(
    [
        "is",
        "was",
        "has",
        "does",
        "its",
        "this",
        "thus",
        "always",
        "across",
        "various",
        "numerous",
        "series",
        "news",
    ]
)


def _finite_verb_follows(words: str) -> bool:
    """Whether one of the first words after a gerund is a verb in the third person ("Funding comes
    from ...", "Volunteering gives ..."): the gerund is then the sentence's subject."""
    for word in words.split()[:4]:
        if (
            word.endswith("s")
            and word not in _NOT_VERBS
            and third_person_base(word) in BASE_VERBS | _COMMON_VERBS
        ):
            return True
    return False


# gerunds whose object takes a bare verb after it: "Helping families find homes" is a doing
_CAUSATIVES = frozenset(["help", "let", "make", "have", "see", "watch", "hear", "assist", "empower"])


def _plural_subject_verb(gerund: str, words: str) -> bool:
    """Whether a gerund and the plural noun after it are a subject its verb follows ("Giving circles
    pool resources", "Growing gardens feed families"), not a doing and its object."""
    head = words.split()[:2]
    return (
        len(head) == 2
        and re.fullmatch(r"[a-z]+[^s]s", head[0]) is not None
        and head[1] in BASE_VERBS
        and gerund_base(gerund) not in _CAUSATIVES
    )


_COMMON_VERBS = frozenset(["come", "go", "take", "give", "mean", "remain", "seem", "look", "depend", "rely"])


def _listed_verbs(rest: str) -> str:
    """The third-person verbs listed after a goal's first one in their base form, up to the means
    ("..., and supports X" -> "..., and support X"; never "by providing shelter and bridges")."""
    means = _MEANS_GERUND.search(rest)
    head, tail = (rest[: means.start()], rest[means.start() :]) if means else (rest, "")
    return _THIRD_PERSON_LIST.sub(_listed_verb, head) + tail


def _listed_verb(match: re.Match[str]) -> str:
    """A verb of a third-person list in its base form ("..., and supports" -> "..., and support"); a
    word whose base is no known verb is left as written ("investors", "others", "indigenous")."""
    base = third_person_base(match.group(2))
    # a noun of a list of nouns: "community members, volunteers, humanitarian and community organizations"
    # (a verb before a comma has a verb after it: "protects, restores and celebrates")
    after = re.match(r"\s*,\s*(?:and\s+|or\s+)?([a-z]+)", match.string[match.end() :])
    if after and not (after.group(1).endswith("s") and third_person_base(after.group(1)) in BASE_VERBS):
        return match.group(0)
    return match.group(1) + (base if base in BASE_VERBS | _LISTED_ONLY_VERBS else match.group(2))


def _paired_verb(match: re.Match[str]) -> str:
    """The verb paired with a goal's first ("empowers and incentivizes surfers"): its base form, also
    for a verb no list knows when its ending says it is one ("incentivize", "mobilise", "unify")."""
    base = third_person_base(match.group(2))
    guessed = re.search(r"(?:iz|is|at|ifi)es$", match.group(2)) and len(match.group(2)) > 6
    return match.group(1) + (base if base in BASE_VERBS or guessed else match.group(2))


def third_person_base(verb: str) -> str:
    """ "protects" -> "protect", "addresses" -> "address", "carries" -> "carry", "stewards" -> "steward"."""
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb[:-1]
    return verb


# "..., whose purpose is to provide ...", "The goal of the project was to provide ...".
_INNER_PURPOSE = re.compile(
    r"\b(?:whose\s+|its\s+|their\s+)?(?:mission|goal|purpose|aim|vision|objective)s?(?:\s+of\s+[^,;:]{1,50}?)?"
    r"\s+(?:is|was|are|were)\s+(?:designed\s+)?to\s+"
    # "a non-profit with the mission to create a trusted ecosystem ..."
    r"|\bwith\s+(?:the|a|an|its|their)\s+(?:(?:main|core|shared|common)\s+)?(?:mission|goal|purpose|aim|objective)"
    r"\s+to\s+"
    # "The IMO's target to reduce X", "Vision Zero is the commitment and approach to eliminating X"
    r"|\b(?:target|commitment|pledge)(?:\s+and\s+\w+)?\s+to\s+",
    re.IGNORECASE,
)
# "... a verification initiative that is kickstarting fact-checking across Africa".
_RELATIVE_AIM = re.compile(r"\b(?:that|which|who)\s+(?:is|are)\s+(?P<doing>[a-z]+ing)\b")
# "..., founded in 1961 to stimulate economic progress": why the body was set up is its goal.
_FOUNDED_TO = re.compile(
    r"\b(?:founded|established|created|formed|set\s+up|convened|launched|joined\s+(?:together|forces)|designed"
    r"|forming|launching|establishing|convening"
    r"|built|intended|meant"
    # "NGOs, funders and innovators, collaborating to achieve the SDGs": why they work together
    r"|collaborat(?:e|es|ing)|cooperat(?:e|es|ing)|partnering|coming\s+together|uniting|united|work(?:s|ing)?\s+(?:together|collectively)"
    # "provides a framework for action to reduce tobacco use": what the framework is for
    r"|(?:framework|platform|roadmap|blueprint|agenda)(?:\s+for\s+(?:action|change|collaboration))?)\b"
    # (never "formed in 2016, in response to growing concerns": "to" after "response" is no purpose)
    r"[^;:.]{0,80}?(?<!response )(?<!due )(?<!thanks )(?<!prior )(?<!addition )(?<!according )"
    r"\bto\s+(?=(?-i:[a-z]))",
    re.IGNORECASE,
)
# "X is a global partnership to accelerate Y", "The Centers are funded by HRSA to improve Y": what the
# body is for (only when a verb a purpose opens with follows "to").
_BODY_TO = re.compile(
    r"\b(?:is|are|was|were)\s+(?:an?|the)\s+[^;:.]{0,80}?\b" + _BODY_NOUNS + r"\s+to\s+(?-i:(?=[a-z]))"
    r"|\b(?:funded|supported|sponsored|commissioned|mandated)\s+by\s+[^;:]{1,80}?\s+to\s+(?-i:(?=[a-z]))"
    # "X is designing this (Y project) to encourage Z"
    r"|\b(?:is|are)\s+(?:designing|running|implementing|launching|leading)\s+(?:this|the|a)\b[^;:]{0,80}?\s+to\s+(?-i:(?=[a-z]))"
    # a headline with no verb of its own: "A community coalition to cut X", "A network of clinics to
    # expand Y" (never "The Board may establish a group to review Z": no verb before the body)
    r"|^(?:an?\s+|the\s+)?(?:(?!(?:may|shall|will|must|can|should|could|would|is|are|was|were|has|have|had)\b)"
    r"[\w'’&-]+\s+){0,5}?" + _BODY_NOUNS + r"(?:\s+of\s+[^;:.]{1,60}?)?\s+to\s+(?-i:(?=[a-z]))",
    re.IGNORECASE,
)
# "... established in 2018 for the express purpose of standardizing X": the doing named is the goal.
_PURPOSE_OF = re.compile(
    r"\bfor\s+the\s+(?:express\s+|sole\s+|main\s+|primary\s+|specific\s+)?purpose\s+of\s+(?P<doing>\w+ing)\b",
    re.IGNORECASE,
)
# "..., a volunteer driven organisation dedicated to advancing user rights ...", anywhere in the clause.
_BODY_DEDICATED = re.compile(
    _BODY_NOUNS + r"\s+(?:dedicated|committed|devoted)\s+to\s+(?P<doing>\w+ing)\b", re.IGNORECASE
)
# "a foundation dedicated to the growth and strengthening of youth involvement": the nouns of the doing
_DEDICATED_TO_NOUNS = re.compile(
    _BODY_NOUNS
    + r"\s+(?:dedicated|committed|devoted)\s+to\s+the\s+(?P<noun>\w+)(?:\s+and\s+(?P<noun2>\w+))?\s+of\s+",
    re.IGNORECASE,
)
_DASH_DOING = re.compile(r"\s[–—]\s+(?P<doing>[a-z]+ing)\s+(?=\S)")
# "In 2030 there is understanding and acceptance of autism across Lewis County": a dated end state.
_DATED_STATE = re.compile(
    r"^(?:in|by)\s+(?P<year>(?:19|20)\d{2}),?\s+there\s+(?:is|are|will\s+be)\s+(?=\S)", re.IGNORECASE
)


# "Zero traffic deaths in Portland by 2035", "Fewer ER visits for asthma in Fresno", "Every child in
# Leeds reading at grade level by 2030": an end state named as a noun phrase, with no verb of its own.
_NOMINAL_STATE = re.compile(
    r"^(?:(?P<amount>zero|fewer|(?:\d+(?:\.\d+)?\s*%|half|twice\s+as\s+many)\s+(?:fewer|more|less))"
    r"|(?P<every>every)\s+(?:[\w'’-]+\s+){1,5}?(?P<doing>[a-z]+ing))\s+(?=[a-z])(?!than\b)",
    re.IGNORECASE,
)


_FUNDRAISING = re.compile(
    r"^(?:our\s+|the\s+|its\s+|their\s+)?(?:(?:first|next|annual|initial)\s+)?(?:fundraising|funding)\s+"
    r"(?:target|goal)\s+(?:is|of)\s+(?=[$£€]\s?\d)",
    re.IGNORECASE,
)
# words in -ing that are no doing ("every thing", "every housing unit", "every meeting")
_ING_NOUN = re.compile(
    r"\w*thing|housing|building|funding|clothing|morning|evening|spring|meeting|training|sibling|setting"
    r"|wedding|ceiling|king|ring|string|offspring|during"
)


def _nominal_state(clause: str) -> str | None:
    """ "Zero traffic deaths in Portland by 2035" -> "Achieve zero traffic deaths ...", "Every child
    reading by 2030" -> "Get every child reading ..."; None when the clause has a verb of its own
    ("More information is available")."""
    raise_money = _FUNDRAISING.match(clause)
    if raise_money:  # "Our first fundraising target is $75,000 by 2019" -> "Raise $75,000 by 2019"
        return f"Raise {clause[raise_money.end() :]}"
    state = _NOMINAL_STATE.match(clause)
    if not state or re.search(r"\b(?:is|are|was|were|has|have|had|will|shall|can|may|must)\b", clause, re.I):
        return None
    if state.group("amount") and _finite_verb_follows(clause):
        return None
    if state.group("every"):  # never "Every cooling centre in X stays open": a verb of its own
        own_verb = (
            _finite_verb_follows(clause[state.end() :])
            or _ING_NOUN.fullmatch(state.group("doing").lower()) is not None
        )
        return None if own_verb else f"Get {_lower_first(clause)}"
    if state.group("amount").lower() == "fewer":  # "Fewer ER visits" -> "Reduce the number of ER visits"
        return f"Reduce the number of {clause[state.end() :]}"
    return f"Achieve {_lower_first(clause)}"


_CAPS_LABEL = re.compile(
    r"^(?:OUR\s+)?(?:MISSION|PURPOSE|VISION|GOALS?|AIMS?|OBJECTIVES?)(?:\s+(?:STATEMENT|&\s+VISION|AND\s+VISION))?"
    r":?\s+(?=[A-Z][a-z])"
    # "Mission  Lost Dog & Cat Rescue Foundation helps ...": a heading line run into its paragraph
    r"|^(?:Our\s+)?(?:Mission|Purpose)(?:\s+Statement)?\s+(?=(?:[A-Z][\w’'.-]*\s+(?:&\s+)?){1,6}[a-z]+s\b)"
)
_AND_AIM = re.compile(
    r"\band\s+(?:their|our|its)\s+(?:main\s+)?(?:aim|goal|mission|purpose|objective)s?\s+(?:is|are)\s+to\s+(?=[a-z])"
)
# A lead-in that states no aim of the body's: a denial ("does not intend to", "an explicit non-goal is
# to") or someone else's wish ("Sponsors that want to have an issue prioritized should contact us").
_NO_AIM_OF_OURS = re.compile(
    r"\b(?:not|never|no\s+longer|non-goals?)\b|n['’]t\b|\b(?:that|who)\s+(?:want|wish|need|would\s+like)\s+to\s*$",
    re.IGNORECASE,
)


def names_a_doing(item: str) -> bool:
    """Whether a listed item names a doing as a noun ("Promotion and development of Python in India",
    "The relief of poverty"): an object of the body, drafted with its verb."""
    return bool(_NOMINAL_AIM.match(re.sub(r"^\W+", "", item)))


def without_openings(sentence: str) -> str:
    """`sentence` without the history or means before its subject ("Founded in 1999, ...", "Through
    the help of community leaders, ..."): what is left is where a goal's own facts are."""
    for opening in (_HISTORY, _MEANS):
        opened = opening.match(sentence.strip())
        if opened:
            sentence = sentence.strip()[opened.end() :]
    return sentence


def _described_goal(clause: str) -> str | None:
    """ "X is a non-profit dedicated to expanding A, and increasing B" → "Expand A, and increase B";
    "X is a network working towards Y" → "Work towards Y"; None for any other clause."""
    vision = _VISION_GERUND.match(clause) or _PURPOSES_INCLUDE.match(clause)
    if vision and gerund_base(vision.group("gerund")):
        rest = _coordinated_verbs(clause[vision.end() :].strip())
        space = "" if rest.startswith(",") else " "  # "Find, detail and recommend X", never "Find , ..."
        return f"{str(gerund_base(vision.group('gerund'))).capitalize()}{space}{rest}".strip()
    match = _DESCRIBED.match(clause) or _HEADLINE_DOING.match(clause)
    named = _NAMED_BODY_DOES.match(clause) if not match else None
    if named:  # "The Opportunity Project (TOP) engages technologists to prototype X" -> "Engage ..."
        does = third_person_base(named.group("runs"))
        rest = clause[named.end() :].strip()
        if does in BASE_VERBS and does not in _SAYING_VERBS | _LEAD_VERBS and rest[:1].islower():
            # "supports and sponsors X" -> "Support and sponsor X"
            rest = _PAIRED_VERB.sub(_paired_verb, rest, count=1)
            listed = named.group("comma")
            while listed and (item := _LISTED_THIRD_PERSON.match(rest)):
                base = third_person_base(item.group(1))
                if base not in BASE_VERBS:
                    break
                rest = base + item.group(2) + rest[item.end() :]
                listed = item.group(2)
                if not listed.startswith(","):
                    break
            return f"{does.capitalize()}{named.group('comma')} {_listed_verbs(rest)}"
        return None
    if not match:
        return None
    rest = clause[match.end() :]
    found = match.groupdict()
    if found.get("working"):
        after_to = rest[3:] if rest.lower().startswith("to ") else ""
        return after_to[0].upper() + after_to[1:] if _opens_with_verb(after_to) else "Work " + rest
    if found.get("runs") and rest.lower().startswith("to ") and rest[3:4].islower():
        rest = rest[3:]  # "a project that seeks to quantify ...": the infinitive is the goal
        return rest[0].upper() + rest[1:]
    runs = found.get("runs")
    if runs:
        rest = _listed_verbs(rest)
    verb = (
        third_person_base(runs)
        if runs
        else gerund_base(
            found.get("gerund")
            or found.get("focus")
            or found.get("doing")
            or found.get("doing2")
            or found.get("aimed")
            or ""
        )
    )
    if verb is None:
        return None
    rest = rest.strip()
    if (
        verb
        in {
            "aim",
            "seek",
            "strive",
            "work",
            "try",
            "fight",
            "struggle",
            "push",
            "collaborate",
            "partner",
            "unite",
        }
        and rest.lower().startswith("to ")
        and rest[3:4].islower()
    ):
        return rest[3].upper() + rest[4:]  # "aiming to share ...": the infinitive is the goal

    if not runs:  # "provides education and training": after a verb in the present, a gerund is a noun
        rest = _coordinated_verbs(rest)
    return f"{verb.capitalize()}{'' if rest.startswith(',') else ' '}{rest}" if rest else None


# A body's name, then what it does: "The Polkadot Open Source Developer Grants bounty supports X",
# "Red Door Collective defends X" (never "We", nor a verb of saying: see `_named_subject`).
_BODY_WORD = (
    r"(?:bounty|fund|programme|program|project|initiative|network|coalition|alliance|partnership|group|"
    r"collective|lab|team|consortium|council|committee|foundation|hub|collaborative|clinic|service|centre|"
    r"center|club|society|association|agency|trust|charity|office)"
)
_NAME_PART = r"(?:[A-Z][\w’'.&-]*|\([^()]{1,40}\)|of|for|and|the|on|in)"
_NAMED_BODY_DOES = re.compile(
    # (after an opening: "As defined in the TSC Charter, the Technical Steering Committee oversees X")
    r"^(?:As\s+[^,;:]{3,80},\s+)?(?:(?!(?:Our|Their|Its|His|Her|My|This|These|Those|That|A|An|Each|Every|All|Some|Many|Most|Such|Other)\b)"
    rf"(?:[Tt]he\s+)?[A-Z][\w’'.&-]*(?:\s+{_NAME_PART}){{0,8}}?(?:\s+{_BODY_WORD})?"
    # "This research coordination network supports X"
    rf"|(?:[Tt]he|This|Our)\s+(?:[a-z-]+\s+){{0,3}}{_BODY_WORD})"
    r"(?:\s+\w+ly)?\s+(?P<runs>(?!is\b|has\b|was\b|does\b)[a-z]+s)\b(?P<comma>,?)\s"
)
# the third-person verbs listed after the first: "assesses, funds, and grows X" -> "fund, and grow"
_LISTED_THIRD_PERSON = re.compile(r"([a-z]+s)\b(,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")


# verbs that introduce the aim rather than state it ("The TODO Group aims for X to ..."): the lead-ins
_LEAD_VERBS = frozenset(
    ["aim", "seek", "want", "hope", "plan", "intend", "strive", "work", "exist", "try", "need"]
)
_PAIRED_VERB = re.compile(r"^((?:and|or)\s+)([a-z]+s)\b")


# verbs whose infinitive after them is the goal: "aiming to share X", "collaborating to achieve Y"
_AIMING_VERBS = frozenset(
    ["aim", "seek", "strive", "work", "try", "fight", "struggle", "push", "collaborate", "partner", "unite"]
)


# a gerund after a preposition is a means or a noun ("a tool for recording, documenting and running X",
# "an approach for directly educating, growing and rewarding contributors")
# (an adjective in -ing is no means: "shares experience with existing technologies, identifies X")
_MEANS_GERUND = re.compile(
    r"\b(?:by|through|while|when|for|of|in|on|about|at|from|with|without)\s+(?:[a-z]+ly\s+)?"
    r"(?!(?:existing|emerging|leading|growing|ongoing|upcoming|underlying|remaining|following|evolving|pressing|"
    r"changing|rising|missing|outstanding|surrounding|neighbou?ring|participating|competing)\b)\w+ing\b"
)


def _coordinated_verbs(rest: str) -> str:
    """The gerunds coordinated with a goal's first verb in its base form ("expanding A, and increasing
    B" -> "expand A, and increase B"): after a comma only in a list that ends "and <gerund>"; never
    after "by" ("advance rights by working on X and fighting Y": the means keep their form)."""
    means = _MEANS_GERUND.search(rest)
    head, tail = (rest[: means.start()], rest[means.start() :]) if means else (rest, "")
    listed = bool(re.search(r"\b(?:and|or)\s+(?:to\s+)?\w+ing\b", head))

    def one(item: re.Match[str]) -> str:
        # in a list of doings ("finding, detailing and recommending X") every item after a comma is a
        # verb (never "new and existing")
        joint = item.group(1)
        # ("monitoring, translating and adapting X": the last item of a list with commas too)
        in_list = joint.startswith((",", ";")) or "," in head[: item.start()]
        base = gerund_base(item.group(2), guess=listed and in_list)
        if not base or not (listed or re.search(r"\b(?:and|or)\b", joint)):
            return item.group(0)
        return joint + base

    def top_level(item: re.Match[str]) -> str:  # ", and increasing X" after "by making Y": the goal's
        joint, base = item.group(1), gerund_base(item.group(2))
        return joint + base if base and re.match(r",\s*and\s", joint) else item.group(0)

    return _AND_GERUND.sub(one, head) + _AND_GERUND.sub(top_level, tail)


def counted_result(clauses: list[str], deadline: str | None) -> str | None:
    """The first result with a number among `clauses` ("reduce CO2 emissions by one-third by 2015"), as
    a gerund phrase without its deadline ("reducing CO2 emissions by one-third"): the count the text
    gives, for a draft of another of its aims in place of the slot asking for one. Never a result due
    by another date than the draft's `deadline` ("1000 homes by 2027" in a draft due by 2021)."""
    for clause in clauses:
        facts = facts_of(clause)
        evidence = facts.outcome.evidence or ""
        verbs = _COORDINATED_BASES.match(evidence)
        if verbs and verbs.group("second") and verbs.group("second") not in BASE_VERBS:
            verbs = _ONE_BASE.match(evidence)  # "Reduce and X": a noun after the joint
        # a number or a share ("1000 homes", "by one-third"), never "all" or a list of results
        counted = re.search(
            r"\d|\b(?:half|thirds?|quarters?|fifths?|tenths?|percent|hundreds?|thousands?)\b", evidence
        )
        if not (facts.outcome.met and counted and verbs) or ", " in evidence:
            continue
        if verbs.group("first").lower() not in BASE_VERBS:
            continue
        due = facts.timeframe.evidence
        if due and deadline and due.lower() != deadline.lower():
            return None
        rest = " ".join(evidence[verbs.end() :].replace(due or "\0", "").split()).strip(" ,;.")
        joint = f" {verbs.group('joint')} {gerund(verbs.group('second'))}" if verbs.group("second") else ""
        return f"{gerund(verbs.group('first'))}{joint} {rest}" if rest else None
    return None


# "Create or enable 1000 homes": one base verb, or two joined by "and" / "or"
_COORDINATED_BASES = re.compile(r"^(?P<first>[A-Za-z]+)(?:\s+(?P<joint>and|or)\s+(?P<second>[a-z]+))?\b")
_ONE_BASE = re.compile(r"^(?P<first>[A-Za-z]+)(?P<joint>)(?P<second>)\b")


_DOUBLED = frozenset(["commit", "admit", "refer", "occur", "equip", "transfer", "control", "compel"])


def gerund(verb: str) -> str:
    """ "reduce" → "reducing", "cut" → "cutting", "double" → "doubling", "see" → "seeing"."""
    verb = verb.lower()
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if verb in _DOUBLED or re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


# a gerund that qualifies the noun after it ("Enabling environment for digital inclusion", "Existing
# networks"): never an order ("Enable environment ...")
_ADJECTIVAL_GERUND = re.compile(
    r"(?i)(?:enabling\s+(?:environment|condition|factor|polic(?:y|ie)|framework)s?\b"
    r"|(?:existing|emerging|ongoing|underlying|upcoming|remaining|prevailing)\s)"
)


def gerund_base(word: str, *, guess: bool = False) -> str | None:
    """ "expanding" → "expand", "making" → "make", "running" → "run"; None when the base form is no
    verb a purpose opens with (the clause is then left as it is)."""
    word = word.lower()
    if not word.endswith("ing"):
        return None
    stem = word[:-3]
    for base in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        if base in BASE_VERBS:
            return base
    # with `guess`, a stem ending in two consonants is its own base ("kickstart", "expand"), except
    # the endings that drop an e ("chang(e)", "enforc(e)", "advanc(e)", "solv(e)")
    vowels = "aeiou"
    if (
        guess
        and len(stem) > 3
        and stem[-1] not in vowels
        and stem[-2] not in vowels
        and stem[-2:] not in {"ng", "rg", "nc", "rc", "dg", "lv", "rv", "ns", "rs", "ps", "ls", "rd"}
    ):
        return stem + "e" if re.search(r"[^aeiou]l$", stem) else stem  # "handl(e)", "tackl(e)", "settl(e)"
    return None


def _base_form(word: str) -> str | None:
    """ "promotes" → "promote", "cut" → "cut"; None when `word` is no verb a purpose opens with."""
    word = word.lower()
    for base in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
        if base in BASE_VERBS:
            return base
    return None


# words in -ly that are no adverb before a verb ("Family support ...", "Quarterly report ...")
_LY_NOUN = re.compile(
    r"family|supply|assembly|ally|rally|italy|july|reply|monopoly|anomaly|only|early|daily|weekly|monthly"
    r"|yearly|quarterly|friendly|elderly|costly|timely",
    re.IGNORECASE,
)


def _opens_with_verb(clause: str) -> bool:
    words = clause.split()
    if len(words) > 2 and re.fullmatch(r"[A-Za-z]{3,}ly", words[0]) and not _LY_NOUN.fullmatch(words[0]):
        words = words[1:]  # "Significantly increase X", "Independently scan X"
    first = words[0].lower().rstrip(",;:") if words else ""
    # "Co-create", "Re-imagine": a verb with its prefix
    return first in BASE_VERBS or re.sub(r"^(?:co|re)-", "", first) in BASE_VERBS


# "Singapore will be a City in Nature by 2030": a future state is a goal too.
_FUTURE_STATE = re.compile(
    r"^(?:[A-ZÀ-Þ][^,;:]{0,80}?\s(?:will|shall)\s+(?:be|have|become)\b"
    # "The project will be implemented from January 2015": a schedule, no state to reach
    r"(?!\s+(?:implemented|held|run|operated|incorporated|managed|funded|led|hosted|chaired|coordinated|administered|reviewed"
    r"|conducted|organi[sz]ed|delivered|carried\s+out|launched|completed|structured|governed|composed"
    r"|constituted|called|known|registered|located)\b)"
    r"|(?i:every|all|each|no)\s[^,;:]{0,60}?\s(?:will|shall)\s+[a-z]+)"
)


_NOUNS_BEFORE_TO = (
    r"(?:commitment|dedication|contribution|access|approach|answer|key|path|road|way|threat|response|"
    r"attention|relation|respect|devotion|exposure|opposition|resistance|solution|gateway|guide|introduction)"
)
_DANGLING = re.compile(
    r"\b(?:the\s+following(?:\s+\w+){0,2}|as\s+follows|as\s+(?:shown|set\s+out|described|listed|outlined)\s+below"
    # "The purpose of the program shall be": a lead-in whose list was cut off
    r"|(?:shall|will|must|should|would|can|may)\s+be|(?:is|are)\s+to)"
    r"\s*:?\s*$",
    re.I,
)


_DATED_OPENING = re.compile(
    r"^(?:back\s+)?in\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:19|20)\d\d(?:['’]?s)?\b", re.I
)


def is_history(sentence: str) -> bool:
    """A sentence that opens with a year and tells what happened then ("In 1976 the founders
    created ...", "In the 1990s we were ..."); never "In 2030, every child will ...": a plan."""
    last = re.split(r"(?<=[.!?])\s+(?=[A-Z])", sentence.strip())[-1]  # a run-on source: its last sentence
    return (
        bool(_DATED_OPENING.match(last))
        and tells_the_past(last, 0)
        and not _SET_UP_TO.search(last)  # "In 2019 we were founded to end hunger": the purpose
    )


_SET_UP_TO = re.compile(
    r"\b(?:founded|established|created|formed|set\s+up|launched|convened)\s+(?:in\s+\d{4}\s+)?to\s+\w", re.I
)


# where to read more, never an aim: "To find out more visit: www.polioeradication.org"
_NAVIGATION = re.compile(
    r"^(?:to\s+)?(?:find\s+out|learn|read)\s+more\b|\bvisit:?\s+(?:https?://|www\.)|^for\s+more\s+information\b",
    re.IGNORECASE,
)
# who holds an office: "The Founding Chair will be Melissa Cragin"
_APPOINTMENT = re.compile(
    r"^(?:the\s+)?(?:founding\s+|first\s+|interim\s+)?(?:chair|co-chairs?|chairs|lead|leads|director|president"
    r"|secretary|treasurer|coordinator|convenor|convener)\s+(?:will\s+be|is|are|shall\s+be)\s+(?-i:[A-Z])",
    re.IGNORECASE,
)


def is_goal_clause(clause: str, source: str = "") -> bool:
    """Whether a clause of `goal_clauses` says what should change: it opens with a verb (after a
    fronted deadline), states a future state, or opens with the verb a lead-in introduced in
    `source` ("we aim to coordinate ..." -> "Coordinate ..."), not a description or history."""
    fronted = _FRONTED_TIME.match(clause)
    body = clause[fronted.end() :] if fronted else clause
    if source and is_history(source):  # "In 1976 two members created a chance for artists to ..."
        return False
    conceded = _conceded(source)  # "Whilst the Agreement is a framework to prevent X, it lacks Y"
    if conceded and " ".join(word.strip(",;:") for word in body.split()[:3]).lower() in conceded.lower():
        return False
    if body.count("[") != body.count("]"):  # "use drugs], ...": cut from a template's [placeholder]
        return False
    if _DANGLING.search(body):  # "Adhere to the following": the goal is in what follows, if anywhere
        return False
    if _named_subject(body):  # "Open Austin believes ...": a name, not the verb "open"
        return False
    if re.match(r"(?i)(?:and|or|but)\s+(?:the|its|their|all|any|such)\b", body):
        return False  # "...; and the income of the Club shall be applied ...": a new subject's rule
    if re.match(
        r"(?i:welcome)\s+to\s+(?:the\s+)?[A-Z]", body
    ):  # "Welcome to Aylestone Allotments": a greeting
        return False
    if re.match(r"(?i)have\s+been\b", body):  # "Groups need to have been active for a year": a condition
        return False
    if _NAVIGATION.search(body) or _APPOINTMENT.match(source or body):
        return False  # "Find out more visit: www.x.org", "The Founding Chair will be Melissa Cragin"
    if _SUBJECT_THEN_VERB.match(body):  # "Make this happen requires organizing people"
        return False
    if body.startswith("Be ") and _DESIGNED_TO_BE.search(source):
        return False  # "it will be designed from the ground up to be extendable": a thing's qualities
    if _opens_with_verb(body) or _FUTURE_STATE.match(body):
        return True
    if body.startswith("Be ") and _ROLE_FOR.match(source):  # "X is an advocate for Y": "Be an advocate for Y"
        return True
    first = body.split()[0].rstrip(",;:") if body.split() else ""
    purpose_of = _PURPOSE_OF.search(source)
    if purpose_of and gerund_base(purpose_of.group("doing"), guess=True) == first.lower():
        return True  # "... for the purpose of handling X": "Handle X"
    if first.lower().endswith("ing") and first.lower() not in BASE_VERBS:
        return False  # "Being part of the network": a gerund left as it was is no order to act on
    return bool(
        source
        and len(body.split()) > 2  # "School program" from "a farm to school program": no verb introduced
        and (first[:1].isupper() or fronted is not None)
        and first.replace("-", "").isalpha()
        and first.lower() not in _DETERMINERS
        and not source.lstrip().startswith(first)
        # a verb the lead-in introduced ("aims to coordinate"), never a word like "the" that
        # merely occurs later ("Founded in 1998, the Network is ...")
        and re.search(rf"\b(?:to|will|shall|must|and|or)\s+{re.escape(first.lower())}\b", source, re.I)
        # "a commitment to data sharing" introduces no verb "Data"
        and not re.search(rf"\b{_NOUNS_BEFORE_TO}\s+to\s+{re.escape(first.lower())}\b", source, re.I)
        # "from established actors, to new innovators": the end of a range, not a verb "New"
        and not re.search(rf"\bfrom\s[^.;:]{{1,120}}?\bto\s+{re.escape(first.lower())}\b", source, re.I)
    )


# a thing made to have qualities: "it will be designed from the ground up to be extendable"
_DESIGNED_TO_BE = re.compile(
    r"\b(?:designed|built|intended|meant|made|engineered)\b[^.;]{0,40}?\bto\s+be\b", re.I
)
# A sentence that opens by conceding something ("Whilst X aims to ..., it still lacks Y"): the part
# conceded, before its comma, is someone else's aim or a given, never the goal
_CONCESSION = re.compile(r"\W*(?:while|whilst|although|though|whereas|even\s+though)\b[^,]*,", re.I)
_OWN_AIM = re.compile(r"\b(?:we|our|us|purpose|mission|aims?|goals?|objectives?)\b", re.I)


def _conceded(sentence: str) -> str | None:
    """The part a sentence concedes before its comma ("Whilst the Agreement is a framework to prevent
    X,"), unless it states the body's own aim ("While the purpose of the association is to ...,")."""
    found = _CONCESSION.match(sentence)
    return found.group(0) if found and not _OWN_AIM.search(found.group(0)) else None


# The first words are a subject, its verb follows: "(To) make this happen requires organizing people":
# no order to act on.
_SUBJECT_THEN_VERB = re.compile(
    r"^\w+(?:\s+(?!(?:that|which|who|so|where|when|if|because|unless)\b)\w+){0,7}\s+(?:requires|involves|means"
    # "Open source software is essential for modern statistical production": a belief, not an order
    r"|(?<!\bit\s)(?<!\bthis\s)(?<!\bthere\s)(?:is|are)\s+(?:\w+ly\s+)?(?:essential|important|critical|vital|necessary|crucial|central|fundamental"
    r"|indispensable|key)\b)\b",
    re.IGNORECASE,
)
# "Open Austin believes ...", "Lead Chicago is ...": a name that opens with a verb, then its own verb.
_NAME_THEN_VERB = re.compile(r"^[A-ZÀ-Þ][\w’'-]*(?:\s+[A-ZÀ-Þ][\w’'.&-]*){1,3}\s+(?P<verb>[a-z]+s)\b")
_SAYING_VERBS = frozenset(["believe", "think", "know", "feel", "say", "see", "envision", "hold", "consider"])


def _named_subject(clause: str) -> bool:
    named = _NAME_THEN_VERB.match(clause)
    if not named:
        return False
    verb = named.group("verb")
    return verb in {"is", "has", "was", "does"} or third_person_base(verb) in (
        BASE_VERBS | _COMMON_VERBS | _SAYING_VERBS
    )


def opens_with_verb(clause: str) -> bool:
    """Whether `clause` starts with a base-form verb ("Cut…", "Develop…"): a goal, not a report."""
    return _opens_with_verb(clause)


def shorten(clause: str, limit: int = 40) -> str:
    """A long clause cut before the words that only explain it (", while…", "; …", " — …"); any
    clause before how its authors go about it (", and they do this by …")."""
    means = _HOW_THEY_DO_IT.search(clause) or _SO_THAT_AFTER.search(clause)
    if means and len(clause[: means.start()].split()) >= 4:
        clause = clause[: means.start()].rstrip(" ,")
    if len(clause.split()) <= limit:
        return clause
    for match in _TAIL.finditer(clause):
        if _ADJECTIVE_BEFORE_COMMA.search(clause[: match.start()]) and match.group(0).startswith(","):
            continue  # "in a collaborative, welcoming atmosphere": adjectives of one noun, not a tail
        if len(clause[: match.start()].split()) >= 6:
            return clause[: match.start()].rstrip(" ,")
    return clause


_ADJECTIVE_BEFORE_COMMA = re.compile(r"\b(?:a|an|the)\s+[a-z-]+$", re.IGNORECASE)


def _bare_listed_infinitives(body: str) -> str:
    """ "Strengthen X, to increase Y, and to demonstrate Z" -> "Strengthen X, increase Y, and demonstrate
    Z": the infinitives listed after a goal's verb take its form (only in a list that ends "and to")."""
    if re.match(r"(?i)(?:the|a|an|our|this|these|its|their)\b", body) or not re.search(
        r"\band\s+to\s+[a-z]", body
    ):
        return body
    return re.sub(r"(,\s+(?:and\s+)?|\s+and\s+)to\s+(?=[a-z])", r"\1", body)


def complete(
    clause: str,
    *,
    timeframe: str | None = None,
    population: str | None = None,
    lean: bool = False,
    named: bool = False,
    result: str | None = None,
    ask_group: bool = True,
    place: str | None = None,
    amount: str | None = None,
) -> str:
    """One sentence from `clause` (the user's words, unchanged) with each missing criterion filled
    by the given fact or a [slot]: a target after a result verb that has none, a result to count
    after an activity, a defined group in place of a vague one, a deadline in place of "soon".
    `lean` asks only for the deadline: the text's own aim as it stands, the fewest slots to fill.
    `named`: the text names who it serves elsewhere ("the broader geospatial community"), so no group
    slot is added; a vague group is asked to be defined only where it is who the goal is for.
    `result`: a result the text counts elsewhere ("10 country deployments and 50 forms"), in place of
    the slot asking for one. `ask_group=False` (a draft): no group slot where the text names none (a
    vague group is still asked to be defined); the check beside the draft says the group is missing.
    `place`: where the text says the body works, added after a group when the clause names no place.
    `amount`: how much a result verb with none moves its object ("from 13.2 to 9.5 mg/L"), in place of
    the slot asking for it."""
    body = _bare_listed_infinitives(_verb_list_in_lower_case(_END.sub("", clause.strip())))
    body = _quotes_closed(body)  # 'create a "food-secure City of Detroit."': the quote the end took
    # "Build a world where: The ecosystem is diverse", "Deliver: A roadmap": a list's colon, mid-sentence
    body = _COLON_THEN_NOUN.sub(_colon_then_noun, body)
    body = _MID_THE.sub("the", body)  # "membership of The CBO" -> "of the CBO" (never "The Hague")
    body = _VERB_THEN_ITS.sub(r"\1 our", body)  # "Grow its portfolio": the body's own, said by the body
    facts = facts_of(body)
    dated = facts.timeframe.met or "[year]" in body or bool(_FRONTED_TIME.match(body))
    when = "" if dated else (timeframe or TIMEFRAME_SLOT)
    # slots go before a deadline the clause ends with: "…by 40 percent for [group] by 2028"
    tail = facts.timeframe.evidence or ""
    if tail and body.endswith(tail) and not body.startswith(tail):
        body, when = body[: -len(tail)].rstrip(" ,"), tail
    group = ""
    if not facts.population.met and "[a defined group or place" not in body:
        # the vague group the goal is for ("a safer place for everyone"), else the first one
        found = _bare_vague_group(body, for_whom=True) or _bare_vague_group(body)
        if population and (population in body or _shares_words(population, body)):
            pass  # named already ("New York's governments"), only not as the rules' population
        elif population:  # "for Each member state" -> "for each member state"
            population = re.sub(r"^(?:Each|Every|All|The|Our)\b", lambda m: m.group(0).lower(), population)
            group = f" {_preposition(population)} {population}"
        elif lean:
            pass
        elif (
            found
            and _FOR_WHOM.search(body[: found.start()])  # "... for the community"
            # in a draft, "open to everyone", "service to all" is the point, not a gap
            and (ask_group or found.group(0).lower() not in {"all", "everyone", "everybody"})
        ):
            if place and re.search(r"\b(?:in|across|throughout)\s+$", body[: found.start()]):
                # "challenges in our community" where the text says it works in Virginia
                body, place = body[: found.start()] + place + body[found.end() :], None
            else:
                slot = f"[a defined group or place, not '{found.group(0)}']"
                body = body[: found.start()] + slot + body[found.end() :]
        elif ask_group and not (found or named or _NAMES_A_GROUP.search(body)):  # "for researchers": named
            group = f" for {POPULATION_SLOT}"
    if (
        place
        and not group
        and not find_place(body).met
        and place.lower().removeprefix("the ") not in body.lower()
    ):
        group = f" in {place}"  # "care for patients and families" -> "... in Nigeria"
    if (
        lean
        or facts.outcome.met
        or _QUANTITY.search(body)
        or "[a result you can count" in body
        or TARGET_SLOT in body
    ):
        body += group
    elif (
        (body.split()[0].lower() in _LEVEL_VERBS or _MADE_MORE.match(body))
        and len(body.split()) <= 14  # after a long object "[by how much]" dangles off its last noun
    ):
        body = f"{body} {amount or TARGET_SLOT}{group}"
    elif result and result.split()[0].endswith("ing"):  # "..., reducing CO2 emissions by one-third"
        body = f"{body}{group}, {result}"
    else:
        body = f"{body}{group}, reaching {result or RESULT_SLOT}"
    vague_time = VAGUE_TIME.search(body) if when and not facts.timeframe.met else None
    if vague_time and (
        re.search(r"\b(?:the|a|an|our|its|their)\s+$", body[: vague_time.start()], re.I)
        or re.match(r"long[- ]term,?\s+(?!reaching\b)[a-z]", body[vague_time.start() :], re.I)
    ):
        vague_time = None  # "the long-term growth of ...", "and long-term viability": a quality, no deadline
    if vague_time:  # "…safer soon" → "…safer by [year]", the slot where the vague time was
        body, when = body[: vague_time.start()] + when + body[vague_time.end() :], ""
    return sentence_case(f"{body} {when}")


def _quotes_closed(body: str) -> str:
    """`body` with a quotation it opens and its end cut off closed again."""
    if body.count('"') % 2:
        return f'{body}"'
    return f"{body}”" if body.count("“") > body.count("”") else body


_MID_THE = re.compile(r"(?<=[a-z,] )The(?=\s+(?:[A-Z]{2,}\b|[a-z]))")
# "Help its members ...", "Achieve its goals": the goal's verb straight before "its", whose body the draft
# no longer names (never "Help Vision Zero Chicago achieve its mission")
_VERB_THEN_ITS = re.compile(r"^((?:[A-Z][a-z]+)(?:\s+and\s+[a-z]+)?)\s+its\b")
_COLON_THEN_NOUN = re.compile(r"(\w+)\s*:\s+(The|A|An|All|Every|Each|Our|Its|Their)\b")


def _colon_then_noun(match: re.Match[str]) -> str:
    """ "Deliver: A roadmap" -> "Deliver a roadmap"; after a name, what follows describes it: "building
    the Virtual Observatory: A seamless infrastructure" -> "the Virtual Observatory, a seamless ..." """
    word, article = match.group(1), match.group(2).lower()
    named = match.start() > 0 and word[0].isupper() and word.lower() not in BASE_VERBS
    return f"{word}, {article}" if named else f"{word} {article}"


# "Collect, Manage, Store and Publish X", "Assess X and to provide Y": verbs after the first one.
_LISTED_VERB = re.compile(r"(,\s*(?:and\s+)?|\s+and\s+)(to\s+)?([A-Za-z]+)\b")


def _verb_list_in_lower_case(body: str) -> str:
    """A clause opening with its verb, the verbs coordinated with it as a list reads them: in lower
    case and without a stray "to" ("Assess X and to provide Y" -> "Assess X and provide Y")."""
    if not _opens_with_verb(body):
        return body

    def lower(item: re.Match[str]) -> str:
        joint, to, word = item.group(1), item.group(2), item.group(3)
        if word.lower() not in BASE_VERBS or (to and "and" not in joint):
            return item.group(0)  # ", to reach X" is a purpose of its own
        if to and re.search(r",\s+to\s+[a-z]", body[: item.start()]):
            return item.group(0)  # "..., to ensure X, and to prevent Y": the list of purposes keeps its "to"
        if word[:1].isupper() and item.start() > 40:
            return item.group(0)  # far from the opening verb, a capital is a name's
        return joint + (word.lower() if word[:1].isupper() else word)

    return _LISTED_VERB.sub(lower, body)


# The words before a vague group that make it who the goal is for ("for the community", "to everyone").
_FOR_WHOM = re.compile(
    r"\b(?:for|to|serve|serving|benefit|benefiting|reach|reaching|help|in|across|throughout|within)\s+(?:all\s+)?$",
    re.I,
)
# People a text names as those it serves or works with ("the broader open source community", "all
# Texans", "patients", "homeowners"): a draft then asks for no group, even from another sentence.
_PEOPLE = re.compile(
    r"\b(?:communit(?:y|ies)|people|peoples|patients|members|residents|families|youth|children|students|"
    r"researchers|scientists|developers|users|workers|women|girls|citizens|neighbou?rs|homeowners|tenants|"
    r"farmers|immigrants|refugees|veterans|artists|survivors|parents|teachers|clinicians|maintainers|"
    r"contributors|nations|countries|cities|governments|organi[sz]ations|companies|agencies|groups|partners|"
    r"businesses|[A-Z][a-z]+(?:ans|ians|ers))\b"
)


def names_a_group(text: str) -> bool:
    """Whether `text` names people it serves or a place it works in: a place or group the rules find,
    a demonym ("all Texans"), or people qualified by what they are ("the broader geospatial community",
    "immigrant families"), never bare ("our community", "help people in our town")."""
    if find_population(text).met:
        return True
    for found in _PEOPLE.finditer(text):
        before = text[: found.start()].split()[-1:]
        word = before[0].lower().strip(",;:()") if before else ""
        if found.group(0)[:1].isupper() or (
            word.isalpha() and word not in _FUNCTION_WORDS | _DETERMINERS | BASE_VERBS | _VAGUE_QUALIFIERS
        ):
            return True
    return False


_VAGUE_QUALIFIERS = frozenset(
    ["more", "many", "some", "other", "local", "those", "such", "every", "and", "or"]
)


def _shares_words(population: str, body: str) -> bool:
    """Whether four words in a row of `population` are in `body` ("organizations who advocate together
    for policies ..." beside "Advocate together for policies ..."): the group is the clause's source."""
    words = population.lower().split()
    text = " ".join(body.lower().split())
    return any(" ".join(words[i : i + 4]) in text for i in range(max(len(words) - 3, 0)))


# Who a goal serves, named if broadly ("citizens", "open source maintainers", "Partners"): a draft asks
# no [group] slot after them (the check still asks for a narrower one).
_NAMES_A_GROUP = re.compile(
    rf"\b(?:{alternatives([*LEXICON.situation_groups, *LEXICON.public_bodies, *LEXICON.named_groups])})\b",
    re.I,
)


# A number the user gave: the result has its measure even where the rules see no outcome.
_QUANTITY = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand|"
    r"million|billion|half|third|quarter|double|triple|zero|every|all)\b",
    re.IGNORECASE,
)
_QUALIFIED = re.compile(r",?\s+(?:over|under|aged|in|on|who|with|living|from|at|of)\b")


_OPEN_TO = re.compile(r"\b(?:open|available|accessible|free)\s+to\s+$", re.I)


def _bare_vague_group(body: str, *, for_whom: bool = False) -> re.Match[str] | None:
    """A vague group with nothing that defines it ("the community", but not "young people in Juárez");
    with `for_whom`, only one the text says it is for ("for everyone", "serving the community")."""
    for match in VAGUE_GROUPS.finditer(body):
        if for_whom and (
            not _FOR_WHOM.search(body[: match.start()]) or _OPEN_TO.search(body[: match.start()])
        ):
            continue  # ("open to all", "available to everyone": who may use it, not who the goal is for)
        before = body[: match.start()].split()[-1:]
        if _QUALIFIED.match(body, match.end()) or (
            before and before[0].lower() in {"young", "older", "local"}
        ):
            continue
        if is_determiner(body, match) or body[match.end() : match.end() + 2] in ("'s", "’s"):
            continue  # "all data privacy requirements", "society's challenges": not a group to name
        return match
    return None


def _preposition(population: str) -> str:
    return "in" if _PLACE_PHRASE.match(population.removeprefix("the ")) else "for"


def sentence_case(body: str) -> str:
    body = " ".join(_END.sub("", body).split())
    body = re.sub(r"(?<=\w)- (?!(?:and|or|to)\b)(?=[a-z])", "-", body)  # "program- specific" (a wrapped line)
    return body[0].upper() + body[1:] + "." if body else body


def timeframe_first(statement: str) -> str | None:
    """The statement with its deadline moved to the front ("By 2028, cut…"), or None when the
    deadline is not its last words."""
    body = _END.sub("", statement)
    if _FRONTED_TIME.match(body):
        return None  # already opens with its deadline
    evidence = find_timeframe(body.replace(TIMEFRAME_SLOT, "by 2000")).evidence
    when = TIMEFRAME_SLOT if body.endswith(TIMEFRAME_SLOT) else evidence
    if not when or not body.endswith(when) or body.startswith(when):
        return None
    rest = body[: -len(when)].rstrip(" ,")
    first = rest.split()[0].lower() if rest.split() else ""
    goal_like = opens_with_verb(rest) or _FUTURE_STATE.match(rest) or rest.startswith("[")
    if len(rest.split()) < 2 or not (goal_like or (first.isalpha() and first not in _FUNCTION_WORDS)):
        return None  # "By [year], X is a non-profit ..." puts a deadline on a description
    return sentence_case(f"{when[0].upper()}{when[1:]}, {_lower_first(rest)}")


_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|by|to|for|with|from|through|within|where|while|that|which|who|as|at|in|on|of|"
    r"reaching|including|so|until|before|after|since)\b)[a-z]"
)


# "represented in Parquet", "written in Rust": a format or a language, never a place to move
_FORMAT_VERBS = frozenset(
    {"represented", "written", "encoded", "implemented", "expressed", "stored", "published"}
)


def place_first(statement: str) -> str | None:
    """The statement opened by its place ("In Harbor County, cut the share of children…"), or None
    when no "in/across <Place>" can be moved without leaving a fragment."""
    body = _END.sub("", statement)
    match = re.search(
        r"\s(in|across|throughout)\s+(?P<place>(?:the\s+)?[A-ZÀ-Þ][\w’'.-]*(?:\s+[A-ZÀ-Þ][\w’'.-]*){0,3}"
        r"(?:\s+(?:district|county|region|area|valley|basin|neighbou?rhood|corridor))?)(?=[\s,]|$)",
        body,
    )
    before = body[: match.start()].split()[-1:] if match else []
    if (
        not match
        or not find_population(match.group(0)).met
        or match.group("place").endswith(("'s", "’s"))
        or (before and before[0].lower() in {"from", "to", "of", "with", *_FORMAT_VERBS})
        or body[match.end() :].lstrip().startswith(("and ", "& "))
        # a list of places ("in Leeds, Bradford"), or of fields ("in Education, the Sciences"): kept whole
        or re.match(r"\s*(?:,\s*(?:the\s+)?[A-ZÀ-Þ]|\()", body[match.end() :])
        or re.match(r"\s+of\s+[A-ZÀ-Þ]", body[match.end() :])  # "in Google Summer of Code": a name
        or _NOUN_AFTER.match(body[match.end() :])  # "in the Marlowe language": a name's thing, no place
    ):
        return None  # "in Europe's environment", "experts from across Europe": no place to move
    rest = (body[: match.start()] + body[match.end() :]).strip()
    if len(rest.split()) < 3 or not opens_with_verb(rest):
        return None
    return sentence_case(f"{match.group(1).capitalize()} {match.group('place')}, {_lower_first(rest)}")


_FUNCTION_WORDS = frozenset(
    {"every", "all", "each", "the", "a", "an", "our", "their", "its", "this", "these", "no", "most"}
    | {"of", "in", "for", "to", "with", "at", "we"}
)


# what follows a name that is the sentence's subject ("Green Web Foundation is ...", "Singapore will be ...")
_SUBJECT_VERBS = frozenset(
    {"is", "are", "was", "were", "will", "shall", "has", "have", "aims", "seeks", "works"}
)


_NEVER_NAMES = frozenset(
    [
        "there",
        "it",
        "this",
        "these",
        "those",
        "they",
        "we",
        "our",
        "every",
        "all",
        "each",
        "no",
        "most",
        "many",
    ]
)


def _lower_first(text: str) -> str:
    """`text` to follow a comma: its first word lower-cased unless it is a name."""
    words = text.split()
    if words and words[0].lower() in _NEVER_NAMES:  # "There will be ...", "Every child ..."
        return text[0].lower() + text[1:]
    capitalised = next((i for i, word in enumerate(words) if not word[:1].isupper()), len(words))
    if 0 < capitalised < len(words) and words[capitalised].lower() in _SUBJECT_VERBS:
        return text  # a name as the subject: "Green Web Foundation is ..." keeps its capital
    first = words[0].lower().rstrip(",;:") if words else ""
    common = first in BASE_VERBS or first in _FUNCTION_WORDS or first.endswith(("ed", "ing"))
    # "Fair and inclusive…", "Students build…": a capital only because the sentence began there
    sentence_start = len(words) > 1 and words[1][:1].islower() and not find_population(words[0]).met
    return text[0].lower() + text[1:] if common or sentence_start else text


# Where a text that states no goal in a form the rules know still says what its body does: an
# infinitive of purpose ("convened ... to define common practices"), what "we" or its people do
# ("others who use technology to solve X", "where we share X"), a doing after a comma ("acts as the
# Secretariat, providing X").
_PURPOSEFUL = re.compile(
    r"\bto\s+(?P<infinitive>[a-z]+)\b|\b(?:we|who)\s+(?:\w+ly\s+)?(?P<plural>[a-z]+)\b|,\s+(?P<gerund>[a-z]+ing)\b"
    # "a project that will bring fresh produce to ...": what it will do
    r"|\b(?:that|which)\s+will\s+(?P<will>[a-z]+)\b"
    # "Collaborative Housing provides advice ...": the body, named, and what it does
    r"|^(?:The\s+)?(?:[A-Z][\w&'’-]*\s+){1,6}(?P<singular>[a-z]+s)\b"
    # "The mission provides food ...", "The network connects ...": the body, not named
    r"|^The\s+(?:[a-z-]+\s+){1,2}(?P<unnamed>[a-z]+s)\b"
    # "a data pipeline that makes US energy data easier to use": what the thing it is does
    r"|\b(?:that|which)\s+(?P<relative>[a-z]+s)\b"
)
_PURPOSEFUL_GROUPS = ("infinitive", "plural", "gerund", "will", "singular", "unnamed", "relative")
_CONDITION = re.compile(r"(?i)\s*(?:if|when|unless|whether|once|before|after)\b")
_RULE_BEFORE = re.compile(r"(?i)\b(?:may|shall|must|should|can|could|might)\b")
_NOT_PURPOSEFUL_BEFORE = re.compile(
    r"\b(?:how|what|where|able|according|due|close|next|up|used|want|wants)\s+$", re.I
)


def purposeful_phrase(text: str) -> str | None:
    """The first verb phrase of `text` that says what its body does or is for, as a goal in the base
    form ("Define common practices and expectations for GTFS data"); None when there is none. A
    fallback for texts the goal rules find nothing in: better the text's own aim than slots only."""
    for sentence in goal_sentences(text):
        if re.search(r"\byou(?:rs?)?\b", sentence, re.I) or _CONDITION.match(sentence):
            continue  # a how-to or a condition: "If your goal is to run larger events, ..."
        if is_history(sentence):
            continue  # "In 1976 two members created a chance for artists to spend a season ..."
        conceded = _conceded(sentence)  # "Whilst X is a framework to prevent Y, it lacks Z"
        for found in _PURPOSEFUL.finditer(sentence):
            if conceded and found.start() < len(conceded):
                continue  # the part conceded: someone else's aim, not this body's
            group = next(g for g in _PURPOSEFUL_GROUPS if found.group(g))
            word = found.group(group)
            base = gerund_base(word, guess=False) if group == "gerund" else _base_form(word)
            if group in ("infinitive", "will") and word not in BASE_VERBS:
                continue
            if not base or base in _FUNCTION_WORDS or base == "be" or base in _SAYING_VERBS:
                continue
            if _NOT_PURPOSEFUL_BEFORE.search(sentence[: found.start()]) or _RULE_BEFORE.search(
                sentence[: found.start()]
            ):
                continue  # "The Board may establish a group to review X": a rule
            after = sentence[found.end() :]
            if found.group("gerund") and re.match(r"\s*(?:,|and\b|or\b)", after):
                continue  # "including documentation, testing, integration": nouns listed
            start = found.start(group)
            # (never "..., and has an oversight on X": a second thing it is or has, not done)
            rest = re.split(
                r";|\s[–—-]\s|,?\s+and\s+(?:has|have|is|are|was|were)\b", sentence[start + len(word) :]
            )[0].strip(" .,:")
            if len(rest.split()) < 2 or ":" in rest:
                continue
            rest = _coordinated_verbs(rest) if found.group("gerund") else rest
            return shorten(f"{base.capitalize()} {rest}", limit=0)
    return None
