# math: constants and elementary functions with exact results.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan != math.nan)
print(math.sqrt(144), math.isqrt(10 ** 20), math.pow(2, 10), math.exp(0), math.log(1), math.log(100, 10), math.log2(8), math.log10(0.001))
print(math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.floor(-2.5), math.ceil(-2.5), type(math.floor(1.5)).__name__)
print(math.fabs(-4), math.fmod(10, 3), math.fmod(-10, 3), math.copysign(2, -0.0), math.frexp(0.75), math.ldexp(3, 2))
print(math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.perm(5), math.gcd(48, 36, 12), math.lcm(4, 6, 10))
print(math.hypot(5, 12), math.dist((1, 1), (4, 5)), math.prod(range(1, 6)), math.fsum([0.1] * 10))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isclose(1.0, 1.0 + 1e-10))
print(math.degrees(math.pi / 2), math.radians(90) == math.pi / 2, math.sin(0.0), math.cos(0.0), math.tan(0.0), math.atan(1) * 4 == math.pi)
print(math.asin(1), math.acos(1), math.sinh(0), math.cosh(0), math.tanh(0), math.erf(0), math.gamma(5), math.lgamma(1))
print(math.modf(2.5), math.remainder(10, 4), math.nextafter(0.0, 1.0), math.ulp(2.0))
for call in (lambda: math.sqrt(-1), lambda: math.log(-1), lambda: math.factorial(-1), lambda: math.factorial(1.5), lambda: math.comb(-1, 2)):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
