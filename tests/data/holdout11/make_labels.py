"""Eleventh blind holdout (holdout11): sixteen invented pages, written from scratch in the annotator's own
words, imitating the genres and voices of real third-party web copy (not copied or paraphrased from
/work/shared or any earlier holdout). The set was written BLIND: exolint and the scorer were not run, and
rules/, exolint/ and tests/data/holdout8-10 were not read while writing it. It has NOT been scored yet.

Pages: 11 risky (a Turkish hair-transplant clinic's exosome add-on, a US chiropractic/wellness clinic's
exosome joint and skin injections, a UK mobile aesthetics nurse's "About me" and treatments, a Korean brand's
marketplace listing with bullets and reviews, an Australian cosmetic doctor's polynucleotides-vs-skin-boosters
blog, a US plastic surgeon's stem-cell fat transfer page with a table, a London salon's LED + microneedling acne
package, a US dental clinic's PRP facial, a beauty influencer's YouTube description, a UK online exosome course
for beauticians, a Canadian spa's gift-voucher page), 1 mixed (a UK consumer-rights blog quoting three clinics'
ad wording, plus one asserted claim for a serum it recommends) and 4 compliant (a university news story, a
clinic's hedged price list with contraindications, an Irish trade body's advertising guidance, an Australian
consumer magazine's sceptical "worth it?" piece).

Labelling follows /work/shared/corpus/real/README.md (rules and clarifications 1-6): shortest risky phrase,
exact substring, category, voice ("asserted" unless marked quoted); autologous fat and PRP and injected
polynucleotides are not non_cosmetic_route/human_derived; generic characterisations in critical or guidance
text are not spans but "clean" hard negatives; compliant pages have no spans.

Run this script to regenerate holdout11.labels.json. It checks that every span occurs exactly once in its
file, that spans do not overlap, that every clean string occurs and overlaps no span, that categories are
known and compliant pages have no spans, and it records character offsets (Python str indices).
"""
import json, os

here = os.path.dirname(os.path.abspath(__file__))
AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST, OTH = ("absolute_safety", "unqualified_percentage",
    "human_derived", "medicinal_claim", "structure_function", "non_cosmetic_route", "comparative_superiority",
    "vague_science", "regulator_claim", "hype", "testimonial_results", "other")
CATS = {AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST, OTH}
Q = "quoted"

