import { formatDate, formatMoney } from '../../../platform/format.js';
import type { ErrorCode } from '../../../platform/http/errors.js';
import { defineWording } from '../../../platform/http/i18n.js';
import { formatVatRate } from '../../../platform/vat.js';
import { CsrfField, Field, FormAlert, Notice } from '../../../web/components/form.js';
import { ScrollTable } from '../../../web/components/scroll-table.js';
import { fieldProblemText } from '../../../web/field-wording.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import { type StaffPrincipal, StaffLayout } from '../../backoffice/index.js';
import type { AdminProduct, AdminProductLine } from '../catalog-admin.js';
import { vatRates } from '../catalog-admin-input.js';
import { productKinds } from '../product.js';

const text = defineWording({
  en: {
    title: 'Catalog',
    lead: 'Products, courses and workshops: what the shop sells, its prices, and its stock or seats.',
    add: 'Add a product',
    name: 'Name',
    kind: 'Kind',
    status: 'Status',
    price: 'Price',
    offers: 'Offers',
    left: 'Left',
    unlimited: 'Unlimited',
    kinds: { course: 'Course', workshop: 'Workshop', product: 'Product' },
    statuses: { active: 'Published', draft: 'Draft', archived: 'Archived' },
    newTitle: 'New product',
    editTitle: (name: string) => `Edit ${name}`,
    back: 'All products',
    slug: 'Web address (slug)',
    slugHint: 'The end of the product page’s address: /en/catalog/…',
    priceLabel: 'Price in euros, VAT included',
    vat: 'VAT rate',
    publish: 'Published on the shop',
    draftHint: 'Unticked, the product stays a draft that only staff see.',
    english: 'English',
    french: 'French',
    nameLabel: 'Name',
    summary: 'Summary (one or two sentences)',
    description: 'Description',
    save: 'Save',
    create: 'Create the product',
    archive: 'Archive this product',
    archiveLead: 'It leaves the shop for good; orders that name it keep it.',
    offersTitle: 'Sessions, sizes and stock',
    offer: 'Offer',
    available: 'Left to sell',
    availableHint: 'Empty: unlimited.',
    archived: 'Archived',
    update: 'Update',
    addSession: 'Add a session',
    addVariant: 'Add a size or variant',
    startsAt: 'Starts (Paris time)',
    hours: 'Length in hours',
    online: 'Online',
    place: 'Place',
    seats: 'Seats',
    labelEn: 'Label in English',
    labelFr: 'Label in French',
    stock: 'Stock',
    view: 'See it on the shop',
    done: { created: 'The product is created.', saved: 'Saved: the shop shows it now.', offer: 'The offer is saved.' },
  },
  fr: {
    title: 'Catalogue',
    lead: 'Produits, cours et ateliers : ce que vend la boutique, ses prix, ses stocks et ses places.',
    add: 'Ajouter un produit',
    name: 'Nom',
    kind: 'Type',
    status: 'Statut',
    price: 'Prix',
    offers: 'Offres',
    left: 'Restant',
    unlimited: 'Illimité',
    kinds: { course: 'Cours', workshop: 'Atelier', product: 'Produit' },
    statuses: { active: 'Publié', draft: 'Brouillon', archived: 'Archivé' },
    newTitle: 'Nouveau produit',
    editTitle: (name: string) => `Modifier ${name}`,
    back: 'Tous les produits',
    slug: 'Adresse web (slug)',
    slugHint: 'La fin de l’adresse de la page produit : /fr/catalogue/…',
    priceLabel: 'Prix TTC en euros',
    vat: 'Taux de TVA',
    publish: 'Publié sur la boutique',
    draftHint: 'Décoché, le produit reste un brouillon visible du seul personnel.',
    english: 'Anglais',
    french: 'Français',
    nameLabel: 'Nom',
    summary: 'Résumé (une ou deux phrases)',
    description: 'Description',
    save: 'Enregistrer',
    create: 'Créer le produit',
    archive: 'Archiver ce produit',
    archiveLead: 'Il quitte la boutique pour de bon ; les commandes qui le citent le gardent.',
    offersTitle: 'Sessions, tailles et stock',
    offer: 'Offre',
    available: 'Restant à vendre',
    availableHint: 'Vide : illimité.',
    archived: 'Archivée',
    update: 'Mettre à jour',
    addSession: 'Ajouter une session',
    addVariant: 'Ajouter une taille ou une variante',
    startsAt: 'Début (heure de Paris)',
    hours: 'Durée en heures',
    online: 'En ligne',
    place: 'Lieu',
    seats: 'Places',
    labelEn: 'Libellé en anglais',
    labelFr: 'Libellé en français',
    stock: 'Stock',
    view: 'La voir sur la boutique',
    done: {
      created: 'Le produit est créé.',
      saved: 'Enregistré : la boutique l’affiche désormais.',
      offer: 'L’offre est enregistrée.',
    },
  },
});

