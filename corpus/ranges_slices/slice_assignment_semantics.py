# Negative, clamped and reversed slices across sequence types.
seqs = [list(range(10)), tuple(range(10)), "0123456789", b"0123456789", range(10)]
specs = [(None, None, -1), (-3, None, None), (None, -3, None), (8, 2, -2), (-100, 100, 3), (2, 8, -1), (-1, -10, -4), (5, None, -1)]
for seq in seqs:
    out = []
    for a, b, c in specs:
        part = seq[a:b:c]
        out.append(list(part) if not isinstance(part, (str,)) else part)
    print(type(seq).__name__, out)
