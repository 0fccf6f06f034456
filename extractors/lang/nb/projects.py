"""Project words: what in a title or a passage names a project, and what is only the genre, a
generic word or an organisation.

Data only; checks/profiles.py builds a document's project names and link evidence from these lists,
checks/cross_document.py reads role and money words from them.
All words are lower case; matching code lowercases and normalises the text first.
"""

# Genre words in titles: they say what kind of document it is, never which project.
GENRE_TITLE_WORDS: frozenset[str] = frozenset({
    "prosjektplan", "prosjektplanen", "forprosjektplan", "hovedprosjektplan", "prosjektmandat", "mandat",
    "mandatet", "programmandat", "prosjektbeskrivelse", "prosjektskisse", "prosjektstyringsdokument",
    "sluttrapport", "sluttrapporten", "rapport", "rapporten", "statusrapport", "delrapport", "årsrapport",
    "evalueringsrapport", "framdriftsrapport", "fremdriftsrapport", "midtveisrapport", "evaluering",
    "handlingsplan", "handlingsplanen", "handlingsprogram", "tiltaksplan", "aksjonsplan", "strategi",
    "strategiplan", "plan", "planen", "notat", "saksframlegg", "saksfremlegg", "saksutredning",
    "særutskrift", "møteprotokoll", "protokoll", "protokollen", "referat", "møtereferat", "møteinnkalling",
    "innkalling", "vedtak", "vedtaket", "søknad", "søknaden", "nyhet", "nyheter", "pressemelding",
    "budsjett", "budsjettet", "regnskap", "vedlegg", "utkast", "versjon", "revidert", "forslag",
    "innstilling", "høring", "høringsuttalelse", "sak", "arkivsak", "oppsummering", "sammendrag",
})

# Words that appear in many project names and say nothing about which project: function words,
# 'prosjekt', 'program', common nouns of the regional-development genre.
GENERIC_NAME_WORDS: frozenset[str] = frozenset({
    # function words
    "og", "i", "for", "av", "til", "på", "med", "om", "fra", "en", "et", "ei", "den", "det", "de", "som",
    "er", "var", "ble", "blir", "har", "hadde", "skal", "vil", "kan", "må", "seg", "sin", "sitt", "sine",
    "sammen", "mot", "under", "over", "etter", "før", "ved", "nye", "ny", "nytt", "mer", "mest", "alle",
    "hva", "hvordan", "når", "hvor", "hvem", "ikke", "også", "nå", "da", "der", "her", "at", "så", "men",
    "eller", "samt", "inn", "ut", "opp", "ned", "fram", "frem", "andre", "annen", "første", "siste",
    "dette", "denne", "disse", "vår", "våre", "vårt", "deres", "hans", "hennes", "ein", "eit", "og/eller",
    # the genre's common nouns and adjectives
    "prosjekt", "prosjektet", "prosjekter", "delprosjekt", "delprosjektet", "forprosjekt", "forprosjektet",
    "hovedprosjekt", "hovedprosjektet", "program", "programmet", "satsing", "satsingen", "tiltak",
    "tiltaket", "arbeid", "arbeidet", "utvikling", "utviklingen", "regional", "regionalt", "regionale",
    "kommunal", "kommunalt", "kommunale", "fylkeskommunal", "nasjonal", "nasjonalt", "lokal", "lokalt",
    "strategisk", "strategiske", "næringsliv", "næringslivet", "næring", "næringen", "næringsutvikling",
    "samarbeid", "samarbeidet", "innovasjon", "etablering", "oppstart", "videreføring", "medfinansiering",
    "finansiering", "tilskudd", "støtte", "midler", "bevilgning", "godkjenning", "behandling",
    "deltakere", "deltakerne", "deltaker", "bedrifter", "bedriftene", "bedrift", "år", "året", "periode",
    "perioden", "fase", "del", "nr", "status", "mål", "målet", "bakgrunn", "om", "rundt", "veien", "videre",
    "klynge", "klyngen", "nettverk", "nettverket", "næringsklynge", "næringsklyngen", "fokus", "løft",
    "framtid", "fremtid", "framtidens", "fremtidens", "kompetanse", "omstilling", "verdiskaping",
})

# Words that make a title phrase the name of an organisation or a body, not of a project
# ('Regionrådet for Vestfjorden', 'Tveitå kommune', 'Formannskapet'): shared, they are weak evidence.
BODY_WORDS: frozenset[str] = frozenset({
    "kommune", "kommunes", "kommunen", "fylkeskommune", "fylkeskommunen", "fylkeskommuner", "regionråd",
    "regionrådet", "samarbeidsråd", "samarbeidsrådet", "formannskap", "formannskapet", "kommunestyre",
    "kommunestyret", "bystyre", "bystyret", "fylkesting", "fylkestinget", "fylkesutvalg", "fylkesutvalget",
    "utvalg", "utvalget", "styre", "styret", "programstyre", "programstyret", "råd", "rådet", "as", "asa",
    "sa", "iks", "kf", "forening", "foreningen", "fylkesmannen", "statsforvalteren", "departementet",
    "direktoratet", "næringsforum", "næringsråd", "næringshage", "næringshagen",
})

