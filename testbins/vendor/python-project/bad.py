import os, sys
def f(x):
  if x == None:
      return undefined_name
  l = lambda: 0
  return  x
