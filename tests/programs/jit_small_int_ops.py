# Small-int fast paths of the JIT (codegen_arith.c) against every operand class: edges of the
# 62-bit range, big ints, bools, floats, zero divisors and out-of-range shift counts.
M = 2**61 - 1
m = -2**61
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 63, 64, 65, -64, 100, -100, 2**30, -2**30, 2**31, 2**32 - 1,
        M, m, M - 1, m + 1, M // 2, m // 2, 2**60, -2**60, 2**62, -2**62, 10**20, True, False, 2.5]
def run(op):
    out = []
    for a in vals:
        for b in vals:
            try:
                out.append(op(a, b))
            except Exception as e:
                out.append(type(e).__name__ + ":" + str(e))
    return out
ops = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a // b,
       lambda a, b: a % b, lambda a, b: a & b, lambda a, b: a | b, lambda a, b: a ^ b]
for op in ops:
    print(run(op))
def sh(a, b):
    if isinstance(b, int) and b > 200:
        return None
    return a << b
for a in vals:
    r = []
    for b in [0, 1, 2, 3, 30, 58, 59, 60, 61, 62, 63, 64, 65, 100, -1, -64]:
        try:
            r.append(sh(a, b))
        except Exception as e:
            r.append(type(e).__name__ + ":" + str(e))
        try:
            r.append(a >> b)
        except Exception as e:
            r.append(type(e).__name__ + ":" + str(e))
    print(r)
for a in vals:
    try:
        print(-a, ~a, +a)
    except Exception as e:
        print(type(e).__name__, e)
x = 5
x *= 3; x //= 2; x %= 4; x <<= 3; x >>= 1; x ^= 7; x |= 8; x &= 13
print(x)
