"""Twelfth blind holdout (holdout12): ten invented pages (150-300 words of prose each), written from
scratch in the annotator's own words to read like scraped web copy from varied sources and markets:
six risky (a Tijuana medical-tourism clinic's stem cell facial page, a UK pharmacy blog pushing a
"growth factor" serum, a US influencer's TikTok script for an at-home exosome kit, an Australian
clinic's polynucleotide hair page with FAQ, a Singapore clinic's skin booster page, a Canadian brand's
LED mask product page with reviews), one mixed (a UK newspaper feature quoting a clinic's claims inside
critical framing plus the reporter's own endorsing line) and three compliant (an Irish clinic's honest
microneedling/PRP FAQ with contraindications, a regulator-style consumer warning, a US dermatologist's
balanced explainer).

WRITTEN BLIND AND NOT YET SCORED: the pages and labels were written without running exolint or the
scorer and without reading rules/, exolint/ or the holdout8-11 sets. Labelling follows
../shared/corpus/real/README.md (rules and clarifications 1-6): shortest phrase carrying the risk,
voice "asserted" (author or promoted practitioner) or "quoted" (claim reproduced in critical framing;
neutral for scoring); generic characterisations in a warning context are clean hard negatives.
Offsets are Python str indices. No sentence was copied or paraphrased from ../shared.

Run this script to regenerate holdout12.labels.json. It fails if a span does not occur exactly once
(or, with an occurrence index, at least that many times), if spans overlap, if a clean string is
missing or overlaps a span, or if a category is unknown."""
import json, os

here = os.path.dirname(os.path.abspath(__file__))
AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST, OTH = ("absolute_safety", "unqualified_percentage",
    "human_derived", "medicinal_claim", "structure_function", "non_cosmetic_route", "comparative_superiority",
    "vague_science", "regulator_claim", "hype", "testimonial_results", "other")
CATS = {AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST, OTH}
Q = "quoted"

