# Iterating bytes to compute histograms and checksums.
data = bytes((i * 37 + 11) % 256 for i in range(500))
hist = [0] * 16
for byte in data:
    hist[byte >> 4] += 1
print(hist, sum(hist))
def adler32(b):
    a, s = 1, 0
    for x in b:
        a = (a + x) % 65521
        s = (s + a) % 65521
    return (s << 16) | a
def crc8(b):
    crc = 0
    for x in b:
        crc ^= x
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc
print(adler32(b"Wikipedia"), hex(adler32(data)), crc8(b"123456789"), crc8(data))
print(max(data), min(data), data.count(11), sorted(set(data[:20])))
print(bytes(reversed(b"abc")), bytes(sorted(b"hello")), b"".join(bytes([c]) for c in b"xyz"))
