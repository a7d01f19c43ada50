import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import type { ResolvedPersonalTable } from '../../privacy/core/resolved-model.js';

/**
 * The audit of staff changes is append-only and kept its year: an erasure request must not delete
 * the record of who disabled, demoted or reset whom, and the published policy says so. A row is
 * about two staff members, so export and erasure find it under either.
 */
describeEachEngine('staff audit: what the privacy policy says of it', (suite) => {
  const sectionOf = (body: string) => {
    const start = body.indexOf('id="data-accounts_staff_audit"');
    expect(start).toBeGreaterThan(-1);
    return body.slice(start, body.indexOf('</section>', start));
  };

  it('finds a row under both staff members, holds both on erasure for its year, and says why, in both languages', async () => {
    const audit = suite.context.privacy.table('accounts_staff_audit') as ResolvedPersonalTable;
    expect(audit.links).toEqual([
      // Each row is one staff member's action on another's account: either is named in one column only.
      { column: 'target_staff_id', kind: 'account-id', of: ['staff'], scope: 'column' },
      { column: 'actor', kind: 'account-id', of: ['staff'], scope: 'column' },
    ]);
    expect(audit.keptOnErasure).toBe(true);
    expect(audit.columns.map((c) => [c.name, c.erase])).toEqual(
      ['actor', 'target_staff_id'].map((name) => [
        name,
        expect.objectContaining({ action: 'hold', hold: 'P1Y', from: 'at', basis: 'legitimate-interests' }),
      ]),
    );
    const en = sectionOf((await suite.app.inject({ url: '/en/privacy' })).body);
    expect(en).toContain('Kept 1 year after the change, then deleted.');
    expect(en).not.toContain('>Deleted.<');
    expect(en).toContain('an erasure request does not shorten it');
    expect(en).toContain('Legal basis: Our legitimate interests (GDPR art. 6(1)(f))');
    const fr = sectionOf((await suite.app.inject({ url: '/fr/confidentialite' })).body);
    expect(fr).toContain('Conservation 1 an après la modification, puis suppression.');
    expect(fr).toContain('une demande d’effacement ne l’abrège pas');
    expect(fr).toContain('Notre intérêt légitime (RGPD art. 6(1)(f))');
  });
});
