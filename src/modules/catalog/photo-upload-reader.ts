import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.js';
import { mayStaff } from '../backoffice/index.js';
import { type UploadedFile, photoLimits } from './product-photo-input.js';

const files = new WeakMap<FastifyRequest, UploadedFile>();

/** The photo of an upload form, as read by `photoUploads`; undefined when none was chosen. */
export function uploadedFile(request: FastifyRequest): UploadedFile | undefined {
  return files.get(request);
}

/**
 * Lets the routes registered in `register` take a multipart form (enctype="multipart/form-data")
 * with one photo: @fastify/multipart in an encapsulated plugin, so no other route accepts
 * multipart. The form is read in a preValidation hook: its text fields (the CSRF token among
 * them) become `request.body`, as a plain form's do, and its file is kept beside the request
 * (uploadedFile). The platform's CSRF check runs before this hook, so these routes say
 * `config: { csrf: 'after-body' }` and their token is checked once the body is read.
 *
 * Limits: one file, of 5 MB (a larger one is cut there and marked, so the form can say it is too
 * large instead of failing), a few small fields. Only a staff member who may manage the catalog
 * gets their upload read: anyone else's body is left unread, and the CSRF check and the staff
 * guard refuse them.
 */
export async function photoUploads(app: FastifyInstance, register: (uploads: FastifyInstance) => void) {
  await app.register(async (uploads) => {
    await uploads.register(multipart, {
      throwFileSizeLimit: false,
      limits: {
        fileSize: photoLimits.bytes,
        files: 1,
        fields: 8,
        fieldSize: 4096,
        fieldNameSize: 100,
        parts: 10,
        headerPairs: 20,
      },
    });
    uploads.addHook('preValidation', async (request) => {
      if (!request.isMultipart() || !request.staff || !mayStaff(request.staff, 'catalog.manage')) return;
      request.body = await readParts(request);
    });
    register(uploads);
  });
}

async function readParts(request: FastifyRequest): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Read to the end (or the limit) whatever it is: the rest of the form comes after it.
        const bytes = await part.toBuffer();
        // No file chosen: browsers still send the field, with no name and no bytes.
        if (part.fieldname !== 'photo' || (!part.filename && bytes.length === 0)) continue;
        files.set(request, { bytes, truncated: part.file.truncated });
      } else if (typeof part.value === 'string' && !Object.hasOwn(fields, part.fieldname)) {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    // A limit (413), a forbidden field name (400) or a malformed body: refused, nothing read.
    files.delete(request);
    const status = (error as { statusCode?: number }).statusCode;
    request.log.info({ cause: (error as { code?: string }).code }, 'multipart body refused');
    throw new AppError(status === 413 ? 'VT_BODY_TOO_LARGE' : 'VT_BAD_REQUEST');
  }
  return fields;
}
