/*
 * The python model: the tutorial's own multiprocessing (mp.Process + mp.Queue, mp.Pool().map,
 * mp.Value / mp.Array with a Lock) in the kernels' python.py, run by python3 through
 * bin/pk-python, which speaks pk-run's command line and result line. pk-run never runs it, so
 * it has no in-process hook; only when named (-m python), as the kernels it has are few.
 */
#include "case.h"

const struct pk_model_desc pk_model_python = {
    .name = "python",
    .runner = PK_RUNNER_INTERPRETER,
    .facts = {.process_workers = true, .local = PK_LOCAL_ALL, .on_request = true},
    .source = "python.py",
    .program = "pk-python",
    .interpreter = "python3",
    .interpreter_env = "PK_PYTHON",
};
