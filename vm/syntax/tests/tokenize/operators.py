a + b - c * d / e // f % g ** h @ i
a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a @= 1
a &= 1; a |= 1; a ^= 1; a <<= 1; a >>= 1
a == b != c < d > e <= f >= g << h >> i & j | k ^ l ~m
f(x) [y] {z} a.b ... -> := , : ; =
a <> b
!x $y ?z `w`
