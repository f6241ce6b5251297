"""Rule-based judgement of a purpose statement: does it name a specific outcome and a defined
population or place? Each finding comes with the words that show it (the timeframe criterion is in
`timeframe.py`).

The rules are deliberately explainable: a concrete change verb with a measurable target is an
outcome ("halve asthma admissions"), so is an end state ("end hunger") or one artefact a reader can
point at ("publish a data standard"); vague verbs alone are not ("promote", "raise awareness"). A
named place or a qualified group is a population ("every child in Harbor County"); "the community",
the body's own members and a place inside a name ("Vision Zero Chicago") are not.
"""

from __future__ import annotations

import re

from advisor.capabilities.purpose.models import Finding
from advisor.capabilities.purpose.timeframe import MONTHS, NUMBER_WORDS, tells_the_past
from advisor.capabilities.purpose.vocabulary import GAZETTEER, LEXICON, alternatives, inflected

VAGUE_VERBS = tuple(LEXICON.vague_verbs)
CONCRETE_VERBS = tuple(LEXICON.concrete_verbs)
_CONCRETE = re.compile(rf"\b(?:{inflected(CONCRETE_VERBS)})\b", re.IGNORECASE)
_END_STATE = re.compile(LEXICON.end_states, re.IGNORECASE)
# "the end of 2024", "a cut of": the word is a noun there, not the verb of a result
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|at)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_NOT_AN_OUTCOME_AFTER_RAISE = re.compile(r"\braise\w*\s+(?:awareness|the profile|voices?)\b", re.IGNORECASE)
_QUANTITY = re.compile(
    r"(?i)(?:\$\d[\d,.]*|(?<![\w.])(?<!the #)(?<![a-z]-)(?!(?:19|20)\d\d\b)\d[\d,.]*"
    r"(?!\d|st\b|nd\b|rd\b|th\b)"
    # ("3MF content", "3D printing": a name, not an amount)
    r"(?!(?-i:[A-Z]{2}|D\b))"
    # ("the 1000 city challenge": a number in a named challenge's name)
    r"(?!\s+(?:[A-Za-z-]+\s+){0,2}(?:challenge|pledge|initiative|campaign|prize)\b)"
    r"(?:\s*(?:%|percent|per cent))?|\b(?:(?<!net )(?<!net-)zero|half|halv\w*|doubl\w*|tripl\w*|"
    # ("make us all better prepared": a pronoun's "all" counts nothing)
    # ("benefit all Indigenous Peoples": who gains, not a count; "each using ...": no count either)
    r"every|(?<!us )(?<!we )(?<!you )(?<!them )(?<!benefit )(?<!benefits )(?<!serve )(?<!serves )all|"
    r"each(?!\s+(?:other\b|[a-z]+ing\b))|"
    rf"no more than|at least(?=\s+(?:\$?\d|{NUMBER_WORDS}|half|a\s|one\b))|"
    rf"(?:under|below|above)(?=\s+(?:\$?\d|{NUMBER_WORDS}|half|"
    # "under a third", never "under a licence"
    r"a\s+(?:third|quarter|fifth|tenth|half|dozen|hundred|thousand|million|billion)\b))|"
    # ("create one of the largest communities": a standing among others, no count)
    r"(?!one\s+of\s+the\s+(?:[a-z]+est|most|best|leading|top|foremost|premier)\b)"
    # ("collaborate on environmental projects in one single place": where, not how many)
    r"(?!one\s+(?:single\s+|central\s+)?(?:place|location|spot|roof)\b)"
    rf"{NUMBER_WORDS}|hundreds?|thousands?|"
    r"millions?(?!\s+(?-i:[A-Z]))|billions?|"
    r"one (?:or more|third|quarter|fifth|tenth)|a (?:third|quarter|fifth|tenth))\b"
    # ("a third option", "a fifth edition": an ordinal, no share; "the #1 data-driven country": a rank)
    r"(?!\s+(?:option|alternative|way|path|party|place|round|edition|version|phase|stage|year|term|sector|pillar|"
    r"goal|generation|wave)s?\b))"
)
_NOT_TARGETS = re.compile(LEXICON.not_targets, re.IGNORECASE)
# "No. 1060", "Level 2 and 3": an identifier, or a list of them, never a count
_IDENTIFIER = re.compile(
    rf"\b(?:{alternatives(LEXICON.identifiers)})\.?\s*\d[\d./-]*(?:\s*(?:,|and|or|&)\s*\d[\d./-]*\b)*"
)
# "Horizon Europe call HORIZON-CL6-2021-BIODIV-01-01": a code, never a count
_CODE = re.compile(
    r"\b(?=[A-Z0-9-]*\d)[A-Z][A-Z0-9]*(?:-[A-Z0-9]+){2,}\b"
    # "policy SAM 4984 which mandates ...": a policy's or a bill's code, no count
    r"|\b(?:[Pp]olicy|[Bb]ill|[Aa]ct|[Oo]rder|[Rr]ule)\s+[A-Z]{2,}\s*\d[\d.]*\b"
    # "Regulation (EU) 2024/1183", "910/2014": a law's number
    r"|(?<![\w/.])(?:\d{1,4}/(?:19|20)\d\d|(?:19|20)\d\d/\d{3,5})\b(?!/)"
    # "the DITA 1.3 and DITA 2.x grammars": a standard's version, no count (a release to ship, "Release 8.1",
    # stays one)
    r"|(?<=\b[A-Z]{2})(?:[A-Za-z]*\s+)v?\d+\.(?:\d+|x)(?:\.\d+)*\b(?!\s*(?:%|percent))"
)
# "one" as a pronoun counts nothing: "a process comparable to the one for its open data", "no one"
_PRONOUN_ONE = re.compile(
    r"\b(?:the|this|that|no|any)\s+one\b(?![\s-]+(?:million|thousand|hundred|billion))"
    r"|\bone\s+another\b",
    re.IGNORECASE,
)
# "move them towards net zero", "towards Defra's net zero target": a direction, no amount reached
_DIRECTION = re.compile(r"\btowards?\s+(?:(?:the\s+)?[\w-]+['’]s\s+)?(?:net[- ])?zero\b", re.IGNORECASE)
# an inline list's numbering: "through: 1) improving access ...; 2) ...", "(3) research"
# ("(3)conduct training": a list number written against its word is still a list number)
_ENUMERATOR = re.compile(r"(?:(?<=[\s:;])|^)\(?\d{1,2}\)(?=\s|[^\W\d_])")
# "every asylum seeker … will have a representative", "projects are free of vulnerabilities"
_STATE_RESULT = re.compile(
    # never "they all", "and others all support ...": a pronoun's "all" quantifies no target
    r"(?<!others )(?<!they )(?<!these )(?<!those )(?<!we )"
    r"\b(?:every|all|each)\s+\w+[^.;]{0,80}?\b(?:will\s+|to\s+)?(?:be|have|has|meet|meets|get|gets|reach|reaches|"
    r"receive|receives|(?:can\s+|could\s+)?(?:learn\s+to\s+)?read)\b\s*\w*|\b(?:are|is|be|become)\s+free\s+(?:of|from)\s+\w+[^.;,]*"
    # "a book in every child's hand": one thing each member of a group holds, countable
    r"|\ban?\s+(?:[\w-]+\s+){1,3}?in\s+(?:every|each)\s+[\w-]+['’]s\s+hands?\b"
    # "By December 2020, all agencies will identify their initial list of priority data assets"
    r"|\b(?:every|all|each)\s+\w+[^.;]{0,60}?\bwill\s+(?:identify|publish|adopt|submit|implement|complete)\b\s*\w*"
    # "Three winning projects will be awarded support": a count of what is given or chosen
    rf"|(?<![\w-])(?:\d+|{NUMBER_WORDS})\s+(?:[\w-]+\s+){{0,2}}?[a-z]+s\s+will\s+be\s+(?:awarded|funded|selected|trained|"
    r"hired|launched|published|opened|built|established|certified|placed)\b"
    r"|\bavailable\s+(?:to|for)\s+(?:every|all|each)\s+\w+|\bno\s+(?:one|\w+)\s+(?:dies|die|goes\s+hungry)\b"
    # "datasets covering the entirety of England": whole coverage of a named place, checkable
    r"|\bcover(?:s|ing)?\s+(?:the\s+(?:entirety|whole)\s+of|all\s+of)\s+(?:the\s+)?(?-i:[A-Z])[\w-]+"
    r"|\b\d+\s*(?:%|percent|per\s+cent)\s+of\s+[^.;]{3,120}?\b(?:are|is|will\s+be|have|has|to\s+(?:meet|reach|achieve|attain))\s+\w+"
    # "75% of cases diagnosed at stage 1 or 2": a share of a group in a state
    r"|\b\d+\s*(?:%|percent|per\s+cent)\s+of\s+(?:[\w-]+\s+){1,4}?(?:diagnosed|treated|screened|vaccinated|housed|enrolled|connected|"
    r"covered|recycled|reused|restored|protected|employed|registered)\b"
    # "ensure everyone in the community has a safe place to call home", "give everyone in Scotland the
    # skills they need": a thing each person holds, countable (never "everyone can ...", an ability)
    r"|\b(?:everyone|everybody)\b[^.;]{0,60}?\b(?:has|have|gets?|will\s+have)\s+(?:a|an|the)\s+\w+"
    # (never "give everyone access to a great model": access is an opportunity, nothing held)
    r"|\bgiv(?:e|es|ing)\s+(?:everyone|everybody|every\s+[\w-]+)\b(?!\s+access\b)[^.;]{0,60}?\b(?:a|an|the)\s+\w+"
    # "Establish Philadelphia as a top-10 AI hub nationally": a place in a ranking, checkable (never "the
    # OWASP Top 10": a list's name)
    r"|\b(?:as|become|becoming|be|remain|among|into)\s+(?:a|an|one\s+of\s+the)\s+"
    r"(?-i:top)[- ](?:\d+|ten|five|three|twenty)\b"
    r"[^.;]{0,60}",
    re.IGNORECASE,
)
# "the Consortium will aim to engage with four priority countries", "this will take about 50 tall buildings":
# a count of things in a sentence about a plan (not a frequency or a duration)
_PLAN = re.compile(
    r"\b(?:will|shall|(?:aims?|plans?|intends?|wants?|seeks?|hopes?|commits?|committed)\s+to|goal\s+is\s+to|"
    # "Project Sunbird has a mission to improve learning outcomes for 200 million children"
    r"we\s+(?:want|aim)\s+to|(?:a|the|our|its)\s+mission\s+(?:is\s+)?to)\b"
    # "To offer free coding education to 1 million women by 2020": a goal written as an infinitive;
    # "2020 10,000 patients; 2 clinics": a year's target in a list labelled by years
    # (the year may be blanked already, as the timeframe's evidence)
    r"|^\s*To\s+(?=[a-z])|^(?:(?:19|20)\d\d|\s{4}):?\s+(?=\d)",
    re.IGNORECASE,
)
# "Acquire at least 30K unique visitors", "Fulfill 5-10 Help Desk tickets", "a 50% reduction in emissions",
# "committing $100 million": a target's own wording, wherever it stands (not in a sentence telling the past)
_TARGET_WORDING = re.compile(
    r"(?i)\b(?:at\s+least|a\s+further|an\s+additional|up\s+to|no\s+fewer\s+than)\s+"
    # ("for up to five years" is how long, no target)
    rf"(?:\$?\d[\d,.]*\s*[KkMm]?|{NUMBER_WORDS})\b(?!\s+(?:years?|months?|weeks?|days?|hours?)\b)"
    r"(?:\s+(?:[\w-]+\s+){0,3}?[a-z][\w-]*s\b)?"
    r"|(?<![\w.-])(?!(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b)\d+\s*[-–]\s*\d+\s+(?:[\w-]+\s+){0,3}?[a-z][\w-]*s\b"
    # "support for 10+ graph data processing or graph convolution interfaces": a floor on a count
    r"|(?<![\w.-])\d[\d,]*\+\s+(?:[\w-]+\s+){0,6}?[a-z][\w-]*s\b"
    r"|\b\d[\d.]*\s*(?:%|percent|per\s+cent)\s+(?:reduction|increase|cut|decrease|drop|rise|fall)\b[^.;,]{0,60}"
    r"|\b(?:commit\w*|mobili[sz]\w*|rais\w*|invest\w*|catalys\w*|pledg\w*)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:\$|£|€)\d[\d,.]*\s*(?:million|billion|bn|m)\b[^.;,]{0,60}"
    # "2018 secure $250k in funding": an amount of money to secure
    r"|\b(?:secur\w*|rais\w*|obtain\w*)\s+(?:\$|£|€)\d[\d,.]*\s*(?:[kKmM]|million|billion|bn)?\b[^.;,]{0,40}"
    r"|\b(?:release|version)\s+v?\d+(?:\.\d+)+\b"
    # "announce the final pre-1.0 version", "ship a 2.0 release"
    r"|\b(?:pre-)?v?\d+(?:\.\d+)+\s+(?:version|release)\b"
    # "fit the kernel in 20kB", "1500 GW of energy storage": an amount in a unit of measure
    r"|(?<![\w.])\d[\d,.]*\s*(?:million\s+|billion\s+)?(?-i:kB|KB|MB|GB|TB|ms|kW|MW|GW|kWh|MWh|GWh|kg|km)\b"
    r"|(?<![\w.])\d[\d,.]*\s*(?:million\s+|billion\s+)?(?:tonnes|tons|hectares|acres|litres|liters|gallons)\b"
    r"|(?<![\w.])v\d+(?:\.\d+)+\s+(?:of|for)\s+\w"
    # ("Our target for financial compensation is 60% of the usual salary")
    r"|\b(?:target|goal)(?:\s+for(?:\s+[\w-]+){1,3}?)?\s+(?:is|of)\s+(?:to\s+\w+\s+)?\$?\d[\d,.]*\b"
    r"(?:\s*(?:%|million|billion|[KkMm]\b))?"
)
_COUNT = re.compile(
    rf"(?i)\b(?:about\s+|around\s+|at\s+least\s+|over\s+)?(?:(?<![\w.-])\d[\d,]*(?:\.\d+(?=\s+(?:million|billion)))?(?![\d.,]*\s*%)|(?!a\s+few\b|several\b)(?:{NUMBER_WORDS})(?!-))"
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?!(?:years|months|weeks|days|hours|times|meetings|members|sessions|"
    r"phases|stages|steps|parts|ways|areas|pillars|themes|principles|goals|objectives|aims|priorities|"
    r"reasons|questions)\b)(?:[a-z][\w-]*s|people|children|youth|staff|women|men)\b"
    # "will process 80% of Expressions of Interest": a share of the work the plan is to do
    r"|(?<![\w.-])\d[\d.]*\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+|all\s+)?[\w-]+"
)
# "2030 targets: Green 80% of…": a list of targets whose item carries a quantity
# ("Our 2020/2021 key metrics are: 150 incoming students ...": metrics listed as what to reach)
_TARGETS_LEAD = re.compile(
    r"\b(?:targets?|key\s+results?|(?:key\s+)?metrics(?:\s+(?:are|is))?"
    # "Key performance indicators are: 600 unique corpora ingested"
    r"|(?:key\s+performance\s+indicators|KPIs)(?:\s+(?:are|include))?)\s*:\s*",
    re.IGNORECASE,
)
# "achieving the Aichi Biodiversity Targets": a named set of targets, met or not
_NAMED_TARGETS = re.compile(
    r"\b(?i:achiev|meet|reach)\w*\s+the\s+(?:[A-Z][\w-]*\s+){1,4}(?:Targets|Goals)\b"
    # "launching the Open StreetLevel Imagery Project": one named project or service started, checkable
    r"|\b(?i:launch(?:es|ing)?)\s+the\s+(?:[A-Z][\w-]*\s+){1,5}(?:Project|Programme|Program|Initiative|Service)\b"
    # "get to Beta phase", "graduate to the stable release": a named release milestone, checkable
    r"|(?i:\b(?:get(?:ting)?|reach(?:es|ing)?|mov(?:e|ing)|advanc(?:e|ing)|graduat(?:e|ing)|progress(?:ing)?)\s+"
    r"(?:to\s+|into\s+)?(?:the\s+)?(?:alpha|beta|stable|general\s+availability|v?1\.0|production|graduated)"
    r"(?:\s+(?:phase|stage|status|release|level|maturity))?\b)"
)

# A concrete output: making one artefact a reader can point at ("develop and maintain a robust data
# standard for solid biomass", "prepare an RFC", "development of a model"); a generic plural
# ("develop tools and resources") is not, but "the … specifications of a system" is (exactly described).
# ("a comprehensive suite of resources, guidelines, methodologies and use cases" lists kinds, no artefact)
# ("a language and framework agnostic representation": the artefact word as a modifier)
# ("a package of measures": a bundle of actions, not a software package)
_ARTEFACT = (
    rf"(?:(?!suite\s+of\s+[\w-]+s,)(?!package\s+of\b)(?:{alternatives(LEXICON.artefacts)})(?![- ]agnostic\b))"
)
_MAKE = rf"(?:{inflected(LEXICON.deliverable_verbs)})"
# verbs that keep or use what exists, never make it
_KEEP_VERBS = (
    "maintain",
    "sustain",
    "update",
    "review",
    "use",
    "adopt",
    "curate",
    "deploy",
    "run",
    "operate",
)
# what a standards body defines: "GBFS is an open specification", "HSDS is a data exchange format"
_DEFINED_ARTEFACT = (
    r"(?:standard|specification|format|schema|framework|definition|vocabulary|protocol|baseline)"
)
# words between a determiner and the artefact, never "of" ("the direction of the platform" is no platform)
_FILLER = r"(?:(?!of\b)[\w’'“”\"()/-]+(?:\.[\w-]+)*\s+)"
# the same, where a list of qualities may stand ("a conformant, secure, and maintainable implementation")
# (an "of" inside a name stays: "the OWASP CycloneDX Bill of Materials specification")
_QUALITIES = (
    # (nor a second verb's clause: "document the requirements and provide a framework")
    r"(?:(?!(?:of|for|on|about|between|among)\b)(?!(?:and|or)\s+[a-z]+\s+(?:a|an|the)\s)"
    r"[\w’'“”\"()/-]+(?:\.[\w-]+)*,?\s+|(?-i:of\s+(?=[A-Z])))"
)
# the last word of a body's name: "establish the National Fish Habitat Board (NFHB)" makes no artefact
_BODY_WORDS = (
    r"(?-i:Coalition|Alliance|Network|Foundation|Council|Consortium|Partnership|Group|Committee|Association|"
    r"Initiative|Institute|Society|Agency|Department|Office|Commission|Board|Forum|Chapter|Collaborative|"
    r"University|College|Centre|Center|Fund|Trust|Hub|Labs?|Force|Team|Panel|Secretariat|Authority)"
)
# capitalised words for what is grown or joined, never made: "build the Movement"
_NOT_MADE = r"(?-i:Program|Programme|Project|Community|Movement|Ecosystem|Commons|Web|Internet|Cloud)"
# "Goals of 2022 Publish 5 more features": a list's item opening with what to make (the heading blanked)
_IMPERATIVE_GOAL = re.compile(rf"\s*(?:[^:\n]{{1,30}}:\s*)?(?=[A-Z])(?i:{_MAKE})\s+")
_DELIVERABLE = re.compile(
    # "design, develop, and evaluate an API": a list of verbs makes a new artefact ("establish, maintain and
    # uphold the Code of Conduct" keeps an existing one)
    # ("Provide access to an up-to-date, publicly accessible database"; never "the best possible curriculum",
    # "the leading benchmarking platform": a standing among others, no artefact one can check;
    # "API solutions": a superlative names no artefact, an artefact word before "solutions" is a modifier)
    # (never "By providing a shared framework, organisations ...": the means to another end; nor "set the
    # stage for delivering a library": a step before it)
    rf"(?<!(?-i:By)\s)(?<!the stage for )(?<!the way for )(?<!the groundwork for )"
    # (never "provide a consistent framework for representing X", "provide a roadmap for adopters": a
    # framework or roadmap offered, unnamed, is a way of working, no artefact one can check)
    # (but "a common framework (i.e., the RA)": one named in brackets)
    rf"(?!provid\w*\s+(?:a|an)\s+{_QUALITIES}{{0,4}}?(?:framework|roadmap)\b(?!\s+\((?:i\.e\.,?\s+)?(?:the\s+)?[A-Z]))"
    rf"\b{_MAKE}\b(?:\s+and\s+\w+|(?:,\s+\w+)+,?\s+and\s+\w+(?=\s+an?\s))?(?:\s+[a-z]+ly)?(?:\s+access\s+to)?:?\s+"
    # "provide essential components including a Knowledge Graph (KG) registry": the first one named
    r"(?:(?:[\w-]+\s+){0,2}(?:components|elements|parts|services|resources|outputs),?\s+(?:including|such\s+as)\s+)?"
    # ("provide the following, Unicode standard tools": a list's lead-in, no artefact named)
    # ("Establishing Hackney’s Product Playbook", "create 4DN Web Portal": a named artefact, with a possessive
    # or no determiner)
    r"(?:(?:a|an|the|one|its|our)\s+|(?-i:[A-Z][\w-]*)['’]s\s+|(?=(?-i:[A-Z0-9][\w-]*\s+){1,4}(?-i:[A-Z])))"
    # ("conducts a continuing study of issues": ongoing work, never done)
    r"(?!(?:more|better|stronger|less|best|finest|greatest|most|leading|premier|foremost|go-to"
    r"|following|continuing|ongoing|continuous)\b(?!-))[“\"]?"
    # ("create a platform for the students to serve", "provide a guide to those who build ...": a bare
    # platform or guide handed to people names no artefact one could check)
    # ("a platform for training students and researchers": the same, with what is done for them)
    r"(?!(?:platform|guide|space|forum)\s+(?:for|to)\s+(?:(?:training|teaching|educating|engaging|connecting)\s+)?"
    r"(?:the\s+)?(?:students|those|people|youth|members|"
    r"community|communities|anyone|everyone|citizens|users|researchers|learners|adopters)\b)"
    rf"{_QUALITIES}{{0,6}}?"
    # ("language- and protocol-neutral information models": an artefact word in a compound modifier)
    rf"(?:(?:set|suite|series|collection)\s+of\s+{_FILLER}{{0,3}}?)?{_ARTEFACT}\b(?!-(?:\s|(?:neutral|agnostic|independent|specific|free|aware|ready|compatible|compliant)\b))"
    # ("Define the API mechanisms, Inputs, and Outputs": an artefact word as a modifier of what is defined)
    # ("develop Open Web Platform specifications": a name before a plural of generic artefacts)
    r"(?!\s+(?:solutions|products|services|offerings|mechanisms|specifications|standards|guidelines)\b)"
    # ("provides a platform of opinion and reflection": a forum, no artefact)
    # (but "a data format for exchange of experimental information" is an artefact)
    r"(?!\s+(?:of|for)\s+(?:opinion|discussion|dialogue|debate|reflection|conversation|networking"
    r"|exchange(?!\s+of\s+(?:[\w-]+\s+){0,2}(?:data|information|records|metadata)\b))\b)"
    # "provide the cancer research community with a unified data repository": one artefact, given to a group
    rf"|\bprovid\w*\s+(?:the\s+)?(?:[\w-]+\s+){{1,5}}?with\s+(?:a|an)\s+{_QUALITIES}{{0,6}}?{_ARTEFACT}\b"
    # "HS3 standardizes the machine- and human-readable serialization of ...": one convention made standard
    r"|\bstandardi[sz]e[sd]?\s+the\s+(?:[\w-]+\s+){0,4}?(?:serialization|serialisation|format|representation|encoding)\b"
    # "the goal is to co-create this Digital Playbook": the named artefact still to be made
    # (never "We aim to create this framework in a way that ...": a thing named before, not one to make)
    rf"|\bto\s+{_MAKE}\s+this\s+(?-i:(?:[A-Z][\w-]*\s+){{1,4}}){_ARTEFACT}\b"
    # "designing a “Centre of Excellence”": a name in quotes is one thing to make
    # ('building out a "Better Government Toolkit"')
    rf"|\b{_MAKE}(?:\s+(?:out|up))?\s+(?:a|an|the)\s+[“\"](?-i:[A-Z])[^”\"\n]{{2,60}}[”\"]"
    # "developing an R package called wwinference": a thing and the name it is given
    rf"|\b{_MAKE}\s+(?:a|an)\s+(?:[\w-]+\s+){{1,3}}(?:called|named)\s+[“\"]?[\w-]{{2,}}"
    # "translate these outputs into a network-wide hub playbook", "consolidate diverse data sources into a
    # unified platform", "pull together the datasets ... into a global open database": what is there made
    # into one artefact (never "integrate Linux into a safety critical system": put into one that exists)
    # ("converge individual solutions into a standardized ... service suite")
    r"|\b(?:translat\w*|consolidat\w*|turn\w*|convert\w*|compil\w*|combin\w*|assembl\w*|converg\w*|pull\w*\s+together)\b"
    r"[^.;]{0,80}?\binto\s+"
    rf"(?:a|an|one|the)\s+{_QUALITIES}{{0,6}}?{_ARTEFACT}\b"
    # "develop an agreed upon set of data fields ... and a FHIR-based implementation guide": the artefact
    # second in the list of what is made
    rf"|\b{_MAKE}\b\s+(?:a|an|the)\s+[^.;:]{{0,100}}?,?\s+and\s+(?:a|an)\s+{_QUALITIES}{{0,6}}?{_ARTEFACT}\b"
    # "implementing CIP 45": one numbered specification put into practice
    r"|(?-i:\b[Ii]mplement(?:s|ed|ing)?\s+(?:the\s+)?[A-Z]{2,}[\w-]*[\s-]*\d+\b)"
    # "hold a remote Jamboree": one event to be held
    r"|\b(?:hold|holding|host|hosting|organi[sz]e|organi[sz]ing|convene|convening)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}"
    r"(?:jamboree|summit|hackathon|datathon|conference|symposium|congress|workshop|festival|sprint)\b"
    # "Establish annual AI conference in Philadelphia": one recurring event set up, held or not
    r"|\b(?:establish|launch|start|inaugurat)\w*\s+(?:(?:a|an|the)\s+)?(?:annual|yearly|biennial|regular)\s+(?:[\w-]+\s+){0,2}"
    r"(?:conference|summit|festival|congress|symposium|hackathon|forum|fair|meetup|awards?)\b"
    # "implement non-lexical lifetimes (NLL)", "introducing the Global Fish Tracking System (GFTS)": one
    # named feature or system, with the short name it goes by
    r"|\b(?:implement(?:s|ed|ing)?|introduc(?:e|es|ed|ing))\s+(?:the\s+)?(?:[\w-]+\s+){1,5}?\((?-i:[A-Z]{2,}[\w-]*)\)"
    # "A major output of the hub is ensemble estimates of ...": what the body names as its output
    r"|\b(?:major|main|key|primary|principal)\s+(?:output|product|deliverable)s?\s+of\s+[^.;]{1,60}?\s+"
    r"(?:is|are|will\s+be)\s+[^.;]{5,120}"
    # "Adding portable SIMD to the standard library": a feature added to one named artefact
    r"|\badd(?:s|ed|ing)?\s+(?:[\w-]+\s+){1,4}?to\s+the\s+(?:standard\s+library|specification|standard|compiler)\b"
    # "Viewer conformance test suite", "Non-normative implementation guide for content creators": a
    # deliverables list's item, one artefact named by its kind and what it is for, and nothing else
    # (never "Maintain project roadmap", "Support guide for members": a verb before it)
    rf"|^(?!(?:{inflected((*LEXICON.vague_verbs, *LEXICON.activity_verbs, *_KEEP_VERBS))}"
    r"|the|an?|this|our|its)\b)"
    r"(?-i:[A-Z][\w-]*)"
    r"(?:\s+(?!(?:a|an|the|is|are|was|were|to|this|its|our|their|will|we|and|or)\b)[\w-]+){0,3}?\s+"
    rf"{_ARTEFACT}(?:\s+(?:for|of|on)\s+[^.;:]{{0,100}})?\.?$"
    # "Release version 1", "releasing Mojaloop Baobab": one named release
    # ("Release of v2.0.0 after ...", "publish version 2.0 of the SOP": one numbered version)
    r"|\b(?:release|releasing|ship|shipping)\s+(?:version\s+\d+\b|(?-i:[A-Z][\w-]+(?:\s+[A-Z][\w-]+){1,2})\b)"
    r"|\b(?:release|publish|publishing|publication)\s+(?:of\s+)?(?:version\s+|v)\d+(?:\.\d+)+"
    # 'Define a pulse grammar "openpulse"': a thing and its name in quotes
    rf"|\b{_MAKE}\s+(?:a|an|the)\s+(?:[\w-]+\s+){{1,3}}[“\"][\w-]+[”\"]"
    # "standardise all our forms": every one of a known set made alike
    r"|\bstandardi[sz]e\s+all\s+(?:of\s+)?(?:our|its|their|the)\s+[\w-]+"
    # "it will be rolled out nationally by 2029": national coverage, checkable
    r"|\broll(?:ed|ing|s)?\s+out\s+(?:nationally|nationwide|across\s+the\s+(?:country|nation))\b"
    # "deliver an adaptable first iteration of a patient centred platform"
    rf"|\b{_MAKE}\b(?:\s+and\s+\w+)?\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}(?:version|iteration|release|edition)\s+of\s+"
    r"(?:a|an|the)\s+"
    rf"{_FILLER}{{0,6}}?{_ARTEFACT}\b"
    # an objective list's item with no article: "Key Result B-5: Establish skills database of membership"
    # "Build tools ...", "2030 target: build ...", "By 2030, build ...": the verb opens the goal
    rf"|^(?:[^:\n]{{1,30}}:\s*|(?i:by|before|within|until)\s[^,\n]{{1,40}},\s*|(?:19|20)\d\d\s+)?{_MAKE}\s+(?:[\w-]+\s+){{0,3}}?{_ARTEFACT}\b(?!/\w)(?!-(?:\s|(?:neutral|agnostic|independent|specific|free|aware|ready|compatible|compliant)\b))(?!\s+mechanisms\b)"
    r"(?:\s+(?:for|of|on)\s+[\w’'()/ -]{3,60}?(?=[,.;:]|$))?"
    rf"|\b{_MAKE}\b(?:\s+and\s+\w+)?\s+the\s+(?:[\w-]+\s+){{0,4}}?{_ARTEFACT}s\s+(?:of|for)\s+(?:a|an|the)\s+"
    r"[\w -]{3,60}"
    # "funding the development of WaterTAP": one named tool (a name with a capital inside, never a place)
    # ("Through the development of WaterTAP, ...": the means to another end; "the development of
    # WebAssembly Component support": a name as a modifier)
    r"|(?<!hrough the )\b(?:development|creation)\s+of\s+(?-i:[A-Z][a-z]+[A-Z][\w-]*)(?=\s+to\s|[,.;]|$)"
    # "developing, among other things, a hub of clinical studies: the COVID-19 Study Portal": what is made,
    # then its name
    rf"|\b{_MAKE}\b[^.;:]{{0,160}}:\s+the\s+(?-i:(?:[A-Z][\w-]*\s+){{1,4}}){_ARTEFACT}\b"
    # "Document and publish R data package: jmpinput": an artefact, then its name
    rf"|\b{_MAKE}\s+(?:[\w-]+\s+){{0,3}}?{_ARTEFACT}:\s+[\w.-]{{2,}}"
    # "Combine DM-master into DM-worker as one binary file": parts made into one deliverable
    r"|\b(?:combin|merg|integrat)\w*\b[^.;]{0,80}?\bas\s+(?:a|an|one)\s+(?:single\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:binary|executable|package|library|repository)\b"
    # "developing and running WorkflowHub: a FAIR registry": a named artefact, then what it is
    rf"|\b{_MAKE}\b(?:\s+and\s+\w+)?\s+(?-i:[A-Z][\w-]*):\s+(?:a|an)\s+{_QUALITIES}{{0,6}}?{_ARTEFACT}\b"
    # ("the production of a three-time period (1975, 2000, and 2013) land use and land cover dataset")
    rf"|\b(?:development|creation|publication|production|delivery|establishment)\s+(?:of|on)\s+(?:a|an|the|one)\s+"
    rf"(?:{_FILLER}{{1,6}}?\([^()]{{1,40}}\)\s+)?{_FILLER}{{0,6}}?{_ARTEFACT}\b"
    r"|\b(?:(?:primary|anticipated|expected|planned|key|main)\s+)?deliverables?\s*(?::|(?:will\s+be|is|are|include)\s)\s*[^.;]{5,120}"
    r"|\b(?:tangible|concrete|main|expected)\s+outcomes?\s+(?:will\s+be|is|are)\s+(?:a|an|the)\s+[^.;]{5,120}"
    # "The result will be an estimate of how much COVID increases the risk ...": one stated output
    r"|\bthe\s+(?:end\s+)?(?:result|output)\s+will\s+be\s+(?:a|an)\s+[^.;]{5,120}"
    # "This will form a qualitative dataset for research"; "The platform will include a central database",
    # "the standard will consist of a document and an accompanying test suite": what the thing will hold
    # "the UNPP will serve as a central database", "UHI is envisioned as an open protocol": what it will be
    rf"|\b(?:will\s+(?:form|become|result\s+in|include|consist\s+of|comprise|serve\s+as|act\s+as)"
    rf"|(?:is|are)\s+(?:envisioned|envisaged)\s+as)\s+(?:a|an)\s+"
    rf"(?:[^.;:]{{0,60}}?,?\s+and\s+(?:a|an)\s+)?{_QUALITIES}{{0,6}}?{_ARTEFACT}\b"
    r"(?:\s+for\s+[\w -]{3,40})?"
    # "the following outputs by the end of the project: Prototype for system to ...": a listed artefact
    rf"|\bthe\s+following\s+(?:outputs|deliverables|products)\b[^:.;]{{0,60}}:\s*(?:(?:a|an|the)\s+)?"
    rf"{_QUALITIES}{{0,4}}?{_ARTEFACT}\b[^.;]{{0,80}}"
    # "extend the standard to version 3": one numbered version of a named thing
    r"|\b(?:extend|update|upgrade|advance|evolve|bring)\w*\s+(?:the|its|our)\s+[\w -]{1,40}?\s+to\s+"
    r"(?:version|v)\s*\d+"
    # "The following artifacts will be created ...: Index of common service categories", "Maps and Reports
    # that will be created: Map of the watershed ..."
    r"|\b(?:artifacts|artefacts|outputs|maps|reports|products|publications|datasets|tools)\b[^.;:]{0,120}?\b(?:will\s+be\s+(?:created|produced|delivered|published)"
    r"|will\s+include)\b[^:.;]{0,80}:\s*\S[^.;]{3,120}"
    # "The product of Phase 1 will be the Homeless Services Navigator web application"
    rf"|\b(?:product|output)s?\s+of\s+[^.;]{{1,40}}?\s+will\s+be\s+(?:a|an|the)\s+{_QUALITIES}{{0,6}}?{_ARTEFACT}\b"
    # "creating, maintaining and promoting Matrix as an openly standardised ... protocol": a named artefact
    rf"|\b{_MAKE}\b(?:,?\s+(?:and\s+)?[a-z]+ing)*\s+(?-i:[A-Z][\w-]*)\s+as\s+(?:a|an)\s+{_QUALITIES}{{0,6}}?"
    rf"{_ARTEFACT}\b"
    # "Host three events to build capacity": a counted output (never "host events each month")
    rf"|\b(?:hold|host|organi[sz]e|convene|run|deliver)\w*\s+(?:at\s+least\s+)?(?:\d+|{NUMBER_WORDS})\s+"
    r"(?:[\w-]+\s+){0,2}?(?:events|workshops|webinars|conferences|hackathons|trainings|summits|forums)\b"
    # "implement a public and searchable beneficial ownership registry"
    rf"|\bimplement(?:s|ed)?\s+(?:a|an)\s+{_QUALITIES}{{0,6}}?(?:registry|register|database|portal|platform|system)\b"
    # "implement a standard fitness review process": one exactly described process, in place or not
    rf"|\bimplement(?:s|ed)?\s+(?:a|an)\s+{_QUALITIES}{{1,6}}?(?:process|procedure)\b"
    # "publish the Workforce Diversity data as open data", "publish data about both the paid staff and
    # volunteers": one exactly described dataset made public
    r"|\bpublish(?:es|ed|ing)?\s+(?:the\s+)?(?:[\w-]+\s+){1,8}?as\s+open\s+data\b"
    r"|\bpublish(?:es|ed|ing)?\s+data\s+(?:about|on)\s+(?!where|when|how|what|which|who)[^.;]{5,80}"
    # "Organize and hold the first Annual Autoware Conference": one named event, held or not
    r"|\b(?:hold|host|organi[sz]e|convene)\w*\s+(?:the|an?)\s+(?:first|inaugural)\s+(?-i:(?:[A-Z][\w-]*\s+){1,4})"
    r"(?:conference|summit|congress|symposium|festival|forum|hackathon|convention)\b"
    # "create the first free, comprehensive set of election data": the first of its kind
    rf"|\b{_MAKE}(?:\s+and\s+\w+)?\s+the\s+first(?:[\s-]+ever)?\s+(?!(?:step|phase|stage|meeting|time)s?\b)[^.;]{{3,120}}"
    r"|\bwill\s+(?:deliver|produce|publish)\s+the\s+following\b[^:.;]{0,60}:\s*\S[^.;]{3,120}"
    # "standardize how geospatial data is represented in Parquet": one exactly described convention
    r"|\bstandardi[sz]e\s+(?:the\s+way|how)\s+[^.;]{5,120}"
    # "a new specification called GeoCroissant", "developing the Open Security Controls Assessment
    # Language (OSCAL)": an artefact with a name of its own
    rf"|\b{_ARTEFACT}\s+(?:called|named|known\s+as)\s+[“\"]?[A-Z][\w-]*"
    rf"|\b{_MAKE}\s+the\s+(?!(?:\S+\s+){{0,5}}?(?:{_BODY_WORDS})\s+\()"
    rf"(?-i:(?:[A-Z][\w-]*\s+){{1,6}})\((?-i:[A-Z][A-Za-z]{{2,}})\)"
    # "We are building the Internet-in-a-Box - a small device ...", "developing and maintaining the Principles
    # and associated resources": a capitalised name of its own, never a body's ("the European Scenario Hub")
    rf"|\b{_MAKE}\b(?:\s+and\s+\w+)?\s+the\s+(?!(?:\S+\s+){{0,3}}?(?:{_BODY_WORDS}|{_NOT_MADE})(?![\w-]))"
    r"(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})(?=\s+[-–—]\s|[,.;:]|\s+and\s|$)"
    # "This specification will be published": the artefact named, then made
    # "A first stable version of the GGBN Data Standard is planned for December 2015"
    rf"|\b(?:the|this|a|an|our|its)\s+(?:[\w-]+\s+){{0,3}}?(?:(?:version|release|edition)\s+of\s+(?:a|an|the)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?)?{_ARTEFACT}(?:\s+(?:for|describing|setting\s+out|covering)\s+[^.;]{{3,80}}?)?\s+(?:will\s+be\s+(?:published|released|delivered|produced"
    r"|launched|completed|established|created|built|developed|set\s+up)"
    r"|(?:is|are)\s+(?:planned|scheduled|due|expected)\s+(?:for|in|by)\s)\b"
    # "The specification will eventually be ratified as a RISC-V standard": made a standard, checkable
    r"|\b(?:be|being|get|gets)\s+(?:formally\s+)?(?:ratified|adopted|approved|accepted)\s+as\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:standard|recommendation|specification|RFC)\b",
    re.IGNORECASE,
)
# The statement names the artefact itself: "GBFS is an open specification", "A pragmatic … framework".
_IS_ARTEFACT = re.compile(
    # "The X Portal is a ...", "A registry of ...", a roadmap's headed item "The Map: A searchable map"
    # (a body's product described as it stands, "Flow is a water source location app", "X is an online
    # platform", is no result to reach: only a standard or format it defines is)
    rf"^(?:(?:[A-Z(][^\s,]*\s+){{1,8}}?(?:is|are)\s+(?:designed\s+to\s+(?:act\s+as|be)\s+)?"
    rf"(?i:an?)\s+(?:[\w-]+,?\s+){{0,5}}?(?i:{_DEFINED_ARTEFACT})\b"
    rf"|(?:(?:[A-Z][^\s:]*\s+){{0,5}}[A-Z][^\s:]*:\s+(?=An?\s)|(?=An?\s))"
    # (never "A primary goal of this specification": what follows "of" is not the thing named)
    # (nor "A project that provides a platform": a clause between, the artefact is not what is named)
    # ("A collaborative manifesto for ensuring ...": the statement's own document, no result to reach)
    rf"(?i:an?)\s+(?:(?!(?:of|that|which|who)\b)[\w-]+,?\s+){{0,5}}?(?!(?i:manifesto|declaration|pledge)\b)"
    rf"(?i:{_ARTEFACT})\b)"
    # "a product lab", "a civic infrastructure project": the artefact word names the kind of body
    r"(?!\s+(?i:lab|project|company|organi[sz]ation|group|initiative|team|community|foundation|network|"
    r"collective|programme|program|consortium|alliance|partnership|coalition)s?\b)"
)
# "specify how to represent in HL7 FHIR the IPS", "define how to measure and document compliance": the
# rules of one representation, a specification to write
_HOW_TO_SPECIFY = re.compile(
    r"\b(?:specify|define)\s+how\s+to\s+(?:represent|encode|express|measure|document|exchange|describe)\b[^.;]{0,80}",
    re.IGNORECASE,
)
# "calls for the doubling of international technical support": a change by a stated factor, as a noun
_CHANGE_NOUN = re.compile(
    r"\b(?:doubling|tripling|quadrupling|halving)\s+of\s+[^.;,]{3,80}"
    # "Production of 295 units in the next 5 years": a counted output named by its noun
    r"|\b(?:production|construction|creation|delivery|planting|installation)\s+of\s+(?:at\s+least\s+)?"
    r"\d[\d,]*\s+(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:units|homes|houses|dwellings|apartments|sites|trees|schools)\b",
    re.IGNORECASE,
)
# "The Data Privacy Vocabulary (DPV) ... is the primary output of the DPVCG": one named thing the body makes
_NAMED_OUTPUT = re.compile(
    r"^(?:The\s+)?(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,6})(?:\s+\([A-Z][\w-]*\))?(?:[^.;]|\.(?=\S)){0,100}?\s+(?:is|are|will\s+be)\s+"
    r"the\s+(?:primary|main|principal|first|key|core|central)\s+(?:output|deliverable|product)s?\s+of\b"
    # "Climatescape Dash is our upcoming platform": one artefact still to be delivered
    rf"|\b(?:our|its|an?|the)\s+(?:upcoming|forthcoming|planned)\s+(?:[\w-]+\s+){{0,2}}?{_ARTEFACT}\b"
    # "The AU Core project includes: AU Core FHIR Implementation Guide": a named artefact the work is made of
    # ("what you can or will soon be able to find in PAThs databases: A digital Archaeological Atlas of Coptic
    # Literature": the same, promised)
    r"|\b(?:(?:project|programme|program|initiative|work)\s+includes?|(?i:able\s+to\s+find)\b[^.;:]{0,80}):\s+"
    r"(?:the\s+|(?i:an?\s+(?:digital|online|open|new|public|interactive)\s+))?"
    rf"(?-i:(?:[A-Z][\w-]*\s+){{1,6}})(?i:{_ARTEFACT})\b"
    # "a complete corpus of machine-readable text", "a full corpus of completed transcription text": a whole
    # collection made, done when nothing is left out
    r"|(?i:\b(?:a|an|the)\s+(?:complete|full)(?:,\s+|\s+)"
    r"(?:(?:open[- ]access|machine-readable|searchable)\s+)?"
    r"(?:corpus|data\s?set|census|inventory)\b(?:\s+of\s+[^.;,]{1,80})?)"
    # "construct a reliable measure of sunspot group complexity": one measure, made
    r"|(?i:\b(?:construct|develop|create|build)\w*\s+an?\s+(?:[\w-]+\s+){0,2}(?:measure|index)\s+of\s+[\w-]+"
    r"(?:\s+(?!(?:and|or|to|for|in|by|with)\b)[\w-]+){0,3})"
    # "Contributor Role Ontology (CRO) released & enhanced": a deliverables item, one named artefact with its
    # acronym, marked done
    r"|^(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,5})\s+\((?-i:[A-Z][\w-]*)\)\s+"
    r"(?:released|published|launched|deployed|delivered)\b"
    # "the development of an Investigational New Drug (IND) for NF2": one named artefact with its acronym
    r"|(?i:\b(?:development|creation|delivery)\s+of\s+an?\s+)(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,4})\s+"
    r"\((?-i:[A-Z]{2,}[\w-]*)\)"
    # "periodic, public releases of Milky Way Project data": releases of one named data set
    r"|(?i:\b(?:public\s+)?releases?\s+of\s+(?:the\s+)?)(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})\s+"
    r"(?i:data(?:\s?set)?|catalog(?:ue)?)\b"
)
_PLACE_SUFFIX = LEXICON.place_suffixes
# capital and small letters, accented ones too ("Itacaiúnas River", "Río Grande")
_UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isupper())
_LOWER = "a-z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).islower())
_CAPITALISED = re.compile(
    rf"\b[{_UPPER}][{_LOWER}]+(?:[ -](?:of\s+(?:the\s+)?)?[{_UPPER}][{_LOWER}]+)*(?:\s+(?:"
    + _PLACE_SUFFIX
    + r"))?"
)
_PEOPLE = (
    r"people|persons|men|women|girls|boys|children|infants|newborns|babies|youth|young people|adults|"
    r"families|households|patients|students|learners|pupils|workers|farmers|producers|residents|citizens|"
    r"communities|veterans|survivors|refugees|migrants|tenants|renters|seniors|mothers|parents|those|"
    r"beneficiaries|recipients|claimants|males|females"
)
_ROLES = (
    r"maintainers|developers|contributors|governments|agencies|authorities|departments|workforce|"
    r"researchers|scientists|funders|grantmakers|clinicians|nurses|teachers|educators|librarians|"
    r"municipalities|cities|councils|schools|districts|hospitals|clinics|organi[sz]ations|practitioners|"
    r"institutions|entities|labs|laboratories|publishers|experts|specialists|professionals|banks|centres|centers|"
    r"hubs|end-users|engineers|designers|officials|programmers|coders|organi[sz]ers|doctors|physicians|investigators"
)
_FIELD_ROLES = (
    r"users|creators|managers|maintainers|developers|contributors|publishers|producers|consumers|"
    r"implementers|implementors|adopters|integrators|vendors"
)
_GROUP = re.compile(
    r"\b(?:every|all|each|no)\s+(?:[a-z-]+\s+){0,2}(?:child|children|student|students|resident|residents|family|"
    r"families|household|households|senior|seniors|adult|adults|worker|workers|renter|renters|tenant|tenants|"
    r"patient|patients|youth|infant|infants|crossing|school|schools|home|homes|pharmacy|pharmacies|clinic|clinics|"
    r"hospital|hospitals|woman|women|girl|girls)\b|"
    # "the information a patient needs": one member of a group in a situation stands for the group
    # (never "a student-run group", "a patient/sample": a modifier, or one record among others)
    r"\b(?:a|an|any)\s+(?:patient|woman|girl|child|refugee|veteran|caregiver|carer)\b(?![-/])|"
    r"\b(?:low-income|uninsured|homeless|older|elderly|immigrant|refugee|undocumented|disabled|unemployed|"
    r"unhoused|rural|pregnant|autistic|neurodivergent|deaf|blind|hard-of-hearing|third-grade|elementary|middle-school|high-school|underemployed|middle-class|"
    r"working-class|moderate-income|middle-income|low-wage|low-wealth|food[- ]insecure|at-risk|first-time|"
    # "low-to-medium income countries", "budget-strapped schools": narrowed by income or money
    r"low-to-(?:medium|middle)[- ]income|lower-middle-income|lower-income|medium-income|"
    r"(?:budget|cash)-strapped)\s+"
    # "unemployed or underemployed folks"
    r"(?:(?:or|and)\s+[a-z-]+\s+)?(?:[a-z-]+\s+)?"
    r"(?:children|students|residents|families|households|seniors|adults|workers|renters|tenants|patients|"
    r"youth|women|men|people|veterans|farmworkers|graders|folks|individuals|persons|taxpayers|homeowners|"
    r"borrowers|employees|grandmothers|grandparents|mothers?|fathers|caregivers|carers|areas|countries|regions|"
    r"communities|schools|colleges|hospitals|clinics)\b"
    # "trafficking victims", "victims of domestic abuse"
    r"|\b(?:trafficking|crime|violence|abuse|disaster|flood|war|torture|conflict)\s+(?:victims|survivors)\b"
    r"|\bvictims\s+of\s+(?:a\s+|an\s+)?[a-z][\w-]+(?:\s+[a-z][\w-]+){0,2}"
    # "folks interested in studying cryptocurrencies": people narrowed by what they take up
    # "survivors of domestic abuse", "survivors after a traumatic experience"
    r"|\bsurvivors\s+(?:of|after)\s+(?:a\s+|an\s+)?[a-z][\w-]+(?:\s+[a-z][\w-]+){0,2}",
)
_DEFINED_GROUPS = re.compile(
    _GROUP.pattern
    # "people living in poverty", never "help people live healthier lives" (how, not who)
    # (nor "people who would not normally have access": who might be, no one can tell)
    # ("people live in dignity and security": a state of life, no group narrowed)
    + rf"|\b(?:{_PEOPLE})\s+(?:(?:living|live)"
    r"(?!\s+in\s+(?:dignity|peace|harmony|security|safety|freedom|hope|comfort)\b)"
    r"(?=\s+(?:in|on|with|under|below|near|at|within|alone|outside|"
    r"without|far|more\s+than)\b)|who(?!\s+(?:would|might|could)\b)|under|aged|of all ages|not in|"
    # ("all those involved in the conservation of the Amazon": narrowed by the work they share)
    r"experiencing|affected by|involved in|engaged in|working in|"
    # ("households earning below £35,000 a year": narrowed by income)
    rf"at risk of|in need of|subject to|impacted by|facing|age(?=\s+\d)"
    r"|earning(?=\s+(?:below|under|less\s+than|up\s+to|no\s+more\s+than|between)\b))\b"
    r"(?:[^.;,]|(?<=\d)[.,](?=\d)){0,60}"
    # "help if: you're earning below £35,000 a year": whom a service is for, told to them
    r"|\byou(?:['’]re|\s+are)\s+(?:earning|aged)\s+(?:below|under|less\s+than|over|between|\d)[^.;]{0,60}"
    # "users at risk of carrying the virus": a role narrowed by a situation
     + r"|\b(?:users|members|customers|clients|consumers)\s+"
    r"(?:at\s+risk\s+of|affected\s+by|impacted\s+by|in\s+need\s+of)"
    r"(?:\s+(?!(?:as|when|so|by|and|or|even)\b)[\w-]+){1,5}"
    # "professional comedians who find themselves in financial hardship": anyone narrowed by hardship
     + r"|\b[a-z][\w-]*s\s+(?:who\s+(?:find\s+themselves|are|live|fall)\s+)?in\s+"
    r"(?:financial\s+|economic\s+)?(?:hardship|poverty|debt|crisis|distress)\b"
    # "the AB 109 and moderate to high-risk re-entry populations": people leaving custody
     + r"|\b(?:re-?entry|justice-involved|formerly\s+incarcerated)\s+"
    r"(?:populations?|individuals|people|persons|adults|youth)\b"
    # ("Persons with Disabilities (PWDs)": the group's official name, capitalised)
     + r"|\b(?i:people|persons|individuals|children|adults|youth|women|men|students|veterans|patients|those"
    r"|user\s+groups|users)"
    r"\s+with\s+"
    # "individuals with early Serious Mental Illness", "people with first episode psychosis", "those with a
    # learning disability", "people with learning and cognitive disabilities"
    r"(?:(?:an?\s+)?(?:[\w-]+\s+(?:and\s+|or\s+)?)?(?:[\w-]+\s+)?(?i:disabilit\w+)|(?:[\w-]+\s+){1,3}(?:conditions?|[Ii]llness(?:es)?|needs|disorders?|[Dd]iseases?|psychosis)"
    r"|(?:hypertension|diabetes|dementia|asthma|cancer|"
    r"obesity|HIV|AIDS|tuberculosis|depression|autism|long[- ]term\s+\w+|chronic\s+\w+))\b"
    # "people with SMI": a condition's acronym
    + r"|\b(?:people|persons|individuals|adults|children|patients)\s+with\s+(?-i:[A-Z]{2,5})\b"
    # "farming, horticultural and forestry businesses": businesses of named sectors
    + r"|\b(?:farming|agricultural|horticultural|forestry|fishing|tourism|hospitality|retail|creative|"
    r"construction|manufacturing)(?:,\s+[a-z-]+)*(?:,?\s+and\s+[a-z-]+)?\s+businesses\b"
    # "users, contributors, maintainers and solution-builders of OpenSearch": roles of a named project
     + r"|\b(?:users|contributors|maintainers|developers|adopters|operators)(?:,\s+[\w-]+)*"
    r"(?:,?\s+and\s+[\w-]+)?\s+of\s+(?:the\s+)?(?-i:[A-Z][\w-]+)"
    + r"|\b(?:communities|people|families|households|organi[sz]ations|countries)\s+with\s+"
    r"(?:limited|low|few|little|no)\s+[\w-]+(?:\s+[\w-]+)?"
    + r"|\b(?:BIPOC|LGBTQ\w*\+?|Black|Latin[oax]|Hispanic|Indigenous|Aboriginal)\s+"
    # ("Indigenous and other local communities")
    r"(?:(?:and|or)\s+(?:BIPOC|LGBTQ\w*\+?|Black|Latin[oax]|Hispanic|Indigenous|Aboriginal)\s+"
    r"|(?:and|or)\s+other\s+(?:local\s+|rural\s+|marginali[sz]ed\s+)?)?"
    r"(?:individuals|people|peoples|Peoples|persons|communities|youth|women|men|students|families|founders|"
    r"developers|residents|folks)\b"
    + r"|\b(?:women and girls|girls and boys|boys and girls|infants|newborns)\b"
    # "female researchers", "women scientists": a role narrowed by gender
    + r"|\b(?:female|women)\s+(?:researchers|scientists|students|entrepreneurs|founders|engineers|academics|"
    r"leaders|developers)\b"
    # "building owners", "forest owners": a group defined by what its members own
    + r"|\b(?:building|land|property|business|forest|woodland|farm|home|house|car|vehicle|boat)[ -]?owners\b"
    # "up-and-coming leaders of open science projects": leaders narrowed by what they lead
    + r"|\bleaders\s+of\s+(?!(?:the|our|its|their|this|tomorrow)\b)(?:[\w-]+\s+){1,5}?"
    r"(?:projects|organi[sz]ations|communities|initiatives|movements|groups|companies|businesses|associations|"
    r"cooperatives|co-ops|unions|networks|teams|clubs)\b"
    # "research group leaders": leaders narrowed by the research unit they lead (never bare "group leaders")
    + r"|\bresearch\s+(?:group|team|lab|laboratory)\s+leaders\b"
    # "every dengue-affected country", "storm-affected areas": places or people narrowed by what hit them
    + r"|\b[a-z]+-(?:affected|endemic|prone|stricken)\s+(?:countries|country|count(?:y|ies)|regions?|areas?|"
    r"communities|districts|states|nations|people|individuals|households|populations)\b"
    # "racial and ethnic minority populations", "sexual and gender minorities"
     + r"|\b(?:racial|ethnic|sexual|gender|linguistic)\s+"
    r"(?:and\s+(?:racial|ethnic|sexual|gender)\s+)?minorit(?:y|ies)\b"
    r"(?:\s+(?:[\w-]+\s+)?(?:populations|groups|communities|people|individuals|PWH|youth|women|men|students))?"
    # "researchers within the field of solar physics"
     + rf"|\b(?:{_ROLES}|{_FIELD_ROLES}|{_PEOPLE}|professionals)\s+(?:with)?in\s+the\s+"
    r"(?:fields?|areas?|domains?)\s+of\s+"
    r"[\w-]+(?:\s+[a-z][\w-]+)?"
    + r"|\b(?:people|persons|women|men|students|youth|communities)\s+of\s+colou?r\b"
    # "ecologists", "epidemiologists": a role named by its discipline
    # ("planetary scientists", "atmospheric scientists": scientists named by their discipline)
    + r"|\b(?:planetary|atmospheric|soil|ocean|polar|plant|political|environmental)\s+scientists\b"
    + r"|\b(?:ecologists|astronomers|epidemiologists|economists|statisticians|biologists|chemists|physicists|"
    r"geologists|hydrologists|meteorologists|climatologists|linguists|historians|mathematicians|"
    r"bioinformaticians|oceanographers|archaeologists|demographers|sociologists|agronomists)\b"
    # "scientists at UKBA", "researchers at Comenius University": people of a named institution
     + r"|\b(?:scientists|researchers|staff|faculty|employees|academics|teams|engineers|developers)\s+at\s+"
    r"(?:the\s+)?(?-i:[A-Z][\w&-]*)"
    r"(?:\s+(?-i:[A-Z][\w&-]*)){0,4}"
    # "anyone in the Cornell University community": the people of a named university
    + r"|\b(?-i:(?:[A-Z][\w&-]*\s+){1,3}(?:University|College))\s+communit(?:y|ies)\b"
    # "Spanish-speaking audiences": people narrowed by the language they speak
    + rf"|\b(?-i:{alternatives(LEXICON.languages)})-speaking\s+[a-z][\w-]*"
    # a role narrowed by a field: "open source maintainers", "small-scale food producers"
    + rf"|\b(?:open[ -]source|research software|public[ -]health|higher[ -]education|rural|urban|indigenous|"
    rf"web|small-scale|smallholder|early[ -]career|essential|frontline|front-line|health[ -]?care|"
    r"machine[ -]learning|life|climate|earth|marine|social|sanitation|domestic|garment|farm|gig|construction|"
    r"care|sex|transit|library|museum|"
    # ("mainframe users", "security researchers": a role narrowed by a technology or a discipline)
    r"security|mainframe|cloud|mobile|embedded|blockchain|database|HPC|accessibility)\s+"
    # ("provide medical care to those in need": the field's word and "those" across a preposition)
    rf"(?:(?!(?:to|for|of|and|or|with|by|from)\s)[a-z-]+\s+)?(?:{_ROLES}|{_PEOPLE}|{_FIELD_ROLES})\b"
    # "nonprofit professionals": people narrowed by the sector they work in (never "nonprofit
    # organizations": a bare kind of body)
     + r"|\b(?:nonprofit|non-profit|not-for-profit|charity|voluntary[ -]sector)\s+(?:sector\s+)?"
    r"(?:professionals|staff|workers|leaders|employees|practitioners|fundraisers|managers)\b"
    # "academic and public libraries": a defined type of public body
     + r"|\b(?:academic|public|school|research|university|college|tribal)\s+"
    r"(?:and\s+(?:academic|public|school|research|university|college|tribal)\s+)?libraries\b"
    # "Transit agencies", "space agencies": public bodies narrowed by their field
    # ("public health and air quality agencies": two fields, one kind of body)
     + r"|\b(?i:(?:small|transit|transportation|transport|space|emergency\s+management|environmental|"
    r"statistical|meteorological|water|housing|public\s+health|air\s+quality)\s+(?:and\s+)?)+agencies\b"
    # "wildlife management authorities": public bodies narrowed by what they manage
     + r"|\b(?:wildlife|fisheries|fishery|forest|forestry|land|water|waste|parks?|coastal|marine|"
    r"natural\s+resources?|resource|emergency|disaster)\s+management\s+(?:authorities|agencies|bodies|boards)\b"
    # "Government primary schools": a defined type of public school
    + r"|\b(?i:government|public|state|state-funded)\s+(?:primary|secondary|elementary|high)\s+schools\b"
    # "health insurance payers", "insurers": a defined type of body that pays for care (never bare "payers and
    # providers": the two sides of a data exchange, bare roles)
    + r"|\b(?:(?:health|dental|medical)\s+)?insurance\s+(?:payers|payors|companies|carriers)\b"
    r"|\binsurers\b"
    # "young talent", "young African entrepreneurs": a role narrowed by age
     + r"|\byoung\s+(?:[A-Z][\w-]+\s+)?(?:talent|entrepreneurs|professionals|researchers|scientists|leaders|"
    r"innovators|women|men)\b"
    # ("humanitarian and disaster response organizations", "big pharmaceutical companies")
    # ("costs incurred by academic institutions": a bare type of institution, no field narrows it)
    rf"|\b(?!academic\s+institutions\b)(?i:(?:financial|scholarly|academic|medical|health[ -]?care|legal|"
    rf"agricultural|cultural|heritage|"
    rf"humanitarian|philanthropic|scientific|cybersecurity|pharmaceutical|biotech(?:nology)?)"
    rf"(?:\s+and\s+[a-z-]+(?:\s+response)?)?\s+(?:(?:services?|sector)\s+)?(?:{_ROLES}|companies|firms))\b"
    # a level of public body: "local governments", "national statistical offices" (not "local communities")
    # (never "our city officials": the writers' own, no group defined)
     + r"|(?<!our )(?<!\bits )(?<!their )"
    # ("city-level government officials")
    # ("jurisdictional vital records offices": a level, then the field the offices keep)
    rf"\b(?i:local|state|federal|tribal|municipal|county|city|regional|national|jurisdictional)(?:-level)?\s+"
    rf"(?:[a-z-]+\s+){{0,2}}"
    rf"(?:{alternatives(LEXICON.public_bodies)})\b"
    # "state Vital Records Offices": a level in lower case before a kind of office written as a title
    r"|\b(?:local|state|federal|tribal|municipal|county|regional|national|jurisdictional)\s+"
    rf"(?-i:(?:[A-Z][a-z-]+\s+){{1,2}}(?:{alternatives(w.capitalize() for w in LEXICON.public_bodies)}))\b"
    # "public sector organisations": a defined type of public body
    r"|\bpublic[ -]sector\s+(?:organi[sz]ations|bodies|agencies|institutions)\b"
    # "the residents of West Bridgford": a group narrowed by a named place
     + r"|\b(?:residents|inhabitants|citizens|people|communities|families|children|farmers|businesses|"
    r"survivors)\s+of\s+"
    r"(?:the\s+)?(?!Colou?r\b)(?-i:[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})"
    # "Veterans", "Refugees": capitalised mid-sentence by some writers, still the group
    # (never "youth-led innovation": the group leads the work, it is not who gains)
    # "young black males", "Hispanic students": people narrowed by race or origin
     + r"|\b(?:young\s+)?(?:black|latino|latina|latinx|hispanic|indigenous|aboriginal|native|"
    r"african[- ]american)\s+"
    r"(?:males|females|men|women|girls|boys|youth|students|people|peoples|children|families|communities)\b"
    + rf"|\b(?:{alternatives(LEXICON.situation_groups)})\b(?!-(?:led|run|driven|oriented)\b)"
    + rf"|(?<=[a-z,] )(?:{alternatives(w.capitalize() for w in LEXICON.situation_groups)})"
    r"\b(?!\s+(?-i:[A-Z]))"
    + r"|\b(?!(?:the|generation|future|next|developing|building|growing|training)\b)[a-z][\w-]+\s+workforce\b"
    r"(?!\s+development)"
    # a defined type of local government counts alone (GUIDE 3): "provide municipalities with ..."
    # (never "healthy, sustainable cities", "between-cities": cities as an idea, not a set of governments)
     + r"|\bmunicipalities\b"
    r"|(?<!-)(?<!sustainable )(?<!healthy )(?<!smart )(?<!resilient )(?<!livable )\bcities\b(?!-)"
    # a named project's or place's people: "Rust Project maintainers", "Pathfinder countries",
    # "Node.js framework authors"
    # ("+1 Billion people": a count, no group)
     + r"|(?:(?<=\s)|^(?=[A-Z]{2,}\b))(?!(?:Hundred|Thousand|Million|Billion)\b)"
    # ("JavaScript application developers", never "Web application developers": the web is no one technology)
    # ("Artizen - Helping creators ...": a verb's -ing form, capitalised, names no project)
    r"(?!Web\b)(?![A-Z][a-z]+ing\b)[A-Z][\w-]+(?:\.[a-z]+)?(?:\s+[A-Z][\w-]+)?\s+"
    # ("HPC systems professionals": a technology's field narrows the role)
    r"(?:(?:framework|library|package|plugin|module|app|application|software|platform|core|systems|data|research"
    r"|infrastructure|security|operations)\s+)?"
    rf"(?:{_ROLES}|{_PEOPLE}|{_FIELD_ROLES}|authors|countries|nations|participants|enrollees)\b"
    # "HTML5/JavaScript application developers": programmers narrowed by two technologies
     + r"|\b[A-Z][\w.]+/[A-Z][\w.-]+\s+(?:application|app|web|software|mobile)\s+"
    r"(?:developers|engineers|programmers)\b"
    + r"|\b(?:[Ee]ach|[Ee]very)\s+member\s+(?:state|country|nation|government)\b"
    # "other IMI projects", "NIH-funded biomedical research projects": a set of bodies named by who funds them
    + r"|\bother\s+(?-i:[A-Z]{2,}[\w-]*)\s+(?:projects|consortia|initiatives|programmes|programs|networks"
    r"|committees)\b"
    + r"|\b(?-i:[A-Z]{2,}[\w-]*)-funded\s+(?:[a-z-]+\s+){0,3}(?:projects|researchers|programmes|programs|"
    r"institutions|organi[sz]ations|grantees)\b"
    # "learners in grades 3, 6 and 9"
    + r"|\b(?:learners|students|pupils|children)\s+in\s+grades?\s+\d+(?:(?:,\s*|\s+and\s+)\d+)*"
    # "the wastewater surveillance community", "the data science and neuroscience research communities": a
    # community narrowed by its field (not "the community", nor "the developer community": a bare role)
    + r"|\bthe\s+"
    r"(?!(?:wider|broader|broad|whole|entire|global|local|international|larger|same|open|our|\w+'s)\b)"
    r"(?!(?:developer|user|member|partner|contributor|stakeholder|business|donor|most|many|other|various|different"
    r"|regulated|proposed"
    r"|diverse|affected|vulnerable|marginali[sz]ed|underserved|disadvantaged)\s)"
    r"(?:(?!of\b)[a-z][\w]+\s+){1,2}"
    r"(?:(?:and|&)\s+(?:(?!(?:of|with|to|for|in|on|by|from|the|our|its|their)\b)[a-z][\w]+\s+){1,2})?"
    r"communit(?:y|ies)\b(?![\w-])(?!\s+of\b)"
    # ("the proposed community standards": the word modifies what the community agrees, no group)
    r"(?!\s+(?:standards?|guidelines?|norms|conventions|practices|process(?:es)?|review|calls?|meetings?|"
    r"governance|edition|version|forum|site|page)\b)"
    # "the ALVSCE researcher community": a role's community in a body named by its acronym
    # (never "the DCAT user community": a project's users, a bare role)
     + r"|\bthe\s+(?-i:[A-Z]{2,}[\w-]*)\s+(?!(?:developer|user|member|partner|contributor|stakeholder)\s)"
    r"(?:[a-z]+\s+){1,2}communit(?:y|ies)\b"
    # "the Audio and Digital Music research community": a research community named by its field
    + r"|\bthe\s+(?-i:(?:[A-Z][\w-]*\s+(?:(?:and|&)\s+)?){1,4})research\s+communit(?:y|ies)\b"
    # "the broader water research community": still narrowed by its field
    + r"|\bthe\s+(?:wider|broader)\s+(?!of\b)[a-z][\w-]+\s+research\s+communit(?:y|ies)\b"
    # "the urban poor", "the rural poor": a group defined by its situation
    + r"|\bthe\s+(?:urban|rural|working|world['’]s|very)\s+poor\b"
    # ("Small Island Developing States (SIDS)": the group's official name, capitalised; never "Member
    # States" listed among partners)
    + r"|\b(?i:(?:least developed|less developed|underdeveloped|developing|emerging|low-income|middle-income|"
    r"small island developing|(?-i:member)|poorest)\s+"
    r"(?:countries|states|nations|economies|markets|regions))\b"
    # "throughout the developing world": the same group of countries
    + r"|\bthe\s+(?:developing|majority)\s+world\b"
    # the members of a named compact: "countries joining the Global Methane Pledge"
    + r"|\b(?:[Cc]ountries|[Nn]ations|[Gg]overnments|[Cc]ities)\s+"
    r"(?:joining|that\s+(?:join|sign|endorse)|signing|endorsing|participating\s+in)\b[^.;,]{0,60}"
    # a role narrowed by what its members do: "researchers, who often need ...", "developers building X"
    + r"|\b[Aa]nyone\s+(?:using|building|developing|contributing\s+to|working\s+(?:in|on|with))\b[^.;]{0,60}"
    # "everyone contributing to open source": everyone narrowed by the work they share
    + r"|\b[Ee]veryone\s+(?:contributing\s+to|working\s+(?:in|on))\b[^.;]{0,60}"
    + rf"|\b(?:{_ROLES}|{_FIELD_ROLES}|[Ii]ndividuals|professionals|businesses|people(?=\s+working))\s*,?\s+"
    r"(?:who|building|developing|working\s+(?:in|on|with|at)|using|(?:engaged|involved)(?:\s+or\s+interested)?\s+in|(?:seeking|looking|wishing)\s+to|"
    # "small businesses that might not otherwise be able to afford ..."
    r"that\s+(?:might|may|could|cannot|can't|do\s+not|don't|lack|need|want|rely|depend"
    # "organizations that have implemented, or intend to implement, the X guide": narrowed by what they use
    r"|(?:have|has)\s+(?:implemented|adopted|deployed))\b)[^.;]{0,60}"
    # "researchers from field stations": narrowed by where they come from
     + rf"|\b(?:{_ROLES}|{_FIELD_ROLES}|professionals|practitioners)\s+from\s+(?:[a-z][\w-]*\s+){{0,2}}"
    r"(?:stations|laboratories|labs|universities|institutions|hospitals|observatories|museums|libraries)\b"
    # "innovators and researchers in NLP healthcare space": roles narrowed by a named space
     + rf"|\b(?:{_ROLES}|innovators|entrepreneurs)(?:\s+and\s+(?:{_ROLES}|innovators|entrepreneurs))?\s+in\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){1,3}(?:space|domain)\b"
    # "to improve patient outcomes": patients named by what is to improve for them
    + r"|\bpatient\s+(?:outcomes|safety|experience)\b"
    # "electronics designers at experimental physics facilities": narrowed by where they work
    + rf"|\b(?:{_ROLES}|{_FIELD_ROLES}|professionals|practitioners)\s+at\s+(?:[a-z][\w-]*\s+){{1,3}}"
    r"(?:facilities|institutions|universities|hospitals|laboratories|observatories)\b"
    # "satellite data users" as "users of satellite data" (never "open data users", "the data users")
     + r"|\b(?!(?:the|our|its|their|open|private|public|all|of|for|to|and|or|with|by|as|in|on|from)\b)"
    r"[a-z][\w-]+\s+data\s+(?:users|consumers)\b"
    # "users from platform engineering, network operations, and security teams": narrowed by their teams
    + rf"|\b(?:{_ROLES}|{_FIELD_ROLES}|professionals|practitioners)\s+from\s+(?:[\w-]+,?\s+){{1,10}}?teams\b"
    # an industry served: "for the nuclear power industry", "the needs of the financial services industry",
    # "relevant to the insurance and (re)insurance industry" (never "experts from the tech industry": where
    # helpers come from)
    + r"|(?:(?<=\bfor\s)|(?<=\bto\s)|(?<=\bof\s)|(?<=\bwith\s)|(?<=\bwithin\s)|(?<=\bserving\s))"
    # (nor "the content creation industry's software base", "the Telecom industry as a whole": what it owns,
    # or all of it)
    r"the\s+(?:(?!(?:tech|technology|wider|broader|whole|entire)\b)[\w()-]+\s+(?:and\s+)?){1,3}industr(?:y|ies)\b"
    r"(?!['’]|\s+as\s+a\s+whole\b)"
    # a role narrowed by an industry: "individuals across the financial services industry"
     + rf"|\b(?:{_ROLES}|individuals|professionals|companies|firms|businesses)\s+(?:across|in|within|from)\s+"
    r"the\s+(?:[a-z-]+\s+){1,3}(?:industry|sector)\b" + r"|\b[a-z]+\s+(?:services|industry)\s+"
    r"(?:organi[sz]ations|institutions|companies|firms|providers)\b",
)
# "users of biodiversity information", "maintainers of Kubernetes projects" (not "users of the platform")
_FIELD_ROLE = re.compile(
    # (never "contributors of all backgrounds": unbounded)
    rf"\b(?:the\s+)?(?:(?:{_FIELD_ROLES}),?\s+(?:and\s+)?)+of\s+(?!(?:the|our|its|their|this|these|all|every|any)\b)"
    r"[\w-]+(?:\s+[a-z][\w-]+)?",
    re.IGNORECASE,
)
# "developed by the community of producers and consumers of X": the body's own community
_OWN_COMMUNITY_BEFORE = re.compile(r"\bcommunity\s+of\b[^.;]{0,30}$", re.IGNORECASE)
_VAGUE_GROUPS = re.compile(LEXICON.vague_groups, re.I)
# "establishing a vibrant, productive and safe community of DIY biologists": a community the body sets out
# to build is its own, not a group it serves
_BUILT_COMMUNITY_BEFORE = re.compile(
    r"\b(?:establish|build|creat|form|grow|nurtur|cultivat)\w*\s+(?:an?|the|our|its)\s+(?:[\w-]+,?\s+){0,5}?"
    r"(?:community|network)\s+of\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "the poorest 20% of the world's population": a group defined by its position, never a target
_SHARE_GROUP = re.compile(
    r"\bthe\s+(?:poorest|richest|wealthiest|bottom|lowest-income|most\s+[\w-]+)\s+\d+\s*(?:%|percent|per\s+cent)\s+of\s+"
    r"(?:the\s+)?[\w’'-]+(?:\s+(?:[\w’'-]+\s+)?(?:population|people|households|families|children))?",
    re.IGNORECASE,
)
VAGUE_GROUPS = _VAGUE_GROUPS

# ("US-based campuses": a place narrowing a group; "a US-based nonprofit" is the body's seat, below)
_PLACES = re.compile(
    r"(?<![\w.-])(?:" + alternatives(GAZETTEER.places + GAZETTEER.demonyms) + r")(?!\w)"
    r"(?!-(?!(?:based|specific|wide)\b))"  # ("Thailand-specific context": the place narrows it)
    # "DC power", "a local DC grid": a current, not Washington
    r"(?!\s+(?:power|current|voltage|motors?|(?:micro)?grids?|charging)\b)"
)
# A local place no list holds: capitalised words after "in", "across", "the city of"… ("in Oak Hollow").
# Capitalised words in any Latin script ("São Paulo", "Łódź", "Île-de-France").
_NAME = rf"[{_UPPER}][{_LOWER}]+(?:-(?:[{_LOWER}]+-)*[{_UPPER}][{_LOWER}]+)?"
_LOCAL_PLACE = re.compile(
    # "represented in Parquet", "written in Rust": a format or a language, not a place
    r"(?<!represented )(?<!written )(?<!encoded )(?<!implemented )(?<!expressed )(?<!stored )(?<!published )"
    # "data analysis in Python", "throughout Node, V8": a programming language or a platform, not a place
    rf"(?!(?:in|across|throughout|for)\s+(?:the\s+)?(?:{alternatives(LEXICON.technologies)})\b)"
    r"\b(?:in|across|throughout|near|around|(?:city|town|village|county|district|borough|region|"
    r"province|state) of)\s+(?:the\s+)?(?!(?:The|This|These|Our|Its|A|An)\b)"
    # never a name's head: "in Google Summer of Code"
    # "in the Culcheth and Glazebury areas": two places named before the kind of place they are
    rf"(?P<place>{_NAME}\s+(?:and|&)\s+{_NAME}(?=\s+(?:areas|regions|villages|towns|districts|counties|parishes)\b)"
    # "across Leicester and Leicestershire", "in Israel/Palestine": a pair of places, kept whole
    rf"|{_NAME}(?:\s+{_NAME}){{0,2}}(?:(?:\s+(?:and|&)\s+|/){_NAME}(?:\s+{_NAME}){{0,2}}(?=[,.;]|$))?)"
    # ("in Node.js core": a dotted name is software, not a place)
    rf"(?=\s+(?!of\s+[A-Z])[a-z]|[,;]|\.(?!\w)|$)"
    rf"|\bfor\s+(?:the\s+)?(?!(?:{alternatives(LEXICON.technologies)})\b)(?P<end>{_NAME}(?:\s+{_NAME}){{0,2}})(?=[,;]|\.(?!\w)|$)"
    rf"|\b(?:on|from|along)\s+(?:the\s+)?(?P<street>{_NAME}(?:\s+(?:{_NAME}|\d+)){{0,2}}\s+(?:[Ss]treets?|[Rr]oads?|"
    r"corridors?|neighbou?rhoods?|estates?|schools?|blocks?|[Aa]venues?))\b"
)
# Words that make the capitalised words before them a body's or a document's name, not a place.
_NAME_WORDS = alternatives(LEXICON.name_words)
# ("Utah Reclamation Mitigation and Conservation Commission": an "and" between capitalised words stays in it)
_NAME_AFTER = re.compile(rf"(?:[\s-]+(?:[A-Z][\w’'-]*|&|and(?=\s+[A-Z])))*?[\s-]+(?:{_NAME_WORDS})\b")
# (never a region's qualifier: "sub-Saharan Africa", "pan-African")
# ("Spanish-speaking Latin America": a language's speakers narrow the place, they name nothing)
_NAME_BEFORE = re.compile(r"(?<![a-z]-)(?![A-Za-z]+-speaking\s)[A-Z][\w’'-]*\s+(?:[A-Z][\w’'-]*\s+)*$")
# "the Standing Committee for Education", "the Centre for Wales": what follows "for" ends a name
_NAME_WORD_FOR = re.compile(rf"\b(?:{_NAME_WORDS})\s+for\s+(?:the\s+)?$")
# "the University of Arkansas", "the Department of Health": a place after "<name word> of" is in a name
_NAME_WORD_OF = re.compile(rf"\b(?:{_NAME_WORDS})\s+of\s+(?:the\s+)?$")
# "The ERATOSTHENES Centre of Excellence in Limassol, Cyprus is the host": where a named institution sits
_INSTITUTION_IN_BEFORE = re.compile(
    r"\b(?:Centre|Center|Institute|University|College|Observatory|Office|Museum|Library|Laboratory)"
    r"(?:\s+(?:of|for)(?:\s+[A-Z][\w’'-]*){1,3})?\s+in\s+(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2},\s+)?$"
)
# "individuals in the Open edX community": a body's own community, not a place
# (never "Denver funds 5 Community Land Trusts": a number between, or a name that goes on)
_COMMUNITY_AFTER = re.compile(
    r"(?:\s+(?!\d)[\w.-]+){0,2}\s+communit(?:y|ies)\b(?!\s+(?-i:[A-Z]))", re.IGNORECASE
)
# "the people of our Denver community": the place's own community, served (before and after the place, joined)
_OUR_PLACES_COMMUNITY = re.compile(r"our \s+community\b")
# "a non-profit based in Berlin", "a workshop … in Amsterdam" (past): the body's seat, an event's venue
_SEAT_BEFORE = re.compile(LEXICON.seats, re.IGNORECASE)
_EVENT_BEFORE = re.compile(LEXICON.events, re.IGNORECASE)
# "Regulation (EU) 2024/1183": the law's maker in its number, no one served
_LAW_BEFORE = re.compile(r"\b(?:Regulation|Directive|Decision)\s*\($")


# "the women's university", "a children's hospital": the group names an institution, not who it serves
_INSTITUTION_AFTER = re.compile(
    r"['’]s?\s+(?:university|college|hospital|school|museum|institute|association|league|club|centre|center|social\s+care"
    r"|foundation|society|union)\b",
    re.IGNORECASE,
)


# "This special interest group of Jenkins users": the body's own members, not whom it serves
_MADE_OF_BEFORE = re.compile(
    # ("a united nationwide alliance of medical students": its members, whatever their field)
    r"\b(?:group|association|society|club|forum|collective|alliance|consortium|coalition)"
    r"\s+of\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}$"
    # "The Project is comprised of global like-minded cybersecurity vendors": what the body is made of
    r"|\b(?:is|are)\s+(?:comprised|composed|made\s+up|formed)\s+of\b[^.;:]{0,120}$"
    # "Provide our community of volunteer humanists and historians opportunities": the body's own people
    r"|\b(?:our|its|their)\s+(?:[\w-]+\s+)?(?:community|network)\s+of\s+(?:[\w-]+\s+(?:and\s+)?){0,3}$"
    # "The consortium behind the project consists of clinicians, data scientists and ...": its members
    r"|\b(?:consists?|consisting)\s+of\b[^.;:]{0,120}$"
    # ("a community composed of ICESat-2 data users, developers, and the scientific community")
    r"|\b(?:community|network|group|collective|consortium|coalition|alliance)\s+(?:comprised|composed|made\s+up)"
    r"\s+of\b[^.;:]{0,120}$"
    # "a collaboration between dozens of libraries, museums, cultural heritage organizations": its members
    r"|\b(?:is|are)\s+an?\s+(?:[\w-]+\s+)?(?:collaboration|partnership|alliance|coalition|consortium)\s+"
    r"(?:between|among)\b[^.;:]{0,120}$",
    re.IGNORECASE,
)
# "a group of Seattle residents", "a collaboration between different European HPC sites": a place that
# describes the body's own members, not a place it serves
_MEMBERS_PLACE_BEFORE = re.compile(
    r"\b(?:group|association|society|club|forum|collective|alliance|consortium|coalition|collaboration|partnership)"
    r"\s+(?:of|between|among)\s+(?:(?!(?:in|across|throughout|from|for|at|within|on|to)\b)(?-i:[a-z])[\w-]*\s+){0,2}$"
    # "a collaboration between Sigma2 and the universities of Bergen (UiB), Oslo": the members named
    r"|\b(?:is|are)\s+an?\s+(?:[\w-]+\s+)?(?:collaboration|partnership|consortium|alliance)\s+(?:between|among)\s+"
    r"(?:(?!\b(?:to|for|in|across|throughout|within|serv\w*|help\w*|support\w*|who|which|that)\b)[^.;:]){1,80}$"
    # "a research project ... with partners from Switzerland, Finland": where the members come from
    # "a project ..., funded by NeIC and the ELIXIR nodes in Denmark, Finland": where the funders are
    r"|\b(?:funded|financed|sponsored)\s+by\s+"
    r"(?:(?!\b(?:to|for|serv\w*|help\w*|support\w*|who|which|that)\b)[^.;:]){1,80}$"
    r"|\b(?:partners|members|participants|team|teams)\s+from\s+(?:the\s+)?"
    r"(?-i:(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*,?\s+(?:and\s+)?(?:the\s+)?)*)$",
    re.IGNORECASE,
)
_PHRASE_JOINT = re.compile(r" (?:ot|ohw|taht|hcihw|dna|ro|rof|htiw|ni|fo),? ")  # " to ", " who " ... reversed


# "a project initiated by SEA researchers who aim to ...": those who began the body, not whom it serves
_FOUNDERS_BEFORE = re.compile(
    r"\b(?:initiated|founded|started|created|established|organi[sz]ed|convened|run|led)\s+by\s+(?:the\s+)?"
    # ("manuscripts created by thousands of men and women": who made them, every one)
    r"(?:[\w-]+\s+){0,2}(?:[\w-]+\s+(?:and|or)\s+)?$"
    # "climate services developed by a diverse network of national meteorological offices": who makes
    # what the body offers, not whom it serves
    r"|\b(?:developed|built|provided|maintained|operated)\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:(?:network|consortium|range|mix|group|set)\s+of\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_OPENING_GROUP = re.compile(rf"(?:{_PEOPLE}|{_ROLES})\s+[a-z]")
# "We are open science enthusiasts -- scientists, researchers and students -- led by ...": who the writers
# are, not whom they serve (never "We are a coalition for children in ...", "We are volunteers helping ...")
_WE_ARE_BEFORE = re.compile(
    # (nor "We are stabilizing refugee communities": a verb's -ing form, what the writers do)
    r"^\s*We\s+are\s+(?:(?!\b(?:for|to|with|who|that|on|in|across|throughout|[a-z]+ing)\b)"
    r"[^.;:!?])*$",
    re.IGNORECASE,
)

# "strengthen climate governance through effective climate councils": the bodies are the means, not
# whom the work serves
_MEANS_BEFORE = re.compile(r"\bthrough\s+(?:(?-i:[a-z])[\w-]+\s+)?$", re.IGNORECASE)
# "making information about refugees more accessible": what the information is about, no one served
_SUBJECT_BEFORE = re.compile(
    r"\b(?:information|data|facts|news|statistics|knowledge)\s+(?:about|on|regarding|concerning)\s+(?:the\s+)?"
    r"(?:(?:[\w’'-]+\s+){1,2}(?:and|or|&)\s+)?$",
    re.IGNORECASE,
)


def find_population(statement: str) -> Finding:
    """A defined group ("children under 5", "open source maintainers", "local governments") or a
    place that is not part of a name nor an event's venue ("in Singapore", "UK funders"); together
    when they are close ("climate-related scientists in Australia")."""
    original = statement
    if re.match(r"(?:In|Across|Throughout)\s+[A-Z]", statement):  # "In Toronto, build ...": an opening
        statement = statement[0].lower() + statement[1:]  # word, not part of a name (same length)
    elif statement[:1].isupper() and _OPENING_GROUP.match(statement[:1].lower() + statement[1:]):
        statement = statement[0].lower() + statement[1:]  # "Children under 5 get free meals": a capital
    groups = [
        m
        for found in _DEFINED_GROUPS.finditer(statement)
        if (m := _after_an_opening_verb(statement, found))
        and not _VAGUE_GROUPS.fullmatch(m.group(0))
        and not _INSTITUTION_AFTER.match(statement, m.end())
        and not _MADE_OF_BEFORE.search(statement[max(0, m.start() - 140) : m.start()])
        and not _FOUNDERS_BEFORE.search(statement, 0, m.start())
        and not _WE_ARE_BEFORE.match(statement, 0, m.start())
        and not _MEANS_BEFORE.search(statement, 0, m.start())
        and not _SUBJECT_BEFORE.search(statement, 0, m.start())
        and not _BUILT_COMMUNITY_BEFORE.search(statement[max(0, m.start() - 120) : m.start()])
    ]
    groups += [
        m
        for m in _FIELD_ROLE.finditer(statement)
        if not _own_community(statement, m) and not _MEANS_BEFORE.search(statement, 0, m.start())
    ]
    groups += list(_SHARE_GROUP.finditer(statement))
    groups.sort(key=lambda m: m.start())
    places = [
        span
        for span in _place_matches(statement)
        if not _in_a_name(statement, span)
        and not _MEMBERS_PLACE_BEFORE.search(statement, 0, span[0])
        and not _TIME_ZONE_AFTER.match(statement, span[1])
        and not _FIELD_AFTER.match(statement, span[1])
    ]
    group = groups[0].span() if groups else None
    place = _place_list(statement, places) if places else None
    close = group and place and max(group[1], place[1]) - min(group[0], place[0]) <= 80
    if group and place and close and _joined(original, group, place):
        group = (min(group[0], place[0]), max(group[1], place[1]))
    found = group or place
    if not found:
        return Finding(False, None)
    start, end = found
    if end < len(original) and original[end - 1 : end + 1].isalnum():  # a length limit cut a word:
        # back to the last whole phrase ("professionals working with data services to support researc")
        cut = _PHRASE_JOINT.search(original[start:end][::-1])
        whole_word = max(start, original.rfind(" ", start, end))
        end = end - cut.end() if cut and end - cut.end() > start else whole_word
    return Finding(True, original[start:end].strip(" ,;")) if end > start else Finding(False, None)


# "within 24 hours in the UK time zone": a clock, not a place served
_TIME_ZONE_AFTER = re.compile(r"\s+time[- ]?zones?\b", re.IGNORECASE)
# "eLearning in Jewish studies", "the largest archive of British art": a field or a kind of art, no place
_FIELD_AFTER = re.compile(
    r"\s+(?:studies|art|arts|history|literature|music|poetry|philosophy|architecture|cuisine)\b",
    re.IGNORECASE,
)


# what may not stand between a group and its place for one span to hold both ("children and young
# people in Leeds" is one span): a sentence's end or a verb ("the Lower Kettle Valley dies or loses their
# home to a flood, and every household"; "France to welcome and support refugees")
_CLAUSE_BETWEEN = re.compile(
    r"[.;:!?](?:\s|$)|\b(?:dies|die|loses|lose|is|are|was|were|will|gets?|to\s+(?!(?:the|a|an)\b)[a-z]+)\b",
    re.IGNORECASE,
)


def _joined(statement: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether the words between spans `a` and `b` (overlapping or in either order) only join them."""
    start, end = min(a[1], b[1]), max(a[0], b[0])
    return start >= end or not _CLAUSE_BETWEEN.search(statement[start:end])


def place_spans(statement: str, *, known: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each place of `statement` that is not part of a name nor a past event's venue
    (with the places listed after it: "England, Scotland and Wales"), in order; no groups. `known`:
    only the gazetteer's places and names with a place suffix, never any capitalised word after "in"."""
    matches = _place_matches(statement, local=not known)
    places = [span for span in matches if not _in_a_name(statement, span)]
    spans: list[tuple[int, int]] = []
    for i, span in enumerate(places):
        if not spans or span[0] >= spans[-1][1]:
            spans.append(_place_list(statement, places[i:]))
    return spans


def find_place(statement: str) -> Finding:
    """The first place of `statement` (`place_spans`), no groups."""
    spans = place_spans(statement)
    return Finding(True, statement[spans[0][0] : spans[0][1]].strip(" ,;")) if spans else Finding(False, None)


# Between two places of one list: "England, Scotland", "Indore (India), Jakarta (Indonesia) and Nairobi".
_LIST_JOINT = re.compile(r"(?:\s*\([^()]{1,40}\))?(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+|,\s*or\s+|/)")
_COUNTRY_AFTER = re.compile(r"\s*\([^()]{1,40}\)")


def _place_list(statement: str, places: list[tuple[int, int]]) -> tuple[int, int]:
    """The first place, with the places listed after it ("England, Scotland, Wales and Northern
    Ireland"): a list is kept whole, never cut to its first item."""
    start, end = places[0]
    for next_start, next_end in places[1:]:
        if next_start < end or re.fullmatch(r"\s*\(", statement[end:next_start]):
            continue  # inside the last one, or its country in brackets: "Indore (India)"
        joint = _LIST_JOINT.fullmatch(statement[end:next_start])
        if not joint:
            break
        end = next_end
    if end != places[0][1]:  # the last item's "(Kenya)" goes with it
        after = _COUNTRY_AFTER.match(statement, end)
        end = after.end() if after else end
    return start, end


# Cities are looked up, not matched by one long alternation: a run of capitalised words that ends
# in a city and holds nothing else but an opening word ("In Boston"). A city inside a longer run is
# part of a name ("Darwin Core", "the London Open Source Meetup", "Vision Zero Chicago").
_CITIES = frozenset(GAZETTEER.cities)
PLACE_NAMES = _CITIES | frozenset(GAZETTEER.places)  # every place and city the gazetteer names
_CAPITALISED_RUN = re.compile(rf"{_NAME}(?:[ -]{_NAME})*")
_OPENERS = frozenset({"In", "Across", "Throughout", "For", "From", "To", "The", "Of", "And"})


def _city_starting(statement: str, place: re.Match[str]) -> tuple[int, int]:
    """The span of a gazetteer place, or of the city whose name it begins ("Colorado" in "the city of
    Colorado Springs Parks ..." is Colorado Springs, never the state)."""
    run = _CAPITALISED_RUN.match(statement, place.start())
    words = run.group(0).split() if run else []
    for n in range(len(words), 1, -1):
        city = " ".join(words[:n])
        if city in _CITIES and len(city) > place.end() - place.start():
            return (place.start(), place.start() + len(city))
    # a town no list holds, then its state: "China Grove, North Carolina" is never China
    state = _STATE_AFTER.match(statement, run.end()) if run and run.end() > place.end() else None
    if run and state and state.group(1).strip() in _REGIONS and not _NAMED.search(run.group(0)):
        return (place.start(), run.end())
    return (place.start(), place.end())


# a named creek, river or lake where the work happens ("on Willow Creek", "along the Kettle River"),
# never one inside a body's name ("Friends of Bear Creek", "the Kettle River Band", "Bear Creek Park")
_NAMED_WATER = re.compile(
    r"(?<!Friends )\b(?:on|along|in|into|from|at|near|to|across|around|of)\s+(?:the\s+)?"
    rf"(?P<water>(?:[{_UPPER}][{_LOWER}]+\s+){{1,3}}(?:Creek|River|Lake))\b(?!\s+[A-Z])"
)
# "New Orleanians", "underprivileged Cameroonians": a place's people, by the place's name and a suffix
_DEMONYM_SHAPE = re.compile(r"(?<![\w.-])(?:[A-Z][a-z]+\s+)?[A-Z][a-z]{2,}(?:s|ese)\b")
_DEMONYM_SUFFIXES = ("ians", "ans", "ns", "ers", "ites", "ese")
_DEMONYM_STEM_ENDINGS = ("", "s", "a", "as", "e", "o")
_COMPASS = frozenset(
    {"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western"}
)


def _names_a_places_people(word: str) -> bool:
    """ "Cameroonians" (Cameroon), "New Orleanians" (New Orleans), "Texans" (Texas), "Londoners",
    "West Oaklanders" (a part of Oakland)."""
    compass, _, rest = word.partition(" ")
    if rest and compass in _COMPASS and _names_a_places_people(rest):
        return True
    for suffix in _DEMONYM_SUFFIXES:
        stem = word[: -len(suffix)]
        stems = (stem + ending for ending in _DEMONYM_STEM_ENDINGS)
        if word.endswith(suffix) and len(stem) >= 3 and any(name in PLACE_NAMES for name in stems):
            return True
    return False


def _demonym_span(match: re.Match[str]) -> tuple[int, int] | None:
    """The span of a place's people: both words ("New Orleanians") or, when the first word is none of
    the name ("All Australians", "Helping Texans"), the last alone."""
    if _names_a_places_people(match.group(0)):
        return match.span()
    last = match.group(0).rsplit(" ", 1)[-1]
    if last == match.group(0) or not _names_a_places_people(last):
        return None
    return (match.end() - len(last), match.end())


_STATE_AFTER = re.compile(r",\s+((?:[A-Z][\w.]*\s?){1,3})\b")
_REGIONS = frozenset(GAZETTEER.places)
_NAMED = re.compile(rf"\b(?:{_NAME_WORDS})\b")


def _city_matches(statement: str) -> list[tuple[int, int]]:
    found = []
    for run in _CAPITALISED_RUN.finditer(statement):
        words = run.group(0).split()
        lead = 0
        while lead < len(words) - 1 and words[lead] in _OPENERS:
            lead += 1
        city = " ".join(words[lead:])
        # "Shaping the future of ...", "Reading our reports": a word the list shares, used as a verb
        if city in _CITIES and not _DETERMINER_AFTER.match(statement, run.end()):
            found.append((run.end() - len(city), run.end()))
    return found


_DETERMINER_AFTER = re.compile(r"\s+(?:the|a|an|our|their|its|your|this|these|those)\b")
# "the 16th U.S. Surgeon General", "the U.S. Chief Statistician": a country in an official's title
_TITLE_AFTER = re.compile(
    r"\s+(?:(?:Chief|Deputy|Assistant|Principal)\s+[A-Z]\w+|Surgeon\s+General|Attorney\s+General|Secretary\b"
    r"|Ambassador|Senator|Governor|Minister|Commissioner|Statistician)"
)


_GREATER_AREA = re.compile(
    r"\b[Tt]he\s+[Gg]reater\s+(?:[A-Z][\w’'-]*\s+){1,3}(?:[Aa]rea|[Rr]egion|[Mm]etro(?:politan)?\s+[Aa]rea)\b"
)


def _place_matches(statement: str, *, local: bool = True) -> list[tuple[int, int]]:
    """Places: the gazetteer's, its cities, capitalised words with a place suffix ("Harbor County")
    and, with `local`, any capitalised words after "in", "across" ... ("in Riverbend")."""
    found = [_city_starting(statement, m) for m in _PLACES.finditer(statement)]
    found += [m.span() for m in _GREATER_AREA.finditer(statement)]  # "the greater Puget Sound area"
    found += _city_matches(statement)
    found += [
        m.span(next(g for g in ("place", "end", "street") if m.group(g)))
        for m in (_LOCAL_PLACE.finditer(statement) if local else ())
        if not re.search(rf"\b(?:{_NAME_WORDS})\b", m.group(0))
        and not _names_a_thing(statement, m)
        and not _DISCIPLINE.search(m.group(0))
        and not _LANGUAGE_AFTER.match(statement, m.end())  # "in Kyrgyz language"
        and not _TECHNICAL_PLURAL.search(m.group(0))  # "for Deep Neural Networks"
        and not _CHAMBER.fullmatch(m.group(m.lastgroup or 0))
        and not _TITLE_CASE_BEFORE.search(statement, 0, m.start())  # "Best Practices in Ocean Observing"
    ]
    found += [
        m.span()
        for m in _CAPITALISED.finditer(statement)
        # "Harbor County", never "City" or "State" alone ("City-seeded CLTs")
        if re.search(rf"\b(?:{_PLACE_SUFFIX})$", m.group(0))
        and not re.fullmatch(_PLACE_SUFFIX, m.group(0))
        # "the U.S. Department of State", "Secretary of State": an office, not a place
        and not re.match(r"(?:Department|Ministry|Secretary|Office|Bureau)\b", m.group(0))
    ]
    found += [span for m in _DEMONYM_SHAPE.finditer(statement) if (span := _demonym_span(m))]
    found += [m.span("water") for m in _NAMED_WATER.finditer(statement)]  # "the intake on Willow Creek"
    # "Edge/Mobile": a place's name paired with a word that is no place is a category label
    found = [span for span in found if not _label_pair(statement, span[0])]
    # "in May", "on Monday": a time, never a place
    # (the longest first where two start together: "Leicester and Leicestershire" over "Leicester")
    spans = (
        span
        for span in found
        if not _CALENDAR.fullmatch(statement[span[0] : span[1]])
        and not _TITLE_AFTER.match(statement, span[1])
        and not statement.startswith(" languages", span[1])  # "for Southeast Asian languages": a subject
    )
    return sorted(spans, key=lambda span: (span[0], -span[1]))


_LABEL_PAIR = re.compile(r"(?<![\w/])(?-i:[A-Z][a-z]+)/$")
_GAZETTEER_WORDS = frozenset(GAZETTEER.places) | frozenset(GAZETTEER.cities) | frozenset(GAZETTEER.demonyms)


def _label_pair(statement: str, start: int) -> bool:
    """ "Edge/Mobile": the word before the slash is no place, so neither is the one after it (but
    "Israel/Palestine" is a pair of places)."""
    pair = _LABEL_PAIR.search(statement, 0, start)
    return pair is not None and pair.group(0).rstrip("/") not in _GAZETTEER_WORDS


_CALENDAR = re.compile(
    rf"(?:{MONTHS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|spring|summer|autumn|fall|winter)",
    re.IGNORECASE,
)


# "across the Gavi portfolio", "in the National Grid control room": "the" + capitalised words + a common
# noun name a thing, not a place; "in the Cloud", "on the Web" are spaces (GUIDE 3), not places
_THING_AFTER = re.compile(
    r"\s+(?!(?:regions?|areas?|valleys?|basin|coast|delta|islands?|county|city|state|province|districts?)\b)[a-z]"
)
# "AI/ML in Official Statistics", "in Computer Science": a discipline, not a place
_DISCIPLINE = re.compile(
    # ("for Earth System Modelling", "in Data Analysis": a field of work, not a place)
    r"(?:\b(?:Statistics|Sciences?|Engineering|Mathematics|Medicine|Studies|Computing|Physics|Institutions|"
    r"Model(?:l)?ing|Analysis|Analytics|Learning|Management|Research|Planning|"
    # "in Neuroscience", "in Epidemiology", "in Bioinformatics"
    r"Chemistry|Economics|Humanities)|[a-z](?:science|ology|informatics))$"
)
# "raise the profile of malaria in Parliament": a chamber where the work happens, not a place served
_CHAMBER = re.compile(r"(?:Parliament|Congress|Senate|Cabinet|Government|Whitehall|Westminster|Capitol Hill)")
_TECHNICAL_PLURAL = re.compile(
    r"\b(?:Networks|Systems|Models|Devices|Applications|Technologies|Platforms|Services"
    # "prepare developers to participate in Hackathons": events, capitalised by the writer
    r"|Hackathons|Workshops|Meetups|Conferences|Events|Sessions|Webinars|Bootcamps|Sprints|Challenges)$"
)
# "Research Topic Best Practices in Ocean Observing": capitalised words mid-sentence, then "in" and more
# capitalised words, make a title, not a place
_TITLE_CASE_BEFORE = re.compile(r"(?<=[a-z,:] )(?:(?-i:[A-Z])[a-z][\w-]*\s+){2,}$")
# "in Kyrgyz language", "in Coronavirus disease": a language or an illness, not a place
_LANGUAGE_AFTER = re.compile(r"\s+languages?\b|\s+(?:disease|syndrome|virus|infection|fever|flu)s?\b")
_SPACES = re.compile(r"(?:[\w-]+\s+)?(?:Cloud|Web|Internet|Metaverse|Ecosystem)$")


def _names_a_thing(statement: str, match: re.Match[str]) -> bool:
    if not match.group("place"):
        return False
    has_the = re.search(r"\bthe\s+$", statement[match.start() : match.start("place")])
    after = _THING_AFTER.match(statement, match.end("place"))
    return bool(has_the and (after or _SPACES.match(match.group("place"))))


_LANGUAGES = frozenset(LEXICON.languages)
# "in ", "in English and ": where a language's name follows
# ("available in both English and Welsh")
_AFTER_IN = re.compile(
    rf"\bin\s+(?:both\s+|either\s+)?(?:(?:{alternatives(LEXICON.languages)})(?:,\s*|\s+(?:and|or)\s+))*$"
)


def _language(statement: str, span: tuple[int, int], before: str) -> bool:
    """ "accessible in English and French", "available in English and Russian (but still draft)": a
    language's name after "in", no noun after it (but "English schools" are a population)."""
    first = statement[span[0] : span[1]].split()[0]
    return (
        first in _LANGUAGES
        and bool(_AFTER_IN.search(before))
        and not _NOUN_AFTER_LANGUAGE.match(statement, span[1])
    )


_NOUN_AFTER_LANGUAGE = re.compile(rf"\s+(?!(?:and|or)\s+(?:{alternatives(LEXICON.languages)})\b)[a-z]")


def _after_an_opening_verb(statement: str, group: re.Match[str]) -> re.Match[str] | None:
    """`group`, or when a goal's capitalised verb opens it, the group after the verb ("Connect JavaScript
    maintainers": JavaScript maintainers), or None ("Identify organizations": no group after it)."""
    if not _opens_with_a_verb(statement, group):
        return group
    rest = statement.find(" ", group.start()) + 1
    return _DEFINED_GROUPS.match(statement, rest) if group.start() < rest < group.end() else None


def _opens_with_a_verb(statement: str, group: re.Match[str]) -> bool:
    """ "big aims: Identify organizations ...": a goal's capitalised verb, not a name before the group."""
    first = group.group(0).split()[0]
    # ("to Aggregate resources ..., Build capabilities ..., and Connect communities": a list of them)
    opening = group.start() == 0 or re.search(r"(?:[:.;,]|\band|\bto)\s*$", statement[: group.start()])
    return bool(opening and first[:1].isupper() and _opening_verb(first))


def _opening_verb(words: str) -> bool:
    """ "Increase ", "Support ": one capitalised word that is a verb of a goal, opening the statement."""
    word = words.strip().lower()
    if " " in word:
        return False
    # ("by: Mentoring engineers across career stages": a goal verb's -ing form opens a list item too)
    stems = (word[:-3], word[:-3] + "e", word[:-4]) if word.endswith("ing") else ()
    return word in _GOAL_VERBS or any(stem in _GOAL_VERBS for stem in stems)


_GOAL_VERBS = frozenset(
    v.lower()
    for v in (
        *LEXICON.vague_verbs,
        *LEXICON.concrete_verbs,
        *LEXICON.deliverable_verbs,
        *LEXICON.activity_verbs,
    )
    if " " not in v
)


def _in_a_name(statement: str, span: tuple[int, int]) -> bool:
    """ "Vision Zero Chicago", "Singapore Green Plan", "the UK TRE Community", "based in Berlin": a
    place inside a name or a community's name, the body's seat, or where a past event was held."""
    after = statement[span[1] : span[1] + 60]
    before = statement[max(0, span[0] - 40) : span[0]]
    name_before = _NAME_BEFORE.search(before)
    return bool(
        _NAME_AFTER.match(after)
        or _ACRONYM_NAMED.match(after)
        or (_ACRONYM_RIGHT_AFTER.match(after) and _TITLE_WORD_BEFORE.search(before))
        or _BODY_ACRONYM_AFTER.match(after)
        or (statement[span[0] : span[1]] in ADJECTIVES_OF_PLACE and bool(_DOCUMENT_AFTER.match(after)))
        # "in The Netherlands": an article, not a name's first word; "Increase Canadians' trust": a goal's
        # opening verb, not a name's first word
        or (
            name_before
            # "Native Hawaiians": a people; "All Australians": a quantifier, no name's first word
            and not re.fullmatch(r"(?:The|Native|All|Every|Each|Many|Most)\s+", name_before.group(0))
            and not (name_before.start() + max(0, span[0] - 40) == 0 and _opening_verb(name_before.group(0)))
        )
        or _NAME_WORD_FOR.search(before)
        or _NAME_WORD_OF.search(before)
        or _INSTITUTION_IN_BEFORE.search(before)
        # ("the people of our Denver community": the place's own community, served)
        or (_COMMUNITY_AFTER.match(after) and not _OUR_PLACES_COMMUNITY.match(before[-4:] + after))
        or _SEAT_BEFORE.search(before)
        or _LAW_BEFORE.search(before)
        # "a Silicon Valley approach": a place as an adjective (but "researchers affiliated with a US academic
        # institution" are narrowed by it)
        or (re.search(r"\b(?:a|an)\s+$", before) and not _AFFILIATED_BEFORE.search(before))
        or _language(statement, span, before)
        or (bool(_EVERY_BEFORE.search(before)) and bool(_COUNTED_THING_AFTER.match(after)))
        or _past_event_venue(statement, span[0])
        or _ACTOR_BEFORE.search(before)
        or _ACTOR_AFTER.match(after)
        or (_GOVERNMENT_SUBJECT.fullmatch(statement[: span[0]]) and _ACTS_AFTER.match(after))
    )


# "visit every UK website at least once a year": the place qualifies the things counted, no one served
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)
_COUNTED_THING_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:web\s*sites?|sites?|pages?|domains?|documents?|records?|datasets?|files?|books?|"
    r"items?|objects?|publications?|journals?|archives?|collections?|roads?|rivers?|buildings?)\b"
)


# "The City of Munich will implement ...": the government of a place, acting, is the body itself
_GOVERNMENT_SUBJECT = re.compile(
    r"(?:The\s+)?(?:City|State|County|Town|Province|Municipality|Borough|District|Government|Republic)\s+of\s+(?:the\s+)?"
)
_ACTS_AFTER = re.compile(r"\s+(?:will|shall|is|has|aims|commits|intends|plans|seeks|must)\b")
# "European", "African": a place's adjective (never "Canadians", a place's people)
ADJECTIVES_OF_PLACE = frozenset(d for d in GAZETTEER.demonyms if not d.endswith("s"))
_AFFILIATED_BEFORE = re.compile(r"\b(?:affiliated|associated)\s+with\s+an?\s+$", re.IGNORECASE)
# "run by the US CDC": the place of a body named by its acronym; "a common European ePI standard", "the
# European standard for ...", "European national guides": a place's adjective on a document, no one served
# ("the US ILINet system": an acronym in mixed case too)
_BODY_ACRONYM_AFTER = re.compile(r"\s+(?-i:[A-Z]{2,}(?:[a-z]+[A-Z]?)?)\b(?!-)")
_DOCUMENT_AFTER = re.compile(
    # ("upcoming European initiatives": other bodies' work, no one served)
    r"\s+(?:[\w-]+\s+){0,2}?(?:standards?|guides?|guidelines|specifications?|formats?|regulations?|directives?|initiatives"
    r"|laws?|legislation"
    # ("while data remains on sovereign Australian infrastructure": where data sits, no one served)
    r"|infrastructure|servers|data\s+cent(?:re|er)s?)\b",
    re.IGNORECASE,
)
# "the European Open Science Cloud (EOSC)", "the European General Data Protection Regulation (GDPR)":
# capitalised words and their acronym after the place make it a name's first word
# "the Consortium for Ocean-Sea Ice Modelling in Australia (COSIMA)", "Innovation in Africa (DS-I Africa)":
# a capitalised word, "in"/"for"/"of", the place, then the acronym: the place ends a body's name
_ACRONYM_RIGHT_AFTER = re.compile(r"\s*\((?-i:[A-Z]{2})[\w -]{0,20}\)")
_TITLE_WORD_BEFORE = re.compile(r"(?-i:[A-Z])[\w-]*[a-z]\s+(?:in|for|of)\s+(?:the\s+)?$")
_ACRONYM_NAMED = re.compile(r"(?:\s+[A-Z][\w’'-]*){1,5}\s+\([A-Z][A-Za-z0-9-]*[A-Z]\)")
# the place acting, not served: "the policy objective of the United States", "a United States global
# health strategy" (a government served counts: "transform how the U.S. government buys services")
_ACTOR_BEFORE = re.compile(
    r"\b(?:policy|objective|interests?|policies)\s+of\s+(?:the\s+)?$"
    # "initiatives taken by the Italian government": the agent of a passive acts, it is not served
    r"|\b(?:taken|deployed|led|run|funded|launched|adopted|developed|built|operated)\s+by\s+(?:the\s+)?$"
    # "an agency of the United States government", "working with the City of Chicago's Department of
    # Transportation": the body's owner or partner, not whom it serves
    r"|\b(?:agency|department|arm|branch|office)\s+of\s+(?:the\s+)?$"
    r"|\b(?:working|partnering|partnered|collaborating|teaming\s+up)\s+with\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\s+(?:of\s+)?){0,3}$",
    re.I,
)
_ACTOR_AFTER = re.compile(
    # ("support for UK leadership": the place leading)
    # ("residents in the United States under the leadership of EveryoneOn": served, then who leads)
    r"(?:’s|'s)?\s+(?!(?:under|with|in|from|by|for|at|to)\s)(?:[a-z-]+\s+){0,2}(?:strategy|policy|policies|leadership)\b"
    # ("a focus on United Kingdom methods of flood estimation": the place qualifies the method studied)
    r"|\s+(?:[a-z-]+\s+){0,2}(?:methods|methodolog(?:y|ies)|techniques)\b"
    # "the central U.S. forum dedicated to ...": where the body itself stands, not whom it serves
    r"|\s+(?:forum|body|organi[sz]ation|non-?profit|charity|association|consortium|alliance|coalition)\b"
    # "the City of Chicago partnered with Allstate": a partner acting
    r"|\s+(?:has\s+)?(?:partnered|teamed\s+up)\s+with\b"
    # "the UK Government’s standard": the government owns the work, it is not served
    r"|\s+(?-i:G)overnment(?:’s|'s)"
)


# "for delivery at the event in early February 2016 in Berlin", "TPAC Meeting (Oct 2026 in Dublin)": the
# venue of a dated event, past or to come
_DATED_EVENT_BEFORE = re.compile(
    r"\b(?:event|meeting|workshop|conference|summit|hackathon|sprint|congress|symposium)\b[^.;]{0,60}"
    r"\b(?:19|20)\d\d\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "Establish annual AI conference in Philadelphia": the place right after an event is its venue, past or
# to come
_EVENT_VENUE_BEFORE = re.compile(
    r"\b(?:conference|summit|hackathon|congress|symposium|festival|meetup|convention|fair)s?\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _past_event_venue(statement: str, at: int) -> bool:
    before = statement[max(0, at - 120) : at]
    if _EVENT_VENUE_BEFORE.search(before):
        return True
    return bool(_DATED_EVENT_BEFORE.search(before)) or (
        bool(_EVENT_BEFORE.search(before)) and tells_the_past(statement, at)
    )


def _own_community(statement: str, match: re.Match[str]) -> bool:
    before = statement[max(0, match.start() - 40) : match.start()]
    return bool(_OWN_COMMUNITY_BEFORE.search(before)) or before.lower().endswith("end ")


# "ensure all individuals are able to access ...", "all communities have access to ...": universal access
# is a target only with a date ("By 2030, ensure that all girls and boys have access to ...")
_ACCESS_FOR_ALL = re.compile(
    # ("every person in the United States has equitable access to ...")
    r"\b(?:every|all|each)\s+[^.;]{0,40}?\b(?:(?:have|has|gain|get)\s+(?:[\w-]+\s+)?access|(?:are|is|be)\s+able\s+to\s+access)\b"
    # "provide energy access for all"
    # ("equitable access to cancer health access, information, and care for all")
    r"|\baccess\s+(?:[\w-]+\s+){0,3}?for\s+all\b(?!\s+(?:people|[a-z]+s)\b)"
    r"|\baccess\s+to\s+[^.;]{0,60}?\bfor\s+all\b(?!\s+(?:people|[a-z]+s)\b)"
    # "make this knowledge open to all"
    # (never "available for all local planning authorities": a countable set)
    r"|\b(?:open|available|accessible|free)\s+(?:to|for)\s+all\b(?!\s+(?:(?!the\b)[a-z-]+\s+){0,2}(?:people|[a-z]+s)\b)"
    # "a fair digital society for all Australians", "fairness ... for all people who engage online": who
    # gains, counted by no one
    # ("an accessible pursuit for every Filipino": the same, one by one)
    r"|\bfor\s+all\s+(?=(?:people|persons|humans|humanity|(?-i:[A-Z])[a-z]+ans)\b)"
    r"|\bfor\s+every\s+(?=(?:person|human|(?-i:[A-Z])[a-z]+(?:an|ino|ina|ese|ish))\b)",
    re.IGNORECASE,
)
# "ready to deploy anywhere within 48 hours", "respond to every request within 5 days": a response time is
# a result one can check (the same words are the timeframe's evidence too)
_RESPONSE_TIME = re.compile(
    rf"\b(?:respond|deploy|reply|answer|resolve|acknowledge)\w*\b[^.;]{{0,60}}?\bwithin\s+(?:\d+|{NUMBER_WORDS})\s+"
    r"(?:working\s+|business\s+)?(?:hours|days)\b",
    re.IGNORECASE,
)
# "100 Mha FLR by 2030", "Reduction of 40% of 2010 GHG emissions levels by 2030", "25% forest coverage
# from the total area of the Sudan by 2030": a measured amount due by a deadline is a target with no verb
_MEASURE = re.compile(
    r"(?<![\w.])\d[\d.,]*\s*(?:%|(?:percent|per\s+cent|Mha|Mt|Gt|MW|GW|TWh|GWh|ha|hectares|acres|km|tonnes)\b)",
    re.IGNORECASE,
)
# "from around 60% in 2013", "19.1 percent it stood at in 2021": where things stand, not where they go
_BASELINE_BEFORE = re.compile(r"\bfrom\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_BASELINE_AFTER = re.compile(r"[^.;]{0,20}?\b(?:in|since)\s+(?:19|20)\d\d\b(?!\s*[-–])", re.IGNORECASE)
_DEADLINE = re.compile(r"(?:by|before|until|no\s+later\s+than)\s", re.IGNORECASE)


def _measured_target(statement: str, timeframe: Finding) -> str | None:
    deadline = timeframe.evidence
    at = statement.find(deadline) if deadline and _DEADLINE.match(deadline) else -1
    if at < 0 or tells_the_past(statement, at):
        return None
    for measure in _MEASURE.finditer(statement):
        between = statement[min(measure.end(), at) : max(measure.start(), at)]
        if (
            len(between) <= 150
            and not re.search(r"[.;:]\s", between)
            and not _BASELINE_BEFORE.search(statement, 0, measure.start())
            and not _BASELINE_AFTER.match(statement, measure.end())
        ):
            return statement[min(measure.start(), at) : max(measure.end(), at)].strip(" ,;.")
    return None


_FRONTED_DEADLINE = re.compile(r"^(?:by|before|within|until)\s[^,]{1,40},\s*", re.I)
# What "every" or a number is attached to when it counts no result: an opportunity or an ability ("every
# child should have the opportunity to develop ...", "ensure that every child is able to develop ..."),
# an age range that defines a group ("children ages 0 to 8"), and a present activity told in passing
# ("provides housing, serving 6,000 residents each year")
_NO_COUNTED_RESULT = re.compile(
    r"\b(?:every|all|each)(?:one|body)?\b[^.;]{0,100}?\b(?:(?:should|will|can|could|would|must|to)\s+)?"
    # ("ensure all children ... have the freedom and opportunity to play")
    # ("every woman ... has the knowledge, resources, and power to shape her own life")
    r"(?:have|has|get|gets|be\s+given|are\s+given|is\s+given)\s+(?:the|an?|equal|fair)\s+(?:[\w-]+,?\s+){0,4}?"
    r"(?:opportunit(?:y|ies)|chances?|possibilit(?:y|ies)|freedom|power|abilit(?:y|ies)|agency|confidence)\s+to\b"
    r"|\b(?:every|all|each)(?:one|body)?\b[^.;]{0,60}?\b(?:is|are|be|being|will\s+be)\s+able\s+to\b"
    # "ensure every household can afford to live in a warm home": an ability, nothing counted
    r"|\b(?:everyone|everybody|anyone|anybody|(?:every|each)\s+[\w-]+|all\s+[\w-]+)\s+can\b"
    # "learn from each other", "projects that matter to all of us": pronouns, nothing counted
    r"|\beach\s+other\b|\ball\s+of\s+(?:us|them|you)\b"
    # "Increase educational opportunities for all Promise Zone students": more chances, nothing counted
    r"|\bopportunit(?:y|ies)\s+for\s+(?:all|every|each)\b"
    # "the best possible start in life": a superlative, no amount
    # ("every child has the best possible start in life")
    r"|\b(?:(?:every|all|each)\s+[\w-]+\s+(?:has|have|gets?)\s+)?the\s+best\s+possible\s+[\w-]+"
    # "to play every day": how often, no amount
    r"|\bevery\s+(?:day|week|month|year|morning|evening|night)\b"
    # "Sepsis, which claims 48,000 lives in the UK every year", "conditions that affect millions of
    # Americans": the problem's size now, no target
    r"|\b(?:which|that)\s+(?:claim|kill|affect|cost|take)s?\s+[^.;]{0,60}"
    r"|\b(?:ages?|aged)\s+\d+\s*(?:[-–]|to|through)\s*\d+\b|\bevery\s+opportunity\b"
    # "a 12-month incubator": how long, no amount reached
    rf"|\b(?:\d+|{NUMBER_WORDS})-(?:month|year|week|day)(?:-long)?\b"
    # "gives land owners the chance to create a woodland, less than 1 hectare in size": a chance offered
    r"|\b(?:the|a)\s+(?:chance|opportunity)\s+to\b[^.;]{0,80}"
    # "bring together 53 partners from 19 countries": who the body is made of, no result
    rf"|\bbring\w*\s+together\s+(?:more\s+than\s+|over\s+|some\s+)?(?:\d[\d,]*|{NUMBER_WORDS}|(?:one\s+)?hundreds?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:partners|members|organi[sz]ations|institutions|stakeholders|countries)\b"
    r"(?:\s+from\s+\d+\s+countries)?"
    # "trust, which was at 49% in 2023": a baseline, no target
    r"|\b(?:which|that)\s+(?:was|were|stood)\s+(?:at\s+)?\d[\d.,]*\s*(?:%|percent|per\s+cent)"
    r"|,\s+serving\s+(?:over\s+|more\s+than\s+|about\s+|nearly\s+|some\s+)?[\d,]+\s+(?:[\w-]+\s+){0,4}?"
    r"(?:each|every|per|a)\s+(?:year|month|week)\b"
    # "Provides free books to low-income families, 225 million so far": a count of what is done already
    rf"|\b(?:\d[\d,.]*|{NUMBER_WORDS})(?:\s+(?:million|billion|thousand))?\s+(?:[\w-]+\s+){{0,3}}?(?:so\s+far|to\s+date)\b"
    # "We provide descriptive records for over 1.8 million cultural heritage items", "connects nearly 700
    # organizations": what the body does now, told with its size (never "to provide" or "will provide")
    r"|(?<!\bto\s)(?<!\bwill\s)\b(?:provides?|connects?|serves?|supports?|brings?\s+together|links?|represents?|"
    r"hosts?|holds?|reaches|unites?|gathers?)\s+[^.;]{0,60}?\b(?:over|more\s+than|nearly|almost|some)\s+"
    r"\d[\d,.]*(?:\s+(?:million|billion|thousand))?"
    # "Currently, only around 20% of Computer Science majors are women": how things stand now, no target
    # (never "Currently, the Task Force has plans to ...": a plan told in the present)
    r"|\b(?:currently|presently|at\s+present|today),\s+"
    r"(?![^.;]*\b(?:plans?|will|aims?|goals?|targets?|intends?|seeks?|hopes?|wants?)\b)[^.;]*"
    # "in a few months": a vague time (no timeframe either), no amount
    r"|\b(?:in|within|over|during)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:a\s+few|several)\s+"
    r"(?:days|weeks|months|years)\b",
    re.IGNORECASE,
)


def find_outcome(statement: str, timeframe: Finding, population: Finding) -> Finding:
    """A measurable change (a concrete verb with a quantity, or an end state), a list of targets with
    a quantity, or a concrete output (one named or exactly described artefact)."""
    text = _without_non_targets(statement, timeframe, population)
    if not timeframe.met:  # "every child can have access to stories": access with no date counts nothing
        text = _ACCESS_FOR_ALL.sub(lambda m: " " * len(m.group(0)), text)
    for found in (
        _quantified_change(text, statement),
        _end_state(statement),
        _listed_target(text, statement),
        _NAMED_TARGETS.search(statement),
        _deliverable(statement),
        _IS_ARTEFACT.search(statement),
        _NAMED_OUTPUT.search(statement),
        _CHANGE_NOUN.search(statement),
        _HOW_TO_SPECIFY.search(statement),
        _planned_count(text, statement),
        _target_wording(text, statement),
        _RESPONSE_TIME.search(statement),
        _measured_target(statement, timeframe),
    ):
        if isinstance(found, re.Match):  # a fronted deadline is the timeframe's evidence, not the outcome's
            return Finding(True, _FRONTED_DEADLINE.sub("", found.group(0).strip(" ,;.").strip()))
        if isinstance(found, str):
            return Finding(True, found)
    return Finding(False, None)


# "support all pharmacies in the delivery of the Community Pharmacy Contractual Framework": others deliver it
_OTHERS_MAKE_BEFORE = re.compile(
    # (an object between: "Aid in the creation of a baseline" is the body's own work)
    r"\b(?:support|assist|help|aid|enabl)\w*\s+(?!in\b|with\b)\w[^.;]{0,80}?\b(?:in|with)\s+(?:the\s+|their\s+)?$"
    # "it can be used by anyone to create a map of their stories": what users make with the body's tool
    r"|\b(?:can|could|may)\s+be\s+used\s+(?:by\s+[\w -]{1,40}?\s+)?to\s+$"
    # "providing the means to create a wildfire early detection system": what others build with its means
    r"|\b(?:the\s+)?(?:means|tools|resources|ability|capacity|know-how)\s+to\s+$",
    re.IGNORECASE,
)


_DOCUMENT_SUBJECT = re.compile(
    r"\b(?:regulation|directive|law|act|guide|standard|specification|charter|policy|strategy|treaty)\s+$",
    re.IGNORECASE,
)
# "maintaining and developing the infrastructure": upkeep of what exists
_UPKEEP_BEFORE = re.compile(r"\bmaintain(?:s|ing)?\s+and\s+$", re.IGNORECASE)
_MADE_ALREADY = re.compile(
    r"(?:established|created|developed|built|launched|designed|produced|published)\b", re.IGNORECASE
)
_SOCIETAL_SYSTEM = re.compile(
    r"\b(?:food|health|healthcare|care|education|energy|justice|economic|political|social)\s+systems?$", re.I
)
_STILL_TO_MAKE_BEFORE = re.compile(r"\b(?:will|shall|to|must|should)\s+(?:have\s+)?(?:be(?:en)?\s+)?$", re.I)


def _deliverable(statement: str) -> re.Match[str] | None:
    """The first artefact the body itself makes, never one it helps others deliver."""
    for found in _DELIVERABLE.finditer(statement):
        before = statement[max(0, found.start() - 120) : found.start()]
        if _OTHERS_MAKE_BEFORE.search(before):
            continue
        if _UPKEEP_BEFORE.search(before) and not re.search(r"\s(?-i:[A-Z])", found.group(0)):
            continue  # (but "maintain and develop the Portable Network Graphics specification" names one)
        if _DOCUMENT_SUBJECT.search(before):
            continue  # "The EHDS regulation defines a framework to: ...": what a document does, no result
        if _SOCIETAL_SYSTEM.search(found.group(0)):
            continue  # "build a food system that benefits our communities": how society works, no artefact
        if _MADE_ALREADY.match(found.group(0)) and not _STILL_TO_MAKE_BEFORE.search(before):
            continue  # "We hence established a biodiversity database": made already, no result to reach
        return found
    return None


def _without_non_targets(statement: str, timeframe: Finding, population: Finding) -> str:
    """`statement` with what only looks like a target blanked out (same length, so spans still match):
    the deadline, a population with a number ("Route 9"), identifiers ("No. 1060"), "all members"."""
    text = statement
    for evidence in (timeframe.evidence, population.evidence if _has_digit(population) else None):
        if evidence:
            text = text.replace(evidence, " " * len(evidence))
    blanked = (
        _NOT_AN_OUTCOME_AFTER_RAISE,
        _NOT_TARGETS,
        _IDENTIFIER,
        _CODE,
        _ENUMERATOR,
        _PRONOUN_ONE,
        _DIRECTION,
        _NO_COUNTED_RESULT,
    )
    for pattern in blanked:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)


# "Building on the successful first 10": what the work rests on, nothing built
_BUILD_ON = re.compile(r"build(?:s|ing)?\s+(?:on|upon)\b", re.IGNORECASE)


def _adjective(text: str, verb: re.Match[str]) -> bool:
    bare = verb.group(0).lower() in CONCRETE_VERBS
    return bare and bool(_ARTICLE_BEFORE.search(text[: verb.start()]))


_PASSIVE_PAST_BEFORE = re.compile(r"\b(?:was|were|had\s+been)\s+$", re.IGNORECASE)


def _quantified_change(text: str, statement: str) -> re.Match[str] | str | None:
    # ("an open internet": a verb's bare form straight after an article is an adjective or a noun)
    verbs = [
        v
        for v in _CONCRETE.finditer(text)
        if not _is_noun(text, v)
        and not _adjective(text, v)
        and not _BUILD_ON.match(text, v.start())
        and text[v.start() - 1 : v.start()] != "-"  # "decision-making": a compound noun
        and not _PASSIVE_PAST_BEFORE.search(text, 0, v.start())  # "funding was provided by a charity"
        and not _ing_noun(text, v)  # "the housing plan", "build new housing for all"
        and not _name_word(text, v)  # "Service Connect is a service model", "Open Assistant is a project"
        and not _MAKERS_AFTER.match(text, v.end())  # "manuscripts created by thousands of men and women"
    ]
    state = _STATE_RESULT.search(text)
    if not verbs and state:
        return statement[state.start() : state.end()].strip()
    for verb in verbs:
        clause_end = _clause_end(text, verb.end())
        near = text[verb.start() : min(clause_end, verb.start() + 120)]
        # (a percentage may stand further along a long clause: "Increase the number of clients ... by 10%")
        further = text[verb.start() : min(clause_end, verb.start() + 200)]
        if _QUANTITY.search(near) or _PERCENT.search(further) or state:
            return statement[verb.start() : clause_end].strip(" ,;.").strip()
    return None


_PERCENT = re.compile(r"(?<![\w.])\d[\d.,]*\s*(?:%|percent|per\s+cent)", re.IGNORECASE)
# "manuscripts created by thousands of men and women": a past participle with its makers counted, nothing
# to do
_MAKERS_AFTER = re.compile(
    r"(?<=ed)\s+by\s+(?:(?:over|more\s+than|some|about|nearly|tens\s+of)\s+)?"
    r"(?:thousands|hundreds|millions|dozens)\s+of\b",
    re.IGNORECASE,
)
# an -ing form after an article or an adjective, with no object after it, is a noun: "the housing plan",
# "build new housing for all income levels" (never "for housing 500 families": a verb with its object)
_ING_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|new|affordable|more|our|their|its|public|social|supportive|safe|decent|regional|local)\s+$",
    re.IGNORECASE,
)
_OBJECT_AFTER = re.compile(r"\s+(?:the|a|an|our|their|its|more|at\s+least|up\s+to|over|\d)", re.IGNORECASE)


# "Service Connect is ...": a capitalised verb after a capitalised word (not the sentence's first) is a
# word of a name; "Open Assistant is a project": so is a first word followed by capitalised words and a verb
_NAME_WORD_BEFORE = re.compile(r"(?<![.:;!?]\s)(?<!^)\b(?-i:[A-Z])[\w-]*\s+$")
_NAME_SUBJECT_AFTER = re.compile(r"(?:\s+(?-i:[A-Z])[\w-]*){1,3}\s+(?:is|are|was|has|will|aims|seeks)\b")


def _name_word(text: str, verb: re.Match[str]) -> bool:
    # ("the Terra Carta Accelerator Fund with a target of £100 million": a fund's name with its size is
    # the amount to raise, so "Fund" stays a verb's match)
    if not verb.group(0)[0].isupper() or verb.group(0).lower().startswith("fund"):
        return False
    before = text[max(0, verb.start() - 40) : verb.start()]
    at_start = not text[: verb.start()].strip()
    if at_start:
        return bool(_NAME_SUBJECT_AFTER.match(text, verb.end()))
    return bool(_NAME_WORD_BEFORE.search(before)) and not before.rstrip().endswith(":")


def _ing_noun(text: str, verb: re.Match[str]) -> bool:
    return (
        verb.group(0).lower().endswith("ing")
        and bool(_ING_NOUN_BEFORE.search(text, 0, verb.start()))
        and not _OBJECT_AFTER.match(text, verb.end())
    )


def _planned_count(text: str, statement: str) -> str | None:
    plan = _PLAN.search(text) or _IMPERATIVE_GOAL.match(text)
    if not plan:
        return None
    end = _clause_end(text, plan.end())
    count = _COUNT.search(text, plan.end(), end)
    return statement[plan.end() : count.end()].strip(" ,;.") if count else None


def _target_wording(text: str, statement: str) -> str | None:
    for found in _TARGET_WORDING.finditer(text):
        if not tells_the_past(statement, found.start()):
            return statement[found.start() : found.end()].strip(" ,;.")
    return None


_OTHERS_TARGET_BEFORE = re.compile(r"\btowards?\s+(?:the\s+)?[\w-]+['’]s\s+$")


# "champion solutions and tools to prevent, treat, control, and eliminate them": what the tools do,
# in a list of what they are for, not the body's own result
_TOOLS_DO_BEFORE = re.compile(
    r"\b(?:solutions|tools|technologies|interventions|innovations|medicines|vaccines|treatments|products)"
    r"(?:\s+and\s+[\w-]+)?\s+to\s+(?:[\w-]+,\s+){1,5}(?:and\s+)?$",
    re.IGNORECASE,
)


def _end_state(statement: str) -> str | None:
    """ "end hunger", "halt deforestation", "eliminating fatalities": a result with no number needed."""
    for verb in _END_STATE.finditer(statement):
        # "contribute towards Defra's net zero target": a direction, someone else's target
        before = statement[max(0, verb.start() - 40) : verb.start()]
        if re.match(r"net", verb.group(0), re.I) and _OTHERS_TARGET_BEFORE.search(before):
            continue
        if _TOOLS_DO_BEFORE.search(statement[max(0, verb.start() - 120) : verb.start()]):
            continue
        if not _is_noun(statement, verb):
            return statement[verb.start() : _clause_end(statement, verb.end())].strip(" ,;.").strip()
    return None


def _listed_target(text: str, statement: str) -> str | None:
    lead = _TARGETS_LEAD.search(statement)
    if not lead:
        return None
    end = _clause_end(text, lead.end())
    return statement[lead.end() : end].strip(" ,;.") if _QUANTITY.search(text, lead.end(), end) else None


def _is_noun(text: str, verb: re.Match[str]) -> bool:
    # ("The initial funding for AutSPACEs was provided by ...": a gerund as the subject)
    after = r"\s+of\b" if not verb.group(0).lower().endswith("ing") else r"\s+(?:of|for|from|was|is|has)\b"
    return bool(_NOUN_BEFORE.search(text[: verb.start()]) and re.match(after, text[verb.end() :]))


def _has_digit(finding: Finding) -> bool:
    return bool(finding.evidence and re.search(r"\d", finding.evidence))


def vague_verbs(statement: str) -> list[str]:
    lowered = statement.lower()
    # match inflections too: promote → promoting, foster → fostered
    return [v for v in VAGUE_VERBS if re.search(rf"\b{re.escape(v.removesuffix('e'))}\w*", lowered)]


def vague_groups(statement: str) -> list[str]:
    found = _VAGUE_GROUPS.finditer(statement)
    return sorted({m.group(0).lower() for m in found if not is_determiner(statement, m)})


def is_determiner(statement: str, match: re.Match[str]) -> bool:
    """ "all countries", "all TTS products": "all" before a word qualifies it, it names no group."""
    return match.group(0).lower() == "all" and bool(re.match(r"\s+(?:of\s+)?[\w(]", statement[match.end() :]))


def _clause_end(text: str, start: int) -> int:
    match = re.compile(r"[.;]\s|[.;]$| through | so that | while ").search(text, start)
    return match.start() if match else len(text)
