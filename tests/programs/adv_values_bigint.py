# Big integers: powers, huge products, mixed int/float, modular pow, divmod, base conversion.
a = 3 ** 200
print(a)
print(len(str(a)), a % 1000, a // 10 ** 90, -a // 10 ** 90, -a % 7)
b = 2 ** 64 * 2 ** 64 - 1
print(b, b.bit_length(), (-b).bit_length(), b & 0xFFFF, b >> 100, -b >> 120)
print(12345678901234567890 * 98765432109876543210)
print((10 ** 30 + 1) * (10 ** 30 - 1) == 10 ** 60 - 1)
print(2 ** 100 / 2 ** 99, 2 ** 100 // 3, type(2 ** 100 / 4).__name__, 10 ** 20 / 3)
print(2 ** 100 + 0.5, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
print(pow(3, 200, 10 ** 9 + 7), pow(2, 10 ** 18, 1000), pow(-3, 3, 5), pow(3, -1, 7), pow(3, 3, -5))
print(pow(2, -2), 2 ** -1, (-2) ** -3, pow(-8, 1 / 3) if False else "skip complex", 10 ** -20)
print(divmod(a, 10 ** 95)[1] == a % 10 ** 95, divmod(-(10 ** 20), 7), divmod(10 ** 20, -7))
print(int("1" * 40), int("-0b" + "1" * 70, 0), int("7" * 30, 8), int("Zz" * 8, 36))
print(int("1_000_000"), 1_000_000_000_000 * 1_000, int("  -42\n"), int("+0x_ff", 16))
print(hex(-(2 ** 70)).upper(), hex(2 ** 64 - 1)[2:], oct(2 ** 65), bin(-(2 ** 33 + 1)))
print(abs(-(10 ** 40)), -(-(10 ** 40)), ~(2 ** 70), -(2 ** 70) | 1, (2 ** 70) ^ (2 ** 69))
print(round(123456789 * 10 ** 20, -25), round(12350, -2), round(12250, -2), round(-12350, -2))
print(max(2 ** 100, 2.0 ** 100), min(10 ** 400, float("inf")), 10 ** 400 > 1e308)
print(sum(range(10 ** 6)), sum([2 ** 64] * 3), 7 ** 77 % 13 == pow(7, 77, 13))
print(float(2 ** 1023) * 2 == float("inf"))
try:
    float(2 ** 1024)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    2 ** 10000 / 3
except OverflowError as e:
    print(type(e).__name__, e)
