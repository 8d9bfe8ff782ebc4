# globals() is the module namespace: writing to it creates names functions can see.
def reader():
    return dynamic

globals()["dynamic"] = "made via globals()"
print(reader())

def setter(name, value):
    globals()[name] = value

setter("dynamic", 42)
print(reader(), dynamic)
print("reader" in globals(), "setter" in globals(), "nonexistent" in globals())
print(globals()["__name__"], __name__)

def local_view(a, b=2):
    c = a + b
    return sorted(locals().items())

print(local_view(1))

def closure_locals():
    outer_var = "o"
    def inner():
        x = 1
        return sorted(locals())
    def inner2():
        x = outer_var
        return sorted(locals())
    return inner(), inner2()

print(closure_locals())
del globals()["dynamic"]
try:
    reader()
except NameError as e:
    print(type(e).__name__, e)
print(type(globals()).__name__, globals() is globals())
