"""The workers of pk-python's models: the team that the reps reuse (a pool or a crew), their
placement (--bind), their test faults (PK_FAULT), and a watch on them while the parent waits.

Worker processes start with the 'fork' method, named explicitly (Python 3.14 makes forkserver
Linux's default): they start in milliseconds and inherit the inputs and the shared Value,
Array and Lock made at setup, as pk-run's fork pool inherits its arena; 'spawn' would pickle
them and re-import the runner in every worker. python-threads uses the same code on
threading.Thread, multiprocessing.pool.ThreadPool and queue.Queue.
"""
import multiprocessing as mp
import multiprocessing.pool
import os
import queue
import signal
import threading
import time

POLL_S = 0.05  # how often a waiting parent checks that its workers are still alive
FORK = mp.get_context("fork")

class RunError(Exception):
    """The configuration could not run (a worker died or raised): status error."""


FAULT = None  # the fault in force: set by main() before any worker exists, inherited by fork


def fault_worker(w, task, processes):
    """Worker w before its task-th task: carries out crash, abort, exit or hang (processes only)."""
    f = FAULT
    if not processes or not f or f["worker"] != w or f["task"] != task:
        return
    if f["kind"] == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif f["kind"] == "abort":
        os.abort()
    elif f["kind"] == "exit":
        os._exit(3)
    elif f["kind"] == "hang":
        while True:
            signal.pause()


def cpu_text(cpus):
    """A CPU set as pk_bind_current writes it: "0-3,6"."""
    out, cpus = [], sorted(cpus)
    for c in cpus:
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return ",".join("%d-%d" % (lo, hi) if hi > lo else "%d" % lo for lo, hi in out) or "?"


ALLOWED = sorted(os.sched_getaffinity(0))


def place(w, p, bind, processes):
    """Worker start: default signals (a pool dies quietly when pk stops the runner), its death
    with the runner (a process), pinning as pk_bind_worker does, and its CPUs as read back."""
    if processes:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        try:
            import ctypes
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if bind != "none" and ALLOWED:
        k = w % len(ALLOWED) if bind == "close" else w * len(ALLOWED) // p % len(ALLOWED)
        os.sched_setaffinity(0, {ALLOWED[k]})
    return cpu_text(os.sched_getaffinity(0))


