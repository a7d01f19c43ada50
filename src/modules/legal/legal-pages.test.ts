import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { buildApp } from '../../app.js';
import { createContext } from '../../context.js';
import { tablesOf } from '../../platform/db/database.js';
import type { SellerIdentity } from '../../platform/settings/seller-identity.js';
import type { ShopTables } from '../../platform/settings/shop-store.js';
import { legalModule } from './index.js';
import { LegalService } from './legal-service.js';
import type { LegalTables } from './legal-tables.js';
import { termsOfSale } from './terms-of-sale.js';
import { TermsStore } from './terms-store.js';

/** How a value from the settings appears in a page (the page escapes it). */
const html = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The text with its no-break spaces (kept between the groups of a number) as plain ones. */
const spaced = (body: string) => body.replaceAll('\u00a0', ' ');

describeEachEngine('the legal notice and the terms of sale', (suite) => {
  const legal = () => suite.context.servicesOf(legalModule).legal;
  const rows = () => tablesOf<LegalTables>(suite.database).selectFrom('legal_terms_versions').selectAll().execute();
  const settings = () => tablesOf<ShopTables>(suite.database);
  /** Another process starting on the same database with the settings it finds there. */
  const restart = async () =>
    createContext(suite.context.config, { database: await suite.connectAgain(), logger: suite.context.logger });

  it('says who publishes the site, who directs it and who hosts it, from the settings, in both languages', async () => {
    const seller = suite.context.shop.seller();
    const shop = suite.context.shop.identity();
    for (const [url, locale, heading] of [
      ['/fr/mentions-legales', 'fr', 'Directeur de la publication'],
      ['/en/legal-notice', 'en', 'Publication director'],
    ] as const) {
      const page = await suite.app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toContain(`<html lang="${locale}">`);
      expect(page.body).toContain(heading);
      for (const fact of [
        seller.companyName,
        seller.legalForm[locale],
        seller.registration,
        seller.siret,
        seller.vatNumber,
        seller.phone,
        seller.publicationDirector,
        seller.host.name,
        seller.host.address,
        seller.host.phone,
        seller.mediator.name,
        shop.email,
        `${shop.address.street}, ${shop.address.postalCode} ${shop.address.city}`,
      ]) {
        expect(page.body, `${url}: ${fact}`).toContain(html(fact));
      }
    }
  });

  it('states the seller, the 14-day withdrawal right and its early-start exception, returns, guarantees and the mediator', async () => {
    const seller = suite.context.shop.seller();
    const shop = suite.context.shop.identity();
    const fr = await suite.app.inject({ url: '/fr/conditions-generales-de-vente' });
    expect(fr.statusCode).toBe(200);
    const frText = spaced(fr.body);
    for (const words of [
      seller.registration,
      seller.vatNumber,
      seller.mediator.name,
      seller.delivery.fr,
      shop.email,
      'délai de quatorze jours pour se rétracter',
      'L221-18',
      'Modèle de formulaire de rétractation',
      'au plus tard quatorze jours après avoir été informé',
      'demande expresse de l’acheteur',
      'L221-25',
      'L221-28, 1°',
      'Retour des articles',
      'garantie légale de conformité',
      '1641',
      'PCI-DSS',
      'L612-1',
    ]) {
      expect(frText, words).toContain(html(words));
    }
    expect(fr.body).toContain('<a href="/fr/confidentialite">politique de confidentialité</a>');
    const en = await suite.app.inject({ url: '/en/terms-of-sale' });
    expect(en.statusCode).toBe(200);
    const enText = spaced(en.body);
    for (const words of [
      seller.registration,
      seller.mediator.name,
      seller.delivery.en,
      'fourteen days to withdraw',
      'Model withdrawal form',
      'express request',
      'fully performed',
      'Returns',
      'hidden defects',
      'PCI-DSS',
      'consumer mediator',
    ]) {
      expect(enText, words).toContain(html(words));
    }
    expect(en.body).toContain('<a href="/en/privacy">privacy policy</a>');
    const { version, publishedAt } = await legal().currentTerms();
    expect(version).toMatch(/^[0-9a-f]{10}$/);
    expect(en.body).toContain(`Version ${version}, in force since`);
    expect(fr.body).toContain(`Version ${version}, en vigueur depuis le`);
    expect(new Date(publishedAt).getTime()).not.toBeNaN();
  });

  it('refers to its own articles by their numbers', () => {
    const { seller, identity } = { seller: suite.context.shop.seller(), identity: suite.context.shop.identity() };
    for (const [locale, withdrawal, guarantees] of [
      ['fr', 'Droit de rétractation', 'Garanties légales'],
      ['en', 'Right of withdrawal', 'Legal guarantees'],
    ] as const) {
      const articles = termsOfSale(locale, seller, identity);
      expect(articles[6]?.title).toBe(withdrawal);
      expect(articles[8]?.title).toBe(guarantees);
      expect(termsOfSale(locale === 'fr' ? 'en' : 'fr', seller, identity)).toHaveLength(articles.length);
    }
  });

  it('lets search engines index both pages, with their canonical address and each language', async () => {
    for (const [url, other] of [
      ['/en/legal-notice', 'hreflang="fr" href="http://127.0.0.1:3000/fr/mentions-legales"'],
      ['/fr/mentions-legales', 'hreflang="en" href="http://127.0.0.1:3000/en/legal-notice"'],
      ['/en/terms-of-sale', 'hreflang="fr" href="http://127.0.0.1:3000/fr/conditions-generales-de-vente"'],
      ['/fr/conditions-generales-de-vente', 'hreflang="en" href="http://127.0.0.1:3000/en/terms-of-sale"'],
    ]) {
      const page = await suite.app.inject({ url: `${url}?utm_source=mail` });
      expect(page.body, url).toContain(`<link rel="canonical" href="http://127.0.0.1:3000${url}"/>`);
      expect(page.body, url).toContain(other);
      expect(page.body, url).not.toContain('noindex');
    }
  });

  it('keeps the same version across restarts while the text is the same: one row', async () => {
    const { version, publishedAt } = await legal().currentTerms();
    const again = await restart();
    expect(await again.servicesOf(legalModule).legal.currentTerms()).toEqual({ version, publishedAt });
    expect((await rows()).filter((row) => row.version === version)).toHaveLength(1);
  });

  it('records a new version when the seller changes, and still shows the old one as it was', async () => {
    const before = await legal().currentTerms();
    const seller = suite.context.shop.seller();
    const changed: SellerIdentity = {
      ...seller,
      mediator: { ...seller.mediator, name: 'Médiation Exemple & Associés' },
    };
    await settings()
      .updateTable('shop_settings')
      .set({ value: JSON.stringify(changed) })
      .where('key', '=', 'seller')
      .execute();
    try {
      const restarted = await restart();
      const after = await restarted.servicesOf(legalModule).legal.currentTerms();
      expect(after.version).not.toBe(before.version);
      expect((await rows()).map((row) => row.version).sort()).toEqual([before.version, after.version].sort());

      const app = await buildApp(restarted);
      try {
        const current = await app.inject({ url: '/fr/conditions-generales-de-vente' });
        expect(current.body).toContain(html('Médiation Exemple & Associés'));
        expect(current.body).toContain(`Version ${after.version}, en vigueur depuis le`);

        const old = await app.inject({ url: `/fr/conditions-generales-de-vente/versions/${before.version}` });
        expect(old.statusCode).toBe(200);
        expect(old.body).toContain(html(seller.mediator.name));
        expect(old.body).not.toContain('Médiation Exemple');
        expect(old.body).toContain(`Version ${before.version}, publiée le`);
        expect(old.body).toContain('Cette version n’est plus en vigueur');
        expect(old.body).toContain('<a href="/fr/conditions-generales-de-vente">Lire les conditions en vigueur</a>');
        expect(old.body).toContain('<meta name="robots" content="noindex"/>');
        const oldEn = await app.inject({ url: `/en/terms-of-sale/versions/${before.version}` });
        expect(oldEn.body).toContain('This version is no longer in force');
        expect(oldEn.body).toContain(`href="/fr/conditions-generales-de-vente/versions/${before.version}"`);

        const latest = await app.inject({ url: `/en/terms-of-sale/versions/${after.version}` });
        expect(latest.body).toContain(`Version ${after.version}, in force since`);
        expect(latest.body).not.toContain('no longer in force');
      } finally {
        await app.close();
      }
    } finally {
      await settings()
        .updateTable('shop_settings')
        .set({ value: JSON.stringify(seller) })
        .where('key', '=', 'seller')
        .execute();
    }
  });

  it('records a version once when many processes serve it for the first time at once', async () => {
    const seller = { ...suite.context.shop.seller(), phone: '+33 1 00 00 00 01' };
    const shop = suite.context.shop.identity();
    const databases = [suite.database, await suite.connectAgain(), await suite.connectAgain()];
    const services = databases.map(
      (database) =>
        new LegalService(
          new TermsStore(database),
          () => ({ seller, shop }),
          () => new Date(),
        ),
    );
    const answers = await Promise.all(services.flatMap((service) => [1, 2, 3].map(() => service.currentTerms())));
    expect(new Set(answers.map((terms) => terms.version)).size).toBe(1);
    expect(new Set(answers.map((terms) => terms.publishedAt)).size).toBe(1);
    const version = answers[0]?.version;
    expect((await rows()).filter((row) => row.version === version)).toHaveLength(1);
  });

  it('answers an unknown or malformed version with a 404 in the visitor’s language', async () => {
    for (const [url, title] of [
      ['/fr/conditions-generales-de-vente/versions/0000000000', 'Page introuvable'],
      ['/fr/conditions-generales-de-vente/versions/%3Cscript%3E', 'Page introuvable'],
      ['/en/terms-of-sale/versions/0000000000', 'Page not found'],
      [`/en/terms-of-sale/versions/${'a'.repeat(64)}`, 'Page not found'],
    ]) {
      const response = await suite.app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).toContain(title);
      expect(response.body, url).toContain('VT_NOT_FOUND');
    }
  });
});