export type CatalogNotice = keyof (typeof text)['en']['done'];
export const catalogNotices = ['created', 'saved', 'offer'] as const satisfies readonly CatalogNotice[];

export interface CatalogFormState {
  code: ErrorCode;
  fields?: Record<string, string>;
  values?: Record<string, string>;
}

export function AdminCatalogPage(props: { ctx: PageContext; staff: StaffPrincipal; products: AdminProductLine[] }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  return (
    <StaffLayout ctx={ctx} title={t.title} staff={props.staff}>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <p>
        <a class="button" href="/admin/catalog/new">
          {t.add}
        </a>
      </p>
      <ScrollTable label={t.title} headers={[t.name, t.kind, t.status, t.price, t.offers, t.left]}>
        {props.products.map((product) => (
          <tr key={product.id}>
            <td>
              <a href={`/admin/catalog/${product.id}`}>{product.name}</a>
            </td>
            <td>{t.kinds[product.kind]}</td>
            <td>{t.statuses[product.status]}</td>
            <td class="num">{formatMoney(product.priceCents, product.currency, ctx.locale)}</td>
            <td class="num">{product.offers}</td>
            <td class="num">{product.available === null ? t.unlimited : product.available}</td>
          </tr>
        ))}
      </ScrollTable>
    </StaffLayout>
  );
}

