"""Eighth blind holdout (qa8): twelve invented pages, written from scratch in the style of real
third-party copy (none of the sentences comes from /work/shared), in mixed formats (.md, .txt, .html):

* 6 risky marketing pages: a US med-spa PRP hair page (Scottsdale), a UK polynucleotide clinic page with a
  "What can it treat?" list, an Australian LED clinic blog, a US brand page for a salmon-DNA (PDRN) serum,
  an Istanbul exosome hair-loss clinic (injected, umbilical-cord MSC exosomes), a Canadian retailer blog on
  growth-factor serums;
* 2 mixed pages: a UK newspaper story quoting clinics' ad claims (quoted spans) with expert warnings, and an
  EU brand "exosomes and the law" page that ends with a sales paragraph making two claims;
* 4 compliant pages: a fictional regulator-style guidance note, a dermatologist's critical blog on stem-cell
  facials, a consumer-journalism piece on at-home microneedling / exosome kits, and an Irish clinic's honest
  FAQ (hedged results, contraindication list, aftercare, prices).

Labelled by the rules of /work/shared/corpus/real/README.md: a span is the shortest phrase carrying the risk
(lists split into single items), voice "quoted" for claims reproduced inside journalism; appearance-qualified
and hedged wording is not labelled; "clean" strings use risky vocabulary compliantly (negated, reported,
regulatory, contraindication, hedged) and must not be flagged. Injected polynucleotides and autologous PRP are
not non_cosmetic_route (README clarification 3); a device "FDA-cleared" claim is regulator_claim (clarification 6);
generic examples of bad wording in warning context are clean, not quoted spans (clarification 1).

Labels were written blind (before running exolint or the scorer, without reading rules/ or exolint/).
Run this script to regenerate holdout8.labels.json; it checks that every span and clean string occurs exactly
(once, unless an occurrence index is given), computes offsets, and checks that spans do not overlap each other
and that no clean string overlaps a span.

UNTOUCHED RESULT: see the note at the end of this file.
"""
import json, os

here = os.path.dirname(os.path.abspath(__file__))
AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST, OTH = (
    "absolute_safety", "unqualified_percentage", "human_derived", "medicinal_claim", "structure_function",
    "non_cosmetic_route", "comparative_superiority", "vague_science", "regulator_claim", "hype",
    "testimonial_results", "other")
CATS = {AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST, OTH}
Q = "quoted"

