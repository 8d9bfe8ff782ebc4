def t(x):
    print("t", x)
    return x

def f1():
    try:
        return t(1)
    finally:
        print("fin1")

def f2():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("fin", i)
    else:
        print("else")
    return "done"

def f3():
    try:
        try:
            raise ValueError("v")
        finally:
            print("inner fin")
    except ValueError as e:
        print("caught", e)
    try:
        e
    except NameError as n:
        print("e cleared:", n)

def f4():
    for i in range(2):
        try:
            raise KeyError(i)
        finally:
            print("swallow", i)
            continue
    try:
        return 1
    finally:
        return 2

def f5():
    try:
        try:
            1/0
        except ZeroDivisionError:
            raise ValueError("in handler")
    except ValueError as e:
        print(repr(e), repr(e.__context__))
    try:
        try:
            raise KeyError("a")
        finally:
            raise IndexError("b")
    except IndexError as e:
        print(repr(e), repr(e.__context__))

def f6():
    try:
        raise TypeError("x")
    except TypeError:
        try:
            raise
        except TypeError as e2:
            print("reraised", e2)
    try:
        raise
    except RuntimeError as e:
        print("no active:", e)

def f7(n):
    while n > 0:
        try:
            n -= 1
            if n == 1:
                return "early"
        except:
            pass
        finally:
            print("loop fin", n)
    return "late"

def f8():
    try:
        pass
    except ValueError:
        print("no")
    else:
        print("else ran")
    finally:
        print("fin ran")
    try:
        raise ValueError
    except (KeyError, ValueError) as e:
        print("tuple match", type(e).__name__)

def f9():
    r = []
    for x in [1, 2, 3]:
        try:
            try:
                if x == 2:
                    raise KeyError(x)
                r.append(x)
            except KeyError:
                r.append(-x)
                break
            finally:
                r.append(0)
        finally:
            r.append(100)
    return r

print(f1()); print(f2()); f3(); print(f4()); f5(); f6(); print(f7(3)); f8(); print(f9())
try:
    try:
        raise ValueError("outer")
    except ValueError:
        raise KeyError("k") from None
except KeyError as e:
    print(repr(e), e.__cause__, e.__suppress_context__)