# Organisations so common in this genre that sharing them says almost nothing.
COMMON_ORGANISATIONS: tuple[str, ...] = (
    "innovasjon norge", "fylkeskommune", "fylkeskommunen", "fylkesmannen", "statsforvalteren",
    "forskningsrådet", "norges forskningsråd", "ks", "nho", "lo", "siva",
)

# Labels before a case number: 'arkivsak 2024/417', 'sak 30/13', 'PS 04/25', 'saksnr. 06/22'.
CASE_LABELS: tuple[str, ...] = (
    "arkivsak", "arkivsaksnr", "arkivsaknr", "saksnr", "saksnummer", "sak", "saken", "utvalgssak",
    "ps", "fs", "ks", "fu", "ft", "rs", "os", "vår ref", "deres ref", "ref",
)

# Role words that make a person the project's leader or owner (compared across documents); matched
# as whole words, so 'delprosjektleder' (a part's leader) is not the project's leader.
LEADER_ROLES: tuple[str, ...] = ("prosjektleder", "prosjektleiar", "programleder", "programleiar",
                                 "klyngeleder")
OWNER_ROLES: tuple[str, ...] = ("prosjekteier", "prosjekteigar", "programeier", "prosjektansvarlig",
                                "programansvarlig")
# Role words that say the leader is someone else's ('assisterende', 'tidligere'): not the leader.
NOT_LEADER_CUES: tuple[str, ...] = ("tidligere", "tidlegare", "assisterende", "konstituert", "fungerende",
                                    "ansvarlig for prosjektledelse", "vara")

# Budget labels that name the project's whole budget, not one post of it.
TOTAL_LABEL_WORDS: tuple[str, ...] = ("sum", "totalt", "total", "totalramme", "kostnadsramme", "ramme",
                                      "rammen", "samlet", "samla", "i alt", "budsjett", "totalbudsjett",
                                      "økonomisk ramme", "prosjektets ramme", "sum kostnader", "sum finansiering")
# Budget labels and passages of accounts and payouts: what was spent, not what was planned.
ACTUALS_WORDS: tuple[str, ...] = ("regnskap", "forbruk", "forbrukt", "påløpt", "utbetalt", "utbetalte",
                                  "brukt", "faktisk", "faktiske", "avregnet")

# Phrases that state how long the money or the project lasts, before an end date:
# 'midler til å drive frem til sommeren 2019', 'løper fram til juni 2018', 'skal holde på ut 2027'.
HORIZON_CUES: tuple[str, ...] = (
    "midler til å drive", "midler til drift", "finansiert fram til", "finansiert frem til",
    "finansiering fram til", "finansiering frem til", "penger til", "midler fram til", "midler frem til",
    "løper fram til", "løper frem til", "løper til", "varer fram til", "varer frem til", "varer til",
    "pågår fram til", "pågår frem til", "pågår til", "holde på ut", "holde på til", "holder på ut",
    "holder på til", "skal vare ut", "skal vare til", "vare ut", "avsluttes", "skal avsluttes",
    "prosjektperiode", "prosjektperioden", "programperiode", "programperioden", "gjennomføringsperiode",
    "gjennomføringsperioden",
)

# --- funding sources compared across documents (checks/funding_sources.py) ------------------------

