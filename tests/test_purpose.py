"""Purpose check: per-criterion accuracy on the labelled set, and the JSON contract."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from typer.testing import CliRunner

from advisor.capabilities.purpose.check import CRITERIA, check_purpose
from advisor.cli.main import app
from advisor.text.language import NOT_ENGLISH_STATEMENT

LABELLED = Path(__file__).resolve().parents[1] / "evals" / "data" / "purpose_statements.yaml"


def test_accuracy_per_criterion_on_labelled_statements() -> None:
    cases = yaml.safe_load(LABELLED.read_text())
    assert len(cases) >= 40
    correct = dict.fromkeys(CRITERIA, 0)
    for case in cases:
        result = check_purpose(case["statement"])
        for name in CRITERIA:
            correct[name] += result.criteria[name].met == case[name]
            if result.criteria[name].met:
                assert result.criteria[name].evidence in case["statement"]
    accuracy = {name: correct[name] / len(cases) for name in CRITERIA}
    print(f"\npurpose criteria accuracy on {len(cases)} statements: {accuracy}")
    assert all(value >= 0.9 for value in accuracy.values()), accuracy


def test_vague_statement_gets_specific_suggestions_and_a_rewrite() -> None:
    result = check_purpose("We promote health and wellness for the community.")
    assert result.score == 10
    assert not any(c.met for c in result.criteria.values())
    assert "'promote health and wellness' names an activity" in result.suggestions[0]
    assert "'the community' is too broad" in result.suggestions[1]
    # the rewrite is the user's own sentence, with a [slot] only for each missing fact
    assert result.rewrite == (
        "Promote health and wellness for [a defined group or place, not 'the community'], reaching "
        "[a result you can count, e.g. 30% fewer X] by [year]."
    )


def test_the_rewrite_asks_to_define_the_group_the_goal_is_for() -> None:
    """The vague group after "for" is the one to define, not the first vague words ("our community")."""
    rewrite = check_purpose("We want to make our community a better and safer place for everyone.").rewrite
    assert rewrite and "for [a defined group or place, not 'everyone']" in rewrite, rewrite


def test_a_rewrite_keeps_the_users_outcome_words_and_facts() -> None:
    cases = {
        "We want to make streets safer in Riverside soon.": ["make streets safer in Riverside", "by [year]"],
        "Our mission is to develop and maintain a robust data standard for solid biomass.": [
            "Develop and maintain a robust data standard for solid biomass"
        ],
        "2030 targets: Deploy 60,000 EV charging points nationwide": [
            "By 2030, deploy 60,000 EV charging points"
        ],
        # a wish is rewritten as the result it asks for, in its own words
        "We want fewer kids in Pinecrest County ending up in the ER with asthma attacks.": [
            "Cut the number of kids in Pinecrest County ending up in the ER with asthma attacks",
            "by [year]",
        ],
    }
    for statement, kept in cases.items():
        rewrite = check_purpose(statement).rewrite or ""
        assert all(words.lower() in rewrite.lower() for words in kept), rewrite
        assert "[measurable result" not in rewrite and ". " not in re.sub(r"\[[^\]]*\]", "", rewrite), rewrite
    # a vague time is replaced, not kept beside the slot
    assert "soon" not in (check_purpose("Make streets safer in Riverside soon.").rewrite or "")


def test_suggestions_quote_the_vague_phrases_used() -> None:
    tips = " ".join(check_purpose("We want streets to get safer soon, for everyone.").suggestions)
    assert "'safer'" in tips and "'soon' is not a deadline" in tips and "'everyone' is too broad" in tips


def test_strong_statement_scores_full_marks_with_evidence() -> None:
    result = check_purpose("Within 24 months, every child in Harbor County will have a dental check-up.")
    assert result.score == 100 and result.rewrite is None
    assert result.criteria["timeframe"].evidence == "Within 24 months"
    assert result.criteria["population"].evidence == "every child in Harbor County"


def test_cli_json_contract() -> None:
    result = CliRunner().invoke(app, ["purpose", "check", "Halve evictions in Eastside by 2028.", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"statement", "score", "criteria", "suggestions", "rewrite"}
    assert set(data["criteria"]) == {"outcome", "population", "timeframe"}
    assert all(set(c) == {"met", "evidence"} for c in data["criteria"].values())
    assert data["score"] == 100


def test_cli_human_output_shows_placeholders_literally() -> None:
    result = CliRunner().invoke(app, ["purpose", "check", "Promote cycling in the city of Riverside."])
    assert result.exit_code == 0
    assert (
        "Promote cycling in the city of Riverside, reaching [a result you can count, e.g. 30% fewer X] "
        "by [year]." in " ".join(result.output.split())
    )


def test_criteria_in_the_ways_real_statements_put_them() -> None:
    met = {
        "timeframe": [
            "It is a five-year initiative that will bring clean water to every village in the valley.",
            "Throughout 2027, the network will train volunteers in every branch.",
            "Focus areas in 2026 Grow membership among rural libraries.",
            "The consortium aims to map every wetland in the basin over a period of ten years.",
            "The toolkit should be published by the end of CY 2027.",
            "We hope to have the first pilot running by Harvest Festival 2027.",
            "The shared referral form is planned for Q3 of 2027.",
            "The goal this year is to open two more pantries.",
            "Response teams deploy within 48 hours of a partner's request.",
            "Not later than March 1, 2028, the board shall publish its first flood report.",
            "Not later than 90 days after the compact is signed, the partners shall name a chair.",
            "By 30 June 2028, every partner clinic uses the shared intake form.",
            "The alliance commits to publishing its first food-access report in early 2028.",
            "During Fiscal Year 2027 the county commits to funding two more mobile pantries.",
            "The Pantry Fund will be launched in 2027 to back new delivery routes.",
            "Healthy Harbour is a 4-year, multi-partner project to restore the estuary's oyster beds.",
            "The group's objectives for the first three months of 2027: launch the shared intake form.",
            "The first round of grants for the Fund's first year.",
            "We plan to retire the old referral form by the July release.",
            "Milestone 2 – 2027/03/31 Shared intake form live in every partner clinic.",
            "The council is investing £5 million during this parliament in school meals.",
            "The shared intake form must be live by the end of the Willow release.",
            "The plan sets out a 10-year vision for how the county will feed every child.",
        ],
        "outcome": [
            "The working group will deliver the following: a shared intake form and a referral protocol.",
            "95% of partner clinics in the county are connected to the referral system.",
            "A smoke-free county by 2030.",
            "The alliance works towards a fossil-free transport system in Leeds.",
            "Over three years the network will work with six partner districts on school meals.",
            "Next spring we will launch a referral app for the county's food banks.",
            "The coalition wants to close the attainment gap for pupils on free school meals.",
            "Objective 2: Recruit at least 40 volunteer drivers for the Saturday routes.",
            "Key Result 1.3: Publish quarterly data dashboard of pantry visits",
            "The partners are committing $2 million in grants to rural clinics.",
            "Release 2.0 of the intake schema is due next spring.",
            "The alliance aims to limit warming in the region to below 1.5°C.",
            "The group is working on a shared intake protocol. The protocol will be published next year.",
            "Expected deliverables: a county map of cooling centres.",
            "The partners shall carry out an annual survey of river birds.",
            "We are building the Pantry-in-a-Crate - a small, cheap shelf that keeps food dry for a week.",
            "The partners are responsible for: drafting and maintaining the Referral Principles and notes.",
            "Partner with 40 clinics in the valley.",
            "The county's shared referral form will be rolled out nationally by 2029.",
            "Provide access to an up-to-date, public database of pantry opening hours.",
            "We are scoping and designing a “Pantry Passport” for families who move between towns.",
            "Our aim is to standardise all our intake forms.",
            "We multiply every grant by a factor of three through matched funding.",
            "The working group will define and maintain a shared taxonomy of pantry services.",
            "The following artifacts will be created in the group's repository: Index of partner pantries",
            "The county will also complete an analysis to find the streets with no food shop.",
            "By June 2028, all partner clinics will adopt the shared intake form.",
            "The scheme phases out the fee for small pantries by 2029.",
            "Our mission is to index all food banks in the county and list their hours.",
            "The council shall establish a neighbourhood grants program for tree planting.",
            "The network will draft jointly a regional food strategy and a delivery plan.",
            "We aim to standardize how pantries record the visits of each household.",
            "We want referrals to flow through a new shared format called PantryLink.",
            "The alliance is developing the Open Referral Exchange (OREX) for clinics.",
            "Spring 2027: v2.0 of the intake schema for partner clinics.",
            "The Pantry Map: A searchable online map of every food pantry in the county.",
            "The working group will provide a proof of concept of the shared referral exchange.",
            "The intake schema will eventually be ratified as a regional data standard.",
            "The county commits to adopt 4 recommendations from the food-access review.",
            "The network will modernise its pantry app, enabling over 1.5 million residents to order online.",
            "By June 2027, the agency will process 90% of pantry applications within 30 days.",
            "We aim to develop and test the first version of a shared intake checklist by 2027.",
            "A first stable version of the Regional Referral Standard is planned for March 2028.",
            "Define and maintain the requirements for the shared intake system.",
            "The library will launch a new site with better search for meal programmes.",
            "The council provides a public directory of food pantries open on weekends.",
            "The project has a mission to improve reading for 20,000 children across Kent.",
            "The board is chartered to standardize the Regional Bill of Materials specification.",
            "Announce the final pre-2.0 version of the referral schema for review.",
            "Fit the whole referral app in 15MB so that it runs on old phones.",
            "The task of the network is to design, develop, and evaluate a referral app for rural clinics.",
            "The product of Phase 1 will be the Harbor Pantry Finder web application.",
            "Our goal is a world without preventable asthma deaths in the valley.",
            "We started the reading circles so every child could learn to read before age nine.",
            "Our mission is to see a library card in every child's hand.",
            "The volunteer crews are ready to deploy anywhere in the county within 24 hours.",
        ],
        "population": [
            "We provide legal help to people facing eviction.",
            "The network supports higher education institutions with shared tools.",
            "The hub connects public health practitioners across the region.",
            "The circle offers mentoring and a meeting place for women in trade unions.",
            "We support teachers, who often work alone, with shared lesson plans.",
            "A forum for individuals across the logistics industry to agree shared data formats.",
            "The network mentors young people of color who want to work in conservation.",
            "Cities joining the Clean Air Compact publish their monitoring data each month.",
            "We fund repair cafés in Leeds and Bradford.",
            "The clinic network improves the health of racial and ethnic minority populations.",
            "The course trains county public health officials in outbreak response.",
            "The toolkit lets researchers within the field of marine biology share survey data.",
            "We organise food growers in The Netherlands.",
            "The clinics serve individuals with long-term mental illness and their carers.",
            "The helpline answers calls from Veterans and their families.",
            "The fund backs Latin American and Caribbean farmer cooperatives.",
            "The map serves tenants, organisers and small businesses that cannot afford commercial data.",
            "The hub gives municipalities shared tools for flood planning.",
            "The toolkit serves planners, engineers seeking to model river flooding, and insurers.",
            "The guide helps voters find their polling place.",
            "The platform serves users from planning, housing and public works teams.",
            "We help Californians find free legal advice.",
            "The fund focuses its grants on the world's poorest countries.",
            "The group improves the intake app for Chinese users.",
            "We help Hispanic and Latinx folks get the care they deserve.",
            "A shared workshop space for electronics designers at rural research facilities.",
            "Shared maps will reduce the burden on flood data users.",
            "The campaign tracks eviction filings in DC.",
            "We especially encourage contributions from food banks in the Global South to widen our view.",
            "A paid apprenticeship for unemployed or underemployed folks in the trades.",
            "The best field guide for anyone using maps to plan flood defences.",
            "Transit agencies should publish their timetables as open data.",
            "The fund opens pathways for young talent to join the river survey.",
            "Extend the guides with a chapter for open source consumers.",
            "The centre gives advice for the benefit of the residents of Oak Hollow and nearby villages.",
            "Monitor seagrass to protect Harbor Bay for the next generation.",
            "Support the growth of a diverse community of Python programmers.",
            "Job coaching for disability benefit recipients age 18 through 64 who want to work.",
            "We help protect firefighters from the smoke they breathe.",
            "The fund brings in the next thousand Julia users.",
            "Map the services most used within financial service institutions.",
            "The alliance brings together returning citizens and housing providers.",
        ],
    }
    for criterion, statements in met.items():
        for statement in statements:
            assert check_purpose(statement).criteria[criterion].met, (criterion, statement)
    not_met = {
        "outcome": [
            "To this end, the council supports community projects and shares what works.",
            "The network shares lessons learned during the COVID-19 pandemic with its members.",
            "We coordinate end-to-end open data pipelines for the sector.",
            "Greenfield Labs is a non-profit product lab focused on cleaner air.",
            "The Harbour Framework 2015-2030 outlines seven clear targets for the estuary.",
            "We aim to make all local council meeting information truly accessible to residents.",
            "The hub brings together food pantries under the county's emergency plan.",
            "The network cuts waiting times in Million Hearts clinics.",
            "Food banks and others all support the referral form but can be slow to share it.",
            "The partners will establish the Regional Food Council (RFC) to coordinate pantries.",
            "Reduce hunger in the county through: 1) shared referrals; 2) pooled data; 3) joint training.",
            "The network will open its data under a licence like the one the city uses.",
            "Our programme helps clubs cut energy use and move towards net zero.",
            "Pantry Finder is an online platform that helps families locate food banks.",
            "Now every family can have access to the county's recipes online.",  # access, no date
            "The network works to ensure all residents are able to access the shared food map.",
            "The Seed Fund provides up to $25,000, usually for a single year.",  # a grant's size
            "The project delivers a complete suite of resources, guidelines and case studies for pantries.",
            "We are building the Food Justice Movement in the county.",
            "Cut waste from the canteen to contribute towards the council's net zero target.",
            "Our goal is to make food data better for all.",
            "We provide the best possible curriculum on food growing for schools.",
            "Develop open, interoperable API solutions in an open process at all times.",
            "Our mission is to help provide energy access for all through shared solar kits.",
            "The fund supports people who contribute to an open internet for all.",
            "The Partnership Grants program provides between $100,000-300,000 per year for up to five years.",
        ],
        "population": [
            "The Standing Committee for Education advises the board on curricula.",
            "We publish open models of river flow in the Cloud.",
            "The partnership improves forecasts across the Harbour Board portfolio.",
            "Members follow the principles of the Bristol Commitment on open data.",
            "Next year the network will apply to become a mentoring organization in Google Summer of Code.",
            "It grew out of the Kyoto & Carbon Initiative and maps wetlands with satellite data.",
            "The lab takes a Silicon Valley approach to building shared data tools.",
            "It is the policy objective of Canada to fund clean water projects abroad.",
            "Our tools are written in Rust and store every record represented in Parquet.",
            "The group steers the adoption of community tools for river data.",
            "We help people live healthier, happier lives through shared allotments.",
            "The council is the central U.S. forum dedicated to open food-data standards.",
            "Improve the quality of documentation across projects in the Rust Ecosystem.",
            "The project shares methods for machine learning in Official Statistics.",  # a discipline
            "The project builds an ecosystem for data analysis in Python.",  # a language
            "We run sign-in through GOV.UK Verify for our pantry partners.",  # a domain name
            "The network supports data work in children's social care.",  # a sector
            "In 2027 the council will write a data-skills workforce development playbook.",
            "This special interest group of Jenkins users meets to share build tips.",  # its own members
        ],
    }
    for criterion, statements in not_met.items():
        for statement in statements:
            assert not check_purpose(statement).criteria[criterion].met, (criterion, statement)


def test_no_timeframe_in_a_time_that_has_no_bound() -> None:
    for statement in (
        "We collect the practices our members have learned over the years into one guide.",
        "We cut the waiting time for a food parcel by half compared to Q1 2025.",  # a baseline
        "The pantry network was launched in 2019 by five churches.",  # when it began
        "The model covers a 3-month to 2-year time period.",  # a span the work covers, no deadline
        "The network prepares farmers for the next decade of climate change.",  # no bound
    ):
        assert not check_purpose(statement).criteria["timeframe"].met, statement


def test_a_pair_of_places_is_kept_whole() -> None:
    for statement, place in (
        ("We work toward a just peace in Israel/Palestine.", "Israel/Palestine"),
        ("Nine youth charities from across Leicester and Leicestershire.", "Leicester and Leicestershire"),
        ("The association represents Residents in the Hale and Ditton areas.", "Hale and Ditton"),
    ):
        evidence = check_purpose(statement).criteria["population"].evidence or ""
        assert evidence.endswith(place), (statement, evidence)


def assert_calls(met: dict[str, list[str]], not_met: dict[str, list[str]]) -> None:
    """Each statement's criterion is met (or not), as listed."""
    for expected, calls in ((True, met), (False, not_met)):
        for criterion, statements in calls.items():
            for statement in statements:
                assert check_purpose(statement).criteria[criterion].met is expected, (criterion, statement)


