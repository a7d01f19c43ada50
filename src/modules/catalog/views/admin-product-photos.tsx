import { type Locale, defineWording } from '../../../platform/http/i18n.js';
import { CsrfField, Field, Notice } from '../../../web/components/form.js';
import type { PageContext } from '../../../web/page-context.js';
import type { ProductImageRow } from '../product-image-store.js';
import { photoLimits } from '../product-photo-input.js';
import { productPhotoUrl } from '../product.js';
import { ActionButton, type CatalogFormState, formOf } from './catalog-forms.js';

const text = defineWording({
  en: {
    title: 'Photos',
    lead: 'The first photo is the main one: large on the product page, and on the cards of the catalog and the home page. The others follow below it. Without photos, the cover art shows.',
    none: 'No photos yet.',
    main: 'Main photo',
    altEn: 'Description in English',
    altFr: 'Description in French',
    altHint: 'What the photo shows, for people who cannot see it (and for search engines). One sentence.',
    save: 'Save the descriptions',
    up: 'Move up',
    down: 'Move down',
    remove: 'Remove',
    add: 'Add a photo',
    file: 'Photo',
    fileHint: `JPEG, PNG or WebP, at most 5 MB and ${photoLimits.side} pixels a side; about 2000 pixels wide is best. Where and with what it was taken (GPS, camera) is removed before it is kept.`,
    upload: 'Upload the photo',
    full: 'Full size',
    done: {
      'photo-added': 'Photo added: the shop shows it now.',
      'photo-saved': 'Descriptions saved.',
      'photo-moved': 'Order saved: the first photo is the main one.',
      'photo-removed': 'Photo removed.',
    },
  },
  fr: {
    title: 'Photos',
    lead: 'La première photo est la principale : en grand sur la page du produit, et sur les vignettes du catalogue et de l’accueil. Les autres suivent en dessous. Sans photo, l’illustration s’affiche.',
    none: 'Aucune photo pour l’instant.',
    main: 'Photo principale',
    altEn: 'Description en anglais',
    altFr: 'Description en français',
    altHint: 'Ce que montre la photo, pour qui ne peut pas la voir (et pour les moteurs de recherche). Une phrase.',
    save: 'Enregistrer les descriptions',
    up: 'Monter',
    down: 'Descendre',
    remove: 'Retirer',
    add: 'Ajouter une photo',
    file: 'Photo',
    fileHint: `JPEG, PNG ou WebP, 5 Mo et ${photoLimits.side} pixels de côté au plus ; environ 2000 pixels de large, c’est l’idéal. Le lieu et l’appareil de la prise de vue (GPS, appareil photo) sont retirés avant qu’elle soit conservée.`,
    upload: 'Envoyer la photo',
    full: 'Taille réelle',
    done: {
      'photo-added': 'Photo ajoutée : la boutique l’affiche désormais.',
      'photo-saved': 'Descriptions enregistrées.',
      'photo-moved': 'Ordre enregistré : la première photo est la principale.',
      'photo-removed': 'Photo retirée.',
    },
  },
});

export type PhotoNotice = keyof (typeof text)['en']['done'];
export const photoNotices = [
  'photo-added',
  'photo-saved',
  'photo-moved',
  'photo-removed',
] as const satisfies readonly PhotoNotice[];

const formats: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

/** "240 KB", "1.2 MB" (fr: "240 Ko", "1,2 Mo"). */
function fileSize(bytes: number, locale: Locale): string {
  const [kb, mb] = locale === 'fr' ? ['Ko', 'Mo'] : ['KB', 'MB'];
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ${kb}`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} ${mb}`;
}

/**
 * The Photos panel of a product's edit page: each photo with its descriptions, its place (up,
 * down) and its removal, then the upload form. Plain forms, each with its CSRF field; the upload
 * is multipart (photo-upload-reader.ts).
 */
