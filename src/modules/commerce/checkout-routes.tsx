import { allowFormsTo } from '../../platform/http/security-headers.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clientOf } from '../../platform/auth/client-of.js';
import { randomId } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/http/errors.js';
import { bodyOf, formSchema, privatePage } from '../../platform/http/forms.js';
import { locales } from '../../platform/http/i18n.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { pageContext } from '../../web/page-context.js';
import { alternatesOf, paths } from '../../web/paths.js';
import type { MemberRow } from '../members/index.js';
import { cartOwner } from './cart-routes.js';
import type { PricedCart } from './cart-pricing.js';
import { readCheckoutForm } from './checkout-input.js';
import type { CommerceServices } from './commerce-services.js';
import { orderHoldMs } from './order-timing.js';
import { CheckoutPage } from './views/checkout-page.js';

const checkoutFields = [
  'email',
  'name',
  ...['billing', 'shipping'].flatMap((p) => [
    `${p}_line1`,
    `${p}_line2`,
    `${p}_postal_code`,
    `${p}_city`,
    `${p}_country`,
  ]),
  'shipping_name',
  'shipping_same',
  'create_account',
  'username',
  'password',
  'early_start',
  'accept_terms',
  'cart',
  'checkout_key',
];

/**
 * The checkout: the form (details, addresses, terms, the express request for a course starting
 * soon), then the order, then the gateway's page. A refused form comes back with what was typed.
 */
export function checkoutRoutes(
  app: FastifyInstance,
  platform: PlatformContext,
  services: CommerceServices,
  findMember: (id: string) => Promise<MemberRow | undefined>,
) {
  const secure = platform.config.secureCookies;
  for (const locale of locales) {
    const path = paths.checkout(locale);
    const page = (request: FastifyRequest, reply: FastifyReply) =>
      pageContext(request, reply, { locale, shop: platform.shop.identity(), alternates: alternatesOf(paths.checkout) });

    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      state?: Parameters<typeof CheckoutPage>[0]['state'],
      /** The cart as the handler just read it; read afresh when a refused order may have changed it. */
      viewed?: PricedCart,
    ) => {
      const cart = viewed ?? (await services.carts.view(cartOwner(request, secure), locale));
      const member = request.member ? await findMember(request.member.id) : undefined;
      return (
        <CheckoutPage
          ctx={page(request, reply)}
          cart={cart}
          signedIn={Boolean(member)}
          needsEarlyStart={services.checkout.needsEarlyStart(cart)}
          checkoutKey={state?.values?.checkout_key ?? randomId()}
          holdUntil={new Date(platform.now().getTime() + orderHoldMs).toISOString()}
          prefill={
            member
              ? {
                  email: member.email,
                  name: member.name,
                  line1: member.address_line1,
                  line2: member.address_line2,
                  postalCode: member.postal_code,
                  city: member.city,
                }
              : undefined
          }
          state={state}
        />
      );
    };

    app.get(path, { config: { access: 'public' } }, async (request, reply) => {
      const cart = await services.carts.view(cartOwner(request, secure), locale);
      if (cart.lines.length === 0) return reply.redirect(paths.cart(locale), 303);
      allowFormsTo(reply, services.gateway.pageOrigin);
      return privatePage(reply).html(await render(request, reply, undefined, cart));
    });

    app.post(path, { config: { access: 'public' }, schema: formSchema(checkoutFields) }, async (request, reply) => {
      const body = bodyOf(request);
      try {
        const owner = cartOwner(request, secure);
        const cart = await services.carts.view(owner, locale);
        const form = readCheckoutForm(body, cart.needsShipping);
        if (form.account && !request.member)
          await services.signUp(
            { username: form.account.username, email: form.email, password: form.account.password, name: form.name },
            locale,
            request.ip,
          );
        const next = await services.checkout.placeOrder({
          owner,
          memberId: request.member?.id ?? null,
          locale,
          form,
          client: clientOf(request),
        });
        // The gateway's page is another origin: a 303 to it, as any hosted payment page.
        return reply.redirect(next.payUrl ?? `${services.urls.orderPath(locale, next.orderId)}&gateway=down`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        if (error.code === 'VT_CART_EMPTY') return reply.redirect(paths.cart(locale), 303);
        request.log.info({ code: error.code, status: error.status }, 'checkout refused');
        const { password: _typed, ...values } = body;
        allowFormsTo(reply, services.gateway.pageOrigin);
        return privatePage(reply)
          .code(error.status)
          .html(await render(request, reply, { code: error.code, fields: error.details?.fields, values }));
      }
    });
  }
}
