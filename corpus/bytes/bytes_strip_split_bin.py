# Parsing a binary record format from bytes.
def make_record(name, values):
    nb = name.encode()
    out = bytes([len(nb)]) + nb + bytes([len(values)])
    for v in values:
        out += v.to_bytes(2, "little", signed=True)
    return out
blob = make_record("alpha", [1, -2, 300]) + make_record("βeta", []) + make_record("z", [-32768, 32767])
print(blob.hex(" "))
pos = 0
while pos < len(blob):
    n = blob[pos]
    name = blob[pos + 1:pos + 1 + n].decode()
    pos += 1 + n
    count = blob[pos]
    pos += 1
    vals = [int.from_bytes(blob[pos + 2 * i:pos + 2 * i + 2], "little", signed=True) for i in range(count)]
    pos += 2 * count
    print(name, vals)
print(pos == len(blob))
