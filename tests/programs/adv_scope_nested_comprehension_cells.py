# Nested comprehensions: the outer comprehension's variable is one cell for the whole outer loop,
# each inner comprehension call gets a fresh cell for its own variable.
grid = [[lambda: (i, j) for j in range(2)] for i in range(2)]
print([[f() for f in row] for row in grid])
print(grid[0][0].__closure__[0] is grid[1][0].__closure__[0])
print(grid[0][0].__closure__[1] is grid[0][1].__closure__[1], grid[0][0].__closure__[1] is grid[1][0].__closure__[1])
print(grid[0][0].__code__.co_freevars, grid[0][0].__qualname__)
captured = [[lambda i=i, j=j: (i, j) for j in range(2)] for i in range(2)]
print([[f() for f in row] for row in captured])

def in_function(n):
    return [lambda: n * k for k in range(3)], [(lambda k: lambda: n * k)(k) for k in range(3)]

late, early = in_function(10)
print([f() for f in late], [f() for f in early])
pairs = [(x, y) for x in range(3) for y in range(x)]
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print([[row[c] for row in matrix] for c in range(3)])
flat = {v: [w for w in range(v) if w % 2] for v in range(5) if v}
print(flat)
names = ["a", "bb"]
print({n: len([c for c in n if c == n[0]]) for n in names}, sorted({len(n) for n in names}))
x = 5
print([x for _ in range(2)], [[x * y for y in range(x - 3)] for x in range(2, 4)], x)
