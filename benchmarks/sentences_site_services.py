"""Benchmark sentences for the rest of an aesthetic-clinic site (issue 20): prescription-only
medicines beyond botulinum toxin, IV drips and vitamin injections, fat dissolving, hormones and
wellness.

``generate_corpus.py`` adds these to its RISKY and NEUTRAL lists. The generator gives every page a
market (UK, EU, US or AU), so each RISKY sentence carries a claim that a rule reports in all four
markets, and each NEUTRAL sentence must stay quiet in all four (no placeholders: used as written).
"""

RISKY = [
    "Our Detox Drip flushes out the toxins a busy week leaves behind.",
    "The recovery IV cures your hangover before lunch.",
    "NAD+ infusions turn back your biological age.",
    "Glutathione drips lighten your skin from within.",
    "A weekly B12 shot boosts your energy and speeds up your metabolism.",
    "Buy semaglutide pens online without a prescription.",
    "Compounded tirzepatide with the same active ingredient as Mounjaro.",
    "Lemon Bottle fat-dissolving injections, now £75 an area.",
    "Our fat-melting injections permanently destroy stubborn fat cells.",
    "Drop a dress size in six weeks with our body contouring course.",
    "The hormone-balancing drip restores your hormonal balance naturally.",
    "Bioidentical hormones are a safer, more natural option than HRT.",
    "The wellness infusion boosts libido and eases anxiety.",
    "Our cooling facial relieves hot flushes and night sweats.",
    "Vitamins delivered by drip give 100% absorption.",
    "Tretinoin 0.05% and hydroquinone 4%, no prescription needed.",
]

NEUTRAL = [
    "Weight-management consultations are available with our prescribing doctor.",
    "If you are taking any weight-loss medication, please tell us at your consultation.",
    "Our nurses take a full medical history before any treatment.",
    "Skin can feel drier during menopause, so we use a richer moisturiser in your facial.",
    "Your liver and kidneys look after detoxification; our facials focus on how your skin looks.",
    "Drink plenty of water and rest after a late night; no treatment replaces sleep.",
    "Body contouring results vary, and diet and exercise still matter.",
    "Pigmentation consultations with our doctor start with a skin assessment.",
    "Our brightening serum evens the look of skin tone and is fragrance-free.",
    "Many clients find the facial relaxing and leave feeling refreshed.",
    "Fat-reduction treatments are only offered after an assessment with our clinician.",
    "B12 levels can be checked with a simple blood test at your GP surgery.",
]
