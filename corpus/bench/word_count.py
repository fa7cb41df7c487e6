# Benchmark: dict and str operations counting words in generated text. Size: number of words.
import sys
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "so", "vi", "de", "pu", "xa", "zo"]
def generate(n, seed=12345):
    words = []
    state = seed
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        k = 1 + (state >> 16) % 3
        w = ""
        for _ in range(k):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            w += SYLLABLES[(state >> 16) % len(SYLLABLES)]
        if state % 11 == 0:
            w = w.capitalize() + "."
        elif state % 7 == 0:
            w += ","
        words.append(w)
    return " ".join(words)
def count(text):
    freq = {}
    for raw in text.split():
        w = raw.strip(".,").lower()
        freq[w] = freq.get(w, 0) + 1
    return freq
n = int(sys.argv[1]) if len(sys.argv) > 1 else 450000
text = generate(n)
freq = count(text)
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(text), len(freq), sum(freq.values()))
print(top)
