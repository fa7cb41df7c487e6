# FizzBuzz several ways.
out1 = []
for i in range(1, 21):
    if i % 15 == 0:
        out1.append("FizzBuzz")
    elif i % 3 == 0:
        out1.append("Fizz")
    elif i % 5 == 0:
        out1.append("Buzz")
    else:
        out1.append(str(i))
print(" ".join(out1))
out2 = ["Fizz" * (i % 3 == 0) + "Buzz" * (i % 5 == 0) or str(i) for i in range(1, 21)]
print(out2 == out1)
def fb(i):
    match (i % 3, i % 5):
        case (0, 0):
            return "FizzBuzz"
        case (0, _):
            return "Fizz"
        case (_, 0):
            return "Buzz"
        case _:
            return str(i)
print(list(map(fb, range(1, 21))) == out1)
i = 0
out3 = []
while (i := i + 1) <= 20:
    out3.append({0: "FizzBuzz", 3: "Fizz", 6: "Fizz", 9: "Fizz", 12: "Fizz", 5: "Buzz", 10: "Buzz"}.get(i % 15, str(i)))
print(out3 == out1)
