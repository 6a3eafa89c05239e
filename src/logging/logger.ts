import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import pretty from 'pino-pretty';
import { LogFormat, LogLevel } from '../config/configuration';
import { requestContext } from './request-context';

/** LOG_FORMAT when it is set; else readable lines on a terminal and JSON for everything else. */
export function effectiveLogFormat(format: LogFormat | undefined, terminal = Boolean(process.stdout.isTTY)): LogFormat {
  return format ?? (terminal ? 'text' : 'json');
}

/**
 * Lectern's one logger: Nest's messages, Fastify's and a line per request go through it. `json`
 * writes one JSON object a line on standard output, the shape log collectors read; `text` writes
 * the same lines for a person (pino-pretty, in this process). A line written while a request is
 * handled carries the request's id as `reqId`.
 */
export function lecternLog(level: LogLevel, format: LogFormat): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'lectern' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: (line, _level, logger) => {
      const context = requestContext.getStore();
      // Fastify's own request loggers are bound to the id already; a line that names it keeps it.
      if (!context || 'reqId' in line || 'reqId' in logger.bindings()) return {};
      return { reqId: context.reqId };
    },
  };
  // Synchronous, so the last lines before an exit are never lost.
  if (format === 'json') return pino(options, pino.destination({ dest: 1, sync: true }));
  return pino(
    options,
    pretty({
      destination: 1,
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,service,context,reqId,method,url,status,responseTime,ip',
      messageFormat: readableMessage,
    }),
  );
}

/** `[context] message [request id]`; a request's line as `GET /path 200 1.2 ms`. */
function readableMessage(line: Record<string, unknown>, messageKey: string): string {
  const context = line.context ? `[${String(line.context)}] ` : '';
  const message =
    line.method !== undefined && line.status !== undefined
      ? `${String(line.method)} ${String(line.url)} ${String(line.status)} ${String(line.responseTime)} ms`
      : String(line[messageKey] ?? '');
  return `${context}${message}${line.reqId ? ` [${String(line.reqId)}]` : ''}`;
}

/** Nest's own messages (start-up, errors) through the pino logger, with the class they come from as `context`. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }

  error(message: unknown, stackOrContext?: string, context?: string): void {
    // Nest passes (message, stack, context), or (message, context) when there is no stack.
    const stack = context !== undefined ? stackOrContext : undefined;
    this.write('error', message, context ?? stackOrContext, stack);
  }

  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }

  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }

  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }

  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: pino.Level, message: unknown, context?: string, stack?: string): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }
}
