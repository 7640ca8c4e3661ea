"""Generate a deterministic, realistic content-repo corpus for the exolint benchmark.

    python benchmarks/generate_corpus.py OUT_DIR [--pages 2000] [--html 200] [--seed 6]

Writes OUT_DIR.manifest.json next to OUT_DIR (outside it, so it is never linted): for every page,
the sentences drawn from NEUTRAL (written to be compliant) and from RISKY, exactly as written into
the page (before line wrapping). ``benchmarks/run.py --accuracy-only`` maps exolint's findings to
these sentences.

Marketing pages for skincare / aesthetic clinics: Markdown with YAML front matter, headings,
paragraphs, bullet and numbered lists, links, emphasis, code spans, block quotes and the odd
fenced code block, plus some HTML pages. Risky phrasings (the kinds exolint flags) appear at
about one sentence in 200. Same seed, same bytes: the corpus is never committed, only regenerated.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import sentences_site_services as site_services  # issue 20: the rest of a clinic site
from sentences_claims_2025 import NEUTRAL_CLAIMS_2025, RISKY_CLAIMS_2025

CLINICS = ["Harrogate Skin Studio", "Lumen Aesthetics", "The Derm Room", "Glow Clinic Leeds",
           "Maison Peau", "Rosewood Skin", "Northlight Clinic", "Atelier Visage", "Velvet Skin Bar",
           "Bayside Aesthetics", "Skin Atelier Dublin", "Cedar & Clay Spa"]
TREATMENTS = ["exosome facial", "hydrating facial", "microneedling", "skin booster", "chemical peel",
              "LED therapy", "PRP facial", "polynucleotide treatment", "dermaplaning", "HydraFacial",
              "scalp treatment", "radiofrequency microneedling", "glow peel", "barrier repair facial"]
PRODUCTS = ["Exosome Renewal Serum", "Rose Callus Essence", "Barrier Balm", "Daily Mineral SPF 50",
            "Peptide Night Cream", "Hyaluronic Mist", "Vitamin C Drops", "Ceramide Cleanser",
            "Retinal Eye Cream", "Niacinamide Toner"]
SKIN = ["dull", "dry", "tired-looking", "uneven", "dehydrated", "sensitive", "combination", "oily",
        "mature", "stressed"]
LOOKS = ["brighter", "smoother", "more even", "fresher", "plumper", "softer", "more radiant",
         "better hydrated", "calmer", "more rested"]
PLACES = ["in our treatment room", "at home", "between appointments", "over the winter months",
          "before a big event", "as part of your evening routine", "after a long week"]
TIMES = ["30 minutes", "45 minutes", "an hour", "20 minutes", "90 minutes"]

NEUTRAL = [
    "Our {t} is designed for {s} skin that needs a little extra care.",
    "Many clients tell us their skin looks {l} after a course of treatments.",
    "Each appointment starts with a consultation so we can understand your skin and your goals.",
    "The {p} layers well under make-up and suits most skin types.",
    "A session takes about {time}, and you can return to your day straight afterwards.",
    "We recommend a course of three sessions, spaced four weeks apart, {place}.",
    "Your practitioner will talk you through what to expect and answer any questions.",
    "Hydrated skin reflects light better, which is why it can look {l}.",
    "The {p} contains plant-derived ingredients chosen for their texture and feel.",
    "Pair the {t} with a gentle routine {place} for the best experience.",
    "Results vary from person to person, and we will always be honest about what to expect.",
    "Some redness for a few hours is common and usually settles the same day.",
    "Wear a broad-spectrum sunscreen every day, especially after a peel.",
    "Our team has trained with leading educators and keeps up with new techniques.",
    "You can book online, by phone, or by popping in to see us.",
    "Gift vouchers are available for every treatment on our menu.",
    "We use single-use, sterile tips for every microneedling session.",
    "Patch tests are offered 48 hours before your first appointment.",
    "The {p} has a light, fast-absorbing texture that leaves no residue.",
    "If you have a skin condition, please speak to your GP or dermatologist first.",
    "Clients with {s} skin often enjoy the {t} as a monthly ritual.",
    "Our clinic is a short walk from the station, with parking nearby.",
    "Follow-up appointments are included so we can see how your skin is doing.",
    "Ingredients are listed in full on every product page, in INCI order.",
    "Exosome serums used in our clinic come from rose stem cell cultures, not human cells.",
    "Skin can feel {l} and look {l2} after the {t}.",
    "We keep notes of every treatment so your plan can evolve with your skin.",
    "Aftercare includes a gentle cleanser, a bland moisturiser and daily SPF.",
    "A healthy routine, good sleep and plenty of water all show in your skin.",
    "We will never push a treatment that is not right for you.",
    # ordinary procedural clinic copy that uses risky-looking words compliantly
    "For lip filler and anti-wrinkle appointments, a numbing cream goes on about twenty minutes beforehand.",
    "Numbing cream can be applied before laser hair removal if you would like it.",
    "Please let us know if you have ever reacted badly to a local anaesthetic.",
    "Some clients see a fresher-looking complexion after one visit, while others need a few sessions.",
    "You may notice your skin feels softer after your first {t}.",
    "Many clients notice a little more glow after the first session; results vary from person to person.",
    "Mesotherapy (course of three sessions): £360, consultation included.",
    "Treatment menu: {t}, chemical peels, mesotherapy and anti-wrinkle injections.",
    "Anti-wrinkle injections are only offered after a face-to-face consultation with our nurse prescriber.",
    "The {t} is one of our most requested treatments for clients with acne scarring.",
    "Mesotherapy appointments last around forty minutes, including time to talk through your plan.",
    "Avoid make-up, saunas and strenuous exercise for 24 hours after your {t}.",
    "Pinpoint marks or slight swelling can appear after needling and usually fade within two days.",
    "Keep the area clean, skip active ingredients for three days and reapply SPF through the day.",
] + site_services.NEUTRAL
RISKY = [
    "Our exosome serum has no side effects at all.",
    "The treatment is completely safe for everyone.",
    "Clinically proven to boost collagen by 450%.",
    "Works better than Botox for fine lines.",
    "Penetrates deep into the dermis to repair damaged cells.",
    "Treats acne, rosacea and eczema in as little as two sessions.",
    "My psoriasis cleared up after one session!",
    "Results guaranteed or your money back.",
    "Made with umbilical-cord derived exosomes for glass-like skin.",
    "Our serum is FDA approved and 100% safe.",
    "Studies show exosomes reverse ageing at the cellular level.",
    "A miracle in a bottle that erases wrinkles overnight.",
    "Exosome scalp injections regrow hair lost to alopecia.",
    "Up to 80% fewer wrinkles in just four weeks.",
    "This revolutionary breakthrough is a real game-changer.",
    "Our exosomes are harvested from human bone-marrow stem cells.",
    "Zero downtime and zero side effects.",
    "Reduces inflammation and speeds up wound healing.",
    "Scientists have found that exosomes regenerate damaged skin cells.",
    "The non-surgical facelift in a bottle, with permanent results.",
] + site_services.RISKY
NEUTRAL += NEUTRAL_CLAIMS_2025  # issue #20 families (benchmarks/sentences_claims_2025.py)
RISKY += RISKY_CLAIMS_2025
HEADINGS = ["Why choose the {t}?", "What to expect", "Aftercare", "Who is it for?", "Pricing",
            "Frequently asked questions", "How it works", "Our approach", "Before your appointment",
            "Meet the team", "Ingredients", "Booking"]
TAGS = ["facials", "exosomes", "microneedling", "skincare", "aftercare", "news", "offers"]


class Writer:
    """Draws sentences so that about one in ``risk_every`` is a risky phrasing."""

    def __init__(self, rng: random.Random, risk_every: int) -> None:
        self.rng = rng
        self.risk_every = risk_every
        self.sentences = 0
        self.risky = 0
        self.drawn: list[tuple[str, str]] = []  # this page's ("neutral" | "risky", text), as written

    def take_page(self) -> list[tuple[str, str]]:
        drawn, self.drawn = self.drawn, []
        return drawn

    def sentence(self) -> str:
        rng = self.rng
        self.sentences += 1
        if rng.randrange(self.risk_every) == 0:
            self.risky += 1
            s = rng.choice(RISKY)
            self.drawn.append(("risky", s))
            return s
        s = rng.choice(NEUTRAL).format(t=rng.choice(TREATMENTS), s=rng.choice(SKIN), l=rng.choice(LOOKS),
                                       l2=rng.choice(LOOKS), p=rng.choice(PRODUCTS), place=rng.choice(PLACES),
                                       time=rng.choice(TIMES))
        roll = rng.random()
        if roll < 0.05:  # a link
            word = rng.choice(TREATMENTS)
            s = s[:-1] + f" — see [our {word} page](/treatments/{word.replace(' ', '-').lower()}/)."
        elif roll < 0.08:  # a code span (product SKU)
            s = s[:-1] + f" (SKU `EXO-{rng.randrange(1000, 9999)}`)."
        elif roll < 0.12:  # emphasis
            words = s.split(" ")
            i = rng.randrange(len(words) - 1)
            words[i] = f"**{words[i]}**"
            s = " ".join(words)
        self.drawn.append(("neutral", s))
        return s

    def paragraph(self, low: int = 3, high: int = 6) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def wrapped(self, text: str, width: int = 96) -> str:
        lines, line = [], ""
        for word in text.split(" "):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        return "\n".join(lines)


def markdown_page(w: Writer, index: int, target: int) -> str:
    rng = w.rng
    clinic, treatment = rng.choice(CLINICS), rng.choice(TREATMENTS)
    parts = ["---", f"title: {treatment.title()} at {clinic}", f"date: 2024-{rng.randint(1, 12):02}-"
             f"{rng.randint(1, 28):02}", f"tags: [{', '.join(rng.sample(TAGS, 3))}]",
             f"market: {rng.choice(['UK', 'EU', 'US', 'AU'])}", f"slug: page-{index:05}", "---", "",
             f"# {treatment.title()} at {clinic}", "", w.wrapped(w.paragraph())]
    size = sum(len(p) + 1 for p in parts)
    while size < target:
        roll = rng.random()
        if roll < 0.15:
            block = f"## {rng.choice(HEADINGS).format(t=treatment)}"
        elif roll < 0.30:
            block = "\n".join(f"- {w.sentence()}" for _ in range(rng.randint(3, 6)))
        elif roll < 0.36:
            block = "\n".join(f"{n}. {w.sentence()}" for n in range(1, rng.randint(3, 5)))
        elif roll < 0.40:
            block = f"> \"{w.sentence()}\" — {rng.choice(['Amy', 'Priya', 'Jo', 'Sam'])}, {rng.randint(25, 65)}"
        elif roll < 0.42:
            block = "```yaml\nbooking_widget: true\nslot_length: 45\n```"
        else:
            block = w.wrapped(w.paragraph())
        parts.extend(["", block])
        size += len(block) + 2
    return "\n".join(parts) + "\n"


def html_page(w: Writer, index: int, target: int) -> str:
    rng = w.rng
    clinic = rng.choice(CLINICS)
    head = (f"<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{clinic} &ndash; treatments</title>\n<style>body{{font-family:sans-serif}}</style>\n"
            f"<script>window.dataLayer=window.dataLayer||[];</script>\n</head>\n<body>\n<main>\n"
            f"<h1>{clinic}</h1>\n")
    parts = [head]
    size = len(head)
    while size < target:
        roll = rng.random()
        if roll < 0.15:
            block = f"<h2>{rng.choice(HEADINGS).format(t=rng.choice(TREATMENTS))}</h2>"
        elif roll < 0.35:
            items = "".join(f"\n  <li>{w.sentence()}</li>" for _ in range(rng.randint(3, 6)))
            block = f"<ul>{items}\n</ul>"
        else:
            block = f"<p>{w.paragraph()}</p>".replace(" — see [", " — see <a href=\"#\">[")
        parts.append(block + "\n")
        size += len(block) + 1
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


def generate(out: Path, pages: int = 2000, html: int = 200, seed: int = 6, page_kb: int = 23,
             html_kb: int = 20, risk_every: int = 200) -> dict:
    rng = random.Random(seed)
    w = Writer(rng, risk_every)
    total = 0
    manifest: dict[str, list[list[str]]] = {}
    for i in range(pages):
        folder = out / "content" / f"section-{i % 20:02}"
        folder.mkdir(parents=True, exist_ok=True)
        target = int(page_kb * 1024 * rng.uniform(0.5, 1.5))
        data = markdown_page(w, i, target).encode("utf-8")
        (folder / f"page-{i:05}.md").write_bytes(data)
        manifest[f"content/section-{i % 20:02}/page-{i:05}.md"] = [list(d) for d in w.take_page()]
        total += len(data)
    for i in range(html):
        folder = out / "site" / f"part-{i % 5}"
        folder.mkdir(parents=True, exist_ok=True)
        data = html_page(w, i, int(html_kb * 1024 * rng.uniform(0.5, 1.5))).encode("utf-8")
        (folder / f"page-{i:04}.html").write_bytes(data)
        # html_page turns the Markdown link of a sentence into an <a>: record the text as written
        manifest[f"site/part-{i % 5}/page-{i:04}.html"] = [
            [kind, text.replace(" — see [", " — see <a href=\"#\">[")] for kind, text in w.take_page()]
        total += len(data)
    manifest_path(out).write_text(json.dumps({"seed": seed, "pages": pages, "html": html, "files": manifest}),
                                  encoding="utf-8")
    return {"files": pages + html, "bytes": total, "sentences": w.sentences, "risky": w.risky}


def manifest_path(out: Path) -> Path:
    """Where ``generate`` records the sentences it drew: next to the corpus folder, not in it."""
    out = Path(out)
    return out.with_name(out.name + ".manifest.json")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--html", type=int, default=200)
    ap.add_argument("--seed", type=int, default=6)
    args = ap.parse_args()
    stats = generate(args.out, args.pages, args.html, args.seed)
    print(f"{stats['files']} files, {stats['bytes'] / 1e6:.1f} MB, {stats['sentences']} sentences, "
          f"{stats['risky']} risky (1 in {stats['sentences'] // max(stats['risky'], 1)})")


if __name__ == "__main__":
    main()
