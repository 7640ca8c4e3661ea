"""Tenth blind holdout (holdout10): fourteen invented pages, written from scratch in the author's own
words, for sources and genres earlier rounds did not cover. Written BLIND: exolint and the scorer were
not run, and rules/, exolint/, tests/data/holdout8/ and tests/data/holdout9/ were not read while
writing or labelling. The set has NOT yet been scored; record the first (untouched) measurement below
before any rule change that looks at these pages.

Pages:
  risky (8)     us_medspa_exosome_rf_microneedling.html   US med spa, exosome + RF microneedling
                uk_salon_polynucleotide_eyes_faq.md       UK salon, polynucleotide under-eye page + FAQ
                ie_clinic_led_prp_acne.md                 Irish clinic, LED + PRP acne programme
                au_stem_cell_night_cream_product.html     Australian brand, "stem cell" night cream + reviews
                ae_clinic_exosome_iv_facial.txt           Dubai clinic, exosome IV drip and facial (English)
                ca_hair_clinic_prp_exosome_blog.md        Canadian hair clinic blog, PRP + exosomes
                wellness_blog_salmon_dna_serum.md         wellness blogger, salmon sperm DNA (PDRN) serum
                us_exosome_supplier_press_release.txt     US exosome supplier press release "for professional use"
  mixed (2)     uk_magazine_exosome_facial_feature.html   UK magazine beauty editor tries an exosome facial
                                                         (writer's and promoted founder's claims asserted; the
                                                         clinic price-list claims the writer doubts are quoted)
                blog_prp_vs_exosomes.md                   "PRP vs exosomes" comparison blog, half balanced
  compliant (4) position_statement_exosomes_aesthetics.md invented professional body's position statement
                au_news_tga_fines_clinic.txt              news report: regulator fines a clinic (ads only
                                                         characterised, no ad text reproduced -> no spans)
                uk_clinic_exosome_facial_what_to_expect.html  clinic "what to expect" page, hedged + contraindications
                pharmacist_qa_human_exosomes_uk_eu.txt    pharmacist Q&A: human-derived exosomes banned in UK/EU cosmetics

Labelled by the rules of /work/shared/corpus/real/README.md (clarifications 1-6): shortest phrase that
carries the risk, exact substring, category, voice (asserted unless given); injected polynucleotides and
PRP are not non_cosmetic_route (rule 3); healing/inflammation/scars/hair loss -> medicinal_claim,
collagen/fibroblast/follicle mechanics and dermis penetration -> structure_function (rule 4); device or
product "FDA approved"/"MHRA approved"/"Health Canada approved" -> regulator_claim (rule 6); generic
characterisations in warning context are clean, not quoted spans (rule 1). "clean" strings use risky
vocabulary compliantly and must not be flagged.

Run this script to regenerate holdout10.labels.json. It fails if a span does not occur exactly once
(or at its given occurrence), if spans overlap, if a clean string is missing or overlaps a span, or if a
category or kind is unknown, or if files and labels differ. Offsets are Python str indices."""
import json, os

here = os.path.dirname(os.path.abspath(__file__))
AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST, OTH = ("absolute_safety", "unqualified_percentage",
    "human_derived", "medicinal_claim", "structure_function", "non_cosmetic_route", "comparative_superiority",
    "vague_science", "regulator_claim", "hype", "testimonial_results", "other")
CATEGORIES = {AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST, OTH}
Q = "quoted"
BLIND = "invented page written blind for holdout10 (no real source)"

