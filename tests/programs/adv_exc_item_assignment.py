# Errors from assigning to / deleting items and attributes of immutable values.
def attempt(label, action):
    try:
        action()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)

def set_str():
    s = "abc"
    s[0] = "x"

def set_tuple():
    t = (1, 2)
    t[0] = 5

def del_tuple():
    t = (1, 2)
    del t[0]

def del_str():
    s = "ab"
    del s[0]

def set_range():
    r = range(3)
    r[0] = 1

def del_missing_key():
    d = {}
    del d["k"]

def del_list_oob():
    l = [1]
    del l[3]

def set_list_oob():
    l = [1]
    l[3] = 0

def set_int_attr():
    x = 5
    x.real = 3

def frozenset_add():
    frozenset().add(1)

for name, fn in list(globals().items()):
    if callable(fn) and name not in ("attempt", "print") and fn.__module__ == "__main__":
        attempt(name, fn)
