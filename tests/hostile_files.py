"""A corpus of hostile and broken files, made on the fly: truncated, random and bit-flipped PDFs,
compression bombs, circular and self-referencing PDF structures, locked PDFs, zip bombs and corrupt
DOCX, empty files, binary data behind text extensions, awkward encodings, pathological YAML, CSV and
markdown, a file over the size limit, and things that are not files at all (a FIFO, a device link).

`build_corpus(folder)` writes them and returns one `Hostile` per file, saying whether the advisor
must refuse it ("reject"), must accept it ("accept", e.g. UTF-16 text with a BOM) or may do either
("either": a bit-flipped PDF may still parse).
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.builders import write_docx
from tests.hostile_pdf import Expect, pdf_files, repeated_deflate


@dataclass(frozen=True)
class Hostile:
    name: str
    kind: str
    expect: Expect


def zip_bytes(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip from (name, raw deflate data, CRC-32, inflated size) entries, written by hand so that an
    entry can be far larger inflated than anything built in memory here."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in entries:
        offset = out.tell()
        encoded = name.encode()
        out.write(
            struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0)
        )
        out.write(encoded + data)
        central.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    directory = central.getvalue()
    start = out.tell()
    out.write(directory)
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), start, 0)
    )
    return out.getvalue()


def docx_with(valid_docx: bytes, replace: dict[str, tuple[bytes, int, int]]) -> bytes:
    """`valid_docx` with some parts replaced by (raw deflate, crc, size) data."""
    entries = []
    with zipfile.ZipFile(io.BytesIO(valid_docx)) as source:
        for info in source.infolist():
            if info.filename in replace:
                entries.append((info.filename, *replace[info.filename]))
                continue
            data = source.read(info)
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            raw = compressor.compress(data) + compressor.flush()
            entries.append((info.filename, raw, zlib.crc32(data), len(data)))
    return zip_bytes(entries)


def _plain(data: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def docx_files(folder: Path) -> dict[str, bytes]:
    valid = write_docx(folder / "template.docx", "Charter", {"Purpose": "Halve asthma admissions by 2029."})
    template = valid.read_bytes()
    valid.unlink()
    bomb, crc = repeated_deflate(b" " * 2**20, 2048, header=False)  # word/document.xml inflates to 2 GiB
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'.encode() for i in range(1, 10))
        + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    deep = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    deep += b"<w:body>" + b"<w:p>" * 200_000 + b"</w:p>" * 200_000 + b"</w:body></w:document>"
    many = [(f"word/media/{i}.bin", *_plain(b"x")) for i in range(20_000)]
    return {
        "zip-bomb-document.docx": docx_with(template, {"word/document.xml": (bomb, crc, 2**31)}),
        "zip-bomb-styles.docx": docx_with(template, {"word/styles.xml": (bomb, crc, 2**31)}),
        "billion-laughs.docx": docx_with(template, {"word/document.xml": _plain(laughs)}),
        "deeply-nested.docx": docx_with(template, {"word/document.xml": _plain(deep)}),
        "lying-sizes.docx": docx_with(template, {"word/document.xml": (bomb[:5000], crc, 10)}),
        "many-entries.docx": zip_bytes(many),
        "not-xml.docx": docx_with(template, {"word/document.xml": _plain(b"\x00\x01 not xml at all")}),
        "no-content-types.docx": zip_bytes([("word/document.xml", *_plain(b"<x/>"))]),
        "empty-zip.docx": zip_bytes([]),
        "ole-encrypted.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096),
        "zip-in-zip.docx": zip_bytes([("inner.zip", *_plain(template))]),
        **{f"truncated-{n}.docx": template[: len(template) * n // 12] for n in range(1, 12)},
        **{f"random-zip-{n}.docx": b"PK\x03\x04" + random.Random(n).randbytes(4000) for n in range(10)},
    }


def text_files() -> dict[str, tuple[bytes, Expect]]:
    """Encodings, binary data and pathological content behind text extensions."""
    rng = random.Random(7)
    body = "Our coalition's purpose: halve pedestrian deaths in Riverside by 2030. Café, naïve, 社区."
    files: dict[str, tuple[bytes, Expect]] = {
        "utf16-le-bom.txt": (body.encode("utf-16"), "accept"),
        "utf16-be-bom.md": (b"\xfe\xff" + body.encode("utf-16-be"), "accept"),
        "utf16-no-bom.txt": (body.encode("utf-16-le"), "reject"),
        "utf16-odd-length.txt": (body.encode("utf-16") + b"\x41", "reject"),
        "utf32.txt": (body.encode("utf-32"), "either"),
        "latin1.md": (body.encode("latin-1", "replace"), "reject"),
        "cp1252-quotes.txt": ("“Smart quotes” — and dashes".encode("cp1252"), "reject"),
        "shift-jis.txt": ("社区の目的".encode("shift_jis"), "reject"),
        "mixed-utf8-latin1.md": (body.encode() + "\n¿Qué?".encode("latin-1"), "reject"),
        "overlong-utf8.txt": (b"slash \xc0\xaf here", "reject"),
        "surrogate-utf8.txt": (b"half \xed\xa0\x80 pair", "reject"),
        "lone-continuation.csv": (b"name,sector\n\x80\x81,community\n", "reject"),
        "utf8-bom-only.md": (b"\xef\xbb\xbf", "reject"),
        "nul-in-middle.txt": (b"fine text " * 1000 + b"\x00" + b"more", "either"),
        "control-chars.md": (
            bytes(rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) for _ in range(4000)),
            "reject",
        ),
        "whitespace-only.md": (b" \n\t\n  \r\n" * 100, "reject"),
        "elf-as.txt": (b"\x7fELF\x02\x01\x01" + bytes(rng.randrange(256) for _ in range(3000)), "reject"),
        "png-as.md": (b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(3000)), "reject"),
        "gzip-as.csv": (zlib.compress(b"name,sector\n" * 100), "reject"),
        "heading-redos.md": (b"# a" + b" " * 50_000 + b"x" + b" " * 50_000 + b"#x\n\nbody\n", "accept"),
        # a header that is not YAML is read as the document's text (a real constitution has one)
        "front-matter-bad.md": (b"---\ntitle: [unclosed\n---\n# T\nbody\n", "accept"),
        "front-matter-laughs.md": (b"---\n" + _laughs_yaml() + b"summary: *i\n---\n# T\nbody\n", "either"),
        "one-long-line.txt": (b"word " * 40_000, "accept"),
        "yaml-laughs.yaml": (_laughs_yaml(), "either"),
        "yaml-deep.yaml": (b"[" * 100_000 + b"]" * 100_000, "reject"),
        "yaml-python-tag.yaml": (b"x: !!python/object/apply:os.system ['echo pwned']\n", "reject"),
        "yaml-tabs.yml": (b"a:\n\t- b\n", "reject"),
        "yaml-empty-doc.yaml": (b"---\n...\n", "reject"),
        "yaml-huge-int.yaml": (b"n: " + b"9" * 100_000 + b"\n", "either"),
        "csv-huge-field.csv": (b'name,notes\nx,"' + b"y" * 300_000 + b'"\n', "reject"),
        "csv-unclosed-quote.csv": (b'name,notes\nx,"never closed\n' + b"row,row\n" * 50, "either"),
        "csv-header-only.csv": (b"name,sector,positions\n", "reject"),
        "csv-wide.csv": (
            b",".join(b"c%d" % i for i in range(3000)) + b"\n" + b"1," * 2999 + b"1\n",
            "either",
        ),
    }
    for suffix in (".md", ".txt", ".csv", ".yaml", ".yml", ".markdown", ".text"):
        for n in range(3):
            files[f"random-{n}{suffix}"] = (
                bytes(rng.randrange(256) for _ in range(2048 * (n + 1))),
                "reject",
            )
    return files


def _laughs_yaml() -> bytes:
    lines = [b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]".encode())
    return b"\n".join(lines) + b"\n"


def build_corpus(folder: Path, *, max_bytes: int) -> list[Hostile]:
    """Write every hostile file into `folder`; `max_bytes` is the size limit the files are tried with."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Hostile] = []

    def put(name: str, data: bytes, kind: str, expect: Expect) -> None:
        (folder / name).write_bytes(data)
        made.append(Hostile(name, kind, expect))

    for name, (data, expect) in pdf_files().items():
        put(name, data, "pdf", expect)
    for name, data in docx_files(folder).items():
        put(name, data, "docx", "reject")
    for name, (data, expect) in text_files().items():
        put(name, data, "text", expect)
    for suffix in ("md", "markdown", "txt", "text", "pdf", "docx", "csv", "yaml", "yml"):
        put(f"zero-byte.{suffix}", b"", "empty", "reject")
    for suffix in ("xlsx", "exe", "html", "json"):
        put(f"unsupported.{suffix}", b"PK\x03\x04 whatever", "unsupported", "reject")
    put("no-extension", b"plain words", "unsupported", "reject")
    put("over-the-limit.txt", b"too much text. " * (max_bytes // 15 + 1000), "huge", "reject")
    sparse = folder / "sparse-1tb.txt"  # a terabyte on paper, nothing on disk: must never be read
    with open(sparse, "wb") as handle:
        handle.truncate(2**40)
    made.append(Hostile(sparse.name, "huge", "reject"))
    specials: list[tuple[str, Callable[[Path], None]]] = [
        ("fifo.md", lambda p: os.mkfifo(p)),  # a reader that opened it would wait forever
        ("dev-zero.txt", lambda p: p.symlink_to("/dev/zero")),
        ("dev-urandom.pdf", lambda p: p.symlink_to("/dev/urandom")),
        ("dangling-link.md", lambda p: p.symlink_to(folder / "does-not-exist.md")),
        ("a-folder.md", lambda p: p.mkdir()),
    ]
    for name, make in specials:
        make(folder / name)
        made.append(Hostile(name, "special", "reject"))
    return made