# (file, kind, market, country, source_type, spans, clean)
# span: (text, category) or (text, category, voice); voice defaults to "asserted"
DOCS = [
    ("us_medspa_prp_hair.html", "risky", "US", "US", "clinic_page", [
        ("bring tired hair back to life", HY),
        ("reactivate dormant follicles", SF),
        ("push them back into the growth phase", SF),
        ("triggers the formation of new blood vessels around each root", SF),
        ("Studies have proven that PRP works", VS),
        ("Male pattern baldness", MED),
        ("Female hair thinning", MED),
        ("Alopecia areata", MED),
        ("Postpartum shedding", MED),
        ("Thinning eyebrows", MED),
        ("with none of the scarring, downtime or cost of surgery", CMP),
        ("works better than minoxidil", CMP),
        ("targets the root cause of hair loss", MED),
        ("there is zero chance of an allergic reaction", AS),
        ("Our PRP system is FDA-cleared", REG),
        ("up to 40% more hair density after three sessions", UP),
        ("My hairline came back in six weeks", TST),
    ], [
        "Platelet-rich plasma is drawn from a small sample of your own blood, spun in our centrifuge",
        "We recommend a maintenance session every 6 months.",
    ]),
    ("uk_polynucleotide_clinic.md", "risky", "UK", "GB", "clinic_page", [
        ("Polynucleotide Skin Regeneration", SF),
        ("work like a repair crew for the skin", SF),
        ("wake up your fibroblasts", SF),
        ("start producing fresh collagen and elastin again", SF),
        ("mop up free radicals", SF),
        ("repair the DNA damage left behind by years of sun exposure", SF),
        ("a 98% match to human DNA", UP),
        ("Acne scarring", MED),
        ("Rosacea", MED),
        ("Melasma", MED),
        ("Post-inflammatory redness", MED),
        ("they are safe for every skin type and every age", AS),
        ("Research shows", VS),
        ("they calm inflammation", MED),
        ("faster than any other injectable on the market", CMP),
        ("polynucleotides actually rebuild the skin", SF),
        ("more natural than fillers and last far longer", CMP),
        ("my acne scars have completely disappeared", TST),
    ], [
        "Polynucleotides are injected with a fine needle in small droplets.",
        "Some pinprick bumps are normal for 24 hours.",
        "Treatment is carried out by our GMC-registered doctor after an in-person consultation.",
    ]),
    ("au_led_clinic_blog.md", "risky", "unknown", "AU", "clinic_blog", [
        ("switch into repair mode", SF),
        ("fibroblasts are multiplying and laying down new collagen", SF),
        ("reaching the muscle layer", SF),
        ("reduce swelling", MED),
        ("speed up tissue healing", MED),
        ("destroys the bacteria behind breakouts", MED),
        ("Cystic acne", MED),
        ("Psoriasis", MED),
        ("Eczema flare-ups", MED),
        ("Post-surgical bruising", MED),
        ("Cold sores", MED),
        ("LED is completely safe, even for pregnant clients and children", AS),
        ("You won't experience any side effects at all", AS),
        ("LED gets better results with no damage", CMP),
        ("laser-level results without the laser", CMP),
        ("NASA research found", VS),
        ("helps wounds close 50% faster", UP),
        ("a 200% improvement in skin clarity", UP),
    ], [
        "Please let us know at booking if you take any medication that makes you sensitive to light.",
    ]),
    ("us_salmon_dna_serum_brand.txt", "risky", "US", "US", "brand_page", [
        ("the serum that Korean dermatologists have been keeping to themselves", HY),
        ("salmon DNA shares 95% of its structure with ours", UP),
        ("Reprograms damaged cells to behave like young cells again", SF),
        ("Penetrates through the epidermis into the dermis", SF),
        ("Increases collagen synthesis", SF),
        ("by up to 300%", UP),
        ("Heals redness, irritation and broken capillaries", MED),
        ("Fades acne scars for good", MED),
        ("like getting a salmon DNA injection without the needle", CMP),
        ("the same results as three in-clinic PDRN sessions", CMP),
        ("Clinically proven", VS),
        ("dermatologist approved", VS),
        ("Proven hypoallergenic", AS),
        ("Safe for sensitive skin, rosacea-prone skin and even the eye area", AS),
        ("my dark spots are literally gone", TST),
        ("Better than my $200 retinol", CMP),
        ("My forehead lines are erased", TST),
    ], [
        "Avoid contact with eyes. Discontinue use if irritation develops.",
        "we never test on animals",
    ]),
    ("tr_exosome_hair_clinic.html", "risky", "unknown", "TR", "clinic_page", [
        ("The most advanced non-surgical hair loss treatment in the world", CMP),
        ("isolated from umbilical cord mesenchymal stem cells", HD),
        ("Our doctors inject the exosome solution directly into the scalp", RT),
        ("regenerate miniaturised follicles", SF),
        ("restart hair production even in areas that have been bald for years", MED),
        ("Scientific studies confirm", VS),
        ("3 times more effective than PRP", CMP),
        ("94% of patients see visible regrowth within 8 weeks", UP),
        ("Androgenetic alopecia", MED),
        ("Diffuse thinning in women", MED),
        ("Hair loss after COVID-19", MED),
        ("Supporting graft survival after a hair transplant", MED),
        ("they cannot be rejected", AS),
        ("there are no side effects", AS),
        ("approved by the Turkish Ministry of Health", REG),
    ], [
        "A free online hair analysis with photos is included before you travel.",
    ]),
    ("ca_growth_factor_retailer_blog.md", "risky", "unknown", "CA", "retailer_blog", [
        ("skin loses around 1% of its collagen every single year", UP),
        ("Topical growth factors top those signals back up", SF),
        ("Signal fibroblasts to build new collagen and elastin", SF),
        ("Thicken the dermis and restore lost volume", SF),
        ("Speed up cell turnover so damaged cells are replaced faster", SF),
        ("Repair the skin barrier at a cellular level", SF),
        ("Experts agree", VS),
        ("the biggest advance in anti-ageing since retinol", CMP),
        ("they never cause peeling or sensitivity", AS),
        ("growth factors cultured from human foreskin fibroblasts", HD),
        ("a real game-changer", HY),
        ("It's approved by Health Canada", REG),
    ], [
        "Patch-test any new serum on your inner arm for 48 hours first",
        "check with your doctor before starting new skincare if you are pregnant",
        "We may earn a commission if you shop through them.",
    ]),
    ("uk_newspaper_exosome_ad_claims.md", "mixed", "UK", "GB", "editorial", [
        ("reverse ten years of ageing in a single session", HY, Q),
        ("pure human cord-blood exosomes", HD, Q),
        ("100% safe for all skin types", AS, Q),
        ("cure acne and rosacea in three sessions", MED, Q),
        ("\"MHRA approved\"", REG, Q),
    ], [
        "Eleven described their product as being derived from human cells or tissue.",
        "Materials of human origin are banned from cosmetic products sold in Great Britain",
        "The MHRA told us it does not approve cosmetic products.",
        "Claims that they cure skin disease are not supported, and anything that breaks the skin carries a risk of infection.",
    ]),
    ("eu_brand_regulations_page.md", "mixed", "EU", "IT", "brand_blog", [
        ("the only plant exosomes powerful enough to rival stem-cell results", CMP),
        ("switch ageing cells back into collagen-building mode in just seven days", SF),
    ], [
        "lists cells, tissues and products of human origin among the substances that may not be used in cosmetic products",
        "A product that is meant to be injected is not a cosmetic",
        "\"Heals acne\", \"anti-inflammatory\" and \"regenerates cells\" are medicinal or physiological claims, not cosmetic ones.",
        "contains no human or animal material",
    ]),
    ("regulator_style_guidance.txt", "compliant", "unknown", None, "regulator_guidance", [], [
        "If an advertisement says a product treats, cures or prevents a disease or condition, such as acne, rosacea, eczema, alopecia or scarring",
        "Statements that a product stimulates collagen, activates stem cells or repairs DNA describe physiological effects.",
        "Advertisers must not state or imply that a treatment is completely safe, has no side effects or suits everyone.",
        "Cosmetics are not approved by any regulator before sale.",
        "Advertisers should not describe a cosmetic as containing human stem cells or exosomes taken from human tissue.",
    ]),
    ("doctor_blog_stem_cell_facials.md", "compliant", "unknown", None, "doctor_blog", [], [
        "we don't know whether they do anything useful",
        "Plant stem cells cannot become human skin cells",
        "cells in a dish were exposed to it and produced more collagen under a microscope",
        "clinics injecting products of uncertain origin",
        "don't expect it to treat acne, rosacea or hair loss",
    ]),
    ("consumer_journalism_home_microneedling.html", "compliant", "US", "US", "editorial", [], [
        "Reusing a roller at home is how people end up with infections.",
        "In the US, no exosome product has been approved by the FDA",
        "promise to cure a skin condition, describe the product as safe for everyone, or imply regulatory approval",
        "Don't use a microneedling device if you have active acne, a cold sore, eczema or rosacea on the area",
    ]),
    ("ie_clinic_honest_faq.txt", "compliant", "EU", "IE", "clinic_faq", [], [
        "Polynucleotides may help improve the appearance of fine lines around the eyes.",
        "active eczema, rosacea or infection in the treatment area",
        "Microneedling may soften the look of some shallow acne scars over several sessions, but it will not remove them.",
        "Irish and EU rules do not allow cosmetic products to contain human-derived material, and no exosome product is authorised for injection.",
    ]),
]


