l = rf"raw\n{x}" fr'{y}\t'
m = f"{x:}" f"{','.join(a)}" f"{3.14:.2f}"
