import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { verifiedMember } from '../../../test/members.js';
import { readZip } from '../../../test/zip-reader.js';
import { privacyModule } from '../privacy-module.js';
import { dataSubject } from './data-subject.js';

describeEachEngine('the archive of a member’s data', (suite) => {
  const rights = () => suite.context.servicesOf(privacyModule);

  it('holds their account and, in their language, which staff member viewed their data, when and why', async () => {
    const nina = await verifiedMember(suite, 'nina');
    rights().staff.provide(async (ids) => new Map(ids.map((id) => [id, { name: `Staff ${id}`, role: 'support' }])));
    await rights().ledger.record({
      action: 'staff.read',
      actor: { kind: 'staff', id: 's-1' },
      subjectId: nina.id,
      purpose: 'support',
      details: { what: 'members list' },
    });
    const file = path.join(suite.context.config.dataDir, `nina-${suite.engine}.zip`);
    await rights().exports.archive(dataSubject('member', nina.id, [nina.email]), 'fr', fs.createWriteStream(file));
    const files = readZip(fs.readFileSync(file));
    expect(JSON.parse(files.get('members.json')?.toString() ?? '{}').tables.accounts_members.rows).toEqual([
      expect.objectContaining({ id: nina.id, username: 'nina', email: nina.email }),
    ]);
    expect(JSON.parse(files.get('staff-accesses.json')?.toString() ?? '{}').rows).toEqual([
      {
        at: expect.any(String),
        staff: 'Staff s-1 (support)',
        purpose: 'Assurer l’assistance client et le support technique',
        what: 'members list',
      },
    ]);
    expect(files.get('index.html')?.toString()).toContain('Le personnel qui a consulté vos données');
  });
});