def alive(pid):
    """True unless process pid is gone or a zombie (a pool reaps a dead worker at its leisure)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rpartition(")")[2].split()[0] not in ("Z", "X")
    except OSError:
        return False


# Pool workers: the pool's initializer numbers and places each; tasks count for PK_FAULT.
_pool_worker = {"processes": False}  # set in each pool worker by its initializer


def _pool_init(counter, ready, p, bind, processes):
    with counter.get_lock():
        w, counter.value = counter.value, counter.value + 1
    cpus = place(w, p, bind, processes)
    _pool_worker.update(processes=processes)
    fault_worker(w, 1, processes)
    ready.put((w, os.getpid(), cpus))


def _pool_task(job):
    """Item k of the pool's task-th map; PK_FAULT's worker W is whoever runs item W (a pool
    deals its items to whichever worker is free: that is deterministic, a worker is not)."""
    fn, item, k, task = job
    fault_worker(k, task, _pool_worker["processes"])
    return fn(item)


def _crew_worker(w, p, bind, processes, inbox, outbox):
    """A Process + Queue worker: places itself, then runs (k, fn, item) messages until None."""
    cpus = place(w, p, bind, processes)
    fault_worker(w, 1, processes)
    outbox.put(("ready", w, (os.getpid(), cpus)))
    task = 1
    while True:
        msg = inbox.get()
        if msg is None:
            return
        k, fn, item = msg
        task += 1
        fault_worker(w, task, processes)
        try:
            outbox.put(("done", k, fn(item)))
        except Exception as e:  # the parent reports it as the configuration's error
            outbox.put(("fail", k, "%s: %s" % (type(e).__name__, e)))


class Team:
    """p workers that the reps reuse: style 'pool' (mp.Pool / ThreadPool .map) or 'crew' (one
    mp.Process / threading.Thread each with its own inbox Queue, results on one Queue); None
    for a kernel that creates its own workers in the rep (spawn). The same calls for both
    models: only the classes differ."""

    def __init__(self, style, p, threads, bind, drop):
        self.style, self.p, self.threads, self.bind, self.drop = style, p, threads, bind, drop
        self.processes = not threads
        self.Worker = threading.Thread if threads else FORK.Process
        self.Queue = queue.Queue if threads else FORK.Queue
        self.pool, self.crew, self.pids, self.cpus, self.task = None, [], [], [], 1

    def blocks(self, n):
        """pk_partition_block: floor(n/p) each, one more for the first n % p; PK_FAULT=drop
        takes the last item of the last worker's block (the wrong variant every check catches)."""
        base, extra, out = n // self.p, n % self.p, []
        for w in range(self.p):
            lo = w * base + min(w, extra)
            out.append((lo, lo + base + (w < extra) - (self.drop and w == min(n, self.p) - 1)))
        return out

    def start(self):
        if self.style == "pool":
            ready = self.Queue()
            args = (FORK.Value("i", 0), ready, self.p, self.bind, self.processes)
            cls = multiprocessing.pool.ThreadPool if self.threads else FORK.Pool
            self.pool = cls(self.p, initializer=_pool_init, initargs=args)
            got = [self._wait(ready) for _ in range(self.p)]
            if max(w for w, _, _ in got) >= self.p:  # the pool replaced a worker that died
                raise RunError("a pool worker died while it started (the pool replaced it)")
        elif self.style == "crew":
            self.outbox = self.Queue()
            for w in range(self.p):
                inbox = self.Queue()
                args = (w, self.p, self.bind, self.processes, inbox, self.outbox)
                t = self.Worker(target=_crew_worker, args=args, daemon=True)
                t.start()
                self.crew.append((t, inbox))
            got = [(m[1],) + m[2] for m in (self._wait(self.outbox) for _ in range(self.p))]
        else:
            return
        got.sort()
        self.pids = [pid for _, pid, _ in got]
        self.cpus = [cpus for _, _, cpus in got]

    def _check(self):
        """Raises RunError if a worker process has died."""
        if self.threads:
            return
        for w, (t, _) in enumerate(self.crew):
            code = t.exitcode
            if code is not None:
                how = "by signal %d" % -code if code < 0 else "with status %d" % code
                raise RunError("worker %d (pid %d) ended %s" % (w, t.pid, how))
        for w, pid in enumerate(self.pids if self.pool else []):
            if not alive(pid):
                raise RunError("pool worker %d (pid %d) died" % (w, pid))

    def _wait(self, q):
        """q.get(), checking every POLL_S that the workers live."""
        while True:
            try:
                return q.get(timeout=POLL_S)
            except queue.Empty:
                self._check()

    def map(self, fn, items):
        """[fn(item) for item in items], run by the workers; results in item order."""
        if self.pool:
            self.task += 1  # task 1 placed the workers
            jobs = [(fn, x, k, self.task) for k, x in enumerate(items)]
            res = self.pool.map_async(_pool_task, jobs, chunksize=1)
            while True:
                try:
                    return res.get(timeout=POLL_S)
                except mp.TimeoutError:
                    self._check()
                except Exception as e:
                    raise RunError("a worker raised %s: %s" % (type(e).__name__, e)) from None
        for k, x in enumerate(items):
            self.crew[k % self.p][1].put((k, fn, x))
        out = [None] * len(items)
        for _ in items:
            tag, k, value = self._wait(self.outbox)
            if tag == "fail":
                raise RunError("worker %d raised %s" % (k % self.p, value))
            out[k] = value
        return out

    def close(self, kill):
        """Stops the workers: politely after a good run; at once on an error or a signal, when
        the caller then leaves with os._exit (a dead pool worker may hold the pool's queue lock,
        on which Pool.terminate and its exit handler would wait for ever)."""
        if kill:
            if self.processes:
                kill_children()
            return  # the pool object stays: dropped, its finaliser would wait on that lock
        if self.pool:
            self.pool.close()
            self.pool.join()
            self.pool = None
        for t, inbox in self.crew:
            inbox.put(None)
        for t, _ in self.crew:
            t.join()
        self.crew = []


def children():
    """The pids of this process's children (/proc: ppid is field 4 of stat)."""
    me, out = os.getpid(), []
    for d in os.listdir("/proc"):
        try:
            with open("/proc/%s/stat" % d) as f:
                if d.isdigit() and int(f.read().rpartition(")")[2].split()[1]) == me:
                    out.append(int(d))
        except (OSError, ValueError, IndexError):
            pass
    return out


def kill_children():
    """SIGKILLs and reaps every child, again until none is left: a pool replaces a dead worker
    every 0.1 s. (Each worker also dies with the runner: PR_SET_PDEATHSIG, in place().)"""
    while True:
        pids = children()
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass  # the pool's own thread reaped it first
        time.sleep(2 * POLL_S)
