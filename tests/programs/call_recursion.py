# Plain recursion: factorial, Ackermann, Hanoi move counts, depth a few hundred.
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(fact(30))
print(ack(2, 3), ack(3, 3))
print(hanoi(3, "A", "C", "B", []))
print(len(hanoi(10, "A", "C", "B", [])))
print(depth(500))
print(len(str(fact(300))))
