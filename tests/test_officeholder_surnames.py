"""scripts/officeholder_surnames.py: which surnames become aliases, and which never do."""
import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "officeholder_surnames.py"
spec = importlib.util.spec_from_file_location("officeholder_surnames", SCRIPT)
surnames = importlib.util.module_from_spec(spec)
spec.loader.exec_module(surnames)


def rows(*specs):
    return [{"code": c, "role": "head_of_state", "name": n, "aliases": a, "start": "2000-01-01", "end": ""}
            for c, n, a in specs]


def added(table):
    return {alias for _, _, alias in surnames.add_surnames(table)}


def test_surname_of_a_western_name_is_its_last_word_and_of_a_chinese_one_its_first():
    assert added(rows(("AZE", "Heydar Aliyev", ""), ("CHN", "Hu Jintao", ""))) == {"Aliyev", "Hu"}


def test_no_surname_for_naming_systems_without_one_or_with_a_title():
    assert added(rows(("MMR", "Aung San Suu Kyi", ""), ("ETH", "Meles Zenawi", ""), ("JOR", "King Abdullah", ""))) \
        == set()


def test_a_surname_shared_by_two_states_or_blocked_or_a_given_name_is_left_out():
    table = rows(("GBR", "Theresa May", ""), ("CAN", "Bill Graham", ""), ("POL", "Jan Kowalski", ""),
                 ("CZE", "Petr Kowalski", ""), ("DEU", "Roman Herzog", ""), ("ROU", "Petre Roman", ""))
    assert added(table) == {"Herzog"}


def test_running_twice_adds_nothing_new():
    table = rows(("AZE", "Heydar Aliyev", ""))
    surnames.add_surnames(table)
    assert surnames.add_surnames(table) == []
