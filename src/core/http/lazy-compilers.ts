import ValidatorSelector from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<FastifyServerOptions['schemaController']>['compilersFactory'];
type Validate = ((data: unknown) => unknown) & { errors?: unknown };

/**
 * Fastify's own validator and serializer compilers, each route's schema compiled on its first use
 * instead of at start-up. Fastify compiles every schema of every route when the app is ready: for
 * this app's API that was about 0.7 s of a start (fast-json-stringify checking each response schema
 * against its meta-schema, then Ajv), most of it for operations a process may never serve.
 * A broken schema now fails on its route's first request instead of at start; the API tests
 * call every operation, so they still find it.
 */
export function lazyCompilers(): CompilersFactory {
  const validators = ValidatorSelector();
  const serializers = SerializerSelector();
  return {
    buildValidator: (externalSchemas, options) => {
      const compile = validators(externalSchemas, options as never);
      // Ajv's type asks for the compiled schema's internals, which Fastify never reads.
      return (route) => lazyValidator(() => compile(route) as Validate) as ReturnType<typeof compile>;
    },
    buildSerializer: (externalSchemas, options) => {
      const compile = serializers(externalSchemas, options as never);
      return (route) => {
        let serialize: ((data: unknown) => string) | undefined;
        return (data: unknown) => (serialize ??= compile(route as never))(data);
      };
    },
  };
}

/** Fastify reads a failed validation's `errors` from the function it called: copy them over. */
function lazyValidator(build: () => Validate): Validate {
  let compiled: Validate | undefined;
  const validate: Validate = (data) => {
    compiled ??= build();
    const result = compiled(data);
    validate.errors = compiled.errors;
    return result;
  };
  return validate;
}