# (file, market, country, source_type, kind, spans, clean)
DOCS = [
    ("tr_hair_clinic_exosome_addon.html", "unknown", "TR", "clinic_page", "risky", [
        ("taken from umbilical cord stem cells of healthy donors", HD),
        ("tell your follicles to wake up and grow", SF),
        ("We inject the exosome solution directly in to the recipient and donor area", RT),
        ("graft survival rate up to 98%", UP),
        ("Shock loss is stopped before it begins", MED),
        ("The donor area heals twice as fast", MED),
        ("Thicker, denser result visible by month 4 instead of month 8", HY),
        ("Works also on the thinning hair", MED),
        ("Studies have proven", VS),
        ("3 times more powerful than PRP", CMP),
        ("approved by the Turkish Ministry of Health", REG),
        ("there is no possibility of rejection or allergy", AS),
        ("100% natural", OTH),
        ("there are no side effects", AS),
        ("at 5 months my friends thought I had it done a year ago", TST),
        ("Doctor said this is normal for exosome patients", TST),
    ], [
        "your surgeon will tell you at consultation if it is suitable for you",
        "final results of a hair transplant take 12 to 18 months to show",
    ]),
    ("us_chiro_wellness_exosome_joints.md", "US", "US", "clinic_page", "risky", [
        ("exosome injections for joints, soft tissue and skin", RT),
        ("donated human amniotic tissue", HD),
        ("processed in an FDA registered lab", REG),
        ("Knee, hip and shoulder osteoarthritis", MED),
        ("Rotator cuff and meniscus tears", MED),
        ("Plantar fasciitis", MED),
        ("Chronic low back pain and degenerated discs", MED),
        ("Tennis elbow", MED),
        ("Hair thinning", MED),
        ("Once injected into the joint", RT),
        ("exosomes reduce inflammation", MED),
        ("signal your body to regrow damaged cartilage", MED),
        ("Think of it as a software update for worn-out tissue", HY),
        ("exosome IV drip", RT),
        ("works from the inside out on collagen", SF),
        ("70-90% less pain within six weeks", UP),
        ("many cancel their scheduled knee replacement", MED),
        ("exosomes actually fix the problem", CMP),
        ("If it worked for a 64-year-old like me it will work for you", TST),
        ("your immune system can't react to them", AS),
        ("It's one of the safest procedures we do", AS),
    ], [
        "Exosome therapy is not currently covered by insurance.",
        "Not every patient is a candidate",
    ]),
    ("uk_mobile_nurse_about.md", "UK", "GB", "practitioner_page", "risky", [
        ("basically a reset button for tired skin", HY),
        ("kickstart your fibroblasts into making fresh collagen and elastin", SF),
        ("repair damage at a cellular level", SF),
        ("human stem cell exosome serum", HD),
        ("goes deep into the dermis", SF),
        ("switches off inflammation", MED),
        ("heals acne scarring", MED),
        ("the downtime is a fraction of what you'd get with a chemical peel", CMP),
        ("it is completely safe", AS),
    ], [
        "if something isn't right for you I will tell you honestly",
        "for a dewy, more hydrated-looking complexion",
        "Expect a few small bumps for a day or so.",
        "manage complications if they ever happen",
    ]),
    ("kr_brand_marketplace_listing.txt", "unknown", "KR", "marketplace_listing", "risky", [
        ("penetrate 5x deeper than ordinary serums", CMP),
        ("deliver nutrients straight to the basal layer", SF),
        ("REPAIRS DAMAGED SKIN BARRIER", SF),
        ("Regenerates the skin barrier in 7 days", SF),
        ("calms irritated, inflamed skin", MED),
        ("for fast healing", MED),
        ("CLINICALLY TESTED RESULTS", VS),
        ("Wrinkles reduced by 37.4%", UP),
        ("elasticity up 52% after 2 weeks", UP),
        ("Dermatologist recommended in Korea", VS),
        ("SAFE FOR EVERYONE", AS),
        ("Hypoallergenic", AS),
        ("no irritation even for the most sensitive skin", AS),
        ("Zero harmful chemicals", OTH),
        ("Safe for pregnant women", AS),
        ("KFDA registered", REG),
        ("salon-level regeneration at home", HY),
        ("Better than salon exosome facials costing hundreds of dollars", CMP),
        ("My hormonal acne cleared up in a week", TST),
        ("got rid of my cystic acne and the marks it left behind", TST),
    ], [
        "10,000ppm of rice-derived exosomes plus salmon PDRN",
        "Haven't seen a dramatic difference yet after 3 weeks.",
        "Follow with moisturizer and sunscreen in the day.",
    ]),
    ("au_doctor_blog_pn_vs_boosters.md", "unknown", "AU", "clinic_blog", "risky", [
        ("act as scaffolding for your own cells", SF),
        ("switch on the repair pathways that slow down as we age", SF),
        ("the only injectable that actually reverses photoaging", CMP),
        ("Acne scarring", MED),
        ("Rosacea and persistent redness", MED),
        ("Post-inflammatory pigmentation", MED),
        ("Stretch marks", MED),
        ("Hair loss", MED),
        ("allergic reactions are virtually impossible", AS),
        ("they don't change the quality of the tissue the way polynucleotides do", CMP),
        ("it's the gold standard", CMP),
        ("results that last up to 3 times longer", UP),
        ("There are over 200 published papers on polynucleotides", VS),
        ("The science is really solid", VS),
    ], [
        "can give that dewy, lit-from-within look",
        "Individual results vary.",
        "Any treatment carries risks; please read our patient information sheet before booking.",
    ]),
    ("us_plastic_surgeon_stem_cell_fat_transfer.html", "US", "US", "clinic_page", "risky", [
        ("up to 10 times more stem cells than a standard fat transfer", UP),
        ("They grow new blood vessels", SF),
        ("rebuild collagen", SF),
        ("turn back the biological clock of the overlying skin", HY),
        ("Permanent", CMP),
        ("Zero risk of rejection", AS),
        ("donor mesenchymal stem cells", HD),
        ("speeds healing of acne scars", MED),
        ("reverse radiation damage after cancer treatment", MED),
    ], [
        "we gently harvest fat from the abdomen or thighs with microcannula liposuction",
        "Swelling and bruising are normal and settle over 2–3 weeks.",
        "Some of the transferred fat is reabsorbed by the body",
    ]),
    ("uk_london_salon_led_microneedling_acne.txt", "UK", "GB", "salon_page", "risky", [
        ("kill acne at the source", MED),
        ("destroys 99.9% of acne bacteria in the pores without antibiotics", UP),
        ("calms inflammation", MED),
        ("heals the skin from the inside", MED),
        ("breaks down old scar tissue", MED),
        ("drives our growth factor serum into the dermis", SF),
        ("rebuilds collagen", SF),
        ("NASA technology", VS),
        ("FDA approved", REG),
        ("the only FDA cleared microneedling device", REG),
        ("Active acne", MED),
        ("hormonal breakouts", MED),
        ("acne scarring", MED),
        ("rosacea", MED),
        ("4 weeks into the programme and my skin was clear", TST),
        ("Every single client who has finished the programme has seen a difference", TST),
        ("Results are permanent", HY),
    ], [
        "We can't microneedle over active, pustular spots",
        "Avoid retinoids 5 days before.",
        "Not suitable if you're on Roaccutane or within 6 months of finishing it.",
    ]),
    ("us_dental_clinic_prp_facial.md", "US", "US", "clinic_page", "risky", [
        ("one of the best-qualified people to treat your face", CMP),
        ("Stimulates stem cells in the skin to regenerate new tissue", SF),
        ("Heals acne scars and surgical scars", MED),
        ("Treats melasma", MED),
        ("Tightens and thickens thinning skin", SF),
        ("Speeds healing after oral surgery and implants", MED),
        ("zero risk of allergic reaction or disease transmission", AS),
        ("Studies show", VS),
        ("more effective than Botox for long-term wrinkle reduction", CMP),
        ("fixes the cause instead of freezing the muscle", CMP),
    ], [
        "PRP is not recommended if you have a blood or platelet disorder",
        "Dr. Okafor will review your medical history at your consultation.",
        "PRP facial rejuvenation is a cosmetic service and is not billed to dental insurance.",
    ]),
    ("us_influencer_youtube_description.txt", "US", "US", "influencer_video_description", "risky", [
        ("the treatment every celeb is secretly getting", HY),
        ("literally baby stem cells from human umbilical cords", HD),
        ("tell your old cells to start acting young again", SF),
        ("the closest thing we have to a fountain of youth", HY),
        ("my melasma is 80% gone", TST),
        ("the scar on my chin from when I was 12 literally healed", TST),
        ("I'm 38 and people keep asking if I'm 28", TST),
        ("you WILL get these results if you're consistent", TST),
        ("IV drip of exosomes", RT),
        ("all my joint pain from running went away", MED),
    ], [
        "I am not a doctor and this is not medical advice, talk to a professional before trying anything.",
        "Results vary person to person.",
        "This video is sponsored by Lume Skin Lab.",
    ]),
    ("uk_online_exosome_course.html", "UK", "GB", "training_course_page", "risky", [
        ("the hottest treatment of 2025", HY),
        ("the biggest thing to happen to aesthetics since Botox", HY),
        ("how exosomes reprogram ageing cells", SF),
        ("why human MSC exosomes give the best results", HD),
        ("Exosome injection techniques for under eyes, scalp and décolletage", RT),
        ("Treating acne, rosacea, pigmentation and hair loss with exosomes", MED),
        ("completely non-toxic and can't go wrong", AS),
        ("fully legal to use in the UK with no licence required", REG),
    ], [
        "Module 3: Microneedling and nano-needling protocols",
        "Course content is for educational purposes.",
        "Learners are responsible for checking their local authority licensing and insurance requirements before offering any treatment.",
    ]),
    ("ca_spa_gift_vouchers.md", "unknown", "CA", "spa_page", "risky", [
        ("human stem cell exosome concentrate", HD),
        ("switch on collagen production", SF),
        ("repair sun damage from the inside", SF),
        ("clears eczema and psoriasis patches", MED),
        ("soothes inflamed skin", MED),
        ("Guests say they look 10 years younger walking out the door", TST),
        ("boosts cellular energy (ATP) by 150%", UP),
        ("speeds up the body's own healing", MED),
        ("A favourite with our guests recovering from surgery or sports injuries", MED),
        ("regrows thin skin", SF),
        ("safer than filler", CMP),
        ("no risk of migration", AS),
    ], [
        "Our most loved facial.",
        "Injectable treatments require a health questionnaire and a consultation with our nurse",
        "Please tell us if you are pregnant so we can suggest alternatives.",
    ]),
    ("uk_consumer_blog_exosome_ads.md", "UK", "GB", "consumer_blog", "mixed", [
        ("human placenta exosomes", HD, Q),
        ("MHRA approved", REG, Q),
        ("100% safe for all skin types", AS, Q),
        ("Exosome injections", RT, Q),
        ("reverse hair loss", MED, Q),
        ("9 out of 10 clients", UP, Q),
        ("Heals acne scars and rosacea in one session", MED, Q),
        ("Better than PRP", CMP, Q),
        ("permanently erases melasma and sun spots in four weeks", MED),
    ], [
        "No exosome product has a UK medicines licence, and the MHRA doesn't \"approve\" cosmetics at all.",
        "Injecting exosome products isn't a cosmetic treatment",
        "Scarring and rosacea are medical conditions.",
        "A cosmetic serum can't legally claim to treat them",
    ]),
    ("uni_news_exosome_wound_research.html", "UK", "GB", "university_news", "compliant", [], [
        "Tiny cell messages could one day help chronic wounds heal, lab study suggests",
        "Wounds in the exosome group closed on average two days sooner.",
        "we haven't tested safety or dosing in people",
        "exosome products intended to treat a medical condition would have to be licensed as medicines, and none currently are",
    ]),
    ("uk_clinic_honest_price_list.txt", "UK", "GB", "clinic_price_list", "compliant", [], [
        "Can improve the look of skin texture, enlarged pores and shallow acne marks over a course.",
        "We do not inject exosomes or use human-derived products.",
        "We don't use it to treat acne or any medical condition",
        "No treatment is risk-free.",
    ]),
    ("ie_trade_body_exosome_ad_guidance.md", "EU", "IE", "trade_body_guidance", "compliant", [], [
        "members must not offer human-derived exosome products for cosmetic use",
        "Members must not inject exosome products or advertise \"exosome injections\", \"exosome mesotherapy\" or \"exosome IV\".",
        "Do not describe exosome treatments as \"healing\", \"anti-inflammatory\" or \"regenerative medicine\", or as treating acne, rosacea, eczema, scars or hair loss.",
        "which may help skin look smoother and more radiant",
    ]),
    ("au_consumer_mag_exosome_worth_it.md", "unknown", "AU", "editorial", "compliant", [], [
        "Clinics describe the serums as \"regenerative\", but that word has no agreed meaning in cosmetics.",
        "Much of the skin benefit people see is probably from the microneedling itself",
        "is unlikely to harm healthy skin, but it is not a miracle",
        "Don't let anyone inject exosomes",
    ]),
]


