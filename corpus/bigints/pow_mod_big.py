# Modular exponentiation and inverses with big numbers.
p = 2 ** 127 - 1
print(pow(3, p - 1, p), pow(2, 10 ** 20, p), pow(12345678901234567890, 65537, p))
inv = pow(98765432109876543210, -1, p)
print(inv, inv * 98765432109876543210 % p)
m = 10 ** 9 + 7
print(pow(2, 10 ** 18, m), pow(-5, 3, m), pow(5, -3, m))
def is_probable_prime(n):
    if n < 2:
        return False
    for sp in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % sp == 0:
            return n == sp
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
print([k for k in range(100, 140) if is_probable_prime(2 ** k - 1)] )
print(is_probable_prime(p), is_probable_prime(2 ** 89 - 1), is_probable_prime(2 ** 89 + 1))
