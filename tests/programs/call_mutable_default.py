# A mutable default is shared between calls.
def append_to(item, target=[]):
    target.append(item)
    return target


a = append_to(1)
b = append_to(2)
print(a, b, a is b)
print(append_to(3, []), append_to(4))
print(append_to.__defaults__)


def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(safe_append(1), safe_append(2))


def count_words(word, seen={}):
    seen[word] = seen.get(word, 0) + 1
    return dict(seen)


for w in ["x", "y", "x"]:
    print(count_words(w))
count_words.__defaults__[0].clear()
print(count_words("z"))
