import { expect, it } from 'vitest';
import { describeEachEngine, type Suite } from '../../../test/harness.js';
import { firefox, memberPassword, verifiedMember } from '../../../test/members.js';
import { Visitor } from '../../../test/visitor.js';
import { modules as shopModules } from '../../module-list.js';
import { locales } from '../../platform/http/i18n.js';
import { defineModule } from '../../platform/module.js';
import { paths } from '../../web/paths.js';
import { type AccountLine, accountUses } from './account-uses.js';
import { ordersAccountUse } from '../commerce/index.js';
import { membersModule } from './index.js';

// What these pages once promised though nothing gave it yet (orders and invoices are given since
// the shop sells: commerce's line). The site's menu links to courses, so only the page's own card
// or form is searched.
const missing = /\b(courses?|reviews?|comments?|formations?|avis|commentaires?)\b/i;

/** The part of `body` from `start` to the next `end`. */
function part(body: string, start: string, end: string): string {
  const from = body.indexOf(start);
  expect(from).toBeGreaterThan(-1);
  return body.slice(from, body.indexOf(end, from));
}

const signUpCard = (body: string) => part(body, '<div class="form-card">', '</form>');
const profileForm = (body: string) => part(body, 'class="panel"', '</form>');
const benefitsOf = (card: string) => [...card.matchAll(/<li>([^<]*)<\/li>/g)].map((match) => match[1]);

async function signedIn(suite: Suite, username: string) {
  await verifiedMember(suite, username);
  const visitor = new Visitor(suite.app, { 'user-agent': firefox });
  expect(
    (
      await visitor.submit('/en/account/sign-in', '/en/account/sign-in', {
        identifier: username,
        password: memberPassword,
      })
    ).statusCode,
  ).toBe(303);
  return visitor;
}

describeEachEngine('what the members pages say an account gives', (suite) => {
  it('lists on the sign-up page what an account gives today, in each language, and promises nothing else', async () => {
    for (const locale of locales) {
      const page = await suite.app.inject({ url: paths.signUp(locale) });
      expect(page.statusCode).toBe(200);
      const card = signUpCard(page.body);
      expect(benefitsOf(card)).toEqual([...accountUses().benefits, ordersAccountUse].map((line) => line[locale]));
      expect(card).toContain(
        locale === 'en'
          ? 'You can sign in with it instead of your email address.'
          : 'Vous pouvez l’utiliser pour vous connecter',
      );
      expect(card).not.toMatch(missing);
    }
  });

  it('says on the profile that no page shows it to other visitors, and promises nothing else', async () => {
    const visitor = await signedIn(suite, 'grace');
    for (const locale of locales) {
      const page = await visitor.get(paths.account(locale));
      expect(page.statusCode).toBe(200);
      const form = profileForm(page.body);
      expect(form).toContain(
        locale === 'en'
          ? 'Optional. No page of the shop shows it to other visitors.'
          : 'Facultatif. Aucune page de la boutique ne le montre aux autres visiteurs.',
      );
      expect(form).not.toMatch(missing);
    }
  });
});

// A later module that gives members something, and shows their profile to others.
const follow: AccountLine = {
  en: 'Follow the courses you signed up for.',
  fr: 'Suivre les formations auxquelles vous êtes inscrit.',
};
const shown: AccountLine = {
  en: 'Your display name is shown with the reviews you write.',
  fr: 'Votre nom affiché accompagne les avis que vous écrivez.',
};
const coursesModule = defineModule({
  name: 'courses',
  dependsOn: { members: membersModule },
  services: (_platform, { members }) => {
    members.accountUses.benefits.push(follow);
    members.accountUses.shownToOthers.push(shown);
    return {};
  },
});

describeEachEngine(
  'a module that gives members more',
  (suite) => {
    it('adds its own line to the sign-up page, after what the members module gives', async () => {
      for (const locale of locales) {
        const card = signUpCard((await suite.app.inject({ url: paths.signUp(locale) })).body);
        expect(benefitsOf(card)).toEqual(
          [...accountUses().benefits, ordersAccountUse, follow].map((line) => line[locale]),
        );
        expect(card).toContain(shown[locale]);
      }
    });

    it('says on the profile where other visitors see it, instead of nowhere', async () => {
      const visitor = await signedIn(suite, 'hedy');
      const form = profileForm((await visitor.get('/en/account')).body);
      expect(form).toContain(`Optional. ${shown.en}`);
      expect(form).not.toContain('No page of the shop shows it');
    });
  },
  { overrides: { modules: [...shopModules, coursesModule] } },
);
