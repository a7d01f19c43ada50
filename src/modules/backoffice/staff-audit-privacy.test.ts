import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { backofficeData } from './privacy.js';

/**
 * The audit of staff changes is append-only and kept its year: an erasure request must not delete
 * the record of who disabled, demoted or reset whom, and the published policy says so.
 */
describeEachEngine('staff audit: what the privacy policy says of it', (suite) => {
  const audit = backofficeData.tables.accounts_staff_audit;
  const sectionOf = (body: string, description: string) => {
    const start = body.indexOf(description);
    expect(start).toBeGreaterThan(-1);
    return body.slice(start, body.indexOf('</section>', start));
  };

  it('keeps the audit on erasure for its year, and says why, in both languages', async () => {
    if (!audit || !('subject' in audit)) throw new Error('accounts_staff_audit is not declared personal');
    expect(audit.subject).toEqual({ column: 'target_staff_id', kind: 'account-id' });
    expect(Object.keys(audit.columns)).toEqual(['actor']);
    const en = sectionOf((await suite.app.inject({ url: '/en/privacy' })).body, audit.description.en);
    expect(en).toContain('kept until the legal period ends, then deleted');
    expect(en).not.toContain('<dd>deleted</dd>');
    expect(en).toContain('an erasure request does not shorten it');
    expect(en).toContain('legitimate interest');
    const fr = sectionOf((await suite.app.inject({ url: '/fr/confidentialite' })).body, audit.description.fr);
    expect(fr).toContain('conservées jusqu’au terme de la durée légale, puis supprimées');
    expect(fr).toContain('une demande d’effacement ne l’abrège pas');
  });
});
