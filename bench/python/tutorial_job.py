"""The tutorial's Queue job, timed: the outside reference for pk's polysum.

job() sums i + i**2 + i**3, written as the tutorial writes it. This program runs the same
sum over range(n) that pk's polysum computes, three ways, as the tutorial's "Threading v.s.
Multiprocessing" section does:
  serial     one call of job in this process
  threads    two threading.Thread, each summing half of the range, partials through mp.Queue
  processes  two mp.Process, the same halves, partials through mp.Queue
(The tutorial gives each worker the whole range, which doubles the work instead of sharing it;
here the two workers split it, so all three compute exactly pk's sum.) A rep is timed from
before the workers are made until both partials are read, as the tutorial times it. Every rep
is checked against the closed form. Prints one reference line per way:
  python,job-WAY,WORKERS,N,median,min,max,REPS,s
Usage: python3 tutorial_job.py N REPS
"""
import multiprocessing as mp
import statistics
import sys
import threading as td
import time


def job(q, lo, hi):
    res = 0
    for i in range(lo, hi):
        res += i + i**2 + i**3
    q.put(res)


def closed_form(n):
    m = n - 1
    a = m * (m + 1) // 2
    b = m * (m + 1) * (2 * m + 1) // 6
    return a + b + a * a


def serial(n):
    q = mp.Queue()
    job(q, 0, n)
    return q.get()


def split(n, make):
    q = mp.Queue()
    workers = [make(target=job, args=(q, 0, n // 2)), make(target=job, args=(q, n // 2, n))]
    for w in workers:
        w.start()
    res = q.get() + q.get()  # read before join: a Process with queued data may not exit first
    for w in workers:
        w.join()
    return res


WAYS = [
    ("serial", 1, serial),
    ("threads", 2, lambda n: split(n, td.Thread)),
    ("processes", 2, lambda n: split(n, mp.Process)),
]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: tutorial_job.py N REPS")
    n, reps = int(float(sys.argv[1])), int(sys.argv[2])
    want = closed_form(n)
    for name, workers, way in WAYS:
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            got = way(n)
            times.append(time.perf_counter() - t0)
            if got != want:
                sys.exit(f"tutorial_job: {name} summed {got}, expected {want}")
        print(f"python,job-{name},{workers},{n},{statistics.median(times):.6g},"
              f"{min(times):.6g},{max(times):.6g},{reps},s", flush=True)


if __name__ == "__main__":
    main()
