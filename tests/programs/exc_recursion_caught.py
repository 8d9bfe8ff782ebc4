# Unbounded recursion raises RecursionError, which can be caught; the program continues.
def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, "caught")
    print(isinstance(e, RuntimeError))


def make_loop():
    def loop():
        return loop()
    return loop


try:
    make_loop()()
except RecursionError:
    print("closure recursion caught")


def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)


print(fine(200))
