#!/usr/bin/env python3
"""Generate vm/common/src/unicode_names.bin, the character-name table behind `\\N{...}`,
from the live CPython's Unicode database (3.11: Unicode 14.0).

The table holds every name `unicodedata.name()` gives, except the algorithmic ones
(`CJK UNIFIED IDEOGRAPH-XXXX`, `HANGUL SYLLABLE ...`: computed by the lookup code), plus
the name aliases of NameAliases.txt, listed in gen/name_aliases.txt (the 470 aliases
CPython 3.11 stores; each is checked here against the live `unicodedata.lookup`). Named
sequences are left out: `\\N{}` rejects them.

Format (all integers little-endian):
  u32 block count B, then B u32 offsets of the blocks into the entry data;
  entries sorted by name, in blocks of 32, front-coded: u8 length of the prefix shared
  with the previous entry of the block (0 for a block's first), u8 length of the rest,
  the rest (ASCII), the code point (3 bytes).

Run:  python3 vm/common/gen/unicode_names.py > vm/common/src/unicode_names.bin
The test `unicode_names_are_fresh` fails when the committed file is stale.
"""
import os
import struct
import sys
import unicodedata

BLOCK = 32
HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    assert unicodedata.unidata_version == "14.0.0", unicodedata.unidata_version
    table = {}
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name is None:
            continue
        if name.startswith("CJK UNIFIED IDEOGRAPH-"):
            assert name == "CJK UNIFIED IDEOGRAPH-%X" % cp, name
            continue
        if name.startswith("HANGUL SYLLABLE "):
            assert 0xAC00 <= cp < 0xAC00 + 11172, name
            continue
        assert name not in table, name
        table[name] = cp
    with open(os.path.join(HERE, "name_aliases.txt"), encoding="ascii") as f:
        for line in f:
            code, alias = line.rstrip("\n").split(";")
            cp = int(code, 16)
            assert unicodedata.lookup(alias) == chr(cp), alias
            assert alias not in table, alias
            table[alias] = cp
    names = sorted(table)
    data = bytearray()
    offsets = []
    prev = b""
    for i, name in enumerate(names):
        b = name.encode("ascii")
        assert len(b) < 256
        if i % BLOCK == 0:
            offsets.append(len(data))
            prev = b""
        k = 0
        while k < min(len(b), len(prev)) and b[k] == prev[k]:
            k += 1
        data += bytes([k, len(b) - k]) + b[k:] + table[name].to_bytes(3, "little")
        prev = b
    out = struct.pack("<I", len(offsets)) + b"".join(struct.pack("<I", o) for o in offsets)
    sys.stdout.buffer.write(out + bytes(data))


main()
