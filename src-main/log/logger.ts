/**
 * One logger factory with named scopes and redaction. Secrets never reach a log line: values of
 * keys that look secret are replaced, and every secret value the vault knows about is scrubbed
 * from messages and fields wherever it appears.
 */
import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A child logger whose scope is `parent:child`. */
  child(scope: string): Logger;
}

export interface LogRecord {
  time: string;
  level: LogLevel;
  scope: string;
  message: string;
  fields?: Record<string, unknown>;
}

export type LogSink = (record: LogRecord) => void;

const SECRET_KEY = /pass(word)?|token|secret|api[-_]?key|authorization|cookie|credential/i;
export const REDACTED = '[redacted]';

/** Secret values registered at run time (passwords, tokens) to scrub from any log text. */
export class SecretRegistry {
  private readonly values = new Set<string>();
  add(value: string | undefined | null): void {
    // Very short values would scrub ordinary words; real secrets are longer.
    if (value && value.length >= 4) this.values.add(value);
  }
  delete(value: string): void {
    this.values.delete(value);
  }
  scrub(text: string): string {
    let out = text;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }
}

/** Deep copy of `value` with secret-looking keys and registered secret values redacted. */
export function redact(value: unknown, secrets?: SecretRegistry, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (typeof value === 'string') return secrets ? secrets.scrub(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message, secrets, depth + 1) };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null && v !== '' ? REDACTED : redact(v, secrets, depth + 1);
  }
  return out;
}

export interface LoggerOptions {
  level?: LogLevel;
  sinks?: LogSink[];
  secrets?: SecretRegistry;
}

export function createLogger(scope: string, options: LoggerOptions = {}): Logger {
  const minLevel = LEVEL_ORDER[options.level ?? 'info'];
  const sinks = options.sinks ?? [consoleSink];
  const secrets = options.secrets;
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LEVEL_ORDER[level] < minLevel) return;
    const record: LogRecord = {
      time: new Date().toISOString(),
      level,
      scope,
      message: secrets ? secrets.scrub(message) : message,
    };
    if (fields) record.fields = redact(fields, secrets) as Record<string, unknown>;
    for (const sink of sinks) sink(record);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (child) => createLogger(`${scope}:${child}`, options),
  };
}

export const consoleSink: LogSink = (r) => {
  const line = `${r.time} ${r.level.toUpperCase()} [${r.scope}] ${r.message}${r.fields ? ' ' + JSON.stringify(r.fields) : ''}`;
  if (r.level === 'error' || r.level === 'warn') console.error(line);
  else console.log(line);
};

/** Appends JSON lines to `<dir>/app.log`; synchronous so a crash loses nothing already logged. */
export function fileSink(dir: string): LogSink {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'app.log');
  return (r) => {
    const line = JSON.stringify(r) + '\n';
    try {
      fs.appendFileSync(file, line);
    } catch {
      // Logging must never break the work it records: if the folder went away, make it again
      // once; if the disk refuses, the line is dropped.
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.appendFileSync(file, line);
      } catch {
        /* dropped */
      }
    }
  };
}

/** A logger that records nothing; for tests and tools that do not care. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
