import { Presets, SingleBar } from 'cli-progress';

/**
 * A progress bar on a terminal; elsewhere (a log, a pipe, a test) the bar would be noise, so only
 * the lines a command chooses to print are written.
 */
export class ProgressBar {
  private readonly bar = process.stdout.isTTY
    ? new SingleBar(
        { format: `{bar} {percentage}% | {value}/{total} ${this.unit} | {label}`, stream: process.stdout, hideCursor: true },
        Presets.shades_classic,
      )
    : undefined;
  private started = false;

  constructor(private readonly unit: string) {}

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
