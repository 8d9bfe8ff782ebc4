# Slicing strings, lists, tuples and ranges.
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[-2:-6:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:2], s[:100] == s)
lst = list(range(10))
print(lst[3:7], lst[::-2], lst[8:2:-2], lst[-1:], lst[:0])
lst[2:4] = ["a", "b", "c"]
print(lst)
lst[::3] = [None] * len(lst[::3])
print(lst)
del lst[1:3]
print(lst)
t = (0, 1, 2, 3, 4)
print(t[1:3], t[::-1], t[4:10])
r = range(0, 20, 2)
print(r[2:5], list(r[::-3]))
word = "slice"
print(word[0], word[-1], word[len(word) // 2], word[1:-1])
m = [[1, 2, 3], [4, 5, 6]]
print([row[1:] for row in m], m[::-1], m[1][::-1])
