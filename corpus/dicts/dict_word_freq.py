# Word frequencies in generated text using a dict.
words = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"]
state = 7
text = []
for i in range(400):
    state = (state * 69069 + 1) % 2 ** 32
    text.append(words[(state >> 16) % len(words)])
freq = {}
for w in text:
    freq[w] = freq.get(w, 0) + 1
print(freq)
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(sum(freq.values()), len(freq), max(freq, key=freq.get), min(freq, key=lambda k: (freq[k], k)))
bigrams = {}
for a, b in zip(text, text[1:]):
    bigrams[a, b] = bigrams.get((a, b), 0) + 1
print(len(bigrams), max(bigrams.items(), key=lambda kv: (kv[1], kv[0])))
