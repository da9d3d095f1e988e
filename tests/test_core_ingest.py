"""Ingest: every format, boilerplate, ids, hashes and bad input."""
import json

from orbitwatch.ingest import Document, IngestError, iter_documents

HTML = """<!DOCTYPE html><html><head><title>Drills called off | Steppe Times</title>
<meta property="article:published_time" content="2022-10-10T09:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/world">World news desk</a></nav>
<div class="cookie">We use cookies on this site. Accept all cookies</div>
<article><h1>Drills called off</h1>
<p>Kyrgyzstan cancelled the CSTO exercise planned on its territory, the defence ministry said on Monday.</p>
<p>The drills were to bring together troops from Russia, Belarus, Kazakhstan and Tajikistan this week.</p>
<p>Analysts said the move reflected anger at the alliance after the border fighting in September.</p>
</article><aside><h3>Most read</h3><a href="/x">Gas prices rise again across the region</a></aside>
<footer>Copyright 2022 Steppe Times. All rights reserved.</footer></body></html>"""


def docs(*paths):
    return list(iter_documents([str(p) for p in paths]))


def test_ingest_text_header_gives_metadata_and_body(write):
    p = write("a1.txt", "title: Drills\npublished: 2022-10-10\nSource: test\n---\nKyrgyzstan cancelled the drills.\n")
    (d,) = docs(p)
    assert (d.id, d.title, d.published, d.source) == ("a1", "Drills", "2022-10-10", "test")
    assert d.text == "Kyrgyzstan cancelled the drills.\n"


def test_ingest_text_date_line_gives_published(write):
    (d,) = docs(write("a2.txt", " date 2022-12-23 Moscow had every opportunity.\nMore text."))
    assert d.published == "2022-12-23" and d.text.startswith("Moscow had every opportunity.")


def test_ingest_text_without_header_keeps_everything(write):
    (d,) = docs(write("a3.txt", "Note: this is the first line\nSecond line."))
    assert d.published is None and d.text.startswith("Note: this is the first line")


def test_ingest_strips_boilerplate(write):
    text = ("Armenia froze its CSTO participation.\nSee also  Something else entirely\n"
            "Support us with a one-time donation, or become a Patron!\nMore news.\n"
            "Leave a Reply\nYour email address will not be published.\n")
    (d,) = docs(write("b.txt", text))
    assert d.text == "Armenia froze its CSTO participation.\nMore news.\n"


def test_ingest_html_keeps_article_drops_navigation(write):
    (d,) = docs(write("page.html", HTML))
    assert d.format == "html" and d.published == "2022-10-10"
    assert "Kyrgyzstan cancelled the CSTO exercise" in d.text
    assert "Most read" not in d.text and "All rights reserved" not in d.text and "Politics" not in d.text


def test_ingest_jsonl_bad_line_is_named_and_others_survive(write):
    lines = [json.dumps({"id": "w1", "title": "t", "url": "u", "published": "2023-01-02", "text": "One."}),
             "{not json",
             json.dumps({"id": "w2", "text": "Two."})]
    out = docs(write("c.jsonl", "\n".join(lines)))
    assert [type(x).__name__ for x in out] == ["Document", "IngestError", "Document"]
    assert out[0].id == "w1" and out[0].published == "2023-01-02" and out[2].id == "w2"
    assert "c.jsonl:2" in str(out[1])


def test_ingest_directory_is_walked_recursively(write, tmp_path):
    write("d/x.txt", "Text one.")
    write("d/sub/y.txt", "Text two.")
    write("d/sub/notes.csv", "a,b")
    out = docs(tmp_path / "d")
    assert sorted(d.id for d in out) == ["x", "y"]


def test_ingest_bad_inputs_are_errors_naming_the_file(write, tmp_path):
    bad = [write("e.txt", ""), write("f.txt", b"\x00\x01\x02binary"), write("g.pdf", "x"),
           tmp_path / "missing.txt"]
    out = docs(*bad)
    assert all(isinstance(x, IngestError) for x in out)
    for path, err in zip(bad, out):
        assert str(path) in str(err)


def test_ingest_cp1251_is_decoded_and_reported(write, capsys):
    text = "Казахстан не признает независимость так называемых республик Донбасса. " * 3
    (d,) = docs(write("ru.txt", text.encode("cp1251")))
    assert isinstance(d, Document) and "Казахстан" in d.text
    assert "not valid UTF-8" in capsys.readouterr().err


def test_ingest_content_hash_is_stable_and_tracks_text():
    a = Document(id="x", text="Same text.")
    assert a.content_hash == Document(id="x", text="Same text.").content_hash
    assert a.content_hash != Document(id="x", text="Other text.").content_hash
