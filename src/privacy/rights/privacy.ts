import { defineData } from '../core/declare.js';
import type { RightsTables } from './rights-tables.js';

const received = { en: 'we receive the request', fr: 'la réception de la demande' };

/**
 * Proof that a request was handled outlives the erasure it asked for: who asked (account, address)
 * is held for the period in which the handling may have to be proven (the limitation period of
 * French civil law, art. 2224), then erased; what the person wrote is not kept.
 */
const requestProof = {
  hold: 'P5Y',
  from: 'received_at',
  after: received,
  basis: 'legal-obligation',
  reason: {
    en: 'We must be able to prove that we answered your request, and how (GDPR art. 5(2)); only who asked and when is kept, not what you wrote.',
    fr: 'Nous devons pouvoir prouver que nous avons répondu à votre demande, et comment (RGPD art. 5(2)) ; seuls l’auteur et la date de la demande sont conservés, pas ce que vous avez écrit.',
  },
} as const;

export const rightsData = defineData<RightsTables>()({
  module: 'privacy',
  tables: {
    privacy_requests: {
      about: { en: 'Your privacy requests', fr: 'Vos demandes relatives à vos données' },
      note: {
        en: 'Requests to see, correct or erase your data, to restrict it or to object: what you asked, our answer, the deadline and, for a copy of your data, the archive until its link expires.',
        fr: 'Demandes d’accès, de rectification ou d’effacement de vos données, de limitation ou d’opposition : ce que vous avez demandé, notre réponse, le délai et, pour une copie de vos données, l’archive jusqu’à l’expiration de son lien.',
      },
      subject: [
        { column: 'member_id', kind: 'account-id', of: ['member'] },
        { column: 'email', kind: 'email', of: ['visitor', 'member'] },
        { column: 'handled_by', kind: 'account-id', of: ['staff'], scope: 'column' },
      ],
      purposes: ['legal'],
      basis: 'legal-obligation',
      retention: {
        keep: 'P5Y',
        from: 'received_at',
        after: received,
        reason: {
          en: 'The limitation period in which we may have to prove how a request was handled.',
          fr: 'Le délai de prescription pendant lequel nous pouvons devoir prouver le traitement d’une demande.',
        },
      },
      erase: 'pseudonymize',
      columns: {
        member_id: {
          category: 'identity',
          says: { en: 'Your account, if you have one', fr: 'Votre compte, si vous en avez un' },
          erase: requestProof,
        },
        email: {
          category: 'contact',
          says: { en: 'Your email address', fr: 'Votre adresse e-mail' },
          erase: requestProof,
        },
        subject_emails: {
          category: 'contact',
          says: {
            en: 'Every address of yours the request covers, while it is handled',
            fr: 'Chacune de vos adresses que couvre la demande, le temps de son traitement',
          },
        },
        details: {
          category: 'user-content',
          says: {
            en: 'What you wrote: the correction you want, or the dispute a restriction is for',
            fr: 'Ce que vous avez écrit : la rectification souhaitée, ou le désaccord qui motive une limitation',
          },
        },
        answer: {
          category: 'communications',
          says: {
            en: 'Our answer: the correction made, or why a request was refused or extended',
            fr: 'Notre réponse : la rectification faite, ou la raison d’un refus ou d’une prolongation',
          },
        },
        proof_hash: {
          category: 'credentials',
          says: {
            en: 'A fingerprint (hash) of the link that confirms your address; the link itself is not stored',
            fr: 'Une empreinte (hachage) du lien qui confirme votre adresse ; le lien lui-même n’est pas conservé',
          },
        },
        archive_file: {
          category: 'communications',
          says: {
            en: 'The archive of your data you asked for, kept as a file until its download link expires, then deleted',
            fr: 'L’archive de vos données que vous avez demandée, conservée comme fichier jusqu’à l’expiration de son lien, puis supprimée',
          },
          retention: {
            keep: 'P1D',
            from: 'download_expires_at',
            after: { en: 'the download link expires', fr: 'l’expiration du lien de téléchargement' },
            reason: {
              en: 'The file is deleted when its link expires; this limit removes any left behind.',
              fr: 'Le fichier est supprimé à l’expiration de son lien ; cette limite efface ceux qui resteraient.',
            },
          },
        },
        download_hash: {
          category: 'credentials',
          says: {
            en: 'A fingerprint (hash) of the single-use link to your archive',
            fr: 'Une empreinte (hachage) du lien à usage unique vers votre archive',
          },
        },
        handled_by: {
          category: 'identity',
          says: {
            en: 'The staff member who handled the request',
            fr: 'Le membre du personnel qui a traité la demande',
          },
          erase: { pseudonymize: null },
        },
      },
      nonPersonal: [
        'id',
        'kind',
        'channel',
        'status',
        'locale',
        'received_at',
        'verified_at',
        'due_at',
        'extended_at',
        'reminded_at',
        'closed_at',
        'proof_expires_at',
        'progress',
        'download_expires_at',
        'downloaded_at',
        'updated_at',
      ],
    },
    privacy_objections: {
      about: {
        en: 'Your objections and restrictions',
        fr: 'Vos oppositions et limitations',
      },
      note: {
        en: 'That you object to promotional messages or to statistics, or that processing is restricted while a dispute is open. Every part of the shop checks it before using your data.',
        fr: 'Que vous vous opposez aux messages promotionnels ou aux statistiques, ou que le traitement est limité pendant un désaccord. Chaque partie de la boutique le vérifie avant d’utiliser vos données.',
      },
      subject: [
        { column: 'member_id', kind: 'account-id', of: ['member'] },
        { column: 'email', kind: 'email', of: ['visitor', 'member'] },
      ],
      purposes: ['consent-records'],
      basis: 'legal-obligation',
      retention: {
        keep: 'P3Y',
        from: 'lifted_at',
        after: { en: 'you lift it', fr: 'sa levée' },
        reason: {
          en: 'An objection lasts until you lift it; we then keep its record to prove we respected it.',
          fr: 'Une opposition dure jusqu’à ce que vous la leviez ; nous en gardons ensuite la trace pour prouver que nous l’avons respectée.',
        },
      },
      erase: 'pseudonymize',
      columns: {
        member_id: {
          category: 'identity',
          says: { en: 'Your account, if you have one', fr: 'Votre compte, si vous en avez un' },
        },
        email: {
          category: 'contact',
          says: { en: 'Your email address', fr: 'Votre adresse e-mail' },
          // A suppression list must outlive the erasure, or the address could be written to again.
          erase: {
            hold: 'P3Y',
            from: 'created_at',
            after: { en: 'you object', fr: 'votre opposition' },
            basis: 'legitimate-interests',
            reason: {
              en: 'So that we never send promotional messages to your address again, even after your data is erased (CNIL: suppression lists).',
              fr: 'Pour ne plus jamais envoyer de messages promotionnels à votre adresse, même après l’effacement de vos données (CNIL : listes d’opposition).',
            },
          },
        },
      },
      nonPersonal: ['id', 'scope', 'request_id', 'created_at', 'lifted_at'],
    },
    privacy_ledger: {
      about: {
        en: 'Who accessed your data, and our privacy actions',
        fr: 'Qui a consulté vos données, et nos actions sur vos données',
      },
      note: {
        en: 'Each time a staff member views your data (who, when, for which purpose), and each export, erasure and request. Entries are chained by hashes, so none can be altered unnoticed.',
        fr: 'Chaque consultation de vos données par le personnel (qui, quand, dans quel but), et chaque export, effacement et demande. Les entrées sont chaînées par des empreintes : aucune ne peut être modifiée sans que cela se voie.',
      },
      subject: [
        { column: 'subject_id', kind: 'account-id', of: ['member'] },
        { column: 'actor_id', kind: 'account-id', of: ['staff'], scope: 'column' },
      ],
      purposes: ['legal', 'security'],
      basis: 'legal-obligation',
      retention: {
        keep: 'P5Y',
        from: 'at',
        after: { en: 'the entry', fr: 'l’entrée' },
        reason: {
          en: 'To prove how personal data was accessed and how requests were handled (GDPR art. 5(2)).',
          fr: 'Pour prouver comment les données personnelles ont été consultées et les demandes traitées (RGPD art. 5(2)).',
        },
      },
      erase: 'pseudonymize',
      columns: {
        subject_id: {
          category: 'identity',
          says: {
            en: 'Your account, whose data was accessed',
            fr: 'Votre compte, dont les données ont été consultées',
          },
        },
        actor_id: {
          category: 'identity',
          says: { en: 'The staff member who acted', fr: 'Le membre du personnel qui a agi' },
          // Who read whose data must outlast the reader's own erasure, or it could not serve to investigate a misuse.
          erase: {
            hold: 'P1Y',
            from: 'at',
            after: { en: 'the entry', fr: 'l’entrée' },
            basis: 'legitimate-interests',
            reason: {
              en: 'The record of who read whose data must outlast the reader’s own erasure, or it could not serve to investigate a misuse.',
              fr: 'La trace de qui a consulté quelles données doit survivre à l’effacement de la personne qui les a consultées, sinon elle ne pourrait servir à enquêter sur un abus.',
            },
          },
        },
      },
      nonPersonal: [
        'seq',
        'at',
        'action',
        'actor_kind',
        'request_id',
        'purpose',
        'details',
        'commitment',
        'prev_hash',
        'hash',
      ],
    },
    privacy_erasure_steps: {
      about: {
        en: 'Which parts of the shop an erasure has finished (request, module, time, counts), so an interrupted erasure resumes where it stopped; nothing about the person.',
        fr: 'Les parties de la boutique qu’un effacement a terminées (demande, module, heure, nombres), pour qu’un effacement interrompu reprenne où il s’est arrêté ; rien sur la personne.',
      },
      nonPersonal: ['request_id', 'module', 'done_at', 'summary'],
    },
    privacy_holds: {
      about: {
        en: 'Which columns of which rows an erasure kept, and until when (table, column names, row key), so they are erased when the hold ends; no values.',
        fr: 'Les colonnes des lignes qu’un effacement a conservées, et jusqu’à quand (table, noms de colonnes, clé de ligne), pour les effacer à la fin de la conservation ; aucune valeur.',
      },
      nonPersonal: ['id', 'request_id', 'table_name', 'columns', 'row_key', 'release_at', 'released_at', 'created_at'],
    },
  },
});
