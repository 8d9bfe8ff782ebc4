# list methods and operations.
a = [3, 1, 2]
a.append(5)
a.extend([8, 13])
a.insert(0, 0)
a.insert(100, 99)
print(a, len(a))
print(a.pop(), a.pop(0), a)
a.remove(2)
print(a, a.index(5), a.count(1), 13 in a)
a.reverse()
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
b = a[:]
b[1:3] = ["x", "y", "z"]
print(b, a)
del b[0]
del b[::2]
print(b)
print([1, 2] + [3], [0] * 4, [[0] * 2] * 2, [1, 2] < [1, 3], [1, 2] == [1, 2])
nested = [[1, 2], ["a", None], [], [[True]]]
print(nested, len(nested), nested[1][0])
alias = nested[0]
alias.append(3)
print(nested[0], nested[0] is alias)
c = list(range(10))
c[2:8] = []
print(c, c.copy() == c, c.copy() is c)
c.clear()
print(c, list("hi"), sorted([3, -1, 2], key=abs))
print([x for x in [5, 3, 8] if x > 4], [x * 2 for x in range(4)])
