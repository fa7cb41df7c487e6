# String building algorithms: reverse words, compress, wrap text.
def reverse_words(s):
    return " ".join(reversed(s.split()))
print(reverse_words("  the sky   is blue "))
def compress(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(s[i] + (str(j - i) if j - i > 1 else ""))
        i = j
    return "".join(out)
print(compress("aaabccddddde"), compress(""), compress("abc"))
def wrap(text, width):
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur:
        lines.append(cur)
    return lines
for line in wrap("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor", 20):
    print("|" + line.ljust(20) + "|")
table = str.maketrans("abc", "xyz", "!")
print("a!b!c! cab".translate(table), "hello".translate({ord("l"): None, ord("h"): "J"}))