/** The form of a new product, or of one being edited, with its offers below when it exists. */
export function AdminProductPage(props: {
  ctx: PageContext;
  staff: StaffPrincipal;
  product?: AdminProduct;
  notice?: CatalogNotice;
  state?: CatalogFormState;
}) {
  const { ctx, product } = props;
  const t = text[ctx.locale];
  const values = props.state?.values;
  const value = (name: string, saved: string | number | null | undefined) =>
    values?.[name] ?? (saved === null || saved === undefined ? '' : String(saved));
  const error = (name: string) => {
    const problem = props.state?.fields?.[name];
    return problem ? fieldProblemText(problem, ctx.locale) : undefined;
  };
  const p = product?.product;
  const title = product ? t.editTitle(product.texts[ctx.locale].name) : t.newTitle;
  const published = values ? values.status === 'active' : p?.status === 'active';
  const productPath = p ? `${paths.catalog(ctx.locale)}/${p.slug}` : undefined;
  return (
    <StaffLayout ctx={ctx} title={title} staff={props.staff}>
      <p>
        <a href="/admin/catalog">← {t.back}</a>
      </p>
      <h1>{title}</h1>
      {props.notice && <Notice kind="success">{t.done[props.notice]}</Notice>}
      <FormAlert ctx={ctx} code={props.state?.code} />
      {productPath && p?.status === 'active' && (
        <p>
          <a href={productPath}>{t.view}</a>
        </p>
      )}
      <form method="post" action={p ? `/admin/catalog/${p.id}` : '/admin/catalog'} class="panel" novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="slug"
          label={t.slug}
          hint={t.slugHint}
          value={value('slug', p?.slug)}
          error={error('slug')}
          maxLength={80}
        />
        <div class="field">
          <label for="field-kind">{t.kind}</label>
          <select id="field-kind" name="kind">
            {productKinds.map((kind) => (
              <option key={kind} value={kind} selected={value('kind', p?.kind) === kind}>
                {t.kinds[kind]}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="price"
          label={t.priceLabel}
          value={value('price', p ? (p.price_cents / 100).toFixed(2) : '')}
          error={error('price')}
          maxLength={12}
        />
        <div class="field">
          <label for="field-vat_rate">{t.vat}</label>
          <select id="field-vat_rate" name="vat_rate">
            {vatRates.map((rate) => (
              <option key={rate} value={rate} selected={value('vat_rate', p?.vat_rate_bp ?? 2000) === String(rate)}>
                {formatVatRate(rate, ctx.locale)}
              </option>
            ))}
          </select>
        </div>
        <div class="field field--check">
          <input id="field-status" type="checkbox" name="status" value="active" checked={published} />
          <label for="field-status">{t.publish}</label>
        </div>
        <p class="field-hint">{t.draftHint}</p>
        {(['en', 'fr'] as const).map((locale) => (
          <fieldset key={locale} class="panel">
            <legend>{locale === 'en' ? t.english : t.french}</legend>
            <Field
              name={`name_${locale}`}
              label={t.nameLabel}
              value={value(`name_${locale}`, product?.texts[locale].name)}
              error={error(`name_${locale}`)}
              maxLength={120}
            />
            <Field
              name={`summary_${locale}`}
              label={t.summary}
              value={value(`summary_${locale}`, product?.texts[locale].summary)}
              error={error(`summary_${locale}`)}
              maxLength={300}
            />
            <Field
              name={`description_${locale}`}
              label={t.description}
              value={value(`description_${locale}`, product?.texts[locale].description)}
              error={error(`description_${locale}`)}
              multiline
              maxLength={8000}
            />
          </fieldset>
        ))}
        <button type="submit" class="button">
          {p ? t.save : t.create}
        </button>
      </form>
      {product && <Offers ctx={ctx} product={product} error={error} value={(name) => values?.[name] ?? ''} />}
      {p && p.status !== 'archived' && (
        <form method="post" action={`/admin/catalog/${p.id}/archive`} class="panel">
          <CsrfField ctx={ctx} />
          <p>{t.archiveLead}</p>
          <button type="submit" class="button button--danger">
            {t.archive}
          </button>
        </form>
      )}
    </StaffLayout>
  );
}

function Offers(props: {
  ctx: PageContext;
  product: AdminProduct;
  error: (name: string) => string | undefined;
  value: (name: string) => string;
}) {
  const { ctx, product } = props;
  const t = text[ctx.locale];
  const sessions = product.product.kind !== 'product';
  const describe = (offer: AdminProduct['offers'][number]) =>
    offer.starts_at
      ? `${formatDate(offer.starts_at, ctx.locale, true)} · ${offer.online ? t.online : (offer.place ?? '')}`
      : ((ctx.locale === 'fr' ? offer.label_fr : offer.label_en) ?? '—');
  return (
    <section class="panel">
      <h2>{t.offersTitle}</h2>
      <ScrollTable label={t.offersTitle} headers={[t.offer, t.available, t.archived, '']}>
        {product.offers.map((offer) => (
          <tr key={offer.id}>
            <td>{describe(offer)}</td>
            <td colSpan={3}>
              <form
                method="post"
                action={`/admin/catalog/${product.product.id}/offers/${offer.id}`}
                class="quantity-form"
              >
                <CsrfField ctx={ctx} />
                <input
                  class="quantity-input"
                  name="available"
                  inputMode="numeric"
                  value={offer.available === null ? '' : String(offer.available)}
                  aria-label={`${t.available}: ${describe(offer)}`}
                />
                <label>
                  <input type="checkbox" name="archived" value="1" checked={offer.status === 'archived'} /> {t.archived}
                </label>
                <button type="submit" class="link-button">
                  {t.update}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </ScrollTable>
      <form method="post" action={`/admin/catalog/${product.product.id}/offers`} novalidate>
        <CsrfField ctx={ctx} />
        <h3>{sessions ? t.addSession : t.addVariant}</h3>
        {sessions ? (
          <>
            <div class="field">
              <label for="field-starts_at">{t.startsAt}</label>
              <input id="field-starts_at" type="datetime-local" name="starts_at" value={props.value('starts_at')} />
              {props.error('starts_at') && <p class="field-error">{props.error('starts_at')}</p>}
            </div>
            <Field
              name="hours"
              label={t.hours}
              value={props.value('hours')}
              error={props.error('hours')}
              maxLength={3}
            />
            <div class="field field--check">
              <input
                id="field-online"
                type="checkbox"
                name="online"
                value="1"
                checked={props.value('online') === '1'}
              />
              <label for="field-online">{t.online}</label>
            </div>
            <Field
              name="place"
              label={t.place}
              value={props.value('place')}
              error={props.error('place')}
              maxLength={200}
            />
            <Field
              name="available"
              label={t.seats}
              value={props.value('available')}
              error={props.error('available')}
              maxLength={6}
            />
          </>
        ) : (
          <>
            <Field
              name="label_en"
              label={t.labelEn}
              value={props.value('label_en')}
              error={props.error('label_en')}
              maxLength={60}
            />
            <Field
              name="label_fr"
              label={t.labelFr}
              value={props.value('label_fr')}
              error={props.error('label_fr')}
              maxLength={60}
            />
            <Field
              name="available"
              label={t.stock}
              hint={t.availableHint}
              value={props.value('available')}
              error={props.error('available')}
              maxLength={6}
            />
          </>
        )}
        <button type="submit" class="button button--secondary">
          {sessions ? t.addSession : t.addVariant}
        </button>
      </form>
    </section>
  );
}
