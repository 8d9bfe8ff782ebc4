x = f"{1} d\N{EM DASH}j\N{cjk unified ideograph-4e00}"
