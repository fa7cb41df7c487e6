x = f"{a['k']}" + f'{b["k"]!r:>{width}}' + F"{{}}" + rf"\d{x}"
y = f"""
{x:
  >10}
""" f'{"nested"}'
z = fR'{x}' Rf"{y}" f'''{z}'''
