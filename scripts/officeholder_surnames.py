"""Add surname aliases to src/orbitwatch/data/officeholders.csv.

News copy names a leader in full once and by surname after that ("Aliyev
said ..."), so a term without its surname misses most mentions. This adds the
surname (the first word for Chinese, Korean and Cambodian office holders; none
for naming systems without surnames) where the checks below pass: it belongs to
one state only across the file; it is not a place, an organisation or a given
name of anyone in the file; it is not on the BLOCK list (common English words
and names, Arab given names, abbreviations, ethnonyms); and it never occurs as a
lowercase word in the project's own sample articles (a rough test for ordinary
English words). Office dates still decide which term a mention means. Running
it twice adds nothing the second time.

    python scripts/officeholder_surnames.py [--dry-run] [--words=FILE]

FILE is a word list, one word per line (default /usr/share/dict/words when it
exists, from Debian's wamerican): its lowercase words are never aliases.
"""
from __future__ import annotations

import csv
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "orbitwatch" / "data"
SURNAME_FIRST = {"CHN", "KOR", "PRK", "KHM"}
NO_SURNAME = {"TWN", "SGP", "HKG", "MAC", "UN",  # mixed orders; too risky to guess
              "MMR", "ETH", "ERI", "IDN", "ISL", "SOM"}  # no family names, or patronyms
TITLES = {"King", "Queen", "Sheikh", "Emir", "Prince", "Sultan", "Pope", "Crown", "Grand", "Sir", "General",
          "Ayatollah"}
BLOCK = set("""May Major Brown Cook Rice Gates Austin King Fox Struck Black White Green Young Baker Carter Hunt Harris
Reid Perry Christopher Lam Levy Wade Mesa Love Hope Long Little Bishop Pope Rich Price Power Ford Hill Rose Bell Wood
Stone Field Lord Church Short Sharp Small Strong Grant Rock Bay March April June August Ali Ahmed Ahmad
Mohammed Muhammad Mohamed Mohamad Mohammad Mahmoud Mahmud Abdullah Abdallah Hassan Hasan Hussein Husain Khan Singh Shah
Said Saeed Saleh Salem Sultan Emir Prince Queen Chan Ma Ismail Ibrahim Omar Umar Khalid Khaled Youssef Yusuf Yousef
Osman Othman Hamad Hamid Rashid Nasser Nasir Faisal Sabri Aziz Karim Rahman Rahim Salman Sharif Sherif Amin Jamal Kamal
Justice Marshall Sherman Chase Summers Walker Hall Clark Lewis Turner Miller Mason Cooper Parker Rogers Ward Morgan
Bond Banks Burns Fields Meta Store Son Odor Timothy Nunes Franca Ban Mark Paul John Peter Jean Jan Jose Juan Luis
Carlos Spring Gross Mock Horn Cannon Slot Bot Champagne Machete Sang Song Park Mills Lagos Toledo Han Turk
Parts Sen Graham Howard Jonathan Wallace Emerson Dion Smith Taylor Evans Jones Williams Wilson Thomas Robinson Clarke
James Davies Wright Hughes Edwards Moore Allen Scott Adams Campbell Stewart Murray Johnson Martin Jackson Anderson
Harrison Gordon Douglas Stuart Russell Lloyd Kenneth Dennis Raymond Roger Bruce Eric Frank Henry Arthur George
Charles Edward Richard Robert David Michael Stephen Philip Anthony Andrew Simon Hans Ali Musa Isa Yahya Bello Aden
Kabila Joseph Francis Augustin Pierre Louis Michel Laurent Vincent Patrice Emmanuel Daniel Samuel Gabriel Nelson
Sun Moon Kim Lee Kang Jung Chung Yoon Shin Oh Cho Ma Bo Le Nguyen Tran
Collins Barry Burke Owen Lynch Palmer Peters Duncan Fraser Hayden Younger Jenkins Gil Uno Ito Suzuki Neto Pol Pen Heng Ieng Khieu Giri Moro Pinto Gomes Navarro Cordero Padilla Munoz Valdes Ribera Trujillo Alvarado Velasquez Barco Blum Mita Mauri Diarra Coulibaly Boye Chowdhury Reddy Mishra Azad Shrestha Andersson Jorgensen Nemeth Todorov Atanasov Khalil Ghanem Okello Laurel Banana Doe Stray Barre Peacock Rumor Sodre Lara Silva Santos
Palma Ro Ba Muller Flores Romero Alvarez Pena Lugo Berger Roa Kaba Benitez Meza Frutos Hwang Hyun Trinh""".split())
# Korean surnames are kept: they follow SURNAME_FIRST, and "Kim", "Lee" and "Park" are too common to stand alone.
PARTICLE = re.compile(r"\b(?:de|da|do|dos|van|von|der|den|la|le|Le|Al|al|bin|ibn|el|El|di|Di|Mac|Mc|St)$")
INITIAL = re.compile(r"(?:[A-Z]\.)+|Jr\.?|Sr\.?|II|III|IV")


