v = f"\n{x}\t"
w = f"{a if b else c}" f"{a!=b}" f"{a<=b}" f"{a == b}"