def build():
    files = sorted(f for f in os.listdir(here) if f.endswith((".md", ".txt", ".html")))
    assert files == sorted(d[0] for d in DOCS), (files, [d[0] for d in DOCS])
    docs = []
    for name, kind, market, country, stype, spans, clean in DOCS:
        text = open(os.path.join(here, name), encoding="utf-8").read()
        assert kind in ("risky", "mixed", "compliant")
        assert (kind == "compliant") == (not spans), name
        labelled, ranges = [], []
        for t, cat, *voice in spans:
            assert cat in CATS, (name, cat)
            assert text.count(t) == 1, (name, t, text.count(t))
            i = text.find(t)
            assert not any(a < i + len(t) and i < b for a, b in ranges), (name, "overlap", t)
            ranges.append((i, i + len(t)))
            labelled.append(dict(text=t, category=cat, voice=voice[0] if voice else "asserted",
                                 start=i, end=i + len(t)))
        for c in clean:
            assert text.count(c) >= 1, (name, c)
            i = text.find(c)
            assert not any(a < i + len(c) and i < b for a, b in ranges), (name, "clean overlaps span", c)
        docs.append(dict(file=name, kind=kind, market=market, country=country, source_type=stype,
                         source="invented for exolint holdout8 (no real page)", spans=labelled, clean=clean))
    return docs


