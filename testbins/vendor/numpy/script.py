# numpy from its manylinux wheel (the folder given as argv[1]): arrays,
# reductions, LAPACK through the bundled OpenBLAS (threads), the random
# generator, FFT and a matrix product. Printed rounded, so the output is
# the same wherever the last bit of a float may differ.
import sys

sys.path.insert(0, sys.argv[1])
import numpy as np

a = np.arange(12, dtype=np.float64).reshape(3, 4)
print("sum", a.sum(), "mean", a.mean(axis=0).tolist())
m = np.array([[2.0, 1.0], [1.0, 3.0]])
print("det", round(float(np.linalg.det(m)), 6), "solve", np.linalg.solve(m, [1.0, 2.0]).round(6).tolist())
print("eigvalsh", np.linalg.eigvalsh(m).round(6).tolist())
print("sort", np.sort(np.array([3, 1, 2])).tolist(), "exp", np.exp(np.array([0.0, 1.0])).round(6).tolist())
print("normal", np.random.default_rng(42).standard_normal(5).round(6).tolist())
print("fft", np.fft.fft(np.array([1.0, 0.0, 0.0, 0.0])).real.tolist())
b = np.ones((300, 300))
print("matmul trace", float((b @ b).trace()))
print("strings", np.char.upper(np.array(["musl", "glibc"])).tolist())
