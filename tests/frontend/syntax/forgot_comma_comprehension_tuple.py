x = {k: v for k, v v in d.items() if k}
