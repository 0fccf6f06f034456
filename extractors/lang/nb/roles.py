"""Role vocabulary: titles and functions people hold in a project, body or meeting, the groups they
sit in, and the labels that introduce attendance lists and role fields."""

# Titles and functions as written (lower case). Multi-word titles first matter only for readability;
# matching picks the longest.
ROLE_TITLES: tuple[str, ...] = (
    "prosjektleder", "prosjekteier", "prosjektansvarlig", "prosjektkoordinator", "prosjektmedarbeider",
    "delprosjektleder", "ekstern prosjektleder", "prosjektsekretær", "programleder", "programansvarlig",
    "programeier", "programkoordinator", "prosessleder", "koordinator", "leder", "nestleder", "styreleder",
    "styremedlem", "medlem", "varamedlem", "vara", "observatør", "møteleder", "sekretær", "referent",
    "protokollfører", "saksbehandler", "kontaktperson", "ordfører", "varaordfører", "fylkesordfører",
    "rådmann", "fylkesrådmann", "kommunedirektør", "fylkesdirektør", "assisterende rådmann",
    "kommunalsjef", "næringssjef", "næringssjefen", "kultursjef", "plansjef", "fylkessjef", "daglig leder",
    "adm. dir.", "adm.dir.", "administrerende direktør", "direktør", "regiondirektør", "avdelingsleder",
    "avdelingsdirektør", "enhetsleder", "seksjonsleder", "fagleder", "rådgiver", "seniorrådgiver",
    "spesialrådgiver", "næringsrådgiver", "konsulent", "forfatter", "forsker", "seniorforsker",
    "forskningssjef", "professor", "førsteamanuensis", "klyngeleder", "fasilitator", "økonomisjef",
    "controller", "revisor", "innleder", "foredragsholder", "representant", "representanten",
    "oppdragsgiver", "rektor", "styrerepresentant", "avdelingsingeniør", "ingeniør", "sykepleier",
    "helsesykepleier", "overlege", "kommuneoverlege", "lærer", "hovedtillitsvalgt", "tillitsvalgt",
    "verneombud", "hovedverneombud", "politisk sekretær", "virksomhetsleder", "havnesjef",
)

# Endings that make a word a title ('kommunikasjonssjef', 'utviklingsleder', 'seniorrådgiver').
TITLE_SUFFIXES: tuple[str, ...] = (
    "sjef", "leder", "rådgiver", "direktør", "ansvarlig", "koordinator", "konsulent", "sekretær",
    "rådmann", "ordfører", "forsker", "medarbeider", "rektor", "representant", "ingeniør", "sykepleier",
    "tillitsvalgt", "verneombud",
)

# Words that look like titles by ending but are not a person's title.
NOT_TITLES: frozenset[str] = frozenset({"ledere", "lederne", "ledelse", "prosjektledelse", "ansvarlige"})

# Groups and bodies whose members hold a role ('medlem av styringsgruppen').
GROUPS: tuple[str, ...] = (
    "styringsgruppe", "referansegruppe", "arbeidsgruppe", "prosjektgruppe", "ressursgruppe",
    "faggruppe", "programstyre", "prosjektstyre", "styre", "kommunestyre", "formannskap", "utvalg",
    "regionråd", "råd", "partnerskap", "kjernegruppe", "koordineringsgruppe",
)

# Labels that open an attendance list in minutes, with the role each gives (None: take the row's own).
ATTENDANCE_LABELS: tuple[tuple[str, str | None], ...] = (
    ("møtende medlemmer", "medlem"),
    ("møtende varamedlemmer", "varamedlem"),
    ("møtende vara", "varamedlem"),
    ("varamedlemmer", "varamedlem"),
    ("tilstede", None),
    ("til stede", None),
    ("til stedes", None),
    ("deltakere", "deltaker"),
    ("deltagere", "deltaker"),
    ("tilstede fra administrasjonen", "administrasjonen"),
    ("fra administrasjonen", "administrasjonen"),
    ("fra sekretariatet", "sekretariatet"),
    ("andre til stede", None),
    ("meldt forfall", "forfall"),
    ("forfall", "forfall"),
    ("ikke møtt", "forfall"),
    ("fraværende", "forfall"),
    ("medlemmer", "medlem"),
)

