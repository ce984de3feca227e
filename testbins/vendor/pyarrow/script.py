# pyarrow from its manylinux wheel (the folder given as argv[1]): Arrow's
# C++ libraries (jemalloc with its background thread, the CPU thread pool)
# build a table, compute over it, write it as Parquet into memory and read
# it back; then the interpreter exits with those threads alive, which must
# end the process as under glibc (the vendor test runs it several times).
import sys

sys.path.insert(0, sys.argv[1])
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

n = 200_000
t = pa.table({"a": pa.array(range(n), pa.int64()), "b": pc.cast(pc.divide(pa.array(range(n)), 7), pa.string())})
print("sum", pc.sum(t["a"]).as_py(), "distinct", pc.count_distinct(t["b"]).as_py())
g = t.group_by("b").aggregate([("a", "sum")]).sort_by("b")
print("groups", g.num_rows, "first", g.slice(0, 1).to_pylist())
print("sorted", pc.take(t["a"], pc.sort_indices(t, sort_keys=[("a", "descending")]))[:3].to_pylist())
sink = pa.BufferOutputStream()
pq.write_table(t, sink, row_group_size=50_000)
back = pq.read_table(pa.BufferReader(sink.getvalue()), use_threads=True)
print("parquet round trip", back.num_rows, "rows, equal:", back.equals(t))
print("memory pool", pa.default_memory_pool().backend_name)
