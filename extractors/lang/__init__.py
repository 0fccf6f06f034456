"""Language data: vocabularies and patterns, one package per language (nb = norsk bokmål)."""
