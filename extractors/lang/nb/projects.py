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