def surname(row: dict) -> str | None:
    """The word a later mention uses for this office holder, or None if unsure."""
    toks = [t for t in row["name"].replace(",", "").split() if not INITIAL.fullmatch(t)]
    if len(toks) < 2 or toks[0] in TITLES or row["code"] in NO_SURNAME:
        return None
    if row["code"] in SURNAME_FIRST:
        return toks[0]
    return None if PARTICLE.search(" ".join(toks[:-1])) else toks[-1]


def taken_words() -> set[str]:
    """Words that already name a state, place or organisation."""
    words: set[str] = set()
    for name, cols in (("states.csv", ("name", "aliases", "adjectives", "demonyms", "seats", "cities")),
                       ("organisations.csv", ("name", "aliases"))):
        for row in csv.DictReader(io.StringIO((DATA / name).read_text(encoding="utf-8"))):
            for col in cols:
                for value in (row.get(col) or "").split("|"):
                    words.update(value.split())
    return words


def english_words(word_list: Path | None = None) -> set[str]:
    """Lowercase words of the project's own sample articles (a rough English word
    list), and of ``word_list`` (one word per line, as /usr/share/dict/words) if given."""
    corpus = DATA.parent.parent.parent / "samples" / "corpus"
    words: set[str] = set()
    if word_list is not None:
        words.update(w for w in word_list.read_text(encoding="utf-8", errors="replace").split() if w.islower())
    for path in corpus.rglob("*"):
        if path.is_file() and path.suffix in (".txt", ".jsonl", ".html"):
            words.update(re.findall(r"\b[a-z][a-z'-]+\b", path.read_text(encoding="utf-8", errors="replace")))
    return words


def add_surnames(rows: list[dict], word_list: Path | None = None) -> list[tuple[str, str, str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    given = set()
    for r in rows:
        toks = [t for t in r["name"].split() if t not in TITLES]
        if len(toks) >= 2 and r["code"] not in SURNAME_FIRST:
            given.add(toks[0])
    surnames = {id(r): surname(r) for r in rows}
    for r in rows:
        if surnames[id(r)]:
            owners[surnames[id(r)]].add(r["code"])
    taken, english = taken_words(), english_words(word_list)
    added = []
    for r in rows:
        aliases = [a for a in r["aliases"].split("|") if a]
        s = surnames[id(r)]
        if (s and s not in aliases and s != r["name"] and s not in BLOCK and len(owners[s]) == 1
                and s not in taken and s not in given and s.lower() not in english
                and re.fullmatch(r"[A-ZÀ-Ý][\w'’-]+", s)):
            aliases.append(s)
            added.append((r["code"], r["name"], s))
        r["aliases"] = "|".join(aliases)
    return added


def main(argv: list[str]) -> int:
    path = DATA / "officeholders.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    fields = list(rows[0].keys())
    words = next((Path(a.split("=", 1)[1]) for a in argv if a.startswith("--words=")), None)
    if words is None and Path("/usr/share/dict/words").is_file():
        words = Path("/usr/share/dict/words")
    if words is not None and not words.is_file():
        print(f"error: word list {words} does not exist", file=sys.stderr)
        return 2
    added = add_surnames(rows, words)
    if "--dry-run" not in argv:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")
    print(f"{len(added)} surname aliases {'would be ' if '--dry-run' in argv else ''}added to {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
