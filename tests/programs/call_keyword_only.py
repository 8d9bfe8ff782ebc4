# Keyword-only parameters after * or *args.
def fetch(url, *, timeout=10, retries):
    return f"{url} timeout={timeout} retries={retries}"


print(fetch("a", retries=1))
print(fetch("b", retries=2, timeout=3))


def gather(*items, sep=", ", end="."):
    return sep.join(str(i) for i in items) + end


print(gather(1, 2, 3))
print(gather(1, 2, 3, sep="|", end="!"))
print(fetch.__kwdefaults__, gather.__kwdefaults__, fetch.__defaults__)
fetch.__kwdefaults__["timeout"] = 99
print(fetch("c", retries=0))
for bad in [lambda: fetch("d"), lambda: fetch("e", 1, 2), lambda: fetch("f", retries=1, tries=2)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
