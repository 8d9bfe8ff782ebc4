# UnboundLocalError: any assignment anywhere in the body makes a name local.
x = 10

def read_then_write():
    print(x)
    x = 20

def augmented():
    x += 1

def only_in_dead_branch():
    if False:
        x = 1
    return x

def in_loop_later():
    out = []
    for i in range(3):
        if i == 1:
            out.append(x)
        x = i
    return out

def del_makes_local():
    if x:
        del x

def for_target():
    print(x)
    for x in range(2):
        pass

def except_target():
    print(x)
    try:
        pass
    except Exception as x:
        pass

for fn in (read_then_write, augmented, only_in_dead_branch, del_makes_local, for_target,
           except_target):
    try:
        fn()
    except UnboundLocalError as e:
        print(fn.__name__, type(e).__name__, isinstance(e, NameError), e)
print(in_loop_later())

def import_makes_local():
    print(functools)
    import functools

try:
    import_makes_local()
except NameError as e:
    print(type(e).__name__, e)
