import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/harness.js';

describeEachEngine('privacy policy and cookie pages', (suite) => {
  it('renders every declared personal table in the policy, in both languages', async () => {
    const en = await suite.app.inject({ url: '/en/privacy' });
    expect(en.statusCode).toBe(200);
    const fr = await suite.app.inject({ url: '/fr/confidentialite' });
    expect(fr.statusCode).toBe(200);
    for (const { about } of suite.context.privacy.personalTables()) {
      expect(en.body).toContain(about.en);
      expect(fr.body).toContain(about.fr);
    }
    expect(en.body).toContain('Code Academy is the data controller');
    expect(en.body).toContain('3 months after the email is sent.');
    expect(fr.body).toContain('Copies des e-mails que nous vous envoyons');
    expect(fr.body).toContain('3 mois après l’envoi de l’e-mail.');
    expect(fr.body).toContain('Exécution d’un contrat avec vous (RGPD art. 6(1)(b))');
  });

  it('lists the cookies from the registry, with purpose and duration', async () => {
    const page = await suite.app.inject({ url: '/fr/cookies' });
    expect(page.statusCode).toBe(200);
    const names = suite.context.privacy.cookies.all().map((c) => c.name);
    expect(names.sort()).toEqual([
      'XSRF-STAFF',
      'XSRF-TOKEN',
      'vitrine_cart',
      'vitrine_device',
      'vitrine_session',
      'vitrine_staff',
    ]);
    for (const name of names) expect(page.body).toContain(`<code>${name}</code>`);
    expect(page.body).toContain('Jusqu’à la fermeture du navigateur');
    expect(page.body).toContain('12 mois');
    expect(page.body).toContain('Rester connecté');
    expect(page.body).toContain('protection CSRF');
    expect(page.body).toContain('déjà connecté à votre compte');
  });
});
