"""Norwegian (bokmål, with common nynorsk variants) vocabulary, one module per topic:
genres, money, dates, decisions, roles."""