def build():
    docs = []
    files = {f for f in os.listdir(here) if f.endswith((".md", ".txt", ".html"))}
    assert files == {d[0] for d in DOCS}, files ^ {d[0] for d in DOCS}
    for name, market, country, source_type, kind, spans, clean in DOCS:
        text = open(os.path.join(here, name), encoding="utf-8").read()
        words = len(text.split())
        assert 120 <= words <= 350, (name, words)
        assert kind in ("risky", "mixed", "compliant"), (name, kind)
        assert (kind == "compliant") == (not spans), (name, kind)
        assert 2 <= len(clean) <= 4, (name, len(clean))
        labelled, ranges = [], []
        for t, cat, *voice in spans:
            assert cat in CATS, (name, cat)
            assert text.count(t) == 1, (name, t, text.count(t))
            s = text.find(t)
            e = s + len(t)
            assert not any(s < e2 and s2 < e for s2, e2 in ranges), (name, "overlap", t)
            ranges.append((s, e))
            labelled.append(dict(text=t, category=cat, voice=voice[0] if voice else "asserted", start=s, end=e))
        for c in clean:
            assert c in text, (name, c)
            i = 0
            while (i := text.find(c, i)) != -1:
                assert not any(i < e and s < i + len(c) for s, e in ranges), (name, "clean overlaps span", c)
                i += 1
        labelled.sort(key=lambda d: d["start"])
        docs.append(dict(file=name, kind=kind, market=market, country=country, source_type=source_type,
                         source="invented (holdout11, written blind)", spans=labelled, clean=clean))
    return docs


