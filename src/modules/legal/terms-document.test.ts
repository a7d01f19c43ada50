import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { legalModule } from './index.js';
import { LegalService } from './legal-service.js';
import { TermsStore } from './terms-store.js';

describeEachEngine('a version of the terms as a document to keep', (suite) => {
  const legal = () => suite.context.servicesOf(legalModule).legal;
  /** Another process's service on the same database: it has read no version yet. */
  const coldService = () =>
    new LegalService(
      new TermsStore(suite.database),
      () => ({ seller: suite.context.shop.seller(), shop: suite.context.shop.identity() }),
      () => new Date(),
    );

  it('is a standalone HTML document in each language, with the version as published, unchanged', async () => {
    const current = await legal().currentVersion();
    const { version } = current;
    for (const [locale, title, filename, since] of [
      ['en', `Terms of sale — version ${version}`, `terms-of-sale-${version}.html`, 'in force from'],
      [
        'fr',
        `Conditions générales de vente — version ${version}`,
        `conditions-generales-de-vente-${version}.html`,
        'en vigueur à compter du',
      ],
    ] as const) {
      const document = await coldService().termsDocument(version, locale);
      expect(document?.filename).toBe(filename);
      expect(document?.contentType).toBe('text/html; charset=utf-8');
      const content = document?.content ?? '';
      expect(content.startsWith(`<!doctype html>\n<html lang="${locale}">`)).toBe(true);
      expect(content).toContain('<meta charset="utf-8"/>');
      expect(content).toContain(`<title>${title}</title>`);
      expect(content).toContain(`<style>`);
      expect(content).toMatch(new RegExp(`Version ${version}, ${since} \\d{1,2}`));
      expect(content).toContain(current.text[locale]);
      expect(content.trimEnd().endsWith('</html>')).toBe(true);
    }
  });

  it('links to the shop’s own pages by their full address, so a saved copy still leads there', async () => {
    const { version } = await legal().currentVersion();
    for (const [locale, privacy] of [
      ['en', '/en/privacy'],
      ['fr', '/fr/confidentialite'],
    ] as const) {
      const content = (await legal().termsDocument(version, locale))?.content ?? '';
      expect(content).toContain(`href="${suite.context.config.publicUrl}${privacy}"`);
      expect(content).not.toContain('href="/');
      // The contents list still leads within the document.
      expect(content).toContain('href="#article-1"');
    }
  });

  it('reads through the caller’s open transaction, so settling a payment can attach it (no wait on SQLite)', async () => {
    const { version } = await legal().currentTerms();
    const service = coldService();
    const document = await suite.database.db.transaction().execute((trx) => service.termsDocument(version, 'fr', trx));
    expect(document?.content).toContain('Modèle de formulaire de rétractation');
  }, 5_000);

  it('is none for a version that does not exist or is no version at all', async () => {
    for (const version of ['0000000000', '<script>', '', 'a'.repeat(64)])
      expect(await coldService().termsDocument(version, 'en'), version).toBeUndefined();
  });
});
