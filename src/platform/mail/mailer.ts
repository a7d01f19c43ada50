import type { MailAttachment } from './mail-attachment.js';

/** An email ready to go: already rendered, in the recipient's language. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files it carries (text, UTF-8). Never a one-time secret: they are stored as they are. */
  attachments?: MailAttachment[];
}

/** What a stored copy of a mail keeps instead of its one-time secrets (one-time-secrets.ts). */
export interface StoredCopy {
  /** The text and HTML with a marker where each secret was. */
  text: string;
  html?: string;
  /** The secrets, encrypted, and when the last of them stops working. */
  sealedSecrets: string;
  secretsExpireAt: string;
}

/** A mail on its way out: rendered, with its sender and an id that stays the same at every retry. */
export interface OutgoingMail extends MailMessage {
  from: string;
  /** `<id@domain>`: the Message-ID header, so a resend is recognisable as the same message. */
  messageId: string;
  /** Present when the text holds one-time secrets: what a stored copy keeps instead. */
  storedCopy?: StoredCopy;
}

/**
 * Where mail goes. Two implementations run the same contract suite (mailer.contract.ts):
 * SmtpMailer delivers through an SMTP server (SMTP_URL); OutboxMailer keeps every message in
 * the database, so the demo works with no mail server at all.
 */
export interface Mailer {
  /** Says where mail goes, for the start-up log line (`smtp`, `outbox`): never a branch, nor a secret. */
  readonly name: string;
  send(message: OutgoingMail): Promise<{ messageId: string }>;
  close(): Promise<void>;
}
