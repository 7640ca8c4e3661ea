"""Ninth blind holdout (qa9): fourteen pages written from scratch for this set, in formats and from
sources the earlier rounds under-used. WRITTEN BLIND AND NOT YET SCORED: the author did not run
exolint or the scorer and did not read rules/, exolint/ or tests/data/holdout8/ while writing it.
All businesses, people, products, studies and references in these pages are fictional; no sentence
was copied or paraphrased from ../shared.

Risky (7): a Korean-beauty retailer listing for an exosome ampoule (bullet benefits, ingredient list,
customer Q&A); a UK aesthetic nurse's Instagram caption batch; an Australian PRP "vampire facial"
landing page with a Markdown treatment-menu table (conditions in the "Good for" cells); a US
hair-restoration clinic FAQ in HTML (exosomes injected into the scalp, <ul> of benefits); a Spanish
clinic's translated page with odd English (HTML list); a US brand's "science" page for a PDRN serum
with uncited numbers; a sponsored influencer review with before/after talk.
Mixed (2): a trade-press launch article quoting a brand's claims (quoted spans only) with compliance
commentary; a UK clinic blog that explains the rules honestly, then pushes its own facial.
Compliant (5): an enforcement-notice summary from an invented regulator (reproduces the advertiser's
claims as quoted spans, which score.py treats as neutral, following holdout7's compliant page with
quoted spans); a consumer advice column; an Irish clinic aftercare sheet (HTML lists); a dermatology
nurse's evidence review with numbered (fictional) references; an honest Canadian treatment menu.

Labelling follows ../shared/corpus/real/README.md: shortest phrase carrying the risk, lists split,
appearance-qualified claims and hedged safety not labelled, generic warnings ("Cures acne" given as
examples of what not to say, scare-quoted "reprogramme") kept as clean hard negatives.
Judgement calls: numbing cream in a PRP procedure context is not labelled (README clarification 3:
autologous PRP is not non_cosmetic_route); on the Australian PRP page it is left unlabelled and not
clean, and on the aftercare sheet it is a clean string. In an exosome context ("we apply anaesthetic
cream" on the Spanish page) it is labelled non_cosmetic_route, as in holdout7. Markets follow
holdout7 (UK / EU / US / CA / AU / unknown); "country" is the ISO code of the publisher, or null.

Run this script to regenerate holdout9.labels.json: it checks that every span occurs exactly once,
that every clean string occurs, that spans do not overlap each other or any clean string, and writes
character offsets (Python str indices)."""
import collections, json, os

here = os.path.dirname(os.path.abspath(__file__))
AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST = ("absolute_safety", "unqualified_percentage",
    "human_derived", "medicinal_claim", "structure_function", "non_cosmetic_route", "comparative_superiority",
    "vague_science", "regulator_claim", "hype", "testimonial_results")
Q = "quoted"

