# math: floor/ceil/trunc of floats and big ints, sqrt, gcd/lcm, factorial, comb, isclose, errors.
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2), type(math.floor(2.5)).__name__)
print(math.floor(1e20), math.ceil(10 ** 30 + 0.5) if False else math.ceil(2.0 ** 70), math.trunc(-(10 ** 25)))
print(math.sqrt(2), math.sqrt(16), math.isqrt(10 ** 20 + 1), math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(12, 18, 8), math.lcm(4, 6), math.lcm())
print(math.factorial(25), math.comb(50, 25), math.perm(5, 2), math.comb(3, 5))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isnan(math.nan), math.isinf(-math.inf))
print(math.fabs(-3), math.copysign(1, -0.0), math.fmod(-7, 2), -7 % 2, math.pow(2, 10), math.hypot(3, 4))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0), math.prod([1, 2, 3, 4]))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.degrees(math.pi), math.radians(180) == math.pi)
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.factorial(2.5),
            lambda: math.floor("x"), lambda: math.isqrt(-1), lambda: math.exp(1000), lambda: math.comb(-1, 2)]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
