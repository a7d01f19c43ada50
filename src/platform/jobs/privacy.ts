import { defineData } from '../../privacy/core/declare.js';
import type { JobsTable } from './jobs-table.js';

export const jobsData = defineData<JobsTable>()({
  module: 'jobs',
  tables: {
    jobs: {
      about: { en: 'Background tasks', fr: 'Tâches en arrière-plan' },
      note: {
        en: 'Work the shop does a moment later, such as sending an email; a task carries what it needs, such as the message it delivers.',
        fr: 'Travail que la boutique fait un peu plus tard, comme envoyer un e-mail ; une tâche porte ce dont elle a besoin, comme le message qu’elle délivre.',
      },
      // Free text: a task mentions whoever it is for, by account or address; a password reset
      // asked for an address that has no account mentions a visitor's.
      subject: [
        { column: 'payload', kind: 'mentions', of: ['visitor', 'member', 'staff'] },
        { column: 'last_error', kind: 'mentions', of: ['visitor', 'member', 'staff'] },
      ],
      purposes: ['service', 'notices'],
      basis: 'contract',
      retention: {
        keep: 'P7D',
        from: 'finished_at',
        after: { en: 'the task is finished', fr: 'la fin de la tâche' },
        reason: { en: 'To look into a task that failed.', fr: 'Pour examiner une tâche qui a échoué.' },
      },
      erase: 'delete',
      columns: {
        payload: {
          category: 'communications',
          says: {
            en: 'What the task needs, such as the address an email goes to and its text',
            fr: 'Ce dont la tâche a besoin, comme l’adresse d’un e-mail et son texte',
          },
        },
        last_error: {
          category: 'communications',
          says: {
            en: 'Why the last attempt failed, which may quote an address',
            fr: 'La raison de l’échec de la dernière tentative, qui peut citer une adresse',
          },
        },
        // A one-time link's token, encrypted with the field-encryption key. It lives only while
        // the job is pending: the statement that records the job done, or failed for good, sets it
        // to NULL, so a finished job kept for its period holds no usable secret.
        secret: {
          category: 'credentials',
          says: {
            en: 'The one-time link an email waiting to be sent carries, encrypted, and emptied once the task is over',
            fr: 'Le lien à usage unique que porte un e-mail en attente d’envoi, chiffré, et effacé dès la fin de la tâche',
          },
          purposes: ['service', 'security'],
        },
      },
      nonPersonal: [
        'id',
        'name',
        'status',
        'run_at',
        'attempts',
        'max_attempts',
        'locked_by',
        'locked_until',
        'unique_key',
        'created_at',
        'finished_at',
      ],
    },
    jobs_workers: {
      about: {
        en: 'The processes running background tasks (server name, process number, last sign of life), so that a stopped one’s tasks are taken over quickly.',
        fr: 'Les processus qui exécutent les tâches en arrière-plan (nom du serveur, numéro de processus, dernier signe de vie), pour reprendre vite les tâches d’un processus arrêté.',
      },
      nonPersonal: ['id', 'host', 'pid', 'started_at', 'heartbeat_at'],
    },
  },
});
