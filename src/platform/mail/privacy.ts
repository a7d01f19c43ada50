import { defineData } from '../../privacy/core/declare.js';
import type { MailDeliveriesTable, OutboxTable } from './outbox-table.js';

export const mailData = defineData<OutboxTable & MailDeliveriesTable>()({
  module: 'mail',
  tables: {
    mail_outbox: {
      about: { en: 'Copies of the emails we send you', fr: 'Copies des e-mails que nous vous envoyons' },
      note: {
        en: 'Kept in our own database when no mail server is configured.',
        fr: 'Conservées dans notre propre base lorsqu’aucun serveur de messagerie n’est configuré.',
      },
      subject: [{ column: 'to_address', kind: 'email', of: ['visitor', 'member', 'staff'] }],
      purposes: ['service', 'notices'],
      basis: 'contract',
      retention: {
        keep: 'P3M',
        from: 'created_at',
        after: { en: 'the email is sent', fr: 'l’envoi de l’e-mail' },
        reason: {
          en: 'To answer questions about a message we sent.',
          fr: 'Pour répondre aux questions sur un message envoyé.',
        },
      },
      erase: 'delete',
      columns: {
        to_address: {
          category: 'contact',
          says: { en: 'The address the email was sent to', fr: 'L’adresse à laquelle l’e-mail a été envoyé' },
        },
        subject: {
          category: 'communications',
          says: { en: 'The subject and text of the email', fr: 'L’objet et le texte de l’e-mail' },
        },
        text_body: {
          category: 'communications',
          says: { en: 'The subject and text of the email', fr: 'L’objet et le texte de l’e-mail' },
        },
        html_body: {
          category: 'communications',
          says: { en: 'The subject and text of the email', fr: 'L’objet et le texte de l’e-mail' },
        },
        // The files it carried (the terms of sale with an order's confirmation): part of what it says.
        attachments: {
          category: 'communications',
          says: { en: 'The subject and text of the email', fr: 'L’objet et le texte de l’e-mail' },
        },
        // One-time links of the message, encrypted, kept outside production only (for the
        // development mailbox) and emptied by a job within minutes of the links' expiry.
        sealed_secrets: {
          category: 'credentials',
          says: {
            en: 'The one-time links the email carried, encrypted, on test and development servers only',
            fr: 'Les liens à usage unique que portait l’e-mail, chiffrés, sur les serveurs de test et de développement seulement',
          },
          purposes: ['service', 'security'],
          retention: {
            keep: 'P3D',
            reason: {
              en: 'They are emptied as soon as the links expire; this limit removes any left behind.',
              fr: 'Ils sont effacés dès l’expiration des liens ; cette limite efface ceux qui resteraient.',
            },
          },
        },
      },
      nonPersonal: ['id', 'message_id', 'from_address', 'secrets_expire_at', 'created_at'],
    },
    mail_deliveries: {
      about: {
        en: 'Which email tasks reached the mail server (task, Message-ID, time), so that a task run again after a crash sends nothing twice; no address or text, and deleted with its task.',
        fr: 'Les tâches d’e-mail arrivées au serveur de messagerie (tâche, Message-ID, heure), pour qu’une tâche relancée après une panne n’envoie rien deux fois ; ni adresse ni texte, et supprimé avec sa tâche.',
      },
      nonPersonal: ['job_id', 'message_id', 'delivered_at'],
    },
  },
});