def test_batch_15_wordings_of_chances_activity_names_and_groups() -> None:
    """What the fifteenth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "We work to ensure everyone in the valley has a warm home to go back to.",  # a thing each holds
            "Our mission: to give every family in Leith a weekly box of fresh food.",
            'Define a referral grammar "pantryfeed" for partner food banks.',  # a thing named in quotes
            "Short term - 6 months Release version 1 of the pantry map.",
            "We anticipate releasing Pantry Link Harvest at the end of June 2027.",  # a named release
            "We are investing £40 million during this parliament in free school meals.",  # money, in pounds
        ],
        "population": [
            "We fund food banks in the greater Leith area.",  # a named area
            "An option for working- and middle-class homeowners nationwide.",  # an economic attribute
        ],
        "timeframe": ["We will open two new pantries in the next decade."],
    }
    not_met = {
        "outcome": [
            "Our vision is that every child in Leith should have the opportunity to cook a healthy meal.",
            "We exist to ensure that every pantry user, whatever their need, is able to choose their food.",
            "Leith Housing provides homes in Leith, serving 3,000 residents each year.",  # activity
            "It provides play and learning programs for children ages 0 to 8, focusing on healthy starts.",
            "We develop software for processing Level 2 and 3 data of the pantry survey.",  # identifiers
            "In 2027 we want to focus on a few key neighbourhoods and support them well.",  # "a few"
        ],
        "timeframe": ["Our goal in the coming years is to expand the reach of the pantry network."],
        "population": ["We make it cheaper for folks interested in growing food to rent a plot."],  # interest
    }
    assert_calls(met, not_met)


def test_batch_16_wordings_of_seats_names_groups_and_compound_outputs() -> None:
    """What the sixteenth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": ["The objective is to create a Summit like supercomputer for the valley's flood models."],
        "population": [
            "Our goal is to support survivors after a traumatic experience in the valley.",
            "The goal is to enhance the cooking skills of FRESH participants.",
            "We restore the water quality of Long Island Sound.",
            "We run a weekly food basket for elderly grandmothers who care for their grandchildren.",
            "We give advice to small agencies on shared data.",
            "The group will help RISC-V implementers of hardware to adopt the format.",
        ],
    }
    not_met = {
        "outcome": [
            "Playtime seeks to create a city that provides every opportunity for children to play.",
            "The network helps its members serve the evolving needs of all end users.",
            "Build benchmark/application suites for measuring the runtimes.",
        ],
        "population": [
            "Reef Gardeners is an NGO based in Moorea, French Polynesia, with a mission to save coral reefs.",
            "The website group's purpose is to build and maintain a public website for the Node.js project.",
        ],
        "timeframe": ["The program will monitor trends in achieving Healthy People 2030 objectives."],
    }
    assert_calls(met, not_met)


