def f(risky):
    try:
        a = risky()
    except ValueError as err:
        b = err
    except Exception:
        c = 3
    else:
        d = a
    finally:
        e = 5
    return locals()
