"""Properties of the vocabulary data under ontology/gazetteer and ontology/lexicon."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "ontology" / "gazetteer"
LEX = ROOT / "ontology" / "lexicon"

ORG_CLASSES = {
    "GovernmentBody",
    "InternationalOrganization",
    "CivilSocietyOrganization",
    "MediaOrganization",
    "Organization",
}


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def countries():
    return _load(GAZ / "countries.yaml")


@pytest.fixture(scope="module")
def orgs():
    return _load(GAZ / "organizations.yaml")


@pytest.fixture(scope="module")
def regions():
    return _load(GAZ / "regions.yaml")


def _country_index(countries):
    index = {}
    for c in countries:
        for s in [c["name"], *c["aliases"]]:
            index[s.casefold()] = c["iso3"]
    return index


def _demonym_index(countries):
    return {d: c["iso3"] for c in countries for d in c["demonyms"]}


# --------------------------------------------------------------- countries


def test_country_codes_unique_and_well_formed(countries):
    iso3 = [c["iso3"] for c in countries]
    iso2 = [c["iso2"] for c in countries]
    assert len(iso3) == len(set(iso3))
    assert len(iso2) == len(set(iso2))
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in iso3)
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in iso2)
    assert len(countries) >= 250  # ISO 3166-1 (249) + Kosovo


def test_country_qids(countries):
    qids = [c["qid"] for c in countries]
    assert all(isinstance(q, str) and re.fullmatch(r"Q\d+", q) for q in qids)
    assert len(qids) == len(set(qids))
    by = {c["iso3"]: c["qid"] for c in countries}
    assert by["ALB"] == "Q222"
    assert by["USA"] == "Q30"
    assert by["XKX"] == "Q1246"
    assert by["KOR"] == "Q884"
    assert by["PRK"] == "Q423"


def test_countries_sorted(countries):
    iso3 = [c["iso3"] for c in countries]
    assert iso3 == sorted(iso3)


@pytest.mark.parametrize(
    "surface, iso3",
    [
        ("Kosovo", "XKX"),
        ("Republic of Korea", "KOR"),
        ("South Korea", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Republic of Moldova", "MDA"),
        ("Moldova", "MDA"),
        ("United States", "USA"),
        ("U.S.", "USA"),
        ("United States of America", "USA"),
        ("UK", "GBR"),
        ("Great Britain", "GBR"),
        ("Netherlands", "NLD"),
        ("Holland", "NLD"),
        ("North Macedonia", "MKD"),
        ("former Yugoslav Republic of Macedonia", "MKD"),
        ("Czechia", "CZE"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Côte d'Ivoire", "CIV"),
        ("Côte d\u2019Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Russian Federation", "RUS"),
        ("Kyrgyz Republic", "KGZ"),
        ("Slovak Republic", "SVK"),
        ("Holy See", "VAT"),
        ("Bosnia and Herzegovina", "BIH"),
        ("Vietnam", "VNM"),
        ("Viet Nam", "VNM"),
        ("Laos", "LAO"),
        ("Syria", "SYR"),
        ("Iran", "IRN"),
        ("Tanzania", "TZA"),
        ("Democratic Republic of the Congo", "COD"),
        ("Republic of the Congo", "COG"),
    ],
)
def test_country_surface_forms(countries, surface, iso3):
    assert _country_index(countries).get(surface.casefold()) == iso3


def test_canonical_names(countries):
    by = {c["iso3"]: c["name"] for c in countries}
    assert by["USA"] == "United States"
    assert by["GBR"] == "United Kingdom"
    assert by["RUS"] == "Russia"
    assert by["MDA"] == "Moldova"
    assert by["XKX"] == "Kosovo"
    assert by["KOR"] == "South Korea"
    assert by["PRK"] == "North Korea"


@pytest.mark.parametrize(
    "demonym, iso3",
    [
        ("Nigerian", "NGA"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Dutch", "NLD"),
        ("French", "FRA"),
        ("Kosovar", "XKX"),
        ("Moldovan", "MDA"),
        ("Macedonian", "MKD"),
        ("Bosnian", "BIH"),
        ("Herzegovinian", "BIH"),
        ("Montenegrin", "MNE"),
        ("Serbian", "SRB"),
        ("Ukrainian", "UKR"),
        ("Belarusian", "BLR"),
        ("Turkish", "TUR"),
        ("Emirati", "ARE"),
        ("Albanian", "ALB"),
    ],
)
def test_demonyms(countries, demonym, iso3):
    assert _demonym_index(countries).get(demonym) == iso3


def test_ambiguous_demonyms_not_plain(countries):
    plain = _demonym_index(countries)
    for c in countries:
        for d in c["ambiguous_demonyms"]:
            assert d not in plain, (c["iso3"], d)
    # Korean is shared by both Koreas
    amb = {c["iso3"] for c in countries if "Korean" in c["ambiguous_demonyms"]}
    assert amb == {"KOR", "PRK"}


def test_no_leading_the(countries, orgs, regions):
    for entry in [*countries, *orgs, *regions]:
        names = list(entry.get("aliases", []))
        if entry.get("class") != "MediaOrganization":  # "The Guardian" is a title
            names.append(entry["name"])
        for s in names:
            assert not re.match(r"(?i)the\s", s), s


def test_exactly_57_osce_participating_states(countries):
    states = {c["iso3"] for c in countries if c["osce_participating_state"]}
    assert len(states) == 57
    assert {"ALB", "USA", "CAN", "MNG", "VAT", "RUS", "BLR", "MKD"} <= states
    assert "XKX" not in states


def test_countries_regenerate_identically():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "tools" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.render(mod.build()) == (GAZ / "countries.yaml").read_text(encoding="utf-8")


# ----------------------------------------------------------- organisations


def test_org_shape(orgs, countries):
    ids = [o["id"] for o in orgs]
    assert len(ids) == len(set(ids))
    iso3 = {c["iso3"] for c in countries}
    idset = set(ids)
    for o in orgs:
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]*", o["id"]), o["id"]
        assert o["class"] in ORG_CLASSES, o
        assert o["qid"] is None or re.fullmatch(r"Q\d+", o["qid"]), o
        assert o["part_of"] is None or o["part_of"] in idset, o
        assert o["country"] is None or o["country"] in iso3, o
        assert isinstance(o["acronyms"], list)
        assert isinstance(o["aliases"], list)
        assert isinstance(o["ambiguous_aliases"], list)


def test_org_part_of_has_no_cycles(orgs):
    parent = {o["id"]: o["part_of"] for o in orgs}
    for start in parent:
        seen = set()
        node = start
        while node is not None:
            assert node not in seen, f"cycle through {start}"
            seen.add(node)
            node = parent[node]


def test_org_qids_unique(orgs):
    qids = [o["qid"] for o in orgs if o["qid"]]
    assert len(qids) == len(set(qids))


def test_org_key_facts(orgs):
    by = {o["id"]: o for o in orgs}
    assert by["OSCE"]["qid"] == "Q81299"
    assert by["GRETA"]["part_of"] == "Council-of-Europe"
    assert by["UNODC"]["part_of"] == "UN"
    assert by["ODIHR"]["part_of"] == "OSCE"
    assert by["Europol"]["part_of"] == "EU"
    assert by["US-State-Department"]["country"] == "USA"
    acr = {a: o["id"] for o in orgs for a in o["acronyms"]}
    assert acr["OSCE"] == "OSCE"
    assert acr["GRETA"] == "GRETA"
    assert acr["UNODC"] == "UNODC"
    alias = {a.casefold(): o["id"] for o in orgs for a in [o["name"], *o["aliases"]]}
    assert alias["council of europe convention on action against trafficking in human beings (greta)"] == "GRETA"
    assert alias["organisation for security and co-operation in europe"] == "OSCE"
    amb = {a: o["id"] for o in orgs for a in o["ambiguous_aliases"]}
    assert amb["Exit"] == "Exit-News"


# ----------------------------------------------------------------- regions


def test_region_shape(regions, countries):
    iso3 = {c["iso3"] for c in countries}
    ids = [r["id"] for r in regions]
    assert len(ids) == len(set(ids))
    for r in regions:
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]*", r["id"]), r["id"]
        assert r["qid"] is None or re.fullmatch(r"Q\d+", r["qid"]), r
        for c in r.get("countries") or []:
            assert c in iso3, (r["id"], c)
    by = {r["id"]: r for r in regions}
    assert set(by["Western-Balkans"]["countries"]) == {"ALB", "BIH", "XKX", "MNE", "MKD", "SRB"}
    assert "OSCE-region" in by
    alias = {a.casefold(): r["id"] for r in regions for a in [r["name"], *r["aliases"]]}
    assert alias["southeastern europe"] == alias["south-eastern europe"] == alias["south east europe"]


# ------------------------------------------------- cross-file uniqueness


def test_no_surface_form_claimed_twice(countries, orgs, regions):
    """No name/alias (case-insensitive) or acronym (exact) names two entries."""
    owner: dict[str, str] = {}
    exact: dict[str, str] = {}

    def claim(table, key, who):
        assert table.get(key, who) == who, f"{key!r}: {table[key]} vs {who}"
        table[key] = who

    for c in countries:
        for s in [c["name"], *c["aliases"]]:
            claim(owner, s.casefold(), f"country/{c['iso3']}")
    for o in orgs:
        for s in [o["name"], *o["aliases"], *o["ambiguous_aliases"]]:
            claim(owner, s.casefold(), f"org/{o['id']}")
        for a in o["acronyms"]:
            claim(exact, a, f"org/{o['id']}")
    for r in regions:
        for s in [r["name"], *r["aliases"]]:
            claim(owner, s.casefold(), f"region/{r['id']}")
    instruments = GAZ / "instruments.yaml"
    if instruments.exists():
        for i in yaml.safe_load(instruments.read_text(encoding="utf-8")) or []:
            for s in [i["name"], *(i.get("aliases") or [])]:
                claim(owner, s.casefold(), f"instrument/{i['id']}")
            for a in i.get("acronyms") or []:
                claim(exact, a, f"instrument/{i['id']}")
    # an org acronym must not be a country alias either (e.g. "US")
    for a, who in exact.items():
        assert a.casefold() not in owner or owner[a.casefold()] == who, (a, who, owner.get(a.casefold()))


# ----------------------------------------------------------------- lexicon


def test_titles_lexicon():
    t = _load(LEX / "titles.yaml")
    for key in ("before_name", "vocative_only", "offices"):
        assert isinstance(t[key], list) and t[key], key
        assert all(isinstance(s, str) and s.strip() == s and s for s in t[key])
        assert len(t[key]) == len(set(t[key])), key
    assert {"Ambassador", "Vice-Minister", "Chargé d'Affaires", "Chargé d\u2019Affaires"} <= set(t["before_name"])
    assert "Excellencies" in t["vocative_only"]
    assert "Executive Secretary" in t["offices"]


def test_noise_lexicon():
    n = _load(LEX / "noise.yaml")
    assert isinstance(n["not_entities"], list) and n["not_entities"]
    assert isinstance(n["not_person_words"], list) and n["not_person_words"]
    assert n["lowercase_ok"] is False
    low = {s.casefold() for s in n["not_entities"]}
    assert {"excellencies", "covid-19", "chair", "ladies and gentlemen"} <= low
    patterns = [re.compile(p) for p in n.get("not_entity_patterns", [])]
    for text in ("#EndTrafficking", "Tier 2 Watch List", "Covid-19 lockdowns", "UNSCR 1244/1999"):
        assert any(p.fullmatch(text) for p in patterns), text


def test_noise_never_hides_a_gazetteer_name(countries, orgs, regions):
    n = _load(LEX / "noise.yaml")
    low = {s.casefold() for s in n["not_entities"]}
    patterns = [re.compile(p) for p in n.get("not_entity_patterns", [])]
    for entry in [*countries, *orgs, *regions]:
        for s in [entry["name"], *entry.get("aliases", []), *entry.get("acronyms", [])]:
            assert s.casefold() not in low, s
            assert not any(p.fullmatch(s) for p in patterns), s
