try:
    raise ValueError("m")
except ValueError as err:
    print("module handler", err)
try:
    err
except NameError as e:
    print(e)
def f1():
    try:
        raise KeyError("k")
    finally:
        return "finally wins"
print(f1())
def f2():
    try:
        return [1 / x for x in [1, 0]]
    except ZeroDivisionError as e:
        return "comp raised " + str(e)
print(f2())
def f3():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError:
            try:
                break
            finally:
                print("fin in handler", i)
    return i
print(f3())
def f4():
    try:
        try:
            raise KeyError(1)
        except undefined_name:
            pass
    except NameError as e:
        print("matching failed:", e, "context:", repr(e.__context__))
f4()
def f5():
    for i in range(2):
        try:
            pass
        finally:
            def inner():
                return i
        print(inner())
f5()
def f6(x):
    try:
        if x:
            return "a"
        else:
            raise ValueError("b")
    except ValueError as e:
        return str(e)
    finally:
        print("f6 fin", x)
print(f6(1), f6(0))
def f7():
    x = 1
    del x
    try:
        del x
    except UnboundLocalError as e:
        print(e)
f7()
def f8():
    e = "before"
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        print(e)
    except UnboundLocalError as u:
        print("unbound after except:", u)
f8()
def f9():
    def h():
        try:
            return 1
        finally:
            print("h fin")
    try:
        return h() + 1
    finally:
        print("f9 fin")
print(f9())
def f10():
    while True:
        try:
            try:
                raise OSError("o")
            except OSError:
                continue
        finally:
            print("f10 fin")
            break
    return "out"
print(f10())
def f11():
    try:
        raise ValueError("first")
    except ValueError as e:
        try:
            raise TypeError("second")
        except TypeError as e2:
            print(repr(e2.__context__))
        try:
            raise
        except ValueError as e3:
            print("restored handled:", e3)
f11()
def f12():
    try:
        try:
            raise ValueError("x")
        except ValueError:
            return "from except"
        finally:
            print("f12 inner fin")
    finally:
        print("f12 outer fin")
print(f12())
x = 0
while x < 5:
    x += 1
    if x == 2:
        continue
    if x == 4:
        break
    print("w", x)
else:
    print("no")
for a, (b, *c) in [(1, (2, 3, 4)), (5, (6,))]:
    print(a, b, c)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
def g(a, b):
    return a - b
print(g(b=1, a=5), g(*[5], **{"b": 2}))
nums = [3, 1, 2]
nums.sort(key=lambda v: -v)
print(nums, sorted(nums, reverse=True))
print(f"{'x'!r} {3:05d} {'{'}")
val = 7
print(f"{val=}")
