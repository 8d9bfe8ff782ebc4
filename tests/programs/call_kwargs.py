# **kwargs collects extra keyword arguments into a dict that keeps call order.
def show(**kw):
    print(type(kw).__name__, kw)
    return list(kw)


show()
print(show(b=1, a=2, c=3))
print(show(**{"z": 0, "y": 1}, x=2))


def config(name, **options):
    lines = [name]
    for k, v in options.items():
        lines.append(f"  {k} = {v!r}")
    return "\n".join(lines)


print(config("server", port=80, host="localhost", debug=False))
print(config(name="empty"))


def kw_not_copied(**kw):
    kw["added"] = True
    return kw


d = {"orig": 1}
print(kw_not_copied(**d), d)
print((lambda **k: sorted(k.items()))(q=1, p=2))
