import { defineData } from '../../privacy/core/declare.js';

export const jobsData = defineData({
  module: 'jobs',
  tables: {
    jobs: {
      description: {
        en: 'Background tasks waiting to run, such as an email to send. A task may carry the message it delivers.',
        fr: 'Tâches en attente d’exécution, comme un e-mail à envoyer. Une tâche peut contenir le message qu’elle délivre.',
      },
      subjects: ['visitor', 'member', 'customer', 'staff'],
      subject: { column: 'payload', kind: 'mentions' },
      purposes: ['service', 'notices'],
      basis: 'contract',
      retention: {
        keep: 'P7D',
        from: 'finished_at',
        reason: { en: 'finished tasks are deleted after a week', fr: 'les tâches terminées sont supprimées au bout d’une semaine' },
      },
      erase: 'delete',
      columns: {
        payload: { category: 'communications' },
        last_error: { category: 'communications' },
        // A one-time link's token, encrypted with the field-encryption key. It lives only while
        // the job is pending: the statement that records the job done, or failed for good, sets it
        // to NULL, so a finished job kept for the week holds no usable secret.
        secret: { category: 'credentials', purposes: ['service', 'security'] },
      },
      nonPersonal: ['id', 'name', 'status', 'run_at', 'attempts', 'max_attempts', 'locked_by', 'locked_until', 'unique_key', 'created_at', 'finished_at'],
    },
    jobs_workers: {
      about: 'the processes running background tasks (server name, process id, last heartbeat), so a dead one’s tasks are taken over quickly',
      nonPersonal: ['id', 'host', 'pid', 'started_at', 'heartbeat_at'],
    },
  },
});
