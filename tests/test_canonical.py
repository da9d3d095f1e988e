"""Linking reports of one real-world event across documents."""
from orbitwatch.canonical import Report, dates_compatible, link, similarity, summarise_cluster


def report(id, doc, date=None, published="2022-10-10", actor="KGZ", target="CSTO", type="REJECT",
           evidence="Kyrgyzstan cancelled the CSTO exercises planned on its territory."):
    return Report(id, doc, actor, target, type, date, published, evidence)


def test_canonical_links_same_event_in_two_documents():
    a = report("a", "d1", date="2022-10")
    b = report("b", "d2", date="2022-10-10", evidence="Bishkek called off the CSTO drills.")
    assert link([a, b]) == {"a": "a", "b": "a"}


def test_canonical_keeps_events_of_one_document_apart():
    a, b = report("a", "d1"), report("b", "d1")
    assert link([a, b]) == {"a": "a", "b": "b"}


def test_canonical_separates_different_dates():
    a = report("a", "d1", date="2022-10")
    b = report("b", "d2", date="2023-01")
    assert link([a, b]) == {"a": "a", "b": "b"}


def test_canonical_symmetric_types_link_in_either_direction():
    a = report("a", "d1", actor="ARM", target="TUR", type="CONSULT", date="2022-01-14")
    b = report("b", "d2", actor="TUR", target="ARM", type="CONSULT", date="2022-01")
    assert link([a, b])["b"] == "a"


def test_canonical_undated_reports_need_similar_evidence():
    a = report("a", "d1", evidence="Kyrgyzstan cancelled the CSTO exercises planned on its territory.")
    b = report("b", "d2", evidence="Kyrgyzstan cancelled CSTO exercises on its territory this week.")
    c = report("c", "d3", evidence="Bishkek said nothing more.")
    assert dates_compatible(a, b) == "loose"
    assert similarity(a.evidence, b.evidence) > similarity(a.evidence, c.evidence)
    mapping = link([a, b, c])
    assert mapping["b"] == "a" and mapping["c"] == "c"


def test_canonical_summary_counts_sources_and_takes_most_precise_date():
    members = [
        {"canonical": "a", "actor": "KGZ", "target": "CSTO", "type": "REJECT", "stance": -1,
         "channel": "security", "date": "2022-10", "doc": "d1", "evidence": "x", "published": "2022-10-10"},
        {"canonical": "a", "actor": "KGZ", "target": "CSTO", "type": "REJECT", "stance": -1,
         "channel": "security", "date": "2022-10-10", "doc": "d2", "evidence": "y", "published": "2022-10-11"},
    ]
    row = summarise_cluster(members)
    assert row["sources"] == 2 and row["date"] == "2022-10-10" and row["docs"] == ["d1", "d2"]


def _r(i, doc, date=None, published="2024-05-01", evidence="Kazakhstan signed a deal with Russia"):
    return Report(f"e{i}", doc, "KAZ", "RUS", "AGREE", date, published, evidence)


def test_canonical_month_date_matches_a_day_inside_it():
    assert dates_compatible(_r(1, "a", "2024-05"), _r(2, "b", "2024-05-28")) == "exact"
    assert dates_compatible(_r(1, "a", "2024-05"), _r(2, "b", "2024-07-28")) is None


def test_canonical_partial_date_against_undated_uses_publication_day():
    far = _r(2, "b", None, published="2020-01-01")
    assert dates_compatible(_r(1, "a", "2024-05"), far) is None


def test_canonical_sweep_links_the_same_pairs_as_comparing_all():
    import itertools
    import random
    from orbitwatch.canonical import linked
    rng = random.Random(7)
    dates = [None, "2024", "2024-03", "2024-03-02", "2024-03-20", "2024-06-01", "2024-12-30", "2025-01-05"]
    reports = [_r(i, f"d{i % 9}", rng.choice(dates), rng.choice([None, "2024-03-05", "2024-08-01"]))
               for i in range(60)]
    mapping = link(reports)
    parent = {r.id: r.id for r in reports}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x
    for a, b in itertools.combinations(reports, 2):
        if linked(a, b):
            parent[find(a.id)] = find(b.id)
    clusters = {}
    for r in reports:
        clusters.setdefault(find(r.id), set()).add(r.id)
    mine = {}
    for r in reports:
        mine.setdefault(mapping[r.id], set()).add(r.id)
    assert sorted(map(sorted, clusters.values())) == sorted(map(sorted, mine.values()))


def test_canonical_adjacent_years_are_different_events():
    assert dates_compatible(_r(1, "a", "2014"), _r(2, "b", "2015")) is None
    assert dates_compatible(_r(1, "a", "2024-05-31"), _r(2, "b", "2024-06-02")) == "exact"
