/** A real SMTP server (smtp-server) inside the test process, on 127.0.0.1 and a free port. */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** SMTP envelope recipients (RCPT TO). */
  readonly rcptTo: readonly string[];
  readonly parsed: ParsedMail;
  readonly raw: string;
}

/** What the server replies to the nth DATA (0-based): accept, or an SMTP error code. */
export type DataReply = (
  n: number,
) => 'accept' | { readonly code: number; readonly message: string };

export interface SmtpPeer {
  readonly port: number;
  readonly mails: ReceivedMail[];
  /** How many DATA commands the server has seen, accepted or not. */
  attempts(): number;
  /** How many client connections the server has accepted. */
  connections(): number;
  close(): Promise<void>;
}

export async function startSmtpServer(reply: DataReply = () => 'accept'): Promise<SmtpPeer> {
  const mails: ReceivedMail[] = [];
  let attempts = 0;
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const n = attempts++;
        const answer = reply(n);
        if (answer !== 'accept') {
          callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            mails.push({
              rcptTo: session.envelope.rcptTo.map((a) => a.address),
              parsed,
              raw: raw.toString('utf8'),
            });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    mails,
    attempts: () => attempts,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
