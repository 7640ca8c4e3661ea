"""Writes holdout.labels.json (kept as a script so labels stay readable and reviewable)."""
import json, os

R = lambda text, cat, **kw: dict(text=text, category=cat, **kw)
Q = lambda text, cat: dict(text=text, category=cat, voice="quoted")

DOCS = [
 dict(file="uk_clinic_landing.md", kind="risky", market="UK", spans=[
   R("sourced from human umbilical\ncord stem cells", "human_derived"),
   R("Turbo-charges your own collagen output", "structure_function"),
   R("3x the glow of a standard hydrafacial", "unqualified_percentage"),
   R("Nine in ten clients notice a visible lift", "unqualified_percentage"),
   R("after a single visit", "unqualified_percentage"),
   R("Safe for every skin tone and type", "absolute_safety"),
   R("virtually no risk", "absolute_safety"),
   R("Knocks years off a tired-looking face", "unqualified_percentage"),
   R("clears stubborn acne for good", "medicinal_claim"),
   R("Unlike fillers", "comparative_superiority"),
   R("rebuilds the skin from within", "structure_function"),
   R("numbing cream", "non_cosmetic_route"),
 ], clean=["Calms angry, breakout-prone skin", "virtually pain-free", "Expect some pinkness for 24–48 hours",
           "NMC registered nurse prescriber", "Book a free consultation", "make-up can't fix"]),
 dict(file="us_serum_product.html", kind="risky", market="US", spans=[
   R("clinically-validated", "vague_science"),
   R("reverses visible aging in 14 days", "hype"),
   R("a facelift in a dropper", "comparative_superiority"),
   R("stem&#8209;cell&#8209;derived exosomes", "cell_therapy"),
   R("more than any serum on the market", "comparative_superiority"),
   R("reprograms aging cells", "structure_function"),
   R("Wrinkle depth reduced by a remarkable 47%", "unqualified_percentage"),
   R("twice as firm in four weeks", "unqualified_percentage"),
   R("Collagen density up 212%", "unqualified_percentage"),
   R("FDA&#8209;registered facility", "regulator_claim"),
   R("asked if I’d had filler", "testimonial_results"),
   R("My crow’s feet have basically vanished", "testimonial_results"),
 ], clean=["third-party tested for purity", "Gentle enough for sensitive skin", "Fragrance-free, vegan, cruelty-free",
           "These statements have not been evaluated by the Food and Drug Administration", "SPF 30+ during the day"]),
 dict(file="au_needling_clinic.mdx", kind="risky", market="AU", spans=[
   R("Delivered straight into the\ndermal layer", "structure_function"),
   R("Up to seventy per cent reduction in pigmentation", "unqualified_percentage"),
   R("Heals acne scarring", "medicinal_claim"),
   R("Supercharges elastin", "structure_function"),
   R("TGA-listed serum", "regulator_claim"),
   R("zero-risk", "absolute_safety"),
   R("head straight back to work", "absolute_safety"),
 ], clean=["paraben-free, sulphate-free, fragrance-free", "Results may vary from person to person",
           "suitable candidate", "experienced dermal therapists", "No nasties"]),
 dict(file="eu_brand_blog.md", kind="mixed", market="EU", spans=[
   R("they outperform\npeptides and vitamin C", "comparative_superiority"),
   R("help skin cells\ncommunicate and repair themselves", "structure_function"),
   R("strengthen the skin's own defences against bacteria", "medicinal_claim"),
 ], clean=["made with secretome from human adipose cells", "cells, tissues or products of human origin are prohibited",
           "81% agreed that their skin looked more radiant", "*Rosa damascena* callus culture", "eczema-prone skin",
           "including what didn't work"]),
 dict(file="salon_newsletter.txt", kind="risky", market="UK", spans=[
   R("the nearest thing to a non-surgical facelift", "comparative_superiority"),
   R("Forget Botox", "comparative_superiority"),
   R("her skin looked ten years\nyounger", "unqualified_percentage"),
   R("reawakens\nsleepy follicles", "medicinal_claim"),
   R("say goodbye to thinning", "medicinal_claim"),
 ], clean=["Plant-derived exosomes (from apple stem cells)", "Double cleanse in the evening",
           "SPF 50 every single day", "Ts & Cs apply", "gentle enzyme peel"]),
 dict(file="instagram_captions.txt", kind="risky", market="unknown", spans=[
   R("9/10 clients saw firmer skin", "unqualified_percentage"),
   R("after ONE treatment", "unqualified_percentage"),
   R("zero downtime", "absolute_safety"),
   R("Her melasma? GONE.", "medicinal_claim"),
   R("is honestly magic", "hype"),
   R("makes your pores disappear", "hype"),
   R("100% results, every single time", "hype"),
   R("the safest treatment we offer", "absolute_safety"),
   R("it's safe in pregnancy", "absolute_safety"),
 ], clean=["is it safe??", "results vary and a consult always comes first", "what exosomes can and can't do",
           "zero needles"]),
 dict(file="prp_vampire_facial.md", kind="risky", market="UK", spans=[
   R("growth factors to kick-start repair", "structure_function"),
   R("Stimulates new blood vessel growth", "structure_function"),
   R("Softens acne scars", "medicinal_claim"),
   R("Thickens thinning hair", "medicinal_claim"),
   R("no chance of an allergic reaction", "absolute_safety"),
   R("Results last up to 18 months", "hype"),
   R("topical anaesthetic", "non_cosmetic_route"),
   R("needled into\nthe skin at a depth of 0.5–1.5 mm", "non_cosmetic_route"),
   R("injected under the eyes", "non_cosmetic_route"),
 ], clean=["PRP is not suitable during pregnancy", "Redness and mild swelling are normal for one to three days",
           "bruising is possible", "We'll go through your medical history in detail"]),
 dict(file="skin_booster_polynucleotides.html", kind="risky", market="UK", spans=[
   R("repairs your skin from the inside out", "structure_function"),
   R("Injected in tiny\namounts", "non_cosmetic_route"),
   R("Regenerates tissue at a cellular level", "structure_function"),
   R("thicken the skin under the eyes by up to a third", "unqualified_percentage"),
   R("Proven to thicken", "vague_science"),
   R("Repairs UV-damaged skin", "medicinal_claim"),
   R("alternative to filler", "comparative_superiority"),
   R("Trusted by top aesthetic doctors", "vague_science"),
 ], clean=["purified DNA fragments derived from salmon or trout", "qualified prescriber after a face-to-face consultation",
           "Mild swelling and small bumps usually settle within 48 hours"]),
 dict(file="microneedling_aftercare.md", kind="compliant", market="UK", spans=[],
      clean=["avoid anti-inflammatory\npainkillers such as ibuprofen", "signs of infection", "Pain relief",
             "usually fades within 24–48 hours", "We can't promise that every client will see the same result",
             "need prompt attention"]),
 dict(file="honest_faq.md", kind="compliant", market="UK", spans=[],
      clean=["Are your exosomes from human stem cells?", "human-derived exosomes is illegal in the UK",
             "Is it risk-free?", "No treatment is completely without risk", "Will it get rid of my wrinkles?",
             "Does it cure acne or rosacea?", "Is it better than fillers?", "We may be able to treat you",
             "Some see a difference\nsooner"]),
 dict(file="journalist_explainer.md", kind="compliant", market="UK", spans=[
   Q("a facelift without the scalpel", "comparative_superiority"),
   Q("totally safe, even for pregnant women", "absolute_safety"),
   Q("harvested from umbilical cords", "human_derived"),
   Q("stem cell exosome", "human_derived"),
   Q("exosomes will cure your rosacea or regrow your hair", "medicinal_claim"),
 ], clean=["human-derived exosomes are\nprohibited in cosmetic products", "there are no\napproved exosome products",
           "change how skin cells behave in a dish", "doesn't promise miracles", "explains the risks and recovery time"]),
 dict(file="plant_vesicle_serum.html", kind="compliant", market="EU", spans=[],
      clean=["88% agreed their skin felt more hydrated", "79% said it looked smoother", "Dermatologically tested",
             "We do not use human, animal or stem-cell-derived ingredients", "It is not intended to be injected",
             "fast-absorbing", "4% niacinamide", "doesn't mean no one will react"]),
 dict(file="ingredients_glossary.md", kind="compliant", market="UK", spans=[],
      clean=["ingredients\nof human origin cannot be used in cosmetics", "so-called recombinant",
             "is a prescription-only medicine used to treat acne", "they contain no living stem cells",
             "Plant stem cell extracts", "support the look of firmer skin"]),
 dict(file="hydration_spf_blog.md", kind="compliant", market="unknown", spans=[],
      clean=["one of the most effective ways to prevent premature skin\nageing", "roughly 97% of UVB rays",
             "1,000 times its weight in water", "a single \"miracle\" cream", "won't magically fix dry skin",
             "you might have eczema"]),
]

