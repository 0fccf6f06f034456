"""Genre words: which kind of document a title or an opening line announces.

Checked in order; the first genre whose cue appears in the title (then the opening text) wins.
"""

GENRE_CUES: list[tuple[str, tuple[str, ...]]] = [
    ("minutes", ("møteprotokoll", "protokoll fra", "møtereferat", "referat fra", "referat", "protokoll")),
    ("mandate", ("prosjektmandat", "programmandat", "mandat for", "mandat")),
    ("action_plan", ("handlingsplan", "handlingsprogram", "tiltaksplan", "aksjonsplan")),
    ("project_plan", ("prosjektplan", "prosjektstyringsdokument", "forprosjektplan", "prosjektbeskrivelse")),
    ("report", ("sluttrapport", "statusrapport", "årsrapport", "evalueringsrapport", "delrapport",
                "framdriftsrapport", "fremdriftsrapport", "rapport")),
    ("council_case", ("saksframlegg", "saksfremlegg", "saksutredning", "særutskrift", "notat",
                      "forslag til vedtak", "innstilling", "sak ", "arkivsak")),
]

# Cues that a text is a news item: a byline, a publication stamp.
ARTICLE_CUES = ("publisert:", "publisert ", "skrevet av", "journalist", "foto:", "editor", "redaktør")