# (file, market, country, source_type, kind, spans, clean); span = (text, category[, voice])
DOCS = [
    ("us_medspa_exosome_rf_microneedling.html", "US", "US", "clinic_page", "risky", [
        ("switching your fibroblasts back on", SF),
        ("derived from umbilical cord mesenchymal stem cells", HD),
        ("tell tired cells to start behaving like young cells again", SF),
        ("rebuild collagen and elastin from the inside out", SF),
        ("Acne scarring", MED),
        ("Rosacea", MED),
        ("calm inflammation", MED),
        ("speed up healing", MED),
        ("Studies show", VS),
        ("boost collagen production by up to 300%", UP),
        ("outperforms Morpheus8", CMP),
        ("nothing else in the Valley comes close", CMP),
        ("Our microneedling platform is FDA approved", REG),
        ("made in an FDA-registered lab", REG),
        ("carry no risk of allergic reaction", AS),
        ("my acne scars were basically erased", TST),
    ], [
        "Most clients book a series of three, spaced four to six weeks apart.",
        "RF microneedling is not suitable if you are pregnant, have an active skin infection",
        "Results vary from person to person.",
    ]),
    ("uk_salon_polynucleotide_eyes_faq.md", "UK", "GB", "clinic_page", "risky", [
        ("kick-start your own tissue repair", SF),
        ("thicken the skin", SF),
        ("switch on new collagen", SF),
        ("your skin literally regenerates itself", SF),
        ("Healing the skin after eyelid surgery", MED),
        ("it's completely safe", AS),
        ("your body can't reject them", AS),
        ("there are no side effects", AS),
        ("You'll see a difference after session one", HY),
        ("92% of our clients say they look visibly younger", UP),
        ("give a far more natural result", CMP),
        ("last longer than any filler on the market", CMP),
        ("MHRA approved", REG),
    ], [
        "Polynucleotides are purified fragments of salmon DNA.",
        "Small bumps at the injection points usually settle within a day or two.",
        "Avoid makeup, saunas and the gym for 24 hours.",
    ]),
    ("ie_clinic_led_prp_acne.md", "EU", "IE", "clinic_page", "risky", [
        ("destroys the bacteria that cause acne", MED),
        ("reduces inflammation", MED),
        ("heals active lesions faster", MED),
        ("repair damaged tissue", SF),
        ("fill in pitted scars", MED),
        ("there is zero chance of reaction", AS),
        ("Active acne", MED),
        ("Cystic acne", MED),
        ("Post-inflammatory pigmentation", MED),
        ("Rolling and boxcar scars", MED),
        ("80% fewer breakouts within 6 weeks", UP),
        ("the most effective non-drug option in Ireland", CMP),
        ("works better than Roaccutane", CMP),
        ("without the side effects", AS),
        ("my skin is clear for the first time since school", TST),
    ], [
        "Acne isn't \"just a teenage thing\".",
        "PRP involves a small blood draw, just like a routine blood test.",
        "LED is not suitable if you are taking photosensitising medication",
    ]),
    ("au_stem_cell_night_cream_product.html", "unknown", "AU", "brand_page", "risky", [
        ("wake up dormant skin stem cells", SF),
        ("reverse the clock", HY),
        ("Human stem cell conditioned media", HD),
        ("collected from human adipose-derived stem cells", HD),
        ("rebuild thinning skin", SF),
        ("protects your own stem cells from ageing", SF),
        ("Clinically proven", VS),
        ("reduce wrinkle depth by 47% in 28 days", UP),
        ("Repairs DNA damage", SF),
        ("heals sunspots", MED),
        ("Works like a facelift in a jar", CMP),
        ("Safe for pregnancy", AS),
        ("TGA approved ingredients", REG),
        ("My pigmentation is gone after one jar", TST),
        ("cleared up my eczema on my cheeks within a week", TST),
        ("I'm 56 and look 45", TST),
    ], [
        "Dermatologist tested.",
        "For external use only. Patch test before first use.",
        "Swiss apple stem cell extract",
        "Too early to tell.",
    ]),
    ("ae_clinic_exosome_iv_facial.txt", "unknown", "AE", "clinic_page", "risky", [
        ("an intravenous infusion", RT),
        ("whole-body renewal", SF),
        ("EXOSOME IV INFUSION", RT),
        ("sourced from Wharton's jelly of donated umbilical cords", HD),
        ("Once infused into the bloodstream", RT),
        ("switch on repair in your organs, joints and skin", SF),
        ("chronic fatigue", MED),
        ("joint pain", MED),
        ("sports injuries", MED),
        ("long COVID recovery", MED),
        ("hair thinning", MED),
        ("push 5ml of exosome solution deep into the dermis", SF),
        ("you'll glow for weeks", HY),
        ("approved by the Ministry of Health and Prevention", REG),
        ("The only clinic in Dubai offering 30 billion particle doses", CMP),
        ("0% side effects reported in over 2,000 treatments", AS),
        ("Recommended by top Hollywood dermatologists", VS),
        ("the ultimate inside-out glow", HY),
    ], [
        "DHA-licensed doctors and nurses",
        "Call or WhatsApp to book your consultation.",
    ]),
    ("ca_hair_clinic_prp_exosome_blog.md", "unknown", "CA", "clinic_blog", "risky", [
        ("come from amniotic fluid stem cells", HD),
        ("injected into the scalp alongside PRP", RT),
        ("wake up dormant follicles", SF),
        ("push them back into the growth phase", SF),
        ("Male and female pattern hair loss", MED),
        ("Alopecia areata", MED),
        ("Postpartum shedding", MED),
        ("Thinning after chemotherapy", MED),
        ("85% of patients see new growth by the third month", UP),
        ("roughly double the results of PRP alone", CMP),
        ("Research out of Korea and Japan backs this up", VS),
        ("unlike finasteride or minoxidil", CMP),
        ("there are no side effects", AS),
        ("My crown has filled in so much", TST),
        ("Health Canada approved", REG),
    ], [
        "PRP is made from a small sample of your own blood",
        "It's injected into the thinning areas of the scalp.",
        "Many patients see less shedding after a few sessions, though results vary and PRP doesnt work for everyone.",
    ]),
    ("wellness_blog_salmon_dna_serum.md", "unknown", None, "blog", "risky", [
        ("your skin recognises it as its own", SF),
        ("Science has proven", VS),
        ("repairs damaged DNA in skin cells", SF),
        ("tells them to divide faster", SF),
        ("about 1.5% of its collagen every single year", UP),
        ("my eczema patch had healed", TST),
        ("like getting a skin booster injection without the needle", CMP),
        ("used in hospitals to help burns and wounds heal", MED),
        ("totally non-toxic", AS),
        ("safe for even the most sensitive skin", AS),
    ], [
        "This post contains affiliate links.",
        "it's extracted from salmon DNA",
        "Week 1: skin felt bouncy and hydrated",
        "Sometimes I press it in after using my 0.25mm dermaroller.",
    ]),
    ("us_exosome_supplier_press_release.txt", "US", "US", "press_release", "risky", [
        ("isolated from human umbilical cord mesenchymal stem cells", HD),
        ("the purest exosome preparation on the market", CMP),
        ("injected intradermally", RT),
        ("added to IV protocols", RT),
        ("the most powerful anti-inflammatory signal the body makes", MED),
        ("accelerate wound healing dramatically", MED),
        ("increased fibroblast proliferation by 312 percent", UP),
        ("hair restoration", MED),
        ("acne scarring", MED),
        ("manufactured in an FDA-registered, cGMP-compliant facility", REG),
        ("meaning no FDA premarket approval is required", REG),
        ("Unlike PRP, ExoPure delivers consistent results from patient to patient", CMP),
        ("zero risk of adverse reaction", AS),
    ], [
        "For professional use only. Not for sale to consumers.",
        "will be available to licensed physicians, nurse practitioners and medical spas across the United States from October 1",
        "a lyophilized exosome concentrate for professional use",
    ]),
    ("uk_magazine_exosome_facial_feature.html", "UK", "GB", "editorial", "mixed", [
        ("ordering your skin to make fresh collagen", SF),
        ("repair itself overnight", SF),
        ("calms rosacea flare-ups", MED),
        ("switches off inflammation", MED),
        ("better than any cream on the market", CMP),
        ("a stubborn patch of old acne scarring on my chin had visibly faded", TST),
        ("the closest thing to a time machine", HY),
        ("up to 70% more collagen after a single session", UP, Q),
        ("totally risk-free", AS, Q),
    ], [
        "we don’t use anything from human cells, that’s not permitted in the UK",
        "Most of the exosome research is in cells and animals, and the human studies are small.",
        "Microneedling on its own improves the look of skin",
        "I’d be very wary of anyone offering to inject exosomes, or selling products made from human cells.",
        "it’s a facial, not a facelift",
    ]),
    ("blog_prp_vs_exosomes.md", "US", None, "blog", "mixed", [
        ("exosomes are simply the superior technology", CMP),
        ("contain 10 times more growth factors than PRP", CMP),
        ("work on everyone", HY),
        ("reprogram aging cells back to a youthful state", SF),
        ("heal acne scars in as little as two sessions", MED),
        ("they're 100% safe", AS),
        ("dermatologists agree", VS),
        ("the future of anti-aging", HY),
    ], [
        "in some US clinics, human stem cell cultures",
        "PRP has more published studies for hair loss, several of them small randomized trials",
        "Exosome studies in human skin are few and mostly small, and many are funded by the companies selling them.",
        "Side effects are usually mild",
        "ask where the product comes from",
    ]),
    ("position_statement_exosomes_aesthetics.md", "UK", "GB", "professional_body_statement", "compliant", [], [
        "No exosome product is licensed in the UK as a medicine, and none is authorised for injection.",
        "Products described as containing umbilical cord, placental, amniotic or human stem cell exosomes cannot lawfully be supplied as cosmetics.",
        "Members should not describe exosome treatments as healing, anti-inflammatory or as a treatment for acne, hair loss or any other condition",
        "should not state or imply that a product is \"approved\" by the MHRA",
    ]),
    ("au_news_tga_fines_clinic.txt", "unknown", "AU", "news", "compliant", [], [
        "allegedly advertised exosome injections to the public",
        "referred to exosome treatments for hair loss, acne scarring and \"skin regeneration\"",
        "No exosome product is currently included on the ARTG for cosmetic or hair use.",
        "we don't know enough about their long-term safety",
        "ban testimonials in advertising",
    ]),
    ("uk_clinic_exosome_facial_what_to_expect.html", "UK", "GB", "clinic_page", "compliant", [], [
        "a topical serum containing plant-derived exosomes (from a rose stem-cell culture)",
        "We do not use any human-derived ingredients and we do not inject exosomes.",
        "may help reduce the appearance of fine lines",
        "It is not a treatment for acne, rosacea or any skin condition.",
        "No cosmetic procedure is risk-free.",
        "Most people have redness for 24 to 48 hours.",
    ]),
    ("pharmacist_qa_human_exosomes_uk_eu.txt", "UK", "GB", "editorial_qa", "compliant", [], [
        "a cosmetic sold in the UK or the EU is not allowed to contain human-derived exosomes",
        "Exosomes collected from human stem cells, umbilical cord, placenta or amniotic fluid fall into that category",
        "If a product says it heals skin or treats inflammation, it's being presented as a medicine",
        "There are no licensed exosome injections in the UK.",
    ]),
]

