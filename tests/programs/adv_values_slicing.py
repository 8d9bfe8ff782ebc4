# Slicing with negative steps, out-of-range bounds, empty results, slice objects.
s = "abcdefgh"
L = list(range(8))
print(s[::-1], s[::-2], s[-1:-4:-1], s[5:1:-1], s[1:5:-1], s[:-1:-1], s[-100:100])
print(s[100:], s[:-100], s[3:3], s[6:2], s[-3:], s[:-3], s[::3], s[1::3], s[-2::-3])
print(L[::-1], L[-3::-1], L[:2:-1], L[10:0:-2], L[-10:], L[::100], L[7:-9:-3])
t = tuple(L)
print(t[1:3], t[::-4], type(t[1:2]).__name__, t[5:2])
r = range(0, 20, 3)
print(r[2:5], r[::-1], r[::2], list(r[-2:]), r[-1], r[10:], len(r[1:-1]))
sl = slice(1, None, 2)
print(sl, sl.start, sl.stop, sl.step, s[sl], L[sl], slice(5), slice(None))
print(slice(-1, None, -1).indices(8), slice(None, None, -1).indices(5), slice(2, 100).indices(5))
print(s[slice(None, None, -3)], L[slice(-2, None)], "x"[5:], [][::-1], ()[1:])
m = list("abcdef")
m[::-2] = "XYZ"
print(m)
m[1:4] = []
print(m)
nested = [[1, 2], [3, 4]]
copy = nested[:]
copy[0].append(99)
copy[1] = "replaced"
print(nested, copy)
print(s[True:], L[False:True], s[-0:2], s[2:-0])
