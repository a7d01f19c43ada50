import { AppError } from '../../platform/http/errors.js';
import { type ReadImage, readImage } from '../../platform/media/image-file.js';

/** What a product's photos may be: the form's hint says the same (views/admin-product-photos.tsx). */
export const photoLimits = {
  /** Of the file as uploaded: a phone photo exported for the web is well under it. */
  bytes: 5 * 1024 * 1024,
  /** Pixels, either side. */
  side: 8000,
  perProduct: 12,
  /** Characters of each description. */
  alt: 250,
} as const;

/** The file of an upload form as the multipart reader kept it: cut at `photoLimits.bytes` when larger. */
export interface UploadedFile {
  bytes: Buffer;
  truncated: boolean;
}

export interface PhotoTexts {
  alt_en: string;
  alt_fr: string;
}

type Body = Record<string, unknown>;

/**
 * The descriptions of a photo (its alt text), both required: what the photo shows, for people
 * who cannot see it and for search engines. One line each: line breaks and control characters
 * become spaces. Problems go into `problems` with their field's name.
 */
function readTexts(body: Body, problems: Record<string, string>): PhotoTexts {
  const one = (name: 'alt_en' | 'alt_fr') => {
    const raw = body[name];
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    const value = (typeof raw === 'string' ? raw : '').replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
    if (!value) problems[name] = 'alt-required';
    else if ([...value].length > photoLimits.alt) problems[name] = 'too-long';
    return value;
  };
  return { alt_en: one('alt_en'), alt_fr: one('alt_fr') };
}

function refuseIfAny(problems: Record<string, string>) {
  if (Object.keys(problems).length > 0) throw new AppError('VT_VALIDATION', { fields: problems });
}

/** A photo's descriptions changed (the form beside each photo). */
export function readPhotoTexts(body: Body): PhotoTexts {
  const problems: Record<string, string> = {};
  const texts = readTexts(body, problems);
  refuseIfAny(problems);
  return texts;
}

/**
 * The upload form: a JPEG, PNG or WebP of at most 5 MB and 8000 pixels a side, its type from its
 * bytes and its size from its header, read without its metadata (platform/media/image-file.ts),
 * and its two descriptions. Every problem is named at once, next to its field.
 */
export function readPhotoUpload(body: Body, file: UploadedFile | undefined): { image: ReadImage; texts: PhotoTexts } {
  const problems: Record<string, string> = {};
  const texts = readTexts(body, problems);
  let image: ReadImage | undefined;
  if (!file) problems.photo = 'photo-required';
  else if (file.truncated || file.bytes.length > photoLimits.bytes) problems.photo = 'photo-too-large';
  else {
    const read = readImage(file.bytes, { maxSide: photoLimits.side });
    if ('problem' in read) problems.photo = read.problem;
    else image = read;
  }
  refuseIfAny(problems);
  return { image: image as ReadImage, texts };
}

/** Up or down one place: the form's hidden field. */
export function readDirection(body: Body): 'up' | 'down' {
  const direction = body.direction;
  if (direction !== 'up' && direction !== 'down')
    throw new AppError('VT_VALIDATION', { fields: { direction: 'required' } });
  return direction;
}