# Prose that gives a group's leader or members around the names ('en arbeidsgruppe ledet av
# avdelingsingeniør Kari Nordmann', 'Utvalget, med Ola Hansen som leder', 'med X og Y som medlemmer').
LED_BY: tuple[str, ...] = ("ledet av", "ledes av", "leda av", "vert leia av", "blir ledet av", "ledet og koordinert av")
# 'med <names> som <role>': the role words and the role they give.
AS_ROLE: tuple[tuple[str, str], ...] = (
    ("leder", "leder"), ("nestleder", "nestleder"), ("medlemmer", "medlem"), ("medlem", "medlem"),
    ("sekretær", "sekretær"), ("observatør", "observatør"), ("observatører", "observatør"),
)

# Minutes: the members chosen to approve and sign the minutes, and substitutes who met.
MINUTES_APPROVERS: tuple[str, ...] = (
    r"protokollen\s+(?:er\s+|blir\s+|ble\s+)?(?:godkjent|godkjennes|underskrevet|underskrives|signert|signeres)\s+av",
    r"til\s+å\s+(?:underskrive|godkjenne|signere|skrive\s+under)\s+protokollen\s+(?:ble\s+|blei\s+|vart\s+)?(?:valgt|velges|valt)?",
    r"valgt\s+til\s+å\s+(?:underskrive|godkjenne|signere)\s+protokollen\s*:?",
)
APPROVER_ROLE = "godkjenner protokollen"
# A member who makes a motion in the meeting: 'Kari Holm (V) fremmet følgende endringsforslag'.
MOTION = r"^\s*(?:\([^)]{1,20}\)\s*)?(?:fremmet|fremma|la\s+fram|satte\s+fram)\s+(?:følgende\s+|slikt\s+|et\s+|eit\s+)?(?P<m>[a-zæøå]*forslag)\b"
SUBSTITUTE = r"møtte\s+som\s+(?:vara(?:medlem|representant|mann)?|stedfortreder)\b(?:\s+for\s+(?P<for>[A-ZÆØÅ][\wæøå\-]*(?:\s+[A-ZÆØÅ][\wæøå\-]*){0,3}))?"

# Labels of a field that names one person ('Forfatter: Kari Nordmann, rådgiver').
FIELD_LABELS: tuple[str, ...] = (
    "forfatter", "saksbehandler", "prosjektleder", "prosjekteier", "prosjektansvarlig", "kontaktperson",
    "kontakt", "møteleder", "sekretær", "referent", "protokollfører", "ordfører", "rådmann",
    "kommunedirektør", "leder", "nestleder", "ansvarlig", "utarbeidet av", "skrevet av", "godkjent av",
    "programleder", "programansvarlig", "koordinator", "prosessleder", "daglig leder",
)

# Column headers of role and attendance tables, by what the column holds.
NAME_HEADERS: tuple[str, ...] = ("navn", "person", "deltaker", "medlem", "representant")
ROLE_HEADERS: tuple[str, ...] = ("rolle", "funksjon", "verv", "stilling", "tittel", "ansvar", "oppgave")
ORG_HEADERS: tuple[str, ...] = ("organisasjon", "representerer", "virksomhet", "parti", "arbeidsgiver",
                                "firma", "bedrift", "kommune", "fra", "enhet", "institusjon")

# Quote attributions in articles: '..., sa prosjektleder Kari Nordmann'.
SPEECH_VERBS: tuple[str, ...] = ("sa", "sier", "forteller", "fortalte", "mener", "meinte", "understreker",
                                 "påpeker", "opplyser", "uttaler", "legger til")

# Titles that mark a byline or newsroom staff, not a role in the project.
BYLINE_TITLES: tuple[str, ...] = ("editor", "journalist", "redaktør", "fotograf", "foto", "tekst",
                                  "reporter", "skrevet av", "publisert")

# Words that make a capitalised phrase an organisation ('Ringerike kommune', 'Bama-Gruppen AS').
ORG_CUES: tuple[str, ...] = (
    "kommune", "fylkeskommune", "fylkeskommuner", "as", "asa", "sa", "iks", "kf", "universitet",
    "høgskole", "høgskolen", "forening", "foreningen", "innovasjon norge", "statsforvalteren",
    "fylkesmannen", "næringshage", "sintef", "ntnu", "gruppen", "klyngen", "regionråd",
    "regionrådet", "sparebank", "technologies", "forskningsråd",
)