if __name__ == "__main__":
    docs = build()
    with open(os.path.join(here, "holdout11.labels.json"), "w", encoding="utf-8") as f:
        json.dump(docs, f, indent=1, ensure_ascii=False)
        f.write("\n")
    from collections import Counter
    print("docs", len(docs), Counter(d["kind"] for d in docs))
    print("spans", sum(len(d["spans"]) for d in docs), "clean", sum(len(d["clean"]) for d in docs))
    for (cat, v), n in sorted(Counter((s["category"], s["voice"]) for d in docs for s in d["spans"]).items()):
        print(f"  {cat:26s} {v:9s} {n}")

# First untouched measurement (2026-12-05, the rules of the "Real copy" round as they stood, none
# changed with this set in view): recall 0.639 (94/147), 20 false positives (17.91 per 1,000
# compliant words). By category: absolute_safety 13/14, comparative_superiority 7/13,
# human_derived 7/7, hype 3/10, medicinal_claim 27/41, non_cosmetic_route 5/6, other 0/2,
# regulator_claim 3/6, structure_function 18/21, testimonial_results 3/12,
# unqualified_percentage 4/8, vague_science 4/7. 18 of the 20 false positives were on the trade
# body's guidance page (imperative "do not describe ... as", "members must not ..."); contexts for
# guidance wording were then added with this set in view. No rule was tuned to its misses.