def test_batch_17_wordings_of_shares_key_results_chances_and_named_roles() -> None:
    """What the seventeenth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "Early Diagnosis 75% of cases diagnosed at stage 1 or 2 by 2028.",  # a share in a state
            "We believe every child should own ten books. In Leith, that means giving 60,000 free books "
            "to children.",
            "Goals of the group include: Creating an overview of the food support across the city.",
            "Key result: 20 case studies added to our pantry repository",
        ],
        "population": [
            "Ensure annual health checks for people with SMI.",  # a condition's acronym
            "To improve productivity for farming, horticultural and forestry businesses.",
            "Our purpose is to spread practices that empower users, contributors, maintainers and "
            "solution-builders of PantryLink to run secure pantries.",
        ],
        "timeframe": ["The OKRs guiding the pantry network to the end of 2027 are: grow the volunteer base"],
    }
    not_met = {
        "outcome": [
            "Ensure annual health checks for people with SMI to at least nationally set targets.",
            "This funding gives growers the chance to create their own small orchard, less than 1 hectare.",
            "The hub ensures that all public sector pantries—regardless of size or technical expertise—have "
            "equal opportunities to use the shared van.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_18_wordings_of_fiscal_years_dated_metrics_titles_and_qualifiers() -> None:
    """What the eighteenth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "Our 2026/2027 key metrics are: 150 incoming volunteers with 30% women and 40% under 25",
            "The recipes were co-written with growers and the goal is to co-create this Pantry Playbook "
            "with the same growers.",
        ],
        "population": [
            "Close the pantry funding gap in the Tweed Basin by pooling donors in this region.",
            "Build the largest volunteer network in the country, with a board representative of America.",
        ],
        "timeframe": [
            "The pantry network will run in FY27 with a minimum of paid staff.",
            "Our 2026/2027 key metrics are: Reach independent accreditation",
            "Our 3–5 year objective is: To build the largest pantry network in the country.",
        ],
    }
    not_met = {
        "outcome": [
            "Our objective is to ensure our food principles are upheld at the Guild - by each individual "
            "as well as our wider network.",
            "Inspired by our founder, the pantry network's mission is to create lasting change by focusing "
            "on three priority areas: food access, housing and health.",
        ],
        "population": [
            "Rooted in the work of our founder, the 16th U.S. Surgeon General, our mission is to change "
            "how food banks plan.",
            "Shaping the future of pantry services.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_19_wordings_of_percent_shares_corpora_deliveries_regions_and_first_years() -> None:
    """What the nineteenth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "By FY 2027, 90 percent of pantry requests will be ready on the promised day.",
            "The network aims to address the gap by creating a cutting-edge, open-source recipe corpus "
            "for staff.",
            "Through the steering group coordinate the delivery of a refreshed 2028 pantry roadmap.",
            "We are changing this by creating a citywide food biobank, run by local growers.",
        ],
        "population": [
            "The fund supports pantry volunteers across sub-Saharan Africa.",
            "Throughout the developing world, volunteers are starting community pantries.",
        ],
        "timeframe": ["The guild will deliver the pantry toolkit — Primary Year 1 focus."],
    }
    not_met = {"timeframe": ["Teach Year 7 pupils to cook with surplus food."]}
    assert_calls(met, not_met)


def test_batch_20_wordings_of_platforms_disciplines_durations_and_others_work() -> None:
    """What the twentieth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "Year 2: Organise and host the first Annual Pantry Partners Summit for member food banks.",
            "We exist by building and promoting Pantryfeed as an open, documented referral protocol.",
        ],
        "population": [
            "The pantry guild aims to support all pharmacies in the delivery of the winter food scheme.",
            "The network bridges the data science and brain research communities.",
            "The team is a place for Vue.js plugin authors to agree on a shared pantry widget.",
        ],
        "timeframe": [
            "The pantry fellowship is a 9-month incubator to help a small team draft a food-waste plan.",
            "Here we agree the strategic directions for the next 5 years of the pantry app.",
        ],
    }
    not_met = {
        "outcome": [
            "The guild aims to support all pharmacies in the delivery of the Pantry Partners Framework.",
            "Our aim is to map surplus food and make this knowledge open to all.",
            "The guided Open Pantry programme is a 12-month incubator to help a team craft a strategy.",
            "We plan the next decade of our pantries (building on the successful first 10).",
            "A primary goal of this specification is to ensure the interoperability of 3MF readers.",
        ],
        "population": [
            "The pantry team maintains the referral loader in Node.js core.",
            "Collect and document existing pantry tools throughout Node, V8, and other components.",
            "The pantry group builds reliable diagnostic tools for Node.",
            "Workshops to accelerate the adoption of open data methods in Neuroscience.",
            "Our goal is to improve the lives of those who are most vulnerable.",
            "Make it easier to accept help from those who depend on the pantry app.",
            "A place where contributors of all backgrounds can build pantry software.",
            "We enable the developer community, partners, and enterprises to build pantry apps.",
            "We aim to work within the university and with community partners on food waste.",
        ],
    }
    assert_calls(met, not_met)


def test_batches_21_and_22_wordings_of_events_registries_funded_projects_languages_and_baselines() -> None:
    """What the twenty-first and twenty-second batches of real statements taught (invented statements of
    the same shapes)."""
    met = {
        "outcome": [
            "Host three events to share pantry practice among food banks.",
            "The guild will implement a public and searchable pantry registry.",
            "Furthermore, a platform for sharing surplus food between pantries will be established.",
            "The working group aims to develop a shared vision and blueprint for a citywide pantry network.",
            "Develop an extension for the Open Referral standard to represent pantry opening hours.",
            "Leith Mesh is a volunteer initiative to build a wireless network across the Lothians.",
            "Publish a Leith Pantry Register that lists opening hours.",
        ],
        "population": [
            "The alliance supports humanitarian and disaster response organizations with surplus food.",
            "Help big pharmaceutical companies donate surplus stock to pantries.",
            "The main aim is to assist other NHS projects make their food data open.",
            "Make pantry tools available to NIH-funded community nutrition projects.",
            "About 90 percent of learners in grades 3, 6 and 9 must eat a school breakfast.",
            "Increase Canadians' trust in food banks.",
        ],
    }
    not_met = {
        "outcome": [
            "The network aims to provide a home for all African pantry recipes.",
            "Our mission is to provide realistic pantry data covering every aspect of food aid.",
            "Provide accessible, reliable, and practical food data and information to support decision-making"
            " and help people of Leith, across all sectors and regions, build their resilience.",
            "Increase trust in food banks, which was at 49% in 2023 according to the city survey.",
            "The consortium will bring together 53 partners from 19 countries to share pantry data.",
            "Our goal is to make describing all essential pantry details easier and more efficient.",
        ],
        "population": [
            "The pantry catalogue is accessible in multiple languages, initially in English and French.",
            "MapGive, an initiative of the Department of State's pantry unit, helps new volunteers.",
            "Our surveys measure trust in Public Institutions.",
        ],
        "timeframe": ["Prompted by the 2022 floods, we set up this list of pantries."],
    }
    assert_calls(met, not_met)


def test_batch_23_wordings_of_demonyms_chambers_acronym_names_abilities_and_tools() -> None:
    """What the twenty-third batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "The caucus advocates for more women on the food board, aiming for a gender-equal board by 2028.",
            "Create a printable calendar that will remind residents when the pantry opens.",
            "The Pantry Referral Vocabulary (PRV), published at https://example.org/prv, is the primary"
            " output of the group.",
            "The group sets out to create a sublanguage of Open Referral for pantry opening hours.",
            "It aims to provide essential components including a pantry stock registry.",
        ],
        "population": [
            "Build a site that shows Clevelanders where to find a pantry.",
            "Our pantries serve underprivileged Cameroonians in the north of the country.",
        ],
    }
    not_met = {
        "outcome": [
            "To provide a forum where members can discuss hunger, which claims 4,000 lives here each year.",
            "Develop policies on school meals, ensuring every child has the best possible start in life.",
            "Ensure all children, in every town, have the freedom and opportunity to eat well every day.",
            "Champion solutions and tools to prevent, treat, control, and eliminate food waste.",
        ],
        "population": [
            "The pantry map is available in English and Russian, and will be available in Kyrgyz language.",
            "Publish a glossary of terms from the European General Data Protection Regulation (GDPR).",
            "Our work complements efforts such as those of the European Open Science Cloud (EOSC).",
            "The group was set up with big aims: Identify organizations that are absent from the network.",
            "Raise the profile of food poverty in Parliament and support UK leadership on food aid.",
        ],
        "timeframe": ["As highlighted in the 2025 Trussell Hunger report, demand for food aid is rising."],
    }
    assert_calls(met, not_met)


def test_a_statement_in_another_language_is_checked_with_a_warning() -> None:
    """The rules read English: a statement in another language gets its calls with a warning and no
    English template wrapped around its words, and an English statement with a borrowed name gets none."""
    for statement in (
        "Stadt und Landkreis Kaiserslautern klimaneutral!",
        "整理台灣所有自費接種疫苗的資料",
        "Somos un colectivo que organiza acciones de formación para la comunidad.",
    ):
        result = check_purpose(statement)
        assert result.warnings == [NOT_ENGLISH_STATEMENT] and result.rewrite is None, statement
    for statement in (
        "Halve food waste among the 40 member pantries of Fundación Banco de Alimentos by 2028.",
        "Feed 500 families in São Paulo by 2027.",
    ):
        assert check_purpose(statement).warnings == [], statement


def test_batch_24_wordings_of_shares_seats_pronouns_upkeep_and_work_done() -> None:
    """What the twenty-fourth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "The pact calls for the doubling of pantry volunteer hours by member councils by 2030.",
            "The purpose of this group is to elaborate a pantry data profile for referral systems.",
        ],
        "population": [
            "The network aims to track the progress of the poorest 10% of the city's households.",
            "We want to reach kids in primary schools with a weekly fruit box.",
            "Our goal is to be a single entry point for affordable housing seekers in the county.",
            "The pantry service supports US-based campuses to run their own food stores.",
            "The pantry app is open to any volunteer affiliated with a US food bank.",
        ],
        "timeframe": ["The goal for the second half of 2027 is to have a shared pantry stock list."],
    }
    not_met = {
        "outcome": [
            "We hence established a pantry database that embraces open data, the Leith Food Map.",
            "The group lets volunteers find inspiration and motivation from each other.",
            "We want a process where pantry users are maintaining and developing the infrastructure.",
            "We envision a future in which anyone can obtain fresh food that matters to all of us.",
            "Our mission is to promote gender-equal access to food and cooking in the society.",
        ],
        "population": ["This group standardises data extraction for Deep Neural Networks."],
    }
    assert_calls(met, not_met)


