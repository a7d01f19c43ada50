import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type BuildCompiler = ReturnType<typeof AjvCompiler>;
type Compile = ReturnType<BuildCompiler>;
type Validate = ReturnType<Compile>;

/**
 * Fastify compiles every route's JSON schemas with ajv while the app starts: a third of the shop's
 * cold start, most of it for forms few requests use (docs/performance.md). With this schema
 * controller each validator is compiled on its route's first request instead, and `warmUp`
 * compiles the rest one at a time in idle moments once the server listens, so a visitor seldom
 * waits for one. The validators are Fastify's own (@fastify/ajv-compiler, Fastify's ajv options):
 * only when they are compiled changes. A schema ajv refuses fails its route's requests with a 500,
 * which the hostile-input and authorization tests (every route, every method) would report.
 */
export function lazyValidation() {
  const waiting = new Set<() => unknown>();
  const build = AjvCompiler();
  const schemaController: FastifyServerOptions['schemaController'] = {
    compilersFactory: {
      buildValidator: ((externalSchemas, options) => {
        const compile = build(externalSchemas, options);
        return (route) => lazyValidator(() => compile(route), waiting);
      }) as BuildCompiler,
    },
  };

  /** Compiles the validators no request has needed yet, one per turn of the event loop. */
  function warmUp(): void {
    const next = waiting.values().next();
    if (next.done) return;
    try {
      next.value();
    } catch {
      // A schema ajv refuses: its route's requests get the 500 (compiled again, and refused,
      // on each), instead of the process dying just after it starts listening.
    }
    setImmediate(warmUp).unref();
  }

  return { schemaController, warmUp };
}

function lazyValidator(compile: () => Validate, waiting: Set<() => unknown>): Validate {
  let validate: Validate | undefined;
  const ready = () => {
    waiting.delete(ready);
    validate ??= compile();
    return validate;
  };
  waiting.add(ready);
  // Fastify reads the errors from the function it was given, after calling it; and it passes the
  // parent object (where ajv writes back a coerced or defaulted value) only to a validator that
  // has a schemaEnv, as ajv's compiled ones do.
  const lazy = ((data: unknown, context?: unknown) => {
    const check = ready();
    const result = (check as (data: unknown, context?: unknown) => ReturnType<Validate>)(data, context);
    lazy.errors = check.errors;
    return result;
  }) as Validate;
  (lazy as { schemaEnv?: unknown }).schemaEnv = true;
  return lazy;
}
