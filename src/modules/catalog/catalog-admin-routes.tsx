import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { visitorLocale } from '../../platform/http/error-handler.js';
import { AppError } from '../../platform/http/errors.js';
import { bodyOf, formSchema, textField } from '../../platform/http/forms.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { pageContext } from '../../web/page-context.js';
import { requireStaff, signedInStaff } from '../backoffice/index.js';
import {
  readAvailable,
  readOfferForm,
  readProductForm,
  readProductStatus,
  readOfferStatus,
} from './catalog-admin-input.js';
import type { CatalogAdminService } from './catalog-admin-service.js';
import type { ProductKind } from './product.js';
import { productPhotoRoutes } from './product-photo-routes.js';
import type { ProductPhotos } from './product-photos.js';
import {
  AdminCatalogPage,
  AdminOfferPage,
  AdminProductPage,
  type CatalogFormState,
  type CatalogNotice,
  catalogNotices,
} from './views/admin-catalog-pages.js';

const productFields = [
  'slug',
  'kind',
  'price',
  'vat_rate',
  'level',
  'format',
  'duration_hours',
  'cover',
  'featured',
  'publish',
  ...['name', 'summary', 'description', 'highlights'].flatMap((field) => [`${field}_en`, `${field}_fr`]),
];
const offerFields = [
  'starts_at',
  'ends_at',
  'schedule_en',
  'schedule_fr',
  'online',
  'place',
  'label_en',
  'label_fr',
  'sku',
  'available',
  'price',
];

type Params = { Params: { id: string } };
type OfferParams = { Params: { id: string; offer: string } };

/**
 * The catalog of the back office (/admin/catalog), for the roles with catalog.manage (owner,
 * marketing): products created, edited, published, unpublished, archived (never deleted: orders
 * name them); their sessions, sizes or single offer added, edited, archived, what is left set;
 * their photos (product-photo-routes.tsx).
 * Plain forms; a refused one comes back with its problems by its fields and what was typed, and
 * nothing changed.
 */
