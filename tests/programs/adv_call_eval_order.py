# Evaluation order: callee expression, positional args, *args, keywords, **kwargs, left to right;
# all of them before the call's own TypeError is raised.
trace = []


def t(tag, value):
    trace.append(tag)
    return value


def target(a, b, *rest, k=None, **kw):
    trace.append("body")
    return a, b, rest, k, kw


def get_target():
    trace.append("callee")
    return target


r = get_target()(t("a", 1), t("b", 2), *t("star", [3]), k=t("k", 4), **t("dstar", {"z": 5}))
print(r)
print(trace)
trace.clear()
try:
    get_target()(t("x", 1), t("y", 2), t("z", 3), a=t("kw", 0))
except TypeError as e:
    print(type(e).__name__, e)
print(trace)
trace.clear()
try:
    t("callee2", None)(t("arg", 1))
except TypeError as e:
    print(type(e).__name__, e)
print(trace)
trace.clear()
d = {}
d[t("key", "k")] = t("value", "v")
print(trace, d)
trace.clear()
t("left", 1) + t("right", 2) * t("r2", 3)
print(trace)
