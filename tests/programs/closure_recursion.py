# Recursion through closures: an inner function that refers to itself via its enclosing cell.
def make_fact():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact


fact = make_fact()
print([fact(n) for n in range(8)])
print(fact(25))
print(fact.__code__.co_freevars)


def parity():
    def is_even(n):
        return True if n == 0 else is_odd(n - 1)

    def is_odd(n):
        return False if n == 0 else is_even(n - 1)

    return is_even, is_odd


even, odd = parity()
print(even(10), odd(10), even(7), odd(7))


def fib_memo():
    memo = {0: 0, 1: 1}
    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib, memo


fib, memo = fib_memo()
print(fib(90))
print(len(memo))
