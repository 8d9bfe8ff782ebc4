j = f"{a['k']}" f'{b["k"]}'
k = f"""multi
{x +
  y}
line {z}"""
