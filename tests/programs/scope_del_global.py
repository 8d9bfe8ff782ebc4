# del of globals from inside functions; reading an undefined global afterwards.
a = 1
b = 2


def drop(name_is_a):
    global a, b
    if name_is_a:
        del a
    else:
        del b


drop(True)
print("b" in globals(), "a" in globals())
try:
    print(a)
except NameError as e:
    print(type(e).__name__, e)
a = "again"
print(a, b)


def use_later():
    return late_global


try:
    use_later()
except NameError as e:
    print(e)
late_global = "now defined"
print(use_later())
