# Recursion 300 deep through plain functions, closures and mutual recursion works.
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(300))


def make_counter_down():
    def down(n, acc):
        if n == 0:
            return acc
        return down(n - 1, acc + [n] if n % 100 == 0 else acc)
    return down


print(make_counter_down()(300, []))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(300), is_odd(299), is_even(7))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(len(str(fact(300))), fact(25))
fib = lambda n: n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print(ackermann(2, 3))