def test_batch_25_wordings_of_reach_codes_speakers_institutions_and_phases() -> None:
    """What the twenty-fifth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "The project will aim to transform the futures of 300 young people in the valley.",
            "This working group will work on a referral format for pantry opening hours.",
        ],
        "population": [
            "Any volunteer in Spanish-speaking Latin America can join the pantry network.",
            "Translate the pantry guides for Portuguese-speaking audiences.",
            "The project will examine the needs of scientists at UKBA who run food surveys.",
            "Regional administrations will have to connect their pantry registers.",
        ],
        "timeframe": ["Phase 1 -- Agree an initial set of pantry standards (6 months)"],
    }
    not_met = {
        "outcome": [
            "Increase food opportunities for all Promise Zone families along the year.",
            "The network, funded by call HORIZON-CL6-2021-FOOD-01-01, aims at aligning pantry research.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_26_wordings_of_documents_acting_acronym_bodies_and_representations() -> None:
    """What the twenty-sixth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "The goal of this guide is to specify how to represent pantry opening hours in Open Referral.",
            "Define how to represent a food parcel in the regional referral standard.",
        ],
    }
    not_met = {
        "outcome": [
            "The county regulation defines a framework to: help pantries share surplus stock.",
            "The network will focus on building end to end pantry referrals, including text messages.",
            "Engage volunteers for feedback on the end to end referral process.",
            "We aim to create this framework in a way that lets small pantries adopt it easily.",
        ],
        "population": [
            "This repository collects pantry stock data for the Food Hub run by the US CDC.",
            "The project aims to support a common European referral standard for pantries.",
            "The guide will be adopted by European national guides for food aid.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_27_passive_agents_pronouns_named_packages_and_acronym_bodies() -> None:
    """What the twenty-seventh batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "We are developing a Python package called pantrystock that food banks can install in a day.",
            "Five pilot pantries will be selected to test the shared intake form.",
            "Make the stock records of our food banks fully compatible with the Open Referral standard.",
        ],
        "population": [
            "Our goal is to extend the delivery rota from school meals to home visits for the elderly.",
            "The roadmap includes shared stock alerts and communication with PHAs.",
            "The app aims to warn clients at risk of eviction before the court date.",
            "The tool lets state and local government officials apply for pantry grants in one place.",
        ],
        "timeframe": ["Our aim is to publish the first pantry survey by March 3rd, the dashboard after it."],
    }
    not_met = {
        "outcome": ["The app is designed for this winter, but the vision is to make us all better prepared."],
        "population": [
            "Our goals are to: Notify users when a pantry near them restocks fresh food",
            "Our goals are to: Allow users to book a pantry slot anonymously",
            "The app is one of the tools deployed by the Italian government to reduce food waste.",
            "Our objectives are: sharing stock data and preparing the next generation workforce.",
            "The Swedish Food Data Platform aims to speed up research on food waste.",
            "The catalogue is the core of a shared record of specimens in Natural Science Collections.",
            "We will ask our city officials for more bus stops near the pantry.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_28_states_of_federal_countries_events_and_sizes_of_funding() -> None:
    """What the twenty-eighth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "The food bank alliance will develop an MVP of the shared pantry finder.",
            "The state set a target for 60% of pantries by 2028 to meet the new cold-storage standard.",
            "We aim to hold a regional Food Summit to bring pantries and growers together.",
        ],
        "population": [
            "Our goal is to keep the food banks of Kerala stocked through the monsoon.",
            "We provide frontline healthcare and other essential workers with free meals during shifts.",
            "The network delivers weekly online sessions for RSEs to share pantry-data tools.",
            "The alliance works so that food research benefits all Indigenous Peoples.",
            "The service supports software for the Food Systems and Nutrition research community.",
            "The course helps climate scientists and social scientists use pantry data.",
        ],
        "timeframe": [
            "We aim to open the shared warehouse in the Spring of 2027.",
            "The purpose of this 3-hour workshop: agree on one intake form for all pantries",
        ],
    }
    not_met = {
        "outcome": [
            "FoodLink is a council funded £2.5M programme whose aim is to bridge the gap between growers and"
            " pantries.",
            "The alliance is designed to ensure food research benefits all Indigenous Peoples.",
            "Ideally, anyone connected to the network should be able to trade with anyone else, each"
            " using their own tools.",
        ],
        "population": ["The toolkit models cold storage, including solar panels, DC power and battery use."],
    }
    assert_calls(met, not_met)


def test_batch_29_regions_victims_barriers_and_the_net_zero_of_others() -> None:
    """What the twenty-ninth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "Fully incorporate six more pantries into the shared stock system this year.",
            "The network will produce a grant proposal to fund a regional cold store.",
        ],
        "population": [
            "The priority is to prevent hunger in food insecure areas or countries.",
            "We protect and assist trafficking victims with meals and shelter.",
            "The alliance targets food projects on the farming history of Central Europe—and the Alps.",
        ],
    }
    not_met = {
        "outcome": [
            "The purpose of this program is to eliminate barriers to pantry use in rural towns.",
            "We aim to deliver a pantry network that meets the needs of members and supports the"
            " transition to Net Zero.",
            "The program aims to serve all actors in the food sector who want to share surplus.",
            "The purpose of the program is to attract outstanding students who represent all ethnic and"
            " social backgrounds and who have an interest in pantry work.",
            "We make tools that are usable across all development contexts, helping towns share food.",
        ],
        "population": [
            "The project helps pantries share data and leaves a legacy for upcoming European initiatives.",
            "Hold training events to assist the regulated community in following food safety law.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_30_quarters_plans_for_a_year_disciplines_and_named_challenges() -> None:
    """What the thirtieth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": ["The alliance was set up to provide a repository for pantry recipes shared by members."],
        "population": ["Our goal is to make sense of harvest data so ecologists can decide better."],
        "timeframe": [
            "The network is set to open its shared cold store in the second quarter of 2027.",
            "Some of our other plans for 2027 include: Using the new stock tool in every rural pantry",
        ],
    }
    not_met = {
        "outcome": ["We help towns increase participation in the 1000 city challenge."],
        "population": [
            "The software supports comparisons within- and between-cities and tracks local food policy.",
            "A tool for measuring indicators for healthy, sustainable cities worldwide using open data.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_31_owners_partners_members_and_languages_are_not_whom_a_body_serves() -> None:
    """What the thirty-first batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "population": [
            "The alliance aims to connect U.S researchers and educators with open food data.",
            "The program pairs a nurse with an at-risk first-time mother for her pregnancy.",
        ],
        "timeframe": ["Approval of the pantry standard is envisaged to take place nearer October 2027."],
    }
    not_met = {
        "outcome": ["We are actively seeking to connect ideas and resources in all areas of food aid here."],
        "population": [
            "The Food Service is an agency of the United States government that provides meal forecasts.",
            "The Alliance is comprised of like-minded growers, pantry managers and individuals who are"
            " interested in fostering an open food ecosystem.",
            "We aim to write guides for a 9 year old reading age, available in both English and Welsh.",
            "To cut waste, the City of Chicago partnered with a grocer to develop a model of pantry demand.",
            "We are working with the City of Chicago's Department of Transportation to plan delivery routes.",
            "The network furthers its purposes of developing workforce talent and improving capacity.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_32_generated_outputs_named_tools_and_the_urban_poor() -> None:
    """What the thirty-second batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "The consortium is an effort to generate seed bank records for more than 4,000 native plant"
            " species.",
            "The project aims to map food deserts by generating a baseline dataset of grocers and food"
            " banks.",
            "Our group is developing a Master's program in community nutrition.",
            "The fund is financing the development of PantryMap to forecast demand at food banks.",
            "This repository holds the project for developing and running FoodHub: a shared registry of"
            " pantries.",
        ],
        "population": [
            "The programme aims to improve access to fresh food for the rural poor.",
            "We seek to give the broader food research community an open model of supply chains.",
            "The project supports the clean-up of litter in the Clear Creek watershed.",
        ],
        "timeframe": ["The aim of the 24-month FoodLink project is to build a shared view of surplus food."],
    }
    not_met = {
        "outcome": [
            "Through the development of PantryMap, the alliance seeks to offer growers a better view of"
            " demand.",
        ],
        "population": [
            "European Food Data Infrastructure - Shared Services is a project with a mission to help"
            " growers share data.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_33_named_ceilings_net_sinks_and_problem_sizes() -> None:
    """What the thirty-third batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "Stay within planetary boundaries: water use in farming of less than 40 km3 per year (with a"
            " focus on the driest basins).",
            "Turn the county's wetlands into a net sink for carbon by 2040.",
            "Equip 20,000 smallholder growers to be more resilient by 2030.",
            "Each year the lab must carry out 12 full audits of member kitchens.",
        ],
        "population": [
            "The compact works to restore the chemical and biological integrity of the Great Lakes.",
            "We are stabilizing refugee communities through training in conflict resolution.",
        ],
    }
    not_met = {
        "outcome": [
            "Our mission is to build a food system that benefits our farmers, economy and environment.",
            "We create a shared approach to rare conditions that affect millions of Americans.",
        ],
        "population": ["We strengthen youth-led innovation and share open knowledge across borders."],
    }
    assert_calls(met, not_met)


def test_batch_34_published_datasets_owners_and_counted_sets() -> None:
    """What the thirty-fourth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "We are working to publish the volunteer hours of the Harbor Festival team as open data.",
            "Our goal is to publish data about both the tenants and the landlords every six months.",
            "Work with the county and other partners to implement a shared eviction review process.",
            "A governance document describing how members vote will be published in the second year of the"
            " project.",
        ],
        "timeframe": ["The new intake form will be launched in the first half of the programme."],
        "population": ["It helps public sector organisations share records with each other more safely."],
    }
    not_met = {
        "outcome": [
            "Develop rules and approaches on licensing adopted by each of the three regional associations.",
            "We publish data about where, when and how often the buses run late.",
        ],
        "population": [
            "The home of the Scottish Government's open address register.",
            "We offer art classes for people who would not normally have the chance to take part.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_35_founding_years_named_outputs_and_parts_of_places() -> None:
    """What the thirty-fifth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "The Riverbend Data Group is building, with its partners, a register of local food banks: the"
            " Riverbend Pantry Directory.",
            "Tools that will be created: Map of the river crossings and the flood gauges along them",
            "The aim of the study is the production of a three-round (1990, 2005 and 2020) housing quality"
            " dataset for the county.",
        ],
        "population": [
            "The project helps East Harborvillers, West Oaklanders and their neighbours clean the creek.",
            "We share weather data with underdeveloped regions that have no radar of their own.",
            "We work with public health and air quality agencies to put sensor data to use.",
            "Rank the restoration sites within the Kettle Islands by their value for salmon.",
        ],
        "timeframe": ["Launch the shared intake form in 2027."],
    }
    not_met = {
        "timeframe": [
            "The Harbor Trust, founded by three local churches and the city council in 2019, feeds families.",
            "Started in 2004, the valley survey records how the wetlands change.",
            "The Meadow Project is a county initiative which began in 2012 with five partners.",
            "The atlas maps every flood in the county from 1970 to present.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_36_zero_harms_dated_periods_and_tax_status() -> None:
    """What the thirty-sixth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "Zero drownings at the county's public beaches.",
            "Tenants have safe homes, such that there are zero evictions for repairs the landlord owes.",
            "The River Atlas is our upcoming platform for tracking buffer strips along the Kettle River.",
        ],
        "population": [
            "We make sure that our troops leave service with a trade they can work in.",
            "Map how the levee affects flood risk for researchers involved in siting new housing.",
        ],
        "timeframe": [
            "The grant funds the shared intake over a pilot period from March 1, 2026, to June 30, 2027.",
            "Our aim is to clear the repair backlog in 500 homes in 1000 days.",
        ],
    }
    not_met = {
        "outcome": [
            "The Harbor Fund is a registered 501(c)3 helping families in the valley grow food together.",
            "To ensure equitable access to dental care, information, and support for all, mostly newcomers.",
        ],
        "population": ["Hold a training day on how to use the gauge data for Flood Risk Modelling"],
    }
    assert_calls(met, not_met)


