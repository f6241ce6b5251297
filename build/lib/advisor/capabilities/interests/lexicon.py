"""The domain vocabulary of the interests matcher: concept families and words that carry no need.

A concept is a family of phrasings that coalition work uses for one need or one group ("stay in
the neighbourhood", "displacement", "eviction"). They are general to the field, not to any roster:
they stand in for links a small embedding model misses. Add a family, or a phrasing to one, when a
real roster shows a miss; keep each pattern specific enough not to fire on unrelated text.
"""

from __future__ import annotations

# Families of phrasings for one need or one group, common across coalition work.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "housing stability": (
        r"\bevict",
        r"\bdisplac",
        r"\bgentrif",
        r"\bhomeless",
        r"\bunhoused\b",
        r"\bunsheltered\b",
        r"\bsleep(?:ing|s)? (?:on the streets?|outside|rough)\b",
        r"\b(?:stay|stays|staying|remain|remaining)\b(?:\s+\w+){0,2}\s+(?:homes?|housing|neighbou?rhoods?|apartments?)\b",
        r"\blos(?:e|es|ing|t)\s+(?:(?:their|a|our|his|her|the)\s+)?homes?\b",
        r"\brent(?:al)?\s+(?:assistance|aid|relief|help|subsid\w*)",
        r"\baffordable\s+(?:homes?|housing|apartments?|units?|rents?)\b",
        r"\btenant protections?\b",
        r"\bhousing (?:stability|security|insecurity)\b",
    ),
    "legal help": (
        r"\blawyers?\b",
        r"\battorneys?\b",
        r"\blegal (?:aid|help|representation|services)\b",
        r"\bcounsel\b",
        r"\beviction defen[cs]e\b",
    ),
    "food access": (
        r"\bfood\b",
        r"\bhunger\b",
        r"\bhungry\b",
        r"\bmeals?\b",
        r"\bbreakfast\b",
        r"\blunch\b",
        r"\bpantr(?:y|ies)\b",
        r"\bgrocer",
        r"\bsnap\b",
        r"\bwic\b",
    ),
    "fresh produce": (r"\bfruits?\b", r"\bvegetables?\b", r"\bveggies\b", r"\bproduce\b", r"\bfresh food\b"),
    "walking": (r"\bpedestrians?\b", r"\bwalk(?:s|ing|ers|able)?\b", r"\bsidewalks?\b", r"\bcrosswalks?\b"),
    "cycling": (r"\bcyclists?\b", r"\bbik(?:e|es|ing)\b", r"\bbicycl", r"\bcycling\b"),
    "road safety": (
        r"\bcrash",
        r"\bcollisions?\b",
        r"\btraffic (?:violence|deaths?|injur\w*|fatalit\w*)",
        r"\bhit by (?:a )?(?:cars?|drivers?|vehicles?)\b",
        r"\brun over\b",
        r"\bspeed(?:ing|s)?\b",
        r"\bvision zero\b",
        r"\btraffic calming\b",
        r"\braised (?:crossings?|crosswalks?|intersections?)\b",
        r"\bcurb extensions?\b",
        r"\bprotected bike lanes?\b",
        r"\b(?:roads?|streets?|intersections?|crossings?|routes?)\b(?:\s+\w+){0,2}\s+safe(?:ty|r|ly)?\b",
        r"\bsafe(?:ty|r|ly)?\b(?:\s+\w+){0,2}\s+(?:roads?|streets?|intersections?|crossings?|routes?)\b",
    ),
    "older adults": (
        r"\bseniors?\b",
        r"\bolder (?:adults?|people|residents)\b",
        r"\belderly\b",
        r"\baging\b",
    ),
    "children": (
        r"\bchild(?:ren)?\b",
        r"\bkids?\b",
        r"\bstudents?\b",
        r"\byouth\b",
        r"\byoung people\b",
        r"\bteen(?:s|agers?)?\b",
        r"\bpupils?\b",
    ),
    "air quality": (
        r"\bair (?:quality|pollution)\b",
        r"\bclean(?:er)? air\b",
        r"\bemissions?\b",
        r"\bpollut",
        r"\basthma\b",
        r"\bdiesel\b",
        r"\bsmog\b",
    ),
    "heat": (
        r"\bheat",
        r"\bcool(?:ing)?\b",
        r"\bair[- ]condition",
        r"\bscorching\b",
        r"\bhot (?:days|weather|nights|afternoons)\b",
        r"\bextreme temperatures?\b",
    ),
    "health care": (
        r"\bhealth ?care\b",
        r"\bclinics?\b",
        r"\bhospitals?\b",
        r"\bdoctors?\b",
        r"\bnurses?\b",
        r"\bmedical\b",
        r"\bambulances?\b",
        r"\bparamedics?\b",
        r"\bphysicians?\b",
    ),
    "work": (
        r"\bjobs?\b",
        r"\bemploy",
        r"\bwages?\b",
        r"\bpay(?:check|cheque)s?\b",
        r"\bworkers?\b",
        r"\bworkforce\b",
        r"\bapprentic",
    ),
    "childcare": (
        r"\bchild ?care\b",
        r"\bday ?care\b",
        r"\bpre-?school",
        r"\bpre-?k\b",
        r"\bnurser(?:y|ies)\b",
    ),
    "literacy": (r"\bread(?:ing|ers?)?\b", r"\bliteracy\b", r"\btutor", r"\bgrade level\b"),
    "substance use": (r"\boverdos", r"\bnaloxone\b", r"\bnarcan\b", r"\baddiction", r"\bsubstance use\b"),
    "disability": (r"\bdisab", r"\bwheelchairs?\b", r"\baccessib", r"\bblind\b", r"\bdeaf\b"),
    "language access": (
        r"\bimmigrant",
        r"\brefugee",
        r"\binterpret",
        r"\btranslat",
        r"\blanguage access\b",
        r"\blimited english\b",
    ),
    "public transit": (r"\bbus(?:es)?\b", r"\btransit\b", r"\bsubway\b", r"\bfares?\b"),
}

# Concepts that say who rather than what: sharing one says two texts concern the same people, not
# that one serves the other's need, so it counts like a shared word.
POPULATION_CONCEPTS = frozenset({"children", "older adults"})

# Words that carry no need of their own: function words, amounts and comparisons, and the
# generic words for people and organisations that every roster uses.
STOPWORDS = frozenset(
    word
    for line in """
    a an and are as at be been being but by can could do does for from has have if in into is it its
    no not of off on onto or our over so such than that the their them then there these they this those
    to too up was we were what when where which while who whom whose will with within without would
    during before after through throughout among between about across around near next
    able all any each every few fewer less more most much many new other same some very whole enough
    get getting make making need needs want wants better best good greater higher lower
    people person persons residents resident households household families family members member
    community communities group groups everyone anyone someone
    association council department foundation coalition network collective services service agency
    center centre alliance partnership committee organization organisation society office inc city county
    """.splitlines()
    for word in line.split()
)
