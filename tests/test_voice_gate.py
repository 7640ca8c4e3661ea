"""The page-voice signals run a regex only where one of its trigger words occurs (see
exolint.context.voice): the gate must never change a count. Checked on every page of the
labelled sets in tests/data and on sentences written to hit each signal."""
from pathlib import Path

import pytest

from exolint.context.voice import REPORTING_SIGNALS, SELLING_SIGNALS, page_voice

DATA = Path(__file__).parent / "data"
PAGES = sorted(p for p in DATA.glob("holdout*/*") if p.suffix in {".md", ".txt", ".html"})

SENTENCES = [
    "The FDA has warned clinics. According to the TGA, such ads break the rules. MHRA guidance says so.",
    "These unproven, unapproved and unlicensed treatments are touted as miracles; it is a scam.",
    "Snake oil? The hype vs reality: buyer beware. Warning letters, consumer protection, red flags.",
    "It sounds too good to be true, and the study had no control group and was funded by the manufacturer.",
    "We simply don't know, little is known, and the honest answer is clever marketing and marketing hype.",
    "There is no good evidence and a lack of clinical evidence; it has not been approved or proven.",
    "There is no real science to suggest it works; creams don't work, not FDA-approved, without FDA approval.",
    "Clinics offering facials, brands marketing serums, sold as a cure, when a clinic says it works, I saw it advertised.",
    "Advertisers must not imply safety, ads should not exaggerate; these are medicinal claims in breach of the code.",
    "Experts say, dermatologists warn, critics question it. She said, he says, they told us, reportedly.",
    "It is regulated as a medicine and must be authorised. It is not legal; the law, Annex II of the cosmetics regulation, says it is not allowed or permitted.",
    "Warning signs before you book: be wary of red flags; report side effects; consumer safety first.",
    "Our clinic offers it and we use plant exosomes. Book now, call us, free consultation, shop now.",
]


@pytest.mark.parametrize("text", SENTENCES + [p.read_text(encoding="utf-8") for p in PAGES])
def test_gate_changes_no_count(text):
    assert page_voice(text) == page_voice(text, gated=False)


def test_every_signal_is_exercised():
    joined = " ".join(SENTENCES)
    voice = page_voice(joined, gated=False)
    seen = {s.split(" x")[0] for s in voice.signals}
    assert seen == set(REPORTING_SIGNALS)
    assert voice.selling >= len(SELLING_SIGNALS)