def test_batch_37_income_limits_numbered_versions_and_names_ending_in_a_place() -> None:
    """What the thirty-seventh batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "Expand the shared intake across 12 pantries, ultimately benefiting 9,000 households.",
            "Release of v1.2.0 of the referral guide after the spring review.",
            "Publish version 2.0 of the tenant repair checklist.",
            "Our target for volunteer stipends is 40% of the county's living wage.",
        ],
        "population": [
            "Households earning below £28,000 a year can ask for a free boiler check.",
            "This service is designed to help if: you're earning below $40,000 a year",
        ],
        "timeframe": ["Public comment on the draft plan starting in March 2026 until June 30 2026"],
    }
    not_met = {
        "outcome": [
            "The council will adopt open source tools, taking into account all relevant legal factors."
        ],
        "population": [
            "Recipes for the data produced by the Alliance for River Monitoring in Scotland (ARMS).",
            "Submit a short version to the journal's Research Topic Best Practices in River Sensing.",
            "The City of Leeds will prioritise open source software wherever it is feasible.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_38_income_bands_whole_coverage_and_abilities_for_every_woman() -> None:
    """What the thirty-eighth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "Make the referral map available for all parish councils in Cumbria.",
            "We aim to publish flood maps covering the entirety of Wales.",
            "We will draft a template data-sharing agreement for member clinics.",
        ],
        "population": [
            "Designing first for low-to-medium income countries.",
            "The fund helps cash-strapped schools repair their roofs.",
            "Our vision is a valley where every woman can walk home safely at night.",
        ],
    }
    not_met = {
        "outcome": [
            "Our vision is a world where every girl has the confidence and power to choose her own path.",
            "Datasets on rainfall which are freely available to all the farmers.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_39_a_project_term_civil_servants_and_worlds_free_of_what_no_one_counts() -> None:
    """What the thirty-ninth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": ["Our vision is a valley where homelessness has been ended and families live in safety."],
        "population": ["Training open to all civil servants in the county."],
        "timeframe": ["A three year EU-funded project in the delta to restore wetlands."],
    }
    not_met = {
        "outcome": ["We want a world free of corruption."],
        "population": ["A valley where people live in dignity and security."],
    }
    assert_calls(met, not_met)


def test_batch_40_conditions_owners_listed_outputs_and_venues_of_dated_events() -> None:
    """What the fortieth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "We compare claims before and after. The result will be an estimate of the damage avoided.",
            "Gather the stories of tenants facing eviction. This will form a searchable dataset.",
            "We aim to deliver the following outputs by the end of the grant: Prototype for a shared intake",
            "Define a core set of principles for how partners share client data.",
            "Extend the referral standard to version 3 with the county's feedback.",
        ],
        "population": [
            "Make parks easier to enjoy for autistic people and their families.",
            "Help woodland owners plant native hedges along the river.",
            "Coach up-and-coming leaders of tenant associations and food cooperatives.",
        ],
        "timeframe": [
            "The new dashboard will be online in Q1, 2027.",
            "Write the toolkit for delivery at the summit in early March 2027 in Leeds.",
            "We aim to achieve these outputs by the end of the project.",
            "Timescale: Regional Assembly (Nov 2027) for a revised compact.",
        ],
    }
    not_met = {
        "outcome": [
            "A project that provides a platform for discussion for young people in the valley.",
            "The initial funding for the pantry was provided by a charity that aims to help all families.",
            "By providing a shared framework, partners can exchange referrals with confidence.",
        ],
        "population": [
            "Hold the first workshop at the meeting in early March 2027 in Leeds.",
            "A project initiated by county researchers who aim to map every spring.",
            "Collect open datasets for Southeast Asian languages.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_41_artefacts_given_to_a_group_submitted_reports_and_steps_before_a_result() -> None:
    """What the forty-first batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "Our mission is to provide the county's food banks with a shared inventory database.",
            "At the end of the pilot the partnership will submit a final report to the county board.",
            "The group standardizes the machine-readable format of all pantry referral data.",
        ],
        "population": [
            "We help researchers from field stations publish their water data.",
            "Make the corpus easy to reach for innovators and researchers in the health data space.",
            "Pool the clinics' records to improve patient outcomes.",
        ],
        "timeframe": ["At the end of the project the partners will publish what they learned."],
    }
    not_met = {
        "outcome": [
            "Our mission is to set the stage for delivering a shared referral platform.",
            "Provide a language and framework agnostic, human-readable representation.",
            "Ensure every person in the valley has equitable access to good care.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_42_counts_of_what_is_done_already_standings_and_who_a_body_is_made_of() -> None:
    """What the forty-second batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "population": [
            "Our mission is to build wealth and opportunity for low-wealth people in the valley.",
            "The map is co-created with Indigenous and other local communities to keep their stories.",
        ],
        "outcome": ["We aim to provide 1.8 million meals to food banks by 2030."],
    }
    not_met = {
        "outcome": [
            "Provides free coats to families in need, 20,000 so far.",
            "We provide records for over 1.8 million heritage items to the state library.",
            "The network connects nearly 700 clubs in 45 states.",
            "Our aim is to build the leading referral platform for the region.",
            "The app can be used by anyone to create a map of their neighbourhood.",
        ],
        "population": [
            "The Collective is a collaboration between dozens of libraries and museums to share scans.",
            "The mission of the Free Library of Springfield is to advance literacy.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_43_funded_periods_key_results_and_standings() -> None:
    """What the forty-third batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "timeframe": [
            "We ask for funding to run the helpline for a time frame of 6 months.",
            "Phase 2: (4 - 12 weeks) Training sessions for volunteer drivers in the county.",
            "The purpose of this 2-hour session: agree on a shared intake form.",
        ],
        "outcome": [
            "All P1 intake bugs are fixed.",
            "We will upgrade the portal by implementing WCAG 22 and a new search page.",
        ],
    }
    not_met = {
        "timeframe": ["A 3-day event for rural health workers to connect and share."],
        "outcome": ["To create one of the largest networks of food growers in the state."],
    }
    assert_calls(met, not_met)


def test_batch_44_numbered_months_dated_events_and_an_alliance_of_its_own_members() -> None:
    """What the forty-fourth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "timeframe": [
            "The months 1-6 work in Leeds is to write a shared intake playbook for the network.",
            "We will run a planned year-2 evaluation report with the county.",
            "Use the regional food summit (12–14 March 2027) to sign the shared referral agreement.",
        ],
        "outcome": ["Our project aims to build a customizable data cube of flood gauges for the valley."],
    }
    not_met = {
        "population": [
            "We started a statewide alliance of nursing students making a difference in these times."
        ],
        "timeframe": ["We will talk about year 3 with the partners when the time comes."],
    }
    assert_calls(met, not_met)


def test_batch_45_britain_is_a_place_and_a_community_composed_of_users_is_its_own_members() -> None:
    """What the forty-fifth batch of real statements taught (invented statements of the same shapes)."""
    met = {
        "population": ["The shared goal of the statistics system is to help Britain make better decisions."]
    }
    not_met = {"population": ["The toolkit is also a community composed of flood data users and developers."]}
    assert_calls(met, not_met)


def test_batch_46_a_software_package_is_an_artefact_and_one_place_counts_nothing() -> None:
    """What the forty-sixth batch of real statements taught (invented statements of the same shapes)."""
    met = {"outcome": ["The project is a community effort to develop a core package for river gauge data."]}
    not_met = {
        "outcome": [
            "Our hub helps neighbours to organise and makes it easier to share tools in one single place.",
            "The coalition will develop a package of measures with the county.",
        ],
        "population": [
            "The portal gives seamless use of flood forecasts developed by a diverse network of national "
            "weather services and universities."
        ],
    }
    assert_calls(met, not_met)


def test_batch_47_list_numbers_set_up_and_the_members_home_place() -> None:
    """What the forty-seventh batch of real statements taught (invented statements of the same shapes):
    "(3)conduct training" is a list number, not a count; "set up a shared repository" makes an artefact;
    "a group of Seattle residents" says where the members live, not whom the body serves."""
    met = {"outcome": ["Our common goal is to set up a shared repository of food safety training materials."]}
    not_met = {
        "outcome": [
            "The aims are to (1) produce guidelines for good practice, (2)provide tools for self-assessment "
            "and (3)conduct training."
        ],
        "population": [
            "The alliance is a group of Tulsa volunteers using technology to improve our community.",
            "The hub is a new collaboration between different European research sites and industry partners.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_48_a_journal_a_named_guide_a_project_includes_and_api_mechanisms() -> None:
    """What the forty-eighth batch of real statements taught (invented statements of the same shapes):
    "launch a journal" makes one artefact; "The project includes: County Food Data Implementation Guide"
    names one; "Define the API mechanisms, inputs and outputs" defines no artefact."""
    met = {
        "outcome": [
            "Next year the network will launch a journal for community health workers.",
            "The Harbor project includes: Harbor Food Data Implementation Guide for pantry reporting.",
        ]
    }
    not_met = {"outcome": ["Define the API mechanisms, inputs and outputs used to share pantry data."]}
    assert_calls(met, not_met)


def test_batch_49_partners_homes_a_disease_a_season_a_named_standard_and_a_compiled_curriculum() -> None:
    """What the forty-ninth batch of real statements taught (invented statements of the same shapes):
    "with partners from Ghana, Kenya and our team from Togo" says where the members come from, not whom
    the body serves; "the factors involved in Lassa disease" names an illness, not a place; "this winter"
    bounds the result; "meet or exceed WCAG 2.1 AA" is a checkable end state; "compile a curriculum"
    makes one artefact."""
    met = {
        "outcome": [
            "Our goal is for the pantry finder to meet or exceed WCAG 2.1 AA.",
            "The training group has started to compile a curriculum of modules for new volunteers.",
        ],
        "timeframe": ["We will keep the heat on this winter for 3,000 tenants in Harbor County."],
    }
    not_met = {
        "population": [
            "A study funded by the Harbor Trust with partners from Ghana, Kenya and our team from Togo to map"
            " seasonal rainfall.",
            "The task force gathers what is known about the factors involved in Lassa disease.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_50_a_device_a_price_target_and_a_collaboration_between_named_members() -> None:
    """What the fiftieth batch of real statements taught (invented statements of the same shapes): "create
    a low-cost device to test well water" makes one artefact; "costs less than $50 to build" is a
    quantified target; "a collaboration between Harbor Trust and the universities of Leeds and York, to
    provide ..." names the members, not whom the body serves."""
    met = {
        "outcome": [
            "Our goal is to create a low-cost device to test the nitrate level of well water.",
            "Goals for the filter: costs less than $50 to build with local parts.",
        ]
    }
    not_met = {
        "population": [
            "The Data Service is a collaboration between Harbor Trust and the universities of Leeds (UoL) and"
            " York, to provide shared computing and storage."
        ]
    }
    assert_calls(met, not_met)


def test_batch_51_an_infinitive_goal_year_labels_money_funders_and_a_plan_title() -> None:
    """What the fifty-first batch of real statements taught (invented statements of the same shapes):
    "To offer free training to 2 million women by 2030" counts a reach; a list labelled by years ("2026
    raise $80k in grants", "2027 launch the pantry finder tool", "2028 5,000 families; 3 sites") gives
    each goal its year; "funded by the Trust and the health boards in Wales and Scotland" says where the
    funders are, not whom the body serves; "the Ten-Year Network Development Plan" is a plan's title."""
    met = {
        "outcome": [
            "To offer free repair training to 2 million women by 2030.",
            "2026 raise $80k in grants",
            "2027 launch the pantry finder tool",
            "2028 5,000 families; 3 sites",
        ],
        "timeframe": ["2026 raise $80k in grants", "2028 5,000 families; 3 sites"],
    }
    not_met = {
        "population": [
            "Harbor Link is a project to build a shared referral platform, funded by the Trust and the health"
            " boards in Wales and Scotland."
        ],
        "timeframe": ["The aim is to consider open models in the Ten-Year Network Development Plan."],
    }
    assert_calls(met, not_met)


def test_batch_52_housing_as_a_noun_counted_production_a_county_after_goals_for() -> None:
    """What the fifty-second batch of real statements taught (invented statements of the same shapes):
    "the housing plan" and "new housing for all income levels" name housing, they count nothing;
    "Production of 120 units in the next 5 years" is a counted output; "three housing goals for Harbor
    County" serve a named county (lower-case "goals for" starts no name); "deforestation free" is an
    end state."""
    met = {
        "outcome": [
            "Production of 120 units in the next 5 years is recommended for the town.",
            "We aim to make our members' supply chains deforestation free.",
        ],
        "population": ["The council has set three housing goals for Harbor County."],
    }
    not_met = {
        "outcome": [
            "The council will implement the housing plan in several ways, including: help to towns.",
            "Build new housing for all income levels.",
        ]
    }
    assert_calls(met, not_met)


def test_batch_53_a_bare_platform_for_people_a_group_by_origin_and_a_purpose_after_founding() -> None:
    """What the fifty-third batch of real statements taught (invented statements of the same shapes):
    "create a platform for the students to ..." and "provide a guide to those who ..." name no artefact
    one could check; "all they need" counts nothing; "young Black women" and "GPs" are defined groups; a
    place after "founded in 2004 to ..." is where the goal applies, not where the body was founded; "the
    development of the county's data dictionary" makes an artefact."""
    met = {
        "outcome": ["Our work is the development of the county's shared housing data dictionary."],
        "population": [
            "A program to connect young Black women with mentors in technology.",
            "Our aim is a dashboard that gives GPs simple, actionable insights.",
            "The alliance was founded in 2004 to improve adult literacy services in Ohio.",
        ],
    }
    not_met = {
        "outcome": [
            "The club was set up to create a platform for the students to volunteer in their town.",
            "Our goal is to provide a guide to those who want to start a tenants' union.",
            "A program to connect young Black women with all they need to become engineers.",
        ],
        "population": ["The alliance was founded at a meeting in Ohio to improve adult literacy services."],
    }
    assert_calls(met, not_met)


def test_batch_54_a_namespace_those_involved_in_and_bodies_that_are_the_means() -> None:
    """What the fifty-fourth batch of real statements taught (invented statements of the same shapes):
    "create a single, compact namespace" makes an artefact; "all those involved in the restoration of the
    Danube" is a defined group; "through effective river councils" names the means, not whom the work
    serves; "serve two different needs" counts no result."""
    met = {
        "outcome": ["The goal is to create a single, compact namespace for the region's open transit data."],
        "population": ["The map helps all those involved in the restoration of the Danube delta."],
    }
    not_met = {
        "outcome": ["The aim of the toolkit is to serve two different needs of the network."],
        "population": ["Our mission is to strengthen river governance through effective basin councils."],
    }
    assert_calls(met, not_met)


def test_batch_55_everyone_contributing_investigators_criteria_and_community_standards() -> None:
    """What the fifty-fifth batch of real statements taught (invented statements of the same shapes):
    "everyone contributing to open data" and "NIH investigators" are defined groups; "a versioned set of
    validation criteria" is an artefact; "the proposed community standards" names what a community
    agrees, not a group served."""
    met = {
        "outcome": ["This package provides a versioned, machine-readable set of flood-model test criteria."],
        "population": [
            "Our mission is a welcoming environment for everyone contributing to open data in the region.",
            "The project helps NIH investigators find and share large data sets.",
        ],
    }
    not_met = {"population": ["This package summarises the proposed community standards for forecast files."]}
    assert_calls(met, not_met)


def test_batch_56_a_grants_term_numbered_weeks_a_declarative_language_and_a_lead_in() -> None:
    """What the fifty-sixth batch of real statements taught (invented statements of the same shapes):
    "over the course of the two-year grant" and "in weeks 2-4" bound the work; "define a declarative
    language" makes an artefact; "provide the following, ..." is a list's lead-in, not an artefact."""
    met = {
        "outcome": [
            "Our main objectives are: define a declarative language to describe shared flood models."
        ],
        "timeframe": [
            "Over the course of the two-year grant, we aim to make every county portal accessible.",
            "Goal: a working model of the intake system, so the volunteers' shifts in weeks 2–4 go smoothly.",
        ],
    }
    not_met = {
        "outcome": [
            "This package collects tools that provide the following, Unicode standard tools for Tamil."
        ]
    }
    assert_calls(met, not_met)


def test_batch_57_counts_in_list_items_named_packages_and_narrowed_roles() -> None:
    """What the fifty-seventh batch of real statements taught (invented statements of the same shapes): "10+
    interfaces" and an item that opens "Publish 5 ..." under "Goals of 2025" are counts; "publish the data
    package: name" and "combine two tools as one binary" make one artefact; roles narrowed by a technology
    ("HPC systems professionals") or by a named body ("the ALVSCE researcher community") are groups, but
    "academic institutions" alone is not, nor is a place that only qualifies a method."""
    met = {
        "outcome": [
            "2025 Goal Added support for 10+ food bank referral or intake interfaces",
            "Goals of 2025 Publish 5 more pantry maps.",
            "Goals of the project Document and publish R data package: pantrystock",
            "Merge the intake tool into the referral tool as one binary file.",
        ],
        "population": [
            "Organizing training on new tools for HPC systems professionals.",
            "To provide a drop-in help desk for the CALS researcher community.",
            "We support nurses, carers and other professionals involved or interested in home care.",
        ],
        "timeframe": ["Goals of 2025 Publish 5 more pantry maps."],
    }
    not_met = {
        "population": [
            "To release data sets on the fees paid by academic institutions for open publishing.",
            "Our current focus is on United Kingdom methods of drought frequency estimation.",
        ]
    }
    assert_calls(met, not_met)


def test_batch_58_present_facts_policy_codes_self_described_documents_and_vague_times() -> None:
    """What the fifty-eighth batch of real statements taught (invented statements of the same shapes): a
    share told as how things stand now ("Currently, only 20% ... are women"), a policy's code ("policy SAM
    4984") and a statement's own document ("A collaborative manifesto for ...") are no outcome, but reaching
    a named release phase is; "in a few months" bounds nothing; places and people narrowed by what hit them
    ("every flood-affected county") and research group leaders are groups."""
    met = {
        "outcome": ["The goal is to get to beta phase in a few months."],
        "population": [
            "The project aims to map food bank stock for every flood-affected county since 2010.",
            "We hope research group leaders will use these guides to run kinder lab meetings.",
        ],
    }
    not_met = {
        "outcome": [
            "Our mission is to help address the lack of tenant advice. Currently, only around 15% of tenants "
            "get advice, and we hope to inspire young renters to ask.",
            "This portal supports policy TAX 2210 which mandates that pantry data be open by default.",
            "A shared manifesto for ensuring food aid reaches the families who need it most.",
        ],
        "timeframe": ["The goal is to get to beta phase in a few months."],
    }
    assert_calls(met, not_met)


def test_batch_59_named_artefacts_without_an_article_launched_projects_and_library_groups() -> None:
    """What the fifty-ninth batch of real statements taught (invented statements of the same shapes): a named
    artefact with a possessive or no article ("Establishing Leith's Pantry Playbook", "create 4FB Referral
    Portal") and launching a named project are outputs, but "the means to create" a system is others' work
    and "a third option" is an ordinal, no share; "library workers" and "academic and public libraries" are
    groups, "the broad scientific community" is not, nor is a state named only in a service's name."""
    met = {
        "outcome": [
            "We will do this by: Establishing Leith's Pantry Playbook and working to shared definitions.",
            "In addition, we will work with partners to create 4FB Referral Portal for all food banks.",
            "This is why in 2025 we are launching the Open Pantry Mapping Project.",
        ],
        "population": [
            "We will host six regional institutes in 2026 for library workers interested in civic data.",
            "The effort aims to develop the capacity of academic and public libraries in civic data work.",
        ],
    }
    not_met = {
        "outcome": [
            "Pantrynet aims at providing the means to create a food stock alert system at minimal cost.",
            "We want to provide you with a third option that is both open, free and easy to use.",
        ],
        "population": [
            "In Aim 2, we will develop a user-friendly data portal for the broad scientific community.",
            "The goal of the Ohio Imagery Service is to serve orthoimagery every other year.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_60_capitalised_group_names_caregivers_listed_verbs_and_present_reach() -> None:
    """What the sixtieth batch of real statements taught (invented statements of the same shapes): a group's
    official name in capitals ("Persons with Disabilities", "Small Island Developing States") and bare
    caregivers or carers are groups, but "Member States" among a body's partners is not, nor is a
    capitalised verb in a list of aims ("and Connect communities"); a count of whom the body serves now
    ("serves close to one million residents") is a description, no result to reach."""
    met = {
        "population": [
            "The Harbour Skills Fund is a S$2 million fund to support Persons with Disabilities (PWDs).",
            "The purpose of the group is to amplify the voices of Small Island Developing States in talks.",
            "The Westside Respite Fund is a one-time grant of $300 to help caregivers with daily expenses.",
            "The network gives carers a place to rest and talk with each other.",
        ],
    }
    not_met = {
        "outcome": [
            "The council serves close to one million residents and envisions itself as a caring district.",
        ],
        "population": [
            "Our mission is to Pool resources, Build skills in networks, and Connect communities.",
            "The initiative will draw on its partners (Member States, academia and the private sector).",
        ],
    }
    assert_calls(met, not_met)


def test_batch_61_phase_horizons_women_in_a_role_and_a_clock_is_no_place() -> None:
    """What the sixty-first batch of real statements taught (invented statements of the same shapes): a
    phase named with its horizon ("Medium-Term · 12-24 Months") bounds its items, an age range does not;
    female researchers are a group; "the UK time zone" is a clock, not a place served."""
    met = {
        "timeframe": [
            "Medium-Term · 12-24 Months 40 pantries sharing stock data",
            "Short term: 0-6 months publish the referral directory.",
        ],
        "population": ["The network will reinforce the participation of female researchers in pantry data."],
    }
    not_met = {
        "timeframe": ["We support young people age 16-24 years old to find work."],
        "population": ["We aim to answer emails within two days during week days in the UK time zone."],
    }
    assert_calls(met, not_met)


def test_batch_62_names_that_look_like_verbs_indicators_listed_and_who_gains_for_all() -> None:
    """What the sixty-second batch of real statements taught (invented statements of the same shapes): a
    verb inside a name ("Pantry Connect is ...", "Open Kitchen is ...") counts nothing; a work package or
    a bill number is no count; key performance indicators listed after a colon are targets; "all"
    artefacts released is an end state; "for all Ontarians" says who gains, not how many; people in
    financial hardship and re-entry populations are groups; "every UK website" counts websites, no one
    served."""
    met = {
        "outcome": [
            "Key performance indicators are: 40 pantries sharing stock data.",
            "As a first step we release all volunteer rosters and training guides.",
        ],
        "population": [
            "The fund gives emergency grants to musicians who find themselves in financial hardship.",
            "The service offers wrap-around support for moderate to high-risk re-entry populations.",
        ],
    }
    not_met = {
        "outcome": [
            "Pantry Connect is an award winning service model that serves the AB 109 population.",
            "Open Kitchen is a project meant to give everyone access to a warm meal.",
            "This work package will train volunteers then sort donations ready for checking by WP 3.",
            "We will work across the political spectrum to achieve a fair food system for all Ontarians.",
        ],
        "population": ["We check every UK pantry website at least once a month."],
    }
    assert_calls(met, not_met)


def test_batch_63_accented_place_names_parents_ridding_of_and_a_body_made_of_roles() -> None:
    """What the sixty-third batch of real statements taught (invented statements of the same shapes): a
    place named with accented letters ("Río Grande", "Itacaiúnas River") is a place; parents are a
    group; to rid a place of something is an end state; the roles a body "consists of" are its own
    members, not whom it serves."""
    met = {
        "outcome": ["The alliance develops tools to rid the county's rivers of plastic."],
        "population": [
            "Restore wetlands along the entire Río Grande watershed.",
            "Deploy the flood model on the whole Itacaiúnas River watershed.",
            "Enabling parents to give feedback on the local food pantry.",
        ],
    }
    not_met = {
        "population": [
            "The team consists of clinicians and researchers who are working together to build an app.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_64_what_a_thing_will_serve_as_ranks_tax_forms_and_groups_by_their_work() -> None:
    """What the sixty-fourth batch of real statements taught (invented statements of the same shapes):
    what a thing "will serve as" or "is envisioned as" is an output, and a data format "for exchange of"
    records is no forum; a rank ("the #1 ... country"), a tax form's number ("IRS 990") and a pursuit
    "for every" nation's person count nothing; waste pickers, nonprofit staff, city-level officials and
    people "working at" a frontier are groups, a place served stays one before "under the leadership
    of"; a community the body sets out to build is its own, and "youth-oriented" names no youth."""
    met = {
        "outcome": [
            "The hub will serve as a central database for the registration of food pantries.",
            "The referral tool is envisioned as an open protocol for sharing client records.",
            "We will create and publish an open, extendable data format for exchange of housing records.",
        ],
        "population": [
            "The network campaigns for recognition of waste pickers in national plans.",
            "The course trains nonprofit professionals in budgeting.",
            "The toolkit helps city-level government officials run participatory budgets.",
            "The guide is for practitioners working at the frontier of housing policy.",
            "A movement to close the digital divide for residents in Ghana under the leadership of a trust.",
        ],
    }
    not_met = {
        "outcome": [
            "Our mission is to make Ghana the #1 recycling country in the world.",
            "The site makes the IRS 990 dataset usable for anyone.",
            "We are dedicated to making music an accessible pursuit for every Ghanaian who wants to play.",
        ],
        "population": [
            "Founded with the mission of establishing a vibrant, safe community of amateur ecologists.",
            "Founded as a coalition of students & youth-oriented clubs to act on climate.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_65_names_with_and_native_peoples_sited_facilities_and_the_first_of_its_kind() -> None:
    """What the sixty-fifth batch of real statements taught (invented statements of the same shapes): a
    place inside a name joined by "and" ("Utah Reclamation Mitigation and Conservation Commission") or
    before "Constitution" is in the name; a country's adjective before "infrastructure" and a place after
    "its facilities in" serve no one; "Native Hawaiians" are a people; the Mediterranean is a place; "the
    establishment of a national system" and "develop and validate the first ..." name what will exist."""
    met = {
        "outcome": [
            "The mission is the establishment of a national registry of estuary monitoring sites.",
            "Develop and validate the first shared risk score for heat illness in farmworkers.",
        ],
        "population": [
            "Expand opportunities for Native Hawaiians to own local enterprises.",
            "Map the nesting beaches of sea turtles within the Mediterranean and the threats they face.",
        ],
    }
    not_met = {
        "population": [
            "The mission of the Ohio Reclamation and Conservation Commission is to carry out the projects.",
            "Strengthen teaching about the history of the Kenya Constitution.",
            "Enable federated analysis while the data remains on sovereign Canadian infrastructure.",
            "The network complements its central facilities in Darmstadt.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_66_67_measured_targets_with_no_verb_version_numbers_and_quantified_peoples() -> None:
    """What the sixty-sixth and sixty-seventh batches of real statements taught (invented statements of the
    same shapes): a measured amount due by a deadline is a target with no verb ("20 Mha restored by 2030",
    "Reduction of 35% of 2015 emissions levels by 2035"), a baseline ("from around 5% in 2020") being none; a
    standard's version ("the ODF 1.2 grammars"), a law's number ("Regulation (EU) 2023/988") and a count of
    the groups served ("two main stakeholder groups") count nothing; "All Norwegians" are a place's people;
    "care to those in need" names no field's workers; "those with a hearing disability" are a group."""
    met = {
        "outcome": [
            "20 Mha landscape restoration by 2030",
            "Reduction of 35% of 2015 emissions levels by 2035.",
            "15% mangrove cover across the coastal districts by 2032",
            "A 60% electric bus fleet by 2030, from around 5% in 2020.",
        ],
        "population": [
            "All Norwegians enjoying the forests that sustain us.",
            "Expand screening for those with a hearing disability.",
        ],
    }
    not_met = {
        "outcome": [
            (
                "The repository holds the transforms developed originally for use by the ODF TC in producing"
                " the ODF 1.2 and ODF 2.x schemas."
            ),
            "We aim to provide value to two main stakeholder groups: retailers and shoppers.",
            "The platform lets charities run appeals and keep a public trail of all transactions.",
        ],
        "population": [
            "Our mission is to provide medical care to those in need, wherever they are.",
            "The group follows the model set by Regulation (EU) 2023/988 on product safety.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_68_bracketed_dates_technology_versions_gerund_openings_and_currents() -> None:
    """What the sixty-eighth batch of real statements taught (invented statements of the same shapes): an
    item's month in brackets dates it ("Publish the toolkit (Nov 2027)", "Near-Term Goals (April 2027 -
    August 2027)"), a bare year in brackets only names something; a technology's version ("Python 3")
    counts nothing; a goal verb's -ing form opening a list item ("by: Coaching nurses") is no name before
    a group; a place's "-specific" context serves the place; a "DC grid" is a current, not Washington."""
    met = {
        "timeframe": [
            "The project follows a staged approach: Publish the shared toolkit (Nov 2027)",
            "Near-Term Goals (April 2027 - August 2027) Hold the first meeting of the steering group.",
            "Aim to present the pilot results at the Open Data Forum in Leeds (14 May 2027).",
        ],
        "population": [
            "We will build language tools that address Kenya-specific cultural and economic needs.",
        ],
    }
    not_met = {
        "timeframe": [
            "The treaty body was established under the Abuja Treaty (1991).",
            "The first workshop was held in Oslo (June 2019).",
        ],
        "outcome": [
            "Share and develop good practices for moving to Python 3.",
        ],
        "population": [
            "The team tackles this by: Coaching nurses across career stages, prioritising new starters.",
            "The controller lets the homes share solar power on a local DC grid.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_69_calendar_years_days_before_months_verb_led_groups_and_counts_of_people() -> None:
    """What the sixty-ninth batch of real statements taught (invented statements of the same shapes): "during
    the 2027 calendar year" and "from 3 March 2027" are dates; a goal's opening verb before a group named by a
    technology ("Connect Rust maintainers") leaves the group; "+1 Billion people" is a count, not a group; an
    "end goal" is no end state; an acronym in mixed case after a place ("the US ARINet feed") names a
    system; an artefact word in a compound modifier ("format- and vendor-neutral") is no artefact."""
    met = {
        "timeframe": [
            "An open challenge to forecast flu admissions in U.S. states during the 2027 calendar year.",
            "The alliance releases the standard under a public licence from 3 March 2027.",
        ],
        "population": [
            "Our objectives are to: Connect Rust maintainers with the wider security community.",
        ],
    }
    not_met = {
        "outcome": [
            "The end goal is to make it much easier to share research code, enhancing open science.",
            "Develop common format- and vendor-neutral data models for clinical trial results.",
        ],
        "population": [
            "We aim to give +1 Billion people access to clean cooking by lending to local firms.",
            "The project gathers forecasts of the flu data from the US ARINet feed.",
        ],
    }
    assert_calls(met, not_met)


def test_batch_70_roles_narrowed_by_a_technology_teams_at_named_bodies_and_our_places_community() -> None:
    """What the seventieth batch of real statements taught (invented statements of the same shapes): a role
    narrowed by a technology or a discipline ("mainframe users", "security researchers") is a group; teams,
    engineers and developers at a named body are too; "our Leeds community" is the place's own community."""
    met = {
        "population": [
            "The mission is to offer all mainframe users a place to learn the skills new hires need.",
            "Improved communication between maintainers and security researchers.",
            "The project gives engineering teams at ICT companies the means to measure their emissions.",
            "We are volunteers who use technology to benefit the people of our Leeds community.",
        ],
    }
    assert_calls(met, {})


def test_batch_71_one_member_of_a_group_payers_offices_and_frameworks_offered() -> None:
    """What the seventy-first batch of real statements taught (invented statements of the same shapes): "the
    information a patient needs" names patients; insurers and payers are a kind of body served; a level
    before a kind of office ("county Vital Records Offices") is a group; a framework or roadmap offered,
    or a platform for training people, names no artefact; a second verb's clause is not what the first
    verb makes."""
    met = {
        "population": [
            "The guide gives the facts a patient needs to choose a clinic near home.",
            "The standard cuts the paperwork that health insurance payers ask of small practices.",
            "The exchange sends birth records to county Vital Records Offices within a day.",
        ],
        "outcome": ["The aim is to provide a shared framework (i.e., the Food Data Model) for pantries."],
    }
    not_met = {
        "outcome": [
            "The alliance aims to provide a consistent framework for representing pantry stock.",
            "This guide is intended to provide a roadmap for adopters looking to share intake data.",
            "The lab will provide a platform for training students and researchers in soil science.",
            "The aim is to document the functional needs and provide a framework supporting data exchange.",
        ]
    }
    assert_calls(met, not_met)


def test_batch_72_recruits_rankings_annual_events_seasons_and_who_the_writers_are() -> None:
    """What the seventy-second batch of real statements taught (invented statements of the same shapes): a
    count of people recruited, a place in a ranking and an annual event set up are results; what is
    converged into one suite is made; a season of a year in brackets dates an item; the place right after
    an event is its venue; "We are ... students" says who the writers are; a university's community is
    a group; capitalised events are no place."""
    met = {
        "outcome": [
            "Recruit initial 40 pantry volunteers",
            "By 2030: Establish Leeds as a top-5 city for cycling nationally",
            "By 2027: Establish annual food justice summit in Leeds",
            "The hub will converge scattered intake tools into a shared, secure referral suite.",
        ],
        "timeframe": ["Next steps: launch of the tenant survey (spring 2027)."],
        "population": [
            "The club is an informal meetup for anyone in the Leeds Beckett University community."
        ],
    }
    not_met = {
        "population": [
            "By 2027: Establish annual food justice summit in Leeds",
            "We are data enthusiasts -- analysts, organisers and students -- led by our chair.",
            "Bootcamps are designed to prepare volunteers to take part in Hackathons",
        ],
        "timeframe": ["We are currently (spring 2026) drafting a survey of member pantries."],
    }
    assert_calls(met, not_met)


def test_batch_73_deliverable_items_named_features_and_roles_narrowed_by_technologies() -> None:
    """What the seventy-third batch of real statements taught (invented statements of the same shapes): a
    deliverables list's item that only names one artefact is an output, and so are a named feature
    implemented or introduced with its short name, what a body calls its major output, a feature added to
    a standard library, a quoted toolkit built out, a grammar produced and a doc authored; a name before
    plural specifications is no artefact; accessibility professionals and programmers narrowed by two
    technologies are groups, web application developers are not."""
    met = {
        "outcome": [
            "Referral conformance test suite",
            "Non-normative implementation guide for pantry coordinators and intake volunteers",
            "The group aims to implement shared intake records (SIR) in every member pantry.",
            "The project will introduce the Regional Food Tracking System (RFTS) into the county's platform.",
            "A major output of the hub is monthly estimates of food need for each ward.",
            "Adding bilingual labels to the standard library",
            'A key part of the programme is building out a "Pantry Partner Toolkit" for members.',
            "The goal is to produce a testable, canonical grammar for the intake language.",
            "Authoring the Food Network 2030 Vision doc",
        ],
        "population": [
            "Our goal is to engage accessibility professionals across the region.",
            "The group develops tools for HTML5/JavaScript application developers.",
        ],
    }
    not_met = {
        "outcome": [
            "Maintain project roadmap",
            "The mission is to develop Open Food Platform specifications for pantry software vendors.",
        ],
        "population": ["This should allow Web application developers to embed the widget."],
    }
    assert_calls(met, not_met)


def test_batch_74_people_with_two_named_disabilities_and_a_continuing_study() -> None:
    """What the seventy-fourth batch of real statements taught (invented statements of the same shapes):
    people or user groups with two named disabilities are a group; a continuing study is ongoing work,
    no output."""
    met = {
        "population": [
            "The guide helps pantries serve people with learning and cognitive disabilities.",
            "The report describes user groups with hearing disabilities and the barriers they meet.",
        ]
    }
    not_met = {"outcome": ["The council conducts a continuing study of food costs in the region."]}
    assert_calls(met, not_met)


def test_batches_75_and_76_whole_corpora_makers_fields_and_industries() -> None:
    """What the seventy-fifth and seventy-sixth batches of real statements taught (invented statements of
    the same shapes): a complete corpus or data set, releases of one named data set and a measure
    constructed are outputs; things "created by thousands of" people count their makers, nothing to do;
    planetary scientists, resource-management authorities, an industry served and organisations narrowed by
    what they have implemented are groups; bare payers and providers, the writers' own community, a field
    ("Jewish studies", "British art"), a dictionary's name and a seat "based at X in Y" are not; a grant
    received in a year dates nothing; "over the course of 2027" bounds the work."""
    met = {
        "outcome": [
            "Our goal is to gain a complete corpus of searchable text from the county's eviction records.",
            "We will make the survey answers available as a complete, open access data set.",
            "We aim to provide quarterly public releases of Riverside Pantry Census data.",
            "The network aims to construct a reliable measure of neighbourhood food access.",
        ],
        "population": [
            "The project helps planetary scientists map dust storms on Mars.",
            "The institute advises the ministry and fisheries management authorities on stock levels.",
            "The lab funds research relevant to the shipping industry and shares results with members.",
            "The guide eases adoption by organizations that have implemented the county's referral standard.",
        ],
        "timeframe": ["We will add guides for each step over the course of 2027."],
    }
    not_met = {
        "outcome": ["Volunteers transcribe letters created by thousands of farmers, 1820-1880."],
        "population": [
            "The guide describes the exchange of claims data between payers and providers.",
            "The project offers our community of volunteer historians chances to read old ledgers.",
            "The lab runs crowdsourcing projects in Jewish studies.",
            "The archive holds the largest collection of British art and opens it to volunteers.",
            "Volunteers flag words that have not yet been recorded in the Oxford English Dictionary.",
        ],
        "timeframe": ["In 2019, the network received a grant to train volunteers."],
    }
    assert_calls(met, not_met)


def test_batch_77_a_named_item_released_a_numbered_year_and_public_primary_schools() -> None:
    """What the seventy-seventh batch of real statements taught (invented statements of the same shapes):
    a deliverables item naming one artefact with its acronym, marked released, is an output; "in year 3"
    and a period "(spanning 6 months)" bound the work; government primary schools are a group; better
    schools "for all children" count nothing."""
    met = {
        "outcome": ["Shared Intake Form (SIF) released and adopted"],
        "population": ["The trust aims to improve reading in Government primary schools in the district."],
        "timeframe": [
            "In year 3 the pantry team will open a second warehouse.",
            "During the next grant period (spanning 9 months), we will train forty drivers.",
        ],
    }
    not_met = {"outcome": ["Members help in ensuring better schools and meals for all children in Leeds."]}
    assert_calls(met, not_met)


def test_batch_78_a_cure_a_named_drug_and_what_only_counts_the_scope() -> None:
    """What the seventy-eighth batch of real statements taught (invented statements of the same shapes):
    curing a named disease is an end state and the development of one named artefact with its acronym is
    an output; "two primary ... tumors" and "each major industry" count the scope, no result; a capitalised
    verb before a role ("Helping creators") names no project's people."""
    met = {
        "outcome": [
            "The consortium aims to cure Huntington's disease.",
            "The work should result in the development of a Rapid Eviction Defence Kit (REDK) for tenants.",
        ]
    }
    not_met = {
        "outcome": [
            "The goal is to find new treatments for two primary lung-related cancers: asthma and fibrosis.",
            "The council develops shared rules coordinating the employers in each major industry.",
        ],
        "population": ["Seedbank - Helping creators fund new projects at the frontier of food and culture"],
    }
    assert_calls(met, not_met)


def test_batch_79_a_promised_named_atlas_a_named_institutions_seat_and_what_information_is_about() -> None:
    """What the seventy-ninth batch of real statements taught (invented statements of the same shapes): a
    named artefact one "will be able to find" after a colon is an output; the town a named centre or
    institute sits in is its seat, no place served; the people information is about are its subject, no
    group served."""
    met = {
        "outcome": [
            "What you will soon be able to find in our archives: An online Tenant Rights Atlas of Ohio",
        ]
    }
    not_met = {
        "population": [
            "The Ridgeway Institute of Hydrology in Dunmore, Kentucky hosts the river monitoring network.",
            "Our mission is making information about asylum seekers and refugees easier to find.",
        ]
    }
    assert_calls(met, not_met)


def test_what_a_platform_will_include_and_an_assembled_database_are_outputs() -> None:
    """Dev statements read in the fortieth session: "The platform will include a central database",
    "assemble the largest ... database", "provide an integrated access point", "Development of a PWA"
    name what will exist (invented statements of the same shapes)."""
    met = {
        "outcome": [
            "The pantry network's platform will include a shared referral database and a volunteer roster.",
            "This project attempts to assemble the largest open database of food-bank stock levels.",
            "The hub will provide an integrated access point to the region's flood data.",
            "Development of a PWA that lets tenants report repairs.",
        ]
    }
    not_met = {"outcome": ["The meetings will include a discussion of members' priorities."]}
    assert_calls(met, not_met)


def test_what_is_pulled_into_one_artefact_and_the_second_artefact_of_a_list_are_outputs() -> None:
    """Dev statements read after the thirty-eighth session's cycle: "translate these outputs into a
    network-wide hub playbook", "develop an agreed upon set of data fields ... and a FHIR-based
    implementation guide", "produce a ... firmware stack" name what will exist (invented statements of
    the same shapes)."""
    met = {
        "outcome": [
            "The pantry network will consolidate its partners' intake forms into a shared referral platform.",
            "The group will define a common list of data fields and a county-wide reporting guide.",
            "The working group will develop a JSON encoding for shelter availability data.",
        ]
    }
    not_met = {"outcome": ["The workgroup discusses what hospitals need to integrate the app into a system."]}
    assert_calls(met, not_met)


def test_a_group_and_a_place_are_one_span_only_when_nothing_but_joining_words_stand_between() -> None:
    """A new user's statement showed its population as "Lower Kettle Valley dies or loses their home to a
    flood, and every household": a place and a group merged across a clause."""
    flood = check_purpose(
        "By 2028, no one in the Lower Kettle Valley dies or loses their home to a flood, and every "
        "household gets warned in their own language at least 24 hours ahead."
    )
    assert flood.criteria["population"].evidence == "every household"
    leeds = check_purpose("Give every child and young person in Leeds a library card by 2027.")
    assert leeds.criteria["population"].evidence == "every child and young person in Leeds"


def test_a_season_ahead_is_a_deadline_and_deploying_a_counted_thing_a_result() -> None:
    """A new user's goal "... by next summer" was drafted with a second deadline from the metrics table
    ("... by next summer ... by the end of 2026"); "deploy" once went missing from the result verbs."""
    assert_calls(
        {
            "timeframe": [
                "Enroll 75% of eligible children in Summer EBT by next summer.",
                "Open the east side pantry before this fall.",
            ],
            "outcome": ["Deploy 40 air quality sensors across Harlan County by 2027."],
        },
        {"timeframe": ["Staff the pantry by summer term rotas.", "We enjoyed the summer picnic."]},
    )


def test_a_named_creek_river_or_lake_is_a_place() -> None:
    """A new user's "the Cedar Falls Water Utility intake on Willow Creek" got "population: not found"."""
    assert_calls(
        {
            "population": [
                "Cut nitrate at the Cedar Falls Water Utility intake on Willow Creek to 9.5 mg/L by 2027.",
                "Restore 12 miles of buffers along the Kettle River by 2028.",
                "Open two public beaches on Mirror Lake by 2027.",
            ]
        },
        {
            "population": [
                "The Kettle River Band protects wild rice.",
                "We want a healthier river for everyone.",
            ]
        },
    )
