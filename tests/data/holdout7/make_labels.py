"""Seventh blind holdout (qa7): eight pages in formats and genres earlier rounds did not cover:
a sponsored TikTok creator script with hashtags and emoji (US), a UK clinic Black Friday email
newsletter, an EU brand press release for a "secretome" skin booster, a Canadian marketplace listing
for an at-home derma stamp + exosome kit (bullet points and reviews), an Australian IV "wellness
lounge" Instagram caption batch, a UK Meta ad test batch (headline / primary text), and two fully
compliant pages: a US dermatologist's evidence blog post (regulatory and negated mentions, bad claims
quoted as red flags) and a Canadian med-spa FAQ with honest answers.
Labelled the way /work/shared/corpus/seeds.labels.json is: short spans for each risky claim (with
category), compliant near-misses as "clean", and bad claims quoted as bad examples as spans with
"voice": "quoted" (neutral: neither required nor false positives). Written before reading the rule
patterns and measured untouched first.
Run this script to regenerate holdout7.labels.json; it checks that every span and clean text occurs
in its file and that no clean text overlaps a span."""
import json, os

here = os.path.dirname(os.path.abspath(__file__))
AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST, CELL = ("absolute_safety", "unqualified_percentage",
    "human_derived", "medicinal_claim", "structure_function", "non_cosmetic_route", "comparative_superiority",
    "vague_science", "regulator_claim", "hype", "testimonial_results", "cell_therapy")
Q = "quoted"

DOCS = [
    ("tiktok_creator_script.txt", "US", "risky", [
        ("the serum that dermatologists don't want you to know about", HY),
        ("they literally tell your skin cells to act ten years younger", SF),
        ("your face just forgets how old it is", HY),
        ("my acne scars are just... gone", TST),
        ("the dark marks from my last breakout? They faded in like five days", TST),
        ("97% saw firmer skin in 7 days", UP),
        ("Ninety-seven percent of people in their study saw firmer skin in a week", UP),
        ("there's literally nothing in it that could ever irritate you", AS),
        ("It does what a $900 exosome facial does for like sixty bucks", CMP),
    ], [
        "Please avoid saying \"FDA approved\"",
        "avoid medical words like \"cure\" or \"treat\"",
        "The derma stamp is 0.25 mm and is for use on clean, unbroken skin only.",
        "tell me in the comments if you want a 30-day update!",
    ]),
    ("uk_clinic_black_friday_email.md", "UK", "risky", [
        ("the facial that turns back the clock", HY),
        ("exosomes sourced from donated human placental tissue", HD),
        ("switch your cells back into repair mode", SF),
        ("fine lines and enlarged pores are wiped out in a single session", SF),
        ("there's no chance of a reaction", AS),
        ("calms eczema flare-ups and settles rosacea", MED),
        ("9 out of 10 clients saw a visible lift after just one treatment", UP),
        ("the new gold standard for under-eye hollows", CMP),
        ("We inject them along the tear trough", RT),
        ("rebuild the delicate tissue under your eyes", SF),
        ("Two sessions and my under-eye bags have vanished completely", TST),
    ], [
        "every exosome facial and polynucleotide course at Halcyon Skin is 30% off",
        "Polynucleotide treatments are only carried out by our nurse prescriber after a face-to-face consultation.",
        "A consultation is required, and not everyone is suitable for every treatment.",
        "Mild redness for a day or two is normal after an exosome facial.",
        "You can unsubscribe at any time.",
    ]),
    ("eu_brand_press_release.md", "EU", "risky", [
        ("Europe's first stem-cell secretome skin booster", CMP),
        ("released by human bone-marrow mesenchymal stromal cells", HD),
        ("the only secretome booster in Europe", CMP),
        ("rebuilds skin architecture at the cellular level", SF),
        ("boosted dermal collagen density by 62 percent in just four weeks", UP),
        ("designed for intradermal injection", RT),
        ("there is no risk of immune rejection whatsoever", AS),
        ("This is a quantum leap for regenerative aesthetics", HY),
        ("accelerates recovery in patients with psoriasis, vitiligo and post-surgical scars", MED),
        ("It is the future of dermatology", HY),
        ("SECRETA 7 is CE certified", REG),
    ], [
        "will be available exclusively to licensed physicians in Germany, Austria and Switzerland from January 2027",
        "Pricing for clinics will be announced at launch.",
        "Founded in 2011, Veridane develops professional skincare for dermatology practices and employs 140 people",
    ]),
    ("ca_marketplace_derma_stamp_kit.txt", "CA", "risky", [
        ("travel down to the deeper layers of the dermis", SF),
        ("sourced from human stem cell culture media", HD),
        ("repair your skin from within", SF),
        ("FADES SCARS, STRETCH MARKS AND CELLULITE FOR GOOD", MED),
        ("no irritation guaranteed", AS),
        ("Safe to use during pregnancy and breastfeeding", AS),
        ("REGROWS THINNING HAIR", MED),
        ("wake up sleeping follicles and stop shedding", MED),
        ("HEALTH CANADA LICENSED", REG),
        ("2X FASTER RESULTS than ordinary serums", CMP),
        ("My melasma has faded so much", TST),
    ], [
        "140 Titanium Needles",
        "4.3 (2,184 ratings)",
        "30-day money-back promise",
        "Stings for a minute on the first use, then fine.",
        "Didn't notice much after a month.",
        "Do not use on broken, irritated or infected skin, active acne, or over moles.",
        "Sterilise the stamp with 70% isopropyl alcohol before and after each use.",
        "Stop use and consult a healthcare professional if redness lasts longer than 48 hours.",
    ]),
    ("au_iv_lounge_instagram.txt", "AU", "risky", [
        ("EXOSOME IV INFUSIONS", RT),
        ("delivered straight into your bloodstream", RT),
        ("whole-body regeneration from the inside out", SF),
        ("switches off inflammation and helps your immune system reboot", MED),
        ("the brain fog lifts after the very first drip", TST),
        ("Exosomes home in on worn cartilage and rebuild it naturally", MED),
        ("Arthritis doesn't have to be forever", MED),
        ("my bloods came back like a 30-year-old's", TST),
        ("Our supplier is fully TGA compliant", REG),
        ("zero risk", AS),
    ], [
        "Kate spent 12 years in ICU before joining us and now leads our infusion team.",
        "Every client has a health check with our doctor before their first appointment.",
        "Open to Australian residents aged 18+.",
        "This giveaway is not affiliated with Instagram.",
    ]),
    ("uk_meta_ad_variants.txt", "UK", "risky", [
        ("Britain's most-booked exosome treatment", CMP),
        ("Powered by real human stem cell exosomes", HD),
        ("Melasma, sun spots and post-acne marks dissolve after one course", MED),
        ("Clinically proven.", VS),
        ("shown to make skin 15 years younger at a cellular level", SF),
        ("Safer Than Fillers", CMP),
        ("no risk of lumps or migration", AS),
        ("MHRA Approved Exosomes", REG),
        ("The only London clinic using MHRA-approved exosomes", REG),
        # labelled clean when written blind; /work/shared/regulatory.md A6 lists "numbing cream applied
        # first" as a risky phrasing (EU Borderline Manual: anaesthetic implies deeper-than-cosmetic
        # penetration), so the label was corrected after the untouched measurement
        ("Numbing cream is applied first", RT),
    ], [
        "Our exosome facial combines microneedling with a plant-derived exosome serum.",
        "Consultation included. Results vary.",
        "Brighter, fresher-looking under-eyes with a course of polynucleotide treatments.",
        "Prescriber-led, face-to-face consultation required.",
        "Common side effects include swelling and bruising.",
        "most clients find it comfortable",
    ]),
    ("us_derm_blog_exosome_evidence.md", "US", "compliant", [
        ("\"completely safe\"", AS, Q),
        ("\"FDA approved\" or \"better than Botox\"", REG, Q),
        ("it will \"cure\" acne or hair loss", MED, Q),
        ("\"clinically proven\" means little", VS, Q),
    ], [
        "researchers have shown that exosomes from stem cells can influence how skin cells behave in a dish",
        "Are exosomes FDA approved?",
        "There are currently no FDA-approved exosome products for any use, cosmetic or medical.",
        "warning consumers about unapproved exosome products after reports of serious adverse events in patients who received them by injection",
        "the FDA does not review it for safety or effectiveness before it goes on sale",
        "Some products use exosomes from human stem cells, others from plants, bacteria or animal cells.",
        "we do not use human-derived exosomes, and we never inject exosome products",
        "One split-face study of 21 women found modest improvements in wrinkles after 12 weeks; it had no placebo group.",
        "it is not risk-free",
        "If you have acne, rosacea or eczema, see a dermatologist for treatments with strong evidence behind them.",
        "Daily sunscreen, a retinoid and patience still do more for most people than any trend.",
    ]),
    ("ca_medspa_honest_faq.html", "CA", "compliant", [], [
        "It contains no human or animal material.",
        "Will it get rid of my acne scars?",
        "Microneedling can soften the look of shallow scars over several sessions",
        "no procedure is completely safe",
        "Is it approved by Health Canada?",
        "Cosmetic serums are not approved by Health Canada",
        "The microneedling pen we use is licensed by Health Canada as a medical device.",
        "Health Canada has not authorized any exosome product for injection, and we do not inject exosomes.",
        "performs PRP under-eye treatments after a medical assessment",
        "as safety has not been studied",
        "We can't guarantee results",
        "Most people go back to work the next day with makeup on.",
    ]),
]


