# Uncaught: an attribute typo on None; 3.11 suggests the closest name from dir(None).
def find(items, key):
    for item in items:
        if item[0] == key:
            return item
    return None

hit = find([("a", 1)], "a")
print(hit, hit.__class__.__name__)
miss = find([("a", 1)], "b")
print(miss)
print(miss.__code__)