export async function catalogAdminRoutes(
  admin: FastifyInstance,
  platform: PlatformContext,
  catalog: CatalogAdminService,
  photos: ProductPhotos,
) {
  const options = (fields?: string[]) => ({
    preHandler: requireStaff('catalog.manage'),
    config: { access: { staff: 'catalog.manage' } as const },
    ...(fields ? { schema: formSchema(fields) } : {}),
  });
  // A description may be longer than formSchema’s 4000 characters: the parser refuses beyond 8000, next to the field.
  const product = formSchema(productFields);
  const productOptions = {
    ...options(),
    schema: {
      body: {
        ...product.body,
        properties: {
          ...product.body.properties,
          description_en: textField(20_000),
          description_fr: textField(20_000),
        },
      },
    },
  };
  const page = (request: FastifyRequest, reply: FastifyReply) =>
    pageContext(request, reply, { locale: visitorLocale(request), shop: platform.shop.identity() });
  const html = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  const productPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | undefined,
    extra: { notice?: CatalogNotice; state?: CatalogFormState } = {},
  ) => {
    const product = id ? await catalog.get(id) : undefined;
    return html(reply).html(
      <AdminProductPage
        ctx={page(request, reply)}
        staff={signedInStaff(request)}
        product={product}
        photos={product ? await photos.of(product.product.id) : []}
        {...extra}
      />,
    );
  };

  const offerPage = async (request: FastifyRequest<OfferParams>, reply: FastifyReply, state?: CatalogFormState) => {
    const { product, offer } = await catalog.findOffer(request.params.id, request.params.offer);
    return html(reply).html(
      <AdminOfferPage
        ctx={page(request, reply)}
        staff={signedInStaff(request)}
        product={product}
        offer={offer}
        state={state}
      />,
    );
  };

  /**
   * Runs a change and goes on to `work`'s address; a refusal shows `again` (the page of the form)
   * with the problems, in the staff member's language, and changes nothing. An unknown product or
   * offer is the error page's 404.
   */
  const change = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: string,
    work: () => Promise<string>,
    again: (state: CatalogFormState) => Promise<FastifyReply>,
  ) => {
    try {
      return reply.redirect(await work(), 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.code === 'VT_NOT_FOUND') throw error;
      request.log.info({ code: error.code, form }, 'catalog change refused');
      reply.code(error.status);
      return again({ form, code: error.code, fields: error.details?.fields, values: bodyOf(request) });
    }
  };

  admin.get('/catalog', options(), async (request, reply) =>
    html(reply).html(
      <AdminCatalogPage
        ctx={page(request, reply)}
        staff={signedInStaff(request)}
        products={await catalog.list(visitorLocale(request))}
      />,
    ),
  );

  admin.get('/catalog/new', options(), (request, reply) => productPage(request, reply, undefined));

  admin.post('/catalog', productOptions, (request, reply) =>
    change(
      request,
      reply,
      'product',
      async () => `/admin/catalog/${await catalog.create(readProductForm(bodyOf(request)))}?done=created`,
      (state) => productPage(request, reply, undefined, { state }),
    ),
  );

  admin.get<Params & { Querystring: { done?: CatalogNotice } }>(
    '/catalog/:id',
    {
      ...options(),
      schema: { querystring: { type: 'object', properties: { done: { type: 'string', enum: [...catalogNotices] } } } },
    },
    (request, reply) => productPage(request, reply, request.params.id, { notice: request.query.done }),
  );

  admin.post<Params>('/catalog/:id', productOptions, (request, reply) => {
    const { id } = request.params;
    return change(
      request,
      reply,
      'product',
      async () => {
        await catalog.update(id, readProductForm(bodyOf(request)));
        return `/admin/catalog/${id}?done=saved`;
      },
      (state) => productPage(request, reply, id, { state }),
    );
  });

  admin.post<Params>('/catalog/:id/status', options(['status']), (request, reply) => {
    const { id } = request.params;
    return change(
      request,
      reply,
      'status',
      async () => {
        await catalog.setStatus(id, readProductStatus(bodyOf(request)));
        return `/admin/catalog/${id}?done=status`;
      },
      (state) => productPage(request, reply, id, { state }),
    );
  });

  admin.post<Params>('/catalog/:id/offers', options(offerFields), (request, reply) => {
    const { id } = request.params;
    return change(
      request,
      reply,
      'offer',
      async () => {
        const { product } = await catalog.get(id);
        await catalog.addOffer(id, readOfferForm(bodyOf(request), product.kind as ProductKind));
        return `/admin/catalog/${id}?done=offer`;
      },
      (state) => productPage(request, reply, id, { state }),
    );
  });

  admin.get<OfferParams>('/catalog/:id/offers/:offer', options(), (request, reply) => offerPage(request, reply));

  admin.post<OfferParams>('/catalog/:id/offers/:offer', options(offerFields), (request, reply) => {
    const { id, offer } = request.params;
    return change(
      request,
      reply,
      'offer',
      async () => {
        const found = await catalog.findOffer(id, offer);
        const kind = found.product.product.kind as ProductKind;
        await catalog.updateOffer(id, offer, readOfferForm(bodyOf(request), kind, found.offer.kind));
        return `/admin/catalog/${id}?done=offer`;
      },
      (state) => offerPage(request, reply, state),
    );
  });

  admin.post<OfferParams>('/catalog/:id/offers/:offer/available', options(['available']), (request, reply) => {
    const { id, offer } = request.params;
    return change(
      request,
      reply,
      `available:${offer}`,
      async () => {
        await catalog.setAvailable(id, offer, readAvailable(bodyOf(request)));
        return `/admin/catalog/${id}?done=offer`;
      },
      (state) => productPage(request, reply, id, { state }),
    );
  });

  admin.post<OfferParams>('/catalog/:id/offers/:offer/status', options(['status']), (request, reply) => {
    const { id, offer } = request.params;
    return change(
      request,
      reply,
      'offer-status',
      async () => {
        await catalog.setOfferStatus(id, offer, readOfferStatus(bodyOf(request)));
        return `/admin/catalog/${id}?done=offer`;
      },
      (state) => offerPage(request, reply, state),
    );
  });

  await productPhotoRoutes(admin, {
    catalog,
    photos,
    change,
    again: (request, reply, id, state) => productPage(request, reply, id, { state }),
  });
}
