# Sorting: stability, keys, reverse, in-place vs sorted.
people = [("ann", 30), ("bob", 25), ("cy", 30), ("dee", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
by_age = sorted(people, key=lambda p: p[0], reverse=True)
by_age.sort(key=lambda p: p[1])
print(by_age)
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs)
print(nums)
print(sorted(nums), nums)
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(set(words), key=lambda w: (len(w), w)))
print(sorted([[3, 1], [2, 9], [3, 0]]), sorted("Hello World"), sorted([True, False, 0, 1]))
result = nums.sort()
print(result, sorted([]), sorted((3, 2, 1)))
