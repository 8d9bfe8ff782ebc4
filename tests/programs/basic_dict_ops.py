# dict operations; insertion order survives deletes and re-inserts.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), list(d), list(d.values()), list(d.items()))
del d["b"]
d["b"] = 20
print(d)
d["a"] = 100
print(d)
print(d.get("a"), d.get("zz"), d.get("zz", "default"), "a" in d, 1 in d)
print(d.setdefault("a", 0), d.setdefault("new", []), d)
print(d.pop("new"), d.pop("missing", "none"), d)
d.update({"z": 26, "a": -1})
d.update(y=25)
print(d)
print(d.popitem(), d)
keys = d.keys()
d["late"] = 0
print(keys, "late" in keys)
print(dict(zip("xyz", range(3))), dict([(1, "one"), (2, "two")]), dict(a=1, b=2))
print({k: v * v for k, v in {"p": 2, "q": 3}.items()})
print({1: "int", 1.0: "float overwrites value", True: "bool too"})
e = {"x": 1} | {"y": 2, "x": 3}
print(e, {**e, "w": 0}, dict.fromkeys([3, 1, 2], 0))
nested = {"list": [1, 2], "dict": {"inner": (1,)}, "none": None, 5: "int key"}
print(nested)
print(sorted({3: "c", 1: "a", 2: "b"}.items()), {} == dict(), {"a": 1} == {"a": 1.0})
m = {i: i * i for i in range(6)}
for k in [0, 2, 4]:
    del m[k]
m[0] = "back"
print(m, list(reversed(m)))
c = m.copy()
c.clear()
print(c, m.get(5))
