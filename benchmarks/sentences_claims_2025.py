"""Benchmark sentences for the 2025-2026 claim families of issue #20, part B.

Free-from and purity claims, skin whitening, surgery-likeness and permanence, disease prevention,
celebrity and media endorsements, undisclosed influencer ads, donor ("allogeneic") products and
clinic rankings. ``generate_corpus.py`` draws from these lists like its own: every RISKY sentence
must be flagged by exolint, no NEUTRAL one (written to be compliant copy on the same topics).
NEUTRAL sentences go through ``str.format`` with the generator's fields, so they hold no braces.
"""

RISKY_CLAIMS_2025 = [
    "Our chemical-free peel is kind to even the most reactive skin.",
    "Every serum in the range is 100% toxin-free.",
    "The brightening balm is chemical-free and free from hydroquinone and mercury.",
    "Shop our pharmaceutical-grade vitamin C serum for home use.",
    "The balm is so pure you could eat it.",
    "Book a skin whitening facial before your wedding.",
    "Reveal a lighter skin tone in six weeks.",
    "The lift looks just like a surgical facelift, with no scalpel in sight.",
    "Our non-surgical nose job takes twenty minutes.",
    "Radiofrequency tightens loose skin permanently.",
    "Frown lines are gone for good after a course of three.",
    "The antioxidant drip helps prevent skin cancer.",
    "Our enzyme peel won't harm even the most sensitive skin.",
    "Discover the stars' secret to a camera-ready glow.",
    "The facial A-listers swear by is now in Harrogate.",
    "Our glow serum, as seen on TV.",
    "Not an ad, but use my code GLOW10 for money off your first facial.",
    "Cord-derived exosomes sold for allogeneic use in our partner clinics.",
    "Europe's No.1 aesthetic clinic is coming to your high street.",
]

NEUTRAL_CLAIMS_2025 = [
    "Daily sunscreen helps reduce the risk of sunburn, so keep a bottle in your bag.",
    "The {p} is fragrance-free, for skin that reacts to perfume.",
    "Natural ingredients can still irritate, so we patch test before your first {t}.",
    "We use a medical-grade microneedling pen with sterile, single-use tips.",
    "Our {t} helps even the look of skin tone and softens the appearance of dark spots.",
    "Non-surgical treatments give temporary results and are not a substitute for a facelift.",
    "Results usually last several months, and most clients book a maintenance session.",
    "Tell us if you have a history of skin cancer, so we can plan your {t} safely.",
    "Our team trained with educators from across Europe and keeps up with new techniques.",
    "We never pay influencers for reviews, and every partnership post is labelled as an ad.",
    "Every skin colour is welcome here, and our therapists train on all skin tones.",
    "Our exosome serum is made from rose callus cultures, with no donor material.",
]
