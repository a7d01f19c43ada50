export interface OutboxTable {
  mail_outbox: {
    id: string;
    from_address: string;
    to_address: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    created_at: string;
  };
}
