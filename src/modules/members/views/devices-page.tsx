import { defineWording } from '../../../platform/http/i18n.js';
import { CsrfField } from '../../../web/components/form.js';
import { formatDate } from '../../../platform/format.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import type { SessionRow } from '../../../platform/auth/session-store.js';
import type { DeviceDescriber } from '../../../platform/auth/device-description.js';
import { AccountLayout } from './account-layout.js';

const text = defineWording({
  en: {
    title: 'Devices',
    lead: 'The browsers and devices signed in to your account. Do not recognise one? Sign it out and change your password.',
    current: 'This device',
    lastUsed: 'Last used',
    since: 'signed in',
    ip: 'IP address',
    remembered: 'remembered for 12 months',
    signOut: 'Sign out',
    signOutDevice: 'Sign out this device:',
    signOutOthers: 'Sign out all other devices',
    revoked: 'The device was signed out.',
    revokedAll: 'All your other devices were signed out.',
  },
  fr: {
    title: 'Appareils',
    lead: 'Les navigateurs et appareils connectés à votre compte. Vous n’en reconnaissez pas un ? Déconnectez-le et changez votre mot de passe.',
    current: 'Cet appareil',
    lastUsed: 'Dernière utilisation',
    since: 'connecté le',
    ip: 'Adresse IP',
    remembered: 'mémorisé 12 mois',
    signOut: 'Déconnecter',
    signOutDevice: 'Déconnecter cet appareil :',
    signOutOthers: 'Déconnecter tous les autres appareils',
    revoked: 'L’appareil a été déconnecté.',
    revokedAll: 'Tous vos autres appareils ont été déconnectés.',
  },
});

export function DevicesPage(props: {
  ctx: PageContext;
  username: string;
  sessions: SessionRow[];
  currentId: string;
  describeDevice: DeviceDescriber;
  notice?: 'revoked' | 'revokedAll';
}) {
  const { ctx } = props;
  const t = text[ctx.locale];
  const others = props.sessions.filter((s) => s.id !== props.currentId);
  return (
    <AccountLayout ctx={ctx} title={t.title} username={props.username} notice={props.notice && t[props.notice]}>
      <p class="lead">{t.lead}</p>
      <div class="panel">
        <ul class="device-list">
          {props.sessions.map((session) => {
            const device = props.describeDevice(session.user_agent, ctx.locale);
            return (
              <li class="device" key={session.id}>
                <div>
                  <p class="device-name">
                    {device}
                    {session.id === props.currentId && <span class="badge badge--current">{t.current}</span>}
                  </p>
                  <p class="device-meta">
                    {t.lastUsed} {formatDate(session.last_used_at, ctx.locale, true)} · {t.ip} {session.ip ?? '?'} ·{' '}
                    {t.since} {formatDate(session.created_at, ctx.locale)}
                    {session.remember === 1 && ` · ${t.remembered}`}
                  </p>
                </div>
                {session.id !== props.currentId && (
                  <form method="post" action={`${paths.devices(ctx.locale)}/${session.id}/sign-out`}>
                    <CsrfField ctx={ctx} />
                    <button class="button button--ghost" type="submit" aria-label={`${t.signOutDevice} ${device}`}>
                      {t.signOut}
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      {others.length > 0 && (
        <form method="post" action={`${paths.devices(ctx.locale)}/sign-out-others`}>
          <CsrfField ctx={ctx} />
          <button class="button" type="submit">
            {t.signOutOthers}
          </button>
        </form>
      )}
    </AccountLayout>
  );
}
