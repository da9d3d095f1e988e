"""The actor dictionary: names, adjectives, seats, organisations, office holders by year."""
import pytest

from orbitwatch.extract import load_vocabulary
from orbitwatch.extract.dates import find_dates
from orbitwatch.extract.mentions import find_mentions

VOCAB = load_vocabulary()


def codes(text, doc_date=None):
    return [m.codes for m in find_mentions(text, VOCAB, find_dates(text, doc_date), doc_date)]


@pytest.mark.parametrize("text, code", [
    ("Kazakhstan", "KAZ"), ("the Kazakh government", "KAZ"), ("Uzbek officials", "UZB"),
    ("the Kremlin", "RUS"), ("Moscow", "RUS"), ("Astana", "KAZ"), ("Washington", "USA"),
    ("Ankara", "TUR"), ("Beijing", "CHN"), ("Tashkent", "UZB"), ("Bishkek", "KGZ"),
    ("Dushanbe", "TJK"), ("Ashgabat", "TKM"), ("Yerevan", "ARM"), ("Baku", "AZE"),
    ("Tbilisi", "GEO"), ("Tehran", "IRN"), ("the United States", "USA"), ("Türkiye", "TUR"),
    ("the CSTO", "CSTO"), ("the Eurasian Economic Union", "EAEU"),
    ("the Organization of Turkic States", "OTS"), ("the West", "WST"), ("Brussels", "EU"),
    ("Brazil", "BRA"), ("New Zealand", "NZL"), ("Ivory Coast", "CIV"), ("Myanmar", "MMR"),
    ("the CIA", "USA"), ("Mossad", "ISR"), ("the Bundestag", "DEU"), ("South Block", "IND"),
    ("the State Duma", "RUS"), ("the Blue House", "KOR"), ("Casa Rosada", "ARG"),
])
def test_vocabulary_names_adjectives_and_seats(text, code):
    assert codes(text) == [(code,)]


def test_vocabulary_every_state_has_a_row():
    states = {c for c in VOCAB.names if len(c) == 3 and c not in ("OTS", "SCO", "CIS", "WST")}
    assert len(states) >= 197


@pytest.mark.parametrize("date, name", [
    ("2008-06", "Dmitry Medvedev"), ("2010", "Dmitry Medvedev"), ("2015", "Vladimir Putin"),
    ("2005", "Vladimir Putin"), ("1995", "Boris Yeltsin"),
])
def test_vocabulary_office_holders_by_year(date, name):
    assert VOCAB.officeholder("RUS", "head_of_state", date) == name


def test_vocabulary_title_resolves_to_holder_of_the_year():
    (m,) = find_mentions("In 2008 the Russian president visited Astana.", VOCAB,
                         find_dates("In 2008 the Russian president visited Astana.", None), None)[:1]
    assert m.codes == ("RUS",) and m.person == "Dmitry Medvedev"


@pytest.mark.parametrize("name, code", [("Tokayev", "KAZ"), ("Blinken", "USA"), ("Mirziyoyev", "UZB"),
                                        ("Pashinyan", "ARM"), ("Erdogan", "TUR")])
def test_vocabulary_office_holders_are_their_state(name, code):
    assert codes(f"{name} said so.", "2023-03-01")[0] == (code,)


def test_vocabulary_former_holder_is_not_the_state():
    assert codes("Nazarbayev spoke.", "2023-01-01") == []
    assert codes("Nazarbayev spoke.", "2015-01-01") == [("KAZ",)]


def test_vocabulary_glued_words_are_split():
    assert ("UZB",) in codes("Also, TheUzbekistan And Kazakhstan sent aid.")


def test_vocabulary_a_one_word_alias_before_another_name_is_somebody_else():
    assert codes("A US drone strike killed the cleric Anwar al-Awlaki on Friday.") == [("USA",)]
    assert codes("Anwar said on Monday that Malaysia would help.", "2023-05-01") == [("MYS",), ("MYS",)]


def test_vocabulary_is_read_once_and_shared():
    assert load_vocabulary() is load_vocabulary()  # extraction reads the data files once, not per document
