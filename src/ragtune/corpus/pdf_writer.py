"""A minimal PDF writer (one page, Helvetica text lines) for generated test corpora."""

from __future__ import annotations


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines: list[str], title: str | None = None) -> bytes:
    """A valid one-page PDF whose extracted text is `lines` (ASCII/Latin-1 text only)."""
    content = "BT /F1 11 Tf 72 720 Td 14 TL " + " ".join(f"({_escape(x)}) Tj T*" for x in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    info = ""
    if title:
        objs.append(f"<< /Title ({_escape(title)}) >>")
        info = f" /Info {len(objs)} 0 R"
    return pdf_from_objects(objs, info)


def pdf_from_objects(objs: list[str], trailer: str = "") -> bytes:
    """A PDF file of `objs` (object 1 the catalog) with its cross-reference table; `trailer`
    adds entries to the trailer (e.g. ` /Info 6 0 R`)."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R{trailer} >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return out
