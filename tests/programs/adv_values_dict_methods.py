# dict: insertion order after delete/reinsert, views, merges, fromkeys sharing, mutation errors.
d = {"b": 1, "a": 2, "c": 3}
del d["b"]
d["b"] = 4
d["a"] = 5
print(d, list(d), list(d.values()), list(d.items()))
keys = d.keys()
d["z"] = 0
print(keys, len(keys), "z" in keys, keys & {"a", "q"}, sorted(keys | {"y"}), sorted(keys - {"a"}))
print(d.get("q"), d.get("q", "dflt"), d.setdefault("a", 99), d.setdefault("n", []), d)
print(d.pop("n"), d.pop("missing", "default"), d.popitem(), d)
try:
    d.pop("missing")
except KeyError as e:
    print(type(e).__name__, e)
shared = dict.fromkeys(["x", "y"], [])
shared["x"].append(1)
print(shared, dict.fromkeys("ab"), dict.fromkeys(range(3), 0))
m = {"a": 1} | {"b": 2, "a": 3}
m |= [("c", 4)]
print(m, {**m, "a": "last"}, dict(m, b="kw"), dict(zip("xy", [1, 2])))
print({1: "int", 1.0: "float", True: "bool"}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
d2 = {}
d2[2] = "two"
d2[1] = "one"
d2.update({2: "TWO", 3: "three"}, four=4)
print(d2, list(reversed(d2)), min(d2, key=str), sorted(d2.items(), key=lambda kv: str(kv[1])))
try:
    for k in d2:
        d2[str(k)] = k
except RuntimeError as e:
    print(type(e).__name__, e)
selfref = {"me": None}
selfref["me"] = selfref
print(selfref, {1: [1, {2: (3,)}]})
print(d2.keys() == {1, 2, 3, 4, "1"} or sorted(map(str, d2.keys())), len(d2))
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
