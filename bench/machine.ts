import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

export interface MachineState {
  at: string;
  cpus: number;
  /** 1, 5 and 15 minute load averages, as `uptime` prints them. */
  loadAverage: number[];
  /** Other processes using CPU right now (from `ps`), busiest first: they share the 2 cores with the benchmark. */
  busy: { pid: number; cpuPercent: number; command: string }[];
}

/** What else the machine is doing, so the figures can be read in their context. */
export function machineState(ownPids: number[] = []): MachineState {
  let busy: MachineState['busy'] = [];
  try {
    // %CPU from ps is averaged over each process's life; top's one-shot sample is what is busy now.
    const top = execFileSync('top', ['-b', '-c', '-n', '2', '-d', '1', '-w', '200'], { encoding: 'utf8' });
    const lastSample = top.slice(top.lastIndexOf('PID USER'));
    busy = lastSample
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields.length >= 12)
      .map((fields) => ({ pid: Number(fields[0]), cpuPercent: Number(fields[8]), command: fields.slice(11).join(' ').slice(0, 120) }))
      .filter((p) => p.cpuPercent >= 5 && p.pid !== process.pid && !ownPids.includes(p.pid) && !p.command.startsWith('top '));
  } catch {
    // No top: the load average still says whether the machine was quiet.
  }
  return { at: new Date().toISOString(), cpus: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100), busy };
}

export function describeMachine(state: MachineState): string {
  const others = state.busy.length
    ? state.busy.map((p) => `${p.command} (pid ${p.pid}, ${p.cpuPercent}% CPU)`).join('; ')
    : 'none above 5% CPU';
  return `${state.cpus} CPUs, load average ${state.loadAverage.join(' / ')}; other busy processes: ${others}`;
}
