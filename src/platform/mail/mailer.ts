/** An email ready to go: already rendered, in the recipient's language. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Where mail goes. Two implementations run the same contract suite (mailer.contract.ts):
 * SmtpMailer delivers through an SMTP server (SMTP_URL); OutboxMailer keeps every message in
 * the database, readable at /admin/outbox, so the demo works with no mail server at all.
 */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(message: MailMessage & { from: string }): Promise<{ messageId: string }>;
  close(): Promise<void>;
}
