"""CSV rows become documents whatever the columns (issue #14): a `text` column when there is
one, else one `column: value` line per cell; ids `relpath#<id column>` or the row number."""

from __future__ import annotations

from pathlib import Path

from ragtune.corpus.loaders import iter_documents, scan

HANDWRITTEN = Path(__file__).resolve().parent / "data" / "handwritten" / "corpus"


def load_all(root: Path):
    files, problems = scan(root)
    docs = {}
    for src in files:
        for d in iter_documents(src):
            if hasattr(d, "doc_id") and hasattr(d, "text"):
                docs[d.doc_id] = d
            else:
                problems.append(d)
    return docs, problems


def test_csv_without_text_column_rows_read_as_column_value_lines(tmp_path: Path):
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "parts.csv").write_text(
        "ID,name,launch_year,price_eur,notes\n"
        "P-1,Widget One,2021,1180,\n"
        'P-2,"Widget, Two",2023,1490,"a ""quoted"" note"\n'
        ",,,,\n"
    )
    (tmp_path / "plain.csv").write_text("colour,size\nred,3\nblue,\n")
    docs, problems = load_all(tmp_path)
    assert problems == []
    assert set(docs) == {"tables/parts#P-1", "tables/parts#P-2", "plain#1", "plain#2"}
    one = docs["tables/parts#P-1"]
    assert one.text == "ID: P-1\nname: Widget One\nlaunch year: 2021\nprice eur: 1180"
    assert one.title == "Widget One"
    assert one.metadata == {"name": "Widget One", "launch_year": 2021, "price_eur": 1180}
    assert one.source == "tables/parts.csv" and one.format == "csv"
    two = docs["tables/parts#P-2"]
    assert "name: Widget, Two" in two.text and 'notes: a "quoted" note' in two.text
    assert docs["plain#2"].text == "colour: blue" and docs["plain#1"].text == "colour: red\nsize: 3"
    assert docs["plain#1"].title == ""


def test_csv_with_text_column_keeps_it_and_empty_cells_fall_back(tmp_path: Path):
    (tmp_path / "t.csv").write_text("id,text,year\na,Row one.,2024\nb,,2020\n")
    docs, problems = load_all(tmp_path)
    assert problems == []
    assert docs["t#a"].text == "Row one." and docs["t#a"].metadata == {"year": 2024}
    assert docs["t#b"].text == "id: b\nyear: 2020"


def test_handwritten_catalog_csv_is_indexed():
    docs, problems = load_all(HANDWRITTEN)
    assert not [p for p in problems if str(getattr(p, "path", "")).endswith(".csv")]
    rows = {k: v for k, v in docs.items() if k.startswith("products/catalog#")}
    assert len(rows) == 8
    assert "launch year: 2024" in rows["products/catalog#P-105"].text
    assert rows["products/catalog#P-105"].title == "Fenwick Probe F21"
