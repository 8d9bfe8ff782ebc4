# Set displays of constants are built as CPython compiles them: a display of 3+ constants from a
# frozenset constant, `for x in {...}` / `x in {...}` over a frozenset constant, anything else
# item by item -- three orders that differ once ints collide in the hash table.
print({90, 143, 293, 231, -26, 198, 87})
for v in {90, 143, 293, 231, -26, 198, 87}:
    print(v, end=" ")
print()
n = 87
print({90, 143, 293, 231, -26, 198, n})
print([v for v in {276, 187, 24, 27, -40, -38, 67}], {276, 187, 24, 27, -40, -38, 67})
print({v for v in {88, 196, 15, 261, 148, 111, -22}}, [v * 2 for v in [88, 196, 15]])
print(88 in {88, 196, 15}, 15 not in {88, 196, 15}, 3 in {3}, n in {1, 2} == False)
print([w for w in range(3) for u in {88, 196, 15, 261, 148, 111, -22} if u > 200])
print({1, 2}, {-1, -(-2), +3, ~4, not 0}, {(1, 2), (3, 4), (1, 2), 5})
print({0, 0.0, False}, {True, 1, 1.0}, {1.5, 2.5, -0.5}, {None, ...} == {..., None})
for pair in {(1, 2), (3, 4), (5, 6)}:
    print(pair, end=" ")
print()
s = {90, 143, 293, 231, -26, 198, 87}
s.add(400)
print(s, sorted(s) == sorted({90, 143, 293, 231, -26, 198, 87, 400}))
print(type({1, 2, 3}).__name__, {1, 2, 3} | {4}, frozenset({1, 2, 3}))
