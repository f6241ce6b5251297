"""Hostile PDFs, made on the fly: truncated, random and bit-flipped files, FlateDecode bombs, a
content stream that takes seconds to walk, circular and self-referencing structures, locked files.
Also the deflate trick the zip bombs share (`repeated_deflate`)."""

from __future__ import annotations

import random
import struct
import zlib
from typing import Literal

from tests.builders import encrypted_pdf_bytes, pdf_bytes

Expect = Literal["reject", "accept", "either"]
FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {c} 0 R /Resources << /Font << /F1 {f} 0 R >> >> >>"  # noqa: E501


def pdf_from(objects: list[bytes | str], *, trailer: str = "/Root 1 0 R") -> bytes:
    """A PDF with these objects (numbered from 1) and a correct cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        data = body if isinstance(body, bytes) else body.encode("latin-1")
        out += f"{number} 0 obj\n".encode() + data + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def flate_stream(data: bytes) -> bytes:
    compressed = zlib.compress(data, 9)
    return (
        f"<< /Length {len(compressed)} /Filter /FlateDecode >>\nstream\n".encode()
        + compressed
        + b"\nendstream"
    )


def repeated_deflate(chunk: bytes, copies: int, *, header: bool) -> tuple[bytes, int]:
    """Deflate data for `chunk` repeated `copies` times without compressing it all: after a full
    flush the compressor's output for the same chunk repeats, so it is computed once. Returns the
    bytes (zlib-wrapped with its checksum when `header`) and the CRC-32 of the inflated data."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    raw = first + again * (copies - 1) + compressor.flush()
    if header:
        adler = 1
        for _ in range(copies):
            adler = zlib.adler32(chunk, adler)
        return b"\x78\xda" + raw + struct.pack(">I", adler), 0
    crc = 0
    for _ in range(copies):
        crc = zlib.crc32(chunk, crc)
    return raw, crc


def flate_bomb_pdf(inflated_gib: int) -> bytes:
    """One page whose content stream is a few MB of FlateDecode that inflates to `inflated_gib` GiB."""
    mib = b" " * 2**20
    data, _ = repeated_deflate(mib, inflated_gib * 1024, header=True)
    stream = f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream"
    return pdf_from(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            PAGE.format(c=4, f=5),
            stream,
            FONT,
        ]
    )


def shared_bomb_pdf(pages: int, inflated_mb: int) -> bytes:
    """Many pages sharing one content stream that inflates to `inflated_mb` MB: tiny, and slow to walk."""
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    objects: list[bytes | str] = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
        flate_stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n" + b" " * (inflated_mb * 10**6)),
        FONT,
    ]
    objects += [PAGE.format(c=3, f=4)] * pages
    return pdf_from(objects)


def operator_flood_pdf(operators: int) -> bytes:
    """A 6 KB PDF whose content stream holds `operators` text operators (seconds to extract)."""
    ops = b"BT /F1 12 Tf " + b"(a) Tj 1 0 Td " * operators + b"ET"
    return pdf_from(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            PAGE.format(c=4, f=5),
            flate_stream(ops),
            FONT,
        ]
    )


def structural_pdfs() -> dict[str, bytes]:
    """Circular cross-references, self-referencing objects and other impossible structures."""
    text = flate_stream(b"BT /F1 12 Tf 72 720 Td (loop) Tj ET")
    good = pdf_bytes(["Members decide by consent."])
    xref_at = good.rindex(b"xref")
    return {
        "pages-kid-of-itself.pdf": pdf_from(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                PAGE.format(c=4, f=5),
                text,
                FONT,
            ]
        ),
        "pages-two-cycle.pdf": pdf_from(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
            ]
        ),
        "catalog-is-its-pages.pdf": pdf_from(["<< /Type /Catalog /Pages 1 0 R >>"]),
        "object-refers-to-itself.pdf": pdf_from(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /Contents 3 0 R /Resources 3 0 R >>",
            ]
        ),
        "length-refers-to-itself.pdf": pdf_from(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                PAGE.format(c=4, f=5),
                "<< /Length 4 0 R >>\nstream\nBT (x) Tj ET\nendstream",
                FONT,
            ]
        ),
        "xref-prev-to-itself.pdf": good.replace(b"/Root 1 0 R", f"/Root 1 0 R /Prev {xref_at}".encode()),
        "xref-prev-cycle.pdf": good.replace(b"/Root 1 0 R", b"/Root 1 0 R /Prev 9")
        + f"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev {xref_at} >>\n".encode(),
        "startxref-points-at-itself.pdf": good[: good.rindex(b"startxref")]
        + f"startxref\n{good.rindex(b'startxref')}\n%%EOF\n".encode(),
        "deep-array.pdf": pdf_from(
            [
                "<< /Type /Catalog /Pages 2 0 R /Deep " + "[" * 50_000 + "]" * 50_000 + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                PAGE.format(c=4, f=5),
                text,
                FONT,
            ]
        ),
        "huge-size.pdf": good.replace(b"/Size 6", b"/Size 2000000000"),
        "huge-length.pdf": good.replace(b"<< /Length ", b"<< /Length 99999999999"),
        "huge-page-count.pdf": good.replace(b"/Count 1", b"/Count 999999999"),
        "no-pages.pdf": pdf_from(["<< /Type /Catalog >>"]),
        "empty-page.pdf": pdf_from(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            ]
        ),
        "bad-filter.pdf": pdf_from(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                PAGE.format(c=4, f=5),
                b"<< /Length 10 /Filter /FlateDecode >>\nstream\n0123456789\nendstream",
                FONT,
            ]
        ),
    }


def pdf_files() -> dict[str, tuple[bytes, Expect]]:
    rng = random.Random(11)
    good = pdf_bytes(["Memorandum of understanding", "Members decide by consent."])
    files: dict[str, tuple[bytes, Expect]] = {}
    for n in range(1, 26):
        files[f"truncated-{n:02d}.pdf"] = (good[: len(good) * n // 26], "reject")
    for n in range(20):
        files[f"random-header-{n:02d}.pdf"] = (
            b"%PDF-1.4\n" + rng.randbytes(rng.randrange(64, 20_000)),
            "reject",
        )
    for n in range(10):
        files[f"random-{n:02d}.pdf"] = (rng.randbytes(rng.randrange(16, 20_000)), "reject")
    for n in range(20):
        flipped = bytearray(good)
        for _ in range(1 + n):
            flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
        files[f"bit-flipped-{n:02d}.pdf"] = (bytes(flipped), "either")
    for name, data in structural_pdfs().items():
        files[name] = (data, "either" if name.startswith(("xref-prev", "startxref", "huge-")) else "reject")
    for n, password in enumerate(("secret", "a" * 32, "correct horse battery")):
        files[f"locked-{n}.pdf"] = (encrypted_pdf_bytes(["secret plans"], password=password), "reject")
    files["flate-bomb-4gib.pdf"] = (flate_bomb_pdf(4), "reject")
    files["shared-stream-bomb.pdf"] = (shared_bomb_pdf(40, 70), "reject")
    files["operator-flood.pdf"] = (operator_flood_pdf(400_000), "reject")
    files["text-as.pdf"] = (b"hello, this is plain text, not a PDF", "reject")
    files["html-as.pdf"] = (b"<html><body><script>alert(1)</script></body></html>", "reject")
    return files
