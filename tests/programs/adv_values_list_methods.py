# list methods, in-place vs new-list operators, slice assignment and their errors.
a = [3, 1, 2]
b = a
a += [4]
print(a, b, a is b)
a = a + [5]
print(a, b, a is b)
b *= 2
print(b, b * 0, [0] * 3, [[]] * 2)
c = [1, 2, 3]
c.insert(0, "first")
c.insert(-1, "before last")
c.insert(100, "end")
c.insert(-100, "start")
print(c)
print(c.pop(), c.pop(0), c.pop(-2), c)
c.extend("xy")
c.extend(range(2))
c.append([9])
print(c, c.index("x"), c.index(0, 3), c.count(2), c.count([9]))
c.remove("x")
print(c, len(c))
d = [5, 3, 5, 1]
d.reverse()
print(d, d.copy() is d, d.copy() == d)
d.clear()
print(d)
e = list(range(10))
e[2:5] = ["a"]
print(e)
e[1:1] = [7, 7, 7]
print(e)
e[::3] = "WXYZ"
print(e)
del e[::2]
print(e)
try:
    e[::2] = [1, 2]
except ValueError as err:
    print(type(err).__name__, err)
f = [1, 2, 3]
f[5:] = [4]
f[-100:1] = []
print(f)
g = [1, 2]
g.append(g)
print(g, len(g))
try:
    [].index(1)
except ValueError as err:
    print(type(err).__name__, err)