# (file, source_type, kind, market, country, spans, clean, notes)
# span: (text, category[, voice]); voice defaults to "asserted".
DOCS = [
    ("mx_tijuana_stem_cell_facial.html", "clinic_page", "risky", "unknown", "MX", [
        ("the regenerative facial that Hollywood keeps secret", HY),
        ("umbilical cord mesenchymal stem cells from screened donors", HD),
        ("the cell concentrate is injected directly into the dermis", RT),
        ("the stem cells become new collagen-producing cells and replace the tired, damaged ones", SF),
        ("Patients tell us their skin looks like it did a decade ago", TST),
        ("there is no possibility of rejection or allergic reaction", AS),
        ("Deep acne scarring", MED),
        ("Rosacea and chronic redness", MED),
        ("melasma", MED),
        ("Ninety-four percent of our patients report dramatic improvement", UP),
        ("Treatments of this kind are not yet available in the United States", OTH),
        ("Results last up to five years, far longer than any filler", CMP),
    ], [
        "After a light microneedling pass",
        "Packages include hotel transfers, a bilingual coordinator and a follow-up video call.",
        "A deposit of $500 secures your date.",
    ], "English page of a medical-tourism clinic aimed at US patients; invented clinic."),
    ("uk_pharmacy_blog_growth_factor.md", "retailer_blog", "risky", "UK", "GB", [
        ("growth factors harvested from cultured human fibroblasts", HD),
        ("we lose around 1% of our collagen every single year", UP),
        ("restart collagen production at the rate of a teenager", SF),
        ("filling in lines from underneath", SF),
        ("soothes inflamed, irritated skin", MED),
        ("speeds up the healing of breakouts", MED),
        ("clears post-inflammatory pigmentation within a fortnight", MED),
        ("works better than prescription retinoids", CMP),
        ("completely safe for every skin type, including during pregnancy", AS),
    ], [
        "Growth factors are the messenger proteins your body uses to tell cells when to divide",
        "It is dermatologically tested, fragrance-free and suitable for sensitive skin.",
        "Follow with SPF 30 or higher during the day.",
        "speak to our pharmacist if you are using any prescription skin treatments",
    ], "Invented high-street pharmacy blog."),
    ("us_tiktok_home_exosome_kit.txt", "influencer_script", "risky", "US", "US", [
        ("This little bottle just replaced my entire med spa budget", CMP),
        ("the exosomes actually come from human stem cells", HD),
        ("the exosomes can get deep into your skin", SF),
        ("my pores have literally shrunk in half", TST),
        ("the texture from my old acne? Healed", TST),
        ("she's been using it on her arms and it's cleared up", MED),
        ("reprogram your cells to act young again", SF),
        ("It's like Botox and a facial had a baby", HY),
        ("zero side effects", AS),
        ("the number one exosome kit in America", CMP),
        ("it's approved by the FDA", REG),
    ], [
        "It stings for a sec, I'm not gonna lie.",
        "Code JESS20 gets you twenty percent off",
        "Results may vary, I'm not a doctor",
    ], "Sponsored creator script; the sister's eczema line is labelled medicinal_claim (condition named)."),
    ("au_polynucleotide_hair_faq.html", "clinic_page", "risky", "unknown", "AU", [
        ("wake up dormant hair follicles and restore them to their growth phase", SF),
        ("hair comes back thicker and stronger", MED),
        ("calm the inflammation around the follicle", MED),
        ("Polynucleotides reverse hair loss", MED),
        ("postpartum shedding", MED),
        ("stress-related shedding", MED),
        ("female pattern thinning", MED),
        ("patchy alopecia", MED),
        ("Salmon DNA is almost identical to human DNA", VS),
        ("the body accepts it without any risk of reaction", AS),
        ("an 80% increase in hair density", UP),
        ("Polynucleotides outperform both", CMP),
    ], [
        "Our clinicians use a fine needle to place small amounts of product across the areas of thinning.",
        "Most clients describe the sensation as a light scratching.",
        "You may see some small bumps on the scalp for a day or so.",
        "All treatments follow a consultation with one of our registered nurses.",
    ], "Injected polynucleotides: not non_cosmetic_route (clarification 3). Left unlabelled: the hedged "
       "'Many of our clients notice less hair in the shower drain within a month'."),
    ("sg_skin_booster_page.md", "clinic_page", "risky", "unknown", "SG", [
        ("activates the skin's regeneration signals", SF),
        ("boosts fibroblast activity", SF),
        ("increases blood vessel formation", SF),
        ("the skin literally rebuilds itself from within", SF),
        ("Clinical studies show", VS),
        ("collagen increases of up to 300%", UP),
        ("Repairs the skin barrier", SF),
        ("Heals acne scars", MED),
        ("Treats sensitive, reactive skin and redness", MED),
        ("Stimulates your own collagen and elastin", SF),
        ("the fastest way to reset the skin", CMP),
        ("voted Singapore's best skin booster clinic", CMP),
        ("100% safe", AS),
        ("Our skin boosters are HSA approved", REG),
    ], [
        "Unlike fillers, which add volume to one spot",
        "Treatment is performed by a registered doctor after a face-to-face consultation.",
        "Individual results vary.",
    ], "HSA registers some boosters as devices: regulator_claim of the partly-true kind (clarification 6)."),
    ("ca_led_mask_product.txt", "brand_product_page", "risky", "unknown", "CA", [
        ("Professional results in ten minutes a day", HY),
        ("energizes your cells and triggers new collagen", SF),
        ("reaches deep into the tissue to repair damage at the source", SF),
        ("kills acne-causing bacteria and clears breakouts", MED),
        ("Speeds wound healing", MED),
        ("Reduces joint and muscle pain", MED),
        ("Approved by Health Canada and the FDA", REG),
        ("the safest at-home LED device on the market", CMP),
        ("Clinically shown", VS),
        ("reduce wrinkles by 76% in 4 weeks", UP),
        ("My cystic acne is gone", TST),
        ("my cystic acne is gone", TST),
        ("Like a facelift", HY),
        ("My jowls have lifted noticeably", TST),
    ], [
        "It works fine but it's heavier than I expected",
        "Not for use by people with photosensitivity or those taking photosensitising medication.",
        "Wear the eye shields provided.",
    ], "Review title and body repeat the acne claim (different case); both labelled."),
    ("news_exosome_facial_feature.md", "editorial", "mixed", "UK", "GB", [
        ("Our exosomes are taken from human bone marrow stem cells", HD, Q),
        ("tell your skin to heal like a child's", MED, Q),
        ("clients whose acne scars have completely disappeared", MED, Q),
        ("the most advanced anti-ageing facial in the world", CMP, Q),
        ("my skin was plumper and brighter than it has looked in years", TST),
        ("this is the one treatment I'd tell every woman over 35 to book", HY),
    ], [
        "pair microneedling with a serum of tiny particles released by cells",
        "no exosome product is licensed as a medicine in the UK",
        "products containing human-derived material cannot legally be sold as cosmetics",
        "injecting unlicensed products carries a risk of infection and other complications",
    ], "Clinic owner's claims sit inside critical framing (quoted); the reporter's own try-out and "
       "recommendation are asserted."),
    ("ie_clinic_honest_faq.html", "clinic_faq", "compliant", "EU", "IE", [], [
        "Many patients see an improvement in the look of skin texture and fine lines after a course of three sessions.",
        "Does PRP help with acne scars?",
        "Some small studies suggest microneedling may soften the appearance of certain shallow scars",
        "Serious problems are uncommon, but no procedure is free of risk.",
        "We do not use exosome or stem cell products, because their quality and safety are not yet well established.",
    ], "Autologous PRP with microneedling; contraindications listed."),
    ("regulator_consumer_warning.txt", "regulator_guidance", "compliant", "unknown", None, [], [
        "A product that claims to treat or prevent a disease, heal scars, or regrow hair is regulated as a medicine or medical device",
        "Products containing human cells or tissue cannot be sold as cosmetics.",
        "At present, no exosome or stem cell product is authorised for cosmetic injection.",
        "says a treatment is \"risk-free\" or has \"no side effects\"",
        "promises to cure acne, rosacea, eczema or hair loss",
    ], "Invented agency, no jurisdiction stated. Generic red-flag phrases are not labelled (clarification 1)."),
    ("derm_balanced_explainer.md", "physician_education", "compliant", "US", "US", [], [
        "no polynucleotide injectable is currently FDA approved for cosmetic use",
        "Laboratory studies suggest these molecules may support wound repair in cell cultures and animal models.",
        "Can they treat hair loss or acne scars?",
        "Long-term safety data are limited.",
    ], None),
]


