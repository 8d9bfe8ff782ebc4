# Identity: id() equality, is, and equality of functions.
def make():
    def inner():
        return 1
    return inner


a = make()
b = make()
same = a
print(id(a) == id(same), id(a) == id(b), a is same, a is b)
print(a == same, a == b, a != b)
lst = [1, 2]
alias = lst
copy = list(lst)
print(id(lst) == id(alias), id(lst) == id(copy), lst == copy)
print(id(make) == id(make), make is make)
d = {a: "a", b: "b"}
print(len(d), d[a], d[same])
print(len({a, b, same}), a in [b], a in [same])
x = None
print(x is None, id(None) == id(x))
