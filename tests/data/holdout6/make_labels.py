"""Sixth blind holdout (qa6): six long-form pages on topics earlier rounds did not cover:
polynucleotide "salmon DNA" skin boosters (UK), a PRP "vampire facial" medspa page (US), an exosome
hair-loss clinic in Toronto (CA), a K-beauty exosome/PDRN ampoule marketplace listing (US), an
Australian exosome + laser "combo" page (AU), and a compliant UK clinic page done right. Labelled the
way /work/shared/corpus/seeds.labels.json is: short spans for each risky claim (with category), and
compliant near-misses as "clean". Written before any rule change and measured untouched first.
Run this script to regenerate holdout6.labels.json; it checks that every span and clean text occurs
exactly in its file."""
import json, os

here = os.path.dirname(os.path.abspath(__file__))
AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST, CELL = ("absolute_safety", "unqualified_percentage",
    "human_derived", "medicinal_claim", "structure_function", "non_cosmetic_route", "comparative_superiority",
    "vague_science", "regulator_claim", "hype", "testimonial_results", "cell_therapy")

DOCS = [
    ("salmon_dna_skin_booster.md", "UK", "risky", [
        ("They reprogram ageing cells to behave like younger cells", SF),
        ("rebuilding collagen and elastin from the inside out", SF),
        ("polynucleotides literally repair your skin's DNA and reverse cellular damage", SF),
        ("They regenerate the tissue itself", SF),
        ("Clinical studies prove that polynucleotides increase dermal thickness by 40% after three sessions", UP),
        ("Treating rosacea and calming chronic redness", MED),
        ("Healing acne scars and stretch marks", MED),
        ("Thinning hair and alopecia when injected into the scalp", MED),
        ("injected directly into the dermis", RT),
        ("your body will never react to them", AS),
        ("There is no risk of allergy and absolutely no downtime", AS),
        ("They are the safest injectable on the market", AS),
        ("suitable for everyone, including pregnant women", AS),
        ("Our results are unmatched by any other clinic in London", CMP),
        ("the most advanced polynucleotide protocol in the UK", CMP),
        ("my dark circles completely disappeared", TST),
    ], [
        "You may notice small bumps at the injection points for a few hours.",
        "Mild bruising can occur and usually fades within a week.",
        "Please tell us if you have a fish allergy, an active skin infection in the treatment area or an autoimmune condition.",
        "Results vary from person to person and most people need a course of treatments before they see a difference.",
        "We only use a CE-marked medical device from a well-established manufacturer.",
    ]),
    ("prp_vampire_facial.html", "US", "risky", [
        ("It is the ultimate natural anti-aging treatment", HY),
        ("growth factors that trigger stem cells to regenerate new tissue", SF),
        # ("injects PRP into hollow areas under the eyes and in the cheeks", RT): dropped in the
        # "Real copy" round to follow ../shared/corpus/real's labelling rule 3: injected PRP,
        # polynucleotides and skin boosters (autologous or licensed devices) are not non_cosmetic_route
        ("Growth factors in PRP heal damaged skin at the cellular level", SF),
        ("stimulate new blood vessels and restore youthful collagen", SF),
        ("Erases wrinkles and fine lines", SF),
        ("Eliminates acne scars permanently", MED),
        ("Cures melasma and sun spots", MED),
        ("Reverses hair loss when used on the scalp", MED),
        ("Tightens loose skin without surgery", CMP),
        ("there is zero risk of rejection, allergy or infection", AS),
        ("It is completely safe for all skin types and there are no side effects whatsoever", AS),
        ("Our PRP system is FDA approved", REG),
        ("95% of patients see dramatic results after just one session", UP),
        ("Results last for years", HY),
        ("It outperforms Botox and fillers", CMP),
        ("I got rid of my acne scars after a single treatment", TST),
    ], [
        "Your skin will look red, like a sunburn, for one to three days.",
        "You should not have PRP if you have a blood disorder, are taking blood thinners, have an active infection or cancer, or are pregnant.",
        "We recommend gentle skincare and sunscreen for a week afterwards.",
        "a board-certified physician licensed in Florida",
        "Individual results vary.",
    ]),
    ("canada_exosome_hair_clinic.txt", "CA", "risky", [
        ("the newest and most powerful non-surgical hair loss treatment available in Canada", CMP),
        ("derived from donated human umbilical cord mesenchymal stem cells", HD),
        ("They reactivate dead hair follicles", MED),
        ("block the DHT damage that causes male pattern baldness", MED),
        ("Exosome therapy treats androgenetic alopecia, alopecia areata, telogen effluvium and postpartum hair loss", MED),
        ("Exosomes contain up to 50 times more growth factors than PRP, so they work faster and better", CMP),
        ("there are no side effects and no need to take pills for life", AS),
        ("Exosome therapy is a drug-free cure for hair loss", MED),
        ("Our exosome product is Health Canada approved", REG),
        ("injects the exosome solution across the thinning areas of your scalp", RT),
        ("Clinical results show 80% of patients regrow hair within three months", UP),
        ("Results are permanent and your new hair will never fall out again", HY),
        ("we have a 100% success rate", UP),
        ("I went from a bald crown to a full head of hair in twelve weeks", TST),
        ("there is no risk of rejection and no chance of side effects", AS),
        ("The procedure is risk-free", AS),
    ], [
        "Mild tenderness at the injection sites can occur for a day or two.",
        "We may recommend blood tests to rule out thyroid problems or iron deficiency before treatment",
        "Every patient starts with a scalp assessment and a review of their medical history",
        "Avoid washing your hair for 24 hours",
    ]),
    ("kbeauty_exosome_ampoule_listing.txt", "US", "risky", [
        ("exosomes derived from human adipose stem cells", HD),
        ("REPAIRS DNA DAMAGE", SF),
        ("repairs damaged DNA and regenerates skin cells", SF),
        ("reversing years of sun damage in just 7 days", SF),
        ("Clinically proven to increase collagen by 300% and reduce wrinkles by 87%", UP),
        ("Soothes and heals eczema, psoriasis, rosacea and acne", MED),
        ("Speeds up wound healing after laser treatments and chemical peels", MED),
        ("BETTER THAN BOTOX", CMP),
        ("A needle-free alternative to Botox and fillers", CMP),
        ("100% SAFE AND NATURAL: No side effects, suitable for all skin types, pregnancy safe", AS),
        ("penetrate through the dermis into the bloodstream to rejuvenate your whole body", RT),
        ("FDA registered", REG),
        ("This cured my rosacea in a week", TST),
        ("Total miracle in a bottle", HY),
    ], [
        "my skin looks more dewy in the morning",
        "Discontinue use if irritation occurs.",
        "Do a patch test before first use.",
        "Free from parabens, sulfates and artificial fragrance.",
    ]),
    ("au_exosome_laser_combo.md", "AU", "risky", [
        ("they instruct your cells to repair themselves", SF),
        ("Exosomes cut laser downtime in half and reduce inflammation", MED),
        ("your skin heals twice as fast as with laser alone", CMP),
        ("regenerates damaged collagen and remodels scar tissue deep in the dermis", SF),
        ("Science shows exosomes are the future of regenerative medicine", VS),
        ("Leading researchers around the world agree", VS),
        ("Permanently erase acne scars and surgical scars", MED),
        ("Treat melasma and pigmentation disorders", MED),
        ("Reverse sun damage and precancerous sun spots", MED),
        ("with no risk of pigmentation problems", AS),
        ("Our exosomes are TGA approved", REG),
        ("the treatment is completely painless", AS),
        ("Clients typically see 70% improvement in acne scars after one combo session", UP),
        ("Results are guaranteed", HY),
        ("My scars are completely gone and my skin is flawless", TST),
    ], [
        "Afterwards your skin will feel warm and look red for a few days",
        "You will need to avoid sun exposure and wear SPF 50+ every day.",
        "our supervising doctor, Dr Emma Walsh, is registered with AHPRA",
        "Individual results may vary and a consultation is required before treatment.",
    ]),
    ("uk_clinic_done_right.html", "UK", "compliant", [], [
        "polynucleotide skin boosters, which are injected by a doctor or nurse prescriber",
        "The serum contains plant-derived exosomes from apple stem cell cultures.",
        "We do not use human-derived exosomes",
        "UK cosmetic law does not allow ingredients of human origin in cosmetic products",
        "it does not treat acne, rosacea, eczema or any other skin condition",
        "27 of 33 people said their skin felt more hydrated after four weeks of use",
        "This was a self-assessment, not a clinical trial, and your results may be different.",
        "Polynucleotides are purified DNA fragments, usually from salmon.",
        "The product we use is a CE-marked medical device.",
        "Some people find that their skin looks firmer and fresher after a course, but the evidence is still limited and results vary.",
        "We do not advertise prescription-only medicines.",
        "No treatment that breaks the skin is free of risk.",
        "Less commonly, infection, allergic reaction or changes in pigmentation can occur.",
        "Results are not permanent, and we will never promise a particular outcome or show you edited photos.",
        "The clinic is registered with the Care Quality Commission for the regulated activities we carry out.",
        "there is no pressure to book",
    ]),
]


def build():
    docs = []
    for name, market, kind, spans, clean in DOCS:
        text = open(os.path.join(here, name), encoding="utf-8").read()
        for t, _ in spans:
            assert t in text, (name, t)
        for c in clean:
            assert c in text, (name, c)
            assert not any(t in c or c in t for t, _ in spans), (name, c)
        docs.append(dict(file=name, kind=kind, market=market,
                         spans=[dict(text=t, category=c) for t, c in spans], clean=clean))
    return docs


if __name__ == "__main__":
    with open(os.path.join(here, "holdout6.labels.json"), "w", encoding="utf-8") as f:
        json.dump(build(), f, indent=1, ensure_ascii=False)
        f.write("\n")

# Measured untouched (before the holdout6 rule round): recall 0.885 (69/78), 2 false positives on the
# compliant UK page (injection-route on "injected into the skin" and "polynucleotide injections",
# both describing a prescriber-administered injectable honestly).
# After the round: recall 1.000 (78/78), 1 false positive left on purpose: "It is injected into the skin
# in a course of two to three sessions." (compliant page; only the previous sentence says the product is
# a CE-marked medical device, and the same sentence shape is a real route claim on the risky page).
