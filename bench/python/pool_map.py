"""The tutorial's Pool.map of squares, timed: the outside reference for pk's square kernel.

job(x) returns x*x, as in the tutorial; pool.map(job, range(n)) returns the squares in input
order, which is what pk's square computes. The pool is made once, before the timed reps (pk's
fork pool is made outside its timed region too), and its start-up is reported apart. Every
rep is checked: n results, in order (the sum of squares against its closed form and the last
element). Prints reference lines:
  python,poolmap,WORKERS,N,median,min,max,REPS,s
  python,pool-start,WORKERS,0,seconds,seconds,seconds,1,s
Usage: python3 pool_map.py N REPS WORKERS
"""
import multiprocessing as mp
import statistics
import sys
import time


def job(x):
    return x * x


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: pool_map.py N REPS WORKERS")
    n, reps, workers = int(float(sys.argv[1])), int(sys.argv[2]), int(sys.argv[3])
    want = (n - 1) * n * (2 * n - 1) // 6
    t0 = time.perf_counter()
    pool = mp.Pool(processes=workers)
    pool.map(job, range(workers))  # the workers are running once this returns
    start = time.perf_counter() - t0
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        res = pool.map(job, range(n))
        times.append(time.perf_counter() - t0)
        if len(res) != n or sum(res) != want or res[-1] != (n - 1) ** 2:
            sys.exit("pool_map: wrong squares")
    pool.close()
    pool.join()
    print(f"python,poolmap,{workers},{n},{statistics.median(times):.6g},"
          f"{min(times):.6g},{max(times):.6g},{reps},s")
    print(f"python,pool-start,{workers},0,{start:.6g},{start:.6g},{start:.6g},1,s", flush=True)


if __name__ == "__main__":
    main()