if __name__ == "__main__":
    docs = build()
    with open(os.path.join(here, "holdout8.labels.json"), "w", encoding="utf-8") as f:
        json.dump(docs, f, indent=1, ensure_ascii=False)
        f.write("\n")
    n = sum(len(d["spans"]) for d in docs)
    print(f"{len(docs)} docs, {n} spans "
          f"({sum(s['voice'] == 'quoted' for d in docs for s in d['spans'])} quoted), "
          f"{sum(len(d['clean']) for d in docs)} clean")


# UNTOUCHED RESULT (labels final and blind; scorer run once afterwards, no label changed since):
#   python3 ../shared/eval/score.py tests/data/holdout8/holdout8.labels.json -v
#   recall 0.616 (61/99 asserted spans; 5 quoted spans neutral), false positives 22
#   (16.59 per 1000 compliant words); findings 91, 69 overlapping a label.
#   absolute_safety 6/9, comparative_superiority 5/13, human_derived 2/2, hype 1/3, medicinal_claim 16/26,
#   non_cosmetic_route 1/1, regulator_claim 2/3, structure_function 14/23, testimonial_results 4/4,
#   unqualified_percentage 3/8, vague_science 7/7.
# Missed (38):
#   us_medspa_prp_hair: 'bring tired hair back to life' (HY), 'push them back into the growth phase' (SF),
#     'Male pattern baldness', 'Postpartum shedding', 'Thinning eyebrows' (MED),
#     'with none of the scarring, downtime or cost of surgery', 'works better than minoxidil' (CMP)
#   uk_polynucleotide_clinic: 'Polynucleotide Skin Regeneration', 'work like a repair crew for the skin',
#     'start producing fresh collagen and elastin again', 'mop up free radicals' (SF), 'a 98% match to human DNA' (UP),
#     'Post-inflammatory redness' (MED), 'faster than any other injectable on the market' (CMP)
#   au_led_clinic_blog: 'switch into repair mode', 'fibroblasts are multiplying and laying down new collagen',
#     'reaching the muscle layer' (SF), 'reduce swelling', 'Post-surgical bruising' (MED),
#     "You won't experience any side effects at all" (AS), 'LED gets better results with no damage',
#     'laser-level results without the laser' (CMP), 'helps wounds close 50% faster',
#     'a 200% improvement in skin clarity' (UP)
#   us_salmon_dna_serum_brand: 'the serum that Korean dermatologists have been keeping to themselves' (HY),
#     'salmon DNA shares 95% of its structure with ours' (UP), 'Heals redness, irritation and broken capillaries' (MED),
#     'the same results as three in-clinic PDRN sessions', 'Better than my $200 retinol' (CMP),
#     'Safe for sensitive skin, rosacea-prone skin and even the eye area' (AS)
#   tr_exosome_hair_clinic: 'restart hair production even in areas that have been bald for years',
#     'Diffuse thinning in women', 'Supporting graft survival after a hair transplant' (MED),
#     'approved by the Turkish Ministry of Health' (REG)
#   ca_growth_factor_retailer_blog: 'skin loses around 1% of its collagen every single year' (UP),
#     'Topical growth factors top those signals back up' (SF), 'they never cause peeling or sensitivity' (AS)
#   eu_brand_regulations_page: 'the only plant exosomes powerful enough to rival stem-cell results' (CMP)
# False positives (22 counted; findings on regulator guidance count both as flagged-clean and as compliant-doc extras):
#   eu_brand_regulations_page clean '"Heals acne", "anti-inflammatory" and "regenerates cells" are ... not cosmetic ones.'
#     by condition-lexicon, anti-inflammatory, cell-regeneration (3)
#   regulator_style_guidance clean 'Statements that a product stimulates collagen, activates stem cells or repairs DNA ...'
#     by collagen-stimulation, biology-lexicon x2 (3, plus 3 as compliant-doc extras)
#   regulator_style_guidance clean 'Advertisers must not state or imply that a treatment is completely safe, has no side
#     effects ...' by absolutely-safe, no-side-effects (2, plus 2 extras)
#   regulator_style_guidance clean 'Advertisers should not describe a cosmetic as containing human stem cells or exosomes
#     taken from human tissue.' by human-source-lexicon, human-origin-ingredient (2, plus 2 extras)
#   regulator_style_guidance:23 human-origin-ingredient on the heading '7. Human-derived material' (1)
#   doctor_blog_stem_cell_facials: stem-cell-derived on 'stem cell facials' (title) and 'stem cell facial' (line 5),
#     msc-conditioned-media on 'conditioned media' (critical description) (3)
#   ie_clinic_honest_faq: numbing-anaesthetic on 'topical anaesthetic cream' before an injected polynucleotide
#     treatment (not a cosmetic-route claim per README clarification 3) (1)