MARKET_BASIS = {"US": "inferred (US city, USD, FDA references)", "UK": "inferred (UK place names, GBP, MHRA/UK law)",
                "EU": "inferred (Irish clinic, EUR)", "unknown": "not stated / outside UK, US, EU"}
BASIS_OVERRIDE = {
    "blog_prp_vs_exosomes.md": "inferred (US prices in USD, 'in the US')",
    "wellness_blog_salmon_dna_serum.md": "not stated (British spelling, no place or currency)",
    "au_stem_cell_night_cream_product.html": "inferred (AUD, TGA, Melbourne lab)",
    "ae_clinic_exosome_iv_facial.txt": "stated (Dubai, AED)",
    "ca_hair_clinic_prp_exosome_blog.md": "stated (North Vancouver clinic, Health Canada)",
    "au_news_tga_fines_clinic.txt": "stated (Gold Coast, TGA)",
    "pharmacist_qa_human_exosomes_uk_eu.txt": "stated (UK and EU law, Bristol reader)",
}


def build():
    names = {d[0] for d in DOCS}
    files = {f for f in os.listdir(here) if f.endswith((".md", ".txt", ".html"))}
    assert names == files, (names ^ files)
    docs = []
    for name, market, country, stype, kind, spans, clean in DOCS:
        assert kind in ("risky", "mixed", "compliant"), name
        assert (kind == "compliant") == (not spans), name
        text = open(os.path.join(here, name), encoding="utf-8").read()
        labelled, ranges = [], []
        for t, cat, *rest in spans:
            assert cat in CATEGORIES, (name, cat)
            voice = rest[0] if rest else "asserted"
            assert text.count(t) == 1, (name, t, text.count(t))
            s = text.find(t)
            e = s + len(t)
            assert not any(s < e2 and s2 < e for s2, e2 in ranges), (name, "overlap", t)
            ranges.append((s, e))
            labelled.append(dict(text=t, category=cat, voice=voice, start=s, end=e))
        for c in clean:
            assert c in text, (name, c)
            i = 0
            while (i := text.find(c, i)) != -1:
                assert not any(s < i + len(c) and i < e for s, e in ranges), (name, "clean overlaps span", c)
                i += 1
        labelled.sort(key=lambda d: d["start"])
        docs.append(dict(file=name, source=BLIND, source_type=stype, kind=kind, market=market,
                         market_basis=BASIS_OVERRIDE.get(name, MARKET_BASIS[market]), country=country, spans=labelled, clean=clean))
    return docs


if __name__ == "__main__":
    docs = build()
    with open(os.path.join(here, "holdout10.labels.json"), "w", encoding="utf-8") as f:
        json.dump(docs, f, indent=1, ensure_ascii=False)
        f.write("\n")
    n = sum(len(d["spans"]) for d in docs)
    print(f"{len(docs)} docs, {n} spans, {sum(len(d['clean']) for d in docs)} clean strings")

# First untouched measurement (2026-12-05, the rules of the "Real copy" round as they stood, none
# changed with this set in view): recall 0.718 (94/131), 19 false positives (15.79 per 1,000
# compliant words). By category: absolute_safety 11/13, comparative_superiority 12/16,
# human_derived 6/6, hype 1/7, medicinal_claim 21/31, non_cosmetic_route 4/6, regulator_claim
# 7/8, structure_function 16/23, testimonial_results 5/8, unqualified_percentage 6/7,
# vague_science 5/6. The false positives were regulatory and pharmacist text naming human
# sources, injected PRP named by a pronoun, and a third party's human cultures; context fixes
# (prohibition wording, third parties) were then made with this set in view.
