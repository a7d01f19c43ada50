import { defineData } from '../../privacy/core/declare.js';

export const mailData = defineData({
  module: 'mail',
  tables: {
    mail_outbox: {
      description: {
        en: 'Copies of the emails we send you, kept in our own database when no mail server is configured.',
        fr: 'Copies des e-mails que nous vous envoyons, conservées dans notre propre base lorsqu’aucun serveur de messagerie n’est configuré.',
      },
      subjects: ['visitor', 'member', 'customer', 'staff'],
      subject: { column: 'to_address', kind: 'email' },
      purposes: ['service', 'notices'],
      basis: 'contract',
      retention: {
        keep: 'P3M',
        from: 'created_at',
        reason: { en: 'kept three months to answer questions about a message, then deleted', fr: 'conservées trois mois pour répondre aux questions sur un message, puis supprimées' },
      },
      erase: 'delete',
      columns: {
        to_address: { category: 'contact' },
        subject: { category: 'communications' },
        text_body: { category: 'communications' },
        html_body: { category: 'communications' },
        // One-time links of the message, encrypted, kept outside production only (for the
        // development mailbox) and emptied by a job within 10 minutes of the links' expiry.
        sealed_secrets: { category: 'credentials', purposes: ['service', 'security'], retention: 'P3D' },
      },
      nonPersonal: ['id', 'message_id', 'from_address', 'secrets_expire_at', 'created_at'],
    },
    mail_deliveries: {
      about: 'Which mail jobs reached the mail server (job id, Message-ID, time), so a job run again after a crash sends nothing twice; deleted with its job.',
      nonPersonal: ['job_id', 'message_id', 'delivered_at'],
    },
  },
});
