/**
 * How `desk` speaks: human text by default, one JSON object (or one per line for streams) with
 * `--json`; progress always on stderr so stdout stays clean for a pipe; errors as one line.
 */
export interface Output {
  readonly json: boolean;
  /** The command's result: `human` for people, `data` for machines. */
  result(data: unknown, human: () => string): void;
  /** One record of a stream (one JSON line each with --json). */
  line(data: unknown, human: () => string): void;
  progress(message: string): void;
}

export function createOutput(json: boolean, streams = { out: process.stdout, err: process.stderr }): Output {
  return {
    json,
    result(data, human) {
      streams.out.write(json ? `${JSON.stringify(data)}\n` : `${human()}\n`);
    },
    line(data, human) {
      streams.out.write(json ? `${JSON.stringify(data)}\n` : `${human()}\n`);
    },
    progress(message) {
      streams.err.write(`${message}\n`);
    },
  };
}

/** An error the command line reports as it is: a bad argument, a refused call. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, 2);
