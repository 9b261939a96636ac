/** The command line: `run(argv, io)` returns the exit code; `bin/cpts` calls it with the process's I/O. */
export { run } from "./main.js";
export { processIo, type Io } from "./io.js";