# (file, market, country, source_type, kind, spans, clean); span = (text, category[, voice])
DOCS = [
    ("kr_exosome_ampoule_listing.md", "unknown", "KR", "retailer_listing", "risky", [
        ("5 billion human cord-blood exosomes", HD),
        ("Sinks past the surface and docks straight onto your fibroblasts", SF),
        ("Switches on collagen type I and III production", SF),
        ("Erases acne scars and post-breakout redness", MED),
        ("Calms rosacea flare-ups", MED),
        ("Soothes eczema patches", MED),
        ("Zero irritation, even on freshly lasered skin", AS),
        ("3x the exosome count of the leading Western serum", CMP),
        ("Tested in a Korean university lab", VS),
        ("94% more skin density", UP),
        ("roll a 0.5 mm derma roller first so the exosomes can slip into the dermis", RT),
        ("Human Cord Blood Cell Conditioned Media", HD),
        ("Exosomes actually repair retinol damage", SF),
        ("there's nothing harmful in it", AS),
    ], [
        "Skin looks brighter and more even",
        "Patch test on the inner arm before first use.",
        "Not tested on animals",
        "Store below 25°C; use within 6 months of opening",
    ]),
    ("uk_nurse_instagram_captions.txt", "UK", "GB", "social_media_captions", "risky", [
        ("Her dark circles have literally disappeared", TST),
        ("This is what you can expect too", TST),
        ("Results like this are standard in my clinic", TST),
        ("tell your tired cells to start acting young again", SF),
        ("so they go in deep where the magic happens", SF),
        ("there's no downtime and no risks", AS),
        ("Forget filler. This works better", CMP),
        ("it actually fixes the skin", SF),
        ("they knock down the inflammation and heal the barrier", MED),
        ("I've seen rosacea clear in 2 sessions", MED),
        ("MHRA registered", REG),
        ("the gold standard", CMP),
    ], [
        "the crepey bit under her eyes looks so much smoother",
        "every treatment starts with a face-to-face consultation",
        "Not everyone is a candidate and results vary from person to person.",
        "Polynucleotides + exosomes + LED in one visit",
    ]),
    ("au_vampire_facial_landing.md", "AU", "AU", "clinic_page", "risky", [
        ("your body's healing signals get to work", MED),
        ("100% natural, so there's nothing for your body to react to", AS),
        ("command your skin to lay down fresh collagen and new blood vessels", SF),
        ("they look five years younger after one session", TST),
        ("Acne scarring", MED),
        ("Thinning hair", MED),
        ("alopecia", MED),
        ("postpartum shedding", MED),
        ("Rosacea", MED),
        ("melasma", MED),
        ("stretch marks", MED),
        ("The only clinic on the Coast with a dual-spin centrifuge system", CMP),
        ("Twice the platelet concentration of single-spin kits", CMP),
        ("Results guaranteed", HY),
        ("TGA-approved PRP kits", REG),
    ], [
        "Individual results vary.",
        "Not suitable during pregnancy, for people with blood disorders, or for those taking blood thinners.",
        "Expect redness like a mild sunburn for 24-48 hours",
        "Book a free skin consult to check PRP is right for you.",
    ]),
    ("us_hair_clinic_exosome_faq.html", "US", "US", "clinic_faq", "risky", [
        ("donated umbilical cord tissue (Wharton's jelly)", HD),
        ("processed in an FDA-registered lab", REG),
        ("the most potent, youngest signals available", HY),
        ("injects the exosome solution directly into the scalp", RT),
        ("Wakes up dormant follicles and pushes them back into the growth phase", SF),
        ("Reverses miniaturization so thin hairs grow back thicker", MED),
        ("Stops shedding", MED),
        ("Shuts down the scalp inflammation that drives pattern baldness", MED),
        ("Female pattern hair loss", MED),
        ("postpartum shedding", MED),
        ("alopecia areata", MED),
        ("roughly 50 times more growth factors than PRP", CMP),
        ("unlike minoxidil you don't have to apply anything every day for the rest of your life", CMP),
        ("see real regrowth here", MED),
        ("there is no risk of rejection or reaction", AS),
        ("Side effects are basically nonexistent", AS),
        ("Hair regrows for good in 85% of patients", UP),
    ], [
        "is an elective cosmetic treatment and is not covered by insurance",
        "talk through all of your options, including ones we don't offer",
        "Book a scalp analysis with our team.",
    ]),
    ("es_clinic_translated_page.html", "EU", "ES", "clinic_page_translated", "risky", [
        ("we are pioneers in the Costa del Sol", HY),
        ("they transport the orders of regeneration to the skin damaged", SF),
        ("mesenchymal stem cells of human adipose tissue", HD),
        ("Regenerates the dermis in profundity", SF),
        ("Eliminates the wrinkles and the expression lines", SF),
        ("Cicatrises the acne", MED),
        ("the marks of surgery", MED),
        ("Treats the alopecia", MED),
        ("the fall of the hair", MED),
        ("we apply anaesthetic cream", RT),
        ("with the technique of mesotherapy", RT),
        ("infiltrates the exosomes in the face with microinjections", RT),
        ("totally innocuous and without secondary effects", AS),
        ("The results are visible from the first session", HY),
        ("superior to the ones of the hyaluronic acid and the botulinum toxin", CMP),
        ("approved by the Ministry of Health", REG),
    ], [
        "Improves the luminosity and the hydration of the skin",
        "our clinic is authorised sanitary centre with number NICA 48213",
        "the results can vary between patients",
        "Is necessary a previous medical consultation.",
    ]),
    ("us_brand_pdrn_science.md", "US", "US", "brand_page", "risky", [
        ("reserved for hospital wound care", MED),
        ("binds to adenosine A2A receptors on your skin cells", SF),
        ("fibroblasts multiply, new capillaries form", SF),
        ("damaged DNA is patched up before it turns into a wrinkle", SF),
        ("+212% fibroblast proliferation", UP),
        ("+67% type I collagen after 28 days", UP),
        ("-41% wrinkle depth in 8 weeks", UP),
        ("Salmon DNA is 95% identical to human DNA", UP),
        ("your skin recognises it instantly", SF),
        ("twenty times more than anyone else", CMP),
        ("you get clinic results without the needle", CMP),
        ("Over 300 published studies support PDRN's regenerative power", VS),
        ("Dermatologists agree", VS),
        ("the most important anti-aging ingredient since retinol", CMP),
    ], [
        "98% said their skin felt more hydrated",
        "Consumer perception survey, 104 women aged 35-60, after 4 weeks of twice-daily use",
        "Dermatologist tested on sensitive skin.",
        "Fragrance-free. Non-comedogenic.",
    ]),
    ("us_influencer_sponsored_review.md", "US", "US", "influencer_blog", "risky", [
        ("a 0.3 mm microneedle stamp, a vial of freeze-dried \"bio-exosome\" powder", RT),
        ("young human stem cells", HD),
        ("The hyperpigmentation on my cheeks from my pregnancy basically melted away", TST),
        ("my before and after pics look like two different people", TST),
        ("My forehead lines are gone", TST),
        ("My husband thinks I look ten years younger", TST),
        ("honestly it works better", CMP),
        ("It's totally safe - there are no chemicals in it", AS),
        ("If you've got acne scarring, this is the kit that will finally fix it", MED),
        ("Everyone who tries it gets the same results I did", TST),
    ], [
        "This post is sponsored by Celeste Skin.",
        "By day five my pores looked visibly tighter.",
        "My photos are unfiltered and were taken in the same window light.",
        "Everyone's skin is different.",
    ]),
    ("eu_trade_press_launch.md", "EU", "DK", "trade_press", "mixed", [
        ("lab-grown human exosomes from umbilical cord stem cells", HD, Q),
        ("reverses photo-ageing at the genetic level", SF, Q),
        ("heals post-procedure skin", MED, Q),
        ("three times faster than PRP", CMP, Q),
        ("100% safe, with zero adverse events", AS, Q),
        ("92% of patients looked a decade younger", UP, Q),
        ("inject EXOVIK Pro intradermally", RT, Q),
        ("apply it after 1.5 mm microneedling", RT, Q),
    ], [
        "cells, tissues and products of human origin are on the list of substances banned from cosmetic products",
        "A claim of zero adverse events is not something any evidence can support",
        "a cosmetic cannot claim to heal anything",
        "ask suppliers for its legal classification, the origin of any biological material",
    ]),
    ("uk_clinic_blog_rules_then_push.md", "UK", "GB", "clinic_blog", "mixed", [
        ("switch on collagen production and speed up cell turnover", SF),
        ("the microneedles open channels into the dermis, more of the serum reaches the cells that need it", SF),
        ("Clients with active acne or rosacea find it calms their skin down for good", MED),
        ("the most advanced exosome facial in Leeds", CMP),
    ], [
        "Human-derived exosomes can't legally go in cosmetics here.",
        "\"Cures acne\", \"no side effects\" and \"better than Botox\" are all claims you shouldn't see in a clinic's advertising",
        "nobody should be injecting exosomes into your face",
        "you may have redness and some flaking for a few days",
    ]),
    ("regulator_enforcement_notice.txt", "unknown", None, "regulator_notice", "compliant", [
        ("Stem-cell exosomes harvested from human placenta", HD, Q),
        ("Repairs damaged DNA and regrows collagen within 48 hours", SF, Q),
        ("Permanently clears acne, eczema and psoriasis", MED, Q),
        ("Approved by the Department of Health", REG, Q),
        ("Completely safe for every skin type", AS, Q),
        ("Injected straight into lines", RT, Q),
        ("results that outlast filler", CMP, Q),
    ], [
        "must not state or imply that its treatments are approved by any authority, that they treat skin disease, or that they are free from risk",
        "Cosmetic products may make appearance claims, for example that skin looks smoother or more even",
        "listed bruising, infection and allergic reaction as possible side effects",
        "The Department of Health confirmed it had not approved any exosome product.",
    ]),
    ("uk_advice_column_exosome_facial.txt", "UK", "GB", "editorial_advice_column", "compliant", [], [
        "most of the research so far has been done on cells in a dish or in animals",
        "In the UK, cosmetics can't contain ingredients of human origin",
        "Exosomes should not be injected, and a salon shouldn't be offering to.",
        "Be sceptical of anyone who promises to \"reprogramme\" your skin or says there are no risks.",
    ]),
    ("ie_clinic_aftercare_sheet.html", "EU", "IE", "clinic_aftercare", "compliant", [], [
        "A topical numbing cream was applied for about 30 minutes before treatment to make the needling more comfortable.",
        "Active acne, eczema, psoriasis or infection in the treatment area",
        "A history of keloid scarring",
        "Results build gradually over 4-6 weeks and vary from person to person.",
    ]),
    ("uk_nurse_evidence_review.md", "UK", "GB", "practitioner_evidence_review", "compliant", [], [
        "Polynucleotide injections are CE-marked medical devices in the UK.",
        "under-eye skin treated with polynucleotides was rated smoother by blinded assessors at 12 weeks than the saline side [1]",
        "in cell cultures, exosomes from various sources can change how fibroblasts behave [3]",
        "There is no licensed exosome product in the UK for injection",
    ]),
    ("ca_honest_treatment_menu.txt", "CA", "CA", "clinic_menu", "compliant", [], [
        "softer-looking acne marks",
        "Contains no human-derived ingredients.",
        "Plasma from your own blood is injected under the eyes.",
        "It is not a treatment for acne or rosacea",
    ]),
]


