import nodemailer from 'nodemailer';
import type { Mailer, OutgoingMail } from './mailer.js';

export class SmtpMailer implements Mailer {
  readonly name = 'smtp';
  private readonly transport: nodemailer.Transporter;

  constructor(url: string) {
    // A pool keeps connections open between messages instead of one TLS handshake each. The
    // timeouts keep a stuck server from holding a job past its lock (job-worker.ts).
    const options = 'pool=true&connectionTimeout=30000&greetingTimeout=30000&socketTimeout=60000';
    this.transport = nodemailer.createTransport(url.includes('?') ? `${url}&${options}` : `${url}?${options}`);
  }

  async send(message: OutgoingMail) {
    const info = await this.transport.sendMail({
      // The same id at every retry of a job: a receiving server or mail client can tell a resend.
      messageId: message.messageId,
      from: message.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      ...(message.attachments?.length
        ? {
            attachments: message.attachments.map((file) => ({
              filename: file.filename,
              contentType: file.contentType,
              // Text, sent as UTF-8 bytes: nodemailer encodes them (base64) and names the file.
              content: Buffer.from(file.content, 'utf8'),
              contentDisposition: 'attachment' as const,
            })),
          }
        : {}),
    });
    return { messageId: info.messageId };
  }

  async close() {
    this.transport.close();
  }
}
