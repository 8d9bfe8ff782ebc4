# Uncaught: TypeError from adding incompatible types inside a reduce-like loop.
def join_all(parts):
    out = parts[0]
    for p in parts[1:]:
        out = out + p
        print("joined", repr(out))
    return out


print(join_all(["a", "b"]))
print(join_all([1, 2, 3]))
join_all(["count: ", 3])