def build():
    files = sorted(f for f in os.listdir(here) if f.endswith((".md", ".txt", ".html")))
    assert files == sorted(d[0] for d in DOCS), "files and labels differ"
    docs = []
    for name, market, country, source_type, kind, spans, clean in DOCS:
        text = open(os.path.join(here, name), encoding="utf-8").read()
        ranges, labelled = [], []
        for t, cat, *voice in spans:
            assert text.count(t) == 1, (name, t, text.count(t))
            s = text.find(t)
            assert not any(s < e and a < s + len(t) for a, e in ranges), ("overlapping spans", name, t)
            ranges.append((s, s + len(t)))
            labelled.append(dict(text=t, category=cat, voice=voice[0] if voice else "asserted",
                                 start=s, end=s + len(t)))
        for c in clean:
            assert c in text, (name, c)
            i = 0
            while (i := text.find(c, i)) != -1:
                assert not any(i < e and a < i + len(c) for a, e in ranges), ("clean overlaps span", name, c)
                i += 1
        assert kind != "compliant" or all(d["voice"] == Q for d in labelled), (name, "asserted span on compliant page")
        assert 2 <= len(clean) <= 4, (name, len(clean))
        docs.append(dict(file=name, kind=kind, market=market, country=country, source_type=source_type,
                         spans=labelled, clean=clean))
    return docs


if __name__ == "__main__":
    docs = build()
    with open(os.path.join(here, "holdout9.labels.json"), "w", encoding="utf-8") as f:
        json.dump(docs, f, indent=1, ensure_ascii=False)
        f.write("\n")
    kinds = collections.Counter(d["kind"] for d in docs)
    cats = collections.Counter((s["category"], s["voice"]) for d in docs for s in d["spans"])
    print("docs:", dict(kinds), "spans:", sum(cats.values()), "clean:", sum(len(d["clean"]) for d in docs))
    for cat in sorted({c for c, _ in cats}):
        print(f"  {cat:26s} asserted {cats[(cat, 'asserted')]:3d}  quoted {cats[(cat, Q)]:3d}")

# First measurement, blind (2026-12-05, by a helper that did not tune to it, after the holdout8
# round): recall 0.480 (49/102), 13 false positives (8.21 per 1,000 compliant words). Its misses
# then drove the second round of rule work (kinds, not sentences); 0.990 after that round.
