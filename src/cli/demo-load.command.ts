import { Command, CommandRunner, Help } from 'nest-commander';
import { DemoLoader } from '../demo/demo-loader.service';
import { examples } from './usage';

@Command({ name: 'demo:load', description: 'Load the demo programme (four conferences); safe to run again' })
export class DemoLoadCommand extends CommandRunner {
  constructor(private readonly demo: DemoLoader) {
    super();
  }

  async run(): Promise<void> {
    const reports = await this.demo.load(undefined, (report) =>
      console.log(
        report.loaded
          ? `  loaded   ${report.conference}: ${report.sessions} sessions, ${report.interviews} interviews`
          : `  present  ${report.conference} (left as it is)`,
      ),
    );
    console.log(`Demo programme ready: ${reports.length} conferences.`);
  }

  @Help('after')
  examples(): string {
    return examples('npm run cli -- demo:load', 'SQLITE_PATH=data/demo.sqlite npm run cli -- demo:load');
  }
}
