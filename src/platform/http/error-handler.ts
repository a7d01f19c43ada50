import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, errorCatalog } from './errors.js';
import { type Locale, isLocale, localeOfPath, negotiateLocale } from './i18n.js';

/**
 * Turns every failure into the same two shapes: a page in the visitor's language, or JSON for
 * API clients (`{ error: { code, message } }`). Visitors never see a stack trace; 5xx are logged
 * (scrubbed of personal data by the logger), 4xx are logged at info level by code only.
 */
export function errorHandling(app: FastifyInstance, respond: ErrorResponder) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const { code, fields } = classify(error, visitorLocale(request));
    const status = errorCatalog[code].status;
    if (status >= 500) request.log.error({ err: error, code }, 'request failed');
    else request.log.info({ code, status }, 'request refused');
    if (error instanceof AppError && error.details?.retryAfterSeconds) {
      reply.header('retry-after', String(error.details.retryAfterSeconds));
    }
    return respond(request, reply, code, fields);
  });

  app.setNotFoundHandler((request, reply) => respond(request, reply, 'VT_NOT_FOUND'));
}

/** What is wrong with a field, by the validator's keyword, in the visitor's language. */
const fieldProblems: Record<string, Record<Locale, string> | undefined> & { default: Record<Locale, string> } = {
  enum: { en: 'is not one of the accepted values', fr: 'n’est pas une valeur acceptée' },
  type: { en: 'has the wrong format', fr: 'n’a pas le bon format' },
  required: { en: 'is required', fr: 'est obligatoire' },
  minLength: { en: 'is too short', fr: 'est trop court' },
  maxLength: { en: 'is too long', fr: 'est trop long' },
  pattern: { en: 'has the wrong format', fr: 'n’a pas le bon format' },
  format: { en: 'has the wrong format', fr: 'n’a pas le bon format' },
  default: { en: 'is not valid', fr: 'n’est pas valide' },
};

/** Maps Fastify's own errors (parsing, validation, limits) onto our catalog. */
function classify(
  error: FastifyError | AppError,
  locale: Locale,
): { code: ErrorCode; fields?: Record<string, string> } {
  if (error instanceof AppError) return { code: error.code, fields: error.details?.fields };
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'VT_BODY_TOO_LARGE' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'VT_UNSUPPORTED_MEDIA_TYPE' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'VT_BAD_JSON' };
    case 'FST_ERR_BAD_URL':
      return { code: 'VT_BAD_URL' };
  }
  if (error.validation) {
    const fields: Record<string, string> = {};
    for (const issue of error.validation) {
      const field =
        issue.instancePath.replace(/^\//, '') ||
        String(issue.params?.missingProperty ?? error.validationContext ?? 'request');
      fields[field] =
        `${field}${locale === 'fr' ? '\u00a0: ' : ': '}${(fieldProblems[issue.keyword] ?? fieldProblems.default)[locale]}`;
    }
    return { code: 'VT_VALIDATION', fields };
  }
  if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400) return { code: 'VT_BAD_JSON' };
  const status = error.statusCode ?? 500;
  if (status === 404) return { code: 'VT_NOT_FOUND' };
  if (status === 405) return { code: 'VT_METHOD_NOT_ALLOWED' };
  if (status === 413) return { code: 'VT_BODY_TOO_LARGE' };
  if (status === 415) return { code: 'VT_UNSUPPORTED_MEDIA_TYPE' };
  if (status >= 400 && status < 500) return { code: 'VT_BAD_REQUEST' };
  return { code: 'VT_INTERNAL' };
}

/** The visitor's language: from the page address, an API client's ?locale=, or their browser. */
export function visitorLocale(request: FastifyRequest): Locale {
  const asked = (request.query as { locale?: unknown } | undefined)?.locale;
  return localeOfPath(request.url) ?? (isLocale(asked) ? asked : negotiateLocale(request.headers['accept-language']));
}

export type ErrorResponder = (
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  fields?: Record<string, string>,
) => FastifyReply;
