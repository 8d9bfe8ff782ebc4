a, b = c
a, *b = c
[a, b] = c
(a), b = c
x: int
x: int = 1
(y): int = 2
