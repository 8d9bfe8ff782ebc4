# nonlocal updated inside loops, and closures called from loops in the enclosing function.
def collatz_steps(n):
    steps = 0
    def step():
        nonlocal n, steps
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    while n != 1:
        step()
    return steps


print([collatz_steps(k) for k in range(1, 12)])
print(collatz_steps(27))


def primes_below(limit):
    found = []
    candidate = 1
    def next_prime():
        nonlocal candidate
        while True:
            candidate += 1
            for p in found:
                if candidate % p == 0:
                    break
            else:
                found.append(candidate)
                return candidate
    while candidate < limit:
        next_prime()
    return found[:-1] if found[-1] >= limit else found


print(primes_below(50))
