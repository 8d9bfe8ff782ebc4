# int methods and attributes; mixed int/float arithmetic that overflows a float.
n = -37
print(n.bit_length(), (255).bit_count(), (-255).bit_count(), n.real, n.imag, n.numerator, n.denominator)
print(n.conjugate(), (10).as_integer_ratio(), True.bit_length(), (0).bit_length(), (2 ** 100).bit_count())
print(int.__name__, (5).__class__.__name__, type(2 ** 100) is int, isinstance(True, int))
print(round(1234, -2), type(round(1234, -2)).__name__, round(5, 2), round(-1550, -2), round(-1450, -2))
print(abs(-(2 ** 64)), -(2 ** 63) // -1, (2 ** 63) * -1, 2 ** 63 - 1 + 1, -(2 ** 63) - 1)
print(10 ** 400 // 10 ** 398, 10 ** 400 / 10 ** 399, (2 ** 1100) / (2 ** 1000), 2 ** 64 / 2 ** 32)
print(7 / 7, type(7 / 7).__name__, 10 ** 17 / 10, 1 / 3 * 3 == 1.0, (10 ** 16 + 1) / 1)
for bad in [lambda: 10 ** 400 + 1.0, lambda: 10 ** 400 * 0.5, lambda: 10 ** 400 / 1,
            lambda: 10 ** 400 // 1.5, lambda: float(10 ** 400), lambda: 2.0 ** 10000,
            lambda: 10 ** 400 < float("nan"), lambda: 10 ** 400 == 1e308, lambda: 10 ** 400 > "s"]:
    try:
        print(bad())
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(divmod(2 ** 100, 2 ** 50 + 1), pow(2, 100, 2 ** 50 + 1), (2 ** 100) % -(2 ** 50 + 1))
print(int(1e20), int(-1.5e20), int(2 ** 0.5 * 1e15), 1e20 == 10 ** 20, 1e23 == 10 ** 23)
print(0x7FFFFFFFFFFFFFFF + 1, -0x8000000000000000 - 1, 0o777, 0b1010, 1_000_000, 0x_ff)
print(2 ** 62 + 2 ** 62, (2 ** 63) >> 1, 1 << 64, -1 >> 100, -1 << 64, 5 & -2, -5 | 2, -6 ^ 3)
