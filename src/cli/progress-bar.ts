import { Presets, SingleBar } from 'cli-progress';

/**
 * A progress bar on a terminal; elsewhere (a log, a pipe, a test) the bar would be noise, so only
 * the lines a command chooses to print are written.
 */
export class ProgressBar {
  private readonly bar: SingleBar | undefined;
  private started = false;

  /** On standard output unless told otherwise (a command whose output is a file's or a report may want stderr). */
  constructor(unit: string, stream: NodeJS.WriteStream = process.stdout) {
    this.bar = stream.isTTY
      ? new SingleBar(
          { format: `{bar} {percentage}% | {value}/{total} ${unit} | {label}`, stream, hideCursor: true },
          Presets.shades_classic,
        )
      : undefined;
  }

  get isShown(): boolean {
    return this.bar !== undefined;
  }

  update(value: number, total: number, label = ''): void {
    if (!this.bar) return;
    if (!this.started) {
      this.bar.start(total, value, { label });
      this.started = true;
    }
    this.bar.setTotal(total);
    this.bar.update(value, { label });
  }

  stop(): void {
    if (this.started) this.bar?.stop();
    this.started = false;
  }

  /** A line for readers without a terminal; with a bar, the bar says it. */
  log(line: string): void {
    if (!this.bar) console.log(line);
  }
}
