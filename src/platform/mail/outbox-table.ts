export interface OutboxTable {
  mail_outbox: {
    id: string;
    /** The Message-ID the mail job gave it: a job run twice stores the message once. */
    message_id: string | null;
    from_address: string;
    to_address: string;
    subject: string;
    /** With a marker where each one-time secret was (one-time-secrets.ts). */
    text_body: string;
    html_body: string | null;
    /** The files it carried, as JSON (MailAttachment[]); null when none. */
    attachments: string | null;
    /** The one-time secrets, encrypted; outside production only, and emptied once they expire. */
    sealed_secrets: string | null;
    /** Set when the text has one-time-secret markers: when the last of those links stops working. */
    secrets_expire_at: string | null;
    created_at: string;
  };
}

export type OutboxRow = OutboxTable['mail_outbox'];

export interface MailDeliveriesTable {
  mail_deliveries: {
    job_id: string;
    message_id: string;
    delivered_at: string;
  };
}