# Phrases that name a contribution by whose share it is, not by a proper name: the same phrase in two
# documents about one project is the same source. Phrase -> the source it names (the display text).
SHARE_SOURCES: dict[str, str] = {
    "kommunens andel": "kommunens andel", "kommunal andel": "kommunens andel",
    "kommunens bidrag": "kommunens andel", "kommunalt bidrag": "kommunens andel",
    "kommunens egenandel": "kommunens andel", "kommunal egenandel": "kommunens andel",
    "kommunal medfinansiering": "kommunens andel", "kommunale midler": "kommunens andel",
    "kommunens del": "kommunens andel",
    "kommunen sin andel": "kommunens andel", "kommunen sitt bidrag": "kommunens andel",
    "fylkeskommunens andel": "fylkeskommunens andel", "fylkeskommunalt bidrag": "fylkeskommunens andel",
    "fylkeskommunale midler": "fylkeskommunens andel",
    "egenandel": "egenandelen", "eigenandel": "egenandelen", "egenandelen": "egenandelen",
    "egenfinansiering": "egenandelen", "eigenfinansiering": "egenandelen", "eget bidrag": "egenandelen",
    "egne midler": "egenandelen", "eigne midlar": "egenandelen",
    "statlige midler": "statlige midler", "statlig tilskudd": "statlige midler", "statstilskudd": "statlige midler",
}
# The same bodies as the subject that opens a label ('Kommunen har satt av 1,8 mill.'); elsewhere in a
# label they may be the receiver ('Kystverket gir kommunen tilsagn om').
# The deciding bodies stand for their council's money ('Kommunestyret vedtok å sette av 1,8 mill.').
SUBJECT_SHARE_SOURCES: dict[str, str] = {
    "kommunen": "kommunens andel", "kommunestyret": "kommunens andel", "formannskapet": "kommunens andel",
    "bystyret": "kommunens andel", "fylkeskommunen": "fylkeskommunens andel",
    "fylkestinget": "fylkeskommunens andel", "fylkesutvalget": "fylkeskommunens andel",
}
# Bodies that give grants themselves (a body word alone is otherwise no funder's name: 'Styret').
FUNDER_BODY_WORDS: frozenset[str] = frozenset({"statsforvalteren", "fylkesmannen", "departementet",
                                               "direktoratet"})
# Verbs that make the subject of a funding sentence its receiver or applicant, not its source:
# 'Kystlaget søker kommunen om', 'Næringsforeningen innvilges', 'Lia næringsråd får'.
RECEIVER_VERBS: tuple[str, ...] = ("søker", "søkjer", "søkte", "innvilges", "innvilget", "tildeles", "tildelt",
                                   "gis", "får", "fikk", "mottar", "mottok", "har fått", "hadde fått")

# Capitalised words that open a funding label without naming a funder ('Tilskudd fra ...',
# 'Dugnad, Lauvnes turlag'): never a source's name on their own.
FUNDING_GENERIC_WORDS: frozenset[str] = frozenset({
    "tilskudd", "tilskot", "tilsagn", "tilsagnet", "støtte", "midler", "midlar", "bevilgning", "bevilget",
    "bevilga", "sum", "totalt", "total", "finansiering", "finansieringen", "finansieringsplan", "lån",
    "låneopptak", "lånet", "dugnad", "dugnadsinnsats", "egeninnsats", "andel", "andelen", "bidrag", "bidraget",
    "kommunens", "kommunen", "kommune", "fylkeskommunens", "fylkeskommunen", "inntil", "kr", "nok", "mill",
    "millioner", "søkt", "søkes", "søker", "omsøkt", "avtalt", "innvilget", "innvilges", "vedtatt",
    "budsjett", "budsjettert", "ramme", "rammen", "investeringsbudsjettet", "driftsbudsjettet", "fond",
    "fondet", "næringsfond", "næringsfondet", "kapitalkostnad", "renter", "mva", "eks", "inkl",
})

# Words in a funding label that say the money is applied for or expected, not granted: an applied
# amount and a granted one are stages of one source, not two facts that disagree.
APPLIED_WORDS: tuple[str, ...] = ("søkt", "søkes", "søker", "søkte", "omsøkt", "søknad", "søknaden", "søknadssum",
                                  "skal søkes", "vil søke", "forventet", "forventes", "antatt", "planlagt",
                                  "usikker", "ikke avklart", "uavklart")

# Words that make an amount a remainder, a per-unit figure or a change, not a source's contribution:
# 'fondet har 148 000 igjen', 'kr 50 000 per kommune', 'økt med kr 200 000'.
NOT_CONTRIBUTION_WORDS: tuple[str, ...] = (
    "igjen", "gjenstår", "gjenstående", "rest", "restmidler", "disponibelt", "ledig", "ubrukt", "ubrukte",
    "per kommune", "pr. kommune", "pr kommune", "hver kommune", "per deltaker", "pr. deltaker",
    "per bedrift", "pr. bedrift", "per søker", "økt", "økes", "økning", "redusert", "reduseres",
    "reduksjon", "tilleggsbevilgning", "endring", "differanse", "avvik", "mottatt", "innbetalt",
    "inntektsført",
)

# Words that make an amount a yearly one: not comparable with an amount for the whole period.
PER_YEAR_WORDS: tuple[str, ...] = ("pr år", "pr. år", "per år", "årlig", "årleg", "i året", "kvart år", "hvert år")

# Words that make a report's funding line a grant or a budget (what was decided), not an account of
# what came in: a report's other funding figures are actuals, never compared with a plan's.
GRANTED_WORDS: tuple[str, ...] = ("tilsagn", "tilsagnet", "ga tilsagn", "gitt tilsagn", "bevilget", "bevilga",
                                  "bevilger", "innvilget", "vedtatt", "vedtok", "budsjett", "budsjettert",
                                  "ramme", "rammen")
