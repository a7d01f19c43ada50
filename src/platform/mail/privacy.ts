import { defineData } from '../../privacy/declare.js';

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
      },
      nonPersonal: ['id', 'from_address', 'created_at'],
    },
  },
});
