# Shortest-repr floats, exponent switch points, infinities, nan, signed zero, round().
values = [0.1 + 0.2, 0.1 * 3, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5,
          0.0001234, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 2.0 ** 0.5, 100.0, -0.0,
          float("inf"), float("-inf"), float("nan"), 1e300 * 1e10, 3.0 * 1e-310, 9007199254740993.0]
for v in values:
    print(repr(v), str(v))
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), type(round(2.5)).__name__)
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(-0.5, 0))
print(round(123.456, -1), round(155.0, -1), round(5e-324, 400), round(1e300, -299))
print(float("1_0.5"), float(" -1.5e3 "), float("inf") == float("Infinity"), float("-nan") != 0)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15, sum([0.1] * 10), 0.1 * 10)
print(1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0, float(10 ** 17 + 1), int(1e17))
print(-0.0 == 0.0, str(-0.0), repr(0.0 * -1), abs(-0.0), -0.0 + 0.0, max(-0.0, 0.0))
print(float("nan") == float("nan"), float("inf") - float("inf"), float("inf") * 0)
print(1.5.is_integer(), 2.0.is_integer(), (0.5).as_integer_ratio(), 0.1.as_integer_ratio())
print(round(3.5), round(-2.5), int(2.5e10), int(-2.5e-3), float(int(1e18)) == 1e18)
