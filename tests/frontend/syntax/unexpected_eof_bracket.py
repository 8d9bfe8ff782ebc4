foo(
  a,