export function PhotosPanel(props: {
  ctx: PageContext;
  productId: string;
  photos: ProductImageRow[];
  notice?: PhotoNotice;
  state?: CatalogFormState;
}) {
  const { ctx, photos } = props;
  const t = text[ctx.locale];
  const base = `/admin/catalog/${props.productId}/photos`;
  const upload = formOf(props.state, 'photo-upload', ctx.locale);
  const fileError = upload.error('photo');
  return (
    <section class="panel" id="photos" aria-labelledby="photos-title">
      <h2 id="photos-title">{t.title}</h2>
      <p class="muted">{t.lead}</p>
      {props.notice && <Notice kind="success">{t.done[props.notice]}</Notice>}
      {photos.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <ol class="photo-list">
          {photos.map((photo, index) => {
            const alt = ctx.locale === 'fr' ? photo.alt_fr : photo.alt_en;
            const url = productPhotoUrl(photo.file_name);
            return (
              <li key={photo.id} class="photo-item" id={`photo-${photo.id}`}>
                <a href={url} class="photo-thumb-link">
                  <img
                    class="photo-thumb"
                    src={url}
                    width={photo.width}
                    height={photo.height}
                    alt={alt}
                    loading="lazy"
                    decoding="async"
                  />
                  <span class="visually-hidden"> ({t.full})</span>
                </a>
                <div class="photo-details">
                  <p class="photo-facts">
                    {index === 0 && <span class="badge">{t.main}</span>}{' '}
                    <span class="muted small">
                      {formats[photo.content_type] ?? photo.content_type} · {photo.width} × {photo.height} px ·{' '}
                      {fileSize(photo.bytes, ctx.locale)}
                    </span>
                  </p>
                  <DescriptionsForm ctx={ctx} action={`${base}/${photo.id}`} photo={photo} state={props.state} />
                  <div class="photo-actions">
                    {index > 0 && (
                      <ActionButton
                        ctx={ctx}
                        action={`${base}/${photo.id}/move`}
                        fields={{ direction: 'up' }}
                        label={t.up}
                        about={alt}
                        look="ghost"
                      />
                    )}
                    {index < photos.length - 1 && (
                      <ActionButton
                        ctx={ctx}
                        action={`${base}/${photo.id}/move`}
                        fields={{ direction: 'down' }}
                        label={t.down}
                        about={alt}
                        look="ghost"
                      />
                    )}
                    <ActionButton
                      ctx={ctx}
                      action={`${base}/${photo.id}/remove`}
                      fields={{}}
                      label={t.remove}
                      about={alt}
                      look="danger"
                    />
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <form
        method="post"
        action={base}
        enctype="multipart/form-data"
        class="photo-upload"
        aria-labelledby="photo-upload-title"
        novalidate
      >
        <h3 id="photo-upload-title">{t.add}</h3>
        <CsrfField ctx={ctx} />
        <div class={`field${fileError ? ' field--invalid' : ''}`}>
          <label for="field-photo">{t.file}</label>
          <p class="field-hint" id="field-photo-hint">
            {t.fileHint}
          </p>
          <input
            id="field-photo"
            type="file"
            name="photo"
            accept="image/jpeg,image/png,image/webp"
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? 'field-photo-hint field-photo-error' : 'field-photo-hint'}
          />
          {fileError && (
            <p class="field-error" id="field-photo-error">
              {fileError}
            </p>
          )}
        </div>
        <div class="field-row">
          <Field
            name="alt_en"
            label={t.altEn}
            hint={t.altHint}
            value={upload.value('alt_en', '')}
            error={upload.error('alt_en')}
            maxLength={photoLimits.alt}
          />
          <Field
            name="alt_fr"
            label={t.altFr}
            hint={t.altHint}
            value={upload.value('alt_fr', '')}
            error={upload.error('alt_fr')}
            maxLength={photoLimits.alt}
          />
        </div>
        <button type="submit" class="button">
          {t.upload}
        </button>
      </form>
    </section>
  );
}

/** A photo's two descriptions, with their own ids (a page has one such form per photo). */
function DescriptionsForm(props: {
  ctx: PageContext;
  action: string;
  photo: ProductImageRow;
  state?: CatalogFormState;
}) {
  const { ctx, photo } = props;
  const t = text[ctx.locale];
  const f = formOf(props.state, `photo:${photo.id}`, ctx.locale);
  return (
    <form method="post" action={props.action} class="photo-texts" novalidate>
      <CsrfField ctx={ctx} />
      {(['alt_en', 'alt_fr'] as const).map((name) => {
        const id = `photo-${photo.id}-${name}`;
        const error = f.error(name);
        return (
          <div key={name} class={`field${error ? ' field--invalid' : ''}`}>
            <label for={id}>{name === 'alt_en' ? t.altEn : t.altFr}</label>
            <input
              id={id}
              type="text"
              name={name}
              value={f.value(name, photo[name])}
              maxLength={photoLimits.alt}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            {error && (
              <p class="field-error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" class="button">
        {t.save}
      </button>
    </form>
  );
}
