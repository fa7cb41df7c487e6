# Classic string algorithms: palindromes, anagrams, caesar cipher, run-length.
def is_pal(s):
    t = [c.lower() for c in s if c.isalnum()]
    return t == t[::-1]
for s in ("A man, a plan, a canal: Panama", "racecar", "hello", "", "No 'x' in Nixon"):
    print(repr(s), is_pal(s))
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
print(list(groups.values()))
def caesar(s, k):
    out = []
    for c in s:
        if c.isalpha():
            base = ord("A") if c.isupper() else ord("a")
            out.append(chr((ord(c) - base + k) % 26 + base))
        else:
            out.append(c)
    return "".join(out)
enc = caesar("Hello, World! xyz", 3)
print(enc, caesar(enc, -3))
def longest_common_prefix(ws):
    if not ws:
        return ""
    p = ws[0]
    for w in ws[1:]:
        while not w.startswith(p):
            p = p[:-1]
    return p
print(longest_common_prefix(["flower", "flow", "flight"]), repr(longest_common_prefix(["a", "b"])))
