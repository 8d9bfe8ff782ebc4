# 3.11's integer string-conversion limit (4300 digits) and int() parsing rules.
big = 10 ** 4299
print(len(str(big)), str(big)[:5], len(repr(big)))
try:
    str(10 ** 4300)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
print(len(str(-(10 ** 4299))), (10 ** 5000) % 97, hex(10 ** 5000)[-4:])
print(int("0x1F", 0), int("0o17", 0), int("0b101", 0), int("10", 0), int("1_0", 0), int("Z", 36))
for bad in ["0x1F", "010", "1__0", "_1", "1_", " ", "+-1", "1e3", "٣"]:
    try:
        print(repr(bad), int(bad, 0) if bad == "010" else int(bad))
    except ValueError as e:
        print(type(e).__name__, e)
print(int("  +12  "), int("-0x10", 16), int("١٢"), int(" 7\t\n"))
