import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clearDeclaredCookie, cookieNameFor, setDeclaredCookie } from '../../platform/http/cookie-guard.js';
import { AppError } from '../../platform/http/errors.js';
import { bodyOf, formSchema, privatePage } from '../../platform/http/forms.js';
import { type Locale, locales } from '../../platform/http/i18n.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { pageContext } from '../../web/page-context.js';
import { alternatesOf, paths } from '../../web/paths.js';
import type { CartOwner } from './cart-service.js';
import type { CommerceServices } from './commerce-services.js';
import { cartCookie } from './privacy.js';
import { CartPage, type CartNotice, cartNotices } from './views/cart-page.js';

/** Whose cart a request is about: the signed-in member's, or the guest's by their cookie. */
export function cartOwner(request: FastifyRequest, secure: boolean): CartOwner {
  if (request.member) return { memberId: request.member.id };
  return { guestToken: request.cookies[cookieNameFor(cartCookie, secure)] };
}

/**
 * The cart page and its forms (add, change a quantity, remove), all posting without JavaScript.
 * A refused change shows the cart again with the refusal, and changes nothing.
 */
export function cartRoutes(app: FastifyInstance, platform: PlatformContext, services: CommerceServices) {
  const secure = platform.config.secureCookies;
  const guestCookie = cookieNameFor(cartCookie, secure);

  // At sign-in a guest's cart joins the member's (on the first page after it), and its cookie goes.
  app.addHook('preHandler', async (request, reply) => {
    const token = request.member ? request.cookies[guestCookie] : undefined;
    if (!token || !request.member) return;
    await services.carts.merge(token, request.member.id);
    clearDeclaredCookie(reply, cartCookie, { secure });
  });

  for (const locale of locales) {
    const base = paths.cart(locale);
    const page = (request: FastifyRequest, reply: FastifyReply) =>
      pageContext(request, reply, { locale, shop: platform.shop.identity(), alternates: alternatesOf(paths.cart) });

    app.get<{ Querystring: { notice?: CartNotice } }>(
      base,
      {
        config: { access: 'public' },
        schema: { querystring: { type: 'object', properties: { notice: { type: 'string', enum: [...cartNotices] } } } },
      },
      async (request, reply) => {
        const cart = await services.carts.view(cartOwner(request, secure), locale);
        return privatePage(reply).html(
          <CartPage ctx={page(request, reply)} cart={cart} notice={request.query.notice} />,
        );
      },
    );

    const change = (
      path: string,
      notice: CartNotice,
      act: (owner: CartOwner, body: Record<string, string>, locale: Locale) => Promise<string | undefined>,
    ) =>
      app.post(
        path,
        { config: { access: 'public' }, schema: formSchema(['offer', 'quantity']) },
        async (request, reply) => {
          const owner = cartOwner(request, secure);
          try {
            const newToken = await act(owner, bodyOf(request), locale);
            if (newToken) setDeclaredCookie(reply, cartCookie, newToken, { secure });
          } catch (error) {
            if (!(error instanceof AppError) || error.status >= 500) throw error;
            request.log.info({ code: error.code }, 'cart change refused');
            const cart = await services.carts.view(owner, locale);
            return privatePage(reply)
              .code(error.status)
              .html(
                <CartPage
                  ctx={page(request, reply)}
                  cart={cart}
                  state={{ code: error.code, fields: error.details?.fields }}
                />,
              );
          }
          return reply.redirect(`${base}?notice=${notice}`, 303);
        },
      );

    change(paths.cartAdd(locale), 'added', (owner, body) =>
      services.carts.add(owner, offerOf(body), quantityOf(body.quantity ?? '1'), locale),
    );
    change(`${base}/update`, 'updated', async (owner, body) => {
      await services.carts.setQuantity(owner, offerOf(body), quantityOf(body.quantity ?? ''), locale);
      return undefined;
    });
    change(`${base}/remove`, 'removed', async (owner, body) => {
      await services.carts.setQuantity(owner, offerOf(body), 0, locale);
      return undefined;
    });
  }
}

function offerOf(body: Record<string, string>): string {
  const offer = (body.offer ?? '').trim();
  if (!offer || offer.length > 100) throw new AppError('VT_OFFER_UNAVAILABLE');
  return offer;
}

function quantityOf(raw: string): number {
  const value = raw.trim();
  if (!/^\d{1,3}$/.test(value)) throw new AppError('VT_VALIDATION', { fields: { quantity: 'quantity' } });
  return Number(value);
}
