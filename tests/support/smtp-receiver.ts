import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients, as the SMTP server was told them. */
  recipients: string[];
  parsed: ParsedMail;
}

/**
 * A real SMTP server on a loopback port, for the mail a test's Lectern sends: every message is
 * parsed back with mailparser. `refuse` decides, per message, whether the server answers an error
 * instead of accepting it (a transient 451 by default).
 */
export class SmtpReceiver {
  readonly received: ReceivedMail[] = [];
  /** Messages offered, accepted or refused. */
  offered = 0;
  refuse: (offered: number, raw: string) => string | undefined = () => undefined;
  private server?: SMTPServer;
  private port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.offered++;
          const refusal = this.refuse(this.offered, raw);
          if (refusal) {
            callback(Object.assign(new Error(refusal), { responseCode: 451 }));
            return;
          }
          simpleParser(raw)
            .then((parsed) => {
              this.received.push({ recipients: session.envelope.rcptTo.map((to) => to.address), parsed });
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  /** The messages received so far to this address. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.recipients.includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Waits until `probe` answers something truthy. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  what: string,
  limitMs = 20_000,
): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
