"""Fifth blind holdout (qa5): ten realistic COMPLIANT pages (honest UK clinic exosome facial,
dermatologist's regulation explainer, news report on the ASA/MHRA/FDA crackdown, microneedling
aftercare sheet, contraindications and consent form, treatment menu, ingredient glossary, general
skincare blog, "About us / our practitioners", T&Cs and refunds). Every finding on these pages that
overlaps no label is a false positive (score.py, kind "compliant"); the "clean" strings are near-misses
that must never be flagged. Bad claims quoted as bad examples (by the dermatologist or the regulator)
are labelled as spans with "voice": "quoted": neutral, neither required nor false positives.
Written before any rule change and measured untouched first. Run this script to regenerate
holdout5.labels.json; it checks that every span and clean text occurs exactly in its file."""
import json, os

here = os.path.dirname(os.path.abspath(__file__))
AS, MED, SF, REG, HY = "absolute_safety", "medicinal_claim", "structure_function", "regulator_claim", "hype"

DOCS = [
    ("uk_clinic_exosome_facial.md", "UK", [], [
        "a serum containing plant-derived exosomes taken from rose stem cell cultures",
        "It is not a medicine and it is not intended to treat, cure or prevent any disease.",
        "We do not use human-derived exosomes, and we would not offer them",
        "cosmetic products must not contain cells, tissues or products of human origin",
        "uses a microneedling pen at a shallow depth suited to the area being treated",
        "26 of the 32 panellists agreed that their skin felt more hydrated",
        "22 of the 32 agreed that their skin looked more radiant",
        "This was a self-assessment study, not a clinical trial, and it did not measure wrinkles or collagen.",
        "Your own results may differ.",
        "Skin that feels smoother and looks brighter is the most common feedback we hear",
        "Redness and mild swelling are common for 24 to 48 hours.",
        "rarely, infection or changes in pigmentation",
        "have taken isotretinoin in the last six months",
        "this facial is not a treatment for skin disease",
        "If you have a medical skin condition such as eczema or rosacea, please speak to your GP or dermatologist first",
    ]),
    ("dermatologist_regulation_explainer.html", "US", [
        ("100% safe with zero side effects", AS),
        ("Regrows lost collagen and reverses ageing at a cellular level", SF),
        ("Heals acne scars and eczema", MED),
        ("FDA approved exosome therapy", REG),
    ], [
        "most of that research is in cell cultures and animals, and the marketing has run far ahead of the evidence",
        "there are no FDA-approved exosome products",
        "warning consumers about unapproved products marketed as containing exosomes or stem cells",
        "sent warning letters to clinics promoting them for medical conditions",
        "Exosome products intended to treat disease are regulated as biological drugs",
        "it includes cells, tissues and products of human origin",
        "a cosmetic serum sold in the UK or EU cannot legally contain human-derived exosomes",
        "no treatment that breaks the skin barrier is free of risk",
        "a cosmetic cannot lawfully claim to change the structure of the skin",
        "these are medicinal claims about diseases",
        "no such approval exists",
        "can help skin look more hydrated or radiant",
        "It will not promise permanent results.",
        "be wary of any clinic that uses words like \"miracle\" or \"cure\"",
        "Exosome research may well produce useful medicines in the future.",
    ]),
    ("news_regulator_crackdown.txt", "UK", [
        ("clinically proven to reverse ageing", SF),
        ("repairs damaged skin cells", SF),
        ("no downtime, no risk", AS),
    ], [
        "Regulators tighten grip on exosome and stem cell beauty adverts",
        "the ASA found that an Instagram post describing an exosome facial as",
        "was judged to make a medicinal claim for a cosmetic service",
        "aware of products marketed as containing human-derived exosomes",
        "Products containing human cells or tissues that are presented as treating or preventing disease may be medicines.",
        "Selling or supplying an unlicensed medicine is an offence.",
        "cosmetic products must not contain materials of human origin",
        "there are currently no FDA-approved exosome products",
        "promoted exosome products as treatments for conditions ranging from hair loss to joint pain",
        "reports of serious adverse events, including infections, in patients who received unapproved products",
        "nobody should be told they will get permanent results or that there are no risks",
        "be cautious about before-and-after photos, which may be edited or unrepresentative",
        "must not discourage people from seeking essential treatment for a medical condition",
    ]),
    ("microneedling_aftercare.html", "UK", [], [
        "Redness, similar to mild sunburn, for 24 to 72 hours.",
        "Pinpoint spots of bleeding or light bruising in thinner areas of skin.",
        "A few small spots or breakouts in the first week.",
        "Apply a broad-spectrum SPF 30 or higher every morning",
        "Avoid active ingredients such as retinol, retinoids, vitamin C, AHAs, BHAs and benzoyl peroxide for five to seven days.",
        "Increasing pain, heat, pus or yellow crusting, which can be signs of infection.",
        "A rash, hives or itching that may suggest an allergic reaction.",
        "A cold sore outbreak in the treated area.",
        "call 999 or go to your nearest A&amp;E",
        "to give your skin time to recover",
    ]),
    ("contraindications_consent.md", "UK", [], [
        "complete a medical history questionnaire",
        "are pregnant, trying to conceive or breastfeeding;",
        "have taken isotretinoin (Roaccutane) in the last six months;",
        "have an active skin infection, cold sore, open wound or undiagnosed lesion in the treatment area;",
        "have a history of keloid or hypertrophic scarring;",
        "have diabetes, an autoimmune condition or a condition affecting wound healing;",
        "have eczema, psoriasis or rosacea, or are being treated by a dermatologist;",
        "have had filler, botulinum toxin, a chemical peel or laser treatment in the last four weeks;",
        "less common risks include infection, changes in pigmentation, scarring and allergic reaction",
        "a cosmetic product containing plant-derived exosomes, and that it is not a medicine",
        "results vary from person to person, that no particular outcome has been promised to me",
    ]),
    ("treatment_menu.txt", "UK", [], [
        "Leaves skin feeling soft and comfortable.",
        "a cosmetic serum containing plant-derived exosomes",
        "Controlled microneedling with a single-use sterile cartridge",
        "A topical serum containing polynucleotides (PDRN) applied after needling.",
        "Hyaluronic acid skin booster, 2 sessions (prescription treatment) - 350 pounds",
        "Not suitable for everyone; your prescriber will explain the risks and alternatives.",
        "Red and near-infrared light, often added after a facial.",
        "Niacinamide serum 10% - 32 pounds",
        "Barrier repair moisturiser - 36 pounds",
        "Results vary from person to person.",
    ]),
    ("ingredient_glossary.md", "EU", [], [
        "They are cosmetic ingredients and contain no human or animal material.",
        "Growth factors are proteins that cells use to signal to one another.",
        "they are not the same thing as the growth factors studied in medicine",
        "to help skin look smoother and feel firmer",
        "helps skin look more even in tone and supports the skin barrier",
        "helping it look plumper and feel hydrated",
        "They do not contain living stem cells and cannot act as stem cells in your skin.",
        "Polynucleotides are chains of DNA fragments, most commonly purified from salmon.",
        "Injectable polynucleotide products are a separate category regulated as medical devices",
        "help reduce water loss and support a healthy-looking skin barrier",
        "Retinol helps reduce the look of fine lines and uneven texture with regular use.",
    ]),
    ("skincare_basics_blog.md", "US", [], [
        "Daily broad-spectrum sunscreen is the single most useful step for protecting your skin.",
        "it is a risk factor for skin cancer",
        "Retinol is one of the most studied cosmetic ingredients.",
        "it helps reduce the look of fine lines and can make skin texture look smoother",
        "helps skin hold on to water and feel more comfortable",
        "it is not a treatment for skin disease",
        "a mole that is changing in size, shape or colour",
        "none of them replaces the basics above",
        "Small, steady steps tend to give the most satisfying results over time.",
    ]),
    ("about_our_practitioners.html", "UK", [], [
        "We are registered with the Care Quality Commission (CQC) for the regulated activities we carry out",
        "our latest inspection report is available on the CQC website",
        "We ask you to complete a medical history questionnaire",
        "use single-use sterile needles and cartridges",
        "RGN, NMC registered, Independent Nurse Prescriber",
        "worked in plastic surgery and dermatology outpatients",
        "holds a Level 7 postgraduate certificate in aesthetic medicine",
        "oversees our clinical governance",
        "we do not use human-derived exosomes or products containing human cells",
        "CQC registration applies to regulated activities only.",
    ]),
    ("terms_and_refunds.txt", "UK", [], [
        "Results vary from person to person",
        "We make no guarantee of any particular result.",
        "are not a promise of what you will achieve",
        "maintenance treatments may be recommended",
        "Nothing in these terms affects your statutory rights.",
        "Side effects such as redness, swelling or temporary breakouts are a normal part of some treatments",
        "Where an adverse reaction needs medical attention, we will advise you to seek it",
        "We keep confidential clinical records in line with data protection law.",
    ]),
]


def build():
    docs = []
    for name, market, spans, clean in DOCS:
        text = open(os.path.join(here, name), encoding="utf-8").read()
        for t, _ in spans:
            assert text.count(t) == 1, (name, t)
        for c in clean:
            assert c in text, (name, c)
            assert not any(t in c or c in t for t, _ in spans), (name, c)
        docs.append(dict(file=name, kind="compliant", market=market,
                         spans=[dict(text=t, category=c, voice="quoted") for t, c in spans], clean=clean))
    return docs


if __name__ == "__main__":
    with open(os.path.join(here, "holdout5.labels.json"), "w", encoding="utf-8") as f:
        json.dump(build(), f, indent=1, ensure_ascii=False)
        f.write("\n")
