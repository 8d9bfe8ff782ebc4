# Global inline caches (jit/global_cache.h): shadowing and unshadowing builtins, deletion,
# resizes of the globals, popitem, a patched builtins module.
def show():
    return len([1, 2, 3])
print(show())
def len(x):
    return 42
print(show())
del len
print(show())
x = 1
def getx():
    return x
for i in range(3):
    print(getx())
    x += 1
# force resize of globals with many new names
for i in range(100):
    globals()['g%d' % i] = i
print(getx(), g57)
del x
try:
    getx()
except NameError as e:
    print("NameError", e)
x = 'back'
print(getx())
def setter(v):
    global y
    y = v
setter(1); print(y); setter(2); print(y)
del y
setter(3); print(y)
k, v = globals().popitem()
print(k, v)
def getlast():
    return g99
try:
    print(getlast())
except NameError as e:
    print("NameError", e)
globals()['g99'] = 'again'
print(getlast())
import builtins
def useabs():
    return abs(-3)
print(useabs())
builtins.abs = lambda v: 'patched'
print(useabs())
abs = lambda v: 'global'
print(useabs())
del abs
print(useabs())
del builtins.abs
try:
    useabs()
except NameError as e:
    print("NameError", e)
