"""Dates made absolute against the document's date."""
import pytest

from orbitwatch.extract.dates import find_dates


@pytest.mark.parametrize("text, doc_date, expected", [
    ("In October, Kyrgyzstan cancelled the drills.", "2022-12-23", "2022-10"),
    ("In October, Kyrgyzstan cancelled the drills.", "2022-03-01", "2021-10"),
    ("Last year the talks failed.", "2022-12-23", "2021"),
    ("This year the talks failed.", "2022-12-23", "2022"),
    ("They met on Sunday.", "2022-12-23", "2022-12-18"),
    ("They met on Friday.", "2022-12-23", "2022-12-23"),
    ("They met yesterday.", "2022-12-23", "2022-12-22"),
    ("The platform was created in 2015.", None, "2015"),
    ("They signed it on March 3, 2023.", None, "2023-03-03"),
    ("They signed it on 3 March 2023.", None, "2023-03-03"),
    ("They signed it in September 2022.", None, "2022-09"),
    ("The vote took place on February 24.", "2023-03-10", "2023-02-24"),
    ("Two years ago they met.", "2024-05-01", "2022"),
])
def test_dates_resolve_against_document_date(text, doc_date, expected):
    assert [d[2] for d in find_dates(text, doc_date)] == [expected]


@pytest.mark.parametrize("text", ["On February 24 the vote took place.", "In October they met.",
                                  "A few days ago they met.", "Last year they met."])
def test_dates_need_a_document_date_for_relative_expressions(text):
    assert find_dates(text, None) == []


def test_dates_offsets_point_at_the_expression():
    text = "Kazakhstan and China signed it in May 2023 in Xi'an."
    (start, end, value), = find_dates(text, None)
    assert text[start:end].endswith("May 2023") and value == "2023-05"