def locate(text, t, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.find(t, i + 1)
        assert i >= 0, t
    return i


def build():
    docs = []
    files = sorted(f for f in os.listdir(here) if not f.endswith((".py", ".json")))
    assert files == sorted(d[0] for d in DOCS), (files, [d[0] for d in DOCS])
    for name, stype, kind, market, country, spans, clean, notes in DOCS:
        text = open(os.path.join(here, name), encoding="utf-8").read()
        labelled = []
        for t, cat, *voice in spans:
            assert cat in CATS, (name, cat)
            assert text.count(t) == 1, (name, t, text.count(t))
            s = locate(text, t)
            labelled.append(dict(text=t, category=cat, voice=voice[0] if voice else "asserted",
                                 start=s, end=s + len(t)))
        labelled.sort(key=lambda d: d["start"])
        for a, b in zip(labelled, labelled[1:]):
            assert a["end"] <= b["start"], (name, a["text"], b["text"])
        for c in clean:
            assert c in text, (name, c)
            i = text.find(c)
            for sp in labelled:
                assert not (sp["start"] < i + len(c) and i < sp["end"]), (name, c, sp["text"])
        assert kind != "compliant" or not labelled, name
        assert kind == "risky" or len(clean) >= 2, name
        rec = dict(file=name, source="invented (written blind for holdout12)", source_type=stype,
                   kind=kind, market=market, country=country, spans=labelled, clean=clean)
        if notes:
            rec["notes"] = notes
        docs.append(rec)
    return docs


if __name__ == "__main__":
    docs = build()
    with open(os.path.join(here, "holdout12.labels.json"), "w", encoding="utf-8") as f:
        json.dump(docs, f, indent=1, ensure_ascii=False)
        f.write("\n")
    from collections import Counter
    print(Counter(d["kind"] for d in docs))
    print(Counter((s["category"], s["voice"]) for d in docs for s in d["spans"]))
    print("spans", sum(len(d["spans"]) for d in docs), "clean", sum(len(d["clean"]) for d in docs))

# First untouched measurement (2026-12-05, end of the "Real copy" round; no rule changed with this
# set in view): recall 0.635 (47/74), 14 false positives (15.98 per 1,000 compliant words). By
# category: absolute_safety 5/5, comparative_superiority 5/8, human_derived 3/3, hype 1/5,
# medicinal_claim 10/19, non_cosmetic_route 1/1, other 0/1, regulator_claim 2/3,
# structure_function 9/14, testimonial_results 5/7, unqualified_percentage 4/5, vague_science 2/3.
# 13 of the false positives were on the consumer-safety notice (a "Be cautious if an advert:" list,
# "What the law says"); consumer-advice voice was then added with this set in view.
