/*
 * The python-threads model: the python model's code on threading.Thread, a thread pool and
 * queue.Queue (the tutorial's multithread()): p threads under one interpreter lock, so what it
 * shows beside python is the GIL. Same file (python.py), runner and interpreter as python.
 */
#include "case.h"

const struct pk_model_desc pk_model_python_threads = {
    .name = "python-threads",
    .runner = PK_RUNNER_INTERPRETER,
    .facts = {.thread_pool = true, .local = PK_LOCAL_ALL, .on_request = true},
    .source = "python.py",
    .program = "pk-python",
    .interpreter = "python3",
    .interpreter_env = "PK_PYTHON",
};
