"""Reference data for the events stage, read once from seeds/reference/*.csv, and the CAMEO codes the code names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipelines.reference import reference_rows

# CAMEO codes the extraction and merge rules single out.
STATEMENT_ROOT = "01"
INTENT_ROOT = "03"  # express intent to cooperate
CONSULT_ROOT = "04"  # encounters: visit, host, meet
VISIT_CODE = "042"  # make a visit
HOST_CODE = "043"
VISIT_CODES = {VISIT_CODE, HOST_CODE}
REJECT_ROOT = "12"


@dataclass(frozen=True)
class CameoCode:
    code: str
    root_code: str
    label: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True)
class LexiconEntry:
    lemma: str
    pos: str  # VERB | NOUN
    # "" | "prep:WORD" (particle or preposition child) | "obj:LEMMA" (direct object) | "obj:@KIND" (an object whose
    # head is a context word of KIND) | "obj:*" (any object) | "ctx:KIND" (a context word of KIND in the sentence)
    # | "xcomp:LEMMA" ("refused to comment") | "purpose:WORD" (a WORD phrase and a purpose: "was in X to attend ...")
    pattern: str
    event_code: str
    symmetric: bool
    needs_target: bool


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    return {
        r["code"]: CameoCode(r["code"], r["root_code"], r["label"], int(r["quad_class"]), float(r["goldstein"]))
        for r in reference_rows("cameo_codes.csv")
    }


@lru_cache(maxsize=1)
def event_lexicon() -> dict[tuple[str, str], list[LexiconEntry]]:
    """(lemma, pos) -> entries, the ones with a pattern first so the most specific match wins."""
    index: dict[tuple[str, str], list[LexiconEntry]] = {}
    for r in reference_rows("event_lexicon.csv"):
        entry = LexiconEntry(r["lemma"], r["pos"], r["pattern"], r["event_code"], r["symmetric"] == "1", r["needs_target"] == "1")
        index.setdefault((entry.lemma, entry.pos), []).append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: e.pattern == "")
    return index


@lru_cache(maxsize=1)
def modality_cues() -> dict[tuple[str, str], str]:
    """(lemma, kind) -> modality; kind is neg | aux | mark | amod | governor | no_phrase | retrospective
    (a verb whose gerund reports a past act: "admitted planning")."""
    return {(r["lemma"], r["kind"]): r["modality"] for r in reference_rows("modality_cues.csv")}


@lru_cache(maxsize=1)
def context_words() -> dict[str, frozenset[str]]:
    """kind -> lemmas. "agent": nouns naming people or bodies that act, so a country modifying
    them stands for the actor ("Russian troops", not "a Russian radio station"); "sport": words
    that put a sentence in sports reporting, where "beat", "attack" and "dismiss" are no conflict;
    "support": light verbs whose subject does the event noun they govern ("held talks", "launched
    an attack"), unlike other verbs ("searched for the suspect in the attacks"); "relay": governing
    verbs whose subject reports, asks for or answers another's act ("confirmed the arrests",
    "demanded the arrest", "rejected criticism"), so it does not do it; "sponsor": participles that
    make a modifier a backer or maker, not the actor ("UN-sponsored talks", "US-made jets"); "contest": units of a margin of
    victory ("by 246 runs"); "violence": words that make "beat", "clash" or "blast" physical;
    "physical": things struck by force rather than criticised ("blasted a building"); "occasion": gatherings and
    trips one is somewhere for ("was in X for the summit"); "armed": forces one mobilises or deploys ("deployed troops",
    not "mobilised voters"); "reflexive": objects by which one defends oneself ("defended itself against Y" rejects Y);
    "labour": words that make a strike a walkout; "media": words naming a news outlet, which a statement only quotes;
    "batch": nouns counting repeated events, through which an event noun takes its light verb ("held a round of talks"); "speaker": verbs of saying
    whose subject a pronoun of the reported clause stands for ("X said it would sanction Y"); "alongside": verbs whose
    "with" names an ally as often as a foe ("fighting with the Taliban"), so it names no target; "occurrence": verbs
    an event noun as their subject takes the cues of ("talks did not happen", "the summit will take place"), while
    other verbs say something else about it ("comments did not go unnoticed"); "target_prep": prepositions whose
    object is the target of an event ("met with", "attack on", "visit to"); "place_prep": prepositions of where it
    happened; "object_target_prep": prepositions by which an object's own phrase names whom the act is aimed at
    ("condemned the attack on Y"; "flights from X", "a station at X" name where, not whom); "partner_prep":
    prepositions naming a partner of the act even beside a direct object ("signed a deal with Y");
    "circumstantial_prep": prepositions of phrasal verbs that also head circumstances ("on their way", "for a meeting");
    object and context classes of lexicon patterns: "munition" (what is fired: "fired rockets"), "custody" ("taken into
    custody"), "people" (objects that are people: "captured fighters" is an arrest, "captured the town" an occupation),
    "ties" and "envoy" (diplomatic relations and the people who carry them: "downgraded ties", "expelled the envoy"),
    "hunger" (a hunger strike), "aid" (relief that is humanitarian), "air" (bombing from the air);
    "endorsed": things one welcomes by endorsing them, not by hosting ("welcomed the decision");
    "suicide": words that make a killing or an attack a suicide bombing (CAMEO 183);
    "explosive" and "instrument": a bomb, or another weapon or armed craft, as a clause's subject, whose user the
    text leaves unnamed ("a bomb exploded", "shells hit the town");
    "hazard": what one fights that is no party ("battled the blaze", "the fight against cancer");
    "intent": words by which a predicate is only intended ("ready to meet", "offered to mediate"): CAMEO codes such
    an act under its intent (036 for a meeting);
    "capability": nouns whose infinitive is only a power ("the right to arrest"), no act;
    "disclosure": what is released that is no person ("released a statement", "release details");
    "judgement": verbs whose object did what their "of"/"for"/"by" gerund says ("accused Y of shelling Z");
    "deed": nouns of an act, whose demonym names its doer ("the Chinese decision");
    "command": verbs by which the subject has a nominal event done ("ordered the arrest of Y");
    "hostilities": acts of force whose suspension de-escalates ("halted the offensive")."""
    kinds: dict[str, set[str]] = {}
    for r in reference_rows("event_context_words.csv"):
        kinds.setdefault(r["kind"], set()).add(r["lemma"])
    return {kind: frozenset(lemmas) for kind, lemmas in kinds.items()}