# Sentence banks: short probes written blind after the first rule round (each line one paragraph).
# Their category is "bank": the lines cover every category and are scored together.
_here = os.path.dirname(os.path.abspath(__file__))
_bank = lambda name: [l for l in open(os.path.join(_here, name), encoding="utf-8").read().split("\n\n") if l.strip()]
DOCS.append(dict(file="sentence_bank_risky.txt", kind="risky", market="unknown",
                 spans=[R(l.strip(), "bank") for l in _bank("sentence_bank_risky.txt")], clean=[]))
DOCS.append(dict(file="sentence_bank_clean.txt", kind="compliant", market="unknown", spans=[],
                 clean=[l.strip() for l in _bank("sentence_bank_clean.txt")]))

here = os.path.dirname(os.path.abspath(__file__))
for d in DOCS:
    text = open(os.path.join(here, d["file"]), encoding="utf-8").read()
    for s in d["spans"]:
        assert text.count(s["text"]) >= 1, (d["file"], s["text"])
    for c in d["clean"]:
        assert c in text, (d["file"], c)
json.dump(DOCS, open(os.path.join(here, "holdout.labels.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(len(DOCS), "documents,", sum(len(d["spans"]) for d in DOCS), "spans,", sum(len(d["clean"]) for d in DOCS), "clean")