def build():
    docs = []
    for name, market, kind, spans, clean in DOCS:
        text = open(os.path.join(here, name), encoding="utf-8").read()
        for t, *_ in spans:
            assert text.count(t) == 1, (name, t)
        for c in clean:
            assert c in text, (name, c)
            assert not any(t in c or c in t for t, *_ in spans), (name, c)
            i = text.find(c)
            assert not any(text.find(t) < i + len(c) and i < text.find(t) + len(t) for t, *_ in spans), (name, c)
        labelled = []
        for t, cat, *voice in spans:
            labelled.append(dict(text=t, category=cat, **({"voice": voice[0]} if voice else {})))
        docs.append(dict(file=name, kind=kind, market=market, spans=labelled, clean=clean))
    return docs


if __name__ == "__main__":
    with open(os.path.join(here, "holdout7.labels.json"), "w", encoding="utf-8") as f:
        json.dump(build(), f, indent=1, ensure_ascii=False)
        f.write("\n")

# Measured untouched (before the holdout7 rule round), with the labels as first written: recall 0.656
# (40/61), 8 false positives (regulator-approved on the brand note 'avoid saying "FDA approved"' and on
# a microneedling pen "licensed by Health Canada as a medical device"; scientists-found and studies-show
# on the dermatologist's "In the lab, researchers have shown ... in a dish", "what the research shows"
# and "What does the research show?"; numbing-anaesthetic on "Numbing cream is applied first").
# The numbing sentence was then relabelled risky (regulatory.md A6 lists "numbing cream applied first"):
# untouched with corrected labels 0.661 (41/62), 7 false positives.
# After the round: recall 0.984 (61/62), 0 false positives. Still missed: "your face just forgets how
# old it is" (an idiom with no claim vocabulary to anchor on).
