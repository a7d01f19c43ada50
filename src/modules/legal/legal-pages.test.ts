import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { tablesOf } from '../../platform/db/database.js';
import type { SellerIdentity } from '../../platform/settings/seller-identity.js';
import { legalModule } from './index.js';
import { LegalService } from './legal-service.js';
import type { LegalTables } from './legal-tables.js';
import { TermsStore } from './terms-store.js';

describeEachEngine('the legal notice and the terms of sale', (suite) => {
  const legal = () => suite.context.servicesOf(legalModule).legal;
  const versions = () =>
    tablesOf<LegalTables>(suite.database)
      .selectFrom('legal_terms_versions')
      .selectAll()
      .orderBy('published_at')
      .execute();

  it('says who publishes and hosts the site, from the settings, in both languages', async () => {
    const seller = suite.context.shop.seller();
    const fr = await suite.app.inject({ url: '/fr/mentions-legales' });
    expect(fr.statusCode).toBe(200);
    for (const fact of [
      seller.companyName,
      seller.registration,
      seller.vatNumber,
      seller.publicationDirector,
      seller.host.name,
    ]) {
      expect(fr.body).toContain(fact);
    }
    expect(fr.body).toContain('Directeur de la publication');
    expect(fr.body).toContain('Société par actions simplifiée (SAS)');
    const en = await suite.app.inject({ url: '/en/legal-notice' });
    expect(en.body).toContain('Publication director');
    expect(en.body).toContain('<link rel="canonical" href="http://127.0.0.1:3000/en/legal-notice"/>');
    expect(en.body).toContain('hreflang="fr" href="http://127.0.0.1:3000/fr/mentions-legales"');
  });

  it('states the 14-day withdrawal right, its exception for courses begun on request, delivery, returns and the mediator', async () => {
    const seller = suite.context.shop.seller();
    const fr = await suite.app.inject({ url: '/fr/conditions-generales-de-vente' });
    expect(fr.statusCode).toBe(200);
    for (const words of [
      'quatorze jours',
      'L221-18',
      'demande expresse',
      'L221-25',
      'L221-28',
      'Retours',
      'L612-1',
      seller.mediator.name.slice(0, 4),
    ]) {
      expect(fr.body, words).toContain(words);
    }
    const en = await suite.app.inject({ url: '/en/terms-of-sale' });
    for (const words of ['fourteen days', 'express request', 'Returns', 'PCI-DSS', 'consumer mediator']) {
      expect(en.body, words).toContain(words);
    }
    const { version } = await legal().currentTerms();
    expect(en.body).toContain(`Version ${version}, in force since`);
  });

  it('records each version once, even asked at once by many, and keeps the old one readable when the settings change', async () => {
    const { version } = await legal().currentTerms();
    const seller = suite.context.shop.seller();
    const changed: SellerIdentity = {
      ...seller,
      mediator: { ...seller.mediator, name: 'Médiateur Nouveau Exemple' },
    };
    // Another process with other settings, on the same database: many buyers at once.
    const other = new LegalService(
      new TermsStore(suite.database),
      () => ({ seller: changed, shop: suite.context.shop.identity() }),
      () => new Date(),
    );
    const others = await Promise.all(
      Array.from({ length: 10 }, () =>
        new LegalService(
          new TermsStore(suite.database),
          () => ({ seller: changed, shop: suite.context.shop.identity() }),
          () => new Date(),
        ).currentTerms(),
      ),
    );
    const next = await other.currentTerms();
    expect(next.version).not.toBe(version);
    expect(new Set(others.map((terms) => terms.version))).toEqual(new Set([next.version]));
    expect(new Set(others.map((terms) => terms.publishedAt)).size).toBe(1);
    const rows = await versions();
    expect(rows.filter((row) => row.version === next.version)).toHaveLength(1);
    expect(rows.filter((row) => row.version === version)).toHaveLength(1);

    const old = await suite.app.inject({ url: `/en/terms-of-sale/versions/${version}` });
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain(seller.mediator.name.slice(0, 10));
    const newer = await suite.app.inject({ url: `/fr/conditions-generales-de-vente/versions/${next.version}` });
    expect(newer.statusCode).toBe(200);
    expect(newer.body).toContain('Médiateur Nouveau Exemple');
    expect(newer.body).toContain('C’est une version antérieure');
    expect(newer.body).toContain('<meta name="robots" content="noindex"/>');
  });

  it('answers an unknown or malformed version with a 404 in the visitor’s language', async () => {
    for (const url of [
      '/fr/conditions-generales-de-vente/versions/0000000000',
      '/fr/conditions-generales-de-vente/versions/%3Cscript%3E',
    ]) {
      const response = await suite.app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).toContain('Page introuvable');
    }
  });
});
